"""Running the articles' exercises: step by step, each answer kept as it is given.

An exercise is data (``prompts/*.toml``); a *run* is one time through it,
stored in ``exercise_runs`` with one ``exercise_answers`` row per step passed
(a skipped step is a row with no answer, so a resumed run starts at the first
step not yet reached). A completed run becomes an ordinary entry — kind
``exercise``, a question-and-answer transcript — so it can be read, searched
and exported like anything else, and the follow-up step's answer becomes a
commitment that the next weekly review brings back.

Takes a store, a clock and the prompt library; never prints or reads input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from leadjournal import messages, weeks
from leadjournal.clock import Clock, stamp
from leadjournal.errors import BadInput
from leadjournal.models import (
    Commitment,
    Entry,
    ExerciseAnswer,
    ExerciseRun,
    GoalProgress,
    Model,
)
from leadjournal.prompts import LOW_RATING, Exercise, ExerciseStep, Library
from leadjournal.records import new_entry, new_id, require_size, tags_in
from leadjournal.store import Store

_YES = frozenset({"y", "yes"})
_NO = frozenset({"n", "no"})
# Characters a name may hold besides letters: "Anne-Marie O'Brien", "J. Lee".
_NAME_MARKS = frozenset(" -.'’")
_NAME_MAX = 80
_PLACEHOLDER = re.compile(r"\{([a-z0-9-]+)\}")


# --- answers by step type ------------------------------------------------------


def parse_answer(step: ExerciseStep, raw: str, today: date) -> str:
    """The answer to ``step`` in its stored form, or a BadInput saying what to type.

    Ratings are stored as "1".."9", yes/no as "yes"/"no", a choice as the
    choice's own text (whether typed or picked by number), a date as an ISO
    date, a name and text as typed (trimmed).
    """
    text = raw.strip()
    if not text:
        raise BadInput(messages.EXERCISE_EMPTY_ANSWER, messages.EXERCISE_EMPTY_ANSWER_HINT)
    require_size(text, "answer")
    if step.type == "rating":
        if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 9:
            raise BadInput(
                messages.EXERCISE_BAD_RATING.format(value=raw.strip()),
                messages.EXERCISE_RATING_HINT,
            )
        return str(int(text))
    if step.type == "yes_no":
        word = text.lower()
        if word in _YES:
            return "yes"
        if word in _NO:
            return "no"
        raise BadInput(
            messages.EXERCISE_BAD_YES_NO.format(value=text), messages.EXERCISE_YES_NO_HINT
        )
    if step.type == "choice":
        return _parse_choice(step.choices or (), text)
    if step.type == "person":
        return _parse_person(text)
    if step.type == "date":
        return _parse_date(step, text, today).isoformat()
    return text


def _parse_date(step: ExerciseStep, text: str, today: date) -> date:
    from leadjournal import dates

    try:
        day: date | None = weeks.parse_day(text, today)
    except BadInput:
        day = dates.read_date(text, today)
    if day is None:
        raise BadInput(messages.EXERCISE_BAD_DATE.format(value=text), messages.EXERCISE_DATE_HINT)
    # A date that plans something (a due date, a goal's end) cannot be past.
    if day < today and (step.role == "due" or step.goal == "due"):
        raise BadInput(
            messages.EXERCISE_DATE_PAST.format(value=text, day=day.isoformat()),
            messages.EXERCISE_DATE_HINT,
        )
    return day


def _given(answers: Sequence[ExerciseAnswer]) -> dict[str, str]:
    return {a.step_id: a.answer for a in answers if a.answer}


def commitment_text(exercise: Exercise, answers: Sequence[ExerciseAnswer]) -> str | None:
    """What the leader will do: the action step's answer, else the exercise's
    commitment wording filled from the answers, else the follow-up step's
    text. Never a date or the "when and how to judge" answer on its own."""
    given = _given(answers)
    action = exercise.step_with("action")
    if action is not None:
        return given.get(action.id)
    if exercise.commitment is not None:
        if not given:
            return None
        return _PLACEHOLDER.sub(lambda m: given.get(m.group(1), "…"), exercise.commitment)
    follow_up = exercise.follow_up_step
    if follow_up is None or follow_up.type == "date" or follow_up.role == "criteria":
        return None
    return given.get(follow_up.id)


def due_week(exercise: Exercise, answers: Sequence[ExerciseAnswer], week: str, today: date) -> str:
    """The week the follow-up comes due: the due step's date, else a date the
    leader named in their criteria ("on Friday's retro"), else next week;
    never sooner than next week."""
    from leadjournal import dates

    given = _given(answers)
    day: date | None = None
    due = exercise.step_with("due")
    if due is not None and due.id in given:
        day = date.fromisoformat(given[due.id])
    criteria = exercise.step_with("criteria")
    if day is None and criteria is not None and criteria.id in given:
        day = dates.find_date(given[criteria.id], today)
    soonest = weeks.shift(week, 1)
    if day is None:
        return soonest
    return max(weeks.week_of(day), soonest)


def _parse_choice(choices: Sequence[str], text: str) -> str:
    if text.isascii() and text.isdigit() and 1 <= int(text) <= len(choices):
        return choices[int(text) - 1]
    wanted = " ".join(text.casefold().split())
    exact = [choice for choice in choices if choice.casefold() == wanted]
    if exact:
        return exact[0]
    # A unique beginning is enough: "rel" for "relationships".
    starts = [choice for choice in choices if choice.casefold().startswith(wanted)]
    if len(starts) == 1:
        return starts[0]
    raise BadInput(
        messages.EXERCISE_BAD_CHOICE.format(value=text),
        messages.EXERCISE_CHOICE_HINT.format(count=len(choices), choices="; ".join(choices)),
    )


def _parse_person(text: str) -> str:
    name = " ".join(text.removeprefix("@").split())
    has_letter = any(char.isalpha() for char in name)
    allowed = all(
        char.isalpha() or char in _NAME_MARKS or unicodedata.category(char) == "Mn" for char in name
    )
    if not name or len(name) > _NAME_MAX or not has_letter or not allowed:
        raise BadInput(
            messages.EXERCISE_BAD_PERSON.format(value=text), messages.EXERCISE_PERSON_HINT
        )
    return name


def transcript(exercise: Exercise, answers: Sequence[ExerciseAnswer]) -> str:
    """A completed run as plain questions and answers, readable anywhere."""
    given = {answer.step_id: answer.answer for answer in answers}
    blocks = []
    for step in exercise.steps:
        value = given.get(step.id) or messages.EXERCISE_SKIPPED
        indented = "\n   ".join(value.splitlines())
        blocks.append(f"Q: {step.question}\nA: {indented}")
    return "\n\n".join(blocks)


# --- results -----------------------------------------------------------------------


class _Out(Model):
    pass


class RunProgress(_Out):
    """An unfinished run: what ``exercise list`` and ``show`` say about it."""

    run_id: str
    started_at: str
    date: str
    answered: int
    steps: int


class ExerciseListing(_Out):
    id: str
    title: str
    source: str
    summary: str
    themes: list[str]
    steps: int
    in_progress: RunProgress | None = None


class ExerciseDetail(_Out):
    exercise: Exercise
    in_progress: RunProgress | None = None
    runs: list[ExerciseRun] = []


class CompletedRun(_Out):
    """What finishing a run produced: the run, its entry, its commitment and
    the goals it created (once confirmed)."""

    run: ExerciseRun
    entry: Entry
    commitment: Commitment | None = None
    goals: list[GoalProgress] = []


@dataclass(frozen=True)
class Known:
    """What the journal already knows for a step: said, then confirmed or corrected.

    ``value`` is the answer Enter keeps; ``options`` are numbered to pick from.
    """

    note: str
    value: str | None = None
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answered:
    """One step dealt with: the stored value (None when skipped) and, for a
    low rating on a step that has one, the tip to show."""

    step: ExerciseStep
    value: str | None
    tip: str | None = None


# --- the use-cases -------------------------------------------------------------------


class Exercises:
    def __init__(self, store: Store, clock: Clock, library: Library) -> None:
        self.store = store
        self.clock = clock
        self.packs = library

    def find(self, name: str) -> Exercise:
        return self.packs.find_exercise(name)

    def catalogue(self) -> list[ExerciseListing]:
        unfinished = self.store.in_progress_runs()
        return [
            ExerciseListing(
                id=exercise.id,
                title=exercise.title,
                source=exercise.source,
                summary=exercise.summary,
                themes=list(exercise.themes),
                steps=len(exercise.steps),
                in_progress=_progress(exercise, unfinished.get(exercise.id)),
            )
            for _, exercise in sorted(self.packs.exercises.items())
        ]

    def detail(self, name: str) -> ExerciseDetail:
        exercise = self.find(name)
        return ExerciseDetail(
            exercise=exercise,
            in_progress=_progress(exercise, self.in_progress(exercise)),
            runs=self.store.completed_exercise_runs(exercise.id),
        )

    def in_progress(self, exercise: Exercise) -> ExerciseRun | None:
        return self.store.in_progress_runs().get(exercise.id)

    def start(self, exercise: Exercise) -> ExerciseRun:
        run = self._new_run(exercise)
        with self.store.transaction():
            self.store.create_exercise_run(run)
        return run

    def discard(self, run: ExerciseRun) -> None:
        """Drop an unfinished run the leader chose not to resume."""
        with self.store.transaction():
            self.store.delete_exercise_run(run.id)

    def pending(self, exercise: Exercise, run: ExerciseRun) -> list[tuple[int, ExerciseStep]]:
        """The steps not yet answered or skipped, with their 1-based numbers."""
        passed = {answer.step_id for answer in run.answers}
        return [
            (number, step)
            for number, step in enumerate(exercise.steps, start=1)
            if step.id not in passed
        ]

    def known(self, step: ExerciseStep) -> Known | None:
        """What the journal knows for a step that asks for it (``prefill``)."""
        if step.prefill == "lean":
            return self._known_lean(step)
        if step.prefill == "goals":
            kind = step.goal if step.goal in ("performance", "development") else None
            # Only goals free to pair: one already paired cannot take another.
            goals = [
                g.goal.title
                for g in self._goal_summaries()
                if (kind is None or g.goal.kind == kind) and g.goal.pair_id is None
            ]
            if not goals:
                return None
            return Known(messages.KNOWN_GOALS.format(kind=kind or ""), options=tuple(goals))
        if step.prefill == "commitments":
            texts = tuple(c.text for c in self.store.commitments("open"))
            return Known(messages.KNOWN_COMMITMENTS, options=texts) if texts else None
        return None

    @staticmethod
    def pick_known(known: Known | None, raw: str) -> str:
        """A typed number picks one of the known options; anything else is the answer."""
        text = raw.strip()
        picked = known is not None and text.isascii() and text.isdigit()
        if known is not None and picked and 1 <= int(text) <= len(known.options):
            return known.options[int(text) - 1]
        return raw

    def _known_lean(self, step: ExerciseStep) -> Known | None:
        from leadjournal import insights, trendbook

        rated = trendbook.rated_weeks(self.store, weeks.week_of(self._today()))
        if not rated:
            return None
        verdict = insights.imbalance(rated)
        if verdict.toward is None:
            return Known(messages.KNOWN_BALANCED)
        value = next((c for c in step.choices or () if verdict.toward in c), None)
        note = messages.KNOWN_LEAN.format(
            toward=verdict.toward,
            weeks=verdict.weeks,
            window=min(len(rated), insights.LASTING_WINDOW),
            state=verdict.state,
        )
        return Known(note, value=value)

    def _goal_summaries(self) -> list[GoalProgress]:
        from leadjournal.goalbook import GoalBook

        return GoalBook(self.store, self.clock).summaries("open")

    def answer(self, exercise: Exercise, run: ExerciseRun, step_id: str, raw: str) -> Answered:
        """Validate and save one step's answer at once; blank skips the step."""
        position, step = self._step(exercise, step_id)
        value = None if not raw.strip() else parse_answer(step, raw, self._today())
        with self.store.transaction():
            self._save(run.id, position, step, value)
        return Answered(step=step, value=value, tip=_tip(step, value))

    def complete(self, exercise: Exercise, run: ExerciseRun) -> CompletedRun:
        """Finish a run: mark it complete, write its entry and any commitment."""
        with self.store.transaction():
            return self._finish(exercise, run.id)

    def run_with_answers(self, exercise: Exercise, given: Mapping[str, str]) -> CompletedRun:
        """A whole run from ``STEP=VALUE`` answers, for scripts.

        Every answer is checked first and the run is written in one
        transaction, so a bad answer leaves nothing behind. Steps not named
        are skipped.
        """
        steps = {step.id: step for step in exercise.steps}
        today = self._today()
        values: dict[str, str | None] = {}
        for step_id, raw in given.items():
            if step_id not in steps:
                raise BadInput(
                    messages.EXERCISE_UNKNOWN_STEP.format(exercise=exercise.id, step=step_id),
                    messages.EXERCISE_STEPS_HINT.format(steps=", ".join(steps)),
                )
            try:
                values[step_id] = parse_answer(steps[step_id], raw, today)
            except BadInput as error:
                raise BadInput(
                    messages.EXERCISE_STEP_PROBLEM.format(step=step_id, message=error.message),
                    error.hint,
                ) from None
        run = self._new_run(exercise)
        with self.store.transaction():
            self.store.create_exercise_run(run)
            for position, step in enumerate(exercise.steps, start=1):
                self._save(run.id, position, step, values.get(step.id))
            return self._finish(exercise, run.id)

    # -- inside a transaction ---------------------------------------------------

    def _save(self, run_id: str, position: int, step: ExerciseStep, value: str | None) -> None:
        answer = ExerciseAnswer(
            step_id=step.id, position=position, answer=value, answered_at=stamp(self.clock).utc
        )
        self.store.save_exercise_answer(run_id, answer)

    def _finish(self, exercise: Exercise, run_id: str) -> CompletedRun:
        now = stamp(self.clock)
        self.store.complete_exercise_run(run_id, now.utc)
        run = self.store.get_exercise_run(run_id)
        body = transcript(exercise, run.answers)
        answered_text = "\n".join(a.answer for a in run.answers if a.answer)
        # The entry and the commitment take the run's id: one id names all three.
        entry = new_entry(
            "exercise",
            body,
            now,
            tags=tags_in(answered_text),
            entry_id=run.id,
            title=exercise.title,
            prompt_id=exercise.id,
        )
        self.store.insert_entry(entry)
        commitment = None
        promised = commitment_text(exercise, run.answers)
        if promised:
            commitment = Commitment(
                id=run.id,
                text=promised,
                status="open",
                week=now.week,
                due_week=due_week(exercise, run.answers, now.week, self._today()),
                source="exercise",
                created_at=now.utc,
            )
            self.store.insert_commitment(commitment)
        return CompletedRun(run=run, entry=entry, commitment=commitment)

    # -- helpers ---------------------------------------------------------------

    def _new_run(self, exercise: Exercise) -> ExerciseRun:
        now = stamp(self.clock)
        return ExerciseRun(
            id=new_id(),
            exercise_id=exercise.id,
            status="in_progress",
            started_at=now.utc,
            updated_at=now.utc,
            date=now.date,
            week=now.week,
        )

    def _step(self, exercise: Exercise, step_id: str) -> tuple[int, ExerciseStep]:
        for position, step in enumerate(exercise.steps, start=1):
            if step.id == step_id:
                return position, step
        raise BadInput(
            messages.EXERCISE_UNKNOWN_STEP.format(exercise=exercise.id, step=step_id),
            messages.EXERCISE_STEPS_HINT.format(steps=", ".join(s.id for s in exercise.steps)),
        )

    def _today(self) -> date:
        return self.clock.now().date()


def _tip(step: ExerciseStep, value: str | None) -> str | None:
    if step.type == "rating" and step.tip and value is not None and int(value) <= LOW_RATING:
        return step.tip
    return None


def _progress(exercise: Exercise, run: ExerciseRun | None) -> RunProgress | None:
    if run is None:
        return None
    steps = {step.id for step in exercise.steps}
    return RunProgress(
        run_id=run.id,
        started_at=run.started_at,
        date=run.date,
        answered=sum(1 for answer in run.answers if answer.step_id in steps),
        steps=len(exercise.steps),
    )
