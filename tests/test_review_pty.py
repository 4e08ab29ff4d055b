"""The interactive review in a real pseudo-terminal, as a leader types it."""

from __future__ import annotations

import signal
from pathlib import Path

import pexpect
import pytest

from . import helpers
from .helpers import rows

pytestmark = pytest.mark.pty


def spawn(home: Path, *args: str) -> pexpect.spawn:
    return helpers.spawn(home, *args)


def answer_ratings(child: pexpect.spawn, results: str, relationships: str | None = None) -> str:
    """Answer the two ratings (or only the first, leaving the second asked).

    Returns what was shown before the first question, for tests of its wording.
    """
    child.expect("went into results")
    shown = str(child.before or "")
    child.expect("1–9")
    child.sendline(results)
    child.expect("went into relationships")
    child.expect("1–9")
    if relationships is not None:
        child.sendline(relationships)
    return shown


def test_a_whole_review_with_a_bad_rating_on_the_way(isolated: Path) -> None:
    child = spawn(isolated, "review", "--seed", "3")
    child.expect("Weekly review · 2026-W47")
    child.expect("No open commitments")
    child.expect("went into results")
    for bad in ("abc", "0", "10", "4.5"):
        child.expect("1–9")
        child.sendline(bad)
        child.expect("whole number from 1 to 9")
    child.expect("1–9")
    child.sendline("7")
    child.expect("went into relationships")
    child.expect("1–9")
    child.sendline("4")
    child.expect("Grid style: middle of the road")
    child.expect("temporary lean toward results")
    child.expect("From “")  # the reflection prompt names its source article
    child.expect("Finish with an empty line")
    child.sendline("Shipped on time.")
    child.sendline("But I rushed two people.")
    child.sendline("")
    child.expect("One win")
    child.sendline("The launch")
    child.expect("Whose effort")
    child.sendline("platform team")
    child.expect("leaned toward results")  # the suggestion leans the other way
    child.expect("One specific change")
    child.sendline("One-on-ones with the new hires")
    child.expect("Streak")
    assert helpers.finish(child) == 0
    db = isolated / "journal.db"
    assert rows(db, "SELECT status, results, relationships, win, win_by FROM reviews") == [
        ("complete", 7, 4, "The launch", "platform team")
    ]
    ((body, prompt_id),) = rows(db, "SELECT body, prompt_id FROM entries")
    assert body == "Shipped on time.\nBut I rushed two people." and prompt_id
    assert rows(db, "SELECT text FROM commitments") == [("One-on-ones with the new hires",)]


def test_ctrl_c_halfway_keeps_answers_and_the_review_resumes(isolated: Path) -> None:
    child = spawn(isolated, "review")
    answer_ratings(child, "6")
    child.sendintr()
    child.expect("paused")
    assert helpers.finish(child) == 130
    db = isolated / "journal.db"
    assert rows(db, "SELECT status, results, relationships FROM reviews") == [
        ("in_progress", 6, None)
    ]

    again = spawn(isolated, "review")
    again.expect("Carry on where you stopped")
    again.sendline("y")
    # Results was answered: only relationships is asked.
    index = again.expect(["went into results", "went into relationships"])
    assert index == 1
    again.expect("1–9")
    again.sendline("8")
    again.expect("Finish with an empty line")
    again.sendline("")
    again.expect("One win")
    again.sendline("")
    again.expect("One specific change")
    again.sendline("")
    again.expect("Streak")
    assert helpers.finish(again) == 0
    assert rows(db, "SELECT status, results, relationships FROM reviews") == [("complete", 6, 8)]


def test_a_killed_review_loses_no_answer(isolated: Path) -> None:
    child = spawn(isolated, "review")
    answer_ratings(child, "3", "8")
    child.expect(r"Do it now\? \[y/N\]")  # a setback week: an exercise is offered
    child.sendline("")
    child.expect("Finish with an empty line")
    child.sendline("A hard week; I avoided a difficult conversation.")
    child.sendline("")
    child.expect("One win")
    child.kill(signal.SIGKILL)
    child.close()
    db = isolated / "journal.db"
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert rows(db, "SELECT results, relationships FROM reviews") == [(3, 8)]
    assert rows(db, "SELECT body FROM entries") == [
        ("A hard week; I avoided a difficult conversation.",)
    ]


def test_follow_up_of_last_weeks_commitment(isolated: Path) -> None:
    env_week = spawn(
        isolated,
        "review",
        "--week",
        "2026-W46",
        "--results",
        "5",
        "--relationships",
        "5",
        "--commit",
        "Give Ana clear deadlines",
    )
    env_week.expect(pexpect.EOF)
    env_week.close()
    child = spawn(isolated, "review")
    child.expect("Give Ana clear deadlines")
    child.expect(r"\[d\]one")
    child.sendline("q")
    child.expect("Type d, p, n or x")
    child.sendline("p")
    child.expect("What happened")
    child.sendline("Two of three deadlines agreed")
    child.expect("went into results")
    child.expect("1–9")  # waiting at the rating prompt
    child.sendintr()
    child.expect("paused")
    child.expect(pexpect.EOF)
    child.close()
    db = isolated / "journal.db"
    assert rows(db, "SELECT outcome, note, week FROM follow_ups") == [
        ("partly", "Two of three deadlines agreed", "2026-W47")
    ]
    assert rows(db, "SELECT status FROM commitments") == [("partly",)]


def test_ctrl_d_at_the_second_question_pauses_and_keeps_the_first(isolated: Path) -> None:
    child = spawn(isolated, "review")
    answer_ratings(child, "6")
    child.sendeof()
    child.expect("paused")
    rest = child.read()
    assert "error:" not in rest and "error:" not in child.before
    assert helpers.finish(child) == 130
    db = isolated / "journal.db"
    assert rows(db, "SELECT status, results, relationships FROM reviews") == [
        ("in_progress", 6, None)
    ]
    assert rows(db, "SELECT count(*) FROM review_claims") == [(0,)]


def test_the_follow_up_outcome_is_kept_when_its_note_is_cut_short(isolated: Path) -> None:
    first = spawn(
        isolated, "review", "--week", "2026-W46", "--results", "5", "--relationships", "5",
        "--commit", "Give Ana clear deadlines",
    )  # fmt: skip
    assert helpers.finish(first) == 0
    child = spawn(isolated, "review")
    child.expect(r"\[d\]one")
    child.sendline("d")
    child.expect("What happened")
    child.sendeof()
    child.expect("paused")
    assert helpers.finish(child) == 130
    db = isolated / "journal.db"
    assert rows(db, "SELECT outcome, note FROM follow_ups") == [("done", None)]
    assert rows(db, "SELECT status FROM commitments") == [("done",)]


def test_sigkill_at_whose_effort_keeps_the_win(isolated: Path) -> None:
    child = spawn(isolated, "review", "--no-prompts")
    answer_ratings(child, "5", "6")
    child.expect("Finish with an empty line")
    child.sendline("")
    child.expect("One win")
    child.sendline("The launch")
    child.expect("Whose effort")
    child.kill(signal.SIGKILL)
    child.close()
    db = isolated / "journal.db"
    assert rows(db, "SELECT win, win_by FROM reviews") == [("The launch", None)]
    # The claim of the killed process is stale: the next review takes it over by itself.
    again = spawn(isolated, "review", "--no-prompts")
    again.expect("process that has ended")
    again.expect("Carry on where you stopped")
    again.sendline("y")
    again.expect("The launch")
    again.expect("Whose effort")  # the win is not asked again
    again.sendline("platform team")
    again.expect("One specific change")
    again.sendintr()
    assert helpers.finish(again) == 130
    assert rows(db, "SELECT win, win_by FROM reviews") == [("The launch", "platform team")]


def test_sighup_at_a_question_keeps_what_was_given(isolated: Path) -> None:
    child = spawn(isolated, "review", "--no-prompts")
    answer_ratings(child, "4", "7")
    child.expect("Finish with an empty line")
    child.sendline("Hard week.")
    child.expect("  ")
    child.kill(signal.SIGHUP)
    child.expect(pexpect.EOF)
    child.close()
    db = isolated / "journal.db"
    assert rows(db, "SELECT results, relationships FROM reviews") == [(4, 7)]
    assert rows(db, "SELECT body FROM entries") == [("Hard week.",)]
    assert rows(db, "SELECT count(*) FROM review_claims") == [(0,)]


def test_ctrl_d_mid_reflection_keeps_every_line_and_goes_on(isolated: Path) -> None:
    child = spawn(isolated, "review", "--no-prompts")
    answer_ratings(child, "5", "5")
    child.expect("Finish with an empty line")
    child.sendline("First line.")
    child.sendline("Second line.")
    child.sendeof()  # finishes the answer, as an empty line would
    child.expect("One win")
    db = isolated / "journal.db"
    assert rows(db, "SELECT body FROM entries") == [("First line.\nSecond line.",)]
    child.sendintr()
    assert helpers.finish(child) == 130


def test_on_monday_the_review_asks_which_week(isolated: Path) -> None:
    child = helpers.spawn(isolated, "review", "--no-prompts", now="2026-12-07T08:30:00+00:00")
    child.expect("Which week")
    child.expect(r"\[1\] 2026-W49, last week")
    child.expect(r"\[2\] 2026-W50, this week")
    child.expect(r"Week \[1\]:")
    child.sendline("")
    child.expect("Weekly review · 2026-W49")
    # Last week is not "this week": the question names no week but the one chosen.
    assert "this week" not in answer_ratings(child, "6", "6")
    child.expect("Finish with an empty line")
    child.sendline("")
    child.expect("One win")
    child.sendline("")
    child.expect("One specific change")
    child.sendline("")
    child.expect("Streak")
    assert helpers.finish(child) == 0
    db = isolated / "journal.db"
    assert rows(db, "SELECT week, status FROM reviews") == [("2026-W49", "complete")]


def test_amending_one_step_of_a_reviewed_week(isolated: Path) -> None:
    first = spawn(
        isolated, "review", "--results", "6", "--relationships", "7", "--win", "Launch",
        "--reflection", "A long week", "--commit", "Weekly 1:1s",
    )  # fmt: skip
    assert helpers.finish(first) == 0
    child = spawn(isolated, "review")
    child.expect("already done")
    child.expect(r"\[a\]mend one step")
    child.sendline("a")
    child.expect("Which step")
    child.sendline("3")  # the reflection
    child.expect("Now: A long week")
    child.expect("Finish with an empty line")
    child.sendline("A long week, and I rushed Ana.")
    child.sendline("")
    child.expect("Streak")
    assert helpers.finish(child) == 0
    db = isolated / "journal.db"
    assert rows(db, "SELECT body FROM entries") == [("A long week, and I rushed Ana.",)]
    assert rows(db, "SELECT results, relationships, win, status FROM reviews") == [
        (6, 7, "Launch", "complete")
    ]
    assert rows(db, "SELECT text FROM commitments") == [("Weekly 1:1s",)]


def test_two_terminals_on_one_week_the_second_is_told(isolated: Path) -> None:
    """Interleaved, the second used to hear nothing and overwrite the first's answers."""
    one = spawn(isolated, "review", "--no-prompts")
    answer_ratings(one, "6", "7")
    one.expect("Finish with an empty line")
    two = spawn(isolated, "review", "--no-prompts")
    two.expect("open in another terminal")
    two.expect(r"pid \d+")
    two.expect("Take the review over here")
    two.sendline("n")
    assert helpers.finish(two) == 1
    one.sendline("")
    one.expect("One win")
    one.sendline("Kept")
    one.expect("Whose effort")
    one.sendline("")
    one.expect("One specific change")
    one.sendline("")
    one.expect("Streak")
    assert helpers.finish(one) == 0
    db = isolated / "journal.db"
    assert rows(db, "SELECT results, relationships, win, status FROM reviews") == [
        (6, 7, "Kept", "complete")
    ]


def test_a_review_taken_over_stops_writing(isolated: Path) -> None:
    one = spawn(isolated, "review", "--no-prompts")
    answer_ratings(one, "6", "7")
    one.expect("Finish with an empty line")
    two = spawn(isolated, "review", "--no-prompts", "--take-over")
    two.expect("Carry on where you stopped")
    two.sendline("y")
    two.expect("Finish with an empty line")
    one.sendline("Written after losing the week")
    one.expect("took over the review")
    assert helpers.finish(one) == 1
    two.sendintr()
    assert helpers.finish(two) == 130
    db = isolated / "journal.db"
    assert rows(db, "SELECT count(*) FROM entries") == [(0,)]
