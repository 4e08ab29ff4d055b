"""Full-text search over everything written: entries, and the rest (wins,
commitments and their outcomes, follow-up notes, goal check-in notes, answers
of exercise runs under way), which live in ``search_docs`` (see m005).

Both indexes are kept by triggers, so edits, deletes, restores and imports
need nothing here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from leadjournal import snippets
from leadjournal.models import Entry
from leadjournal.store.entries import EntryRows

# FTS5 has no top-k shortcut: ranking means scoring every match. For a word
# in most of a large journal, the ranking is done among this many of the
# newest matches (newest written), not all of them.
RANK_WINDOW = 4000

# What an entry's kind is searched as; the rest are search_docs kinds.
ENTRY_KINDS = ("reflection", "review", "prompt", "exercise")


@dataclass(frozen=True)
class Found:
    kind: str  # an entry's kind, or a search_docs kind (win, commitment, …)
    id: str  # the entry, review, commitment, follow-up or check-in id
    week: str
    date: str
    snippet: str
    rank: float
    entry: Entry | None = None


class SearchRows(EntryRows):
    def search(
        self, query: str, limit: int = 20, kinds: Sequence[str] | None = None
    ) -> list[Found]:
        """Items matching every word of ``query``, best first, with a snippet."""
        terms = [term.replace('"', '""') for term in query.split()]
        if not terms:
            return []
        # Each word quoted: the leader's text is searched for, never parsed as
        # FTS5 syntax, so "AND", "*" or a stray quote cannot break the query.
        match = " ".join(f'"{term}"' for term in terms)
        entry_kinds = [k for k in ENTRY_KINDS if kinds is None or k in kinds]
        doc_kinds = None if kinds is None else [k for k in kinds if k not in ENTRY_KINDS]
        # Snippets are cut in Python, for the hits shown only: FTS5's
        # snippet() takes time that grows with the square of a text's length.
        pattern = snippets.matcher(terms)
        found: list[Found] = []
        if entry_kinds:
            found += self._search_entries(match, limit, entry_kinds, pattern)
        if doc_kinds is None or doc_kinds:
            found += self._search_docs(match, limit, doc_kinds, pattern)
        found.sort(key=lambda hit: hit.rank)
        return found[:limit]

    def _search_entries(
        self, match: str, limit: int, kinds: Sequence[str], pattern: re.Pattern[str] | None
    ) -> list[Found]:
        params: list[Any] = []
        join = ""  # every kind of entry: the index alone, no join
        if set(kinds) != set(ENTRY_KINDS):
            marks = ",".join("?" for _ in kinds)
            join = f"JOIN entries e ON e.rowid = f.rowid AND e.kind IN ({marks})"
            params = list(kinds)
        floor = self._floor("entries_fts", join, match, params)
        ranked = self._ranked("entries_fts", join, match, params, floor, limit)
        rows = [
            {"id": row[0], "rank": rank}
            for rowid, rank in ranked
            for row in self.conn.execute("SELECT id FROM entries WHERE rowid = ?", [rowid])
        ]
        entries = {e.id: e for e in self._entries_by_ids([row["id"] for row in rows])}
        return [
            Found(
                kind=entries[row["id"]].kind,
                id=row["id"],
                week=entries[row["id"]].week,
                date=entries[row["id"]].date,
                snippet=_snippet(entries[row["id"]].body, entries[row["id"]].title, pattern),
                rank=float(row["rank"]),
                entry=entries[row["id"]],
            )
            for row in rows
        ]

    def _search_docs(
        self,
        match: str,
        limit: int,
        kinds: Sequence[str] | None,
        pattern: re.Pattern[str] | None,
    ) -> list[Found]:
        params: list[Any] = []
        join = "JOIN search_docs d ON d.rowid = f.rowid"
        if kinds is not None:
            join += f" AND d.kind IN ({','.join('?' for _ in kinds)})"
            params = list(kinds)
        floor = self._floor("search_docs_fts", join, match, params)
        ranked = self._ranked("search_docs_fts", join, match, params, floor, limit)
        rows = [
            {**dict(row), "rank": rank}
            for rowid, rank in ranked
            for row in self.conn.execute(
                "SELECT kind, ref, week, date, body, extra FROM search_docs WHERE rowid = ?",
                [rowid],
            )
        ]
        return [
            Found(
                kind=str(row["kind"]),
                # A win is the review's; an exercise answer is its run's.
                id=str(row["ref"]).split("/", 1)[0],
                week=str(row["week"]),
                date=str(row["date"]),
                snippet=_snippet(row["body"] or "", row["extra"], pattern),
                rank=float(row["rank"]),
            )
            for row in rows
        ]

    def _ranked(
        self,
        table: str,
        join: str,
        match: str,
        params: Sequence[Any],
        floor: int,
        limit: int,
    ) -> list[tuple[int, float]]:
        """The best ``limit`` matches at or above ``floor``, as (rowid, rank)."""
        rows = self.conn.execute(
            f"""SELECT f.rowid, f.rank FROM {table} f {join}
                WHERE {table} MATCH ? AND f.rowid >= ? ORDER BY f.rank LIMIT ?""",
            [*params, match, floor, limit],
        )
        return [(int(row[0]), float(row[1])) for row in rows]

    def _floor(self, table: str, join: str, match: str, params: Sequence[Any]) -> int:
        """The rowid of the RANK_WINDOW-th newest match (0 when there are fewer)."""
        row = self.conn.execute(
            f"""SELECT f.rowid FROM {table} f {join} WHERE {table} MATCH ?
                ORDER BY f.rowid DESC LIMIT 1 OFFSET ?""",
            [*params, match, RANK_WINDOW - 1],
        ).fetchone()
        return 0 if row is None else int(row[0])


def _snippet(text: str, other: str | None, pattern: re.Pattern[str] | None) -> str:
    """A snippet of ``text``, or of ``other`` (a title, whose effort) when only it matches."""
    if pattern is not None and other and not pattern.search(text) and pattern.search(other):
        text = other
    return snippets.snippet(text, pattern)
