"""The coaching brief: golden files, self-containment, and the command's file handling.

The golden files in tests/golden/ are the brief of the sample journal (the
demo, built with the tests' fixed clock). When a change to the brief is
intended, regenerate them and review the diff:

    LEADJOURNAL_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_brief.py
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from leadjournal import brief
from leadjournal.clock import FixedClock
from leadjournal.demo import build_demo
from leadjournal.journal import Journal
from leadjournal.store import Store

from .conftest import NOW, Cli
from .helpers import record

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("LEADJOURNAL_UPDATE_GOLDEN") == "1"


@pytest.fixture
def demo_journal() -> Iterator[Journal]:
    store = Store.memory()
    clock = FixedClock(datetime.fromisoformat(NOW))
    build_demo(store, clock)
    yield Journal(store, clock)
    store.close()


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    assert text == expected, (
        f"{name} changed; if intended, run LEADJOURNAL_UPDATE_GOLDEN=1 pytest {__file__}"
    )


def test_markdown_brief_matches_the_golden_file(demo_journal: Journal) -> None:
    _check_golden("brief.md", brief.to_markdown(brief.build_brief(demo_journal, 12)))


def test_html_brief_matches_the_golden_file(demo_journal: Journal) -> None:
    _check_golden("brief.html", brief.to_html(brief.build_brief(demo_journal, 12)))


def test_the_brief_covers_what_a_coach_needs(demo_journal: Journal) -> None:
    page = brief.build_brief(demo_journal, 12)
    text = brief.to_markdown(page)
    assert page.first == "2026-W36" and page.last == "2026-W47"
    for heading in ("Where things stand", "Ratings over time", "The grid path", "Wins",
                    "Commitments", "From the reflections"):  # fmt: skip
        assert f"## {heading}" in text
    assert "## Goals" in text
    assert [(e.toward, e.first < e.last) for e in page.episodes] == [("results", True)]
    first, last = page.episodes[0].first, page.episodes[0].last
    assert f"From {first} to {last}, a lasting imbalance toward results." in text
    assert "| 2026-W40 | – | – | – | not reviewed |" in text
    assert (
        "Apologise to Maya — done" in text and "Reinstate one-on-ones next week — dropped" in text
    )
    starred = [x for x in page.excerpts if x.why == "starred"]
    assert starred and all(x.entry.starred for x in starred)
    assert any(x.why.startswith("@") for x in page.excerpts)
    assert len(page.excerpts) <= brief.MAX_EXCERPTS


def test_goals_have_a_place_in_the_brief(demo_journal: Journal) -> None:
    goal = brief.GoalLine(
        title="Delegate release management", kind="development", status="on track",
        progress="2 of 3 releases led by Maya",
    )  # fmt: skip
    page = brief.build_brief(demo_journal, 12, goals=[goal])
    assert "- Delegate release management (development, on track): 2 of 3" in brief.to_markdown(
        page
    )
    assert "<h2>Goals</h2>" in brief.to_html(page)


def test_the_brief_shows_each_open_goal_where_it_stands(demo_journal: Journal) -> None:
    page = brief.build_brief(demo_journal, 12)
    standing = {s.goal.title: s for s in demo_journal.goals.summaries()}
    assert [line.title for line in page.goals] == list(standing)
    for line in page.goals:
        summary = standing[line.title]
        assert summary.progress is not None and summary.expected is not None
        assert line.kind == summary.goal.kind
        assert line.progress == (
            f"{round(summary.progress * 100)}% of the way, "
            f"{round(summary.expected * 100)}% of the time gone"
        )
    markdown = brief.to_markdown(page)
    section = markdown.split("## Goals\n\n")[1].split("\n\n")[0].splitlines()
    assert section == [
        f"- {line.title} ({line.kind}, {line.status}): {line.progress}" for line in page.goals
    ]
    assert {line.status for line in page.goals} == {"on track", "at risk"}
    html = brief.to_html(page)
    assert "<h2>Goals</h2>" in html and "(development, at risk)" in html


def test_closed_goals_leave_the_brief_and_no_goals_means_no_section(journal: Journal) -> None:
    record(journal, "2026-W47", results=6, relationships=6)
    assert "## Goals" not in brief.to_markdown(brief.build_brief(journal, 4))
    assert "<h2>Goals</h2>" not in brief.to_html(brief.build_brief(journal, 4))
    goal = journal.goals.add(
        "Ship the billing migration safely", measure="services moved", baseline=0, target=10,
        due="2027-01-29", start="2026-11-02",
    )  # fmt: skip
    journal.goals.checkin(goal.goal.id, 4)
    (line,) = brief.build_brief(journal, 4).goals
    assert (line.title, line.kind) == ("Ship the billing migration safely", "performance")
    assert line.progress.startswith("40% of the way, ")
    journal.goals.close(goal.goal.id, "dropped", "Deprioritised")
    assert brief.build_brief(journal, 4).goals == []


def test_a_goal_without_numbers_says_so_in_the_brief(journal: Journal) -> None:
    journal.goals.add("Become a calmer presence in incidents", kind="development")
    (line,) = brief.build_brief(journal, 4).goals
    assert line.status == "not measurable yet"
    assert line.progress == "progress not measurable yet"


EXTERNAL = re.compile(r"https?:|//[a-z]|\bsrc\s*=|<script|<link|@import|url\(|<iframe|<object")


def test_html_brief_is_self_contained(demo_journal: Journal) -> None:
    page = brief.to_html(brief.build_brief(demo_journal, 26))
    assert EXTERNAL.search(page.lower()) is None
    assert page.count("<svg") == 2 and "<style>" in page and "@media print" in page


def test_html_brief_escapes_what_the_leader_wrote(journal: Journal) -> None:
    record(journal,
        "2026-W47", results=6, relationships=6, win="<script>alert(1)</script>",
        reflection="<img src=x onerror=alert(1)> @risky",
    )  # fmt: skip
    page = brief.to_html(brief.build_brief(journal, 4))
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_brief_command_prints_markdown_by_default(cli: Cli) -> None:
    cli.ok("review", "--results", "7", "--relationships", "4", "--win", "Launch")
    out = cli.ok("brief", "--weeks", "4").stdout
    # A new journal's brief starts at its first review, not with empty weeks.
    assert out.startswith("# Leadership brief · 2026-W47\n")
    assert "not reviewed" not in out and "(1 week, 1 reviewed)" in out
    assert "- 2026-W47: Launch" in out


def test_brief_command_writes_a_private_file_and_never_overwrites_unasked(
    cli: Cli, tmp_path: Path
) -> None:
    cli.ok("review", "--results", "7", "--relationships", "4")
    target = tmp_path / "brief.html"
    run = cli.ok("brief", "--format", "html", "--output", str(target))
    assert str(target) in run.stdout and str(target.stat().st_size) in run.stdout
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text().startswith("<!DOCTYPE html>")
    target.write_text("my notes")
    refused = cli("brief", "--output", str(target))
    assert refused.exit_code == 1 and "--force" in refused.stderr
    assert target.read_text() == "my notes"
    cli.ok("brief", "--output", str(target), "--force")
    assert target.read_text().startswith("# Leadership brief")
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["brief.html"]


def test_brief_command_refuses_an_unknown_format(cli: Cli) -> None:
    run = cli("brief", "--format", "pdf")
    assert run.exit_code == 2 and "md, html" in run.stderr


def test_a_starred_reflection_reaches_the_brief(cli: Cli) -> None:
    cli.ok("write", "Told Jo the plan was unclear, kindly and specifically", "--star")
    cli.ok("write", "An ordinary note")
    out = cli.ok("brief", "--weeks", "2").stdout
    assert "> Told Jo the plan was unclear, kindly and specifically" in out
    assert "An ordinary note" not in out
