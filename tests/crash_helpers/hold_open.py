"""Open a journal through the store, write one entry, then keep it open until killed.

Usage: hold_open.py JOURNAL MARKER

While it waits, the journal's -wal and -shm files exist, so a test can look
at the modes they were created with.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from leadjournal.clock import FixedClock
from leadjournal.journal import Journal
from leadjournal.store import Store

path, marker = Path(sys.argv[1]), Path(sys.argv[2])
store = Store.open(path)
Journal(store, FixedClock(datetime(2026, 11, 20, 9, tzinfo=UTC))).write("Held open")
marker.write_text("open")
time.sleep(120)
