"""Domain types: the journal's vocabulary, as plain frozen dataclasses.

Field names here are the export format's and every read command's ``--json``
output, so scripts see one vocabulary. Changing a name is a breaking change.

Rows read from our own database and values passed between layers are built
with these classes directly and not re-validated: building a pydantic model
costs more than the rest of a quick command. What comes from outside is
validated where it comes in, with pydantic over these same classes (a
``TypeAdapter``, or a checked subclass in ``transfer.py``); one set of types,
not two. This module never imports pydantic itself.
"""

from __future__ import annotations

import copy
import dataclasses
import json
from collections.abc import Iterable
from typing import Any, ClassVar, Literal, Self, dataclass_transform

from leadjournal import messages
from leadjournal.errors import BadInput

EntryKind = Literal["reflection", "review", "prompt", "exercise"]
CommitmentStatus = Literal["open", "done", "partly", "dropped"]
FollowUpOutcome = Literal["done", "partly", "not_yet", "dropped"]
ReviewStatus = Literal["in_progress", "complete"]
Rating = int  # 1–9; the schema and the import checks enforce the range

# The steps of the weekly review, in order. Stored as the review's progress so
# an interrupted review resumes at the first step not yet done.
REVIEW_STEPS: tuple[str, ...] = (
    "follow_up",
    "ratings",
    "goals",
    "reflection",
    "win",
    "commitment",
)


def one_of(value: str, choices: tuple[str, ...], what: str, hint: str) -> str:
    """``value`` (any case, spaces trimmed) if it is one of ``choices``.

    Otherwise a BadInput naming every choice; used for the words people type
    on the command line and in walk-throughs alike.
    """
    wanted = value.strip().lower()
    if wanted not in choices:
        raise BadInput(
            messages.BAD_CHOICE.format(value=value, what=what, choices=", ".join(choices)), hint
        )
    return wanted


def _is_pydantic(value: object) -> bool:
    return type(value).__module__.split(".")[0] == "pydantic"


@dataclass_transform(
    kw_only_default=True, frozen_default=True, field_specifiers=(dataclasses.field,)
)
class Model:
    """Base of every domain type: each subclass becomes a frozen, keyword-only dataclass.

    Declare fields as annotations with plain defaults; a ``[]`` or ``{}``
    default becomes a fresh copy for each instance. A subclass whose body
    uses pydantic (``field_validator``, ``Field(...)``: an import model that
    checks outside input) becomes a pydantic dataclass of the same fields,
    with unknown fields an error.

    The ``model_*`` methods keep pydantic's names for what callers need:
    ``model_dump`` (JSON-ready with ``mode="json"``), ``model_dump_json``,
    ``model_copy(update=…)``, and ``model_validate`` for data that needs
    checking (it loads pydantic; rows from our own database never need it).
    """

    # Read by pydantic wherever one of these is validated (TypeAdapter).
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        body = vars(cls)
        annotations = body.get("__annotations__", {})
        for name in annotations:
            default = body.get(name, dataclasses.MISSING)
            if isinstance(default, list | dict | set):
                factory = _copier(default)
                setattr(cls, name, dataclasses.field(default_factory=factory))
        if any(_is_pydantic(value) for value in body.values()):
            from pydantic.dataclasses import dataclass as checked_dataclass

            # A ``model_config`` in the body (e.g. strict=True) adds to the base's.
            config: Any = {"extra": "forbid", **body.get("model_config", {})}
            checked_dataclass(cls, config=config, frozen=True, kw_only=True)
        else:
            dataclasses.dataclass(frozen=True, kw_only=True)(cls)

    def model_dump(
        self,
        *,
        mode: str = "python",
        include: Iterable[str] | None = None,
        exclude: Iterable[str] = (),
        exclude_none: bool = False,
    ) -> dict[str, Any]:
        """The fields as a dict, nested types too; ``mode="json"`` for JSON-ready values."""
        # The hot loop of an export: field names looked up once per class,
        # plain values copied as they are.
        names = _FIELDS.get(type(self))
        if names is None:
            fields = dataclasses.fields(self)  # type: ignore[arg-type]
            names = _FIELDS[type(self)] = tuple(f.name for f in fields)
        values = self.__dict__
        out: dict[str, Any] = {}
        wanted = None if include is None else set(include)
        for name in names:
            if name in exclude or (wanted is not None and name not in wanted):
                continue
            value = values[name]
            if value is None and exclude_none:
                continue
            out[name] = value if type(value) in _PLAIN else _dump(value, mode)
        return out

    def model_dump_json(self, *, indent: int | None = None) -> str:
        """JSON text, as pydantic writes it: compact unless ``indent``, non-ASCII kept."""
        data = self.model_dump(mode="json")
        if indent is None:
            return _COMPACT.encode(data)
        return json.dumps(data, indent=indent, ensure_ascii=False)

    @classmethod
    def model_construct(cls, **values: Any) -> Self:
        """An instance without validation, as pydantic names it."""
        return cls(**values)

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Self:
        return dataclasses.replace(self, **(update or {}))  # type: ignore[type-var]

    @classmethod
    def model_validate(cls, data: Any) -> Self:
        """``data`` checked against the fields' types (pydantic), for outside input."""
        adapter = _ADAPTERS.get(cls)
        if adapter is None:
            # One per class: building a TypeAdapter costs far more than using it.
            from pydantic import TypeAdapter

            adapter = _ADAPTERS[cls] = TypeAdapter(cls)
        if vars(cls).get("__pydantic_config__", {}).get("strict"):
            # A strict pydantic dataclass takes only its own instances from
            # Python objects; outside input is JSON, so it is read as JSON.
            strict: Self = adapter.validate_json(json.dumps(data, ensure_ascii=False))
            return strict
        validated: Self = adapter.validate_python(data)
        return validated


_ADAPTERS: dict[type[Model], Any] = {}


# One encoder for every row of an export (json.dumps with options builds one per call).
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_FIELDS: dict[type, tuple[str, ...]] = {}
_PLAIN = {str, int, float, bool, type(None)}


def _copier(default: Any) -> Any:
    return lambda: copy.deepcopy(default)


def _dump(value: Any, mode: str) -> Any:
    if isinstance(value, Model):
        return value.model_dump(mode=mode)
    if hasattr(value, "model_dump"):  # a pydantic model read from outside (a pack's exercise)
        return value.model_dump(mode=mode)
    if isinstance(value, list | tuple):
        return [_dump(item, mode) for item in value]
    if isinstance(value, dict):
        return {key: _dump(item, mode) for key, item in value.items()}
    if mode == "json" and not isinstance(value, str | int | float | bool | type(None)):
        return str(value)  # a Path, in config
    return value


class Entry(Model):
    id: str
    kind: EntryKind
    body: str
    title: str | None = None
    tags: list[str] = []
    starred: bool = False
    prompt_id: str | None = None
    review_id: str | None = None
    created_at: str
    updated_at: str
    date: str
    week: str


class FollowUp(Model):
    id: str
    commitment_id: str
    week: str
    outcome: FollowUpOutcome
    note: str | None = None
    created_at: str


class Commitment(Model):
    id: str
    text: str
    status: CommitmentStatus
    week: str
    due_week: str
    review_id: str | None = None
    source: str = "review"
    outcome_note: str | None = None
    created_at: str
    closed_at: str | None = None
    follow_ups: list[FollowUp] = []


class Review(Model):
    id: str
    week: str
    status: ReviewStatus
    results: int | None = None
    relationships: int | None = None
    extra: dict[str, int] = {}
    win: str | None = None
    win_by: str | None = None
    steps_done: list[str] = []
    started_at: str
    updated_at: str
    completed_at: str | None = None


LookBackKind = Literal["month", "quarter"]
LookBackStatus = Literal["done", "skipped"]


class LookBackMark(Model):
    """A monthly or quarterly look-back done or set aside; ``period`` is
    ``2026-11`` for a month, ``2026-Q4`` for a quarter."""

    id: str
    kind: LookBackKind
    period: str
    status: LookBackStatus
    week: str
    entry_id: str | None = None
    updated_at: str


class ReviewClaim(Model):
    """Which terminal has a week's review open, and since when."""

    week: str
    token: str
    pid: int | None = None
    host: str | None = None
    tty: str | None = None
    claimed_at: str


VersionKind = Literal["entry", "commitment", "review", "person"]
VersionAction = Literal["edited", "amended", "replaced", "deleted", "restored"]


class Version(Model):
    """An item as it was before an edit, amendment, replacement or deletion.

    ``data`` is the item in the export's shape; for a review, the whole week
    (``review``, ``entries``, ``commitment``, ``follow_ups``, ``followed``,
    ``checkins``).
    """

    id: str
    kind: VersionKind
    item_id: str
    week: str
    action: VersionAction
    data: dict[str, Any]
    saved_at: str


class LogResult(Model):
    """What ``log`` shows: entries, and the reviews of the weeks they cover."""

    period: str
    entries: list[Entry]
    reviews: list[Review]


class MigrationStatus(Model):
    path: str
    schema_version: int
    applied: list[str]
    pending: list[str]
    # Encryption at rest: whether the file is SQLCipher, and its settings.
    encrypted: bool = False
    cipher: dict[str, str] | None = None


ExerciseRunStatus = Literal["in_progress", "complete"]


class ExerciseAnswer(Model):
    """One step's answer in an exercise run; ``answer`` is None when skipped."""

    step_id: str
    position: int
    answer: str | None = None
    answered_at: str


class RunAssessment(Model):
    """One assessment answer, nested in its run (so it carries no run id)."""

    week: str
    step_id: str
    position: int
    answer: str | None = None
    answered_at: str


class ExerciseRun(Model):
    """One time through an exercise. A completed run's entry and its follow-up
    commitment (if any) carry the run's id, so each is found from the other.
    ``assessments`` are the answers given when its follow-up came due."""

    id: str
    exercise_id: str
    status: ExerciseRunStatus
    started_at: str
    updated_at: str
    completed_at: str | None = None
    date: str
    week: str
    answers: list[ExerciseAnswer] = []
    assessments: list[RunAssessment] = []


class ExerciseAssessment(Model):
    """One assessment question answered when an exercise's follow-up came due,
    in the week it was answered; ``answer`` is None when skipped."""

    run_id: str
    week: str
    step_id: str
    position: int
    answer: str | None = None
    answered_at: str


OfferResponse = Literal["offered", "accepted", "declined"]


class ExerciseOffer(Model):
    """The exercise the weekly review offered in a week, and why."""

    week: str
    exercise_id: str
    reason: str
    response: OfferResponse = "offered"
    offered_at: str


# -- goals -------------------------------------------------------------------

GoalKind = Literal["performance", "development"]
GoalLevel = Literal["individual", "team", "organization"]
Cadence = Literal["weekly", "monthly", "quarterly"]
GoalStatus = Literal["open", "done", "dropped"]
MeasureKind = Literal["leading", "lagging"]
# An open goal's standing against the calendar; a closed goal shows how it closed.
GoalTrack = Literal["on_track", "at_risk", "off_track", "done", "dropped"]


class GoalMeasure(Model):
    """How a goal is measured: a lagging result, or a leading signal checked weekly."""

    id: str
    goal_id: str
    name: str
    kind: MeasureKind
    unit: str | None = None
    baseline: float | None = None
    target: float | None = None


class CheckIn(Model):
    """One recorded value of one measure."""

    id: str
    goal_id: str
    measure_id: str
    measure: str
    value: float
    note: str | None = None
    review_id: str | None = None
    created_at: str
    date: str
    week: str


class Goal(Model):
    """A SMART performance or development goal, with its measures and check-ins."""

    id: str
    title: str
    kind: GoalKind
    level: GoalLevel
    cadence: Cadence
    status: GoalStatus
    achievable: str | None = None
    relevant: str | None = None
    start_date: str
    due_date: str | None = None
    pair_id: str | None = None
    outcome_note: str | None = None
    created_at: str
    updated_at: str
    closed_at: str | None = None
    closed_date: str | None = None
    date: str
    week: str
    measures: list[GoalMeasure] = []
    checkins: list[CheckIn] = []


class GoalProgress(Model):
    """Where a goal stands: what ``goal list``/``goal show`` print and trends read.

    ``progress`` is the share of the way from baseline to target (0–1, also when
    the target is below the baseline); ``expected`` the share of the time from
    start to due date gone by. ``smart`` names what keeps the goal from being
    SMART, as codes (see ``goals.SMART_CODES``).
    """

    goal: Goal
    measure: str | None = None
    unit: str | None = None
    baseline: float | None = None
    target: float | None = None
    current: float | None = None
    progress: float | None = None
    expected: float | None = None
    status: GoalTrack | None = None
    days_left: int | None = None
    smart: list[str] = []


# -- db doctor -----------------------------------------------------------------


class DoctorCheck(Model):
    """One thing ``db doctor`` looked at; ``ok`` false means a problem."""

    name: str
    ok: bool
    detail: str


class Recovery(Model):
    """What ``db doctor`` saved from a damaged journal into a new file."""

    path: str
    method: str  # "sqlite3 .recover" or "python row copy"
    rows: dict[str, int]  # rows copied, per table
    unreadable: dict[str, int] = {}  # damaged stretches stepped over, per table
    dropped: int = 0  # rows left out: broken rules, or a parent that was lost
    note: str | None = None  # why this method was used, when it was not the first choice


class Draft(Model):
    """A text kept beside the journal because it could not be saved when typed."""

    name: str  # what ``write --from-draft`` takes
    path: str
    kind: str  # what it was typed for: write, answer, edit-<entry id>
    size: int


class DoctorReport(Model):
    path: str
    healthy: bool
    checks: list[DoctorCheck]
    recovery: Recovery | None = None
    drafts: list[Draft] = []  # texts kept beside the journal, waiting to be saved


# -- people --------------------------------------------------------------------

PersonStatus = Literal["active", "archived"]
NoteKind = Literal["1on1", "recognition", "feedback", "check-in", "note"]
LinkKind = Literal["entry", "win", "commitment"]


class PersonNote(Model):
    """A short note about a person: a one-on-one, recognition, feedback, a check-in."""

    id: str
    person_id: str
    kind: NoteKind
    body: str
    created_at: str
    date: str
    week: str


class PersonLink(Model):
    """An item that names a person: found in its text, or chosen by the leader."""

    person_id: str
    item_kind: LinkKind
    item_id: str
    how: Literal["found", "chosen"]
    date: str
    week: str


class LinkChoice(Model):
    """The leader's answer for a name that fits several people (None: nobody)."""

    item_kind: LinkKind
    item_id: str
    name: str
    person_id: str | None = None


class Person(Model):
    """Someone on the roster; ``aliases`` are the other names they go by."""

    id: str
    name: str
    handle: str
    aliases: list[str] = []
    note: str | None = None
    status: PersonStatus = "active"
    created_at: str
    updated_at: str
    archived_at: str | None = None
    date: str
    week: str
    notes: list[PersonNote] = []
    links: list[PersonLink] = []
    choices: list[LinkChoice] = []


class PersonStanding(Model):
    """One line of ``people``: when the leader last had each kind of contact."""

    id: str
    name: str
    handle: str
    status: PersonStatus
    last_contact: str | None = None
    last_one_on_one: str | None = None
    last_recognition: str | None = None
    last_check_in: str | None = None
    mentions_4w: int = 0
    mentions_12w: int = 0
    open_commitments: int = 0


class TimelineItem(Model):
    """One thing in a person's timeline: a note, a mention, a win, a commitment."""

    kind: str  # a note's kind, "mention", "win" or "commitment"
    id: str
    date: str
    week: str
    text: str
    detail: str | None = None  # whose effort, a commitment's status, an entry's kind


class PersonTimeline(Model):
    person: Person
    standing: PersonStanding
    items: list[TimelineItem] = []
