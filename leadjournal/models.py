"""Domain models: validation only, no I/O.

Field names here are the export format's and every read command's ``--json``
output, so scripts see one vocabulary. Changing a name is a breaking change.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

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
    "reflection",
    "win",
    "commitment",
)


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


class ExerciseAnswer(Model):
    run_id: str
    step_id: str
    position: int
    answer: str | None = None
    answered_at: str


class ExerciseRun(Model):
    """One run of an exercise, with the answers given so far (export format)."""

    id: str
    exercise_id: str
    status: ReviewStatus
    started_at: str
    updated_at: str
    completed_at: str | None = None
    date: str
    week: str
    answers: list[ExerciseAnswer] = []
