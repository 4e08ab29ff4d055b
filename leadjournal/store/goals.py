"""Goals, their measures and check-ins."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from leadjournal import messages
from leadjournal.errors import NotFound
from leadjournal.models import CheckIn, Goal, GoalMeasure, GoalStatus
from leadjournal.store.base import StoreBase


class GoalRows(StoreBase):
    def insert_goal(self, goal: Goal) -> None:
        """A goal with its measures (check-ins are added one by one)."""
        self._insert("goals", goal.model_dump(exclude={"measures", "checkins"}))
        for position, measure in enumerate(goal.measures):
            self._insert("goal_measures", {**measure.model_dump(), "position": position})

    def set_goal_pair(self, goal_id: str, other_id: str, at: str) -> None:
        """Pair two goals; the pair is written on both."""
        self.conn.execute(
            "UPDATE goals SET pair_id = ?, updated_at = ? WHERE id = ?", [other_id, at, goal_id]
        )
        self.conn.execute(
            "UPDATE goals SET pair_id = ?, updated_at = ? WHERE id = ?", [goal_id, at, other_id]
        )

    def set_goal_status(
        self, goal_id: str, status: GoalStatus, note: str | None, at: str, day: str
    ) -> None:
        self.conn.execute(
            """UPDATE goals SET status = ?, outcome_note = COALESCE(?, outcome_note),
                      closed_at = ?, closed_date = ?, updated_at = ? WHERE id = ?""",
            [status, note, at, day, at, goal_id],
        )

    def insert_checkin(self, checkin: CheckIn, *, touch_goal: bool = True) -> None:
        """Record a check-in; it counts as a change to its goal unless ``touch_goal``
        is off (import keeps the exported ``updated_at`` as it was)."""
        self._insert("goal_checkins", checkin.model_dump(exclude={"measure"}))
        if touch_goal:
            self.conn.execute(
                "UPDATE goals SET updated_at = ? WHERE id = ?",
                [checkin.created_at, checkin.goal_id],
            )

    def get_goal(self, goal_id: str) -> Goal:
        found = self._goals("WHERE id = ?", [goal_id])
        if not found:
            raise NotFound(
                messages.NOT_FOUND.format(noun="goal", id=goal_id), messages.GOAL_ID_HINT
            )
        return found[0]

    def goals(self, status: GoalStatus | None = None) -> list[Goal]:
        if status is None:
            return self._goals("", [])
        return self._goals("WHERE status = ?", [status])

    def checkins_in_week(self, week: str) -> list[CheckIn]:
        """The goal check-ins of one week, with their measures' names."""
        rows = self.conn.execute(
            """SELECT c.*, m.name AS measure FROM goal_checkins c
               JOIN goal_measures m ON m.id = c.measure_id
               WHERE c.week = ? ORDER BY c.date, c.created_at, c.rowid""",
            [week],
        ).fetchall()
        return [CheckIn.model_validate(dict(row)) for row in rows]

    def _goals(self, where: str, params: Sequence[Any]) -> list[Goal]:
        rows = self.conn.execute(
            f"SELECT * FROM goals {where} ORDER BY start_date, created_at, rowid", list(params)
        ).fetchall()
        if not rows:
            return []
        ids = [row["id"] for row in rows]
        measure_rows = self._children("goal_measures", "goal_id", ids, "position")
        checkin_rows = self._children("goal_checkins", "goal_id", ids, "date, created_at, rowid")
        # A check-in is shown with its measure's name, which lives on the measure.
        names = {m["id"]: m["name"] for group in measure_rows.values() for m in group}

        def measures(goal_id: str) -> list[GoalMeasure]:
            return [
                GoalMeasure(**{k: v for k, v in m.items() if k != "position"})
                for m in measure_rows.get(goal_id, [])
            ]

        def checkins(goal_id: str) -> list[CheckIn]:
            return [
                CheckIn(**{**c, "measure": names[c["measure_id"]]})
                for c in checkin_rows.get(goal_id, [])
            ]

        return [
            Goal(**{**dict(row), "measures": measures(row["id"]), "checkins": checkins(row["id"])})
            for row in rows
        ]
