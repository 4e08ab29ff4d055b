"""The dates a leader types at a date step, and the rule for each."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leadjournal import dates, weeks

FRIDAY = date(2026, 11, 20)  # ISO week 2026-W47


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("2027-01-15", date(2027, 1, 15)),
        ("today", FRIDAY),
        ("tomorrow", date(2026, 11, 21)),
        ("friday", FRIDAY),  # a weekday is the next such day, today included
        ("this friday", FRIDAY),
        ("Monday", date(2026, 11, 23)),
        ("next friday", date(2026, 11, 27)),  # the Friday of next week
        ("next monday", date(2026, 11, 23)),
        ("in 3 weeks", date(2026, 12, 11)),
        ("in two weeks", date(2026, 12, 4)),
        ("in 10 days", date(2026, 11, 30)),
        ("in 2 months", date(2027, 1, 20)),
        ("next week", date(2026, 11, 23)),
        ("next month", date(2026, 12, 1)),
        ("end of month", date(2026, 11, 30)),
        ("end of the week", FRIDAY),
        ("2027-W03", date(2027, 1, 22)),  # a week is its Friday
        ("by next friday, at the retro", date(2026, 11, 27)),
    ],
)
def test_the_forms_people_type_mean_one_date(typed: str, meant: date) -> None:
    assert dates.read_date(typed, FRIDAY) == meant


@pytest.mark.parametrize("vague", ["next sprint", "soon", "after the launch", "Q1", "", "someday"])
def test_vague_answers_are_not_guessed(vague: str) -> None:
    assert dates.read_date(vague, FRIDAY) is None


def test_a_date_inside_a_sentence_is_found_first_come() -> None:
    text = "Next sprint's retro, on 2026-12-09, by asking who spoke up"
    assert dates.find_date(text, FRIDAY) == date(2026, 12, 9)
    assert dates.find_date("ask each person how it went", FRIDAY) is None


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2990, 12, 31)))
def test_weekdays_and_counts_never_land_in_the_past(today: date) -> None:
    for name in ("monday", "friday", "sunday"):
        day = dates.read_date(name, today)
        assert day is not None and 0 <= (day - today).days < 7
        later = dates.read_date(f"next {name}", today)
        assert later is not None
        assert weeks.week_of(later) == weeks.shift(weeks.week_of(today), 1)
    assert dates.read_date("in 3 weeks", today) == today + timedelta(weeks=3)
