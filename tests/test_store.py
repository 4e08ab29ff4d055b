"""The storage layer: schema, constraints, ids, files and permissions."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from leadjournal.errors import Ambiguous, NotFound, StorageError
from leadjournal.migrations import migrations
from leadjournal.store import SCHEMA_VERSION, Store

from .helpers import rows


def test_schema_version_matches_the_number_of_migrations() -> None:
    store = Store.memory()
    # Each migration is numbered in its name and sets user_version to it;
    # numbers rise, and the last one is the schema this code reads.
    numbers = [int(m.name[1:4]) for m in migrations._migrations]
    assert numbers == sorted(set(numbers)) and numbers[-1] == SCHEMA_VERSION
    assert store.migration_status().schema_version == SCHEMA_VERSION
    assert store.migration_status().pending == []


@pytest.mark.parametrize("bad", [0, 10, -1, 4.5, "abc", "4.5"])
def test_schema_rejects_ratings_outside_the_grid(bad: object) -> None:
    store = Store.memory()
    store.create_review("r1", "2026-W47", "2026-11-20T09:00:00Z")
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("UPDATE reviews SET results = ? WHERE id = 'r1'", [bad])


def test_schema_accepts_the_whole_scale() -> None:
    store = Store.memory()
    store.create_review("r1", "2026-W47", "2026-11-20T09:00:00Z")
    for value in range(1, 10):
        store.conn.execute("UPDATE reviews SET results = ? WHERE id = 'r1'", [value])
    assert store.get_review("2026-W47") is not None


def test_new_journal_is_private(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "journal.db"
    Store.open(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_journal_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "j.db")
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_a_file_that_is_not_sqlite_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("my precious notes\n")
    with pytest.raises(StorageError, match="not a SQLite database"):
        Store.open(path)
    assert path.read_text() == "my precious notes\n"


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="another program"):
        Store.open(path)
    assert rows(path, "SELECT name FROM sqlite_master") == [("things",)]


def test_a_newer_schema_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="newer version"):
        Store.open(path)
    assert path.read_bytes() == before


def test_migrations_are_recorded(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    Store.open(path).close()
    assert rows(path, "SELECT name FROM _sqlite_migrations") == [
        ("m001_create_journal",),
        ("m002_create_goals",),
        ("m003_create_review_claims",),
        ("m004_create_versions",),
        ("m005_index_everything_written",),
        ("m006_create_people",),
        ("m007_create_exercise_follow_through",),
        ("m008_create_look_backs",),
    ]


def test_short_ids_resolve_and_ambiguity_lists_candidates() -> None:
    store = Store.memory()
    for suffix in ("1", "2"):
        store.create_review(f"abcd000{suffix}-x", f"2026-W4{suffix}", "t")
    store.create_review("ffff0000-y", "2026-W40", "t")
    assert store.resolve_id("reviews", "ffff", "review") == "ffff0000-y"
    with pytest.raises(Ambiguous) as caught:
        store.resolve_id("reviews", "abcd", "review")
    assert caught.value.candidates == ["abcd0001-x", "abcd0002-x"]
    with pytest.raises(NotFound):
        store.resolve_id("reviews", "0123", "review")
    with pytest.raises(NotFound):
        store.resolve_id("reviews", "'; DROP TABLE reviews; --", "review")
