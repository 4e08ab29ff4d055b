"""Trend maths: grid style, lean, lasting imbalance, streaks, follow-through.

Pure: no storage, no clock, no environment. The current week is always passed
in. Every threshold from the design's "Trends: the definitions" lives in the
constants below, so the definitions can be read (and changed) in one place.

Week strings are canonical ISO weeks (``2026-W07``); inputs are normalised on
the way in, so comparing them as strings orders them chronologically.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Any, Literal

from leadjournal import weeks as isoweeks
from leadjournal.models import GoalKind, GoalTrack, Model
from leadjournal.patterns import Pattern

# Ratings, on the Managerial Grid's 1–9 scale.
RATING_MIN = 1
RATING_MAX = 9

# Grid style: a rating at or above HIGH is high, at or below LOW is low;
# 4–6 is the middle band.
GRID_HIGH = 7
GRID_LOW = 3

# A week is balanced while |lean| stays within this.
BALANCED_LEAN = 1

# Lasting imbalance: a week counts when |lean| reaches LASTING_LEAN; the lean is
# lasting when at least LASTING_OF of the last LASTING_WINDOW reviewed weeks
# count the same way, or the last LASTING_RUN reviewed weeks all do.
LASTING_LEAN = 2
LASTING_WINDOW = 6
LASTING_OF = 4
LASTING_RUN = 3

# Direction: a least-squares slope smaller than this (rating points per week)
# either way is flat. 0.1 a week is about one point over a 12-week window.
FLAT_SLOPE = Fraction(1, 10)

# Setback: a rating at or below SETBACK_LOW, or a fall of SETBACK_DROP or more
# from the previous reviewed week.
SETBACK_LOW = GRID_LOW
SETBACK_DROP = 2

DEFAULT_WINDOW = 12

Style = Literal["team", "produce-or-perish", "country club", "impoverished", "middle of the road"]
Toward = Literal["results", "relationships"]
State = Literal["balanced", "temporary", "lasting"]
Direction = Literal["up", "flat", "down"]
Status = Literal["open", "done", "partly", "dropped"]

ARROWS: dict[Direction, str] = {"up": "↑", "flat": "→", "down": "↓"}


def _canonical_week(value: str) -> str:
    """The week as ``2026-W07``; a ValueError (with the week's own message) if it is none."""
    from leadjournal.errors import BadInput

    try:
        return isoweeks.parse_week(value)
    except BadInput as error:
        raise ValueError(error.message) from None


# ---------------------------------------------------------------- inputs
# Plain dataclasses checked as they are built: the journal builds them from
# its own rows, and the maths below relies on the range and the week's form.


class WeekRatings(Model):
    """One reviewed week's ratings; ``extra`` holds optional dimensions (e.g. energy)."""

    week: str
    results: int
    relationships: int
    extra: dict[str, int] = {}

    def __post_init__(self) -> None:
        object.__setattr__(self, "week", _canonical_week(self.week))
        for rating in (self.results, self.relationships, *self.extra.values()):
            _check_rating(rating)


class CommitmentState(Model):
    """What follow-through needs to know about one commitment."""

    status: Status
    due_week: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "due_week", _canonical_week(self.due_week))


# ---------------------------------------------------------------- outputs


class _Output(Model):
    pass


class TrendWeek(_Output):
    """One week of the window; the ratings and what follows from them are None when unreviewed."""

    week: str
    results: int | None
    relationships: int | None
    lean: int | None
    style: Style | None
    reviewed: bool
    extra: dict[str, int] = {}


class Averages(_Output):
    results: float | None
    relationships: float | None


class Directions(_Output):
    results: Direction
    relationships: Direction


class Imbalance(_Output):
    """The lean verdict.

    ``weeks`` counts, among the last ``LASTING_WINDOW`` reviewed weeks (all of
    them when there are fewer), those whose lean toward ``toward`` reaches
    ``LASTING_LEAN``; it is 0 when the state is balanced.
    """

    state: State
    toward: Toward | None
    weeks: int


class Streak(_Output):
    current: int
    longest: int


class FollowThrough(_Output):
    """``rate`` is (done + ½·partly) / assessed, unrounded; None when nothing is assessed."""

    assessed: int
    done: int
    partly: int
    rate: float | None
    open: int
    overdue: int


class Trends(_Output):
    """Everything ``trends`` shows.

    ``model_dump(mode="json")`` is the ``trends --json`` contract; the per-week
    ``extra`` (optional dimensions) is an addition to it, and ``TrendsReport``
    adds the open goals.
    """

    weeks: list[TrendWeek]
    averages: Averages
    direction: Directions
    imbalance: Imbalance
    streak: Streak
    follow_through: FollowThrough


class TrendsGoal(_Output):
    """An open goal beside the trends: how far along, how much time gone, the verdict."""

    id: str
    title: str
    kind: GoalKind
    progress: float | None
    expected: float | None
    status: GoalTrack | None


class TrendsReport(Trends):
    """What ``trends --json`` prints: the contract, plus the open goals (an addition)."""

    goals: list[TrendsGoal] = []
    # What goes with a good week (an addition): empty under 8 reviewed weeks.
    patterns: list[Pattern] = []
    # With a roster: recognition spread, one-on-one coverage, who was not mentioned.
    people: dict[str, Any] | None = None


# ---------------------------------------------------------------- one week


def _check_rating(value: int) -> None:
    if not RATING_MIN <= value <= RATING_MAX:
        raise ValueError(f"rating {value} is outside {RATING_MIN}–{RATING_MAX}")


def lean(results: int, relationships: int) -> int:
    """Relationships minus results: negative leans toward results, positive toward relationships."""
    _check_rating(results)
    _check_rating(relationships)
    return relationships - results


def grid_style(results: int, relationships: int) -> Style:
    """The Managerial Grid style named by a week's two ratings."""
    _check_rating(results)
    _check_rating(relationships)
    if results >= GRID_HIGH and relationships >= GRID_HIGH:
        return "team"
    if results >= GRID_HIGH and relationships <= GRID_LOW:
        return "produce-or-perish"
    if relationships >= GRID_HIGH and results <= GRID_LOW:
        return "country club"
    if results <= GRID_LOW and relationships <= GRID_LOW:
        return "impoverished"
    return "middle of the road"


def lean_toward(lean: int) -> Toward | None:
    """Which way a lean points; None while it is balanced (|lean| ≤ ``BALANCED_LEAN``)."""
    if abs(lean) <= BALANCED_LEAN:
        return None
    return "results" if lean < 0 else "relationships"


# ---------------------------------------------------------------- over weeks


def _in_order(reviewed: Iterable[WeekRatings]) -> list[WeekRatings]:
    ordered = sorted(reviewed, key=lambda item: item.week)
    for before, after in itertools.pairwise(ordered):
        if before.week == after.week:
            raise ValueError(f"week {after.week} is reviewed more than once")
    return ordered


def _counts_toward(item: WeekRatings) -> Toward | None:
    value = lean(item.results, item.relationships)
    if abs(value) < LASTING_LEAN:
        return None
    return "results" if value < 0 else "relationships"


def imbalance(reviewed: Sequence[WeekRatings]) -> Imbalance:
    """Balanced, a temporary lean, or a lasting one, from the reviewed weeks (any order).

    Only reviewed weeks are considered, in order, so weeks without a review
    between them never change the verdict. Lasting: at least ``LASTING_OF`` of
    the last ``LASTING_WINDOW`` reviewed weeks lean the same way by
    ``LASTING_LEAN`` or more, or the last ``LASTING_RUN`` reviewed weeks all do.
    Otherwise temporary when the latest reviewed week leans that much, else
    balanced. A lasting lean stays lasting even if the latest week is balanced:
    one good week does not undo a pattern.
    """
    recent = [_counts_toward(item) for item in _in_order(reviewed)[-LASTING_WINDOW:]]
    if not recent:
        return Imbalance(state="balanced", toward=None, weeks=0)
    side: Toward
    for side in ("results", "relationships"):
        count = recent.count(side)
        run = recent[-LASTING_RUN:]
        in_a_row = len(run) == LASTING_RUN and all(item == side for item in run)
        if count >= LASTING_OF or in_a_row:
            return Imbalance(state="lasting", toward=side, weeks=count)
    latest = recent[-1]
    if latest is None:
        return Imbalance(state="balanced", toward=None, weeks=0)
    return Imbalance(state="temporary", toward=latest, weeks=recent.count(latest))


def streak(reviewed_weeks: Iterable[str], current_week: str) -> Streak:
    """Runs of consecutive ISO weeks with a completed review, up to ``current_week``.

    The current week not yet reviewed does not break the current streak (the
    week is not over); it then counts back from last week. Reviews after
    ``current_week`` are ignored.
    """
    current_week = isoweeks.parse_week(current_week)
    done = {isoweeks.parse_week(week) for week in reviewed_weeks}
    done = {week for week in done if week <= current_week}

    current = 0
    week = current_week if current_week in done else isoweeks.shift(current_week, -1)
    while week in done:
        current += 1
        week = isoweeks.shift(week, -1)

    longest = run = 0
    previous: str | None = None
    for week in sorted(done):
        consecutive = previous is not None and isoweeks.shift(previous, 1) == week
        run = run + 1 if consecutive else 1
        longest = max(longest, run)
        previous = week
    return Streak(current=current, longest=longest)


def follow_through(commitments: Iterable[CommitmentState], current_week: str) -> FollowThrough:
    """Counts and rate of commitments kept; overdue = open with a due week before this one."""
    current_week = isoweeks.parse_week(current_week)
    counts: dict[Status, int] = {"open": 0, "done": 0, "partly": 0, "dropped": 0}
    overdue = 0
    for item in commitments:
        counts[item.status] += 1
        if item.status == "open" and item.due_week < current_week:
            overdue += 1
    assessed = counts["done"] + counts["partly"] + counts["dropped"]
    rate = (counts["done"] + 0.5 * counts["partly"]) / assessed if assessed else None
    return FollowThrough(
        assessed=assessed,
        done=counts["done"],
        partly=counts["partly"],
        rate=rate,
        open=counts["open"],
        overdue=overdue,
    )


def direction(values: Sequence[float | None]) -> Direction:
    """Up, flat or down, from the least-squares slope of values against their position.

    ``values`` are one per week, oldest first; None marks a week without a
    review and is skipped without closing the gap, so the slope is per calendar
    week. Fewer than two values is flat; |slope| < ``FLAT_SLOPE`` is flat.
    """
    points = [(Fraction(x), Fraction(y)) for x, y in enumerate(values) if y is not None]
    n = len(points)
    if n < 2:
        return "flat"
    # Exact arithmetic, so a slope sitting on the threshold is classified the
    # same on every machine.
    zero = Fraction(0)
    sum_x = sum((x for x, _ in points), zero)
    sum_y = sum((y for _, y in points), zero)
    sum_xy = sum((x * y for x, y in points), zero)
    sum_xx = sum((x * x for x, _ in points), zero)
    slope: Fraction = (n * sum_xy - sum_x * sum_y) / (n * sum_xx - sum_x * sum_x)
    if abs(slope) < FLAT_SLOPE:
        return "flat"
    return "up" if slope > 0 else "down"


def arrow(value: Direction) -> str:
    """The arrow shown for a direction: ↑ → ↓."""
    return ARROWS[value]


def average(values: Iterable[float | None]) -> float | None:
    """Mean of the values that are present, rounded half up to one decimal; None when none are."""
    present = [Fraction(value) for value in values if value is not None]
    if not present:
        return None
    mean = sum(present, Fraction(0)) / len(present)
    # Round half up on the exact mean: round() on a float would give 6.25 -> 6.2.
    return math.floor(mean * 10 + Fraction(1, 2)) / 10


def is_setback(reviewed: Sequence[WeekRatings], week: str) -> bool:
    """Whether ``week`` was a hard one: a rating ≤ ``SETBACK_LOW``, or either rating
    falling by ``SETBACK_DROP`` or more since the previous reviewed week.

    A week without a review is not a setback.
    """
    week = isoweeks.parse_week(week)
    ordered = _in_order(reviewed)
    for index, item in enumerate(ordered):
        if item.week != week:
            continue
        if min(item.results, item.relationships) <= SETBACK_LOW:
            return True
        if index == 0:
            return False
        before = ordered[index - 1]
        return (
            before.results - item.results >= SETBACK_DROP
            or before.relationships - item.relationships >= SETBACK_DROP
        )
    return False


def _trend_week(week: str, item: WeekRatings | None) -> TrendWeek:
    if item is None:
        return TrendWeek(
            week=week, results=None, relationships=None, lean=None, style=None, reviewed=False
        )
    return TrendWeek(
        week=week,
        results=item.results,
        relationships=item.relationships,
        lean=lean(item.results, item.relationships),
        style=grid_style(item.results, item.relationships),
        reviewed=True,
        extra=dict(item.extra),
    )


def build_trends(
    reviewed: Sequence[WeekRatings],
    commitments: Iterable[CommitmentState],
    current_week: str,
    window: int = DEFAULT_WINDOW,
) -> Trends:
    """The weekly picture over the ``window`` weeks ending with ``current_week``.

    The table, averages and directions cover the window; the imbalance verdict
    and the streak use the whole reviewed history up to ``current_week``, so a
    short window cannot hide a lasting lean or cut a long streak.
    """
    if window < 1:
        raise ValueError(f"window must be at least one week, not {window}")
    current_week = isoweeks.parse_week(current_week)
    history = [item for item in _in_order(reviewed) if item.week <= current_week]
    by_week = {item.week: item for item in history}

    rows = [
        _trend_week(week, by_week.get(week)) for week in isoweeks.last_weeks(current_week, window)
    ]
    results = [row.results for row in rows]
    relationships = [row.relationships for row in rows]
    return Trends(
        weeks=rows,
        averages=Averages(results=average(results), relationships=average(relationships)),
        direction=Directions(results=direction(results), relationships=direction(relationships)),
        imbalance=imbalance(history),
        streak=streak(by_week, current_week),
        follow_through=follow_through(commitments, current_week),
    )


class Episode(_Output):
    """A stretch of reviewed weeks that all had the same lasting imbalance."""

    first: str
    last: str
    toward: Toward


def lasting_episodes(reviewed: Sequence[WeekRatings], shown: Sequence[str]) -> list[Episode]:
    """The lasting imbalances, as they stood week by week, within the ``shown`` weeks.

    Each reviewed week is judged on the history up to it, as the leader saw it
    then; consecutive reviewed weeks lasting toward the same side form one
    episode (a week without a review in between does not split it).
    """
    ordered = _in_order(reviewed)
    reviewed_weeks = {item.week for item in ordered}
    episodes: list[Episode] = []
    running = False
    for week in sorted(isoweeks.parse_week(value) for value in shown):
        if week not in reviewed_weeks:
            continue
        verdict = imbalance([item for item in ordered if item.week <= week])
        if verdict.state != "lasting" or verdict.toward is None:
            running = False
            continue
        if running and episodes[-1].toward == verdict.toward:
            episodes[-1] = Episode(first=episodes[-1].first, last=week, toward=verdict.toward)
        else:
            episodes.append(Episode(first=week, last=week, toward=verdict.toward))
        running = True
    return episodes
