"""``leadjournal demo``: a deterministic sample journal with every kind of week in it."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest

from leadjournal import export, insights
from leadjournal.clock import FixedClock
from leadjournal.demo import DEMO_WEEKS, GOAL_CHECKINS, build_demo
from leadjournal.journal import Journal
from leadjournal.store import Store

from .conftest import NOW, Cli
from .helpers import rows


def _demo() -> Journal:
    store = Store.memory()
    clock = FixedClock(datetime.fromisoformat(NOW))
    build_demo(store, clock)
    return Journal(store, clock)


def _markdown(journal: Journal) -> str:
    sink = io.StringIO()
    export.write_markdown(journal.store, sink, exported_at="fixed", today=journal.today())
    return sink.getvalue()


def test_the_demo_is_deterministic() -> None:
    assert _markdown(_demo()) == _markdown(_demo())


def test_the_demo_spans_26_weeks_ending_now_with_missed_weeks() -> None:
    journal = _demo()
    trends = journal.trends(DEMO_WEEKS)
    assert trends.weeks[-1].week == journal.current_week() == "2026-W47"
    assert trends.weeks[0].reviewed
    missed = [row.week for row in trends.weeks if not row.reviewed]
    assert len(missed) >= 2


def test_the_demo_has_a_lasting_and_a_temporary_imbalance() -> None:
    journal = _demo()
    history = journal.rated_weeks(journal.current_week())
    states = [insights.imbalance(history[: n + 1]) for n in range(len(history))]
    assert any(v.state == "lasting" and v.toward == "results" for v in states)
    assert any(v.state == "temporary" for v in states)
    assert states[-1].state != "lasting"  # the story ends after the correction


def test_the_demo_has_kept_and_dropped_commitments_wins_and_tagged_reflections() -> None:
    journal = _demo()
    statuses = {c.status for c in journal.commitments(None)}
    assert {"done", "partly", "dropped", "open"} <= statuses
    store = journal.store
    span = [row.week for row in journal.trends(DEMO_WEEKS).weeks]
    assert store.top_tags(span, 3) and store.starred_entries(span, 10)
    assert sum(1 for r in store.reviews_in_weeks(span) if r.win) >= 10


def test_the_demo_has_a_performance_goal_paired_with_a_development_goal() -> None:
    journal = _demo()
    performance, development = journal.goals.summaries()
    assert (performance.goal.kind, development.goal.kind) == ("performance", "development")
    assert performance.goal.pair_id == development.goal.id
    assert development.goal.pair_id == performance.goal.id
    # One ahead of the calendar, one behind it: the crunch cost one-on-ones.
    assert (performance.status, development.status) == ("on_track", "at_risk")
    assert performance.smart == [] and development.smart == []
    for summary in (performance, development):
        checkins = summary.goal.checkins
        assert len(checkins) == len(GOAL_CHECKINS)
        # Given in the weekly review, each in its own reviewed week.
        reviews = {r.id: r.week for r in journal.store.iter_reviews()}
        assert all(reviews[c.review_id] == c.week for c in checkins if c.review_id)
        assert all(c.review_id for c in checkins)


def test_demo_command_writes_a_new_journal(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "demo.db"
    run = cli.ok("demo", "--db", str(target))
    assert str(target) in run.stdout and "trends" in run.stdout
    assert rows(target, "SELECT count(*) FROM reviews")[0][0] > 20
    out = cli.ok("--db", str(target), "trends").stdout
    assert "temporary lean toward relationships" in out
    assert "Open goals" in out and "Cut the support backlog to 15 open tickets" in out
    assert rows(target, "SELECT count(*) FROM goals WHERE pair_id IS NOT NULL") == [(2,)]


def test_demo_command_refuses_an_existing_file(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "journal.db"
    target.write_bytes(b"precious")
    run = cli("demo", "--db", str(target))
    assert run.exit_code == 1 and "already exists" in run.stderr
    assert target.read_bytes() == b"precious"


def test_demo_command_refuses_the_real_journal(cli: Cli) -> None:
    cli.ok("write", "A real entry")
    run = cli("demo", "--db", str(cli.db))
    assert run.exit_code == 1
    assert rows(cli.db, "SELECT body FROM entries") == [("A real entry",)]


def test_demo_takes_the_global_db_option_too(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "demo.db"
    run = cli.ok("--db", str(target), "demo")
    assert str(target) in run.stdout
    assert rows(target, "SELECT count(*) FROM reviews")[0][0] > 20


def test_demo_without_a_file_names_one_and_never_writes_the_journal(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LEADJOURNAL_DB", str(tmp_path / "from-env.db"))
    run = cli("demo")
    assert run.exit_code == 2
    assert "leadjournal demo --db" in run.stderr
    assert not (tmp_path / "from-env.db").exists() and not cli.db.exists()
