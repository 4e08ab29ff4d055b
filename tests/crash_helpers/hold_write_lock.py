"""Hold the journal's write lock for SECONDS, as a long import does, then commit.

Usage: hold_write_lock.py JOURNAL SECONDS

Writes one entry inside the transaction (so the test can see the holder's own
work committed whole) and prints "holding" once the lock is taken.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from leadjournal.clock import FixedClock
from leadjournal.journal import Journal
from leadjournal.store import Store

path, seconds = Path(sys.argv[1]), float(sys.argv[2])
store = Store.open(path)
try:
    journal = Journal(store, FixedClock(datetime(2026, 11, 20, 9, tzinfo=UTC)))
    with store.transaction():
        journal.write("written by the long writer")
        print("holding", flush=True)
        time.sleep(seconds)
finally:
    store.close()
print("released", flush=True)
