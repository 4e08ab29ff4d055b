"""Weekly reviews and their extra ratings."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from leadjournal.models import REVIEW_STEPS, Review, ReviewClaim
from leadjournal.store.base import StoreBase


class ReviewRows(StoreBase):
    def get_review(self, week: str) -> Review | None:
        row = self.conn.execute("SELECT * FROM reviews WHERE week = ?", [week]).fetchone()
        return None if row is None else self._review(row)

    def review_by_id(self, review_id: str) -> Review | None:
        row = self.conn.execute("SELECT * FROM reviews WHERE id = ?", [review_id]).fetchone()
        return None if row is None else self._review(row)

    def reviews_in_weeks(self, weeks: Sequence[str]) -> list[Review]:
        marks = ",".join("?" for _ in weeks)
        rows = self.conn.execute(
            f"SELECT * FROM reviews WHERE week IN ({marks}) ORDER BY week", list(weeks)
        ).fetchall()
        return [self._review(row) for row in rows]

    def rated_reviews(self, up_to_week: str) -> list[Review]:
        """Reviews with both core ratings, up to a week: what trends are made of."""
        rows = self.conn.execute(
            """SELECT * FROM reviews WHERE week <= ?
               AND results IS NOT NULL AND relationships IS NOT NULL ORDER BY week""",
            [up_to_week],
        ).fetchall()
        return [self._review(row) for row in rows]

    def first_rated_week(self) -> str | None:
        """The journal's first week with both core ratings: where its history starts."""
        row = self.conn.execute(
            "SELECT min(week) FROM reviews WHERE results IS NOT NULL AND relationships IS NOT NULL"
        ).fetchone()
        return str(row[0]) if row and row[0] is not None else None

    def create_review(self, review_id: str, week: str, at: str) -> None:
        self.conn.execute(
            "INSERT INTO reviews (id, week, started_at, updated_at) VALUES (?, ?, ?, ?)",
            [review_id, week, at, at],
        )

    def update_review(self, review_id: str, at: str, **fields: Any) -> None:
        allowed = {"results", "relationships", "win", "win_by", "status", "completed_at"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"not review fields: {sorted(unknown)}")
        self._keep_if_complete(review_id, fields)
        assignments = ", ".join(f"{name} = ?" for name in fields)
        self.conn.execute(
            f"UPDATE reviews SET {assignments}, updated_at = ? WHERE id = ?",
            [*fields.values(), at, review_id],
        )

    def _keep_if_complete(self, review_id: str, changes: dict[str, Any]) -> None:
        """Changing a finished review is an amendment: the week before it is kept.
        A change that leaves every value as it was keeps nothing."""
        row = self.conn.execute("SELECT * FROM reviews WHERE id = ?", [review_id]).fetchone()
        if row is None or row["status"] != "complete":
            return
        if "extra" in changes:
            dimension, value = changes["extra"]
            current = self.conn.execute(
                "SELECT value FROM review_ratings WHERE review_id = ? AND dimension = ?",
                [review_id, dimension],
            ).fetchone()
            if current is not None and current[0] == value:
                return
        elif all(row[name] == value for name, value in changes.items()):
            return
        self._keep_version("review", review_id, "amended")

    def set_extra_rating(self, review_id: str, dimension: str, value: int) -> None:
        self._keep_if_complete(review_id, {"extra": (dimension, value)})
        self._put_extra_rating(review_id, dimension, value)

    def _put_extra_rating(self, review_id: str, dimension: str, value: int) -> None:
        self.conn.execute(
            """INSERT INTO review_ratings (review_id, dimension, value) VALUES (?, ?, ?)
               ON CONFLICT (review_id, dimension) DO UPDATE SET value = excluded.value""",
            [review_id, dimension, value],
        )

    def mark_step(self, review_id: str, step: str, at: str) -> None:
        """Add ``step`` to the review's steps done, in one statement."""
        self.conn.execute(
            """UPDATE reviews SET steps_done = json_insert(steps_done, '$[#]', ?),
                                  updated_at = ?
               WHERE id = ? AND NOT EXISTS
                   (SELECT 1 FROM json_each(reviews.steps_done) WHERE value = ?)""",
            [step, at, review_id, step],
        )

    def complete_review(self, review_id: str, at: str) -> None:
        """Every step done and the review complete, in one statement."""
        self.conn.execute(
            """UPDATE reviews SET steps_done = ?, status = 'complete', completed_at = ?,
                                  updated_at = ?
               WHERE id = ? AND status <> 'complete'""",
            [json.dumps(list(REVIEW_STEPS)), at, at, review_id],
        )

    # -- claims: which terminal has a week's review open -------------------

    def get_claim(self, week: str) -> ReviewClaim | None:
        row = self.conn.execute("SELECT * FROM review_claims WHERE week = ?", [week]).fetchone()
        # Our own row: built directly, no validation (and no pydantic) needed.
        return None if row is None else ReviewClaim(**dict(row))

    def put_claim(self, claim: ReviewClaim) -> None:
        self.conn.execute(
            """INSERT INTO review_claims (week, token, pid, host, tty, claimed_at)
               VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (week) DO UPDATE SET token = excluded.token, pid = excluded.pid,
                   host = excluded.host, tty = excluded.tty, claimed_at = excluded.claimed_at""",
            [claim.week, claim.token, claim.pid, claim.host, claim.tty, claim.claimed_at],
        )

    def drop_claim(self, week: str, token: str) -> None:
        """Let go of a week's review; a claim another terminal took is left alone."""
        self.conn.execute("DELETE FROM review_claims WHERE week = ? AND token = ?", [week, token])

    def _review(self, row: sqlite3.Row) -> Review:
        extra = {
            str(r["dimension"]): int(r["value"])
            for r in self.conn.execute(
                """SELECT dimension, value FROM review_ratings
                   WHERE review_id = ? ORDER BY dimension""",
                [row["id"]],
            )
        }
        return _review_with(row, extra)

    def review_weeks(self) -> list[str]:
        """The weeks that have a review (done or under way), oldest first."""
        return [str(row[0]) for row in self.conn.execute("SELECT week FROM reviews ORDER BY week")]


def _review_with(row: sqlite3.Row, extra: dict[str, int]) -> Review:
    return Review(**{**dict(row), "extra": extra, "steps_done": json.loads(row["steps_done"])})
