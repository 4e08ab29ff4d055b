"""Shared fixtures: every test gets its own journal home, a set clock and plain output.

No test can reach the real user data directory. The whole run is isolated
once, before any test is collected (HOME, the XDG folders, LEADJOURNAL_HOME,
the clock, the network guard), and checked at its end: tests/isolation.py.
Each test then gets its own folders inside its tmp_path.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from leadjournal.cli import app
from leadjournal.clock import FixedClock
from leadjournal.journal import Journal
from leadjournal.store import Store

from .isolation import NOW, pytest_configure, pytest_sessionfinish

__all__ = ["pytest_configure", "pytest_sessionfinish"]


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own journal folder and home, on top of the run's isolation.

    Undoing this test's monkeypatch falls back to the run's temporary
    folders, never to the real ones: see tests/isolation.py.
    """
    home = tmp_path / "home"
    for name in ("LEADJOURNAL_DB", "LEADJOURNAL_PROMPTS", "EDITOR", "VISUAL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user" / "data"))
    # The config, state and cache folders too: a test's config file, its
    # reminders and its once-a-day notes are its own.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user" / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "user" / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user" / "cache"))
    monkeypatch.delenv("LEADJOURNAL_CONFIG", raising=False)
    monkeypatch.setenv("LEADJOURNAL_HOME", str(home))
    monkeypatch.setenv("LEADJOURNAL_NOW", NOW)
    return home


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime.fromisoformat(NOW))


@pytest.fixture
def journal(clock: FixedClock) -> Iterator[Journal]:
    store = Store.memory()
    yield Journal(store, clock)
    store.close()


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


class Cli:
    """Runs the real Typer app in-process and keeps stdout and stderr apart."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.runner = CliRunner()

    @property
    def db(self) -> Path:
        return self.home / "journal.db"

    def __call__(
        self, *args: str, input: str | None = None, env: dict[str, str] | None = None
    ) -> Run:
        result = self.runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    def ok(self, *args: str, input: str | None = None, env: dict[str, str] | None = None) -> Run:
        run = self(*args, input=input, env=env)
        assert run.exit_code == 0, (
            f"exit {run.exit_code}\nstdout:\n{run.stdout}\nstderr:\n{run.stderr}"
        )
        return run


@pytest.fixture
def cli(isolated: Path) -> Cli:
    return Cli(isolated)
