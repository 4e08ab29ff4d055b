"""The benchmark harness runs end to end at a tiny size and writes its table.

Timings are never asserted (they belong in benchmarks/RESULTS.md); this only
proves the generator and the runner work, so the harness cannot rot while the
commands change under it.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = 200


def test_harness_runs_at_a_tiny_size_and_writes_results(tmp_path: Path) -> None:
    data = tmp_path / "data"
    results = tmp_path / "RESULTS.md"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            *("--sizes", str(SIZE), "--runs", "1", "--warmup", "0"),
            *("--no-jrnl", "--no-profiles", "--data", str(data), "--results", str(results)),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr

    # The three journals hold the same entries.
    folder = data / str(SIZE)
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["entries"] == SIZE
    with sqlite3.connect(folder / "journal.db") as conn:
        assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == SIZE
        assert conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == manifest["reviews"]
        sample = manifest["sample_entry_id"]
        assert conn.execute("SELECT 1 FROM entries WHERE id = ?", [sample]).fetchone()
    text = (folder / "jrnl" / "journal.txt").read_text()
    assert len(re.findall(r"^\[\d{4}-\d\d-\d\d \d\d:\d\d\] ", text, flags=re.M)) == SIZE
    exported = json.loads((folder / "jrnl-export.json").read_text())
    assert len(exported["entries"]) == SIZE
    assert {"title", "body", "date", "time", "tags", "starred"} <= set(exported["entries"][0])

    # Every command either ran or is reported as not available yet; none failed,
    # so the harness's arguments still match the command line.
    raw = json.loads(results.with_suffix(".json").read_text())
    rows = raw["results"][str(SIZE)]
    statuses = {name: row["leadjournal"]["status"] for name, row in rows.items()}
    assert set(statuses.values()) <= {"ok", "not available"}, statuses
    assert statuses["write (add one entry)"] == "ok"
    assert rows["write (add one entry)"]["leadjournal"]["median"] > 0
    assert rows["search WORD"]["jrnl"]["status"] == "skipped"

    # The table is written, and the runs worked on copies: the generated
    # journal still has exactly its entries after `write` and `review` ran.
    report = results.read_text()
    assert "## Targets" in report
    # Beside the seconds, the ratio to the floor measured in the same run.
    assert re.search(
        r"\| `write \(add one entry\)` \| ≤ 1× minimal app \| \d+\.\d{3} \| \d+\.\d\d× \|", report
    )
    assert re.search(r"\| `--help` \| ≤ 1\.2× import typer \| \d+\.\d{3} \| \d+\.\d\d× \|", report)
    assert {"import typer", "minimal app"} <= set(raw["floors"][str(SIZE)])
    assert all(m["status"] == "ok" for m in raw["floors"][str(SIZE)].values())
    assert "jrnl: skipped" in report
    with sqlite3.connect(folder / "journal.db") as conn:
        assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == SIZE
