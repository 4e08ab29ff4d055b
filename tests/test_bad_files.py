"""Journal files that are not what they should be: old, new, not SQLite, cut short,
damaged, read-only, on a full disk. Refused with a clear message, never
overwritten; ``db doctor`` says what is wrong and saves what can be saved.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlite_utils import Database

from leadjournal import doctor, messages, store
from leadjournal.migrations import migrations
from leadjournal.store import SCHEMA_VERSION, Store

from .conftest import Cli
from .helpers import rows
from .procs import DATA, child_env, integrity, run, table_rows, without_root_powers

V1_TABLES = {
    "reviews": ["id", "week", "status", "results", "relationships", "win", "win_by"],
    "review_ratings": ["review_id", "dimension", "value"],
    "entries": ["id", "kind", "body", "title", "starred", "prompt_id", "review_id", "date"],
    "entry_tags": ["entry_id", "tag"],
    "commitments": ["id", "text", "status", "week", "due_week", "review_id", "outcome_note"],
    "follow_ups": ["id", "commitment_id", "week", "outcome", "note"],
    "exercise_runs": ["id", "exercise_id", "status", "week"],
    "exercise_answers": ["run_id", "step_id", "position", "answer"],
}


def _v1_copy(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / "journal.db"
    shutil.copyfile(DATA / "schema-v1.db", path)
    path.chmod(0o600)
    return path


def _same_data(original: Path, other: Path) -> None:
    for table, columns in V1_TABLES.items():
        assert table_rows(other, table, columns) == table_rows(original, table, columns), table


# -- older and newer schemas ---------------------------------------------------


def test_the_v1_sample_holds_a_realistic_journal() -> None:
    sample = DATA / "schema-v1.db"
    assert rows(sample, "PRAGMA user_version") == [(1,)]
    assert integrity(sample) == ["ok"]
    for table in V1_TABLES:
        assert rows(sample, f"SELECT count(*) FROM {table}")[0][0] > 0, table


def test_a_v1_journal_opens_with_todays_code_with_all_its_data(cli: Cli, tmp_path: Path) -> None:
    path = _v1_copy(tmp_path / "old")
    original = DATA / "schema-v1.db"
    run_ = cli.ok("--db", str(path), "log", "--weeks", "6", "--json")
    bodies = {entry["body"] for entry in run_.json()["entries"]}
    assert "Hiring loop for two seniors:\nkeep the bar, shorten the loop. @hiring" in bodies
    assert any("🙂" in body for body in bodies)
    shown = cli.ok("--db", str(path), "show", "1e000000-0000-4000-8000-000000000003", "--json")
    assert shown.json()["title"] == "What did you delegate?"
    open_ones = cli.ok("--db", str(path), "commitments", "--json").json()
    assert [c["text"] for c in open_ones] == ["Write the hiring scorecard with the team"]
    _same_data(original, path)
    assert rows(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    backups = list(path.parent.glob("journal.db.before-v*.db"))
    if SCHEMA_VERSION > 1:
        # An upgrade happened: the backup came first and holds the v1 journal as it was.
        assert len(backups) == 1
        assert rows(backups[0], "PRAGMA user_version") == [(1,)]
        _same_data(original, backups[0])
        assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    else:
        assert backups == []  # nothing to upgrade, so nothing to back up


@pytest.fixture
def one_more_migration(monkeypatch: pytest.MonkeyPatch) -> str:
    """Today's migrations plus a new one, as the next release will have."""
    name = "m998_add_mood"

    def m998_add_mood(db: Database) -> None:
        db.execute("ALTER TABLE entries ADD COLUMN mood TEXT")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")

    monkeypatch.setattr(migrations, "_migrations", list(migrations._migrations))
    migrations(name=name)(m998_add_mood)
    monkeypatch.setattr(store.base, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    return name


def test_an_upgrade_writes_a_private_backup_first_and_keeps_everything(
    tmp_path: Path, one_more_migration: str
) -> None:
    path = _v1_copy(tmp_path / "old")
    Store.open(path).close()
    assert rows(path, "PRAGMA user_version") == [(SCHEMA_VERSION + 1,)]
    assert ("mood",) in [(c[1],) for c in rows(path, "PRAGMA table_info(entries)")]
    _same_data(DATA / "schema-v1.db", path)
    backup = path.parent / f"journal.db.before-v{SCHEMA_VERSION + 1}.db"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert rows(backup, "PRAGMA user_version") == [(1,)]
    _same_data(DATA / "schema-v1.db", backup)
    # A second, failed-then-retried upgrade keeps the first backup and adds one.
    again = _v1_copy(tmp_path / "again")
    (again.parent / f"journal.db.before-v{SCHEMA_VERSION + 1}.db").write_text("kept")
    Store.open(again).close()
    assert (again.parent / f"journal.db.before-v{SCHEMA_VERSION + 1}.db").read_text() == "kept"
    assert (again.parent / f"journal.db.before-v{SCHEMA_VERSION + 1}-2.db").exists()


def test_a_failing_migration_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _v1_copy(tmp_path / "old")

    def m997_breaks(db: Database) -> None:
        db.execute("UPDATE entries SET body = 'changed'")
        raise RuntimeError("a bug in a migration")

    monkeypatch.setattr(migrations, "_migrations", list(migrations._migrations))
    migrations(name="m997_breaks")(m997_breaks)
    monkeypatch.setattr(store.base, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError):
        Store.open(path)
    _same_data(DATA / "schema-v1.db", path)
    assert rows(path, "PRAGMA user_version") == [(1,)]


def test_a_newer_journal_is_refused_with_a_hint_to_upgrade(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    for args in (["log"], ["write", "text"], ["db", "backup", str(tmp_path / "b.db")]):
        result = cli("--db", str(path), *args)
        assert result.exit_code == 1
        assert "newer version" in result.stderr and "Upgrade leadjournal" in result.stderr
    assert path.read_bytes() == before
    report = cli("--db", str(path), "db", "doctor", "--json")
    assert report.exit_code == 1
    schema = next(c for c in report.json()["checks"] if c["name"] == "schema")
    assert not schema["ok"] and "upgrade leadjournal" in schema["detail"]


# -- damaged files ----------------------------------------------------------------


def _journal_with_entries(path: Path, count: int = 300) -> None:
    store_ = Store.open(path)
    filler = "reflection text " * 40
    with store_.transaction():
        for number in range(count):
            store_.conn.execute(
                """INSERT INTO entries (id, kind, body, created_at, updated_at, date, week)
                   VALUES (?, 'reflection', ?, 't', 't', '2026-11-20', '2026-W47')""",
                [f"{number:08x}-x", f"entry {number} {filler}"],
            )
            store_.conn.execute("INSERT INTO entry_tags VALUES (?, 'bulk')", [f"{number:08x}-x"])
    store_.close()


def _entry_pages(path: Path) -> list[int]:
    conn = sqlite3.connect(path)
    try:
        found = conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'entries' AND pagetype = 'leaf' ORDER BY 1"
        ).fetchall()
    except sqlite3.OperationalError:  # no dbstat in this SQLite: use a middle stretch
        size = path.stat().st_size // 4096
        return list(range(size // 3, size // 3 + 3))
    finally:
        conn.close()
    pages = [int(row[0]) for row in found]
    return pages[len(pages) // 2 : len(pages) // 2 + 3]


def _garble(path: Path, pages: list[int]) -> None:
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    for page in pages:
        data[(page - 1) * size : page * size] = b"\x5a" * size
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged(isolated: Path) -> Path:
    """The default journal, with three pages of entries overwritten by garbage."""
    path = isolated / "journal.db"
    _journal_with_entries(path)
    _garble(path, _entry_pages(path))
    return path


def test_a_damaged_journal_is_refused_and_never_written(cli: Cli, damaged: Path) -> None:
    before = damaged.read_bytes()
    # Reading the damaged pages fails; from then on, even a write that would
    # only touch healthy pages is refused, until the doctor has looked.
    for args in (["log"], ["write", "one more"], ["search", "entry"], ["db", "backup"]):
        result = cli(*args)
        assert result.exit_code == 1, (args, result.stdout)
        assert "damaged" in result.stderr and "db doctor" in result.stderr
        assert "Traceback" not in result.stderr
    assert damaged.read_bytes() == before
    assert (damaged.parent / "journal.db.damaged").exists()


def test_the_doctor_clears_a_damage_mark_on_a_healthy_journal(cli: Cli) -> None:
    cli.ok("write", "Fine all along")
    marker = cli.db.parent / "journal.db.damaged"
    marker.touch()
    assert cli("log").exit_code == 1
    result = cli("db", "doctor")
    assert result.exit_code == 0 and "mark is cleared" in result.stdout
    assert not marker.exists()
    cli.ok("log")


def test_doctor_explains_and_recovers_a_damaged_journal(cli: Cli, damaged: Path) -> None:
    before = damaged.read_bytes()
    result = cli("db", "doctor", "--method", "python")
    assert result.exit_code == 1
    assert "PROBLEM" in result.stdout and "integrity" in result.stdout
    shown = " ".join(result.stdout.split())
    assert "using python row copy" in shown
    recovered = damaged.with_name("journal.recovered.db")
    assert f"leadjournal --db {recovered} log" in shown
    assert damaged.read_bytes() == before  # the original, byte for byte
    assert stat.S_IMODE(recovered.stat().st_mode) == 0o600
    assert integrity(recovered) == ["ok"]
    saved = rows(recovered, "SELECT count(*) FROM entries")[0][0]
    assert 250 < saved < 300  # most rows; three pages' worth are gone
    # Tags of lost entries go with them; the search index is rebuilt.
    assert rows(recovered, "SELECT count(*) FROM entry_tags") == [(saved,)]
    found = cli.ok("--db", str(recovered), "search", "entry", "--limit", "1000", "--json")
    assert len(found.json()) == saved
    healthy = cli("--db", str(recovered), "db", "doctor")
    assert healthy.exit_code == 0 and "The journal is healthy." in healthy.stdout


def test_doctor_json_reports_every_check_and_the_recovery(cli: Cli, damaged: Path) -> None:
    target = damaged.parent / "saved.db"
    result = cli("db", "doctor", "--json", "--recover-to", str(target))
    assert result.exit_code == 1
    report = result.json()
    names = [check["name"] for check in report["checks"]]
    assert names[:4] == ["permissions", "header", "readable", "identity"]
    assert {"schema", "integrity", "foreign keys"} <= set(names)
    assert report["healthy"] is False
    recovery = report["recovery"]
    assert recovery["path"] == str(target)
    assert recovery["method"] in (doctor.CLI_METHOD, doctor.PYTHON_METHOD)
    assert recovery["rows"]["entries"] == rows(target, "SELECT count(*) FROM entries")[0][0]


def test_doctor_with_the_sqlite3_program(cli: Cli, damaged: Path) -> None:
    result = cli("db", "doctor", "--method", "sqlite3", "--json")
    assert result.exit_code == 1
    if doctor._sqlite_cli() is None:
        # This machine's sqlite3 lacks a working .recover: said plainly, nothing written.
        assert messages.DOCTOR_NO_CLI in result.stderr
        assert not damaged.with_name("journal.recovered.db").exists()
    else:
        recovery = result.json()["recovery"]
        assert recovery["method"] == doctor.CLI_METHOD
        assert recovery["rows"]["entries"] > 250


def test_a_file_cut_short_is_refused_and_diagnosed(cli: Cli, isolated: Path) -> None:
    path = isolated / "journal.db"
    _journal_with_entries(path)
    whole = path.read_bytes()
    # Cut in the middle of the entries' pages: the schema's own pages come
    # first and are a good part of a small journal.
    middle = _entry_pages(path)[0]
    path.write_bytes(whole[: (middle - 1) * 4096])
    cut = path.read_bytes()
    result = cli("write", "after the cut")
    assert result.exit_code == 1 and "cut short" in result.stderr
    assert path.read_bytes() == cut
    report = cli("db", "doctor", "--json", "--method", "python")
    assert report.exit_code == 1
    header = next(c for c in report.json()["checks"] if c["name"] == "header")
    assert not header["ok"] and "Cut short" in header["detail"]
    assert report.json()["recovery"]["rows"]["entries"] > 0
    assert path.read_bytes() == cut


@pytest.mark.parametrize(
    "content", [b"my precious notes\n", b"SQLite format 3\x00" + b"\x00" * 20, b"\x00" * 8192]
)
def test_not_sqlite_or_a_stub_is_refused_untouched(
    cli: Cli, isolated: Path, content: bytes
) -> None:
    isolated.mkdir(parents=True, exist_ok=True)
    path = isolated / "journal.db"
    path.write_bytes(content)
    result = cli("write", "hello")
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == content
    report = cli("db", "doctor")
    assert report.exit_code == 1
    assert "PROBLEM" in report.stdout
    assert path.read_bytes() == content
    assert not path.with_name("journal.recovered.db").exists() or content.startswith(b"SQLite")


def test_doctor_on_a_healthy_journal_exits_0(cli: Cli) -> None:
    cli.ok("write", "A calm week")
    result = cli("db", "doctor", "--json")
    assert result.exit_code == 0
    assert all(check["ok"] for check in result.json()["checks"])
    assert result.json()["recovery"] is None
    missing = cli("--db", "/nonexistent/folder/j.db", "db", "doctor")
    assert missing.exit_code == 0 and "no journal" in missing.stdout.lower()


def test_doctor_flags_a_journal_others_can_read(cli: Cli) -> None:
    cli.ok("write", "Private")
    cli.db.chmod(0o644)
    result = cli("db", "doctor", "--json")
    assert result.exit_code == 1
    permissions = next(c for c in result.json()["checks"] if c["name"] == "permissions")
    assert not permissions["ok"] and "chmod 600" in permissions["detail"]


# -- read-only and full ---------------------------------------------------------------


def test_a_read_only_file_or_folder_gives_a_clear_error(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = child_env(home)
    assert run(env, "write", "Written before").returncode == 0
    db = home / "journal.db"
    db.chmod(0o400)
    try:
        result = run(env, "write", "Refused", preexec=without_root_powers)
        assert result.returncode == 1
        assert "cannot be written" in result.stderr or "read-only" in result.stderr
        assert "Traceback" not in result.stderr
    finally:
        db.chmod(0o600)
    home.chmod(0o500)
    try:
        result = run(env, "write", "Refused too", preexec=without_root_powers)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert "error:" in result.stderr
    finally:
        home.chmod(0o700)
    assert rows(db, "SELECT body FROM entries") == [("Written before",)]
    assert integrity(db) == ["ok"]


def test_a_full_disk_gives_a_clear_error_and_keeps_earlier_entries(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.ok("write", "Saved before the disk filled up")
    real_connect = store.base.connect

    def nearly_full(path: Path | str) -> sqlite3.Connection:
        conn = real_connect(path)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        # The file may not grow past where it is now: as a full disk behaves.
        conn.execute(f"PRAGMA max_page_count = {max(pages, 1)}")
        return conn

    with monkeypatch.context() as patch:
        patch.setattr(store.base, "connect", nearly_full)
        result = cli("write", "x" * 200_000)
    assert result.exit_code == 1
    assert messages.DISK_FULL.split("{")[0] in result.stderr
    assert "Free some space" in result.stderr
    assert rows(cli.db, "SELECT body FROM entries") == [("Saved before the disk filled up",)]
    assert integrity(cli.db) == ["ok"]
    cli.ok("write", "Space again")


def test_a_file_size_limit_fails_a_write_cleanly(tmp_path: Path) -> None:
    """A real process whose writes fail in the kernel (as on a full disk)."""
    import resource

    home = tmp_path / "home"
    env = child_env(home)
    assert run(env, "write", "Small and safe").returncode == 0
    db = home / "journal.db"
    # Smaller than the text to write (entries are at most 256 KiB), so the
    # write-ahead log cannot hold it, whatever size the journal file has.
    limit = 100 * 1024

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = run(env, "write", input="y" * 200_000, preexec=small_files)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "not saved" in result.stderr
    assert rows(db, "SELECT body FROM entries") == [("Small and safe",)]
    assert integrity(db) == ["ok"]
    assert run(env, "write", "Later").returncode == 0


# -- backups ------------------------------------------------------------------------


def test_a_backup_opens_with_db_and_is_private(cli: Cli, tmp_path: Path) -> None:
    cli.ok("write", "Worth keeping @team")
    target = tmp_path / "backups" / "copy.db"
    cli.ok("db", "backup", str(target))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    found = cli.ok("--db", str(target), "log", "--json").json()
    assert [e["body"] for e in found["entries"]] == ["Worth keeping @team"]
    again = cli("db", "backup", str(target))
    assert again.exit_code == 1 and "never overwrites" in again.stderr
    assert json.loads(cli.ok("--db", str(target), "search", "keeping", "--json").stdout)
