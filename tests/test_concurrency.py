"""Several terminals writing to one journal at once: every write lands, once.

Real processes, started together on a journal that does not exist yet (so
they also race to create and set it up), for a bounded number of writes.
"""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .helpers import rows
from .procs import child_env, command, helper, integrity, run, wait_for


def test_three_terminals_at_once_every_write_lands_once(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = child_env(home)
    weeks = [f"2026-W{number:02d}" for number in range(30, 38)]

    def reviews() -> list[subprocess.CompletedProcess[str]]:
        return [
            run(
                env,
                "review",
                "--week",
                week,
                "--results",
                "6",
                "--relationships",
                "5",
                "--reflection",
                f"Reflection for {week}",
                "--commit",
                f"Change after {week}",
            )
            for week in weeks
        ]

    def writes(lane: str) -> list[subprocess.CompletedProcess[str]]:
        return [run(env, "write", f"{lane} note {n} @lane-{lane}") for n in range(8)]

    with ThreadPoolExecutor(max_workers=3) as pool:
        lanes = [pool.submit(reviews), pool.submit(writes, "b"), pool.submit(writes, "c")]
        results = [result for lane in lanes for result in lane.result()]

    for result in results:
        assert result.returncode == 0, result.stderr
        assert "locked" not in result.stderr.lower() and "busy" not in result.stderr.lower()
    db = home / "journal.db"
    assert integrity(db) == ["ok"]
    assert rows(db, "SELECT count(*), count(DISTINCT week) FROM reviews") == [(8, 8)]
    assert rows(db, "SELECT count(*) FROM commitments") == [(8,)]
    bodies = rows(db, "SELECT body FROM entries WHERE kind = 'reflection'")
    expected = {(f"{lane} note {n} @lane-{lane}",) for lane in "bc" for n in range(8)}
    assert len(bodies) == len(expected) and set(bodies) == expected
    assert rows(db, "SELECT count(*) FROM entries WHERE kind = 'review'") == [(8,)]
    assert rows(db, "SELECT count(*) FROM entry_tags") == [(16,)]
    assert len(rows(db, "SELECT name FROM _sqlite_migrations")) == len(
        set(rows(db, "SELECT name FROM _sqlite_migrations"))
    )


def test_four_tight_writers_and_a_backup_under_load(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    env = child_env(tmp_path / "home")
    count = 40
    writers = [helper(env, "writer.py", str(db), name, str(count)) for name in "wxyz"]
    # A backup taken while they write is a consistent snapshot that opens with --db.
    backup = tmp_path / "during.db"
    wait_for(db.exists)
    snapshot = subprocess.run(
        command("--db", str(db), "db", "backup", str(backup)),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    outcomes = [process.communicate(timeout=120) for process in writers]
    for process, (out, err) in zip(writers, outcomes, strict=True):
        assert process.returncode == 0, err
        assert len(out.splitlines()) == count
    assert snapshot.returncode == 0, snapshot.stderr
    assert integrity(db) == ["ok"]
    found = rows(db, "SELECT body FROM entries")
    assert len(found) == 4 * count and len(set(found)) == 4 * count
    assert integrity(backup) == ["ok"]
    copied = rows(backup, "SELECT body FROM entries")
    assert set(copied) <= set(found)
    # Consistent: each writer's entries in the copy are a prefix of what it wrote.
    for name in "wxyz":
        numbers = sorted(int(b.split()[-1]) for (b,) in copied if b.startswith(f"{name} "))
        assert numbers == list(range(len(numbers)))
    opened = run(env, "--db", str(backup), "log", "--json")
    assert opened.returncode == 0, opened.stderr


def test_many_first_opens_at_the_same_moment_share_one_new_journal(tmp_path: Path) -> None:
    """The race to create the file and its schema: nobody loses, nobody errs."""
    db = tmp_path / "fresh" / "journal.db"
    env = child_env(tmp_path / "home")
    go = tmp_path / "go"
    script = (
        "import sys, time, pathlib\n"
        "go = pathlib.Path(sys.argv[2])\n"
        "while not go.exists(): time.sleep(0.001)\n"
        "from leadjournal.store import Store\n"
        "Store.open(pathlib.Path(sys.argv[1])).close()\n"
    )
    openers = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(db), str(go)],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(8)
    ]
    go.touch()
    for process in openers:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    assert integrity(db) == ["ok"]
    names = rows(db, "SELECT name FROM _sqlite_migrations")
    assert len(names) == len(set(names)) > 0


ROUNDS = 20
_TOGETHER = (
    "import sys, time, pathlib\n"
    "go = pathlib.Path(sys.argv[1])\n"
    "from leadjournal.cli.app import app\n"
    "while not go.exists(): time.sleep(0.001)\n"
    "app(sys.argv[2:], prog_name='leadjournal')\n"
)


def test_two_flag_reviews_of_one_week_started_together(tmp_path: Path) -> None:
    """Two terminals record the same week at the same moment: one review, no error."""
    clashes = 0
    for round_ in range(ROUNDS):
        home = tmp_path / f"round-{round_}"
        env = child_env(home)
        # The journal exists first: the race is over the week, not the file.
        assert run(env, "db", "path").returncode == 0
        run(env, "write", "opening the journal")
        go = tmp_path / f"go-{round_}"
        flags = [
            ["--results", "6", "--relationships", "5", "--win", f"Launch {round_}"],
            ["--results", "6", "--relationships", "5", "--commit", f"Change {round_}"],
        ]
        reviews = [
            subprocess.Popen(
                [sys.executable, "-c", _TOGETHER, str(go), "review", "--week", "2026-W45", *more],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for more in flags
        ]
        go.touch()
        outcomes = [process.communicate(timeout=120) for process in reviews]
        for process, (_, err) in zip(reviews, outcomes, strict=True):
            if process.returncode != 0:
                clashes += 1
            assert "IntegrityError" not in err and "UNIQUE" not in err, err
            assert process.returncode == 0, err
        db = home / "journal.db"
        assert integrity(db) == ["ok"]
        # One review of the week, holding what both terminals gave: nothing lost.
        assert rows(db, "SELECT week, status, win FROM reviews") == [
            ("2026-W45", "complete", f"Launch {round_}")
        ]
        assert rows(db, "SELECT text FROM commitments") == [(f"Change {round_}",)]
    assert clashes == 0
