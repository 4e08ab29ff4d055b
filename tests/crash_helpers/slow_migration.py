"""Open a journal with one extra, slow migration appended, so a test can kill it mid-way.

Usage: slow_migration.py JOURNAL MARKER

The extra migration exists only in this process: it is appended to the
migration set in memory, never to the package. It changes real rows, writes
MARKER to say it is half done, then waits to be killed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from sqlite_utils import Database

from leadjournal import store
from leadjournal.migrations import migrations

journal, marker = Path(sys.argv[1]), Path(sys.argv[2])
version = len(migrations._migrations) + 1


@migrations()
def m999_slow_rewrite(db: Database) -> None:
    db.execute("CREATE TABLE crash_probe (n INTEGER)")
    for n in range(2000):
        db.execute("INSERT INTO crash_probe VALUES (?)", [n])
    db.execute("UPDATE entries SET body = 'half-migrated'")
    db.execute("DELETE FROM commitments")
    marker.write_text("half done")
    time.sleep(120)
    db.execute(f"PRAGMA user_version = {version}")


store.base.SCHEMA_VERSION = version
store.Store.open(journal)
print("finished without being killed")
