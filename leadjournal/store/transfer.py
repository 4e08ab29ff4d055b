"""Export and import: whole-journal readers and idempotent inserts."""

from __future__ import annotations

import json
from collections.abc import Iterator

from leadjournal.models import (
    Commitment,
    Entry,
    ExerciseAnswer,
    ExerciseRun,
    FollowUp,
    Goal,
    GoalMeasure,
    Review,
    RunAssessment,
)
from leadjournal.store.commitments import _commitment
from leadjournal.store.entries import _entry
from leadjournal.store.goals import GoalRows
from leadjournal.store.reviews import ReviewRows, _review_with


class TransferRows(ReviewRows, GoalRows):
    # -- export and import -------------------------------------------------
    #
    # Export reads every table through a cursor, one row at a time, so memory
    # stays flat however large the journal grows. Child rows (tags, extra
    # ratings, follow-ups, answers) come back with their parent as JSON built
    # by SQLite, one indexed lookup per row instead of a second pass.

    def iter_reviews(self) -> Iterator[Review]:
        cursor = self.conn.execute(
            """SELECT r.*, (SELECT json_group_object(dimension, value) FROM
                   (SELECT dimension, value FROM review_ratings x
                    WHERE x.review_id = r.id ORDER BY dimension)) AS extra
               FROM reviews r ORDER BY r.week"""
        )
        for row in cursor:
            yield _review_with(row, json.loads(row["extra"] or "{}"))

    def iter_entries(self, week: str | None = None) -> Iterator[Entry]:
        where, params = ("WHERE e.week = ?", [week]) if week is not None else ("", [])
        cursor = self.conn.execute(
            f"""SELECT e.*, (SELECT json_group_array(tag) FROM
                    (SELECT tag FROM entry_tags t WHERE t.entry_id = e.id ORDER BY tag)) AS tags
                FROM entries e {where} ORDER BY e.created_at, e.id""",
            params,
        )
        for row in cursor:
            yield _entry(row)

    def iter_commitments(self) -> Iterator[Commitment]:
        cursor = self.conn.execute(
            """SELECT c.*, (SELECT json_group_array(json_object(
                       'id', id, 'commitment_id', commitment_id, 'week', week,
                       'outcome', outcome, 'note', note, 'created_at', created_at))
                   FROM (SELECT * FROM follow_ups f WHERE f.commitment_id = c.id
                         ORDER BY week)) AS follow_ups
               FROM commitments c ORDER BY c.week, c.created_at, c.id"""
        )
        for row in cursor:
            follow_ups = [FollowUp(**item) for item in json.loads(row["follow_ups"] or "[]")]
            yield _commitment(row, follow_ups)

    def iter_exercise_runs(self) -> Iterator[ExerciseRun]:
        cursor = self.conn.execute(
            """SELECT r.*, (SELECT json_group_array(json_object(
                       'step_id', step_id, 'position', position,
                       'answer', answer, 'answered_at', answered_at))
                   FROM (SELECT * FROM exercise_answers a WHERE a.run_id = r.id
                         ORDER BY position, step_id)) AS answers,
                   (SELECT json_group_array(json_object(
                       'week', week, 'step_id', step_id, 'position', position,
                       'answer', answer, 'answered_at', answered_at))
                   FROM (SELECT * FROM exercise_assessments s WHERE s.run_id = r.id
                         ORDER BY week, position, step_id)) AS assessments
               FROM exercise_runs r ORDER BY r.started_at, r.id"""
        )
        for row in cursor:
            answers = [ExerciseAnswer(**item) for item in json.loads(row["answers"] or "[]")]
            yield ExerciseRun(
                id=row["id"],
                exercise_id=row["exercise_id"],
                status=row["status"],
                started_at=row["started_at"],
                updated_at=row["updated_at"],
                completed_at=row["completed_at"],
                date=row["date"],
                week=row["week"],
                answers=answers,
                assessments=[
                    RunAssessment(**item) for item in json.loads(row["assessments"] or "[]")
                ],
            )

    def weeks_with_anything(self) -> list[str]:
        """Every week that has an entry, a review or a commitment, oldest first."""
        rows = self.conn.execute(
            """SELECT week FROM entries UNION SELECT week FROM reviews
               UNION SELECT week FROM commitments ORDER BY week"""
        )
        return [str(row[0]) for row in rows]

    def extra_dimensions(self) -> list[str]:
        rows = self.conn.execute("SELECT DISTINCT dimension FROM review_ratings ORDER BY 1")
        return [str(row[0]) for row in rows]

    def review_id_for_week(self, week: str) -> str | None:
        row = self.conn.execute("SELECT id FROM reviews WHERE week = ?", [week]).fetchone()
        return None if row is None else str(row[0])

    def insert_review(self, review: Review) -> None:
        """A whole review as it was exported, extra ratings included."""
        self.conn.execute(
            """INSERT INTO reviews (id, week, status, results, relationships, win, win_by,
                                    steps_done, started_at, updated_at, completed_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                review.id,
                review.week,
                review.status,
                review.results,
                review.relationships,
                review.win,
                review.win_by,
                json.dumps(review.steps_done),
                review.started_at,
                review.updated_at,
                review.completed_at,
            ],
        )
        for dimension, value in review.extra.items():
            self._put_extra_rating(review.id, dimension, value)

    def follow_up_exists(self, follow_up: FollowUp) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM follow_ups WHERE id = ? OR (commitment_id = ? AND week = ?)",
            [follow_up.id, follow_up.commitment_id, follow_up.week],
        ).fetchone()
        return row is not None

    def insert_exercise_answer_if_new(self, run_id: str, answer: ExerciseAnswer) -> bool:
        found = self.conn.execute(
            "SELECT 1 FROM exercise_answers WHERE run_id = ? AND step_id = ?",
            [run_id, answer.step_id],
        ).fetchone()
        if found is not None:
            return False
        self.conn.execute(
            """INSERT INTO exercise_answers (run_id, step_id, position, answer, answered_at)
               VALUES (?, ?, ?, ?, ?)""",
            [run_id, answer.step_id, answer.position, answer.answer, answer.answered_at],
        )
        return True

    def insert_assessment_if_new(self, run_id: str, item: RunAssessment) -> bool:
        found = self.conn.execute(
            "SELECT 1 FROM exercise_assessments WHERE run_id = ? AND week = ? AND step_id = ?",
            [run_id, item.week, item.step_id],
        ).fetchone()
        if found is not None:
            return False
        self.conn.execute(
            """INSERT INTO exercise_assessments
                   (run_id, week, step_id, position, answer, answered_at)
               VALUES (?, ?, ?, ?, ?, ?)""",
            [run_id, item.week, item.step_id, item.position, item.answer, item.answered_at],
        )
        return True

    # -- goals: export and import --------------------------------------------
    #
    # Goals number in the tens, not the thousands: read whole, with their
    # measures and check-ins, in three queries.

    def iter_goals(self) -> Iterator[Goal]:
        yield from self._goals("", [])

    def insert_goal_measure_if_new(self, measure: GoalMeasure, position: int) -> bool:
        if self.exists("goal_measures", measure.id):
            return False
        self.conn.execute(
            """INSERT INTO goal_measures (id, goal_id, name, kind, unit, baseline, target, position)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                measure.id,
                measure.goal_id,
                measure.name,
                measure.kind,
                measure.unit,
                measure.baseline,
                measure.target,
                position,
            ],
        )
        return True

    def goal_pair_of(self, goal_id: str) -> str | None:
        row = self.conn.execute("SELECT pair_id FROM goals WHERE id = ?", [goal_id]).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def goal_kind_of(self, goal_id: str) -> str | None:
        row = self.conn.execute("SELECT kind FROM goals WHERE id = ?", [goal_id]).fetchone()
        return None if row is None else str(row[0])

    def link_goal_pair(self, goal_id: str, other_id: str) -> None:
        """Write a pair on both goals as it was exported: ``updated_at`` is left alone."""
        self.conn.execute("UPDATE goals SET pair_id = ? WHERE id = ?", [other_id, goal_id])
        self.conn.execute("UPDATE goals SET pair_id = ? WHERE id = ?", [goal_id, other_id])

    def keep_latest_goal_change(self, goal_id: str, updated_at: str) -> None:
        """After a merge, a goal was last changed when either copy was."""
        self.conn.execute(
            "UPDATE goals SET updated_at = max(updated_at, ?) WHERE id = ?", [updated_at, goal_id]
        )
