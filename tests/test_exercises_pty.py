"""Exercises in a real pseudo-terminal, as a leader types them: bad answers asked
again, Ctrl-C, resuming, and the follow-up coming back in next week's review."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest

from . import helpers
from .helpers import rows

pytestmark = pytest.mark.pty

FRIDAY = "2026-11-20T09:00:00+00:00"  # ISO week 2026-W47
NEXT_FRIDAY = "2026-11-27T09:00:00+00:00"  # ISO week 2026-W48


def spawn(home: Path, *args: str, now: str = FRIDAY) -> pexpect.spawn:
    return helpers.spawn(home, *args, now=now)


def test_four_steps_with_bad_answers_ctrl_c_resume_and_next_weeks_review(
    isolated: Path,
) -> None:
    db = isolated / "journal.db"
    child = spawn(isolated, "exercise", "run", "results-relationships-four-steps")
    child.expect("Rebalancing results and relationships")
    child.expect("Step 1 of 7")
    child.expect("Finish with an empty line")
    child.sendline("The [billing] migration")
    child.sendline("")
    child.expect("Step 2 of 7")
    child.expect("1. toward results")
    for bad in ("3", "sideways"):
        child.expect("Number or text ›")
        child.sendline(bad)
        child.expect("not one of the choices")
    child.expect("Number or text ›")
    child.sendline("1")
    child.expect("Step 3 of 7")
    child.expect("y/n ›")
    child.sendintr()
    child.expect("paused")
    child.expect("kept")
    assert helpers.finish(child) == 130
    assert rows(db, "SELECT step_id, answer FROM exercise_answers ORDER BY position") == [
        ("project", "The [billing] migration"),
        ("leaned", "toward results"),
    ]
    assert rows(db, "SELECT status FROM exercise_runs") == [("in_progress",)]

    again = spawn(isolated, "exercise", "run", "results-relationships-four-steps")
    again.expect("answered 2 of 7 steps")
    again.expect("Carry on where you stopped")
    again.sendline("y")
    # The first two steps are done: the run picks up at step 3.
    assert again.expect(["Step 1 of 7", "Step 3 of 7"]) == 1
    again.expect("y/n ›")
    again.sendline("perhaps")
    again.expect("Answer yes or no")
    again.expect("y/n ›")
    again.sendline("n")
    again.expect("Step 4 of 7")
    again.expect("y/n ›")
    again.sendline("")  # skipped
    again.expect("Step 5 of 7")
    again.expect("Finish with an empty line")
    again.sendline("People felt rushed.")
    again.sendline("")
    again.expect("Step 6 of 7")
    again.expect("Finish with an empty line")
    again.sendline("Book one-on-ones")
    again.sendline("")
    again.expect("Step 7 of 7")
    again.expect("becomes a commitment")
    again.expect("Finish with an empty line")
    again.sendline("Weekly 1:1s from Monday")
    again.sendline("")
    again.expect("Saved as entry")
    again.expect("due 2026-W48")
    assert helpers.finish(again) == 0

    assert rows(db, "SELECT status FROM exercise_runs") == [("complete",)]
    assert rows(db, "SELECT step_id, answer FROM exercise_answers ORDER BY position") == [
        ("project", "The [billing] migration"),
        ("leaned", "toward results"),
        ("team-supported", "no"),
        ("goals-met", None),
        ("impact", "People felt rushed."),
        ("change", "Book one-on-ones"),
        ("implement-and-assess", "Weekly 1:1s from Monday"),
    ]
    ((kind, title),) = rows(db, "SELECT kind, title FROM entries")
    assert (kind, title) == ("exercise", "Rebalancing results and relationships")

    # The commitment is the change (step 6), due the week of "Monday" (step 7).
    assert rows(db, "SELECT text, due_week FROM commitments") == [("Book one-on-ones", "2026-W48")]
    review = spawn(isolated, "review", now=NEXT_FRIDAY)
    review.expect("Weekly review · 2026-W48")
    # What was decided: the change and the leader's own criteria...
    review.expect("From “Rebalancing results and relationships” \\(2026-W47\\)")
    review.expect("The change: Book one-on-ones")
    review.expect("how you would judge it: Weekly 1:1s from Monday")
    # ...then the step-2 questions again, each with the earlier answer beside it.
    review.expect("Did the team feel backed and involved")
    review.expect("then \\(2026-W47\\): no")
    review.expect("y/n ›")
    review.sendline("y")
    review.expect("Were the goals reached well")
    review.expect("then \\(2026-W47\\): \\(skipped\\)")
    review.expect("y/n ›")
    review.sendline("y")
    # The earlier answers beside the new ones.
    review.expect("Then and now:")
    review.expect("backed and involved during that work\\?  no → yes")
    review.expect("without wasted time or effort\\?  \\(skipped\\) → yes")
    review.expect(r"\[d\]one")
    review.sendline("d")
    review.expect("What happened")
    review.sendline("Held all three")
    review.expect("went into results")
    review.sendintr()
    assert helpers.finish(review) == 130
    assert rows(db, "SELECT status, source FROM commitments") == [("done", "exercise")]
    assert rows(db, "SELECT week, outcome, note FROM follow_ups") == [
        ("2026-W48", "done", "Held all three")
    ]
    # The assessment is saved with the run, by the week it was made in.
    assert rows(db, "SELECT week, step_id, answer FROM exercise_assessments ORDER BY position") == [
        ("2026-W48", "team-supported", "yes"),
        ("2026-W48", "goals-met", "yes"),
    ]


def test_a_bad_rating_is_asked_again_and_a_low_one_brings_the_tip(isolated: Path) -> None:
    child = spawn(isolated, "exercise", "run", "results-relationships-reflection")
    child.expect("Step 1 of 5")
    for bad in ("0", "10", "abc"):
        child.expect("1–9 ›")
        child.sendline(bad)
        child.expect("whole number from 1 to 9")
    child.expect("1–9 ›")
    child.sendline("3")
    child.expect("Tip: Pick one person")
    child.expect("Step 2 of 5")
    child.sendintr()
    assert helpers.finish(child) == 130
    db = isolated / "journal.db"
    assert rows(db, "SELECT step_id, answer FROM exercise_answers") == [
        ("valued-and-accountable", "3")
    ]

    # Saying no to resuming discards the old run and starts afresh.
    again = spawn(isolated, "exercise", "run", "results-relationships-reflection")
    again.expect("Carry on where you stopped")
    again.sendline("n")
    again.expect("Step 1 of 5")
    again.expect("1–9 ›")
    again.sendline("8")
    again.expect("Step 2 of 5")
    again.sendintr()
    assert helpers.finish(again) == 130
    assert rows(db, "SELECT step_id, answer FROM exercise_answers") == [
        ("valued-and-accountable", "8")
    ]
    assert rows(db, "SELECT count(*) FROM exercise_runs") == [(1,)]
