"""The journal's storage: opens the database, migrates it, maps rows to models.

The only package with SQL in it. One ``Store`` is the public API; its methods
live beside the rows they touch (entries, reviews, commitments, exercises,
goals, export and import), with the connection, migrations and transactions
in ``base`` and the file on disk in ``files``.
"""

from __future__ import annotations

from leadjournal.store.base import (
    APPLICATION_ID,
    BUSY_TIMEOUT_SECONDS,
    SCHEMA_VERSION,
    IdTable,
    StoreBase,
    connect,
)
from leadjournal.store.commitments import CommitmentRows
from leadjournal.store.entries import EntryRows
from leadjournal.store.exercises import ExerciseRows
from leadjournal.store.files import (
    DB,
    SQLITE_MAGIC,
    damage_marker,
    describe_sqlite_error,
    expected_pages,
    is_damage,
    note_damage,
)
from leadjournal.store.followthrough import FollowThroughRows
from leadjournal.store.goals import GoalRows
from leadjournal.store.history import HistoryRows
from leadjournal.store.lookbacks import LookBackRows
from leadjournal.store.people import PeopleRows
from leadjournal.store.reviews import ReviewRows
from leadjournal.store.search import SearchRows
from leadjournal.store.transfer import TransferRows

__all__ = [
    "APPLICATION_ID",
    "BUSY_TIMEOUT_SECONDS",
    "DB",
    "SCHEMA_VERSION",
    "SQLITE_MAGIC",
    "IdTable",
    "Store",
    "connect",
    "damage_marker",
    "describe_sqlite_error",
    "expected_pages",
    "is_damage",
    "note_damage",
]


class Store(
    HistoryRows,
    SearchRows,
    TransferRows,
    ReviewRows,
    GoalRows,
    EntryRows,
    CommitmentRows,
    ExerciseRows,
    FollowThroughRows,
    LookBackRows,
    PeopleRows,
    StoreBase,
):
    """The journal's rows, each kind in its own module; one connection underneath."""
