"""Running the real ``leadjournal`` program in child processes, and killing it.

Every child gets its own journal (LEADJOURNAL_HOME / LEADJOURNAL_DB in the
test's tmp_path), a fixed clock, and ``tests/guard`` on PYTHONPATH, whose
sitecustomize makes any network connection fail.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
GUARD = TESTS / "guard"
DATA = TESTS / "data"
NOW = "2026-11-20T09:00:00+00:00"


def child_env(home: Path, db: Path | None = None, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("LEADJOURNAL_") and key not in ("EDITOR", "VISUAL")
    }
    env.update(
        LEADJOURNAL_HOME=str(home),
        LEADJOURNAL_NOW=NOW,
        NO_COLOR="1",
        COLUMNS="100",
        TZ="UTC",
        HOME=str(home.parent / "user"),
        PYTHONPATH=os.pathsep.join([str(GUARD), str(ROOT)]),
    )
    if db is not None:
        env["LEADJOURNAL_DB"] = str(db)
    env.update(extra)
    return env


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "leadjournal", *args]


def run(
    env: dict[str, str],
    *args: str,
    input: str | None = None,
    preexec: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(*args),
        env=env,
        input=input,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=preexec,
    )


def helper(env: dict[str, str], script: str, *args: str) -> subprocess.Popen[str]:
    """Start one of the scripts in tests/crash_helpers."""
    return subprocess.Popen(
        [sys.executable, str(TESTS / "crash_helpers" / script), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the child process")
        time.sleep(0.005)


def kill(process: subprocess.Popen[str]) -> None:
    """SIGKILL: no handler runs, no cleanup, as when power or the OS pulls the plug."""
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


def integrity(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        found = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
        found += [repr(tuple(row)) for row in conn.execute("PRAGMA foreign_key_check")]
        return found
    finally:
        conn.close()


def without_root_powers() -> None:
    """For preexec_fn: make the child obey file permissions even when run as root.

    Root ignores read-only modes (CAP_DAC_OVERRIDE); dropping that capability
    from the bounding set before exec makes the permission tests mean the same
    for root as for everyone else. A no-op for other users.
    """
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop = 24
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(pr_capbset_drop, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "could not drop a capability")


def table_rows(path: Path, table: str, columns: Sequence[str]) -> set[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        listed = ", ".join(f'"{c}"' for c in columns)
        return {tuple(row) for row in conn.execute(f'SELECT {listed} FROM "{table}"')}
    finally:
        conn.close()
