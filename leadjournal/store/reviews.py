"""Weekly reviews and their extra ratings."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from leadjournal.models import Review
from leadjournal.store.base import StoreBase


class ReviewRows(StoreBase):
    def get_review(self, week: str) -> Review | None:
        row = self.conn.execute("SELECT * FROM reviews WHERE week = ?", [week]).fetchone()
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

    def create_review(self, review_id: str, week: str, at: str) -> None:
        self.conn.execute(
            "INSERT INTO reviews (id, week, started_at, updated_at) VALUES (?, ?, ?, ?)",
            [review_id, week, at, at],
        )

    def delete_review(self, review_id: str) -> None:
        """Remove a review and what it recorded, so the week can be done again."""
        self.conn.execute(
            "DELETE FROM entries WHERE review_id = ? AND kind = 'review'", [review_id]
        )
        self.conn.execute(
            "DELETE FROM commitments WHERE review_id = ? AND source = 'review'", [review_id]
        )
        self.conn.execute("DELETE FROM reviews WHERE id = ?", [review_id])

    def update_review(self, review_id: str, at: str, **fields: Any) -> None:
        allowed = {"results", "relationships", "win", "win_by", "status", "completed_at"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"not review fields: {sorted(unknown)}")
        assignments = ", ".join(f"{name} = ?" for name in fields)
        self.conn.execute(
            f"UPDATE reviews SET {assignments}, updated_at = ? WHERE id = ?",
            [*fields.values(), at, review_id],
        )

    def set_extra_rating(self, review_id: str, dimension: str, value: int) -> None:
        self.conn.execute(
            """INSERT INTO review_ratings (review_id, dimension, value) VALUES (?, ?, ?)
               ON CONFLICT (review_id, dimension) DO UPDATE SET value = excluded.value""",
            [review_id, dimension, value],
        )

    def mark_step(self, review_id: str, step: str, at: str) -> None:
        row = self.conn.execute(
            "SELECT steps_done FROM reviews WHERE id = ?", [review_id]
        ).fetchone()
        done: list[str] = json.loads(row["steps_done"])
        if step not in done:
            done.append(step)
        self.conn.execute(
            "UPDATE reviews SET steps_done = ?, updated_at = ? WHERE id = ?",
            [json.dumps(done), at, review_id],
        )

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
