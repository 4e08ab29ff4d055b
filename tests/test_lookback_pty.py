"""The look-back in a real pseudo-terminal: offered after a month's first review,
answered, set aside, interrupted; and ``review --look-back`` on its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import helpers
from .conftest import Cli
from .helpers import rows

pytestmark = pytest.mark.pty

NOVEMBER = "2026-11-06T09:00:00+00:00"  # Friday of 2026-W45, November's first week
OCTOBER_WEEKS = ("2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44")


def _october(cli: Cli) -> None:
    for index, week in enumerate(OCTOBER_WEEKS):
        cli.ok("review", "--week", week, "--results", "8", "--relationships", str(3 + index % 2),
               "--win", f"Win {index}")  # fmt: skip


def _review_this_week(child: object, week: str = "2026-W45") -> None:
    """Answer a whole review of ``week`` with as little as possible."""
    import pexpect

    assert isinstance(child, pexpect.spawn)
    child.expect(f"Weekly review · {week}")
    child.expect("1–9")
    child.sendline("6")
    child.expect("1–9")
    child.sendline("6")
    # The weeks before leaned toward results for good, so an exercise may be offered.
    if child.expect([r"Do it now\?", "Finish with an empty line"]) == 0:
        child.sendline("")
        child.expect("Finish with an empty line")
    child.sendline("")
    child.expect("One win")
    child.sendline("")
    child.expect("One specific change")
    child.sendline("")
    child.expect("Streak")


def test_the_first_review_of_a_month_offers_the_look_back_and_saves_the_answer(
    isolated: Path, cli: Cli
) -> None:
    _october(cli)
    child = helpers.spawn(isolated, "review", now=NOVEMBER)
    _review_this_week(child)
    child.expect("First review of the month: a short look-back at October 2026")
    child.sendline("what")
    child.expect("Answer y, l or s")
    child.sendline("y")
    child.expect("Look-back · October 2026")
    child.expect("5 of 5 weeks reviewed")
    child.expect("Win 4")
    child.expect("5 of 5 reviewed weeks you leaned toward results")
    child.expect("Finish with an empty line")
    child.sendline("Deadlines pull me; I drop the 1:1s first.")
    child.sendline("Next month: @one-on-ones stay.")
    child.sendline("")
    child.expect("Saved as an entry")
    assert helpers.finish(child) == 0
    db = isolated / "journal.db"
    assert rows(db, "SELECT kind, period, status FROM look_backs") == [("month", "2026-10", "done")]
    assert rows(db, "SELECT title, body FROM entries WHERE title IS NOT NULL") == [
        ("Look-back: October 2026", "Deadlines pull me; I drop the 1:1s first.\n"
         "Next month: @one-on-ones stay.")
    ]  # fmt: skip


def test_skip_sets_it_aside_and_review_look_back_does_it_later(isolated: Path, cli: Cli) -> None:
    _october(cli)
    child = helpers.spawn(isolated, "review", now=NOVEMBER)
    _review_this_week(child)
    child.expect("look-back at October 2026")
    child.sendline("s")
    child.expect("review --look-back month")
    assert helpers.finish(child) == 0
    db = isolated / "journal.db"
    assert rows(db, "SELECT status FROM look_backs") == [("skipped",)]

    later = helpers.spawn(isolated, "review", "--look-back", "month", now=NOVEMBER)
    later.expect("Look-back · October 2026")
    later.expect("Finish with an empty line")
    later.sendline("Done later, as promised.")
    later.sendline("")
    later.expect("Saved as an entry")
    assert helpers.finish(later) == 0
    assert rows(db, "SELECT status FROM look_backs") == [("done",)]


def test_ctrl_c_in_the_answer_keeps_each_line_and_ctrl_d_at_the_offer_leaves_it(
    isolated: Path, cli: Cli
) -> None:
    _october(cli)
    child = helpers.spawn(isolated, "review", now=NOVEMBER)
    _review_this_week(child)
    child.expect("look-back at October 2026")
    child.sendeof()
    child.expect("offered again at the next review")
    assert helpers.finish(child) == 0
    db = isolated / "journal.db"
    assert rows(db, "SELECT count(*) FROM look_backs") == [(0,)]

    again = helpers.spawn(isolated, "review", "--look-back", "month", now=NOVEMBER)
    again.expect("Finish with an empty line")
    again.sendline("First line is kept.")
    again.expect("  ")
    again.sendintr()
    again.expect("Look-back left for later")
    assert helpers.finish(again) == 130
    assert rows(db, "SELECT body FROM entries WHERE title IS NOT NULL") == [
        ("First line is kept.",)
    ]
    assert rows(db, "SELECT status FROM look_backs") == [("done",)]


def test_ctrl_c_at_the_offer_is_a_pause(isolated: Path, cli: Cli) -> None:
    _october(cli)
    child = helpers.spawn(isolated, "review", now=NOVEMBER)
    _review_this_week(child)
    child.expect("look-back at October 2026")
    child.sendintr()
    child.expect("Look-back left for later")
    assert helpers.finish(child) == 130
    db = isolated / "journal.db"
    assert rows(db, "SELECT status FROM reviews WHERE week = '2026-W45'") == [("complete",)]
    assert rows(db, "SELECT count(*) FROM look_backs") == [(0,)]


JANUARY = "2027-01-08T09:00:00+00:00"  # Friday of 2027-W01: January, so a quarter begins


def test_the_first_review_of_a_quarter_offers_the_longer_look_back(
    isolated: Path, cli: Cli
) -> None:
    env = {"LEADJOURNAL_NOW": JANUARY}
    cli.ok("review", "--week", "2026-W30", "--results", "6", "--relationships", "6", env=env)
    cli.ok("review", "--week", "2026-W31", "--results", "6", "--relationships", "2",
           "--reflection", "Lost my temper with Jo in the planning meeting.", env=env)  # fmt: skip
    for week in ("2026-W41", "2026-W42", "2026-W43", "2026-W50"):
        cli.ok("review", "--week", week, "--results", "8", "--relationships", "4", env=env)
    child = helpers.spawn(isolated, "review", now=JANUARY)
    _review_this_week(child, "2027-W01")
    child.expect("First review of the quarter: a longer look-back at Q4 2026")
    child.sendline("y")
    child.expect("Quarterly look-back · Q4 2026")
    child.expect("path on the grid")
    child.expect("Lasting imbalances")
    child.expect("leaning toward results")
    child.expect("Capacity, not trait")
    child.expect("In 2026-W31, a hard week, you wrote")
    child.expect("Lost my temper with Jo")
    child.expect("Put your words from 2026-W31 beside this quarter")
    child.expect("Finish with an empty line")
    child.sendline("Now I notice the heat rising and ask for a break.")
    child.sendline("")
    child.expect("Saved as an entry")
    assert helpers.finish(child) == 0
    db = isolated / "journal.db"
    assert rows(db, "SELECT kind, period, status FROM look_backs") == [
        ("quarter", "2026-Q4", "done")
    ]
    assert rows(db, "SELECT title FROM entries WHERE title IS NOT NULL") == [
        ("Look-back: Q4 2026",)
    ]
