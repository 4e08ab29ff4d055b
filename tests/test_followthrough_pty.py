"""In a real pseudo-terminal: a date step asked again until it is a date, a
SMART goal made by its exercise and shown by ``goal list``, a second try set in
the review, and the exercise the review offers (declined with Enter)."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import helpers
from .helpers import rows

pytestmark = pytest.mark.pty

FRIDAY = "2026-11-20T09:00:00+00:00"  # ISO week 2026-W47


def answer_text(child: object, text: str) -> None:
    child.expect("Finish with an empty line")  # type: ignore[attr-defined]
    child.sendline(text)  # type: ignore[attr-defined]
    if text:  # a blank first line skips the step; otherwise a blank line ends the answer
        child.sendline("")  # type: ignore[attr-defined]


def test_smart_goal_asks_dates_again_and_ends_in_a_goal(isolated: Path) -> None:
    child = helpers.spawn(isolated, "exercise", "run", "smart-goal", now=FRIDAY)
    answer_text(child, "Fewer people leaving")
    child.expect("Number or text ›")
    child.sendline("1")
    child.expect("Name ›")
    child.sendline("")
    for _ in ("specific", "measurable"):
        child.expect("Step")
        answer_text(child, "voluntary turnover" if _ == "measurable" else "")
    child.expect("1–9 ›")
    child.sendline("7")
    answer_text(child, "Retention OKR")
    child.expect("Date .*›")
    child.sendline("next sprint")
    child.expect("'next sprint' is not a date I can tell")
    child.sendline("2026-01-01")
    child.expect("has passed")
    child.sendline("end of june")
    for _ in range(3):
        answer_text(child, "")
    answer_text(child, "Cut voluntary turnover on the platform team to 12% by June")
    child.expect("Give “voluntary turnover” its numbers")
    child.expect("Unit")
    child.sendline("%")
    child.expect("baseline")
    child.sendline("eighteen")
    child.expect("target")
    child.sendline("12")
    child.expect("Write digits")
    child.expect("baseline")
    child.sendline("18")
    child.expect("target")
    child.sendline("12")
    child.expect("The goal your answers describe")
    child.expect("2027-06-30")
    child.expect(r"Save it as a goal\? \[Y/n\]")
    child.sendline("")
    child.expect("Saved goal")
    assert helpers.finish(child) == 0
    db = isolated / "journal.db"
    assert rows(db, "SELECT title, kind, due_date, relevant FROM goals") == [
        ("Cut voluntary turnover on the platform team to 12% by June", "performance",
         "2027-06-30", "Retention OKR"),
    ]  # fmt: skip
    assert rows(db, "SELECT name, unit, baseline, target FROM goal_measures") == [
        ("voluntary turnover", "%", 18.0, 12.0)
    ]
    listed = helpers.spawn(isolated, "goal", "list", now=FRIDAY)
    listed.expect("Cut voluntary")
    assert helpers.finish(listed) == 0


def test_ctrl_c_at_the_goal_keeps_the_run_and_says_how(isolated: Path) -> None:
    child = helpers.spawn(isolated, "exercise", "run", "smart-goal", now=FRIDAY)
    answer_text(child, "Coach two new leads")
    child.expect("Number or text ›")
    child.sendline("development")
    child.expect("Name ›")
    child.sendintr()
    assert helpers.finish(child) == 130
    again = helpers.spawn(isolated, "exercise", "run", "smart-goal", now=FRIDAY)
    again.expect("Carry on where you stopped")
    again.sendline("y")
    again.expect("Name ›")
    again.sendline("")
    for _ in range(2):
        answer_text(again, "")
    again.expect("1–9 ›")
    again.sendline("")
    answer_text(again, "")
    again.expect("Date .*›")
    again.sendline("")
    for _ in range(4):
        answer_text(again, "")
    again.expect(r"Save it as a goal\?")
    again.sendintr()
    again.expect("no goal was created yet")
    again.expect("leadjournal goal add 'Coach two new leads' --kind development")
    assert helpers.finish(again) == 130
    db = isolated / "journal.db"
    assert rows(db, "SELECT status FROM exercise_runs") == [("complete",)]
    assert rows(db, "SELECT count(*) FROM goals") == [(0,)]


def test_not_yet_in_the_review_sets_a_second_try(isolated: Path) -> None:
    made = helpers.spawn(
        isolated,
        "exercise", "run", "temporary-or-lasting",
        "--answer", "adjust=Protect Friday afternoons",
        "--answer", "end-date=in 2 weeks",
        now=FRIDAY,
    )  # fmt: skip
    made.expect("due 2026-W49")
    assert helpers.finish(made) == 0
    review = helpers.spawn(
        isolated, "review", "--week", "2026-W49", now="2026-12-02T09:00:00+00:00"
    )
    review.expect("From “A push, or the new normal\\?” \\(2026-W47\\)")
    review.expect("The change: Protect Friday afternoons")
    review.expect(r"\[n\]ot yet")
    review.sendline("n")
    review.expect("What happened")
    review.sendline("Launch slipped")
    review.expect("Try again\\?")
    review.sendline("next sprint")
    review.expect("not a date I can tell")
    review.expect("Try again\\?")
    review.sendline("2026-12-18")
    review.expect("comes back in the review of 2026-W51")
    review.expect("went into results")
    review.sendintr()
    assert helpers.finish(review) == 130
    db = isolated / "journal.db"
    assert rows(db, "SELECT status, due_week FROM commitments") == [("open", "2026-W51")]
    assert rows(db, "SELECT week, outcome, note FROM follow_ups") == [
        ("2026-W49", "not_yet", "Launch slipped")
    ]


def test_the_review_offers_an_exercise_and_enter_declines(isolated: Path) -> None:
    for week in ("2026-W45", "2026-W46"):
        done = helpers.spawn(
            isolated, "review", "--week", week, "--results", "8", "--relationships", "5", now=FRIDAY
        )
        assert helpers.finish(done) == 0
    review = helpers.spawn(isolated, "review", "--week", "2026-W47", now=FRIDAY)
    review.expect("went into results")
    review.sendline("8")
    review.expect("went into relationships")
    review.sendline("5")
    review.expect("lasting")
    review.expect("leaned the same way for a while")
    review.expect(r"“A push, or the new normal\?” \(6 steps\) fits now. Do it now\? \[y/N\]")
    review.sendline("")
    review.expect("leadjournal exercise run temporary-or-lasting")
    review.sendintr()
    assert helpers.finish(review) == 130
    db = isolated / "journal.db"
    assert rows(db, "SELECT week, exercise_id, reason, response FROM exercise_offers") == [
        ("2026-W47", "temporary-or-lasting", "lasting-lean", "declined")
    ]
    # Resumed the same week, it is not offered again.
    again = helpers.spawn(isolated, "review", "--week", "2026-W47", now=FRIDAY)
    again.expect("Carry on")
    again.sendline("y")
    index = again.expect(["fits now", "Reflection"])
    assert index == 1
    again.sendintr()
    assert helpers.finish(again) == 130


def test_ctrl_d_at_the_second_try_pauses_and_keeps_the_outcome(isolated: Path) -> None:
    made = helpers.spawn(
        isolated, "exercise", "run", FOUR_STEPS_ID, "--answer", "change=Ask first", now=FRIDAY
    )
    assert helpers.finish(made) == 0
    review = helpers.spawn(
        isolated, "review", "--week", "2026-W48", now="2026-11-27T09:00:00+00:00"
    )
    review.expect("The change: Ask first")
    review.expect("y/n ›")
    review.sendcontrol("c")
    assert helpers.finish(review) == 130
    again = helpers.spawn(isolated, "review", "--week", "2026-W48", now="2026-11-27T09:00:00+00:00")
    again.expect("The change: Ask first")
    for _ in range(2):
        again.expect("y/n ›")
        again.sendline("")
    again.expect(r"\[p\]artly")
    again.sendline("p")
    again.expect("What happened")
    again.sendline("")
    again.expect("Try again")
    again.sendeof()
    again.expect("paused")
    assert helpers.finish(again) == 130
    db = isolated / "journal.db"
    assert rows(db, "SELECT week, outcome FROM follow_ups") == [("2026-W48", "partly")]
    assert rows(db, "SELECT status FROM commitments") == [("partly",)]


FOUR_STEPS_ID = "results-relationships-four-steps"


def test_an_accepted_offer_runs_the_exercise_inside_the_review(isolated: Path) -> None:
    done = helpers.spawn(
        isolated, "review", "--week", "2026-W47", "--results", "2", "--relationships", "6",
        now=FRIDAY,
    )  # fmt: skip
    assert helpers.finish(done) == 0
    review = helpers.spawn(
        isolated, "review", "--week", "2026-W48", now="2026-11-27T09:00:00+00:00"
    )
    review.expect("went into results")
    review.sendline("3")
    review.expect("went into relationships")
    review.sendline("6")
    review.expect("hard week")
    review.expect(r"Falling short, honestly.* Do it now\? \[y/N\]")
    review.sendline("y")
    review.expect("Step 1 of 7")
    review.expect("Finish with an empty line")
    review.sendline("Snapped at [red]Maya[/red]")
    review.sendline("")
    review.expect("Step 2 of 7")
    review.sendintr()
    review.expect("paused")
    assert helpers.finish(review) == 130
    db = isolated / "journal.db"
    assert rows(db, "SELECT response FROM exercise_offers") == [("accepted",)]
    assert rows(db, "SELECT step_id, answer FROM exercise_answers") == [
        ("moment", "Snapped at [red]Maya[/red]")
    ]
    assert rows(db, "SELECT results, relationships FROM reviews WHERE week = '2026-W48'") == [
        (3, 6)
    ]


def test_the_lean_step_shows_what_the_journal_knows(isolated: Path) -> None:
    for week in ("2026-W45", "2026-W46", "2026-W47"):
        done = helpers.spawn(
            isolated, "review", "--week", week, "--results", "8", "--relationships", "5", now=FRIDAY
        )
        assert helpers.finish(done) == 0
    child = helpers.spawn(isolated, "exercise", "run", "temporary-or-lasting", now=FRIDAY)
    child.expect("Which way have your recent weeks leaned")
    child.expect("leaned toward results")
    child.expect("3 of the last 3")
    child.expect("lasting")
    child.expect("Press Enter to keep “toward results”")
    child.expect("Number or text ›")
    child.sendline("")
    child.expect("Step 2 of 6")
    child.sendintr()
    assert helpers.finish(child) == 130
    db = isolated / "journal.db"
    assert rows(db, "SELECT step_id, answer FROM exercise_answers") == [
        ("direction", "toward results")
    ]
    # Corrected: the leader's own answer wins.
    again = helpers.spawn(isolated, "exercise", "run", "temporary-or-lasting", now=FRIDAY)
    again.expect("Carry on where you stopped")
    again.sendline("n")
    again.expect("Number or text ›")
    again.sendline("2")
    again.expect("Step 2 of 6")
    again.sendintr()
    assert helpers.finish(again) == 130
    assert rows(db, "SELECT step_id, answer FROM exercise_answers") == [
        ("direction", "toward relationships")
    ]
