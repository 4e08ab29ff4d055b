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


def answer_ratings(child: pexpect.spawn, results: str, relationships: str) -> None:
    child.expect("went into results")
    child.expect("1–9")
    child.sendline(results)
    child.expect("went into relationships")
    child.expect("1–9")
    child.sendline(relationships)


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
    child.expect("went into results")
    child.expect("1–9")
    child.sendline("6")
    child.expect("went into relationships")
    child.expect("1–9")
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
