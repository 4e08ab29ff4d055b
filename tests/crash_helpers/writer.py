"""Write COUNT entries through the core, each in its own transaction, as fast as possible.

Usage: writer.py JOURNAL NAME COUNT

Several of these at once put far more pressure on the file's lock than
people in terminals ever could. Prints one line per entry written.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from leadjournal.clock import FixedClock
from leadjournal.journal import Journal
from leadjournal.store import Store

path, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
for number in range(count):
    # A fresh open each time, as each command in a terminal does.
    store = Store.open(path)
    try:
        journal = Journal(store, FixedClock(datetime(2026, 11, 20, 9, tzinfo=UTC)))
        journal.write(f"{name} entry {number}")
    finally:
        store.close()
    print(f"{name} {number}", flush=True)
