"""Domain models: validation only, no I/O.

Field names here are the export format's and every read command's ``--json``
output, so scripts see one vocabulary. Changing a name is a breaking change.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from leadjournal import messages
from leadjournal.errors import BadInput

EntryKind = Literal["reflection", "review", "prompt", "exercise"]
CommitmentStatus = Literal["open", "done", "partly", "dropped"]
FollowUpOutcome = Literal["done", "partly", "not_yet", "dropped"]
ReviewStatus = Literal["in_progress", "complete"]
Rating = int  # 1–9; the schema and RatingValue enforce the range

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


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RatingValue(Model):
    """A self-rating on the Managerial Grid's 1–9 scale."""

    value: int = Field(ge=1, le=9)


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


class ReviewClaim(Model):
    """Which terminal has a week's review open, and since when."""

    week: str
    token: str
    pid: int | None = None
    host: str | None = None
    tty: str | None = None
    claimed_at: str


VersionKind = Literal["entry", "commitment", "review"]
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


ExerciseRunStatus = Literal["in_progress", "complete"]


class ExerciseAnswer(Model):
    """One step's answer in an exercise run; ``answer`` is None when skipped."""

    step_id: str
    position: int
    answer: str | None = None
    answered_at: str


class ExerciseRun(Model):
    """One time through an exercise. A completed run's entry and its follow-up
    commitment (if any) carry the run's id, so each is found from the other."""

    id: str
    exercise_id: str
    status: ExerciseRunStatus
    started_at: str
    updated_at: str
    completed_at: str | None = None
    date: str
    week: str
    answers: list[ExerciseAnswer] = []


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
