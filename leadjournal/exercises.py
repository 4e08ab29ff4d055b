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

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from leadjournal import messages, weeks
from leadjournal.clock import Clock, stamp
from leadjournal.errors import BadInput
from leadjournal.models import Commitment, Entry, ExerciseAnswer, ExerciseRun, Model
from leadjournal.prompts import LOW_RATING, Exercise, ExerciseStep, Library
from leadjournal.records import new_entry, new_id, require_size, tags_in
from leadjournal.store import Store

_YES = frozenset({"y", "yes"})
_NO = frozenset({"n", "no"})
# Characters a name may hold besides letters: "Anne-Marie O'Brien", "J. Lee".
_NAME_MARKS = frozenset(" -.'’")
_NAME_MAX = 80


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
        try:
            return weeks.parse_day(text, today).isoformat()
        except BadInput:
            raise BadInput(
                messages.EXERCISE_BAD_DATE.format(value=text), messages.EXERCISE_DATE_HINT
            ) from None
    return text


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
    """What finishing a run produced: the run, its entry and its commitment."""

    run: ExerciseRun
    entry: Entry
    commitment: Commitment | None = None


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
        follow_up = exercise.follow_up_step
        promised = next(
            (a.answer for a in run.answers if follow_up and a.step_id == follow_up.id), None
        )
        if promised:
            commitment = Commitment(
                id=run.id,
                text=promised,
                status="open",
                week=now.week,
                due_week=weeks.shift(now.week, 1),
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
