"""Run ``db doctor``'s recovery with a pause in the middle, so a test can kill it there.

Usage: slow_doctor.py JOURNAL MARKER

The pause exists only in this process: the row copy is wrapped in memory so
that, once the private copy and the new journal's partial file exist, it
writes MARKER and waits to be killed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from leadjournal import doctor

journal, marker = Path(sys.argv[1]), Path(sys.argv[2])
real_copy_rows = doctor._copy_rows


def slow_copy_rows(source: Path, target: Path) -> tuple[dict[str, int], dict[str, int], int]:
    found = real_copy_rows(source, target)
    marker.write_text(f"{source}\n{target}\n")
    time.sleep(120)
    return found


doctor._copy_rows = slow_copy_rows  # type: ignore[assignment]
doctor.recover(journal, method="python")
print("finished without being killed")
