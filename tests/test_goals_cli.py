"""``leadjournal goal`` and the review's goals step, through CliRunner and a real pty."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest

from leadjournal.cli.context import Settings

from . import helpers
from .conftest import NOW, Cli
from .helpers import rows

TURNOVER = [
    "goal",
    "add",
    "Cut voluntary turnover on the platform team",
    "--level",
    "team",
    "--measure",
    "voluntary turnover",
    "--unit",
    "%",
    "--baseline",
    "18",
    "--target",
    "12",
    "--due",
    "2026-12-20",
    "--leading",
    "one-on-ones held",
    "--achievable",
    "HR partner",
    "--relevant",
    "Retention OKR",
]


def test_add_from_flags_lands_in_the_database(cli: Cli) -> None:
    run = cli.ok(*TURNOVER)
    assert "Saved goal" in run.stdout and "SMART: specific" in run.stdout
    assert rows(cli.db, "SELECT title, kind, level, cadence, status, due_date FROM goals") == [
        (
            "Cut voluntary turnover on the platform team",
            "performance",
            "team",
            "weekly",
            "open",
            "2026-12-20",
        )
    ]
    assert rows(
        cli.db, "SELECT name, kind, unit, baseline, target FROM goal_measures ORDER BY position"
    ) == [
        ("voluntary turnover", "lagging", "%", 18.0, 12.0),
        ("one-on-ones held", "leading", None, None, None),
    ]


def test_a_goal_with_parts_missing_is_kept_and_says_what_is_missing(cli: Cli) -> None:
    data = cli.ok("goal", "add", "Listen more", "--kind", "development", "--json").json()
    assert data["smart"] == [
        "vague_outcome",
        "no_measure",
        "no_achievable",
        "no_relevant",
        "no_due_date",
    ]
    assert data["goal"]["kind"] == "development" and data["status"] is None
    human = cli.ok("goal", "add", "Raise engagement on the team", "--target", "80").stdout
    assert "Not yet SMART" in human and "no baseline" in human and "no date" in human
    assert rows(cli.db, "SELECT count(*) FROM goals") == [(2,)]


def test_list_show_checkin_done_drop(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    goal_id = cli.ok(*TURNOVER, "--json").json()["goal"]["id"]
    short = goal_id[:6]
    listed = cli.ok("goal", "list", "--json").json()
    assert [(g["goal"]["id"], g["progress"], g["expected"], g["status"]) for g in listed] == [
        (goal_id, 0.0, 0.0, "on_track")
    ]
    monkeypatch.setenv("LEADJOURNAL_NOW", "2026-11-29T09:00:00+00:00")  # 30% of the time
    checked = cli.ok("goal", "checkin", short, "--value", "16.5", "--note", "2 fewer", "--json")
    assert checked.json()["progress"] == 0.25 and checked.json()["status"] == "on_track"
    human = cli.ok("goal", "checkin", short, "--value", "3", "--measure", "one-on-ones held")
    assert "Recorded 3 for 'one-on-ones held'" in human.stdout
    shown = cli.ok("goal", "show", short, "--json").json()
    assert [(c["measure"], c["value"], c["note"]) for c in shown["goal"]["checkins"]] == [
        ("voluntary turnover", 16.5, "2 fewer"),
        ("one-on-ones held", 3.0, None),
    ]
    panel = cli.ok("goal", "show", short).stdout
    assert "voluntary turnover, 18% → 12%, now 16.5%" in panel and "on track" in panel
    assert "on track" in cli.ok("goal").stdout  # `goal` alone lists open goals
    done = cli.ok("goal", "done", short, "--note", "Down to 11.5%", "--json").json()
    assert done["status"] == "done" and done["goal"]["outcome_note"] == "Down to 11.5%"
    assert cli.ok("goal", "list", "--json").json() == []
    assert len(cli.ok("goal", "list", "--all", "--json").json()) == 1
    other = cli.ok("goal", "add", "Coach instead of telling", "--json").json()["goal"]["id"]
    cli.ok("goal", "drop", other[:8], "--note", "Moved teams")
    assert rows(cli.db, "SELECT status, outcome_note FROM goals ORDER BY rowid") == [
        ("done", "Down to 11.5%"),
        ("dropped", "Moved teams"),
    ]
    again = cli("goal", "done", short)
    assert again.exit_code == 1 and "already done" in again.stderr


def test_pair_on_add_and_afterwards(cli: Cli) -> None:
    perf = cli.ok(*TURNOVER, "--json").json()["goal"]["id"]
    dev = cli.ok(
        "goal", "add", "Coach instead of telling", "--kind", "development", "--json"
    ).json()["goal"]["id"]
    assert "Paired goal" in cli.ok("goal", "pair", dev[:6], perf[:6]).stdout
    assert rows(cli.db, "SELECT id, pair_id FROM goals ORDER BY rowid") == [
        (perf, dev),
        (dev, perf),
    ]
    shown = cli.ok("goal", "show", perf[:6]).stdout
    assert "Paired with" in shown and "Coach instead of telling" in shown


@pytest.mark.parametrize("value", ["abc", "nan", "inf", "-inf", "1e13", ""])
def test_bad_values_exit_2_and_write_nothing(cli: Cli, value: str) -> None:
    goal_id = cli.ok(*TURNOVER, "--json").json()["goal"]["id"]
    run = cli("goal", "checkin", goal_id[:6], "--value", value)
    assert run.exit_code == 2 and run.stdout == ""
    assert "hint:" in run.stderr
    assert "must be a number" in run.stderr or "larger than a measure can hold" in run.stderr
    assert "finite" not in run.stderr and "trillion" not in run.stderr
    assert "Traceback" not in run.stderr
    assert rows(cli.db, "SELECT count(*) FROM goal_checkins") == [(0,)]


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["--due", "2026-11-19"], 2, "before the goal's start"),
        (["--baseline", "NaN"], 2, "must be a number"),
        (["--target", "2e12"], 2, "larger than a measure can hold"),
        (["--kind", "stretch"], 2, "not a goal kind"),
        (["--cadence", "daily"], 2, "not a review cadence"),
        (["--pair", "beef"], 1, "No goal"),
        (["--due", "someday"], 2, "not a date"),
    ],
)
def test_bad_add_flags_write_nothing(cli: Cli, args: list[str], code: int, words: str) -> None:
    run = cli(*TURNOVER, *args)
    assert run.exit_code == code and words in run.stderr and run.stdout == ""
    assert rows(cli.db, "SELECT count(*) FROM goals") == [(0,)]


def test_bad_pairs_from_the_command_line(cli: Cli) -> None:
    perf = cli.ok(*TURNOVER, "--json").json()["goal"]["id"]
    dev = cli.ok("goal", "add", "Coach more", "--kind", "development", "--pair", perf, "--json")
    dev_id = dev.json()["goal"]["id"]
    lone = cli.ok("goal", "add", "Learn feedback", "--kind", "development", "--json").json()
    lone_id = lone["goal"]["id"]
    itself = cli("goal", "pair", lone_id[:8], lone_id[:8])
    assert itself.exit_code == 2 and "itself" in itself.stderr
    taken = cli("goal", "pair", lone_id[:8], perf[:8])
    assert taken.exit_code == 1 and "already paired" in taken.stderr
    unknown = cli("goal", "pair", "beef", perf[:8])
    assert unknown.exit_code == 1 and "No goal" in unknown.stderr and "goal list" in unknown.stderr
    assert rows(cli.db, "SELECT id, pair_id FROM goals ORDER BY rowid") == [
        (perf, dev_id),
        (dev_id, perf),
        (lone_id, None),
    ]


def test_unknown_goal_ids(cli: Cli) -> None:
    for args in (["show", "beef"], ["checkin", "beef", "--value", "3"], ["done", "beef"]):
        run = cli("goal", *args)
        assert run.exit_code == 1 and "No goal has an id starting with 'beef'" in run.stderr


def test_add_without_a_title_needs_a_terminal(cli: Cli) -> None:
    run = cli("goal", "add")
    assert run.exit_code == 2 and "terminal" in run.stderr and "--measure" in run.stderr


# -- the review's goals step through CliRunner --------------------------------------------


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Settings, "interactive", property(lambda self: True))


def test_review_step_records_leading_measures(cli: Cli, terminal: None) -> None:
    cli.ok(*TURNOVER)
    # results, relationships, one-on-ones (a bad answer first), reflection, win, commitment
    run = cli.ok("review", "--no-prompts", input="7\n5\nlots\n4\nGood week\n\n\n\n")
    out = run.stdout
    assert out.index("Where you stand") < out.index("Goals") < out.index("4 · Reflection")
    assert "one-on-ones held this week?" in out and "must be a number" in out
    assert rows(cli.db, "SELECT value, week, review_id IS NOT NULL FROM goal_checkins") == [
        (4.0, "2026-W47", 1)
    ]
    steps = rows(cli.db, "SELECT steps_done, status FROM reviews")[0]
    assert '"goals"' in steps[0] and steps[1] == "complete"


def test_review_step_is_left_out_when_no_cadence_is_due(
    cli: Cli, terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Monthly, and only a result to measure (no leading measure).
    monthly = [*TURNOVER[:-6], "--cadence", "monthly", "--json"]
    goal_id = cli.ok(*monthly).json()["goal"]["id"]
    cli.ok("goal", "checkin", goal_id[:8], "--value", "17")  # this week, W47
    cli.ok("review", "--week", "2026-W46", "--results", "5", "--relationships", "5")
    monkeypatch.setenv("LEADJOURNAL_NOW", "2026-11-27T09:00:00+00:00")  # W48, still November
    run = cli.ok("review", "--no-prompts", input="7\n5\nFine\n\n\n\n")
    assert "Goals" not in run.stdout and "4 · Reflection" in run.stdout
    assert rows(cli.db, "SELECT count(*) FROM goal_checkins") == [(1,)]


# -- a real terminal ---------------------------------------------------------------------


def _spawn(home: Path, *args: str) -> pexpect.spawn:
    return helpers.spawn(home, *args, now=NOW)


@pytest.mark.pty
def test_goal_add_walk_through_in_a_terminal(isolated: Path) -> None:
    child = _spawn(isolated, "goal", "add")
    for question, answer in [
        ("What outcome", "Cut voluntary turnover on the platform team"),
        (r"\[d\]evelopment goal", "p"),
        (r"\[o\]rganization", "t"),
        ("lagging measure", "voluntary turnover"),
        ("In what unit", "%"),
        (r"\(the baseline\)", "eighteen"),
        ("must be a number", ""),  # asked again; Enter leaves the baseline out
    ]:
        child.expect(question)
        child.sendline(answer)
    child.expect(r"\(the target\)")
    child.sendline("12")
    child.expect("Leading measures")
    child.sendline("one-on-ones held")
    child.sendline("feedback given")
    child.sendline("")
    child.expect("achievable")
    child.sendline("")  # left out on purpose: named at the end
    child.expect("Which team or organization goal")
    child.sendline("Retention OKR")
    child.expect("By when")
    child.sendline("2026-01-01")
    child.expect("a date still ahead")
    child.sendline("2027-05-20")
    child.expect("review it")
    child.sendline("m")
    child.expect("Not yet SMART")
    child.expect("no baseline")
    child.expect("nothing says what makes it realistic")
    child.expect(r"Save this goal\? \[Y/n\]")
    child.sendline("y")
    child.expect("Saved goal")
    assert helpers.finish(child) == 0
    db = isolated / "journal.db"
    assert rows(
        db, "SELECT title, kind, level, cadence, due_date, relevant, achievable FROM goals"
    ) == [
        (
            "Cut voluntary turnover on the platform team",
            "performance",
            "team",
            "monthly",
            "2027-05-20",
            "Retention OKR",
            None,
        )
    ]
    assert rows(
        db, "SELECT name, kind, unit, baseline, target FROM goal_measures ORDER BY position"
    ) == [
        ("voluntary turnover", "lagging", "%", None, 12.0),
        ("one-on-ones held", "leading", None, None, None),
        ("feedback given", "leading", None, None, None),
    ]


@pytest.mark.pty
def test_goal_add_cancelled_with_ctrl_c_saves_nothing(isolated: Path) -> None:
    child = _spawn(isolated, "goal", "add")
    child.expect("What outcome")
    child.sendline("Hire two senior engineers by spring")
    child.expect(r"\[d\]evelopment goal")
    child.sendintr()
    child.expect("not saved")
    assert helpers.finish(child) == 130
    assert rows(isolated / "journal.db", "SELECT count(*) FROM goals") == [(0,)]


@pytest.mark.pty
def test_review_goals_step_survives_ctrl_c_and_resumes(cli: Cli, isolated: Path) -> None:
    cli.ok(*TURNOVER[:-4], "--leading", "feedback given")
    child = _spawn(isolated, "review", "--no-prompts")
    child.expect("results")
    child.sendline("6")
    child.expect("relationships")
    child.sendline("6")
    child.expect("Goals")
    child.expect("one-on-ones held this week")
    child.sendline("3")
    child.expect("feedback given this week")
    child.sendintr()
    child.expect("paused")
    assert helpers.finish(child) == 130
    db = isolated / "journal.db"
    assert rows(db, "SELECT value FROM goal_checkins") == [(3.0,)]

    again = _spawn(isolated, "review", "--no-prompts")
    again.expect("Carry on")
    again.sendline("y")
    again.expect("feedback given this week")
    assert "one-on-ones held this week" not in (again.before or "")
    again.sendline("5")
    again.expect("Reflection")
    again.sendline("")
    again.expect("A win")
    again.sendline("")
    again.expect("commitment")
    again.sendline("")
    assert helpers.finish(again) == 0
    got = rows(
        db,
        """SELECT m.name, c.value FROM goal_checkins c JOIN goal_measures m ON m.id = c.measure_id
           ORDER BY c.rowid""",
    )
    assert got == [("one-on-ones held", 3.0), ("feedback given", 5.0)]
    assert rows(db, "SELECT status FROM reviews") == [("complete",)]


def test_goal_list_reads_at_80_columns(cli: Cli) -> None:
    title = "Cut voluntary turnover on the platform team"
    flags = ["--measure", "voluntary turnover", "--unit", "%", "--baseline", "18"]
    cli.ok("goal", "add", title, *flags, "--target", "12", "--due", "2027-05-20")
    listing = cli.ok("goal", "list", env={"COLUMNS": "80"}).stdout
    lines = listing.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 80
    # One row: the title in at most two lines, the result under it, and every
    # column beside it (before, the title and result were cut word by word
    # into a column of 12 and the row took six lines).
    for header in ("id", "goal", "progress", "time", "status", "due"):
        assert header in lines[0]
    body = [line for line in lines[1:] if line.strip()]
    assert len(body) == 3, listing
    start = body[0].index("Cut")
    column = " ".join(line[start:].split("  ")[0].strip() for line in body[:2])
    assert column == title, listing
    assert body[2][start:].strip() == "18% → 12%"
    assert "on track" in body[0] and "2027-05-20" in body[0]
