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
        self.conn.execute(
            "UPDATE entries SET body = ?, updated_at = ? WHERE id = ?", [body, updated_at, entry_id]
        )
        self._set_tags(entry_id, tags)

    def delete_entry(self, entry_id: str) -> None:
        self.conn.execute("DELETE FROM entries WHERE id = ?", [entry_id])

    def get_entry(self, entry_id: str) -> Entry:
        rows = self._entries("WHERE e.id = ?", [entry_id])
        if not rows:
            raise NotFound(messages.NOT_FOUND.format(noun="entry", id=entry_id), messages.ID_HINT)
        return rows[0]

    def entries_in_weeks(
        self, weeks: Sequence[str], tag: str | None = None, limit: int | None = None
    ) -> list[Entry]:
        marks = ",".join("?" for _ in weeks)
        where = f"WHERE e.week IN ({marks})"
        params: list[Any] = list(weeks)
        if tag is not None:
            where += " AND e.id IN (SELECT entry_id FROM entry_tags WHERE tag = ?)"
            params.append(tag)
        return self._entries(where, params, limit=limit)

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

    def search(self, query: str, limit: int = 20) -> list[tuple[Entry, str]]:
        """Entries matching every word of ``query``, best first, with a snippet."""
        terms = [term.replace('"', '""') for term in query.split()]
        if not terms:
            return []
        # Each word quoted: the leader's text is searched for, never parsed as
        # FTS5 syntax, so "AND", "*" or a stray quote cannot break the query.
        match = " ".join(f'"{term}"' for term in terms)
        rows = self.conn.execute(
            """SELECT e.id AS id,
                      snippet(entries_fts, -1, '[', ']', '…', 12) AS snippet
               FROM entries_fts JOIN entries e ON e.rowid = entries_fts.rowid
               WHERE entries_fts MATCH ? ORDER BY bm25(entries_fts) LIMIT ?""",
            [match, limit],
        ).fetchall()
        found = {entry.id: entry for entry in self._entries_by_ids([r["id"] for r in rows])}
        return [(found[row["id"]], str(row["snippet"])) for row in rows]

    def _entries_by_ids(self, ids: Sequence[str]) -> list[Entry]:
        if not ids:
            return []
        marks = ",".join("?" for _ in ids)
        return self._entries(f"WHERE e.id IN ({marks})", list(ids))

    def _entries(self, where: str, params: Sequence[Any], limit: int | None = None) -> list[Entry]:
        # The newest `limit` entries, shown oldest first like a journal reads.
        sql = f"""SELECT e.*, (SELECT json_group_array(tag) FROM
                      (SELECT tag FROM entry_tags t WHERE t.entry_id = e.id ORDER BY tag)) AS tags
                  FROM entries e {where} ORDER BY e.created_at DESC, e.rowid DESC"""
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        rows = self.conn.execute(sql, list(params)).fetchall()
        return [_entry(row) for row in reversed(rows)]

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
