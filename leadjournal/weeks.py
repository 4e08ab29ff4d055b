"""ISO weeks and the date words people type.

Pure: "today" is always passed in, never read from the clock here.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from leadjournal import messages
from leadjournal.errors import BadInput

_WEEK_RE = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)
# The years a journal entry can belong to. Beyond them, week arithmetic
# (the weeks before a review, the trend window) would run off the calendar.
FIRST_YEAR = 1900
LAST_YEAR = 2999


def week_of(day: date) -> str:
    """The ISO week a day belongs to, as ``2026-W47``."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def parse_week(text: str) -> str:
    """Normalise an ISO week such as ``2026-W5`` or ``2026w05`` to ``2026-W05``."""
    match = _WEEK_RE.match(text.strip())
    if match is None:
        raise BadInput(messages.BAD_WEEK.format(value=text), messages.DATE_FORMS_HINT)
    year, week = int(match.group(1)), int(match.group(2))
    try:
        date.fromisocalendar(year, week, 1)
    except ValueError:
        raise BadInput(messages.BAD_WEEK.format(value=text), messages.DATE_FORMS_HINT) from None
    _check_year(year, text)
    return f"{year}-W{week:02d}"


def _check_year(year: int, text: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise BadInput(
            messages.YEAR_OUT_OF_RANGE.format(value=text, first=FIRST_YEAR, last=LAST_YEAR),
            messages.DATE_FORMS_HINT,
        )


def week_start(week: str) -> date:
    """The Monday of an ISO week."""
    year, number = _split(week)
    return date.fromisocalendar(year, number, 1)


def week_end(week: str) -> date:
    """The Sunday of an ISO week."""
    return week_start(week) + timedelta(days=6)


def shift(week: str, weeks: int) -> str:
    """The ISO week ``weeks`` after (or before, when negative) ``week``."""
    return week_of(week_start(week) + timedelta(weeks=weeks))


def weeks_between(first: str, last: str) -> int:
    """How many weeks from ``first`` to ``last`` (0 when equal)."""
    return (week_start(last) - week_start(first)).days // 7


def last_weeks(current: str, count: int) -> list[str]:
    """The ``count`` weeks ending with ``current``, oldest first."""
    return [shift(current, -offset) for offset in range(count - 1, -1, -1)]


def parse_day(text: str, today: date) -> date:
    """A day from an ISO date or ``today`` / ``yesterday``."""
    word = text.strip().lower()
    if word == "today":
        return today
    if word == "yesterday":
        return today - timedelta(days=1)
    try:
        day = date.fromisoformat(word)
    except ValueError:
        raise BadInput(messages.BAD_DATE.format(value=text), messages.DATE_FORMS_HINT) from None
    _check_year(day.year, text)
    return day


def parse_week_or_day(text: str, today: date) -> str:
    """The ISO week named by any accepted date form.

    Accepts ``2026-W47``, ``2026-11-18``, ``today``, ``yesterday``,
    ``this week`` and ``last week`` (or ``this`` and ``last``).
    """
    word = " ".join(text.strip().lower().replace("-", " ").split())
    if word in ("this week", "thisweek", "this"):
        return week_of(today)
    if word in ("last week", "lastweek", "last"):
        return week_of(today - timedelta(weeks=1))
    if _WEEK_RE.match(text.strip()):
        return parse_week(text)
    return week_of(parse_day(text, today))


def _split(week: str) -> tuple[int, int]:
    match = _WEEK_RE.match(week)
    if match is None:
        raise BadInput(messages.BAD_WEEK.format(value=week), messages.DATE_FORMS_HINT)
    return int(match.group(1)), int(match.group(2))
