"""An exercise's follow-up, come due: what was decided, and how it went.

When the weekly review reaches a commitment an exercise made, it shows what the
leader decided (the action and their own criteria), asks the exercise's
assessment questions again with the earlier answers beside them, and records
the outcome. "Partly" or "not yet" can get a second try with a new date.

Each answer is saved the moment it is given (``exercise_assessments``, by run
and week); the outcome is the commitment's ordinary follow-up, so trends and
follow-through count it like any other.

Takes a store, a clock and the prompt library; never prints or reads input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from leadjournal import messages, weeks
from leadjournal.clock import Clock, stamp
from leadjournal.errors import BadInput, NotFound
from leadjournal.exercises import parse_answer
from leadjournal.models import Commitment, ExerciseAssessment, ExerciseRun
from leadjournal.prompts import Exercise, ExerciseStep, Library
from leadjournal.store import Store


@dataclass(frozen=True)
class Earlier:
    """One earlier answer to an assessment question: in the run, or a later week's."""

    week: str
    answer: str | None


@dataclass(frozen=True)
class Question:
    """An assessment question with every earlier answer, oldest first; ``now``
    is this week's answer when one was given already (a resumed review)."""

    step: ExerciseStep
    position: int
    earlier: list[Earlier]
    now: str | None = None


@dataclass(frozen=True)
class Decided:
    """What the leader decided in the run, step by step, as they wrote it."""

    question: str
    answer: str
    role: str


@dataclass(frozen=True)
class DueAssessment:
    """An exercise's commitment come due in a week's review."""

    commitment: Commitment
    exercise: Exercise
    run: ExerciseRun
    week: str
    decided: list[Decided] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)

    @property
    def attempt(self) -> int:
        """1 the first time it comes due, 2 after a second try was set, …"""
        return 1 + sum(1 for f in self.commitment.follow_ups if f.week < self.week)


class Assessments:
    def __init__(self, store: Store, clock: Clock, library: Library) -> None:
        self.store = store
        self.clock = clock
        self.packs = library

    def for_commitment(self, commitment: Commitment, week: str) -> DueAssessment | None:
        """The assessment of an exercise's commitment in ``week``'s review, or None
        when it is not an exercise's (or its exercise is no longer in the packs)."""
        if commitment.source != "exercise":
            return None
        try:
            run = self.store.get_exercise_run(commitment.id)
        except NotFound:
            return None
        exercise = self.packs.exercises.get(run.exercise_id)
        if exercise is None:
            return None
        given = {a.step_id: a.answer for a in run.answers if a.answer}
        decided = [
            Decided(question=step.question, answer=given[step.id], role=step.role or "")
            for step in exercise.steps
            if step.role in ("action", "criteria") and step.id in given
        ]
        if not decided and commitment.text:
            decided = [Decided(messages.ASSESS_COMMITTED, commitment.text, "action")]
        later = self.store.assessments(run.id)
        questions = []
        for position, step in enumerate(exercise.steps, start=1):
            if not step.assess:
                continue
            earlier = [Earlier(run.week, given.get(step.id))]
            earlier += [
                Earlier(a.week, a.answer) for a in later if a.step_id == step.id and a.week < week
            ]
            now = next((a.answer for a in later if a.step_id == step.id and a.week == week), None)
            questions.append(Question(step=step, position=position, earlier=earlier, now=now))
        return DueAssessment(
            commitment=commitment,
            exercise=exercise,
            run=run,
            week=week,
            decided=decided,
            questions=questions,
        )

    def answer(self, due: DueAssessment, question: Question, raw: str) -> str | None:
        """Validate and save one assessment answer at once; blank skips it."""
        value = None if not raw.strip() else parse_answer(question.step, raw, self._today())
        with self.store.transaction():
            self.store.save_assessment(
                ExerciseAssessment(
                    run_id=due.run.id,
                    week=due.week,
                    step_id=question.step.id,
                    position=question.position,
                    answer=value,
                    answered_at=stamp(self.clock).utc,
                )
            )
        return value

    def try_again(self, due: DueAssessment, raw: str) -> str:
        """A second try: the commitment is open again and due in the week of the
        new date (at least the week after this review). Returns that week."""
        from leadjournal import dates

        today = self._today()
        try:
            day: date | None = weeks.parse_day(raw, today)
        except BadInput:
            day = dates.read_date(raw, today)
        if day is None:
            raise BadInput(
                messages.EXERCISE_BAD_DATE.format(value=raw.strip()), messages.EXERCISE_DATE_HINT
            )
        if day < today:
            raise BadInput(
                messages.EXERCISE_DATE_PAST.format(value=raw.strip(), day=day.isoformat()),
                messages.EXERCISE_DATE_HINT,
            )
        due_week = max(weeks.week_of(day), weeks.shift(due.week, 1))
        with self.store.transaction():
            self.store.set_commitment_due(due.commitment.id, due_week)
        return due_week

    def history(self, run_id: str) -> list[ExerciseAssessment]:
        return self.store.assessments(run_id)

    def _today(self) -> date:
        return self.clock.now().date()
