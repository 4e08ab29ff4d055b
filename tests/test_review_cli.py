"""``leadjournal review`` from the command line: amending, replacing, follow-ups from
flags, claims, the week you mean, the closing card."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from leadjournal.cli.context import Settings

from .conftest import Cli
from .helpers import rows

MONDAY = "2026-12-07T08:30:00+00:00"  # ISO week 2026-W50; W49 just ended


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Settings, "interactive", property(lambda self: True))


def full_week(cli: Cli, week: str = "2026-W47") -> None:
    cli.ok(
        "review", "--week", week, "--results", "6", "--relationships", "7",
        "--reflection", "A long week", "--win", "Launch", "--win-by", "platform team",
        "--commit", "1:1s with the new hires",
    )  # fmt: skip


def week_row(cli: Cli, week: str = "2026-W47") -> list[tuple[object, ...]]:
    return rows(
        cli.db,
        "SELECT results, relationships, win, win_by, status FROM reviews WHERE week = ?",
        (week,),
    )


# -- correct without losing ----------------------------------------------------------


def test_flags_on_a_reviewed_week_change_only_what_they_name(cli: Cli) -> None:
    full_week(cli)
    run = cli.ok("review", "--week", "2026-W47", "--results", "4", "--win", "Launch")
    assert "results: 6 → 4" in run.stdout and "win:" not in run.stdout
    assert week_row(cli) == [(4, 7, "Launch", "platform team", "complete")]
    assert rows(cli.db, "SELECT body FROM entries") == [("A long week",)]
    assert rows(cli.db, "SELECT text FROM commitments") == [("1:1s with the new hires",)]
    same = cli.ok("review", "--week", "2026-W47", "--results", "4")
    assert "Nothing changed" in same.stdout


def test_replace_without_yes_keeps_the_week(cli: Cli) -> None:
    """``--replace`` used to delete the reflection, win and commitment without a word."""
    full_week(cli)
    run = cli("review", "--week", "2026-W47", "--results", "6", "--relationships", "6", "--replace")
    assert run.exit_code == 2 and "--yes" in run.stderr
    assert week_row(cli) == [(6, 7, "Launch", "platform team", "complete")]
    assert rows(cli.db, "SELECT body FROM entries") == [("A long week",)]
    assert rows(cli.db, "SELECT text FROM commitments") == [("1:1s with the new hires",)]
    cli.ok(
        "review", "--week", "2026-W47", "--results", "6", "--relationships", "6",
        "--replace", "--yes",
    )  # fmt: skip
    assert week_row(cli) == [(6, 6, None, None, "complete")]


def test_replace_in_a_terminal_asks_first(cli: Cli, terminal: None) -> None:
    full_week(cli)
    flags = ["review", "--week", "2026-W47", "--results", "2", "--relationships", "2"]
    kept = cli.ok(*flags, "--replace", input="n\n")
    assert "Kept the review" in kept.stdout
    assert week_row(cli) == [(6, 7, "Launch", "platform team", "complete")]
    cli.ok(*flags, "--replace", input="y\n")
    assert week_row(cli) == [(2, 2, None, None, "complete")]


def test_interactive_amend_of_one_step(cli: Cli, terminal: None) -> None:
    full_week(cli)
    # Amend, step 2 (ratings): results 6 → 3, relationships kept with Enter.
    run = cli.ok("review", "--week", "2026-W47", input="a\n2\n3\n\n")
    assert "Now: 6" in run.stdout and "Now: 7" in run.stdout
    assert week_row(cli) == [(3, 7, "Launch", "platform team", "complete")]
    assert rows(cli.db, "SELECT body FROM entries") == [("A long week",)]
    # Amend the win: a new win, whose effort kept.
    cli.ok("review", "--week", "2026-W47", input="a\n4\nHiring closed\n\n")
    assert week_row(cli) == [(3, 7, "Hiring closed", "platform team", "complete")]
    # Amend the commitment's wording: the same commitment, reworded.
    (before,) = rows(cli.db, "SELECT id FROM commitments")
    cli.ok("review", "--week", "2026-W47", input="a\n5\nWeekly 1:1s\n")
    assert rows(cli.db, "SELECT id, text FROM commitments") == [(before[0], "Weekly 1:1s")]


def test_interactive_start_over_and_leave(cli: Cli, terminal: None) -> None:
    full_week(cli)
    cli.ok("review", "--week", "2026-W47", input="l\n")
    assert week_row(cli) == [(6, 7, "Launch", "platform team", "complete")]
    answers = "\n".join(["s", "5", "5", "", "", ""]) + "\n"
    cli.ok("review", "--week", "2026-W47", "--no-prompts", input=answers)
    assert week_row(cli) == [(5, 5, None, None, "complete")]


# -- follow-ups from flags -----------------------------------------------------------


def commitment_of(cli: Cli, week: str) -> str:
    cli.ok("review", "--week", week, "--results", "5", "--relationships", "5", "--commit", "Do X")
    ((ident,),) = rows(cli.db, "SELECT id FROM commitments WHERE week = ?", (week,))
    return str(ident)


def test_follow_up_from_flags(cli: Cli) -> None:
    ident = commitment_of(cli, "2026-W45")
    cli.ok(
        "review", "--week", "2026-W46", "--results", "5", "--relationships", "5",
        "--follow-up", f"{ident[:6]}=partly:Two of three",
    )  # fmt: skip
    assert rows(cli.db, "SELECT outcome, note, week FROM follow_ups") == [
        ("partly", "Two of three", "2026-W46")
    ]
    assert rows(cli.db, "SELECT status FROM commitments") == [("partly",)]


@pytest.mark.parametrize("flag", ["nonsense", "=done", "abc=", "abc=maybe", "abc=finished:x"])
def test_a_malformed_follow_up_is_exit_2_before_any_lookup(cli: Cli, flag: str) -> None:
    ident = commitment_of(cli, "2026-W45")
    run = cli(
        "review", "--week", "2026-W46", "--results", "5", "--relationships", "5",
        "--follow-up", f"{ident}=done", "--follow-up", flag,
    )  # fmt: skip
    assert run.exit_code == 2 and "follow-up" in run.stderr.lower()
    assert rows(cli.db, "SELECT count(*) FROM follow_ups") == [(0,)]
    assert rows(cli.db, "SELECT week FROM reviews") == [("2026-W45",)]


def test_an_unknown_follow_up_id_is_exit_1_and_writes_nothing(cli: Cli) -> None:
    ident = commitment_of(cli, "2026-W45")
    run = cli(
        "review", "--week", "2026-W46", "--results", "5", "--relationships", "5",
        "--follow-up", f"{ident}=done", "--follow-up", "ffffffff=done",
    )  # fmt: skip
    assert run.exit_code == 1 and "ffffffff" in run.stderr
    assert rows(cli.db, "SELECT count(*) FROM follow_ups") == [(0,)]
    assert rows(cli.db, "SELECT week FROM reviews") == [("2026-W45",)]
    assert rows(cli.db, "SELECT status FROM commitments") == [("open",)]


# -- one review of a week at a time --------------------------------------------------


def hold(cli: Cli, week: str = "2026-W47") -> None:
    """A review of ``week`` open in another terminal (this test's own, live, process)."""
    cli.ok("db", "status")  # the journal exists
    import sqlite3

    conn = sqlite3.connect(cli.db)
    conn.execute(
        "INSERT INTO reviews (id, week, started_at, updated_at, results, relationships)"
        " VALUES ('r1', ?, 't', 't', 6, 7)",
        (week,),
    )
    conn.execute(
        "INSERT INTO review_claims VALUES (?, 'other', ?, ?, '/dev/pts/9', '2026-11-20T08:55:00Z')",
        (week, os.getpid(), os.uname().nodename),
    )
    conn.commit()
    conn.close()


def test_flags_during_an_open_review_say_where_and_write_nothing(cli: Cli) -> None:
    """A flags review used to turn an interactive one's 6/7 into 1/1."""
    hold(cli)
    run = cli("review", "--results", "1", "--relationships", "1")
    assert run.exit_code == 1
    assert f"pid {os.getpid()}" in run.stderr and "/dev/pts/9" in run.stderr
    assert "since 2026-11-20 08:55 UTC" in run.stderr and "--take-over" in run.stderr
    assert rows(cli.db, "SELECT results, relationships FROM reviews") == [(6, 7)]
    cli.ok("review", "--results", "1", "--relationships", "1", "--take-over")
    assert rows(cli.db, "SELECT results, relationships FROM reviews") == [(1, 1)]
    assert rows(cli.db, "SELECT count(*) FROM review_claims") == [(0,)]


def test_an_interactive_review_offers_to_take_over(cli: Cli, terminal: None) -> None:
    hold(cli)
    refused = cli("review", input="n\n")
    assert refused.exit_code == 1 and "open in another terminal" in refused.stdout
    assert rows(cli.db, "SELECT token FROM review_claims") == [("other",)]
    taken = cli.ok("review", "--no-prompts", input="y\ny\n\n\n\n\n")
    assert "Carry on where you stopped" in taken.stdout
    assert rows(cli.db, "SELECT status, results FROM reviews") == [("complete", 6)]
    assert rows(cli.db, "SELECT count(*) FROM review_claims") == [(0,)]


def test_a_claim_whose_process_is_gone_is_taken_over_by_itself(cli: Cli, terminal: None) -> None:
    hold(cli)
    conn = __import__("sqlite3").connect(cli.db)
    conn.execute("UPDATE review_claims SET pid = 2147483646")  # no such process
    conn.commit()
    conn.close()
    run = cli.ok("review", "--no-prompts", input="y\n\n\n\n\n")
    assert "process that has ended" in run.stdout
    assert rows(cli.db, "SELECT status FROM reviews") == [("complete",)]


# -- the week you mean -----------------------------------------------------------------


@pytest.mark.parametrize(("word", "week"), [("last", "2026-W46"), ("this", "2026-W47")])
def test_week_last_and_this(cli: Cli, word: str, week: str) -> None:
    cli.ok("review", "--week", word, "--results", "5", "--relationships", "5")
    assert rows(cli.db, "SELECT week FROM reviews") == [(week,)]
    cli.ok("write", "a note")
    assert cli.ok("log", "--week", "this", "--json").json()["period"] == "2026-W47"


def test_on_monday_the_review_offers_last_week_first(cli: Cli, terminal: None) -> None:
    env = {"LEADJOURNAL_NOW": MONDAY}
    run = cli.ok("review", "--no-prompts", input="\n\n5\n5\n\n\n\n", env=env)
    assert "2026-W49, last week" in run.stdout
    assert rows(cli.db, "SELECT week, status FROM reviews") == [("2026-W49", "complete")]
    # W49 done: the next review on that Monday is this week's, with no question.
    again = cli.ok("review", "--no-prompts", input="\n5\n5\n\n\n\n", env=env)
    assert "Which week" not in again.stdout
    assert rows(cli.db, "SELECT week FROM reviews ORDER BY week") == [
        ("2026-W49",),
        ("2026-W50",),
    ]


def test_choosing_this_week_on_monday(cli: Cli, terminal: None) -> None:
    cli.ok("review", "--no-prompts", input="2\n\n5\n5\n\n\n\n", env={"LEADJOURNAL_NOW": MONDAY})
    assert rows(cli.db, "SELECT week FROM reviews") == [("2026-W50",)]


def test_review_days_moves_the_choice(cli: Cli, terminal: None, isolated: Path) -> None:
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "config.toml").write_text('review_days = ["wed"]\n')
    monday = cli.ok(
        "review", "--no-prompts", input="\n5\n5\n\n\n\n", env={"LEADJOURNAL_NOW": MONDAY}
    )
    assert "Which week" not in monday.stdout
    (isolated / "config.toml").write_text('review_days = ["caturday"]\n')
    bad = cli("review", "--no-prompts", env={"LEADJOURNAL_NOW": MONDAY})
    assert bad.exit_code == 2 and "review_days" in bad.stderr


def test_a_flags_review_on_monday_keeps_todays_week(cli: Cli) -> None:
    cli.ok("review", "--results", "5", "--relationships", "5", env={"LEADJOURNAL_NOW": MONDAY})
    assert rows(cli.db, "SELECT week FROM reviews") == [("2026-W50",)]


# -- the card tells the truth -----------------------------------------------------------


def test_a_backfilled_week_is_on_its_own_card(cli: Cli) -> None:
    now = {"LEADJOURNAL_NOW": "2026-12-04T09:00:00+00:00"}  # W49
    cli.ok("review", "--results", "6", "--relationships", "6", env=now)
    run = cli.ok("review", "--week", "2026-W44", "--results", "3", "--relationships", "8", env=now)
    card = run.stdout
    assert "2026-W44 │       3 │             8" in card
    assert "2026-W49" not in card.split("\n", 2)[2]  # not today's row: W44's neighbours


def test_the_card_lists_the_newest_commitments_and_how_many_more(cli: Cli) -> None:
    for number in range(6):
        cli.ok(
            "review", "--week", f"2026-W{41 + number}", "--results", "5",
            "--relationships", "5", "--commit", f"Commitment {number}",
        )  # fmt: skip
    card = cli.ok("review", "--week", "2026-W47", "--results", "5", "--relationships", "5").stdout
    assert "Open commitments: 6." in card
    assert "Commitment 5" in card and "Commitment 0" not in card
    assert card.index("Commitment 5") < card.index("Commitment 1")
    assert "and 1 more" in card


def test_ctrl_d_at_the_week_choice_writes_nothing(cli: Cli, terminal: None) -> None:
    cli.ok("db", "status")
    run = cli("review", input="", env={"LEADJOURNAL_NOW": MONDAY})
    assert run.exit_code == 130
    assert "nothing was written" in run.stderr and "error:" not in run.stderr
    assert rows(cli.db, "SELECT count(*) FROM reviews") == [(0,)]


def test_ctrl_d_at_a_question_pauses_without_an_error(cli: Cli, terminal: None) -> None:
    run = cli("review", "--no-prompts", input="6\n")
    assert run.exit_code == 130
    assert "paused" in run.stderr and "error:" not in run.stderr
    assert rows(cli.db, "SELECT results, relationships FROM reviews") == [(6, None)]
    assert rows(cli.db, "SELECT count(*) FROM review_claims") == [(0,)]


def test_ctrl_d_at_the_replace_question_changes_nothing(cli: Cli, terminal: None) -> None:
    full_week(cli)
    run = cli("review", "--week", "2026-W47", "--results", "2", "--relationships", "2",
              "--replace", input="")  # fmt: skip
    assert run.exit_code == 130 and "nothing was written" in run.stderr
    assert week_row(cli) == [(6, 7, "Launch", "platform team", "complete")]


def test_interactive_amend_of_a_follow_up(cli: Cli, terminal: None) -> None:
    ident = commitment_of(cli, "2026-W45")
    cli.ok(
        "review", "--week", "2026-W46", "--results", "5", "--relationships", "5",
        "--follow-up", f"{ident}=done",
    )  # fmt: skip
    run = cli.ok("review", "--week", "2026-W46", input="a\n1\np\nOnly half\n")
    assert "Now: done" in run.stdout
    assert rows(cli.db, "SELECT outcome, note, week FROM follow_ups") == [
        ("partly", "Only half", "2026-W46")
    ]
    assert rows(cli.db, "SELECT status FROM commitments WHERE id = ?", (ident,)) == [("partly",)]
