"""Which monthly and quarterly look-backs were done or set aside."""

from __future__ import annotations

from collections.abc import Sequence

from leadjournal.models import LookBackMark
from leadjournal.store.base import StoreBase


class LookBackRows(StoreBase):
    def get_look_back(self, kind: str, period: str) -> LookBackMark | None:
        row = self.conn.execute(
            "SELECT * FROM look_backs WHERE kind = ? AND period = ?", [kind, period]
        ).fetchone()
        # Our own row: built directly, no validation needed.
        return None if row is None else LookBackMark(**dict(row))

    def tags_by_week(self, weeks: Sequence[str]) -> list[tuple[str, str]]:
        """(week, tag) for each tag written in these weeks' entries, look-back
        answers left out (they are about a month, not the week they were written in)."""
        marks = ",".join("?" for _ in weeks)
        rows = self.conn.execute(
            f"""SELECT DISTINCT e.week, t.tag FROM entry_tags t JOIN entries e ON e.id = t.entry_id
                WHERE e.week IN ({marks}) AND e.id NOT IN
                    (SELECT entry_id FROM look_backs WHERE entry_id IS NOT NULL)
                ORDER BY e.week, t.tag""",
            list(weeks),
        )
        return [(str(row[0]), str(row[1])) for row in rows]

    def put_look_back(self, mark: LookBackMark) -> None:
        """Record a look-back done or skipped; done is never turned back into skipped."""
        self.conn.execute(
            """INSERT INTO look_backs (id, kind, period, status, week, entry_id, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (kind, period) DO UPDATE SET
                   status = CASE WHEN look_backs.status = 'done' THEN 'done'
                                 ELSE excluded.status END,
                   week = excluded.week,
                   entry_id = coalesce(excluded.entry_id, look_backs.entry_id),
                   updated_at = excluded.updated_at""",
            [
                mark.id,
                mark.kind,
                mark.period,
                mark.status,
                mark.week,
                mark.entry_id,
                mark.updated_at,
            ],
        )
