"""Commitments and their weekly follow-ups."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from leadjournal import messages
from leadjournal.errors import NotFound
from leadjournal.models import Commitment, CommitmentStatus, FollowUp, VersionAction
from leadjournal.store.base import StoreBase


class CommitmentRows(StoreBase):
    def insert_commitment(self, commitment: Commitment) -> None:
        self._insert("commitments", commitment.model_dump(exclude={"follow_ups"}))

    def get_commitment(self, commitment_id: str) -> Commitment:
        found = self._commitments("WHERE id = ?", [commitment_id])
        if not found:
            raise NotFound(
                messages.NOT_FOUND.format(noun="commitment", id=commitment_id), messages.ID_HINT
            )
        return found[0]

    def commitments(self, status: CommitmentStatus | None = None) -> list[Commitment]:
        if status is None:
            return self._commitments("", [])
        return self._commitments("WHERE status = ?", [status])

    def commitment_for_review(self, review_id: str) -> Commitment | None:
        found = self._commitments("WHERE review_id = ? AND source = 'review'", [review_id])
        return found[0] if found else None

    def open_commitments_before(self, week: str) -> list[Commitment]:
        """Open commitments made before ``week`` and due by then: one an exercise
        set for a later date waits for that week's review."""
        return self._commitments(
            "WHERE status = 'open' AND week < ? AND due_week <= ?", [week, week]
        )

    def delete_commitment(self, commitment_id: str, *, action: VersionAction = "deleted") -> None:
        self._keep_version("commitment", commitment_id, action)
        self._keep_review_of(commitment_id)
        self.conn.execute("DELETE FROM commitments WHERE id = ?", [commitment_id])

    def set_commitment_text(self, commitment_id: str, text: str) -> None:
        """Reword a commitment; the wording before is kept as a version."""
        self._keep_version("commitment", commitment_id, "edited")
        self._keep_review_of(commitment_id)
        self.conn.execute("UPDATE commitments SET text = ? WHERE id = ?", [text, commitment_id])

    def _keep_review_of(self, commitment_id: str) -> None:
        """A finished review's commitment is part of its week: changing it amends the week."""
        row = self.conn.execute(
            """SELECT r.id FROM commitments c JOIN reviews r ON r.id = c.review_id
               WHERE c.id = ? AND c.source = 'review' AND r.status = 'complete'""",
            [commitment_id],
        ).fetchone()
        if row is not None:
            self._keep_version("review", str(row[0]), "amended")

    def set_commitment_status(
        self, commitment_id: str, status: CommitmentStatus, note: str | None, at: str | None
    ) -> None:
        self.conn.execute(
            """UPDATE commitments SET status = ?, outcome_note = COALESCE(?, outcome_note),
                      closed_at = ? WHERE id = ?""",
            [status, note, at if status != "open" else None, commitment_id],
        )

    def record_follow_up(self, follow_up: FollowUp) -> None:
        # Changing a follow-up of a finished review amends that week.
        done = self.conn.execute(
            """SELECT r.id FROM reviews r JOIN follow_ups f ON f.week = r.week
               WHERE r.week = ? AND r.status = 'complete' AND f.commitment_id = ?""",
            [follow_up.week, follow_up.commitment_id],
        ).fetchone()
        if done is not None:
            self._keep_version("review", str(done[0]), "amended")
        self.conn.execute(
            """INSERT INTO follow_ups (id, commitment_id, week, outcome, note, created_at)
               VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (commitment_id, week) DO UPDATE
               SET outcome = excluded.outcome, note = excluded.note""",
            list(follow_up.model_dump().values()),
        )

    def followed_up_in(self, week: str) -> set[str]:
        rows = self.conn.execute("SELECT commitment_id FROM follow_ups WHERE week = ?", [week])
        return {str(row[0]) for row in rows}

    def _commitments(self, where: str, params: Sequence[Any]) -> list[Commitment]:
        rows = self.conn.execute(
            f"SELECT * FROM commitments {where} ORDER BY week, created_at", list(params)
        ).fetchall()
        follow_ups = self._children(
            "follow_ups", "commitment_id", [row["id"] for row in rows], "week"
        )
        return [
            _commitment(row, [FollowUp(**f) for f in follow_ups.get(row["id"], [])]) for row in rows
        ]

    def commitments_followed_up_in(self, week: str) -> list[Commitment]:
        """The commitments that have a follow-up recorded in this week."""
        return self._commitments(
            "WHERE id IN (SELECT commitment_id FROM follow_ups WHERE week = ?)", [week]
        )

    def commitments_made_in(self, weeks: Sequence[str]) -> list[Commitment]:
        marks = ",".join("?" for _ in weeks)
        return self._commitments(f"WHERE week IN ({marks})", list(weeks))


def _commitment(row: sqlite3.Row, follow_ups: list[FollowUp]) -> Commitment:
    return Commitment(**{**dict(row), "follow_ups": follow_ups})
