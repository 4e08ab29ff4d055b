"""The missed-week line: on a terminal, once a day, only from a journal already open."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from leadjournal.cli import habit
from leadjournal.habit import missed_week
from leadjournal.journal import Journal

from .conftest import Cli
from .helpers import finish, record, spawn
from .procs import child_env, run

LINE = "You have not finished the review of 2026-W46"
REVIEW = ("--results", "6", "--relationships", "6", "--reflection", "ok", "--win", "w")


def test_last_week_is_missed_only_once_the_habit_has_begun(journal: Journal) -> None:
    store = journal.store
    assert missed_week(store, "2026-W47") is None  # a new journal has missed nothing
    # A review begun last week, the journal's first: nothing was missed yet.
    store.create_review("r-47", "2026-W47", "2026-11-20T09:00:00Z")
    assert missed_week(store, "2026-W48") is None
    record(journal, "2026-W46", results=5, relationships=5, reflection="x", win="y")
    assert missed_week(store, "2026-W47") is None  # last week is done
    # Last week only begun, an earlier one done: that is a missed week.
    assert missed_week(store, "2026-W48") == "2026-W47"
    assert missed_week(store, "2026-W50") == "2026-W49"  # only last week is named


@pytest.fixture
def on_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(habit, "on_terminal", lambda: True)


@pytest.fixture
def missed(cli: Cli) -> Cli:
    """A journal reviewed in 2026-W45 and not since; the clock says 2026-W47."""
    cli.ok("review", "--week", "2026-W45", *REVIEW)
    return cli


@pytest.mark.usefixtures("on_terminal")
def test_a_command_that_opens_the_journal_says_it_once_a_day(missed: Cli, tmp_path: Path) -> None:
    first = missed.ok("log")
    assert LINE in first.stderr
    assert "leadjournal review --week 2026-W46" in first.stderr
    assert LINE not in first.stdout
    assert LINE not in missed.ok("log").stderr  # said today already
    assert LINE not in missed.ok("trends").stderr
    tomorrow = missed.ok("log", env={"LEADJOURNAL_NOW": "2026-11-21T09:00:00+00:00"})
    assert LINE in tomorrow.stderr
    notes = tmp_path / "user" / "state" / "leadjournal" / "notes.json"
    assert stat.S_IMODE(notes.stat().st_mode) == 0o600


@pytest.mark.usefixtures("on_terminal")
def test_never_with_json_nor_in_review_nor_when_turned_off(missed: Cli, tmp_path: Path) -> None:
    assert LINE not in missed.ok("log", "--json").stderr
    assert LINE not in missed.ok("review", "--week", "2026-W44", *REVIEW).stderr
    config = tmp_path / "user" / "config" / "leadjournal" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("nudge = false\n")
    assert LINE not in missed.ok("log").stderr
    config.write_text("nudge = true\n")
    assert LINE in missed.ok("log").stderr


@pytest.mark.usefixtures("on_terminal")
def test_commands_that_need_no_journal_say_nothing_and_open_nothing(
    cli: Cli, tmp_path: Path
) -> None:
    for args in (("db", "path"), ("config", "path"), ("remind", "status"), ("--help",)):
        assert LINE not in cli.ok(*args).stderr
    assert not cli.db.exists()


@pytest.mark.usefixtures("on_terminal")
def test_it_uses_the_store_the_command_opened(missed: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from leadjournal.store import Store

    opened: list[Path] = []
    real_open = Store.open.__func__  # type: ignore[attr-defined]

    def counting(cls: type[Store], path: Path, *args: object, **kwargs: object) -> Store:
        opened.append(path)
        return real_open(cls, path, *args, **kwargs)  # type: ignore[no-any-return]

    monkeypatch.setattr(Store, "open", classmethod(counting))
    assert LINE in missed.ok("log").stderr
    assert len(opened) == 1


def test_not_in_a_pipe(missed: Cli, isolated: Path) -> None:
    # The real program, its output read by another program: never a nudge.
    done = run(child_env(isolated), "log")
    assert done.returncode == 0, done.stderr
    assert LINE not in done.stdout + done.stderr


def test_on_a_real_terminal_the_line_comes_once(missed: Cli, isolated: Path) -> None:
    child = spawn(isolated, "log", "--weeks", "1")
    # After the command's own output, not before it.
    child.expect("No entries for 2026-W47")
    child.expect("You have not finished the review of 2026-W46")
    assert finish(child) == 0
    again = spawn(isolated, "log", "--weeks", "1")
    again.expect(r"2026-W47")
    rest = again.read()
    assert finish(again) == 0
    assert "You have not finished" not in (again.before or "") + rest
