"""Importing: our own JSON export, and jrnl's JSON export.

Everything read from a file is validated with pydantic (unknown fields are
errors) before a single row is written; then the whole import runs in one
transaction, so an invalid or truncated file imports nothing. Rows are matched
by id: importing the same file twice changes nothing, and two machines'
exports merge without duplicates. A dry run does the same work and rolls it
back, so its report is exactly what a real import would do.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, tzinfo
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)

from leadjournal import messages, weeks
from leadjournal.errors import BadInput
from leadjournal.export import FORMAT_NAME, FORMAT_VERSION, HEADER_KEYS, TABLES
from leadjournal.goals import VALUE_LIMIT
from leadjournal.journal import Journal
from leadjournal.models import (
    CheckIn,
    Commitment,
    Entry,
    ExerciseAnswer,
    ExerciseRun,
    FollowUp,
    Goal,
    GoalMeasure,
    Model,
    Review,
)
from leadjournal.store import Store

Source = Literal["leadjournal", "jrnl"]
SOURCES: tuple[Source, ...] = ("leadjournal", "jrnl")

# jrnl entries have no id: theirs is derived from their content under this
# namespace, so importing the same jrnl export again finds the same rows.
JRNL_NAMESPACE = uuid.UUID("6f1c7a52-3d0e-4b8e-9a61-0c2f4d7e5b13")
MAX_PROBLEMS = 5
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


def _rating(value: int | None) -> int | None:
    if value is not None and not 1 <= value <= 9:
        raise ValueError(f"rating {value} is outside 1–9")
    return value


def _text(value: str) -> str:
    if not value.strip():
        raise ValueError("text is empty")
    return value


class ImportedReview(Review):
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
            if not name:
                raise ValueError("a rating has no dimension name")
            _rating(rating)
        return value


class ImportedEntry(Entry):
    @field_validator("week")
    @classmethod
    def _week(cls, value: str) -> str:
        return _week(value)

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
    @field_validator("week")
    @classmethod
    def _week(cls, value: str) -> str:
        return _week(value)


class ImportedCommitment(Commitment):
    follow_ups: list[ImportedFollowUp] = Field(default_factory=list)  # type: ignore[assignment]

    @field_validator("week", "due_week")
    @classmethod
    def _week(cls, value: str) -> str:
        return _week(value)

    @field_validator("text")
    @classmethod
    def _body(cls, value: str) -> str:
        return _text(value)


class ImportedExerciseRun(ExerciseRun):
    @field_validator("week")
    @classmethod
    def _week(cls, value: str) -> str:
        return _week(value)


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


def _number(value: float | None) -> float | None:
    # JSON from elsewhere may say NaN or Infinity; the journal holds finite
    # numbers of a sensible size only.
    if value is not None and not (math.isfinite(value) and abs(value) <= VALUE_LIMIT):
        raise ValueError(f"{value} is not a finite number within ±{VALUE_LIMIT:g}")
    return value


def _not_a_bool(value: object) -> object:
    # true/false would pass as 1 and 0: a number must be written as one.
    if isinstance(value, bool):
        raise ValueError(f"{str(value).lower()} is not a number")
    return value


class ImportedGoalMeasure(GoalMeasure):
    _plain_numbers = field_validator("baseline", "target", mode="before")(_not_a_bool)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        return _text(value)

    @field_validator("baseline", "target")
    @classmethod
    def _numbers(cls, value: float | None) -> float | None:
        return _number(value)


class ImportedCheckIn(CheckIn):
    _plain_number = field_validator("value", mode="before")(_not_a_bool)

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

    @field_validator("week")
    @classmethod
    def _week(cls, value: str) -> str:
        return _week(value)


class ImportedGoal(Goal):
    # Kind, level, cadence and status are checked by the model's own literals.
    measures: list[ImportedGoalMeasure] = Field(default_factory=list)  # type: ignore[assignment]
    checkins: list[ImportedCheckIn] = Field(default_factory=list)  # type: ignore[assignment]

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

    @field_validator("week")
    @classmethod
    def _week(cls, value: str) -> str:
        return _week(value)

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


# Stricter twins of the export models, by table name.
IMPORT_MODELS: dict[str, type[Model]] = {
    "reviews": ImportedReview,
    "entries": ImportedEntry,
    "commitments": ImportedCommitment,
    "exercise_runs": ImportedExerciseRun,
    "goals": ImportedGoal,
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


class JrnlExport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    tags: dict[str, int] = {}
    entries: list[JrnlEntry]


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


def parse_json(text: str, name: str) -> Any:
    """The file's JSON, or a BadInput that says where it breaks off."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        # A file cut short fails at its end, inside an unfinished string, or
        # at least no longer ends the way a JSON object or list does.
        truncated = (
            error.pos >= len(text.rstrip())
            or error.msg.startswith("Unterminated")
            or not text.rstrip().endswith(("}", "]"))
        )
        message = messages.IMPORT_TRUNCATED if truncated else messages.IMPORT_NOT_JSON
        raise BadInput(
            message.format(name=name, line=error.lineno, column=error.colno, reason=error.msg),
            messages.IMPORT_NOTHING_HINT,
        ) from None


def validate_export(data: Any, name: str) -> dict[str, list[Model]]:
    """Our own export's tables, every row checked; BadInput naming the bad fields."""
    if not isinstance(data, dict):
        raise BadInput(messages.IMPORT_NOT_OBJECT.format(name=name), messages.IMPORT_NOTHING_HINT)
    if data.get("format") != FORMAT_NAME:
        hint = messages.IMPORT_TRY_JRNL if "entries" in data and "format" not in data else None
        raise BadInput(
            messages.IMPORT_NOT_OURS.format(name=name), hint or messages.IMPORT_NOTHING_HINT
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BadInput(messages.IMPORT_NO_VERSION.format(name=name), messages.IMPORT_NOTHING_HINT)
    if version > FORMAT_VERSION:
        raise BadInput(
            messages.IMPORT_TOO_NEW.format(name=name, version=version),
            messages.IMPORT_TOO_NEW_HINT,
        )
    known = set(HEADER_KEYS) | {table.name for table in TABLES}
    unknown = sorted(set(data) - known)
    if unknown:
        raise BadInput(
            messages.IMPORT_UNKNOWN_KEYS.format(name=name, keys=", ".join(unknown)),
            messages.IMPORT_TOO_NEW_HINT,
        )
    tables: dict[str, list[Model]] = {}
    for table in TABLES:
        model = IMPORT_MODELS[table.name]
        adapter: TypeAdapter[list[Model]] = TypeAdapter(list[model])  # type: ignore[valid-type]
        try:
            tables[table.name] = adapter.validate_python(data.get(table.name, []))
        except ValidationError as error:
            raise BadInput(
                messages.IMPORT_INVALID.format(name=name, problems=_problems(error, table.name)),
                messages.IMPORT_NOTHING_HINT,
            ) from None
    _check_children(tables, name)
    return tables


def _invalid(name: str, where: str, problem: str) -> BadInput:
    return BadInput(
        messages.IMPORT_INVALID.format(name=name, problems=f"{where}: {problem}"),
        messages.IMPORT_NOTHING_HINT,
    )


def _check_children(tables: dict[str, list[Model]], name: str) -> None:
    for index, row in enumerate(tables["commitments"]):
        assert isinstance(row, Commitment)
        if any(f.commitment_id != row.id for f in row.follow_ups):
            raise _invalid(
                name, f"commitments[{index}].follow_ups", "belongs to another commitment"
            )
    _check_pairs(tables["goals"], name)


def _check_pairs(goals: list[Model], name: str) -> None:
    """A pair in the file is written on both goals, and joins two kinds of goal.
    (A partner not in the file must be in the journal: checked on import.)"""
    by_id = {row.id: row for row in goals if isinstance(row, Goal)}
    for index, row in enumerate(goals):
        assert isinstance(row, Goal)
        partner = by_id.get(row.pair_id) if row.pair_id is not None else None
        if partner is None:
            continue
        where = f"goals[{index}].pair_id"
        if partner.pair_id != row.id:
            raise _invalid(name, where, f"goal {partner.id} is not paired back with this goal")
        if partner.kind == row.kind:
            raise _invalid(name, where, f"both goals of the pair are {row.kind} goals")


def validate_jrnl(data: Any, name: str) -> JrnlExport:
    if isinstance(data, dict) and data.get("format") == FORMAT_NAME:
        raise BadInput(messages.IMPORT_IS_OURS.format(name=name), messages.IMPORT_IS_OURS_HINT)
    try:
        return JrnlExport.model_validate(data)
    except ValidationError as error:
        raise BadInput(
            messages.IMPORT_INVALID.format(name=name, problems=_problems(error)),
            messages.IMPORT_JRNL_HINT,
        ) from None


# ---------------------------------------------------------------- applying


@dataclass
class _Run:
    store: Store
    report: ImportReport
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


# How each exported table's rows are written back, by table name: one entry
# per table in export.TABLES (a test keeps the two in step).
IMPORTERS: dict[str, Callable[[_Run, Model], None]] = {
    "reviews": _import_review,
    "entries": _import_entry,
    "commitments": _import_commitment,
    "exercise_runs": _import_exercise_run,
    "goals": _import_goal,
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
    except sqlite3.IntegrityError as error:
        raise BadInput(
            messages.IMPORT_BROKEN_LINK.format(name=name, detail=error),
            messages.IMPORT_NOTHING_HINT,
        ) from None


def import_export(
    store: Store, tables: dict[str, list[Model]], name: str, *, dry_run: bool
) -> ImportReport:
    report = ImportReport(source="leadjournal", dry_run=dry_run)
    run = _Run(store, report)
    with _writing(store, report, name):
        for table in TABLES:
            for row in tables[table.name]:
                IMPORTERS[table.name](run, row)
        _link_pairs(run, name)
    return report


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


def import_jrnl(
    store: Store, export: JrnlExport, name: str, zone: tzinfo | None, *, dry_run: bool
) -> ImportReport:
    entries = [jrnl_entry(item, zone) for item in export.entries]
    report = ImportReport(source="jrnl", dry_run=dry_run)
    run = _Run(store, report)
    with _writing(store, report, name):
        for entry in entries:
            _import_entry(run, entry)
    return report


def import_text(
    journal: Journal, text: str, name: str, *, source: Source, dry_run: bool
) -> ImportReport:
    """Import a file's text into the journal (or, with ``dry_run``, say what would change)."""
    data = parse_json(text, name)
    if source == "jrnl":
        export = validate_jrnl(data, name)
        zone = journal.clock.now().tzinfo
        return import_jrnl(journal.store, export, name, zone, dry_run=dry_run)
    tables = validate_export(data, name)
    return import_export(journal.store, tables, name, dry_run=dry_run)
