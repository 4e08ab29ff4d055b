"""Goal maths: SMART checks, progress, time gone by, on-track status, cadence.

Pure: no storage, no clock, no environment; "today" and the week are passed
in. Every threshold lives in the constants below so the definitions can be
read, documented and changed in one place. ``summarise`` is the function other
views (trends, the brief) call to show goals.

Definitions
-----------
- ``progress``: the share of the way from the baseline to the target that the
  latest value of the goal's lagging measure has covered, clamped to 0–1. The
  same formula serves goals that reduce something (target below baseline):
  ``(current - baseline) / (target - baseline)``. Without check-ins the
  current value is the baseline (progress 0). No baseline or target, or a
  target equal to the baseline: no progress (``None``).
- ``expected``: the share of the days from the start date to the due date that
  have gone by, clamped to 0–1 (0 on the start day, 1 on the due day).
- ``status`` of an open goal: ``on_track`` when progress ≥ expected − 0.10,
  ``at_risk`` when progress ≥ expected − 0.25, otherwise ``off_track``. A goal
  whose target is reached is on track; one past its due date without reaching
  the target is off track. A closed goal's status is ``done`` or ``dropped``.
- Cadence, for the weekly review's goals step: a weekly goal is due every
  week; a monthly goal in the first review of a month (the month holding the
  week's Thursday) or when it has had no check-in in the last 4 weeks; a
  quarterly goal likewise, per quarter or after 13 weeks without a check-in.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from leadjournal import messages, weeks
from leadjournal.errors import BadInput
from leadjournal.models import Cadence, Goal, GoalMeasure, GoalProgress, GoalTrack

ON_TRACK_MARGIN = 0.10
AT_RISK_MARGIN = 0.25
# Shown and compared at this many decimal places, so what the leader reads
# and the status computed from it always agree.
PRECISION = 4
# A measure's value: a finite number no larger than this either way.
VALUE_LIMIT = 1e12
# An outcome of fewer words than this is too vague to tell when it is done.
SPECIFIC_MIN_WORDS = 3
MONTHLY_GAP_WEEKS = 4
QUARTERLY_GAP_WEEKS = 13

_WEEK_RE = re.compile(r"^\d{4}-?W\d{1,2}$", re.IGNORECASE)

# What keeps a goal from being SMART, as stable codes, with the letter each
# belongs to. The sentences the leader reads are in messages.SMART_GAPS.
SMART_CODES: dict[str, str] = {
    "vague_outcome": "specific",
    "no_measure": "measurable",
    "no_unit": "measurable",
    "no_baseline": "measurable",
    "no_target": "measurable",
    "target_equals_baseline": "measurable",
    "no_achievable": "achievable",
    "no_relevant": "relevant",
    "no_due_date": "time-bound",
    "due_date_passed": "time-bound",
}


# -- input ---------------------------------------------------------------------


def parse_number(value: object, what: str) -> float:
    """A finite number within ``VALUE_LIMIT``, or a BadInput saying why not."""
    if isinstance(value, bool):
        raise BadInput(messages.BAD_NUMBER.format(what=what, value=value), messages.NUMBER_HINT)
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip().replace("_", "")
        try:
            number = float(text)
        except ValueError:
            raise BadInput(
                messages.BAD_NUMBER.format(what=what, value=value), messages.NUMBER_HINT
            ) from None
    if not math.isfinite(number):
        raise BadInput(messages.BAD_NUMBER.format(what=what, value=value), messages.NUMBER_HINT)
    if abs(number) > VALUE_LIMIT:
        raise BadInput(
            messages.NUMBER_TOO_LARGE.format(what=what, value=value),
            messages.NUMBER_TOO_LARGE_HINT,
        )
    return number


def parse_due(text: str, today: date) -> date:
    """A due date: an ISO date, ``today``, or a week (``2027-W13``, ``this week``)
    meaning its last day."""
    word = " ".join(text.strip().lower().replace("-", " ").split())
    if word in ("this week", "thisweek", "next week", "nextweek"):
        current = weeks.week_of(today)
        return weeks.week_end(current if word.startswith("this") else weeks.shift(current, 1))
    stripped = text.strip()
    if _WEEK_RE.match(stripped):
        return weeks.week_end(weeks.parse_week(stripped))
    return weeks.parse_day(stripped, today)


# -- the goal's parts -----------------------------------------------------------


def lagging(goal: Goal) -> GoalMeasure | None:
    """The result the goal is measured by, when it has one."""
    return next((m for m in goal.measures if m.kind == "lagging"), None)


def leading(goal: Goal) -> list[GoalMeasure]:
    return [m for m in goal.measures if m.kind == "leading"]


def review_measures(goal: Goal) -> list[GoalMeasure]:
    """What the weekly review asks for: the leading measures, or the result
    itself when the goal has no leading measure."""
    early = leading(goal)
    if early:
        return early
    result = lagging(goal)
    return [result] if result is not None else []


def smart_gaps(goal: Goal, today: date) -> list[str]:
    """What keeps the goal from being SMART, as codes from ``SMART_CODES``."""
    gaps: list[str] = []
    if len(goal.title.split()) < SPECIFIC_MIN_WORDS:
        gaps.append("vague_outcome")
    result = lagging(goal)
    if result is None:
        gaps.append("no_measure")
    else:
        if not result.unit:
            gaps.append("no_unit")
        if result.baseline is None:
            gaps.append("no_baseline")
        if result.target is None:
            gaps.append("no_target")
        if (
            result.baseline is not None
            and result.target is not None
            and result.baseline == result.target
        ):
            gaps.append("target_equals_baseline")
    if not goal.achievable:
        gaps.append("no_achievable")
    if not goal.relevant:
        gaps.append("no_relevant")
    if goal.due_date is None:
        gaps.append("no_due_date")
    elif goal.status == "open" and date.fromisoformat(goal.due_date) < today:
        gaps.append("due_date_passed")
    return gaps


# -- progress ------------------------------------------------------------------


def current_value(goal: Goal) -> float | None:
    """The latest value of the result: its newest check-in, else the baseline."""
    result = lagging(goal)
    if result is None:
        return None
    values = [c for c in goal.checkins if c.measure_id == result.id]
    if not values:
        return result.baseline
    return max(values, key=lambda c: (c.date, c.created_at)).value


def progress(baseline: float | None, target: float | None, current: float | None) -> float | None:
    """The share of the way from baseline to target covered, 0–1."""
    if baseline is None or target is None or current is None or target == baseline:
        return None
    share = (current - baseline) / (target - baseline)
    return round(min(1.0, max(0.0, share)), PRECISION)


def expected(start: date, due: date | None, today: date) -> float | None:
    """The share of the time from start to due date gone by, 0–1."""
    if due is None:
        return None
    if today >= due:
        return 1.0
    if today <= start:
        return 0.0
    return round((today - start).days / (due - start).days, PRECISION)


def track(
    done_share: float | None, time_share: float | None, today: date, due: date | None
) -> GoalTrack | None:
    """An open goal's status against the calendar (see the module's definitions)."""
    if done_share is None or time_share is None or due is None:
        return None
    # A tolerance well below the shown precision, so 0.4 against 0.5 − 0.1 is on track.
    tolerance = 10 ** -(PRECISION + 2)
    if done_share >= 1.0:
        return "on_track"
    if today > due:
        return "off_track"
    if done_share + tolerance >= time_share - ON_TRACK_MARGIN:
        return "on_track"
    if done_share + tolerance >= time_share - AT_RISK_MARGIN:
        return "at_risk"
    return "off_track"


def summarise(goal: Goal, today: date) -> GoalProgress:
    """Where one goal stands on ``today``."""
    result = lagging(goal)
    start = date.fromisoformat(goal.start_date)
    due = date.fromisoformat(goal.due_date) if goal.due_date else None
    # A closed goal is judged as of the day it closed.
    as_of = min(today, date.fromisoformat(goal.closed_date)) if goal.closed_date else today
    now = current_value(goal)
    done_share = progress(
        result.baseline if result else None, result.target if result else None, now
    )
    time_share = expected(start, due, as_of)
    status: GoalTrack | None = (
        track(done_share, time_share, as_of, due) if goal.status == "open" else goal.status
    )
    return GoalProgress(
        goal=goal,
        measure=result.name if result else None,
        unit=result.unit if result else None,
        baseline=result.baseline if result else None,
        target=result.target if result else None,
        current=now,
        progress=done_share,
        expected=time_share,
        status=status,
        days_left=(due - today).days if due is not None and goal.status == "open" else None,
        smart=smart_gaps(goal, today),
    )


def summarise_all(goals: Iterable[Goal], today: date) -> list[GoalProgress]:
    """Every goal's standing, in the order given."""
    return [summarise(goal, today) for goal in goals]


# -- cadence -------------------------------------------------------------------


def _thursday(week: str) -> date:
    return weeks.week_start(week) + timedelta(days=3)


def period_of(cadence: Cadence, week: str) -> str:
    """The month (``2026-11``) or quarter (``2026-Q4``) a week belongs to: the one
    holding its Thursday. Weekly goals have one period per week."""
    day = _thursday(week)
    if cadence == "monthly":
        return f"{day.year}-{day.month:02d}"
    if cadence == "quarterly":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return week


def cadence_due(
    cadence: Cadence,
    week: str,
    *,
    last_checkin_week: str | None,
    other_review_weeks: Sequence[str],
) -> bool:
    """Whether the review of ``week`` should ask about a goal with this cadence.

    ``last_checkin_week`` is the goal's latest check-in before ``week``;
    ``other_review_weeks`` the weeks of the journal's other reviews.
    """
    if cadence == "weekly":
        return True
    gap = MONTHLY_GAP_WEEKS if cadence == "monthly" else QUARTERLY_GAP_WEEKS
    period = period_of(cadence, week)
    first_review = not any(
        other < week and period_of(cadence, other) == period for other in other_review_weeks
    )
    stale = last_checkin_week is None or weeks.weeks_between(last_checkin_week, week) >= gap
    return first_review or stale
