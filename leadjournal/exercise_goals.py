"""Goals made by the exercises that define them (``creates`` in the pack).

``smart-goal`` describes one goal; ``goal-pair`` a performance goal and the
development goal that supports it (either may be one the leader has already:
a step's answer that is an open goal's title pairs with that goal). The plan is
drafted as ``goal add`` drafts (``GoalBook.draft``: the same checks, the same
SMART gaps), shown, and saved only once the leader confirms.

Takes a store and a clock through ``GoalBook``; never prints or reads input.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field

from leadjournal import messages
from leadjournal.goalbook import GoalBook
from leadjournal.models import ExerciseRun, Goal, GoalKind, GoalProgress
from leadjournal.prompts import Exercise


@dataclass(frozen=True)
class GoalPlan:
    """What a run would create: new goals (drafted, not saved) and, for a pair
    with a goal the leader has already, that goal."""

    exercise_id: str
    new: list[Goal] = field(default_factory=list)
    existing: list[Goal] = field(default_factory=list)
    gaps: dict[str, list[str]] = field(default_factory=dict)

    @property
    def pairs(self) -> bool:
        return len(self.new) + len(self.existing) == 2


def _answers(exercise: Exercise, run: ExerciseRun) -> dict[str, list[tuple[str, str]]]:
    """Each goal field's answers, in step order, with the step's type."""
    types = {step.id: step for step in exercise.steps}
    found: dict[str, list[tuple[str, str]]] = {}
    for answer in run.answers:
        step = types.get(answer.step_id)
        if step is None or step.goal is None or not answer.answer:
            continue
        found.setdefault(step.goal, []).append((step.type, answer.answer))
    return found


def plan(book: GoalBook, exercise: Exercise, run: ExerciseRun) -> GoalPlan | None:
    """The goals a completed run describes, drafted; None when it describes none."""
    if exercise.creates is None:
        return None
    given = _answers(exercise, run)
    if exercise.creates == "goal":
        titles = given.get("title", [])
        if not titles:
            return None
        parts: dict[str, object] = {}
        if "kind" in given:
            parts["kind"] = given["kind"][-1][1]
        if "measure" in given:
            parts["measure"] = given["measure"][-1][1]
        if "relevant" in given:
            parts["relevant"] = given["relevant"][-1][1]
        if "due" in given:
            parts["due"] = given["due"][-1][1]
        if "achievable" in given:
            kind, value = given["achievable"][-1]
            parts["achievable"] = (
                messages.GOAL_ACHIEVABLE_RATED.format(value=value) if kind == "rating" else value
            )
        # The last answered wins: the one-sentence statement over the first intention.
        goal = book.draft(titles[-1][1], **parts)  # type: ignore[arg-type]
        return GoalPlan(exercise.id, new=[goal], gaps={goal.id: book.smart_gaps(goal)})
    return _pair_plan(book, exercise, given)


def needs_numbers(goal_plan: GoalPlan) -> Goal | None:
    """The one new goal whose result has no numbers yet (a SMART gap the
    exercise's free-text answer cannot fill), to ask for them."""
    if len(goal_plan.new) != 1:
        return None
    goal = goal_plan.new[0]
    result = next((m for m in goal.measures if m.kind == "lagging"), None)
    if result is None or (result.baseline is not None and result.target is not None):
        return None
    return goal


def with_numbers(
    book: GoalBook, goal_plan: GoalPlan, unit: str | None, baseline: str | None, target: str | None
) -> GoalPlan:
    """The plan with its goal's result given a unit, baseline and target, checked
    as ``goal add --unit --baseline --target`` checks them."""
    goal = goal_plan.new[0]
    result = next(m for m in goal.measures if m.kind == "lagging")
    redrafted = book.draft(
        goal.title,
        kind=goal.kind,
        measure=result.name,
        unit=unit or result.unit,
        baseline=baseline,
        target=target,
        due=goal.due_date,
        achievable=goal.achievable,
        relevant=goal.relevant,
    )
    return GoalPlan(
        goal_plan.exercise_id,
        new=[redrafted],
        existing=goal_plan.existing,
        gaps={redrafted.id: book.smart_gaps(redrafted)},
    )


def _pair_plan(
    book: GoalBook, exercise: Exercise, given: dict[str, list[tuple[str, str]]]
) -> GoalPlan | None:
    from leadjournal import dates

    new: list[Goal] = []
    existing: list[Goal] = []
    kinds: tuple[GoalKind, ...] = ("performance", "development")
    for kind in kinds:
        if kind not in given:
            continue
        title = given[kind][-1][1]
        known = _open_goal(book, kind, title)
        if known is not None:
            existing.append(known)
            continue
        day = dates.find_date(title, book.clock.now().date())
        new.append(book.draft(title, kind=kind, due=None if day is None else day.isoformat()))
    if not new and not existing:
        return None
    return GoalPlan(
        exercise.id, new=new, existing=existing, gaps={g.id: book.smart_gaps(g) for g in new}
    )


def _open_goal(book: GoalBook, kind: GoalKind, title: str) -> Goal | None:
    wanted = " ".join(title.casefold().split())
    for summary in book.summaries("open"):
        goal = summary.goal
        same = " ".join(goal.title.casefold().split()) == wanted
        if goal.kind == kind and same and goal.pair_id is None:
            return goal
    return None


def save(book: GoalBook, goal_plan: GoalPlan) -> list[GoalProgress]:
    """Save the planned goals (and pair them) in one transaction."""
    saved: list[GoalProgress] = []
    with book.store.transaction():
        for goal in goal_plan.new:
            saved.append(book.save(goal))
        if goal_plan.pairs:
            ids = [g.goal.id for g in saved] + [g.id for g in goal_plan.existing]
            book.pair(ids[0], ids[1])
            saved = [book.get(goal.goal.id) for goal in saved]
    return saved


def command_lines(goal_plan: GoalPlan) -> list[str]:
    """The ``goal add`` commands that would create the planned goals, to copy."""
    lines = []
    for goal in goal_plan.new:
        words = ["leadjournal", "goal", "add", goal.title, "--kind", goal.kind]
        result = next((m for m in goal.measures if m.kind == "lagging"), None)
        if result is not None:
            words += ["--measure", result.name]
            if result.unit:
                words += ["--unit", result.unit]
            for flag, number in (("--baseline", result.baseline), ("--target", result.target)):
                if number is not None:
                    words += [flag, f"{number:g}"]
        if goal.due_date:
            words += ["--due", goal.due_date]
        if goal.relevant:
            words += ["--relevant", goal.relevant]
        if goal.achievable:
            words += ["--achievable", goal.achievable]
        lines.append(shlex.join(words))
    return lines
