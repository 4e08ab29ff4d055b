# fmt: off
"""Make tests/data/schema-v1.db: a journal as the first released schema wrote it.

Run from the repository root:  python tests/data/make_schema_files.py

The file is made with migration m001 only (later migrations are stopped
before), then filled with plain SQL against that schema, so the result does
not change when newer migrations are appended. When a new schema version is
released, add a ``make_vN`` function beside ``make_v1`` writing
``schema-vN.db`` with ``stop_before`` the migration after N, and keep the old
files: each is how a real journal of that release looks on disk.

The data is a small but realistic journal: three reviewed weeks (one with an
extra "energy" rating), a review still in progress, reflections with tags
(one in Greek, one with an emoji), a prompt answer, commitments that were
done, partly done and left open with their follow-ups, and a finished
exercise with answers.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from sqlite_utils import Database  # noqa: E402

from leadjournal.migrations import migrations  # noqa: E402

REVIEWS = [
    # id, week, status, results, relationships, win, win_by, steps, started, updated, completed
    ("0a1b2c3d-0000-4000-8000-000000000001", "2026-W44", "complete", 8, 3,
     "Shipped the billing migration", "platform team",
     '["follow_up", "ratings", "reflection", "win", "commitment"]',
     "2026-10-30T16:00:00Z", "2026-10-30T16:20:00Z", "2026-10-30T16:20:00Z"),
    ("0a1b2c3d-0000-4000-8000-000000000002", "2026-W45", "complete", 6, 5,
     "Maya ran her first retro", "Maya",
     '["follow_up", "ratings", "reflection", "win", "commitment"]',
     "2026-11-06T16:00:00Z", "2026-11-06T16:25:00Z", "2026-11-06T16:25:00Z"),
    ("0a1b2c3d-0000-4000-8000-000000000003", "2026-W46", "complete", 5, 7,
     None, None,
     '["follow_up", "ratings", "reflection", "win", "commitment"]',
     "2026-11-13T16:00:00Z", "2026-11-13T16:10:00Z", "2026-11-13T16:10:00Z"),
    ("0a1b2c3d-0000-4000-8000-000000000004", "2026-W47", "in_progress", 7, None,
     None, None, '["follow_up"]',
     "2026-11-20T08:55:00Z", "2026-11-20T08:56:00Z", None),
]
RATINGS = [("0a1b2c3d-0000-4000-8000-000000000002", "energy", 4)]
ENTRIES = [
    # id, kind, body, title, starred, prompt_id, review_id, created, updated, date, week
    ("1e000000-0000-4000-8000-000000000001", "review",
     "Delivered, but I skipped two one-on-ones to do it.", None, 0, None,
     "0a1b2c3d-0000-4000-8000-000000000001",
     "2026-10-30T16:10:00Z", "2026-10-30T16:10:00Z", "2026-10-30", "2026-W44"),
    ("1e000000-0000-4000-8000-000000000002", "reflection",
     "Told @maya her launch plan was the clearest yet. @recognition", None, 1, None, None,
     "2026-11-03T12:00:00Z", "2026-11-03T12:00:00Z", "2026-11-03", "2026-W45"),
    ("1e000000-0000-4000-8000-000000000003", "prompt",
     "I delegated the vendor call and it went better than if I had done it.",
     "What did you delegate?", 0, "delegation-1",
     "0a1b2c3d-0000-4000-8000-000000000002",
     "2026-11-06T16:15:00Z", "2026-11-06T16:15:00Z", "2026-11-06", "2026-W45"),
    ("1e000000-0000-4000-8000-000000000004", "reflection",
     "Ήρεμη εβδομάδα· η ομάδα ανέλαβε πρωτοβουλίες. 🙂 @team", None, 0, None, None,
     "2026-11-11T09:30:00Z", "2026-11-12T10:00:00Z", "2026-11-11", "2026-W46"),
    ("1e000000-0000-4000-8000-000000000005", "reflection",
     "Hiring loop for two seniors:\nkeep the bar, shorten the loop. @hiring", None, 0, None,
     None, "2026-11-18T18:45:00Z", "2026-11-18T18:45:00Z", "2026-11-18", "2026-W47"),
]
TAGS = [
    ("1e000000-0000-4000-8000-000000000002", "maya"),
    ("1e000000-0000-4000-8000-000000000002", "recognition"),
    ("1e000000-0000-4000-8000-000000000004", "team"),
    ("1e000000-0000-4000-8000-000000000005", "hiring"),
]
COMMITMENTS = [
    # id, text, status, week, due_week, review_id, source, note, created, closed
    ("c0000000-0000-4000-8000-000000000001", "Hold every one-on-one, even in crunch",
     "done", "2026-W44", "2026-W45", "0a1b2c3d-0000-4000-8000-000000000001", "review",
     "All five held", "2026-10-30T16:20:00Z", "2026-11-06T16:05:00Z"),
    ("c0000000-0000-4000-8000-000000000002", "Agree a deadline for the audit fixes",
     "partly", "2026-W45", "2026-W46", "0a1b2c3d-0000-4000-8000-000000000002", "review",
     "Date set, owner not yet", "2026-11-06T16:25:00Z", "2026-11-13T16:02:00Z"),
    ("c0000000-0000-4000-8000-000000000003", "Write the hiring scorecard with the team",
     "open", "2026-W46", "2026-W47", "0a1b2c3d-0000-4000-8000-000000000003", "review",
     None, "2026-11-13T16:10:00Z", None),
]
FOLLOW_UPS = [
    ("f0000000-0000-4000-8000-000000000001", "c0000000-0000-4000-8000-000000000001",
     "2026-W45", "done", "All five held", "2026-11-06T16:05:00Z"),
    ("f0000000-0000-4000-8000-000000000002", "c0000000-0000-4000-8000-000000000002",
     "2026-W46", "partly", "Date set, owner not yet", "2026-11-13T16:02:00Z"),
]
EXERCISE_RUNS = [
    ("e0000000-0000-4000-8000-000000000001", "values", "complete", "2026-11-08T10:00:00Z",
     "2026-11-08T10:30:00Z", "2026-11-08T10:30:00Z", "2026-11-08", "2026-W45"),
]
EXERCISE_ANSWERS = [
    ("e0000000-0000-4000-8000-000000000001", "list", 1, "Candour, care, craft",
     "2026-11-08T10:10:00Z"),
    ("e0000000-0000-4000-8000-000000000001", "pick", 2, "Care", "2026-11-08T10:30:00Z"),
]


def make_v1(path: Path) -> None:
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    names = [m.name for m in migrations._migrations]
    migrations.apply(Database(conn), stop_before=names[1:])
    with conn:
        conn.executemany("INSERT INTO reviews VALUES (?,?,?,?,?,?,?,?,?,?,?)", REVIEWS)
        conn.executemany("INSERT INTO review_ratings VALUES (?,?,?)", RATINGS)
        conn.executemany(
            """INSERT INTO entries (id, kind, body, title, starred, prompt_id, review_id,
                                    created_at, updated_at, date, week)
               VALUES (?,?,?,?,?,?,?,?,?,?,?)""",
            ENTRIES,
        )
        conn.executemany("INSERT INTO entry_tags VALUES (?,?)", TAGS)
        conn.executemany("INSERT INTO commitments VALUES (?,?,?,?,?,?,?,?,?,?)", COMMITMENTS)
        conn.executemany("INSERT INTO follow_ups VALUES (?,?,?,?,?,?)", FOLLOW_UPS)
        conn.executemany("INSERT INTO exercise_runs VALUES (?,?,?,?,?,?,?,?)", EXERCISE_RUNS)
        conn.executemany("INSERT INTO exercise_answers VALUES (?,?,?,?,?)", EXERCISE_ANSWERS)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.execute("VACUUM")
    # Journals on disk are in WAL mode; the file records that in its header.
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()


if __name__ == "__main__":
    make_v1(HERE / "schema-v1.db")
    print(f"wrote {HERE / 'schema-v1.db'}")
