"""Time and peak memory of export and import on a large journal.

    .venv/bin/python benchmarks/transfer.py --entries 100000

Builds a journal of N entries (tagged, spread over ten years, with a weekly
review and commitment for the last two) in a temporary folder through the
project's own Store, then runs each command as its own process and reads its
peak resident memory from the operating system (ru_maxrss of the child). The
budget: 100k entries export in at most 5 s with at most 80 MiB peak.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from leadjournal.models import Commitment, Entry
from leadjournal.store import Store
from leadjournal.weeks import shift, week_of

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
TAGS = ["maya", "hiring", "roadmap", "one-on-ones", "delegation", "feedback"]


def build(path: Path, count: int) -> None:
    store = Store.open(path)
    span = timedelta(days=3650)
    with store.transaction():
        for index in range(count):
            moment = NOW - span + span * index / count
            stamp = moment.isoformat(timespec="seconds").replace("+00:00", "Z")
            store.insert_entry(
                Entry(
                    id=str(uuid.UUID(int=index + 1, version=4)),
                    kind="reflection",
                    body=f"Entry {index}: a one-on-one about the roadmap went well. " * 3,
                    tags=sorted({TAGS[index % 6], TAGS[(index // 6) % 6]}),
                    starred=index % 97 == 0,
                    created_at=stamp,
                    updated_at=stamp,
                    date=moment.date().isoformat(),
                    week=week_of(moment.date()),
                )
            )
        current = week_of(NOW.date())
        for offset in range(104):
            week = shift(current, -offset)
            review_id = str(uuid.uuid4())
            store.create_review(review_id, week, "2026-01-01T00:00:00Z")
            store.update_review(
                review_id, "2026-01-01T00:00:00Z", results=1 + offset % 9,
                relationships=1 + (offset * 4) % 9, status="complete", win="A win",
            )  # fmt: skip
            store.set_extra_rating(review_id, "energy", 1 + offset % 7)
            store.insert_commitment(
                Commitment(
                    id=str(uuid.uuid4()), text="Hold the one-on-ones", status="done",
                    week=week, due_week=shift(week, 1), review_id=review_id,
                    created_at="2026-01-01T00:00:00Z",
                )
            )  # fmt: skip
    store.close()


def measure(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak MiB of one command, run as its own process."""
    start = time.perf_counter()
    child = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL)
    # wait4 gives this one child's own resource usage (RUSAGE_CHILDREN would
    # report the largest of all children so far).
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed with {child.returncode}")
    return seconds, usage.ru_maxrss / 1024  # KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    options = parser.parse_args()
    program = [sys.executable, "-m", "leadjournal"]
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        db = base / "journal.db"
        started = time.perf_counter()
        build(db, options.entries)
        print(f"built {options.entries} entries in {time.perf_counter() - started:.1f} s")
        env = {**os.environ, "LEADJOURNAL_HOME": str(base), "LEADJOURNAL_NOW": NOW.isoformat()}
        for fmt in ("csv", "md", "json"):
            out = base / f"export.{fmt}"
            seconds, mib = measure(
                [*program, "--db", str(db), "export", "-f", fmt, "-o", str(out)], env
            )
            size = out.stat().st_size / 1024 / 1024
            print(f"export {fmt:4}  {seconds:5.2f} s  peak {mib:6.1f} MiB  file {size:6.1f} MiB")
        fresh = base / "imported.db"
        dump = str(base / "export.json")
        for label in ("import", "import again"):
            seconds, mib = measure([*program, "--db", str(fresh), "import", dump], env)
            print(f"{label:12}  {seconds:5.2f} s  peak {mib:6.1f} MiB")


if __name__ == "__main__":
    main()
