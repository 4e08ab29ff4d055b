"""Small helpers the tests share."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


def rows(path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Read the journal file directly, the way another tool would."""
    conn = sqlite3.connect(path)
    try:
        return [tuple(row) for row in conn.execute(sql, params)]
    finally:
        conn.close()


def spawn(home: Path, *args: str, now: str = "2026-11-20T09:00:00+00:00") -> Any:
    """The real program in a pseudo-terminal, with its own journal folder and clock.

    Same environment as the other child processes (tests/procs.py), network
    guard included.
    """
    import pexpect

    from .procs import child_env, command

    env = child_env(home, LEADJOURNAL_NOW=now, TERM="dumb")
    program, *arguments = command(*args)
    # A generous timeout: a loaded machine can be slow to start Python, and a
    # timeout here means a failed test, never a hang.
    return pexpect.spawn(
        program, arguments, env=env, encoding="utf-8", timeout=45, dimensions=(40, 100)
    )


def finish(child: Any) -> int:
    """Wait for a spawned program to end; its exit status."""
    import pexpect

    child.expect(pexpect.EOF)
    child.close()
    return int(child.exitstatus if child.exitstatus is not None else -1)


def record(journal: Any, week: str, *, replace: bool = False, **flags: Any) -> Any:
    """A whole review from flags, as ``review --week W --results N ...`` records it."""
    from leadjournal.review import Answers

    return journal.reviews.record(week, Answers.parse(**flags), replace=replace).review
