"""Kill the real program (SIGKILL) in the middle of things; nothing given is lost.

Each test runs ``python -m leadjournal`` (or a tiny helper that opens the
store with a slow step injected in-process), kills it at a known point, then
checks the file passes SQLite's integrity check, everything saved before the
kill is there, nothing half-done is, and the next command works.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import stat
import subprocess
from pathlib import Path

import pexpect
import pytest

from leadjournal import messages
from leadjournal.models import Entry
from leadjournal.store import Store

from .helpers import rows
from .procs import DATA, NOW, child_env, command, helper, integrity, kill, run, wait_for

pytestmark = pytest.mark.pty


def _spawn_review(env: dict[str, str]) -> pexpect.spawn:
    cmd = command("review", "--no-prompts")
    child = pexpect.spawn(cmd[0], cmd[1:], env=env, encoding="utf-8", timeout=30)
    child.setwinsize(40, 100)
    return child


def test_killed_between_answers_keeps_every_answer_and_resumes(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = child_env(home)
    db = home / "journal.db"

    child = _spawn_review(env)
    child.expect_exact(messages.ASK_RESULTS)
    child.sendline("7")
    child.expect_exact(messages.ASK_RELATIONSHIPS)  # the answer above is committed by now
    child.kill(9)
    child.close()
    assert child.signalstatus == 9

    assert integrity(db) == ["ok"]
    assert rows(db, "SELECT week, status, results, relationships FROM reviews") == [
        ("2026-W47", "in_progress", 7, None)
    ]

    # The next review offers to carry on, skips the answered question, and a
    # second kill after a written reflection keeps that text too.
    child = _spawn_review(env)
    child.expect_exact(messages.RESUMING.format(week="2026-W47"))
    child.sendline("y")
    child.expect_exact(messages.ASK_RELATIONSHIPS)
    child.sendline("4")
    child.expect_exact(messages.DEFAULT_REFLECTION)
    child.sendline("Shipped, but I rushed the new hires.")
    child.sendline("")
    child.expect_exact(messages.ASK_WIN)
    child.kill(9)
    child.close()

    assert integrity(db) == ["ok"]
    assert rows(db, "SELECT results, relationships FROM reviews") == [(7, 4)]
    assert rows(db, "SELECT body FROM entries WHERE kind = 'review'") == [
        ("Shipped, but I rushed the new hires.",)
    ]
    later = run(env, "log", "--json")
    assert later.returncode == 0, later.stderr
    assert "rushed the new hires" in later.stdout


def test_killed_mid_migration_leaves_the_old_journal_whole(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    shutil.copyfile(DATA / "schema-v1.db", db)
    db.chmod(0o600)
    before = {
        table: rows(db, f"SELECT * FROM {table} ORDER BY 1")
        for table in ("entries", "reviews", "commitments", "follow_ups", "entry_tags")
    }
    version = rows(db, "PRAGMA user_version")
    marker = tmp_path / "half-done"
    env = child_env(tmp_path / "home")

    process = helper(env, "slow_migration.py", str(db), str(marker))
    wait_for(lambda: marker.exists() or process.poll() is not None)
    assert marker.exists(), process.communicate()
    kill(process)

    assert integrity(db) == ["ok"]
    assert rows(db, "PRAGMA user_version") == version
    assert rows(db, "SELECT name FROM sqlite_master WHERE name = 'crash_probe'") == []
    for table, content in before.items():
        assert rows(db, f"SELECT * FROM {table} ORDER BY 1") == content, table
    # The backup written before migrating is complete and private.
    backups = sorted(tmp_path.glob("journal.db.before-v*.db"))
    assert len(backups) == 1
    assert integrity(backups[0]) == ["ok"]
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    assert rows(backups[0], "SELECT * FROM entries ORDER BY 1") == before["entries"]

    # The next command (with the real migrations) opens it and finds everything.
    later = run(env, "--db", str(db), "log", "--weeks", "8", "--json")
    assert later.returncode == 0, later.stderr
    bodies = {entry["body"] for entry in json.loads(later.stdout)["entries"]}
    assert {row[2] for row in before["entries"]} <= bodies


def _large_journal(path: Path, count: int) -> None:
    """A journal of ``count`` entries written in one go (a few tens of megabytes)."""
    store = Store.open(path)
    filler = "A long reflection about the week, the team and what comes next. " * 60
    with store.transaction():
        for number in range(count):
            store.insert_entry(
                Entry(
                    id=f"{number:08x}-0000-4000-8000-000000000000",
                    kind="reflection",
                    body=f"entry {number}: {filler}",
                    tags=["bulk"],
                    created_at=NOW,
                    updated_at=NOW,
                    date="2026-11-20",
                    week="2026-W47",
                )
            )
    store.close()


def test_killed_mid_backup_leaves_no_half_copy(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = home / "journal.db"
    _large_journal(db, 6000)
    before = rows(db, "SELECT count(*), sum(length(body)) FROM entries")
    target = tmp_path / "copy.db"
    env = child_env(home)

    process = subprocess.Popen(
        command("db", "backup", str(target)),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def copying() -> bool:
        partial = list(tmp_path.glob(".copy.db.*.partial"))
        return (bool(partial) and partial[0].stat().st_size > 0) or process.poll() is not None

    wait_for(copying)
    assert process.poll() is None, "the backup finished before it could be interrupted"
    kill(process)

    assert not target.exists()  # never a half-copy under the name asked for
    assert integrity(db) == ["ok"]
    assert rows(db, "SELECT count(*), sum(length(body)) FROM entries") == before
    # The next backup to the same name works and is complete.
    again = run(env, "db", "backup", str(target))
    assert again.returncode == 0, again.stderr
    assert integrity(target) == ["ok"]
    assert rows(target, "SELECT count(*), sum(length(body)) FROM entries") == before
    # ...and the half-copy the killed one left is gone.
    assert list(tmp_path.glob(".copy.db.*.partial*")) == []


def test_killed_mid_write_of_a_large_entry_leaves_all_or_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = child_env(home)
    assert run(env, "write", "The entry before").returncode == 0
    db = home / "journal.db"
    huge = "word " * 4_000_000  # 20 MB through stdin
    process = subprocess.Popen(
        command("write", "--tag", "big"),
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None
    process.stdin.write(huge)
    process.stdin.close()
    wal = Path(f"{db}-wal")
    wait_for(
        lambda: (wal.exists() and wal.stat().st_size > 1_000_000) or process.poll() is not None
    )
    if process.poll() is None:
        kill(process)
    assert integrity(db) == ["ok"]
    found = rows(db, "SELECT length(body) FROM entries ORDER BY created_at")
    assert found[0] == (len("The entry before"),)
    assert found[1:] in ([], [(len(huge.strip()),)])  # the big one whole, or not at all
    conn = sqlite3.connect(db)
    try:
        assert conn.execute(
            "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'before'"
        ).fetchone() == (1,)
    finally:
        conn.close()
    assert run(env, "write", "The entry after").returncode == 0


def _big_export(tmp_path: Path) -> tuple[Path, int]:
    source = tmp_path / "source" / "journal.db"
    _large_journal(source, 6000)
    exported = tmp_path / "big.json"
    made = run(child_env(tmp_path / "source"), "export", "--output", str(exported))
    assert made.returncode == 0, made.stderr
    return exported, 6000


def test_killed_mid_import_imports_nothing_and_a_retry_imports_everything(
    tmp_path: Path,
) -> None:
    exported, count = _big_export(tmp_path)
    home = tmp_path / "home"
    env = child_env(home)
    for text in ("Mine before the import", "Also mine"):
        assert run(env, "write", text).returncode == 0
    db = home / "journal.db"
    wal = Path(f"{db}-wal")
    process = subprocess.Popen(
        command("import", str(exported)),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for(
        lambda: (wal.exists() and wal.stat().st_size > 2_000_000) or process.poll() is not None
    )
    assert process.poll() is None, "the import finished before it could be interrupted"
    kill(process)

    assert integrity(db) == ["ok"]
    assert rows(db, "SELECT body FROM entries ORDER BY created_at, body") == [
        ("Also mine",),
        ("Mine before the import",),
    ]
    assert rows(db, "SELECT count(*) FROM entry_tags") == [(0,)]
    again = run(env, "import", str(exported), "--json")
    assert again.returncode == 0, again.stderr
    assert rows(db, "SELECT count(*) FROM entries") == [(count + 2,)]
    assert integrity(db) == ["ok"]


def test_killed_mid_export_leaves_the_earlier_export_whole(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _large_journal(home / "journal.db", 6000)
    env = child_env(home)
    target = tmp_path / "journal.json"
    target.write_text('{"an": "earlier export"}')
    process = subprocess.Popen(
        command("export", "--output", str(target), "--force"),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def writing() -> bool:
        parts = list(tmp_path.glob(".journal.json.*.part"))
        return (bool(parts) and parts[0].stat().st_size > 100_000) or process.poll() is not None

    wait_for(writing)
    assert process.poll() is None, "the export finished before it could be interrupted"
    kill(process)
    assert target.read_text() == '{"an": "earlier export"}'
    for part in tmp_path.glob(".journal.json.*.part"):
        assert stat.S_IMODE(part.stat().st_mode) == 0o600  # even the leftover is private
    assert integrity(home / "journal.db") == ["ok"]
    again = run(env, "export", "--output", str(target), "--force")
    assert again.returncode == 0, again.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert len(json.loads(target.read_text())["entries"]) == 6000
    assert list(tmp_path.glob(".journal.json.*.part")) == []  # the leftover is gone
