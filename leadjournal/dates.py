"""The dates a leader types at an exercise's date step, read as dates.

"2027-01-15", "today", "tomorrow", "friday", "next friday", "in 3 weeks",
"next week", "next month", "end of month", "2027-W03". Pure: "today" is
always passed in.

The rules, so that a date means one thing:

- a weekday ("friday", "this friday") is the next such day, today included;
  "next friday" is the Friday of next (ISO) week;
- "next week" is next week's Monday, "in N days|weeks|months" counts from today;
- a week (``2027-W03``) is its Friday, the end of a working week;
- "end of month" / "end of the month" is the month's last day;
- a month and day ("june 30", "30 june", "end of june") is the next one to come;
- anything else ("next sprint", "soon", "after the launch") is not guessed:
  ``read_date`` returns None and the caller asks again, naming the forms.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from leadjournal import weeks
from leadjournal.errors import BadInput

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 0, "months": 0}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
_ISO_WEEK = re.compile(r"\b(\d{4}-?w\d{1,2})\b", re.IGNORECASE)
_IN_N = re.compile(r"\bin\s+(\d{1,3}|a|an|one|two|three|four|five|six)\s+(days?|weeks?|months?)\b")
_WEEKDAY = re.compile(r"\b(?:(this|next|on)\s+)?(" + "|".join(_DAYS) + r")\b")
_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH = r"(" + "|".join(m[:3] + r"(?:" + m[3:] + r")?" for m in _MONTHS) + r")\.?"
_END_OF_MONTH = re.compile(r"\bend of " + _MONTH + r"\b")
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b")
_WORDS = re.compile(
    r"\b(today|tomorrow|next week|next month|end of (?:the )?month|end of (?:the )?week)\b"
)
# How far ahead a date may be: a date step plans weeks or months, not decades.
MAX_YEARS_AHEAD = 5


def _add_months(day: date, count: int) -> date:
    month = day.month - 1 + count
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _word(word: str, today: date) -> date:
    if word == "today":
        return today
    if word == "tomorrow":
        return today + timedelta(days=1)
    if word == "next week":
        return weeks.week_start(weeks.shift(weeks.week_of(today), 1))
    if word == "next month":
        return _add_months(today, 1).replace(day=1)
    if word.endswith("week"):
        return weeks.week_start(weeks.week_of(today)) + timedelta(days=4)
    return today.replace(day=calendar.monthrange(today.year, today.month)[1])


def _weekday(which: str | None, name: str, today: date) -> date:
    wanted = _DAYS.index(name)
    if which == "next":
        monday = weeks.week_start(weeks.shift(weeks.week_of(today), 1))
        return monday + timedelta(days=wanted)
    return today + timedelta(days=(wanted - today.weekday()) % 7)


def _in(count_word: str, unit: str, today: date) -> date:
    count = int(count_word) if count_word.isdigit() else _NUMBERS[count_word]
    if _UNITS[unit] == 0:
        return _add_months(today, count)
    return today + timedelta(days=count * _UNITS[unit])


def _month_number(name: str) -> int:
    return next(n for n, m in enumerate(_MONTHS, start=1) if m.startswith(name[:3]))


def _on(month: int, day: int | None, today: date) -> date | None:
    """That day of that month, this year, or next year once it has passed."""
    for year in (today.year, today.year + 1):
        last = calendar.monthrange(year, month)[1]
        if day is not None and not 1 <= day <= last:
            return None
        found = date(year, month, last if day is None else day)
        if found >= today:
            return found
    return None


def _months(lowered: str, today: date) -> list[tuple[int, date]]:
    found: list[tuple[int, date]] = []
    for match in _END_OF_MONTH.finditer(lowered):
        day = _on(_month_number(match.group(1)), None, today)
        if day is not None:
            found.append((match.start(), day))
    for match in _MONTH_DAY.finditer(lowered):
        day = _on(_month_number(match.group(1)), int(match.group(2)), today)
        if day is not None:
            found.append((match.start(), day))
    for match in _DAY_MONTH.finditer(lowered):
        day = _on(_month_number(match.group(2)), int(match.group(1)), today)
        if day is not None:
            found.append((match.start(), day))
    return found


def find_date(text: str, today: date) -> date | None:
    """The first date named anywhere in ``text`` ("Friday's retro, by asking…"),
    or None. Used on free-text answers that may carry a date in them."""
    lowered = " ".join(text.lower().replace("’", "'").split())
    found: list[tuple[int, date]] = []
    for match in _ISO_DATE.finditer(lowered):
        try:
            found.append((match.start(), date.fromisoformat(match.group(1))))
        except ValueError:
            continue
    for match in _ISO_WEEK.finditer(lowered):
        try:
            week = weeks.parse_week(match.group(1))
        except BadInput:
            continue
        found.append((match.start(), weeks.week_start(week) + timedelta(days=4)))
    for match in _IN_N.finditer(lowered):
        found.append((match.start(), _in(match.group(1), match.group(2), today)))
    for match in _WORDS.finditer(lowered):
        found.append((match.start(), _word(match.group(1), today)))
    for match in _WEEKDAY.finditer(lowered):
        found.append((match.start(), _weekday(match.group(1), match.group(2), today)))
    found += _months(lowered, today)
    sensible = [
        (at, day)
        for at, day in found
        if weeks.FIRST_YEAR <= day.year <= today.year + MAX_YEARS_AHEAD
    ]
    return min(sensible)[1] if sensible else None


def read_date(text: str, today: date) -> date | None:
    """A date step's answer as a date, or None when it names no date we can tell.

    Words around the date are allowed ("by next friday"); a date must be there.
    """
    word = text.strip().lower()
    if word == "yesterday":
        return today - timedelta(days=1)
    return find_date(word, today)
