"""``leadjournal trends`` on a journal built through the command line."""

from __future__ import annotations

import re
from typing import Any

from leadjournal import export
from leadjournal.export import sparkline
from leadjournal.insights import Streak

from .conftest import Cli

# The design's trends --json contract, plus the documented additions: each
# week's extra dimensions, and the open goals beside the trends.
CONTRACT_KEYS = {"weeks", "averages", "direction", "imbalance", "streak", "follow_through"}
ADDED_KEYS = {"goals", "patterns", "people"}
GOAL_KEYS = {"id", "title", "kind", "progress", "expected", "status"}
WEEK_KEYS = {"week", "results", "relationships", "lean", "style", "reviewed", "extra"}


def _journal(cli: Cli) -> None:
    """W44 balanced, W45 missed, W46 and W47 leaning toward results (now is W47)."""
    cli.ok("review", "--week", "2026-W44", "--results", "5", "--relationships", "5",
           "--rate", "energy=6", "--commit", "Lunch with the new hires")  # fmt: skip
    cli.ok("review", "--week", "2026-W46", "--results", "7", "--relationships", "4",
           "--commit", "Clear owners for the roadmap")  # fmt: skip
    cli.ok("review", "--results", "8", "--relationships", "3", "--commit", "Two one-on-ones")
    open_ids = [c["id"] for c in cli.ok("commitments", "--json").json()]
    cli.ok("commitments", "done", open_ids[0])
    cli.ok("commitments", "drop", open_ids[1])


def test_trends_json_is_the_contract(cli: Cli) -> None:
    _journal(cli)
    data: dict[str, Any] = cli.ok("trends", "--weeks", "4", "--json").json()
    assert set(data) == CONTRACT_KEYS | ADDED_KEYS and data["goals"] == []
    assert data["patterns"] == []  # fewer than 8 reviewed weeks
    assert data["people"] is None  # no roster, no people section
    assert all(set(row) == WEEK_KEYS for row in data["weeks"])
    assert data["weeks"] == [
        {"week": "2026-W44", "results": 5, "relationships": 5, "lean": 0,
         "style": "middle of the road", "reviewed": True, "extra": {"energy": 6}},
        {"week": "2026-W45", "results": None, "relationships": None, "lean": None,
         "style": None, "reviewed": False, "extra": {}},
        {"week": "2026-W46", "results": 7, "relationships": 4, "lean": -3,
         "style": "middle of the road", "reviewed": True, "extra": {}},
        {"week": "2026-W47", "results": 8, "relationships": 3, "lean": -5,
         "style": "produce-or-perish", "reviewed": True, "extra": {}},
    ]  # fmt: skip
    assert data["averages"] == {"results": 6.7, "relationships": 4.0}
    assert data["direction"] == {"results": "up", "relationships": "down"}
    assert data["imbalance"] == {"state": "temporary", "toward": "results", "weeks": 2}
    assert data["streak"] == {"current": 2, "longest": 2}
    assert data["follow_through"] == {
        "assessed": 2, "done": 1, "partly": 0, "rate": 0.5, "open": 1, "overdue": 0,
    }  # fmt: skip


def test_trends_default_window_is_twelve_weeks(cli: Cli) -> None:
    _journal(cli)
    rows = cli.ok("trends", "--json").json()["weeks"]
    assert len(rows) == 12 and rows[-1]["week"] == "2026-W47"
    assert sum(row["reviewed"] for row in rows) == 3


def test_trends_text_shows_gaps_as_gaps(cli: Cli) -> None:
    _journal(cli)
    out = cli.ok("trends", "--weeks", "4").stdout
    gap_row = next(line for line in out.splitlines() if line.startswith("2026-W45"))
    assert "not reviewed" in gap_row and "0" not in gap_row.replace("2026-W45", "")
    assert sparkline([5, None, 7, 8])[1] == " "
    assert f"│{sparkline([5, None, 7, 8])}│" in out
    assert f"│{sparkline([5, None, 4, 3])}│" in out
    assert f"│{sparkline([6, None, None, None])}│" in out  # energy, rated once


def test_trends_text_has_every_part(cli: Cli) -> None:
    _journal(cli)
    out = cli.ok("trends", "--weeks", "4").stdout
    assert "Trends · 2026-W44 – 2026-W47 (4 weeks)" in out
    w46 = next(line for line in out.splitlines() if line.startswith("2026-W46"))
    assert w46.rstrip().endswith("dropped")
    assert "avg 6.7 ↑" in out and "avg 4.0 ↓" in out
    grid = [line.strip() for line in out.splitlines() if re.match(r"^\s*\d │", line)]
    assert [int(line[0]) for line in grid] == list(range(9, 0, -1))
    assert grid[9 - 3].startswith("3 │") and grid[9 - 3].split("│")[1].split()[7] == "@"
    assert grid[9 - 4].split("│")[1].split()[6] == "o"
    assert "Streak: 2 weeks in a row (longest 2 weeks)." in out
    assert "Follow-through: 50% of 2 assessed" in out
    assert "A temporary lean toward results" in out


def test_a_lasting_imbalance_is_said_plainly_with_advice(cli: Cli) -> None:
    for week in ("2026-W45", "2026-W46"):
        cli.ok("review", "--week", week, "--results", "8", "--relationships", "4")
    cli.ok("review", "--results", "7", "--relationships", "3")
    out = cli.ok("trends").stdout
    assert "lasting imbalance toward results" in out and "Step back and adjust" in out
    assert cli.ok("trends", "--json").json()["imbalance"]["state"] == "lasting"


def test_trends_on_an_empty_journal(cli: Cli) -> None:
    out = cli.ok("trends").stdout
    assert "No reviewed weeks" in out
    assert "not reviewed" not in out  # no table of twelve empty weeks
    data = cli.ok("trends", "--json").json()
    assert data["averages"] == {"results": None, "relationships": None}
    assert not any(row["reviewed"] for row in data["weeks"])


def test_trends_refuses_a_window_of_no_weeks(cli: Cli) -> None:
    run = cli("trends", "--weeks", "0")
    assert run.exit_code == 2 and "1 or more" in run.stderr


def test_the_review_summary_uses_the_same_numbers(cli: Cli) -> None:
    _journal(cli)
    out = cli.ok("review", "--week", "2026-W45", "--results", "6", "--relationships", "6").stdout
    data = cli.ok("trends", "--weeks", "5", "--json").json()
    assert export.streak_text(Streak(**data["streak"])) in out
    assert f"results {data['averages']['results']}" in out


def _goals(cli: Cli) -> tuple[str, str]:
    """A performance goal ahead of the calendar, and a development goal behind it."""
    backlog = cli.ok(
        "goal", "add", "Cut the support backlog to 15 tickets", "--measure", "open tickets",
        "--unit", "tickets", "--baseline", "40", "--target", "15", "--start", "2026-10-23",
        "--due", "2026-12-18", "--json",
    ).json()["goal"]["id"]  # fmt: skip
    coaching = cli.ok(
        "goal", "add", "Coach two leads to run incident reviews", "--kind", "development",
        "--measure", "reviews led", "--unit", "reviews", "--baseline", "0", "--target", "5",
        "--start", "2026-10-23", "--due", "2026-12-18", "--pair", backlog, "--json",
    ).json()["goal"]["id"]  # fmt: skip
    cli.ok("goal", "checkin", backlog, "--value", "20")
    cli.ok("goal", "checkin", coaching, "--value", "1")
    return backlog, coaching


def test_trends_json_adds_the_open_goals(cli: Cli) -> None:
    _journal(cli)
    backlog, coaching = _goals(cli)
    data: dict[str, Any] = cli.ok("trends", "--weeks", "4", "--json").json()
    assert set(data) == CONTRACT_KEYS | ADDED_KEYS
    assert all(set(goal) == GOAL_KEYS for goal in data["goals"])
    # 4 weeks of 8 gone: half the time. The backlog is 80% of the way there
    # (40 → 20 of 40 → 15), the coaching a fifth (1 of 5 reviews).
    assert data["goals"] == [
        {"id": backlog, "title": "Cut the support backlog to 15 tickets", "kind": "performance",
         "progress": 0.8, "expected": 0.5, "status": "on_track"},
        {"id": coaching, "title": "Coach two leads to run incident reviews",
         "kind": "development", "progress": 0.2, "expected": 0.5, "status": "off_track"},
    ]  # fmt: skip
    without = {key: value for key, value in data.items() if key != "goals"}
    cli.ok("goal", "drop", coaching)
    cli.ok("goal", "done", backlog)
    after = cli.ok("trends", "--weeks", "4", "--json").json()
    assert after["goals"] == []  # closed goals are no longer open
    assert {key: value for key, value in after.items() if key != "goals"} == without


def test_trends_text_ends_with_the_open_goals(cli: Cli) -> None:
    _journal(cli)
    assert "Open goals" not in cli.ok("trends", "--weeks", "4").stdout
    backlog, coaching = _goals(cli)
    lines = cli.ok("trends", "--weeks", "4").stdout.splitlines()
    start = lines.index("Open goals")
    assert lines[start + 1:] == [
        f"  {backlog[:8]} Cut the support backlog to 15 tickets (performance)",
        f"    {'█' * 10}{'░' * 2} on track · 80% of the way, 50% of the time gone",
        f"  {coaching[:8]} Coach two leads to run incident reviews (development)",
        f"    {'█' * 2}{'░' * 10} off track · 20% of the way, 50% of the time gone",
    ]  # fmt: skip
    assert start > next(i for i, line in enumerate(lines) if "temporary lean" in line)


def test_the_review_summary_lists_open_goals(cli: Cli) -> None:
    _goals(cli)
    out = cli.ok("review", "--results", "6", "--relationships", "6").stdout
    card = out[out.index("Open goals: 2.") :].splitlines()
    assert "Cut the support backlog to 15 tickets — on track (80% of the way, 50% of" in card[1]
    assert "Coach two leads to run incident reviews — off track (20% of the way" in card[2]
    cli.ok("goal", "drop", cli.ok("goal", "list", "--json").json()[1]["goal"]["id"])
    again = cli.ok("review", "--week", "2026-W46", "--results", "6", "--relationships", "6")
    assert "Open goals: 1." in again.stdout and "Coach two leads" not in again.stdout


def test_the_review_summary_has_no_goals_line_without_goals(cli: Cli) -> None:
    out = cli.ok("review", "--results", "6", "--relationships", "6").stdout
    assert "Open commitments" in out and "Open goals" not in out


def test_trends_and_brief_gain_a_people_section_with_a_roster(cli: Cli) -> None:
    _journal(cli)
    for name, handle in [("Sam Okafor", "sam"), ("Maya Chen", "maya"), ("Dev Patel", "dev")]:
        cli.ok("people", "add", name, "--as", handle)
    for _ in range(3):
        cli.ok("people", "note", "sam", "thanks", "--kind", "recognition")
    cli.ok("people", "note", "maya", "1:1: reorg", "--kind", "1on1")
    people = cli.ok("trends", "--weeks", "4", "--json").json()["people"]
    assert people["recognitions"] == 3 and people["recognised"] == {"sam": 3}
    assert people["top_share"] == {"recognitions": 3, "people": 1}
    assert people["one_on_ones"] == {"held": 1, "people": 1}
    assert people["not_mentioned"] == ["Dev Patel"]
    text = cli.ok("trends", "--weeks", "4").stdout
    assert "3 recognitions, 3 of them to 1 of 3 people" in text
    assert "Not mentioned at all: Dev Patel" in text
    brief = cli.ok("brief", "--weeks", "4").stdout
    assert "## People" in brief and "- 1 one-on-one, with 1 of 3 people" in brief
    page = cli.ok("brief", "--weeks", "4", "--format", "html").stdout
    assert "<h2>People</h2>" in page and "Not mentioned at all: Dev Patel" in page
