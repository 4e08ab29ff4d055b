"""Run one ``leadjournal db ...`` command that pauses at POINT of its rewrite, to be killed.

Usage: slow_rewrite.py POINT MARKER ARGS...

POINT is where the rewrite of the journal (db encrypt, decrypt, rekey) stops
and waits: ``export`` (inside SQLite, while the copy is being written),
``check`` (the copy is written, not yet checked), ``swap`` (checked and
flushed, not yet renamed over the journal) or ``renamed`` (just after the
rename). MARKER is written when it gets there. The patches exist only in
this process.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from leadjournal.store import cipher

point, marker = sys.argv[1], Path(sys.argv[2])
sys.argv = ["leadjournal", *sys.argv[3:]]


def pause() -> None:
    marker.write_text(point)
    time.sleep(120)


if point == "export":
    real_rewrite, real_load = cipher.rewrite, cipher.load

    def rewrite_slowly(*args: Any, **kwargs: Any) -> Any:
        module = real_load()
        calls = [0]

        def progress() -> int:
            calls[0] += 1
            if calls[0] == 40:
                pause()
            return 0

        class Slow:
            def __getattr__(self, name: str) -> Any:
                return getattr(module, name)

            def connect(self, *a: Any, **k: Any) -> Any:
                conn = module.connect(*a, **k)
                conn.set_progress_handler(progress, 50)
                return conn

        cipher.load = lambda: Slow()  # type: ignore[assignment,return-value]
        try:
            return real_rewrite(*args, **kwargs)
        finally:
            cipher.load = real_load

    cipher.rewrite = rewrite_slowly  # type: ignore[assignment]
elif point == "check":
    real_check = cipher._check_copy

    def check_slowly(*args: Any) -> None:
        pause()
        real_check(*args)

    cipher._check_copy = check_slowly  # type: ignore[assignment]
elif point == "swap":
    real_fsync = cipher._fsync

    def fsync_then_wait(path: Path) -> None:
        real_fsync(path)
        pause()

    cipher._fsync = fsync_then_wait  # type: ignore[assignment]
elif point == "renamed":
    real_sync = cipher.sync_folder

    def sync_then_wait(folder: Path) -> None:
        real_sync(folder)
        pause()

    cipher.sync_folder = sync_then_wait  # type: ignore[assignment]
else:
    raise SystemExit(f"unknown point {point}")

from leadjournal.cli import main  # noqa: E402

main()
print("finished without being killed")
