"""Importing: our own JSON export, and jrnl's JSON export.

The file is read a row at a time (``jsonstream``), and each row is validated
with pydantic (strictly: unknown fields, ids that are not the journal's own
UUIDs, ``true`` for a number are errors) and written as it is read, all inside
one transaction, so memory stays flat and an invalid or truncated file, or a
kill half-way, imports nothing. Rows are matched
by id: importing the same file twice changes nothing, and two machines'
exports merge without duplicates. A dry run does the same work and rolls it
back, so its report is exactly what a real import would do.
"""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, tzinfo
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from leadjournal import messages, weeks
from leadjournal.errors import BadInput
from leadjournal.export import FORMAT_NAME, FORMAT_VERSION, HEADER_KEYS, TABLES
from leadjournal.goals import VALUE_LIMIT
from leadjournal.journal import Journal
from leadjournal.jsonstream import CHUNK, ObjectReader, StreamError
from leadjournal.mentions import Known, at_names_of, names_of
from leadjournal.models import (
    REVIEW_STEPS,
    CheckIn,
    Commitment,
    Entry,
    ExerciseAnswer,
    ExerciseRun,
    FollowUp,
    Goal,
    GoalMeasure,
    LinkChoice,
    Model,
    Person,
    PersonLink,
    PersonNote,
    Review,
    RunAssessment,
)
from leadjournal.records import dimension_problem, oversize
from leadjournal.store import DB, Store

Source = Literal["leadjournal", "jrnl"]
SOURCES: tuple[Source, ...] = ("leadjournal", "jrnl")

# jrnl entries have no id: theirs is derived from their content under this
# namespace, so importing the same jrnl export again finds the same rows.
JRNL_NAMESPACE = uuid.UUID("6f1c7a52-3d0e-4b8e-9a61-0c2f4d7e5b13")
MAX_PROBLEMS = 5
# The most text one row of a file may take (an entry is at most 256 KiB, but
# JSON may write each character as six); past this the file is refused.
MAX_ROW_CHARS = 16 * 1024 * 1024
# The largest file import reads: a 100,000-entry jrnl export is about 65 MB.
MAX_IMPORT_BYTES = 512 * 1024 * 1024
_TAG_RE = re.compile(r"\w[\w-]*")


class ImportReport(BaseModel):
    """What an import added, found already there, or updated, per table."""

    model_config = ConfigDict(extra="forbid")

    source: Source
    dry_run: bool
    added: dict[str, int] = Field(default_factory=dict)
    unchanged: dict[str, int] = Field(default_factory=dict)
    updated: dict[str, int] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(self.added.values()) or any(self.updated.values())


# ---------------------------------------------------------------- validation


def _week(value: str) -> str:
    try:
        canonical = weeks.parse_week(value)
    except BadInput as error:
        raise ValueError(error.message) from None
    if canonical != value:
        raise ValueError(f"week '{value}' is not written as {canonical}")
    return value


def _week_of_day(value: str, info: ValidationInfo) -> str:
    """A week that is the ISO week of the row's ``date`` (checked just before it)."""
    _week(value)
    day = info.data.get("date")
    if isinstance(day, str):
        expected = weeks.week_of(date.fromisoformat(day))
        if value != expected:
            raise ValueError(f"week {value} is not the week of its date {day} ({expected})")
    return value


def _rating(value: int | None) -> int | None:
    if value is not None and not 1 <= value <= 9:
        raise ValueError(f"rating {value} is outside 1–9")
    return value


def _id(value: str) -> str:
    """An id as the journal makes them: a UUID in canonical lower-case text."""
    ok = len(value) == 36
    if ok:
        try:
            ok = str(uuid.UUID(value)) == value
        except ValueError:
            ok = False
    if not ok:
        shown = value if len(value) <= 40 else value[:40] + "…"
        raise ValueError(f"{shown!r} is not an id (a lower-case UUID, as the journal writes)")
    return value


def _optional_id(value: str | None) -> str | None:
    return None if value is None else _id(value)


def _sized(value: str | None) -> str | None:
    if value is not None:
        problem = oversize(value)
        if problem is not None:
            raise ValueError(f"{problem}; {messages.IMPORT_SPLIT}")
    return value


def _text(value: str) -> str:
    if not value.strip():
        raise ValueError("text is empty")
    _sized(value)
    return value


def _day(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        canonical = date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"'{value}' is not a date (YYYY-MM-DD)") from None
    if canonical != value:
        raise ValueError(f"date '{value}' is not written as {canonical}")
    return value


def _not_a_bool(value: object) -> object:
    # true/false would pass as 1 and 0: a number must be written as one.
    if isinstance(value, bool):
        raise ValueError(f"{str(value).lower()} is not a number")
    return value


# Imported rows are read strictly: true is not 1, "7" is not 7.
_STRICT = ConfigDict(strict=True)


class ImportedReview(Review):
    model_config = _STRICT
    _plain_numbers = field_validator("results", "relationships", mode="before")(_not_a_bool)
    _ids = field_validator("id")(_id)
    _texts = field_validator("win", "win_by")(_sized)

    @field_validator("week")
    @classmethod
    def _week(cls, value: str) -> str:
        return _week(value)

    @field_validator("results", "relationships")
    @classmethod
    def _ratings(cls, value: int | None) -> int | None:
        return _rating(value)

    @field_validator("extra")
    @classmethod
    def _extra(cls, value: dict[str, int]) -> dict[str, int]:
        for name, rating in value.items():
            problem = dimension_problem(name)
            if problem is not None:
                raise ValueError(problem)
            _rating(rating)
        return value

    @field_validator("steps_done")
    @classmethod
    def _steps(cls, value: list[str]) -> list[str]:
        for step in value:
            if step not in REVIEW_STEPS:
                raise ValueError(
                    f"{step[:40]!r} is not a step of the review ({', '.join(REVIEW_STEPS)})"
                )
        if len(set(value)) != len(value):
            raise ValueError("a step is listed twice")
        return value

    @model_validator(mode="after")
    def _complete_has_ratings(self) -> ImportedReview:
        # A leader may skip the ratings in the review itself (the ratings
        # step is then done, without them); a complete review that never
        # passed that step is not one the journal writes.
        unrated = self.results is None or self.relationships is None
        if self.status == "complete" and unrated and "ratings" not in self.steps_done:
            raise ValueError(
                "a complete review needs its results and relationships ratings "
                "(or 'ratings' in steps_done, when they were skipped)"
            )
        return self


class ImportedEntry(Entry):
    model_config = _STRICT
    _ids = field_validator("id")(_id)
    _links = field_validator("review_id")(_optional_id)
    _title = field_validator("title")(_sized)
    _date = field_validator("date")(_day)
    _week = field_validator("week")(_week_of_day)

    @field_validator("body")
    @classmethod
    def _body(cls, value: str) -> str:
        return _text(value)

    @field_validator("tags")
    @classmethod
    def _tags(cls, value: list[str]) -> list[str]:
        for tag in value:
            if not _TAG_RE.fullmatch(tag):
                raise ValueError(f"'{tag}' is not a tag")
        return value


class ImportedFollowUp(FollowUp):
    model_config = _STRICT
    _ids = field_validator("id", "commitment_id")(_id)
    _note = field_validator("note")(_sized)

    @field_validator("week")
    @classmethod
    def _week(cls, value: str) -> str:
        return _week(value)


class ImportedCommitment(Commitment):
    model_config = _STRICT
    follow_ups: list[ImportedFollowUp] = Field(default_factory=list)  # type: ignore[assignment]
    _ids = field_validator("id")(_id)
    _links = field_validator("review_id")(_optional_id)
    _note = field_validator("outcome_note")(_sized)

    @field_validator("week", "due_week")
    @classmethod
    def _week(cls, value: str) -> str:
        return _week(value)

    @field_validator("text")
    @classmethod
    def _body(cls, value: str) -> str:
        return _text(value)

    @model_validator(mode="after")
    def _one_follow_up_a_week(self) -> ImportedCommitment:
        _no_repeats([f.id for f in self.follow_ups], "follow_ups", "id")
        _no_repeats([f.week for f in self.follow_ups], "follow_ups", "week")
        return self


class ImportedExerciseAnswer(ExerciseAnswer):
    model_config = _STRICT
    _answer = field_validator("answer")(_sized)


class ImportedRunAssessment(RunAssessment):
    model_config = _STRICT
    _answer = field_validator("answer")(_sized)
    _week = field_validator("week")(_week)


class ImportedExerciseRun(ExerciseRun):
    model_config = _STRICT
    answers: list[ImportedExerciseAnswer] = Field(default_factory=list)  # type: ignore[assignment]
    assessments: list[ImportedRunAssessment] = Field(default_factory=list)  # type: ignore[assignment]
    _ids = field_validator("id")(_id)
    _date = field_validator("date")(_day)
    _week = field_validator("week")(_week_of_day)

    @model_validator(mode="after")
    def _one_answer_a_step(self) -> ImportedExerciseRun:
        _no_repeats([a.step_id for a in self.answers], "answers", "step_id")
        return self


def _no_repeats(values: list[str], where: str, what: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{where}: two have the {what} {value[:40]!r}")
        seen.add(value)


def _number(value: float | None) -> float | None:
    # JSON from elsewhere may say NaN or Infinity; the journal holds finite
    # numbers of a sensible size only.
    if value is not None and not (math.isfinite(value) and abs(value) <= VALUE_LIMIT):
        raise ValueError(f"{value} is not a finite number within ±{VALUE_LIMIT:g}")
    return value


class ImportedGoalMeasure(GoalMeasure):
    model_config = _STRICT
    _plain_numbers = field_validator("baseline", "target", mode="before")(_not_a_bool)
    _ids = field_validator("id", "goal_id")(_id)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return _text(value)

    @field_validator("baseline", "target")
    @classmethod
    def _numbers(cls, value: float | None) -> float | None:
        return _number(value)


class ImportedCheckIn(CheckIn):
    model_config = _STRICT
    _plain_number = field_validator("value", mode="before")(_not_a_bool)
    _ids = field_validator("id", "goal_id", "measure_id")(_id)
    _links = field_validator("review_id")(_optional_id)
    _note = field_validator("note")(_sized)
    _week = field_validator("week")(_week_of_day)

    @field_validator("value")
    @classmethod
    def _value(cls, value: float) -> float:
        _number(value)
        return value

    @field_validator("date")
    @classmethod
    def _date(cls, value: str) -> str:
        _day(value)
        return value


class ImportedGoal(Goal):
    # Kind, level, cadence and status are checked by the model's own literals.
    model_config = _STRICT
    measures: list[ImportedGoalMeasure] = Field(default_factory=list)  # type: ignore[assignment]
    checkins: list[ImportedCheckIn] = Field(default_factory=list)  # type: ignore[assignment]
    _ids = field_validator("id")(_id)
    _links = field_validator("pair_id")(_optional_id)
    _texts = field_validator("achievable", "relevant", "outcome_note")(_sized)
    _week = field_validator("week")(_week_of_day)

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        return _text(value)

    @field_validator("start_date", "date")
    @classmethod
    def _dates(cls, value: str) -> str:
        _day(value)
        return value

    @field_validator("due_date", "closed_date")
    @classmethod
    def _optional_dates(cls, value: str | None) -> str | None:
        return _day(value)

    @model_validator(mode="after")
    def _consistent(self) -> ImportedGoal:
        if self.due_date is not None and self.due_date < self.start_date:
            raise ValueError(f"due date {self.due_date} is before start date {self.start_date}")
        if self.pair_id == self.id:
            raise ValueError("the goal is paired with itself")
        names: set[str] = set()
        for measure in self.measures:
            if measure.goal_id != self.id:
                raise ValueError(f"measure '{measure.name}' belongs to another goal")
            if measure.name.lower() in names:
                raise ValueError(f"two measures are named '{measure.name}'")
            names.add(measure.name.lower())
        if sum(1 for m in self.measures if m.kind == "lagging") > 1:
            raise ValueError("more than one lagging measure (a goal has one result)")
        by_id = {m.id: m.name for m in self.measures}
        for checkin in self.checkins:
            if checkin.goal_id != self.id:
                raise ValueError(f"check-in {checkin.id} belongs to another goal")
            if checkin.measure_id not in by_id:
                raise ValueError(f"check-in {checkin.id} is of a measure the goal does not have")
            if checkin.measure != by_id[checkin.measure_id]:
                raise ValueError(
                    f"check-in {checkin.id} names measure '{checkin.measure}', "
                    f"not '{by_id[checkin.measure_id]}'"
                )
        return self


_HANDLE_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,39}")


class ImportedPersonNote(PersonNote):
    model_config = _STRICT
    _ids = field_validator("id", "person_id")(_id)
    _date = field_validator("date")(_day)
    _week = field_validator("week")(_week_of_day)

    @field_validator("body")
    @classmethod
    def _body(cls, value: str) -> str:
        return _text(value)


class ImportedPersonLink(PersonLink):
    model_config = _STRICT
    _ids = field_validator("person_id", "item_id")(_id)
    _date = field_validator("date")(_day)
    _week = field_validator("week")(_week_of_day)


class ImportedLinkChoice(LinkChoice):
    model_config = _STRICT
    _ids = field_validator("item_id")(_id)
    _person = field_validator("person_id")(_optional_id)


class ImportedPerson(Person):
    model_config = _STRICT
    notes: list[ImportedPersonNote] = Field(default_factory=list)  # type: ignore[assignment]
    links: list[ImportedPersonLink] = Field(default_factory=list)  # type: ignore[assignment]
    choices: list[ImportedLinkChoice] = Field(default_factory=list)  # type: ignore[assignment]
    _ids = field_validator("id")(_id)
    _note = field_validator("note")(_sized)
    _date = field_validator("date")(_day)
    _week = field_validator("week")(_week_of_day)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if len(value) > 120:
            raise ValueError("a name is at most 120 characters")
        return _text(value)

    @field_validator("handle")
    @classmethod
    def _handle(cls, value: str) -> str:
        if not _HANDLE_RE.fullmatch(value):
            raise ValueError(f"{value[:40]!r} is not a handle (lower-case letters, digits, .-_)")
        return value

    @field_validator("aliases")
    @classmethod
    def _aliases(cls, value: list[str]) -> list[str]:
        for alias in value:
            if not alias.strip() or alias != alias.lower() or len(alias) > 120:
                raise ValueError(f"{alias[:40]!r} is not an alias (lower case, 1–120 characters)")
        _no_repeats(value, "aliases", "name")
        return value

    @model_validator(mode="after")
    def _their_own(self) -> ImportedPerson:
        for note in self.notes:
            if note.person_id != self.id:
                raise ValueError(f"note {note.id} is about another person")
        for link in self.links:
            if link.person_id != self.id:
                raise ValueError(f"a link to {link.item_id} is another person's")
        for choice in self.choices:
            if choice.person_id != self.id:
                raise ValueError(f"a choice for {choice.item_id} is another person's")
        return self


# Stricter twins of the export models, by table name.
IMPORT_MODELS: dict[str, type[Model]] = {
    "reviews": ImportedReview,
    "entries": ImportedEntry,
    "commitments": ImportedCommitment,
    "exercise_runs": ImportedExerciseRun,
    "goals": ImportedGoal,
    "people": ImportedPerson,
}


class JrnlEntry(BaseModel):
    """One entry of jrnl's JSON export (``jrnl --format json``)."""

    model_config = ConfigDict(extra="forbid")

    title: str
    body: str
    date: date
    time: time
    tags: list[str] = []
    starred: bool = False
    uuid: str | None = None
    # Day One journals carry where an entry was written; accepted, not kept.
    creator: dict[str, Any] | None = None


class _JrnlTags(BaseModel):
    """The tag counts beside jrnl's entries: checked, not kept."""

    model_config = ConfigDict(extra="forbid", strict=True)

    tags: dict[str, int] = {}


def _where(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the file"


def _problems(error: ValidationError, prefix: str = "") -> str:
    lines = []
    for item in error.errors()[:MAX_PROBLEMS]:
        where = _where((prefix, *item["loc"]) if prefix else tuple(item["loc"]))
        lines.append(f"{where}: {item['msg']}")
    more = error.error_count() - MAX_PROBLEMS
    if more > 0:
        lines.append(f"and {more} more")
    return "; ".join(lines)


def _invalid(name: str, where: str, problem: str) -> BadInput:
    return BadInput(
        messages.IMPORT_INVALID.format(name=name, problems=f"{where}: {problem}"),
        messages.IMPORT_NOTHING_HINT,
    )


def _row(model: type[Any], raw: Any, where: str, name: str, hint: str) -> Any:
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        raise BadInput(
            messages.IMPORT_INVALID.format(name=name, problems=_problems(error, where)), hint
        ) from None


def _check_pairs(goals: list[Goal], name: str) -> None:
    """A pair in the file is written on both goals, and joins two kinds of goal.
    (A partner not in the file must be in the journal: checked on import.)"""
    by_id = {row.id: row for row in goals}
    for index, row in enumerate(goals):
        partner = by_id.get(row.pair_id) if row.pair_id is not None else None
        if partner is None:
            continue
        where = f"goals[{index}].pair_id"
        if partner.pair_id != row.id:
            raise _invalid(name, where, f"goal {partner.id} is not paired back with this goal")
        if partner.kind == row.kind:
            raise _invalid(name, where, f"both goals of the pair are {row.kind} goals")


# Files that are plainly not JSON: said as such, with the formats import reads,
# rather than as JSON gone wrong.
NOT_JSON_SUFFIXES = (".md", ".markdown", ".txt", ".csv", ".html", ".htm", ".db", ".sqlite")


def _stream_error(error: StreamError, name: str, hint: str) -> BadInput:
    where = {"line": error.line, "column": error.column}
    shapeless = error.kind in ("truncated", "not_object", "not_json")
    empty = error.kind == "truncated" and (error.line, error.column) == (1, 1)
    if shapeless and (empty or name.lower().endswith(NOT_JSON_SUFFIXES)):
        message = messages.IMPORT_EMPTY if empty else messages.IMPORT_NOT_AN_EXPORT
        return BadInput(message.format(name=name), messages.IMPORT_FORMATS_HINT)
    if error.kind == "truncated":
        message = messages.IMPORT_TRUNCATED.format(name=name, **where)
    elif error.kind == "not_utf8":
        return BadInput(messages.IMPORT_NOT_UTF8.format(name=name), messages.IMPORT_FILE_HINT)
    elif error.kind == "not_object":
        message = messages.IMPORT_NOT_OBJECT.format(name=name)
    elif error.kind == "too_deep":
        message = messages.IMPORT_TOO_DEEP.format(name=name, **where)
    elif error.kind == "too_large":
        message = messages.IMPORT_ROW_TOO_LARGE.format(
            name=name, limit=f"{MAX_ROW_CHARS // (1024 * 1024)} MiB", **where
        )
    elif error.kind == "duplicate_key":
        message = messages.IMPORT_DUPLICATE_KEY.format(name=name, key=error.reason[:40])
    else:
        message = messages.IMPORT_NOT_JSON.format(name=name, reason=error.reason, **where)
    return BadInput(message, hint)


# ---------------------------------------------------------------- applying


@dataclass
class _Run:
    store: Store
    report: ImportReport
    name: str
    # An imported review whose week this journal has already reviewed is not
    # added; what pointed at it is pointed at the journal's own review instead.
    review_ids: dict[str, str] = field(default_factory=dict)
    # Goal pairs found in the file, linked once every goal is in: a goal may
    # come before its partner.
    pairs: list[tuple[str, str]] = field(default_factory=list)
    # Goals already in the journal that the file changed (so linking a pair
    # later counts each of them as updated once).
    updated_goals: set[str] = field(default_factory=set)
    seen_goals: set[str] = field(default_factory=set)
    # Ids (and reviewed weeks) met so far in the file, by table: a file names each once.
    in_file: dict[str, set[str]] = field(default_factory=dict)

    def added(self, table: str) -> None:
        self.report.added[table] = self.report.added.get(table, 0) + 1

    def unchanged(self, table: str, by: int = 1) -> None:
        self.report.unchanged[table] = self.report.unchanged.get(table, 0) + by

    def goal_was_unchanged(self, goal_id: str) -> bool:
        """A goal of the file that was already here, as it was (until its pair is linked)."""
        return goal_id in self.seen_goals and goal_id not in self.updated_goals

    def updated(self, table: str) -> None:
        self.report.updated[table] = self.report.updated.get(table, 0) + 1


def _import_review(run: _Run, row: Model) -> None:
    assert isinstance(row, Review)
    store = run.store
    if store.exists("reviews", row.id):
        run.unchanged("reviews")
        return
    existing = store.review_id_for_week(row.week)
    if existing is not None:
        run.review_ids[row.id] = existing
        run.unchanged("reviews")
        run.report.notes.append(messages.IMPORT_WEEK_KEPT.format(week=row.week))
        return
    store.insert_review(row)
    run.added("reviews")


def _review_id(run: _Run, review_id: str | None) -> str | None:
    return None if review_id is None else run.review_ids.get(review_id, review_id)


def _import_entry(run: _Run, row: Model) -> None:
    assert isinstance(row, Entry)
    if run.store.exists("entries", row.id):
        run.unchanged("entries")
        return
    entry = Entry(**{**row.model_dump(), "review_id": _review_id(run, row.review_id)})
    run.store.insert_entry(entry)
    run.added("entries")


def _import_commitment(run: _Run, row: Model) -> None:
    assert isinstance(row, Commitment)
    store = run.store
    if store.exists("commitments", row.id):
        current = store.get_commitment(row.id)
        # Closed on one machine, still open on this one: the outcome wins.
        if current.status == "open" and row.status != "open":
            store.set_commitment_status(row.id, row.status, row.outcome_note, row.closed_at)
            run.updated("commitments")
        else:
            run.unchanged("commitments")
    else:
        review_id = _review_id(run, row.review_id)
        if review_id is not None and row.source == "review":
            taken = store.commitment_for_review(review_id)
            if taken is not None:
                # The week already has its own commitment: keep both, unlinked.
                review_id = None
        data = {**row.model_dump(), "review_id": review_id, "follow_ups": []}
        store.insert_commitment(Commitment(**data))
        run.added("commitments")
    for follow_up in row.follow_ups:
        if store.follow_up_exists(follow_up):
            run.unchanged("follow_ups")
        else:
            store.record_follow_up(FollowUp(**follow_up.model_dump()))
            run.added("follow_ups")


def _import_exercise_run(run: _Run, row: Model) -> None:
    assert isinstance(row, ExerciseRun)
    store = run.store
    if store.exists("exercise_runs", row.id):
        run.unchanged("exercise_runs")
    else:
        store.create_exercise_run(row)
        run.added("exercise_runs")
    for answer in row.answers:
        plain = ExerciseAnswer(**answer.model_dump())
        if store.insert_exercise_answer_if_new(row.id, plain):
            run.added("exercise_answers")
        else:
            run.unchanged("exercise_answers")
    for assessment in row.assessments:
        if store.insert_assessment_if_new(row.id, RunAssessment(**assessment.model_dump())):
            run.added("exercise_assessments")
        else:
            run.unchanged("exercise_assessments")


def _import_goal(run: _Run, row: Model) -> None:
    assert isinstance(row, Goal)
    store = run.store
    existed = store.exists("goals", row.id)
    if existed:
        run.seen_goals.add(row.id)
        current = store.get_goal(row.id)
        # Closed on one machine, still open on this one: the outcome wins.
        if current.status == "open" and row.status != "open":
            store.set_goal_status(
                row.id,
                row.status,
                row.outcome_note,
                row.closed_at or row.updated_at,
                row.closed_date or row.updated_at[:10],
            )
            run.updated("goals")
            run.updated_goals.add(row.id)
        else:
            run.unchanged("goals")
        for position, measure in enumerate(row.measures):
            plain = GoalMeasure(**measure.model_dump())
            if store.insert_goal_measure_if_new(plain, position):
                run.added("goal_measures")
    else:
        measures = [GoalMeasure(**m.model_dump()) for m in row.measures]
        data = {**row.model_dump(), "pair_id": None, "measures": measures, "checkins": []}
        store.insert_goal(Goal(**data))
        run.added("goals")
    for checkin in row.checkins:
        if store.exists("goal_checkins", checkin.id):
            run.unchanged("goal_checkins")
            continue
        data = {**checkin.model_dump(), "review_id": _review_id(run, checkin.review_id)}
        store.insert_checkin(CheckIn(**data), touch_goal=False)
        run.added("goal_checkins")
    if existed:
        store.keep_latest_goal_change(row.id, row.updated_at)
    if row.pair_id is not None:
        run.pairs.append((row.id, row.pair_id))


def _link_pairs(run: _Run, name: str) -> None:
    """Pair goals as the file pairs them, unless this journal has paired them otherwise."""
    store = run.store
    for goal_id, other_id in run.pairs:
        if not store.exists("goals", other_id):
            raise BadInput(
                messages.IMPORT_BROKEN_LINK.format(
                    name=name, detail=f"goal {goal_id} is paired with goal {other_id}"
                ),
                messages.IMPORT_NOTHING_HINT,
            )
        mine, theirs = store.goal_pair_of(goal_id), store.goal_pair_of(other_id)
        if mine == other_id and theirs == goal_id:
            continue
        if mine is not None or theirs is not None:
            run.report.notes.append(
                messages.IMPORT_PAIR_KEPT.format(id=goal_id[:8], other=other_id[:8])
            )
            continue
        if store.goal_kind_of(goal_id) == store.goal_kind_of(other_id):
            raise _invalid(name, f"goal {goal_id}", "its pair is a goal of the same kind")
        store.link_goal_pair(goal_id, other_id)
        for linked in (goal_id, other_id):
            if run.goal_was_unchanged(linked):
                run.unchanged("goals", -1)
                run.updated("goals")
                run.updated_goals.add(linked)


def _import_person(run: _Run, row: Model) -> None:
    """A person by id, with their notes and links; what this journal has is kept."""
    assert isinstance(row, Person)
    store = run.store
    for name in [row.handle, *row.aliases]:
        owner = store.owner_of_name(name)
        if owner is not None and owner != row.id:
            raise _invalid(
                run.name, f"people[{row.handle}]", f"the name {name!r} is someone else's here"
            )
    if store.exists("people", row.id):
        run.unchanged("people")
    else:
        store.insert_person(Person(**{**row.model_dump(), "notes": [], "links": [], "choices": []}))
        run.added("people")
        # What this journal wrote about them is linked too.
        known = Known(id=row.id, name=row.name, handle=row.handle, aliases=tuple(row.aliases))
        store.queue_naming(names_of(known) | at_names_of(known))
    for note in row.notes:
        if store.person_note_exists(note.id):
            run.unchanged("person_notes")
        else:
            store.insert_person_note(PersonNote(**note.model_dump()))
            run.added("person_notes")
    for link in row.links:
        item_id = _review_id(run, link.item_id) if link.item_kind == "win" else link.item_id
        if item_id is None or store.item_text(link.item_kind, item_id) is None:
            continue  # the item is not in this journal
        if store.has_link(row.id, link.item_kind, item_id):
            run.unchanged("person_links")
        else:
            store.put_link(PersonLink(**{**link.model_dump(), "item_id": item_id}))
            run.added("person_links")
    for choice in row.choices:
        store.put_choice(LinkChoice(**choice.model_dump()))


# How each exported table's rows are written back, by table name: one entry
# per table in export.TABLES (a test keeps the two in step).
IMPORTERS: dict[str, Callable[[_Run, Model], None]] = {
    "reviews": _import_review,
    "entries": _import_entry,
    "commitments": _import_commitment,
    "exercise_runs": _import_exercise_run,
    "goals": _import_goal,
    "people": _import_person,
}


class _RollBack(Exception):
    """Raised inside the transaction to undo a dry run."""


@contextmanager
def _writing(store: Store, report: ImportReport, name: str) -> Iterator[None]:
    try:
        with store.transaction():
            yield
            if report.dry_run:
                raise _RollBack
    except _RollBack:
        pass
    except DB.integrity as error:
        raise BadInput(
            messages.IMPORT_BROKEN_LINK.format(name=name, detail=error),
            messages.IMPORT_NOTHING_HINT,
        ) from None


def jrnl_entry(item: JrnlEntry, zone: tzinfo | None) -> Entry:
    """A jrnl entry as a reflection, with an id that depends only on its content."""
    key = f"{item.date}T{item.time}\n{item.title}\n{item.body}"
    if item.uuid:
        key = f"uuid:{item.uuid}"
    moment = datetime.combine(item.date, item.time, tzinfo=zone)
    if zone is None:
        moment = moment.astimezone()
    at = moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    tags: list[str] = []
    for raw in item.tags:
        tag = raw.lstrip("@#").lower()
        if not _TAG_RE.fullmatch(tag):
            raise BadInput(messages.IMPORT_BAD_TAG.format(tag=raw), messages.IMPORT_JRNL_HINT)
        if tag not in tags:
            tags.append(tag)
    title = item.title.strip()
    body = item.body.strip()
    for text in (title, body):
        problem = oversize(text)
        if problem is not None:
            raise BadInput(
                messages.IMPORT_JRNL_TOO_LARGE.format(
                    day=item.date, time=item.time, problem=problem
                ),
                messages.IMPORT_JRNL_SPLIT,
            )
    if not title and not body:
        raise BadInput(
            messages.IMPORT_EMPTY_ENTRY.format(day=item.date, time=item.time),
            messages.IMPORT_JRNL_HINT,
        )
    return Entry(
        id=str(uuid.uuid5(JRNL_NAMESPACE, key)),
        kind="reflection",
        title=title or None,
        # A jrnl entry can be a title alone; ours always has a body.
        body=body or title,
        tags=sorted(tags),
        starred=item.starred,
        created_at=at,
        updated_at=at,
        date=item.date.isoformat(),
        week=weeks.week_of(item.date),
    )


def _once(run: _Run, table: str, key: str, where: str, what: str = "id") -> None:
    """Refuse a second row with the same id (or a second review of a week) in one file."""
    seen = run.in_file.setdefault(table, set())
    if key in seen:
        raise _invalid(run.name, where, f"a second row with the {what} {key[:40]!r} in the file")
    seen.add(key)


def _check_new(run: _Run, table: str, index: int, row: Model) -> None:
    """What no one row can check by itself: ids repeated across the file."""
    where = f"{table}[{index}]"
    if isinstance(row, Review):
        _once(run, table, row.id, f"{where}.id")
        _once(run, "review weeks", row.week, f"{where}.week", "week")
    elif isinstance(row, Commitment):
        _once(run, table, row.id, f"{where}.id")
        for number, follow_up in enumerate(row.follow_ups):
            at = f"{where}.follow_ups[{number}]"
            if follow_up.commitment_id != row.id:
                raise _invalid(run.name, f"{at}.commitment_id", "belongs to another commitment")
            _once(run, "follow_ups", follow_up.id, f"{at}.id")
    elif isinstance(row, Goal):
        _once(run, table, row.id, f"{where}.id")
        for number, measure in enumerate(row.measures):
            _once(run, "goal_measures", measure.id, f"{where}.measures[{number}].id")
        for number, checkin in enumerate(row.checkins):
            _once(run, "goal_checkins", checkin.id, f"{where}.checkins[{number}].id")
    else:
        _once(run, table, str(getattr(row, "id", "")), f"{where}.id")


def _rows(value: Any, table: str, name: str) -> Iterable[Any]:
    if isinstance(value, Iterator):
        return value
    if isinstance(value, list):
        return value
    raise _invalid(name, table, "must be a list")


def _import_ours(run: _Run, reader: ObjectReader) -> None:
    """Each row of our own export validated and written as it is read, in file order."""
    name = run.name
    order = [table.name for table in TABLES]
    header: dict[str, Any] = {}
    done: list[str] = []
    goals: list[Goal] = []
    for key, value in reader.members(order):
        if key in HEADER_KEYS:
            header[key] = value
            _check_header(key, value, name)
            continue
        if "format" not in header:
            hint = messages.IMPORT_TRY_JRNL if key in ("tags", "entries") else None
            raise BadInput(
                messages.IMPORT_NOT_OURS.format(name=name), hint or messages.IMPORT_NOTHING_HINT
            )
        if key not in order:
            raise BadInput(
                messages.IMPORT_UNKNOWN_KEYS.format(name=name, keys=key[:40]),
                messages.IMPORT_TOO_NEW_HINT,
            )
        if "version" not in header:
            raise BadInput(
                messages.IMPORT_NO_VERSION.format(name=name), messages.IMPORT_NOTHING_HINT
            )
        later = [table for table in done if order.index(table) > order.index(key)]
        if later:
            raise BadInput(
                messages.IMPORT_OUT_OF_ORDER.format(
                    name=name, key=key, later=later[0], order=", ".join(order)
                ),
                messages.IMPORT_NOTHING_HINT,
            )
        done.append(key)
        model = IMPORT_MODELS[key]
        for index, raw in enumerate(_rows(value, key, name)):
            row = _row(model, raw, f"{key}[{index}]", name, messages.IMPORT_NOTHING_HINT)
            _check_new(run, key, index, row)
            IMPORTERS[key](run, row)
            if isinstance(row, Goal):
                goals.append(row)
    if "format" not in header:
        raise BadInput(messages.IMPORT_NOT_OURS.format(name=name), messages.IMPORT_NOTHING_HINT)
    if "version" not in header:
        raise BadInput(messages.IMPORT_NO_VERSION.format(name=name), messages.IMPORT_NOTHING_HINT)
    _check_pairs(goals, name)
    _link_pairs(run, name)


def _check_header(key: str, value: Any, name: str) -> None:
    if key == "format" and value != FORMAT_NAME:
        raise BadInput(messages.IMPORT_NOT_OURS.format(name=name), messages.IMPORT_NOTHING_HINT)
    if key == "version":
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise BadInput(
                messages.IMPORT_NO_VERSION.format(name=name), messages.IMPORT_NOTHING_HINT
            )
        if value > FORMAT_VERSION:
            raise BadInput(
                messages.IMPORT_TOO_NEW.format(name=name, version=value),
                messages.IMPORT_TOO_NEW_HINT,
            )


def _import_jrnl(run: _Run, reader: ObjectReader, zone: tzinfo | None) -> None:
    """jrnl's entries validated and written one by one, as they are read."""
    name, hint = run.name, messages.IMPORT_JRNL_HINT
    found = False
    for key, value in reader.members(["entries"]):
        if key == "format" and value == FORMAT_NAME:
            raise BadInput(messages.IMPORT_IS_OURS.format(name=name), messages.IMPORT_IS_OURS_HINT)
        if key == "tags":
            _row(_JrnlTags, {"tags": value}, "", name, hint)
        elif key == "entries":
            found = True
            for index, raw in enumerate(_rows(value, key, name)):
                item = _row(JrnlEntry, raw, f"entries[{index}]", name, hint)
                _import_entry(run, jrnl_entry(item, zone))
        else:
            raise BadInput(
                messages.IMPORT_INVALID.format(
                    name=name, problems=f"{key[:40]}: Extra inputs are not permitted"
                ),
                hint,
            )
    if not found:
        raise BadInput(
            messages.IMPORT_INVALID.format(name=name, problems="entries: Field required"), hint
        )


def import_stream(
    journal: Journal,
    chunks: Iterable[bytes],
    name: str,
    *,
    source: Source,
    dry_run: bool,
    on_read: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import a file read as ``chunks`` of bytes into the journal, row by row.

    Every row is validated and written as it is read, all inside one
    transaction: memory stays flat however large the file, and a bad row, a
    truncated file or a kill anywhere imports nothing. With ``dry_run`` the
    same work is done and rolled back, so the report is what would change.
    """
    report = ImportReport(source=source, dry_run=dry_run)
    run = _Run(journal.store, report, name)
    reader = ObjectReader(chunks, max_item=MAX_ROW_CHARS, on_read=on_read)
    hint = messages.IMPORT_JRNL_HINT if source == "jrnl" else messages.IMPORT_NOTHING_HINT
    try:
        with _writing(journal.store, report, name):
            if source == "jrnl":
                _import_jrnl(run, reader, journal.clock.now().tzinfo)
            else:
                _import_ours(run, reader)
    except StreamError as error:
        raise _stream_error(error, name, hint) from None
    return report


def import_text(
    journal: Journal, text: str, name: str, *, source: Source, dry_run: bool
) -> ImportReport:
    """Import a file's text into the journal (or, with ``dry_run``, say what would change)."""
    data = text.encode("utf-8", "surrogatepass")
    chunks = (data[at : at + CHUNK] for at in range(0, len(data), CHUNK))
    return import_stream(journal, chunks, name, source=source, dry_run=dry_run)
