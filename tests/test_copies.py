"""Copies and modes: no copy of the journal anywhere else, every file we make owner-only.

``db doctor`` works on a private copy beside the journal (never in the system
temporary folder), and what a killed doctor, backup or export leaves is
removed by the next command, but never a file another command is still
writing. The journal, its sidecars, backups and exports are 0600 whatever
the umask, a dangling link or an empty file says; a journal others can read
is warned about.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from leadjournal import doctor

from .helpers import rows
from .procs import child_env, helper, integrity, kill, run, wait_for

pytestmark = pytest.mark.pty

HELPERS = Path(__file__).parent / "crash_helpers"
SECRET = "I am thinking of leaving the company in March"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _everything(folder: Path) -> Iterator[Path]:
    yield folder
    yield from folder.rglob("*")


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _gone_pid() -> int:
    """The id of a process that has ended (and been waited for)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _open_umask() -> None:
    os.umask(0)


# -- doctor's working copy ---------------------------------------------------------


def test_a_killed_doctor_leaves_no_copy_elsewhere_and_the_next_start_cleans_up(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    env = child_env(home, TMPDIR=str(system_temp))
    assert run(env, "write", SECRET).returncode == 0
    db = home / "journal.db"
    marker = tmp_path / "half-way"

    process = helper(env, "slow_doctor.py", str(db), str(marker))
    wait_for(lambda: marker.exists() or process.poll() is not None)
    assert process.poll() is None, process.communicate()
    copy, partial = (Path(line) for line in marker.read_text().splitlines())
    # Mid-way: nothing in the system's temporary folder; the copy and the new
    # journal are beside the journal, hidden and owner-only.
    assert list(system_temp.iterdir()) == []
    assert copy.parent.parent == home and partial.parent == home
    assert _mode(copy.parent) == 0o700
    for path in [copy, partial, *copy.parent.iterdir()]:
        assert _mode(path) == 0o600, path
    assert SECRET.encode() in copy.read_bytes()  # a whole copy: why it must stay private
    kill(process)

    left = _hidden(home)
    assert left, "the kill should have left the working files behind"
    for path in (p for name in left for p in _everything(home / name)):
        assert _mode(path) in (0o600, 0o700), path
    # The next command, whichever it is, removes them.
    done = run(env, "log")
    assert done.returncode == 0, done.stderr
    assert _hidden(home) == []
    assert list(system_temp.iterdir()) == []
    assert integrity(db) == ["ok"]
    assert rows(db, "SELECT body FROM entries") == [(SECRET,)]


def test_the_doctor_cleans_up_after_itself_and_its_copies_are_private(tmp_path: Path) -> None:
    home = tmp_path / "home"
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    env = child_env(home, TMPDIR=str(system_temp))
    assert run(env, "write", SECRET).returncode == 0
    db = home / "journal.db"
    checked = run(env, "db", "doctor", "--json")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    recovered = doctor.recover(db, method="python")
    assert recovered.rows["entries"] == 1
    assert _mode(Path(recovered.path)) == 0o600
    assert _hidden(home) == [] and list(system_temp.iterdir()) == []


def test_the_doctor_says_so_when_it_cannot_make_its_working_copy(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = child_env(home)
    assert run(env, "write", SECRET).returncode == 0
    home.chmod(0o500)
    try:
        from .procs import without_root_powers

        checked = subprocess.run(
            [sys.executable, "-m", "leadjournal", "db", "doctor", "--json"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            preexec_fn=without_root_powers,
        )
    finally:
        home.chmod(0o700)
    assert checked.returncode == 1, checked.stderr
    details = {c["name"]: c["detail"] for c in json.loads(checked.stdout)["checks"]}
    assert "private working copy" in details["working copy"]
    assert json.loads(checked.stdout).get("recovery") is None  # not damaged: nothing to recover
    assert "Traceback" not in checked.stderr


def test_the_doctor_removes_copies_older_versions_left_in_the_system_temp_folder(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    system_temp = tmp_path / "system-temp"
    env = child_env(home, TMPDIR=str(system_temp))
    assert run(env, "write", SECRET).returncode == 0
    old, recent = system_temp / "leadjournal-doctor-abc123", system_temp / "leadjournal-doctor-x"
    other = system_temp / "someone-else-doctor-1"
    for folder in (old, recent, other):
        folder.mkdir(parents=True)
        (folder / "journal.db").write_text(SECRET)
    long_ago = time.time() - 3600
    for path in (old / "journal.db", old, other / "journal.db", other):
        os.utime(path, (long_ago, long_ago))
    assert run(env, "db", "doctor").returncode == 0
    assert not old.exists()
    assert recent.exists() and other.exists()  # may be a doctor running now; not ours


# -- what killed backups and exports left ---------------------------------------------


def test_leftovers_are_cleaned_at_the_next_start_but_live_work_is_kept(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = child_env(home)
    assert run(env, "write", "Something to keep").returncode == 0
    dead = _gone_pid()
    living = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        leftover = [
            f".journal-backup-20261120T090000Z.db.{dead}.partial",
            f".journal.db.before-v3.db.{dead}.partial",
            f".journal.db.before-v3.db.{dead}.partial-journal",
            f".journal.json.{dead}.abcd_123.part",
            f".journal.recovered.db.{dead}.partial",
            f".journal.recovered.db.{dead}.partial-wal",
            ".journal.recovered.db.partial",  # as older versions named it
            ".journal.json.x1y2z3w4.part",
        ]
        kept = [
            f".journal.json.{living.pid}.abcd_123.part",  # another command writing now
            f".journal-backup-x.db.{os.getpid()}.partial",
            ".journal.json.a1b2c3d4.part",  # no pid, and written to a moment ago
            f".notes.db.{dead}.partial",  # not this journal's
            f".journal.db.{dead}.partial.txt",  # not one of our patterns
            "journal.db.backup",
        ]
        for name in leftover + kept:
            (home / name).write_text("half")
        old = time.time() - 120
        for name in (".journal.recovered.db.partial", ".journal.json.x1y2z3w4.part"):
            os.utime(home / name, (old, old))
        scratch = home / f".journal.db.{dead}.doctor"
        scratch.mkdir()
        (scratch / "journal.db").write_text(SECRET)
        leftover.append(scratch.name)

        done = run(env, "log")
        assert done.returncode == 0, done.stderr
        remaining = {p.name for p in home.iterdir()}
        assert remaining.isdisjoint(leftover), remaining & set(leftover)
        assert set(kept) <= remaining
    finally:
        living.kill()
        living.wait()


def test_a_new_export_or_backup_cleans_what_a_killed_one_left_beside_its_target(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    env = child_env(home)
    assert run(env, "write", "Exported").returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    dead = _gone_pid()
    mine = [f".x.json.{dead}.abcdefgh.part", f".b.db.{dead}.partial"]
    others = [f".y.json.{dead}.abcdefgh.part", f".c.db.{dead}.partial"]
    for name in mine + others:
        (out / name).write_text("half")
    assert run(env, "export", "--output", str(out / "x.json")).returncode == 0
    assert run(env, "db", "backup", str(out / "b.db")).returncode == 0
    names = {p.name for p in out.iterdir()}
    assert names == {"x.json", "b.db", *others}
    assert _mode(out / "x.json") == 0o600 and _mode(out / "b.db") == 0o600


def test_a_file_being_written_now_is_never_a_leftover(tmp_path: Path) -> None:
    from leadjournal.store.files import leftovers

    (tmp_path / f".journal.json.{os.getpid()}.abcdefgh.part").write_text("mine")
    fresh = tmp_path / ".journal.json.abcdefgh.part"
    fresh.write_text("written just now by an older version")
    assert leftovers(tmp_path, time.time(), lambda name: True) == []
    assert leftovers(tmp_path, time.time() + 61, lambda name: True) == [fresh]


# -- modes -------------------------------------------------------------------------------


def test_a_journal_behind_a_dangling_link_is_created_owner_only(tmp_path: Path) -> None:
    env = child_env(tmp_path / "home")
    target = tmp_path / "synced" / "journal.db"
    link = tmp_path / "journal.db"
    target.parent.mkdir()
    link.symlink_to(target)
    done = run(env, "--db", str(link), "write", SECRET, preexec=_open_umask)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and target.is_file()
    assert _mode(target) == 0o600
    assert rows(target, "SELECT body FROM entries") == [(SECRET,)]


def test_an_empty_file_that_becomes_a_journal_becomes_owner_only(tmp_path: Path) -> None:
    env = child_env(tmp_path / "home")
    empty = tmp_path / "empty.db"
    empty.touch()
    empty.chmod(0o644)
    done = run(env, "--db", str(empty), "write", SECRET)
    assert done.returncode == 0, done.stderr
    assert _mode(empty) == 0o600
    assert "warning" not in done.stderr  # made private, so nothing to warn about


def test_every_file_is_owner_only_even_with_an_open_umask(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = child_env(home)
    db = home / "journal.db"
    marker = tmp_path / "open"
    holder = subprocess.Popen(
        [sys.executable, str(HELPERS / "hold_open.py"), str(db), str(marker)],
        env=env,
        preexec_fn=_open_umask,
    )
    try:
        wait_for(lambda: marker.exists() or holder.poll() is not None)
        assert holder.poll() is None
        assert _mode(home) == 0o700
        for name in ("journal.db", "journal.db-wal", "journal.db-shm"):
            assert _mode(home / name) == 0o600, name
    finally:
        kill(holder)
    backup, export = tmp_path / "copies" / "b.db", tmp_path / "e.json"
    for args in (("db", "backup", str(backup)), ("export", "--output", str(export))):
        assert run(env, *args, preexec=_open_umask).returncode == 0
    assert _mode(backup) == 0o600 and _mode(backup.parent) == 0o700
    assert _mode(export) == 0o600


def test_a_journal_others_can_read_is_warned_about_in_one_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = child_env(home)
    assert run(env, "write", "Private").returncode == 0
    db = home / "journal.db"
    db.chmod(0o644)
    home.chmod(0o755)
    done = run(env, "log", "--json")
    assert done.returncode == 0
    json.loads(done.stdout)  # stdout stays clean JSON
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert f"chmod 600 {db}" in lines[0] and f"chmod 700 {home}" in lines[0]
    assert "644" in lines[0] and "755" in lines[0]
    # Running what it says silences it.
    db.chmod(0o600)
    home.chmod(0o700)
    assert run(env, "log").stderr == ""


def test_the_doctor_checks_the_folder_and_the_sidecars_too(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = child_env(home)
    assert run(env, "write", "Private").returncode == 0
    wal = home / "journal.db-wal"
    wal.write_bytes(b"")
    wal.chmod(0o644)
    home.chmod(0o750)
    checked = run(env, "db", "doctor", "--json", "--no-recover")
    assert checked.returncode == 1
    failed = {c["name"]: c["detail"] for c in json.loads(checked.stdout)["checks"] if not c["ok"]}
    assert set(failed) == {"folder permissions", "sidecar permissions"}, failed
    assert str(home) in failed["folder permissions"] and "750" in failed["folder permissions"]
    assert "journal.db-wal" in failed["sidecar permissions"]
