"""Entries and their tags: writing, reading, searching."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from leadjournal import messages
from leadjournal.errors import NotFound
from leadjournal.models import Entry
from leadjournal.store.base import StoreBase


class EntryRows(StoreBase):
    def insert_entry(self, entry: Entry) -> None:
        self._insert("entries", entry.model_dump(exclude={"tags"}))
        self._set_tags(entry.id, entry.tags)

    def _set_tags(self, entry_id: str, tags: Iterable[str]) -> None:
        self.conn.execute("DELETE FROM entry_tags WHERE entry_id = ?", [entry_id])
        self.conn.executemany(
            "INSERT OR IGNORE INTO entry_tags (entry_id, tag) VALUES (?, ?)",
            [(entry_id, tag) for tag in tags],
        )

    def update_entry(self, entry_id: str, body: str, tags: Sequence[str], updated_at: str) -> None:
        self._keep_version("entry", entry_id, "edited")
        self.conn.execute(
            "UPDATE entries SET body = ?, updated_at = ? WHERE id = ?", [body, updated_at, entry_id]
        )
        self._set_tags(entry_id, tags)

    def grow_entry(self, entry_id: str, body: str, tags: Sequence[str], updated_at: str) -> None:
        """The answer being typed, one more line of it.

        Not an edit: each line of a reflection is saved as it is typed, and
        the lines before it are never a finished version to keep.
        """
        self.conn.execute(
            "UPDATE entries SET body = ?, updated_at = ? WHERE id = ?", [body, updated_at, entry_id]
        )
        self._set_tags(entry_id, tags)

    def delete_entry(self, entry_id: str) -> None:
        self._keep_version("entry", entry_id, "deleted")
        self.conn.execute("DELETE FROM entries WHERE id = ?", [entry_id])

    def get_entry(self, entry_id: str) -> Entry:
        rows = self._entries("WHERE e.id = ?", [entry_id])
        if not rows:
            raise NotFound(messages.NOT_FOUND.format(noun="entry", id=entry_id), messages.ID_HINT)
        return rows[0]

    def entries_in_weeks(
        self,
        weeks: Sequence[str],
        tag: str | None = None,
        limit: int | None = None,
        *,
        by_day: bool = False,
    ) -> list[Entry]:
        """The entries of these weeks; ``by_day`` orders them by the day they belong to
        (newest first) rather than when they were written (oldest first)."""
        marks = ",".join("?" for _ in weeks)
        where = f"WHERE e.week IN ({marks})"
        params: list[Any] = list(weeks)
        if tag is not None:
            where += " AND e.id IN (SELECT entry_id FROM entry_tags WHERE tag = ?)"
            params.append(tag)
        return self._entries(where, params, limit=limit, by_day=by_day)

    def entries_with_tag(self, tag: str, limit: int | None = None) -> list[Entry]:
        return self._entries(
            "WHERE e.id IN (SELECT entry_id FROM entry_tags WHERE tag = ?)", [tag], limit=limit
        )

    def entries_for_review(self, review_id: str) -> list[Entry]:
        return self._entries("WHERE e.review_id = ?", [review_id])

    def prompts_answered_since(self, week: str) -> set[str]:
        rows = self.conn.execute(
            "SELECT DISTINCT prompt_id FROM entries WHERE prompt_id IS NOT NULL AND week >= ?",
            [week],
        )
        return {str(row[0]) for row in rows}

    def _entries_by_ids(self, ids: Sequence[str]) -> list[Entry]:
        if not ids:
            return []
        marks = ",".join("?" for _ in ids)
        return self._entries(f"WHERE e.id IN ({marks})", list(ids))

    def _entries(
        self, where: str, params: Sequence[Any], limit: int | None = None, by_day: bool = False
    ) -> list[Entry]:
        # The newest `limit` entries: by creation, shown oldest first like a
        # journal reads; or by the day they belong to, newest first, as log
        # lists them. The newest ids are chosen first and only those rows are
        # read with their tags: a tags subquery per row before the LIMIT would
        # run once for every entry in range.
        order = (
            "e.date DESC, e.created_at DESC, e.rowid DESC"
            if by_day
            else "e.created_at DESC, e.rowid DESC"
        )
        chosen = f"SELECT e.rowid FROM entries e {where} ORDER BY {order}"
        if limit is not None:
            chosen += f" LIMIT {int(limit)}"
        sql = f"""SELECT e.*, (SELECT json_group_array(tag) FROM
                      (SELECT tag FROM entry_tags t WHERE t.entry_id = e.id ORDER BY tag)) AS tags
                  FROM entries e WHERE e.rowid IN ({chosen}) ORDER BY {order}"""
        rows = self.conn.execute(sql, list(params)).fetchall()
        found = [_entry(row) for row in rows]
        return found if by_day else found[::-1]

    def set_starred(self, entry_id: str, starred: bool) -> None:
        self.conn.execute("UPDATE entries SET starred = ? WHERE id = ?", [int(starred), entry_id])

    def starred_entries(self, weeks: Sequence[str], limit: int) -> list[Entry]:
        marks = ",".join("?" for _ in weeks)
        return self._entries(f"WHERE e.starred = 1 AND e.week IN ({marks})", weeks, limit=limit)

    def top_tags(self, weeks: Sequence[str], limit: int) -> list[tuple[str, int]]:
        """The most-used tags in these weeks, with how many entries carry each."""
        marks = ",".join("?" for _ in weeks)
        rows = self.conn.execute(
            f"""SELECT t.tag, count(*) AS uses FROM entry_tags t JOIN entries e ON e.id = t.entry_id
                WHERE e.week IN ({marks}) GROUP BY t.tag ORDER BY uses DESC, t.tag LIMIT ?""",
            [*weeks, limit],
        )
        return [(str(row[0]), int(row[1])) for row in rows]

    def latest_entry_with_tag(self, tag: str, weeks: Sequence[str]) -> Entry | None:
        marks = ",".join("?" for _ in weeks)
        found = self._entries(
            f"""WHERE e.week IN ({marks})
                AND e.id IN (SELECT entry_id FROM entry_tags WHERE tag = ?)""",
            [*weeks, tag],
            limit=1,
        )
        return found[0] if found else None


def _entry(row: sqlite3.Row) -> Entry:
    tags = [tag for tag in json.loads(row["tags"] or "[]") if tag is not None]
    return Entry(**{**dict(row), "tags": tags, "starred": bool(row["starred"])})
