"""Exercise runs and the answers given along the way."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from leadjournal import messages
from leadjournal.errors import NotFound
from leadjournal.models import ExerciseAnswer, ExerciseRun, RunAssessment
from leadjournal.store.base import StoreBase


class ExerciseRows(StoreBase):
    def create_exercise_run(self, run: ExerciseRun) -> None:
        self._insert("exercise_runs", run.model_dump(exclude={"answers", "assessments"}))

    def save_exercise_answer(self, run_id: str, answer: ExerciseAnswer) -> None:
        """Record (or replace) one step's answer; a skipped step is stored as NULL,
        so a resumed run knows the step was passed, not forgotten."""
        self.conn.execute(
            """INSERT INTO exercise_answers (run_id, step_id, position, answer, answered_at)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (run_id, step_id) DO UPDATE
               SET position = excluded.position, answer = excluded.answer,
                   answered_at = excluded.answered_at""",
            [run_id, answer.step_id, answer.position, answer.answer, answer.answered_at],
        )
        self.conn.execute(
            "UPDATE exercise_runs SET updated_at = ? WHERE id = ?", [answer.answered_at, run_id]
        )

    def complete_exercise_run(self, run_id: str, at: str) -> None:
        self.conn.execute(
            """UPDATE exercise_runs SET status = 'complete', completed_at = ?, updated_at = ?
               WHERE id = ?""",
            [at, at, run_id],
        )

    def delete_exercise_run(self, run_id: str) -> None:
        self.conn.execute("DELETE FROM exercise_runs WHERE id = ?", [run_id])

    def get_exercise_run(self, run_id: str) -> ExerciseRun:
        found = self._exercise_runs("WHERE id = ?", [run_id])
        if not found:
            raise NotFound(
                messages.NOT_FOUND.format(noun="exercise run", id=run_id), messages.ID_HINT
            )
        return found[0]

    def in_progress_runs(self) -> dict[str, ExerciseRun]:
        """The newest unfinished run of each exercise, by exercise id."""
        runs = self._exercise_runs("WHERE status = 'in_progress'", [])
        # Oldest first, so the newest run of an exercise is the one kept.
        return {run.exercise_id: run for run in runs}

    def completed_exercise_runs(self, exercise_id: str) -> list[ExerciseRun]:
        return self._exercise_runs("WHERE exercise_id = ? AND status = 'complete'", [exercise_id])

    def exercise_runs_in_week(self, week: str) -> list[ExerciseRun]:
        return self._exercise_runs("WHERE week = ?", [week])

    def _exercise_runs(self, where: str, params: Sequence[Any]) -> list[ExerciseRun]:
        rows = self.conn.execute(
            f"SELECT * FROM exercise_runs {where} ORDER BY started_at, rowid", list(params)
        ).fetchall()
        ids = [row["id"] for row in rows]
        answers = self._children("exercise_answers", "run_id", ids, "position")
        assessed = self._children("exercise_assessments", "run_id", ids, "week, position")
        return [
            ExerciseRun(
                **{
                    **dict(row),
                    # An answer nests in its run, so it carries no run id of its own.
                    "answers": [
                        ExerciseAnswer(**{k: v for k, v in a.items() if k != "run_id"})
                        for a in answers.get(row["id"], [])
                    ],
                    "assessments": [
                        RunAssessment(**{k: v for k, v in a.items() if k != "run_id"})
                        for a in assessed.get(row["id"], [])
                    ],
                }
            )
            for row in rows
        ]
