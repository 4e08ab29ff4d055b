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
        self.conn.execute(
            """INSERT INTO goals (id, title, kind, level, cadence, status, achievable, relevant,
                                  start_date, due_date, pair_id, outcome_note, created_at,
                                  updated_at, closed_at, closed_date, date, week)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                goal.id,
                goal.title,
                goal.kind,
                goal.level,
                goal.cadence,
                goal.status,
                goal.achievable,
                goal.relevant,
                goal.start_date,
                goal.due_date,
                goal.pair_id,
                goal.outcome_note,
                goal.created_at,
                goal.updated_at,
                goal.closed_at,
                goal.closed_date,
                goal.date,
                goal.week,
            ],
        )
        self.conn.executemany(
            """INSERT INTO goal_measures (id, goal_id, name, kind, unit, baseline, target, position)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (m.id, goal.id, m.name, m.kind, m.unit, m.baseline, m.target, position)
                for position, m in enumerate(goal.measures)
            ],
        )

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
        self.conn.execute(
            """INSERT INTO goal_checkins (id, goal_id, measure_id, value, note, review_id,
                                          created_at, date, week)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                checkin.id,
                checkin.goal_id,
                checkin.measure_id,
                checkin.value,
                checkin.note,
                checkin.review_id,
                checkin.created_at,
                checkin.date,
                checkin.week,
            ],
        )
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

    def _goals(self, where: str, params: Sequence[Any]) -> list[Goal]:
        rows = self.conn.execute(
            f"SELECT * FROM goals {where} ORDER BY start_date, created_at, rowid", list(params)
        ).fetchall()
        if not rows:
            return []
        ids = [row["id"] for row in rows]
        marks = ",".join("?" for _ in ids)
        measures: dict[str, list[GoalMeasure]] = {}
        names: dict[str, str] = {}
        for m in self.conn.execute(
            f"SELECT * FROM goal_measures WHERE goal_id IN ({marks}) ORDER BY position", ids
        ):
            names[m["id"]] = m["name"]
            measures.setdefault(m["goal_id"], []).append(
                GoalMeasure(
                    id=m["id"],
                    goal_id=m["goal_id"],
                    name=m["name"],
                    kind=m["kind"],
                    unit=m["unit"],
                    baseline=m["baseline"],
                    target=m["target"],
                )
            )
        checkins: dict[str, list[CheckIn]] = {}
        for c in self.conn.execute(
            f"""SELECT * FROM goal_checkins WHERE goal_id IN ({marks})
                ORDER BY date, created_at, rowid""",
            ids,
        ):
            checkins.setdefault(c["goal_id"], []).append(
                CheckIn(
                    id=c["id"],
                    goal_id=c["goal_id"],
                    measure_id=c["measure_id"],
                    measure=names[c["measure_id"]],
                    value=c["value"],
                    note=c["note"],
                    review_id=c["review_id"],
                    created_at=c["created_at"],
                    date=c["date"],
                    week=c["week"],
                )
            )
        return [
            Goal(
                id=row["id"],
                title=row["title"],
                kind=row["kind"],
                level=row["level"],
                cadence=row["cadence"],
                status=row["status"],
                achievable=row["achievable"],
                relevant=row["relevant"],
                start_date=row["start_date"],
                due_date=row["due_date"],
                pair_id=row["pair_id"],
                outcome_note=row["outcome_note"],
                created_at=row["created_at"],
                updated_at=row["updated_at"],
                closed_at=row["closed_at"],
                closed_date=row["closed_date"],
                date=row["date"],
                week=row["week"],
                measures=measures.get(row["id"], []),
                checkins=checkins.get(row["id"], []),
            )
            for row in rows
        ]
