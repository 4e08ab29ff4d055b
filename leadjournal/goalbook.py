"""The goal use-cases: draft, save, check in, close and pair goals; the review's questions.

Reached as ``journal.goals``. Takes a ``Store`` and a ``Clock``; returns models;
raises ``LeadJournalError``s. The maths (SMART gaps, progress, cadence) is in
``goals``; this module decides and stores.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from leadjournal import goals as goal_maths
from leadjournal import messages, weeks
from leadjournal.clock import Clock, Stamp, stamp
from leadjournal.errors import BadInput, Conflict
from leadjournal.models import (
    Cadence,
    CheckIn,
    Goal,
    GoalKind,
    GoalLevel,
    GoalMeasure,
    GoalProgress,
    GoalStatus,
    Review,
    one_of,
)
from leadjournal.records import new_id, require_text
from leadjournal.store import Store

GOAL_KINDS: tuple[GoalKind, ...] = ("performance", "development")
GOAL_LEVELS: tuple[GoalLevel, ...] = ("individual", "team", "organization")
CADENCES: tuple[Cadence, ...] = ("weekly", "monthly", "quarterly")
# The lagging measure's name when numbers are given without one.
DEFAULT_MEASURE = "result"


def _optional_text(text: str | None) -> str | None:
    return (text or "").strip() or None


@dataclass(frozen=True)
class GoalQuestion:
    """One measure the weekly review asks for, with its last recorded value."""

    goal: Goal
    measure: GoalMeasure
    last: CheckIn | None


class GoalBook:
    """A leader's goals, on a store and a clock: ``journal.goals``."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    def _now(self) -> Stamp:
        return stamp(self.clock)

    def _today(self) -> date:
        return self.clock.now().date()

    def draft(
        self,
        title: str,
        *,
        kind: str = "performance",
        level: str = "individual",
        measure: str | None = None,
        unit: str | None = None,
        baseline: object = None,
        target: object = None,
        due: str | None = None,
        start: str | None = None,
        leading: Sequence[str] = (),
        cadence: str = "weekly",
        pair: str | None = None,
        achievable: str | None = None,
        relevant: str | None = None,
    ) -> Goal:
        """A goal checked part by part, not yet saved; missing parts are allowed
        (``goals.smart_gaps`` names them), wrong ones are refused."""
        outcome = require_text(title, "goal")
        goal_kind: GoalKind = (
            "development"
            if one_of(kind, GOAL_KINDS, "goal kind", messages.BAD_CHOICE_HINT) == "development"
            else "performance"
        )
        goal_level = cast(
            GoalLevel, one_of(level, GOAL_LEVELS, "goal level", messages.BAD_CHOICE_HINT)
        )
        goal_cadence = cast(
            Cadence, one_of(cadence, CADENCES, "review cadence", messages.BAD_CHOICE_HINT)
        )
        base = None if baseline is None else goal_maths.parse_number(baseline, "baseline")
        aim = None if target is None else goal_maths.parse_number(target, "target")
        today = self._today()
        begins = today if start is None else weeks.parse_day(start, today)
        ends = None if due is None else goal_maths.parse_due(due, today)
        if ends is not None and ends < begins:
            raise BadInput(
                messages.DUE_BEFORE_START.format(due=ends, start=begins),
                messages.DUE_BEFORE_START_HINT,
            )
        goal_id = new_id()
        measures: list[GoalMeasure] = []
        named = _optional_text(measure)
        if named or _optional_text(unit) or base is not None or aim is not None:
            measures.append(
                GoalMeasure(
                    id=new_id(),
                    goal_id=goal_id,
                    name=named or DEFAULT_MEASURE,
                    kind="lagging",
                    unit=_optional_text(unit),
                    baseline=base,
                    target=aim,
                )
            )
        for name in leading:
            cleaned = _optional_text(name)
            if cleaned is None:
                raise BadInput(messages.EMPTY_MEASURE, messages.EMPTY_MEASURE_HINT)
            measures.append(GoalMeasure(id=new_id(), goal_id=goal_id, name=cleaned, kind="leading"))
        seen: set[str] = set()
        for m in measures:
            if m.name.lower() in seen:
                raise BadInput(
                    messages.DUPLICATE_MEASURE.format(name=m.name), messages.DUPLICATE_MEASURE_HINT
                )
            seen.add(m.name.lower())
        partner = None
        if pair is not None:
            partner = self._goal_by_prefix(pair)
            self._check_pairable(goal_id, goal_kind, partner)
        now = self._now()
        return Goal(
            id=goal_id,
            title=outcome,
            kind=goal_kind,
            level=goal_level,
            cadence=goal_cadence,
            status="open",
            achievable=_optional_text(achievable),
            relevant=_optional_text(relevant),
            start_date=begins.isoformat(),
            due_date=None if ends is None else ends.isoformat(),
            pair_id=None if partner is None else partner.id,
            created_at=now.utc,
            updated_at=now.utc,
            date=now.date,
            week=now.week,
            measures=measures,
        )

    def save(self, goal: Goal) -> GoalProgress:
        """Store a drafted goal (and its pair, on both goals) in one transaction."""
        with self.store.transaction():
            partner = goal.pair_id
            self.store.insert_goal(goal.model_copy(update={"pair_id": None}))
            if partner is not None:
                # Checked again inside the write: another terminal may have paired it.
                self._check_pairable(goal.id, goal.kind, self.store.get_goal(partner))
                self.store.set_goal_pair(goal.id, partner, goal.created_at)
        return self.get(goal.id)

    def add(self, title: str, **parts: Any) -> GoalProgress:
        """Check and save a goal in one step (the flags form of ``goal add``)."""
        return self.save(self.draft(title, **parts))

    def smart_gaps(self, goal: Goal) -> list[str]:
        return goal_maths.smart_gaps(goal, self._today())

    def get(self, prefix: str) -> GoalProgress:
        return goal_maths.summarise(self._goal_by_prefix(prefix), self._today())

    def summaries(self, status: GoalStatus | None = "open") -> list[GoalProgress]:
        """Goals with their progress today: what trends and the brief show."""
        return goal_maths.summarise_all(self.store.goals(status), self._today())

    def checkin(
        self, prefix: str, value: object, *, measure: str | None = None, note: str | None = None
    ) -> GoalProgress:
        """Record a measure's value today; the result measure unless one is named."""
        goal = self._goal_by_prefix(prefix)
        self._require_open(goal)
        number = goal_maths.parse_number(value, "value")
        chosen = self._measure(goal, measure)
        now = self._now()
        with self.store.transaction():
            self.store.insert_checkin(
                CheckIn(
                    id=new_id(),
                    goal_id=goal.id,
                    measure_id=chosen.id,
                    measure=chosen.name,
                    value=number,
                    note=_optional_text(note),
                    created_at=now.utc,
                    date=now.date,
                    week=now.week,
                )
            )
        return self.get(goal.id)

    def close(self, prefix: str, status: GoalStatus, note: str | None = None) -> GoalProgress:
        """Mark an open goal done or dropped, with what came of it."""
        goal = self._goal_by_prefix(prefix)
        self._require_open(goal)
        now = self._now()
        with self.store.transaction():
            self.store.set_goal_status(goal.id, status, _optional_text(note), now.utc, now.date)
        return self.get(goal.id)

    def pair(self, prefix: str, other_prefix: str) -> GoalProgress:
        """Pair a performance goal with the development goal that supports it."""
        goal = self._goal_by_prefix(prefix)
        other = self._goal_by_prefix(other_prefix)
        if goal.pair_id == other.id:
            return self.get(goal.id)
        if goal.pair_id is not None:
            raise Conflict(
                messages.PAIR_TAKEN.format(id=goal.id[:8], other=goal.pair_id[:8]),
                messages.PAIR_TAKEN_HINT,
            )
        self._check_pairable(goal.id, goal.kind, other)
        with self.store.transaction():
            self.store.set_goal_pair(goal.id, other.id, self._now().utc)
        return self.get(goal.id)

    def questions(self, week: str) -> list[GoalQuestion]:
        """The measures the review of ``week`` asks for: those of open goals whose
        cadence is due, not yet recorded that week (so a resumed review skips them)."""
        others = [w for w in self.store.review_weeks() if w != week]
        last_day = weeks.week_end(week).isoformat()
        questions: list[GoalQuestion] = []
        for goal in self.store.goals("open"):
            if goal.start_date > last_day:
                continue
            earlier = [c.week for c in goal.checkins if c.week < week]
            if not goal_maths.cadence_due(
                goal.cadence,
                week,
                last_checkin_week=max(earlier) if earlier else None,
                other_review_weeks=others,
            ):
                continue
            for measure in goal_maths.review_measures(goal):
                mine = [c for c in goal.checkins if c.measure_id == measure.id]
                if any(c.week == week for c in mine):
                    continue
                questions.append(GoalQuestion(goal, measure, mine[-1] if mine else None))
        return questions

    def review_checkin(
        self, review: Review, question: GoalQuestion, value: object, note: str | None = None
    ) -> CheckIn:
        """A value given in the weekly review, dated in the reviewed week."""
        number = goal_maths.parse_number(value, question.measure.name)
        day = min(self._today(), weeks.week_end(review.week))
        now = self._now()
        checkin = CheckIn(
            id=new_id(),
            goal_id=question.goal.id,
            measure_id=question.measure.id,
            measure=question.measure.name,
            value=number,
            note=_optional_text(note),
            review_id=review.id,
            created_at=now.utc,
            date=day.isoformat(),
            week=weeks.week_of(day),
        )
        with self.store.transaction():
            self.store.insert_checkin(checkin)
        return checkin

    def _goal_by_prefix(self, prefix: str) -> Goal:
        goal_id = self.store.resolve_id("goals", prefix, "goal", messages.GOAL_ID_HINT)
        return self.store.get_goal(goal_id)

    @staticmethod
    def _require_open(goal: Goal) -> None:
        if goal.status != "open":
            raise Conflict(
                messages.GOAL_CLOSED.format(id=goal.id[:8], status=goal.status),
                messages.GOAL_CLOSED_HINT,
            )

    @staticmethod
    def _check_pairable(goal_id: str, kind: GoalKind, other: Goal) -> None:
        if other.id == goal_id:
            raise BadInput(messages.PAIR_SELF, messages.PAIR_HINT)
        if other.pair_id is not None and other.pair_id != goal_id:
            raise Conflict(
                messages.PAIR_TAKEN.format(id=other.id[:8], other=other.pair_id[:8]),
                messages.PAIR_TAKEN_HINT,
            )
        if other.kind == kind:
            raise BadInput(
                messages.PAIR_SAME_KIND.format(id=goal_id[:8], other=other.id[:8], kind=kind),
                messages.PAIR_HINT,
            )

    @staticmethod
    def _measure(goal: Goal, name: str | None) -> GoalMeasure:
        names = ", ".join(m.name for m in goal.measures)
        if name is not None:
            wanted = name.strip().lower()
            for m in goal.measures:
                if m.name.lower() == wanted:
                    return m
            raise BadInput(
                messages.UNKNOWN_MEASURE.format(id=goal.id[:8], name=name),
                messages.MEASURES_HINT.format(names=names) if names else None,
            )
        result = goal_maths.lagging(goal)
        if result is not None:
            return result
        if len(goal.measures) == 1:
            return goal.measures[0]
        if not goal.measures:
            raise BadInput(
                messages.GOAL_NO_MEASURE.format(id=goal.id[:8]), messages.GOAL_NO_MEASURE_HINT
            )
        raise BadInput(
            messages.WHICH_MEASURE.format(id=goal.id[:8]),
            messages.MEASURES_HINT.format(names=names),
        )
