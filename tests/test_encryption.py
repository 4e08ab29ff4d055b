"""Encryption at rest: an encrypted journal reads as noise to everyone without the passphrase.

Every command works on it with the passphrase from each source (a command,
the keyring, the terminal), a wrong one changes nothing, and a kill at any
point of encrypting or decrypting leaves one whole journal.
"""

from __future__ import annotations

import json
import shlex
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from leadjournal.store import Store
from leadjournal.store.cipher import WrongPassphrase, derive, looks_encrypted, new_key, salt_of

from .conftest import Cli
from .procs import child_env, helper, kill, run, wait_for

PASSPHRASE = "correct horse battery staple"
# Words of one reflection, each found nowhere else in a journal file.
SECRET = "Zebulon undermines Quillfeather every Thursday"
WORDS = ["Zebulon", "undermines", "Quillfeather", "Thursday"]


def passphrase_command(tmp_path: Path, passphrase: str = PASSPHRASE, name: str = "pass") -> str:
    """A command that prints the passphrase, as `pass show leadjournal` would."""
    secret = tmp_path / f"{name}.txt"
    secret.write_text(passphrase + "\n", encoding="utf-8")
    return shlex.join(["cat", str(secret)])


def with_command(tmp_path: Path, passphrase: str = PASSPHRASE) -> dict[str, str]:
    return {"LEADJOURNAL_PASSPHRASE_COMMAND": passphrase_command(tmp_path, passphrase)}


def seeded_plain(cli: Cli) -> None:
    cli.ok("write", SECRET, "--tag", "people")
    cli.ok(
        "review", "--week", "2026-W46", "--results", "7", "--relationships", "4",
        "--reflection", "A rushed week", "--win", "Launch", "--commit", "Hold 1:1s",
    )  # fmt: skip


def encrypted(cli: Cli, tmp_path: Path) -> dict[str, str]:
    """The default journal with data, encrypted; the environment that opens it."""
    seeded_plain(cli)
    env = with_command(tmp_path)
    cli.ok("db", "encrypt", env=env)
    return env


def file_bytes(path: Path) -> bytes:
    found = b""
    for suffix in ("", "-wal", "-shm", "-journal"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            found += part.read_bytes()
    return found


def test_the_encrypted_file_holds_none_of_the_words(cli: Cli, tmp_path: Path) -> None:
    seeded_plain(cli)
    assert b"Quillfeather" in file_bytes(cli.db)  # plaintext before
    env = with_command(tmp_path)
    run_ = cli.ok("db", "encrypt", env=env)
    assert "Encrypted" in run_.stdout
    data = file_bytes(cli.db)
    for word in [*WORDS, "Launch", "rushed", "SQLite format 3"]:
        assert word.encode() not in data
        assert word.lower().encode() not in data.lower()
    assert not data.startswith(b"SQLite format 3\x00")
    assert looks_encrypted(cli.db)
    assert oct(cli.db.stat().st_mode & 0o777) == "0o600"
    # Every command opens it with the passphrase: the text is all there.
    assert SECRET in cli.ok("log", env=env).stdout


def test_the_standard_library_cannot_open_it(cli: Cli, tmp_path: Path) -> None:
    encrypted(cli, tmp_path)
    conn = sqlite3.connect(cli.db)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            conn.execute("SELECT * FROM sqlite_master").fetchall()
    finally:
        conn.close()


def test_db_status_says_encrypted_and_with_what(cli: Cli, tmp_path: Path) -> None:
    seeded_plain(cli)
    plain = cli.ok("db", "status", "--json").json()
    assert plain["encrypted"] is False and plain["cipher"] is None
    env = with_command(tmp_path)
    cli.ok("db", "encrypt", env=env)
    status = cli.ok("db", "status", "--json", env=env).json()
    assert status["encrypted"] is True
    assert status["cipher"]["cipher_version"].startswith("4.")
    assert status["cipher"]["kdf_iter"] == "256000"
    assert status["cipher"]["cipher_kdf_algorithm"] == "PBKDF2_HMAC_SHA512"
    text = cli.ok("db", "status", env=env).stdout
    assert "encrypted" in text and "SQLCipher 4." in text


def test_every_command_works_on_an_encrypted_journal(cli: Cli, tmp_path: Path) -> None:
    env = encrypted(cli, tmp_path)
    cli.ok("write", "Second thought about @delegation", env=env)
    cli.ok(
        "review", "--week", "2026-W47", "--results", "8", "--relationships", "6",
        "--reflection", "Calmer week", "--win", "Hiring", "--commit", "Write the plan",
        env=env,
    )  # fmt: skip
    hits = cli.ok("search", "Quillfeather", "--json", env=env).json()
    assert any("Quillfeather" in json.dumps(hit) for hit in hits)
    assert "2026-W47" in cli.ok("trends", env=env).stdout
    assert "Second thought" in cli.ok("log", env=env).stdout
    assert cli.ok("commitments", "--json", env=env).json()
    assert cli.ok("brief", env=env).stdout
    # export: plaintext, and said so once on stderr
    exported = cli.ok("export", env=env)
    assert "Quillfeather" in exported.stdout
    assert exported.stderr.count("plaintext") == 1
    # import into another encrypted journal (its own passphrase)
    dump = tmp_path / "dump.json"
    dump.write_text(exported.stdout, encoding="utf-8")
    other = tmp_path / "other.db"
    (tmp_path / "o").mkdir()
    other_env = with_command(tmp_path / "o", "another passphrase")
    cli.ok("--db", str(other), "db", "init", "--encrypt", env=other_env)
    assert looks_encrypted(other)
    imported = cli.ok("--db", str(other), "import", str(dump), env=other_env)
    assert "2 reviews" in imported.stdout
    assert b"Quillfeather" not in file_bytes(other)
    assert "Quillfeather" in cli.ok("--db", str(other), "log", env=other_env).stdout
    # doctor: healthy, and its working copy was encrypted too (nothing left)
    report = cli.ok("db", "doctor", "--json", env=env).json()
    assert report["healthy"] is True
    assert [p for p in cli.db.parent.iterdir() if p.name.startswith(".")] == []
    # still encrypted after all of it
    assert b"Second thought" not in file_bytes(cli.db)
    assert looks_encrypted(cli.db)


def test_an_encrypted_backup_is_encrypted_and_restores(cli: Cli, tmp_path: Path) -> None:
    env = encrypted(cli, tmp_path)
    backup = tmp_path / "backup.db"
    cli.ok("db", "backup", str(backup), env=env)
    assert looks_encrypted(backup)
    assert salt_of(backup) == salt_of(cli.db)  # the same key and salt
    assert b"Quillfeather" not in file_bytes(backup)
    conn = sqlite3.connect(backup)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT 1 FROM sqlite_master").fetchall()
    conn.close()
    # Restore: the backup put back in the journal's place opens with the passphrase.
    cli.db.unlink()
    backup.rename(cli.db)
    assert SECRET in cli.ok("log", env=env).stdout
    cli.ok("write", "after the restore", env=env)


def test_a_wrong_passphrase_is_refused_with_nothing_changed(cli: Cli, tmp_path: Path) -> None:
    encrypted(cli, tmp_path)
    before = {p.name: p.read_bytes() for p in cli.db.parent.iterdir() if p.is_file()}
    wrong = with_command(tmp_path, "not the passphrase")
    for args in (["log"], ["write", "should not land"], ["db", "doctor"], ["export"]):
        result = cli(*args, env=wrong)
        assert result.exit_code == 1, args
        assert "That passphrase does not open this journal." in result.stderr
        assert "not the passphrase" not in result.stderr + result.stdout
        assert "Traceback" not in result.stderr
        assert "unexpected" not in result.stderr.lower()
    after = {p.name: p.read_bytes() for p in cli.db.parent.iterdir() if p.is_file()}
    assert after == before  # no damage mark, no recovered copy, not a byte written


def test_no_passphrase_off_a_terminal_says_how(cli: Cli, tmp_path: Path) -> None:
    encrypted(cli, tmp_path)
    result = cli("log")
    assert result.exit_code == 1
    assert "encrypted, and no passphrase was given" in result.stderr
    assert "LEADJOURNAL_PASSPHRASE_COMMAND" in result.stderr


def test_the_passphrase_is_never_in_an_error_or_the_debug_output(
    cli: Cli, tmp_path: Path
) -> None:
    env = encrypted(cli, tmp_path)
    wrong = with_command(tmp_path, "hunter2-wrong")
    result = cli("--debug", "log", env=wrong)
    assert result.exit_code == 1 and "Traceback" in result.stderr
    assert "hunter2-wrong" not in result.stderr
    broken = cli("--debug", "show", "zzzz", env=env)
    assert PASSPHRASE not in broken.stderr + broken.stdout
    # A key's repr says nothing either.
    assert "hidden" in repr(derive(PASSPHRASE, b"s" * 16))


def test_a_failing_passphrase_command_says_so_without_its_output(
    cli: Cli, tmp_path: Path
) -> None:
    encrypted(cli, tmp_path)
    script = tmp_path / "fails.sh"
    script.write_text("#!/bin/sh\necho leaked-secret\nexit 3\n")
    script.chmod(0o700)
    result = cli("log", env={"LEADJOURNAL_PASSPHRASE_COMMAND": str(script)})
    assert result.exit_code == 2
    assert "exited with 3" in result.stderr and "leaked-secret" not in result.stderr


def test_decrypt_asks_first_then_writes_plaintext_back(cli: Cli, tmp_path: Path) -> None:
    env = encrypted(cli, tmp_path)
    refused = cli("db", "decrypt", env=env)
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert looks_encrypted(cli.db)
    cli.ok("db", "decrypt", "--yes", env=env)
    assert cli.db.read_bytes().startswith(b"SQLite format 3\x00")
    conn = sqlite3.connect(cli.db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert (SECRET,) in conn.execute("SELECT body FROM entries").fetchall()
    conn.close()
    assert SECRET in cli.ok("log").stdout  # no passphrase needed any more


def test_rekey_changes_the_passphrase(cli: Cli, tmp_path: Path) -> None:
    env = encrypted(cli, tmp_path)
    old_salt = salt_of(cli.db)
    new_secret = tmp_path / "new"
    new_secret.mkdir()
    rekey_env = {**env, "LEADJOURNAL_NEW_PASSPHRASE_COMMAND": passphrase_command(new_secret, "n3w")}
    cli.ok("db", "rekey", env=rekey_env)
    assert salt_of(cli.db) != old_salt
    assert cli("log", env=env).exit_code == 1
    assert SECRET in cli.ok("log", env=with_command(new_secret, "n3w")).stdout


def test_a_rekey_without_a_new_passphrase_source_changes_nothing(
    cli: Cli, tmp_path: Path
) -> None:
    env = encrypted(cli, tmp_path)
    before = cli.db.read_bytes()
    result = cli("db", "rekey", env=env)
    assert result.exit_code == 2 and "LEADJOURNAL_NEW_PASSPHRASE_COMMAND" in result.stderr
    assert cli.db.read_bytes() == before


def test_init_encrypt_and_the_config_start_an_encrypted_journal(
    cli: Cli, tmp_path: Path
) -> None:
    env = with_command(tmp_path)
    cli.ok("db", "init", "--encrypt", env=env)
    assert looks_encrypted(cli.db)
    cli.ok("write", SECRET, env=env)
    assert b"Quillfeather" not in file_bytes(cli.db)
    assert cli("db", "init", env=env).exit_code == 1  # never over an existing journal
    # encrypt = true in the config: the first command makes it encrypted
    other = tmp_path / "cfg.db"
    config = tmp_path / "config.toml"
    config.write_text("encrypt = true\n", encoding="utf-8")
    configured = {**env, "LEADJOURNAL_CONFIG": str(config)}
    cli.ok("--db", str(other), "write", "first words", env=configured)
    assert looks_encrypted(other)
    assert "first words" in cli.ok("--db", str(other), "log", env=env).stdout


def test_encrypt_refuses_twice_and_keeps_a_named_backup(cli: Cli, tmp_path: Path) -> None:
    seeded_plain(cli)
    env = with_command(tmp_path)
    copy = tmp_path / "plain-copy.db"
    done = cli.ok("db", "encrypt", "--backup", str(copy), env=env)
    assert str(copy) in done.stdout
    assert copy.read_bytes().startswith(b"SQLite format 3\x00")
    again = cli("db", "encrypt", env=env)
    assert again.exit_code == 1 and "already encrypted" in again.stderr


def test_a_plain_journal_stays_plain_when_sqlcipher_would_not_open_it(cli: Cli) -> None:
    """A stub or a text file is not taken for an encrypted journal."""
    cli.home.mkdir(parents=True, exist_ok=True)
    for content in (b"my precious notes\n", b"\x00" * 8192):
        cli.db.write_bytes(content)
        assert not looks_encrypted(cli.db)


# -- errors of the SQLCipher driver get the same answers ------------------------


def test_busy_damaged_and_wrong_key_on_an_encrypted_journal(cli: Cli, tmp_path: Path) -> None:
    from leadjournal.cli.app import _is_sqlite_error
    from leadjournal.clock import FixedClock
    from leadjournal.journal import Journal
    from leadjournal.store import describe_sqlite_error

    encrypted(cli, tmp_path)
    key = derive(PASSPHRASE, salt_of(cli.db) or b"")
    # wrong key: its own error, never damage
    with pytest.raises(WrongPassphrase):
        Store.open(cli.db, key=derive("nope", key.salt))
    assert not Path(f"{cli.db}.damaged").exists()
    # busy: another connection holds the write lock
    holder = Store.open(cli.db, key=key)
    impatient = Store.open(cli.db, key=key, busy_timeout=0.2)
    clock = FixedClock(datetime(2026, 11, 20, 9, tzinfo=UTC))
    try:
        with holder.transaction():
            holder.conn.execute("UPDATE entries SET starred = starred")
            with pytest.raises(Exception) as caught:
                Journal(impatient, clock).write("blocked")
        assert type(caught.value).__module__.startswith("sqlcipher3")
        assert _is_sqlite_error(caught.value)
        assert "busy in another program" in describe_sqlite_error(caught.value, "j").message
    finally:
        impatient.close()
        holder.close()
    # damaged: pages in the middle garbled; said as damage, marked, no traceback
    data = bytearray(cli.db.read_bytes())
    for page in range(2, len(data) // 4096 - 1):
        data[page * 4096 + 100 : page * 4096 + 200] = b"\x5a" * 100
    cli.db.write_bytes(bytes(data))
    result = cli("search", "Quillfeather", env=with_command(tmp_path))
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr and "unexpected" not in result.stderr.lower()
    assert "damaged" in result.stderr or "malformed" in result.stderr or "doctor" in result.stderr
    assert Path(f"{cli.db}.damaged").exists()


def test_a_patient_write_waits_for_an_encrypted_writer(tmp_path: Path) -> None:
    """sqlcipher3's OperationalError is recognised as busy by the patient write loop."""
    import threading
    import time

    db = tmp_path / "j.db"
    key = new_key(PASSPHRASE)
    Store.open(db, key=key).close()
    taken = threading.Event()

    def hold() -> None:
        holder = Store.open(db, key=key)
        try:
            holder.conn.execute("BEGIN IMMEDIATE")
            taken.set()
            time.sleep(1.5)
            holder.conn.execute("COMMIT")
        finally:
            holder.close()

    thread = threading.Thread(target=hold)
    thread.start()
    taken.wait(30)
    patient = Store.open(db, key=key, busy_timeout=0.2)
    waited: list[bool] = []
    patient.on_wait = lambda: waited.append(True)
    try:
        with patient.transaction():
            patient.conn.execute("PRAGMA user_version")
    finally:
        thread.join()
        patient.close()
    assert waited == [True]


# -- the keyring (a fake backend, chosen the way keyring lets any be) ---------------


def keyring_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return child_env(
        tmp_path / "home",
        PYTHON_KEYRING_BACKEND="tests.fake_keyring.FileKeyring",
        FAKE_KEYRING_FILE=str(tmp_path / "keyring.json"),
        **extra,
    )


def test_remember_keeps_the_key_in_the_keyring_and_forget_removes_it(tmp_path: Path) -> None:
    command = passphrase_command(tmp_path)
    env = keyring_env(tmp_path)
    assert run(env, "write", SECRET).returncode == 0
    done = run({**env, "LEADJOURNAL_PASSPHRASE_COMMAND": command}, "db", "encrypt", "--remember")
    assert done.returncode == 0, done.stderr
    assert "keyring" in done.stdout
    stored = (tmp_path / "keyring.json").read_text(encoding="utf-8")
    assert PASSPHRASE not in stored  # the derived key, not the passphrase
    mark = tmp_path / "home" / "journal.db.keyring"
    assert mark.exists() and mark.read_bytes() == b""
    # Without a command and off a terminal, the keyring opens it.
    shown = run(env, "log")
    assert shown.returncode == 0, shown.stderr
    assert SECRET in shown.stdout
    assert run(env, "write", "from the keyring").returncode == 0
    gone = run(env, "db", "forget")
    assert gone.returncode == 0 and "no longer kept" in gone.stdout
    assert not mark.exists()
    assert json.loads((tmp_path / "keyring.json").read_text(encoding="utf-8")) == {}
    refused = run(env, "log")
    assert refused.returncode == 1 and "no passphrase was given" in refused.stderr
    # After a rekey with --remember the new key is kept.
    rekeyed = run(
        {
            **env,
            "LEADJOURNAL_PASSPHRASE_COMMAND": command,
            "LEADJOURNAL_NEW_PASSPHRASE_COMMAND": passphrase_command(tmp_path, "other", "new"),
        },
        "db", "rekey", "--remember",
    )  # fmt: skip
    assert rekeyed.returncode == 0, rekeyed.stderr
    assert SECRET in run(env, "log").stdout


def test_a_plain_journal_loads_neither_sqlcipher_nor_keyring(tmp_path: Path) -> None:
    from .test_startup import modules

    for args in (["write", "plain words"], ["log"], ["search", "plain"], ["trends"]):
        found = {name.split(".")[0] for name in modules(tmp_path, *args)}
        assert "sqlcipher3" not in found and "keyring" not in found, args


def test_nothing_that_does_not_need_the_journal_asks_for_the_passphrase(
    cli: Cli, tmp_path: Path
) -> None:
    encrypted(cli, tmp_path)
    for args in (["--help"], ["db", "--help"], ["db", "path"], ["write", "--help"]):
        result = cli(*args)  # no passphrase source at all
        assert result.exit_code == 0, (args, result.stderr)
        assert "passphrase" not in result.stderr.lower()


# -- killed at any point, one journal stays whole -------------------------------


def whole_journal(path: Path, env: dict[str, str]) -> str:
    """Which journal is at ``path`` (plain or encrypted), after checking it opens whole."""
    shown = run(env, "log")
    assert shown.returncode == 0, shown.stderr
    assert SECRET in shown.stdout
    if looks_encrypted(path):
        return "encrypted"
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    return "plain"


@pytest.mark.parametrize("point", ["export", "check", "swap", "renamed"])
@pytest.mark.parametrize("direction", ["encrypt", "decrypt"])
def test_a_kill_while_rewriting_leaves_one_whole_journal(
    tmp_path: Path, point: str, direction: str
) -> None:
    db = tmp_path / "home" / "journal.db"
    env = child_env(
        tmp_path / "home", db, LEADJOURNAL_PASSPHRASE_COMMAND=passphrase_command(tmp_path)
    )
    assert run(env, "write", SECRET).returncode == 0
    assert run(env, "write", "a second entry").returncode == 0
    if direction == "decrypt":
        assert run(env, "db", "encrypt").returncode == 0
    marker = tmp_path / "marker"
    args = ["db", direction] + (["--yes"] if direction == "decrypt" else [])
    child = helper(env, "slow_rewrite.py", point, str(marker), *args)
    wait_for(lambda: marker.exists() or child.poll() is not None)
    assert child.poll() is None, child.communicate()
    kill(child)
    state = whole_journal(db, env)
    started = "plain" if direction == "encrypt" else "encrypted"
    expected = started if point != "renamed" else {"plain": "encrypted", "encrypted": "plain"}[
        started
    ]
    assert state == expected
    # what the killed command was writing is gone after the next command
    leftovers = [p.name for p in db.parent.iterdir() if ".partial" in p.name]
    assert leftovers == []
    if state == "encrypted":
        assert b"Zebulon" not in file_bytes(db)


def test_the_pty_prompt_takes_the_passphrase_without_echo(cli: Cli, tmp_path: Path) -> None:
    import pexpect

    from .helpers import finish, spawn

    encrypted(cli, tmp_path)
    child = spawn(cli.home, "log")
    child.expect("Passphrase for")
    child.sendline("wrong one typed")
    child.expect("does not open this journal; try again")
    child.expect("Passphrase for")
    child.sendline(PASSPHRASE)
    child.expect("Zebulon")
    child.expect(pexpect.EOF)
    seen = child.before or ""
    assert finish(child) == 0
    assert PASSPHRASE not in seen and "wrong one typed" not in seen


def test_the_pty_prompt_asks_twice_for_a_new_passphrase(cli: Cli, tmp_path: Path) -> None:
    import pexpect

    from .helpers import finish, spawn

    seeded_plain(cli)
    child = spawn(cli.home, "db", "encrypt")
    transcript: list[str] = []
    child.expect("New passphrase: ")
    transcript.append(child.before)
    child.sendline("first try")
    child.expect("The same passphrase again: ")
    transcript.append(child.before)
    child.sendline("does not match")
    child.expect("did not match")
    child.expect("New passphrase: ")
    child.sendline(PASSPHRASE)
    child.expect("The same passphrase again: ")
    child.sendline(PASSPHRASE)
    child.expect("Encrypted")
    child.expect(pexpect.EOF)
    transcript.append(child.before)
    assert finish(child) == 0
    everything = "".join(transcript)
    for typed in ("first try", "does not match", PASSPHRASE):
        assert typed not in everything
    assert looks_encrypted(cli.db)
    assert SECRET in cli.ok("log", env=with_command(tmp_path)).stdout


def test_ctrl_c_at_the_passphrase_prompt_stops_cleanly(cli: Cli, tmp_path: Path) -> None:
    from .helpers import finish, spawn

    encrypted(cli, tmp_path)
    before = cli.db.read_bytes()
    child = spawn(cli.home, "write", "never saved")
    child.expect("Passphrase for")
    child.sendintr()
    child.expect("Stopped at the passphrase")
    assert finish(child) == 130
    assert cli.db.read_bytes() == before


# -- drafts and the editor's file ---------------------------------------------------


def test_a_draft_of_an_encrypted_journal_is_sealed_and_saves_later(
    cli: Cli, tmp_path: Path
) -> None:
    from leadjournal import drafts

    env = encrypted(cli, tmp_path)
    key = derive(PASSPHRASE, salt_of(cli.db) or b"")
    folder = drafts.folder_beside(cli.db)
    draft = drafts.keep(folder, b"Zebulon drafted this", "write", datetime(2026, 11, 20), key=key)
    assert drafts.is_sealed(draft)
    assert b"Zebulon" not in Path(draft.path).read_bytes()
    assert oct(Path(draft.path).stat().st_mode & 0o777) == "0o600"
    with pytest.raises(WrongPassphrase):
        drafts.text_of(draft, derive("nope", key.salt))
    assert [d.name for d in drafts.waiting(folder)] == [draft.name]
    cli.ok("write", "--from-draft", draft.name, env=env)
    assert "Zebulon drafted this" in cli.ok("log", env=env).stdout
    assert drafts.waiting(folder) == []


def test_without_the_passphrase_no_plaintext_draft_is_written(cli: Cli, tmp_path: Path) -> None:
    encrypted(cli, tmp_path)
    result = cli("write", "Quillfeather again, unsaved")
    assert result.exit_code == 1
    assert "Quillfeather again, unsaved" in result.stderr  # shown to copy instead
    folder = cli.db.parent / "drafts"
    assert not folder.exists() or list(folder.iterdir()) == []


def test_the_editor_file_is_private_beside_the_journal_and_gone_at_once(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leadjournal.cli.context import Settings

    env = encrypted(cli, tmp_path)
    monkeypatch.setattr(Settings, "interactive", property(lambda self: True))
    seen = tmp_path / "seen.json"
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import json, os, stat, sys\n"
        "path = sys.argv[1]\n"
        f"json.dump({{'path': path, 'mode': stat.S_IMODE(os.stat(path).st_mode),"
        f" 'env': dict(os.environ)}}, open({str(seen)!r}, 'w'))\n"
        "open(path, 'w').write('Written in the editor about Zebulon')\n",
        encoding="utf-8",
    )
    cli.ok("write", env={**env, "EDITOR": f"{sys.executable} {editor}"})
    record = json.loads(seen.read_text(encoding="utf-8"))
    used = Path(record["path"])
    assert used.parent == cli.db.parent
    assert record["mode"] == 0o600
    assert not used.exists()
    assert PASSPHRASE not in json.dumps(record["env"])
    assert "Written in the editor" in cli.ok("log", env=env).stdout
    assert [p for p in cli.db.parent.iterdir() if p.name.startswith(".")] == []


def test_encrypt_refuses_while_another_program_has_the_journal_open(
    cli: Cli, tmp_path: Path
) -> None:
    seeded_plain(cli)
    marker = tmp_path / "open"
    holder = helper(child_env(cli.home), "hold_open.py", str(cli.db), str(marker))
    try:
        wait_for(lambda: marker.exists() or holder.poll() is not None)
        assert holder.poll() is None, holder.communicate()
        result = cli("db", "encrypt", env=with_command(tmp_path))
    finally:
        kill(holder)
    assert result.exit_code == 1 and "busy in another program" in result.stderr
    assert cli.db.read_bytes().startswith(b"SQLite format 3\x00")
    assert [p for p in cli.db.parent.iterdir() if ".partial" in p.name] == []
    assert "Held open" in cli.ok("log").stdout


def test_without_sqlcipher_installed_it_says_how_to_install_it(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeded_plain(cli)
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)  # as if not installed
    result = cli("db", "encrypt", env=with_command(tmp_path))
    assert result.exit_code == 1
    assert "pip install 'leadjournal[encryption]'" in result.stderr
    assert cli.db.read_bytes().startswith(b"SQLite format 3\x00")
    assert SECRET in cli.ok("log").stdout  # a plain journal does not need it


def test_an_editor_file_a_kill_left_is_removed_by_the_next_command(
    cli: Cli, tmp_path: Path
) -> None:
    env = encrypted(cli, tmp_path)
    # Named as editor_file names it for an encrypted journal, by a process that is gone.
    left = cli.db.parent / f".{cli.db.name}.999999999.k3j2h1ab.part"
    left.write_text("Zebulon, typed before the kill")
    cli.ok("log", env=env)
    assert not left.exists()


def test_waiting_drafts_follow_the_journal_through_encrypt_rekey_and_decrypt(
    cli: Cli, tmp_path: Path
) -> None:
    from leadjournal import drafts

    seeded_plain(cli)
    folder = drafts.folder_beside(cli.db)
    plain = drafts.keep(folder, b"Zebulon waits in a draft", "write", datetime(2026, 11, 20))
    env = with_command(tmp_path)
    cli.ok("db", "encrypt", env=env)
    (sealed,) = drafts.waiting(folder)
    assert drafts.is_sealed(sealed) and not Path(plain.path).exists()
    assert b"Zebulon" not in Path(sealed.path).read_bytes()
    newer = tmp_path / "newer"
    newer.mkdir()
    rekey_env = {**env, "LEADJOURNAL_NEW_PASSPHRASE_COMMAND": passphrase_command(newer, "n3w")}
    cli.ok("db", "rekey", env=rekey_env)
    new_env = with_command(newer, "n3w")
    key = derive("n3w", salt_of(cli.db) or b"")
    (resealed,) = drafts.waiting(folder)
    assert drafts.text_of(resealed, key) == "Zebulon waits in a draft"
    cli.ok("db", "decrypt", "--yes", env=new_env)
    (again,) = drafts.waiting(folder)
    assert not drafts.is_sealed(again)
    cli.ok("write", "--from-draft", again.name)
    assert "Zebulon waits in a draft" in cli.ok("log").stdout


def test_every_command_works_with_the_key_from_the_keyring(tmp_path: Path) -> None:
    """The same commands, in real processes, with no passphrase source but the keyring."""
    env = keyring_env(tmp_path)
    command = {"LEADJOURNAL_PASSPHRASE_COMMAND": passphrase_command(tmp_path)}
    assert run(env, "write", SECRET).returncode == 0
    assert run({**env, **command}, "db", "encrypt", "--remember").returncode == 0
    dump = tmp_path / "dump.json"
    steps: list[list[str]] = [
        ["review", "--week", "2026-W47", "--results", "8", "--relationships", "6", "--win", "Hi"],
        ["search", "Quillfeather"],
        ["trends"],
        ["brief"],
        ["export", "--output", str(dump)],
        ["db", "backup", str(tmp_path / "backup.db")],
        ["db", "doctor"],
        ["db", "status"],
        ["--db", str(tmp_path / "copy.db"), "import", str(dump)],
    ]
    for args in steps:
        done = run(env, *args)
        assert done.returncode == 0, (args, done.stderr)
        assert "Passphrase" not in done.stderr
    assert "Quillfeather" in dump.read_text(encoding="utf-8")
    assert looks_encrypted(tmp_path / "backup.db")
    assert "Quillfeather" in run(env, "search", "Quillfeather").stdout


def test_the_pty_prompt_serves_search_and_trends_too(cli: Cli, tmp_path: Path) -> None:
    import pexpect

    from .helpers import finish, spawn

    encrypted(cli, tmp_path)
    for args, expected in ((["search", "Quillfeather"], "Quillfeather"), (["trends"], "W46")):
        child = spawn(cli.home, *args)
        child.expect("Passphrase for")
        child.sendline(PASSPHRASE)
        child.expect(expected)
        child.expect(pexpect.EOF)
        assert PASSPHRASE not in (child.before or "")
        assert finish(child) == 0
