"""Text a leader typed is never thrown away.

A write that meets a long writer (an import) waits for it; a text that cannot
be saved is kept as a draft beside the journal and can be saved later; what an
editor saves that is not UTF-8 is kept byte for byte; two edits of one entry
never overwrite each other silently.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from leadjournal import messages
from leadjournal.clock import FixedClock
from leadjournal.errors import Conflict
from leadjournal.journal import Journal
from leadjournal.store import Store
from leadjournal.store.base import BUSY_TIMEOUT_SECONDS

from .conftest import Cli
from .helpers import rows
from .procs import child_env, command, helper, run, wait_for


def _editor(tmp_path: Path, name: str, body: str) -> Path:
    script = tmp_path / name
    script.write_text(f"#!{sys.executable}\nimport sys\n{body}\n")
    script.chmod(0o755)
    return script


def _drafts(home: Path) -> list[Path]:
    folder = home / "drafts"
    return sorted(folder.iterdir()) if folder.exists() else []


def _hold(env: dict[str, str], db: Path, seconds: float) -> subprocess.Popen[str]:
    """A child process that holds the write lock, as a long import does."""
    holder = helper(env, "hold_write_lock.py", str(db), str(seconds))
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"
    return holder


def _assert_private_draft(draft: Path) -> None:
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    assert stat.S_IMODE(draft.parent.stat().st_mode) == 0o700


# -- waiting for a long writer ------------------------------------------------------


def test_a_patient_write_waits_past_the_busy_timeout(tmp_path: Path, clock: FixedClock) -> None:
    home = tmp_path / "home"
    db = home / "journal.db"
    Store.open(db).close()
    holder = _hold(child_env(home), db, 3.0)
    try:
        impatient = Store.open(db, busy_timeout=0.3)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                Journal(impatient, clock).write("gives up")
        finally:
            impatient.close()
        waits: list[float] = []
        patient = Store.open(db, busy_timeout=0.3)
        patient.on_wait = lambda: waits.append(time.monotonic())
        started = time.monotonic()
        try:
            Journal(patient, clock).write("waits its turn")
        finally:
            patient.close()
        assert time.monotonic() - started > 0.3 * 2
        assert len(waits) == 1  # said once, however long the wait
    finally:
        assert holder.wait(timeout=60) == 0
    assert sorted(rows(db, "SELECT body FROM entries")) == [
        ("waits its turn",),
        ("written by the long writer",),
    ]


def test_write_and_prompt_answer_wait_for_a_long_import(tmp_path: Path) -> None:
    """Longer than the busy timeout: today's write fails after it, saying "busy"."""
    home = tmp_path / "home"
    db = home / "journal.db"
    env = child_env(home)
    assert run(env, "write", "first").returncode == 0
    holder = _hold(env, db, BUSY_TIMEOUT_SECONDS + 2)
    try:
        writer = subprocess.Popen(
            command("write", "Told @maya the plan was clear"),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        answer = subprocess.Popen(
            command("prompt", "--answer", "--seed", "1"),
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        _, answer_err = answer.communicate("Thanked Sam for the cover\n", timeout=120)
        _, write_err = writer.communicate(timeout=120)
    finally:
        assert holder.wait(timeout=60) == 0
    assert writer.returncode == 0, write_err
    assert answer.returncode == 0, answer_err
    for err in (write_err, answer_err):
        assert err.count(messages.WAITING_FOR_WRITER) == 1
        assert "busy" not in err.lower()
    bodies = {body for (body,) in rows(db, "SELECT body FROM entries")}
    assert bodies == {
        "first",
        "written by the long writer",
        "Told @maya the plan was clear",
        "Thanked Sam for the cover",
    }
    assert _drafts(home) == []  # kept while waiting, removed once saved


def test_ctrl_c_while_waiting_keeps_the_draft_and_it_saves_later(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = home / "journal.db"
    env = child_env(home)
    assert run(env, "write", "first").returncode == 0
    holder = _hold(env, db, 60)
    try:
        writer = subprocess.Popen(
            command("write", "--tag", "energy"),
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert writer.stdin is not None and writer.stderr is not None
        writer.stdin.write("A long thought I do not want to lose\n")
        writer.stdin.close()
        said: list[str] = []
        reader = threading.Thread(target=lambda: said.extend(writer.stderr or ()), daemon=True)
        reader.start()
        wait_for(lambda: any(messages.WAITING_FOR_WRITER in line for line in said))
        writer.send_signal(signal.SIGINT)
        assert writer.wait(timeout=60) == 130
        reader.join(timeout=30)
    finally:
        holder.kill()
        holder.wait(timeout=60)
    (draft,) = _drafts(home)
    _assert_private_draft(draft)
    assert draft.read_text(encoding="utf-8") == "A long thought I do not want to lose\n"
    stderr = "".join(said)
    assert str(draft) in stderr and f"--from-draft {draft.stem}" in stderr
    assert "--tag energy" in stderr  # the command to save it later keeps the options
    assert rows(db, "SELECT body FROM entries") == [("first",)]  # the holder's work undone whole

    listed = run(env, "db", "doctor")
    assert listed.returncode == 0 and draft.stem in listed.stdout
    saved = run(env, "write", "--from-draft", draft.stem, "--tag", "energy", "--json")
    assert saved.returncode == 0, saved.stderr
    assert rows(db, "SELECT body FROM entries ORDER BY rowid") == [
        ("first",),
        ("A long thought I do not want to lose",),
    ]
    assert rows(db, "SELECT tag FROM entry_tags") == [("energy",)]
    assert _drafts(home) == []
    assert draft.stem not in run(env, "db", "doctor").stdout


# -- drafts kept when saving fails ---------------------------------------------------


def test_an_editor_text_that_cannot_be_saved_is_kept(
    cli: Cli, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.ok("write", "first")
    (isolated / "journal.db.damaged").write_text("")  # the journal refuses writes now
    editor = _editor(tmp_path, "ed", "open(sys.argv[1], 'w').write('Half an hour of thinking')")
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setattr("leadjournal.cli.context.Settings.interactive", property(lambda s: True))
    failed = cli("write")
    assert failed.exit_code == 1 and "damaged" in failed.stderr
    (draft,) = _drafts(isolated)
    _assert_private_draft(draft)
    assert draft.read_text(encoding="utf-8") == "Half an hour of thinking"
    assert str(draft) in failed.stderr

    (isolated / "journal.db.damaged").unlink()
    cli.ok("write", "--from-draft", str(draft))
    assert rows(cli.db, "SELECT body FROM entries ORDER BY rowid") == [
        ("first",),
        ("Half an hour of thinking",),
    ]
    assert _drafts(isolated) == []


def test_a_read_only_journal_keeps_the_piped_text(tmp_path: Path) -> None:
    from .procs import without_root_powers

    home = tmp_path / "home"
    db = home / "journal.db"
    env = child_env(home)
    assert run(env, "write", "first").returncode == 0
    db.chmod(0o400)
    try:
        failed = run(env, "write", input="Written on the train\n", preexec=without_root_powers)
    finally:
        db.chmod(0o600)
    assert failed.returncode == 1
    (draft,) = _drafts(home)
    _assert_private_draft(draft)
    assert draft.read_text(encoding="utf-8") == "Written on the train\n"
    assert str(draft) in failed.stderr


def test_bad_utf8_from_the_editor_is_kept_byte_for_byte(
    cli: Cli, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = cli.ok("write", "Before the edit", "--json").json()
    editor = _editor(
        tmp_path, "ed", "open(sys.argv[1], 'wb').write(b'Line one\\nLine \\xff two\\n')"
    )
    monkeypatch.setenv("EDITOR", str(editor))
    failed = cli("edit", entry["id"][:8])
    assert failed.exit_code == 2
    assert "UTF-8" in failed.stderr and "line 2" in failed.stderr
    (draft,) = _drafts(isolated)
    _assert_private_draft(draft)
    assert draft.read_bytes() == b"Line one\nLine \xff two\n"
    assert str(draft) in failed.stderr
    assert rows(cli.db, "SELECT body FROM entries") == [("Before the edit",)]

    # Saving it as it is says what is wrong and keeps the draft.
    again = cli("write", "--from-draft", draft.name)
    assert again.exit_code == 2 and "line 2" in again.stderr
    assert draft.exists()
    draft.write_bytes(b"Line one\nLine two\n")
    cli.ok("write", "--from-draft", draft.name)
    assert not draft.exists()


def test_from_draft_names_only_drafts(cli: Cli, isolated: Path, tmp_path: Path) -> None:
    cli.ok("write", "first")
    missing = cli("write", "--from-draft", "nothing-like-it")
    assert missing.exit_code == 1 and "db doctor" in missing.stderr
    mine = tmp_path / "notes.txt"
    mine.write_text("my own file")
    outside = cli("write", "--from-draft", str(mine))
    assert outside.exit_code == 2 and mine.exists()
    both = cli("write", "text", "--from-draft", "x")
    assert both.exit_code == 2
    assert rows(cli.db, "SELECT count(*) FROM entries") == [(1,)]


# -- two edits of one entry ----------------------------------------------------------


def test_two_edits_of_one_entry_never_overwrite_silently(
    cli: Cli, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = cli.ok("write", "The original", "--json").json()
    short = entry["id"][:8]
    inner = _editor(tmp_path, "inner", "open(sys.argv[1], 'w').write('Second terminal version')")
    # The first editor stays open while a second terminal edits the same entry.
    outer = _editor(
        tmp_path,
        "outer",
        "import os, subprocess\n"
        f"env = dict(os.environ, EDITOR={str(inner)!r})\n"
        f"args = [sys.executable, '-m', 'leadjournal', 'edit', {short!r}]\n"
        "done = subprocess.run(args, env=env)\n"
        "assert done.returncode == 0\n"
        "open(sys.argv[1], 'w').write('First terminal version')",
    )
    monkeypatch.setenv("EDITOR", str(outer))
    clash = cli("edit", short)
    assert clash.exit_code == 1
    assert messages.EDITED.format(id=short) not in clash.stdout
    assert "changed" in clash.stderr
    assert rows(cli.db, "SELECT body FROM entries") == [("Second terminal version",)]
    (draft,) = _drafts(isolated)
    assert draft.read_text(encoding="utf-8") == "First terminal version"
    assert str(draft) in clash.stderr


def test_edit_refuses_to_save_over_a_newer_version(journal: Journal) -> None:
    entry = journal.write("Version one")
    journal.edit(entry.id, "Version two by another terminal")
    with pytest.raises(Conflict):
        journal.edit(entry.id, "Version two here", expected_body=entry.body)
    assert journal.show(entry.id).body == "Version two by another terminal"
    # Unchanged by this leader: nothing to save, nothing to clash with.
    kept = journal.edit(entry.id, "Version one", expected_body=entry.body)
    assert kept.body == "Version two by another terminal"


def test_a_draft_file_is_not_world_readable_even_with_a_loose_umask(
    cli: Cli, isolated: Path
) -> None:
    old = os.umask(0)
    try:
        (isolated).mkdir(parents=True, exist_ok=True)
        (isolated / "drafts").mkdir(mode=0o777)
        cli.ok("write", "first")
        (isolated / "journal.db.damaged").write_text("")
        cli("write", input="Piped and refused\n")
    finally:
        os.umask(old)
    (draft,) = _drafts(isolated)
    _assert_private_draft(draft)


def test_a_bad_date_or_tag_is_refused_before_anything_is_typed(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = tmp_path / "editor-was-opened"
    editor = _editor(tmp_path, "ed", f"open({str(opened)!r}, 'w').write('yes')")
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setattr("leadjournal.cli.context.Settings.interactive", property(lambda s: True))
    refused = cli("write", "--date", "someday")
    assert refused.exit_code == 2 and not opened.exists()
    refused = cli("write", "--tag", "not a tag!")
    assert refused.exit_code == 2 and not opened.exists()


def test_the_command_to_save_later_keeps_the_date_it_meant(
    cli: Cli, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.ok("write", "first")
    (isolated / "journal.db.damaged").write_text("")
    failed = cli("write", "--date", "yesterday", input="About yesterday\n")
    assert failed.exit_code == 1
    assert "--date 2026-11-19" in failed.stderr  # the fixed clock's yesterday
    (isolated / "journal.db.damaged").unlink()
    (draft,) = _drafts(isolated)
    cli.ok("write", "--from-draft", draft.name, "--date", "2026-11-19")
    assert rows(cli.db, "SELECT date FROM entries WHERE body = 'About yesterday'") == [
        ("2026-11-19",)
    ]


def test_bad_utf8_from_the_editor_in_a_typed_answer_is_kept(
    cli: Cli, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = _editor(tmp_path, "ed", "open(sys.argv[1], 'wb').write(b'Thanked \\xe9quipe')")
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setattr("leadjournal.cli.context.Settings.interactive", property(lambda s: True))
    failed = cli("prompt", "--answer", "--seed", "1", input=":e\n")
    assert failed.exit_code == 2 and "byte 9" in failed.stderr
    (draft,) = _drafts(isolated)
    assert draft.read_bytes() == b"Thanked \xe9quipe"
    listed = cli.ok("db", "doctor", "--json").json()["drafts"]
    assert [(d["name"], d["size"]) for d in listed] == [(draft.stem, len(b"Thanked \xe9quipe"))]


def test_when_no_draft_can_be_written_the_text_is_shown_to_copy(tmp_path: Path) -> None:
    from .procs import without_root_powers

    home = tmp_path / "home"
    db = home / "journal.db"
    env = child_env(home)
    assert run(env, "write", "first").returncode == 0
    db.chmod(0o400)
    home.chmod(0o500)  # no drafts folder can be made beside the journal either
    try:
        text = "The only copy of this text\n"
        failed = run(env, "write", input=text, preexec=without_root_powers)
    finally:
        home.chmod(0o700)
        db.chmod(0o600)
    assert failed.returncode == 1
    assert _drafts(home) == []
    assert "The only copy of this text" in failed.stderr


def test_an_argument_that_is_not_utf8_is_kept_as_its_bytes(cli: Cli, isolated: Path) -> None:
    # The shell hands Python bytes that are not UTF-8 as surrogates.
    failed = cli("write", "Notes from the caf\udce9")
    assert failed.exit_code == 2
    (draft,) = _drafts(isolated)
    assert draft.read_bytes() == b"Notes from the caf\xe9"


def test_a_folder_of_the_leaders_own_named_drafts_keeps_its_mode(cli: Cli, isolated: Path) -> None:
    own = isolated / "drafts"
    own.mkdir(parents=True)
    (own / "my-novel.md").write_text("chapter one")
    own.chmod(0o755)
    cli.ok("write", "first")
    (isolated / "journal.db.damaged").write_text("")
    cli("write", input="Refused for now\n")
    assert stat.S_IMODE(own.stat().st_mode) == 0o755
    (draft,) = [path for path in own.iterdir() if path.name != "my-novel.md"]
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
