"""A quick look into a plain journal for shell completion: ids, weeks, names.

Completion runs on every Tab, so it must be quick and must never change or
unlock anything: the file is opened read-only (SQLite's ``mode=ro``, so a
missing file is not created), only when it starts with SQLite's own header (an
encrypted journal does not, and is left alone: no passphrase is ever asked),
and any trouble at all gives no suggestions rather than an error.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Literal

from leadjournal.store.files import SQLITE_MAGIC

PeekKind = Literal["item", "week", "open_commitment", "goal", "open_goal"]

# What each kind lists: its value, a line describing it, the rows it comes from.
_QUERIES: dict[PeekKind, str] = {
    "item": (
        "SELECT id, coalesce(title, substr(body, 1, 80)) FROM entries WHERE id LIKE :prefix "
        "UNION ALL SELECT id, substr(text, 1, 80) FROM commitments WHERE id LIKE :prefix "
        "UNION ALL SELECT id, week FROM reviews WHERE id LIKE :prefix "
        "LIMIT :limit"
    ),
    "week": "SELECT week, status FROM reviews WHERE week LIKE :prefix ORDER BY week DESC "
    "LIMIT :limit",
    "open_commitment": "SELECT id, substr(text, 1, 80) FROM commitments "
    "WHERE status = 'open' AND id LIKE :prefix ORDER BY week DESC LIMIT :limit",
    "goal": "SELECT id, title FROM goals WHERE id LIKE :prefix ORDER BY status, due_date "
    "LIMIT :limit",
    "open_goal": "SELECT id, title FROM goals WHERE status = 'open' AND id LIKE :prefix "
    "ORDER BY due_date LIMIT :limit",
}


def peek(path: Path, kind: PeekKind, prefix: str, limit: int = 50) -> list[tuple[str, str]]:
    """Up to ``limit`` (value, description) pairs of ``kind`` starting with ``prefix``.

    Empty when the file is missing, not plain SQLite, locked, damaged or not a
    journal: completion is a convenience, never a reason to fail.
    """
    try:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return []
    except OSError:
        return []
    pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    query = _QUERIES[kind].replace("LIKE :prefix", "LIKE :prefix ESCAPE '\\'")
    # With no write-ahead log beside it, no command is writing and the file is
    # whole: read it as immutable, which creates no -wal or -shm beside it.
    # With one, another command is at work: read through it, read-only.
    live = Path(f"{path}-wal").exists()
    options = "mode=ro" if live else "mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True, timeout=0.2)
    except (sqlite3.Error, ValueError, OSError):
        return []
    try:
        conn.execute("PRAGMA query_only = ON")
        rows = conn.execute(query, {"prefix": pattern + "%", "limit": limit}).fetchall()
    except sqlite3.Error:
        return []
    finally:
        conn.close()
    return [(str(value), str(about or "")) for value, about in rows]
