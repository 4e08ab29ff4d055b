"""``trends --json`` keeps the window it was asked for, even for a new journal.

The text views may start at a new journal's first review; scripts reading
the JSON get every week of the window, the weeks before the first review
with ``"reviewed": false``, so the list's length is always ``--weeks``.
"""

from __future__ import annotations

import pytest

from .conftest import Cli

REVIEW = ("--results", "6", "--relationships", "7", "--reflection", "r", "--win", "w")


@pytest.mark.parametrize("weeks", [1, 6, 12, 30])
def test_a_new_journal_gets_the_whole_window(cli: Cli, weeks: int) -> None:
    cli.ok("review", *REVIEW)  # the first review, this week (2026-W47)
    rows = cli.ok("trends", "--json", "--weeks", str(weeks)).json()["weeks"]
    assert len(rows) == weeks
    assert rows[-1] == {**rows[-1], "week": "2026-W47", "reviewed": True, "results": 6}
    assert all(row["reviewed"] is False and row["results"] is None for row in rows[:-1])


def test_an_empty_journal_gets_the_whole_window_too(cli: Cli) -> None:
    rows = cli.ok("trends", "--json", "--weeks", "4").json()["weeks"]
    assert [row["week"] for row in rows] == ["2026-W44", "2026-W45", "2026-W46", "2026-W47"]
    assert not any(row["reviewed"] for row in rows)
