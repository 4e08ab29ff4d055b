"""What follows an exercise: assessments of its follow-up, the exercises the
review offered, and the journal's flags (a change under way)."""

from __future__ import annotations

from leadjournal.models import ExerciseAssessment, ExerciseOffer, OfferResponse
from leadjournal.store.base import StoreBase


class FollowThroughRows(StoreBase):
    def save_assessment(self, item: ExerciseAssessment) -> None:
        """Record (or, answered again the same week, replace) one assessment answer."""
        self.conn.execute(
            """INSERT INTO exercise_assessments
                   (run_id, week, step_id, position, answer, answered_at)
               VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (run_id, week, step_id) DO UPDATE
               SET answer = excluded.answer, answered_at = excluded.answered_at""",
            [item.run_id, item.week, item.step_id, item.position, item.answer, item.answered_at],
        )

    def assessments(self, run_id: str) -> list[ExerciseAssessment]:
        """Every assessment of a run, oldest week first, in step order."""
        rows = self.conn.execute(
            "SELECT * FROM exercise_assessments WHERE run_id = ? ORDER BY week, position",
            [run_id],
        ).fetchall()
        return [ExerciseAssessment(**dict(row)) for row in rows]

    def set_commitment_due(self, commitment_id: str, due_week: str) -> None:
        """A second try: the commitment is open again, due in a new week."""
        self.conn.execute(
            """UPDATE commitments SET status = 'open', due_week = ?, closed_at = NULL
               WHERE id = ?""",
            [due_week, commitment_id],
        )

    def record_offer(self, offer: ExerciseOffer) -> None:
        self.conn.execute(
            """INSERT INTO exercise_offers (week, exercise_id, reason, response, offered_at)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (week) DO UPDATE SET response = excluded.response""",
            [offer.week, offer.exercise_id, offer.reason, offer.response, offer.offered_at],
        )

    def set_offer_response(self, week: str, response: OfferResponse) -> None:
        self.conn.execute(
            "UPDATE exercise_offers SET response = ? WHERE week = ?", [response, week]
        )

    def offers(self) -> list[ExerciseOffer]:
        rows = self.conn.execute("SELECT * FROM exercise_offers ORDER BY week").fetchall()
        return [ExerciseOffer(**dict(row)) for row in rows]

    def exercise_run_weeks(self) -> list[tuple[str, str]]:
        """(week, exercise id) of every run started, for "not again within N weeks"."""
        rows = self.conn.execute("SELECT week, exercise_id FROM exercise_runs ORDER BY week")
        return [(str(row[0]), str(row[1])) for row in rows]

    def flag(self, name: str) -> str | None:
        row = self.conn.execute("SELECT value FROM journal_flags WHERE name = ?", [name]).fetchone()
        return None if row is None else str(row[0])

    def set_flag(self, name: str, value: str | None, at: str) -> None:
        if value is None:
            self.conn.execute("DELETE FROM journal_flags WHERE name = ?", [name])
            return
        self.conn.execute(
            """INSERT INTO journal_flags (name, value, set_at) VALUES (?, ?, ?)
               ON CONFLICT (name) DO UPDATE SET value = excluded.value, set_at = excluded.set_at""",
            [name, value, at],
        )
