"""People: the roster, notes about each person, and the links from what was written.

Matching names in text is not done here (see ``mentions`` and ``peoplebook``):
triggers queue each item whose text changed, and the people use-cases read
the queue, match, and write the links back through these methods.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from leadjournal import messages, weeks
from leadjournal.errors import NotFound
from leadjournal.models import (
    LinkChoice,
    LinkKind,
    Person,
    PersonLink,
    PersonNote,
    PersonStatus,
)
from leadjournal.store.base import StoreBase

LINK_KINDS: tuple[LinkKind, ...] = ("entry", "win", "commitment")


class PeopleRows(StoreBase):
    # -- the roster ----------------------------------------------------------

    def has_people(self) -> bool:
        return self.conn.execute("SELECT 1 FROM people LIMIT 1").fetchone() is not None

    def insert_person(self, person: Person) -> None:
        """A person with every name they go by (and, from an export, notes and links)."""
        self._insert("people", person.model_dump(exclude={"aliases", "notes", "links", "choices"}))
        self._set_aliases(person.id, person.handle, person.aliases)
        for note in person.notes:
            self.insert_person_note(note)
        for link in person.links:
            self.put_link(link)
        for choice in person.choices:
            self.put_choice(choice)

    def _set_aliases(self, person_id: str, handle: str, aliases: Iterable[str]) -> None:
        self.conn.execute("DELETE FROM person_aliases WHERE person_id = ?", [person_id])
        names = [handle, *(a for a in aliases if a != handle)]
        self.conn.executemany(
            "INSERT INTO person_aliases (person_id, alias) VALUES (?, ?)",
            [(person_id, name) for name in dict.fromkeys(names)],
        )

    def update_person(
        self,
        person_id: str,
        at: str,
        *,
        name: str,
        handle: str,
        aliases: Sequence[str],
        note: str | None,
        status: PersonStatus,
        archived_at: str | None,
    ) -> None:
        """Change a person, keeping how they stood before (``restore`` brings it back)."""
        self._keep_version("person", person_id, "edited")
        self.conn.execute(
            """UPDATE people SET name = ?, handle = ?, note = ?, status = ?, archived_at = ?,
                      updated_at = ? WHERE id = ?""",
            [name, handle, note, status, archived_at, at, person_id],
        )
        self._set_aliases(person_id, handle, aliases)

    def owner_of_name(self, name: str) -> str | None:
        """The person a handle or alias belongs to, if any."""
        row = self.conn.execute(
            "SELECT person_id FROM person_aliases WHERE alias = ?", [name]
        ).fetchone()
        return None if row is None else str(row[0])

    def people_named(self, full_name: str) -> list[str]:
        """The ids of people whose full name is ``full_name`` (any case)."""
        rows = self.conn.execute(
            "SELECT id FROM people WHERE lower(name) = lower(?) ORDER BY id", [full_name]
        )
        return [str(row[0]) for row in rows]

    def get_person(self, person_id: str, *, whole: bool = True) -> Person:
        found = self._people("WHERE id = ?", [person_id], whole=whole)
        if not found:
            raise NotFound(
                messages.NOT_FOUND.format(noun="person", id=person_id), messages.PERSON_HINT
            )
        return found[0]

    def people(self, status: PersonStatus | None = None, *, whole: bool = False) -> list[Person]:
        if status is None:
            return self._people("", [], whole=whole)
        return self._people("WHERE status = ?", [status], whole=whole)

    def iter_people(self) -> Iterator[Person]:
        """Every person whole (notes, links, choices), for the export."""
        yield from self._people("", [], whole=True)

    def _people(self, where: str, params: Sequence[Any], *, whole: bool) -> list[Person]:
        rows = self.conn.execute(
            f"SELECT * FROM people {where} ORDER BY lower(name), handle, id", list(params)
        ).fetchall()
        if not rows:
            return []
        ids = [str(row["id"]) for row in rows]
        aliases = self._children("person_aliases", "person_id", ids, "alias")
        notes = (
            self._children("person_notes", "person_id", ids, "date, created_at, id")
            if whole
            else {}
        )
        links = (
            self._children("person_links", "person_id", ids, "date, item_kind, item_id")
            if whole
            else {}
        )
        choices = (
            self._children("person_link_choices", "person_id", ids, "item_kind, item_id, name")
            if whole
            else {}
        )
        people = []
        for row in rows:
            pid = str(row["id"])
            people.append(
                Person(
                    **dict(row),
                    aliases=[
                        a["alias"] for a in aliases.get(pid, []) if a["alias"] != row["handle"]
                    ],
                    notes=[PersonNote(**n) for n in notes.get(pid, [])],
                    links=[PersonLink(**link) for link in links.get(pid, [])],
                    choices=[LinkChoice(**c) for c in choices.get(pid, [])],
                )
            )
        return people

    # -- notes ---------------------------------------------------------------

    def insert_person_note(self, note: PersonNote) -> None:
        self._insert("person_notes", note.model_dump())

    def person_note_exists(self, note_id: str) -> bool:
        found = self.conn.execute("SELECT 1 FROM person_notes WHERE id = ?", [note_id]).fetchone()
        return found is not None

    # -- links ---------------------------------------------------------------

    def put_link(self, link: PersonLink) -> None:
        self.conn.execute(
            """INSERT OR REPLACE INTO person_links
                   (person_id, item_kind, item_id, how, date, week) VALUES (?, ?, ?, ?, ?, ?)""",
            [link.person_id, link.item_kind, link.item_id, link.how, link.date, link.week],
        )

    def has_link(self, person_id: str, item_kind: LinkKind, item_id: str) -> bool:
        found = self.conn.execute(
            """SELECT 1 FROM person_links WHERE person_id = ? AND item_kind = ? AND item_id = ?""",
            [person_id, item_kind, item_id],
        ).fetchone()
        return found is not None

    def replace_links(self, item_kind: LinkKind, item_id: str, links: Sequence[PersonLink]) -> None:
        """The links of one item, as its text reads now."""
        self.conn.execute(
            "DELETE FROM person_links WHERE item_kind = ? AND item_id = ?", [item_kind, item_id]
        )
        for link in links:
            self.put_link(link)

    def put_choice(self, choice: LinkChoice) -> None:
        self.conn.execute(
            """INSERT OR REPLACE INTO person_link_choices (item_kind, item_id, name, person_id)
               VALUES (?, ?, ?, ?)""",
            [choice.item_kind, choice.item_id, choice.name, choice.person_id],
        )

    def choices_for(self, item_kind: LinkKind, item_id: str) -> dict[str, str | None]:
        rows = self.conn.execute(
            "SELECT name, person_id FROM person_link_choices WHERE item_kind = ? AND item_id = ?",
            [item_kind, item_id],
        )
        return {str(r[0]): (None if r[1] is None else str(r[1])) for r in rows}

    def links_of(self, person_id: str) -> list[PersonLink]:
        rows = self.conn.execute(
            "SELECT * FROM person_links WHERE person_id = ? ORDER BY date DESC, item_kind, item_id",
            [person_id],
        )
        return [PersonLink(**dict(row)) for row in rows]

    def all_links(self, since_week: str | None = None) -> list[PersonLink]:
        where, params = ("WHERE week >= ?", [since_week]) if since_week else ("", [])
        rows = self.conn.execute(f"SELECT * FROM person_links {where}", params)
        return [PersonLink(**dict(row)) for row in rows]

    def all_notes(self, since_week: str | None = None) -> list[PersonNote]:
        where, params = ("WHERE week >= ?", [since_week]) if since_week else ("", [])
        rows = self.conn.execute(f"SELECT * FROM person_notes {where}", params)
        return [PersonNote(**dict(row)) for row in rows]

    def open_commitment_ids(self) -> set[str]:
        rows = self.conn.execute("SELECT id FROM commitments WHERE status = 'open'")
        return {str(row[0]) for row in rows}

    # -- the queue of texts to match ------------------------------------------

    def queued_items(self, limit: int = 500) -> list[tuple[LinkKind, str]]:
        rows = self.conn.execute(
            "SELECT item_kind, item_id FROM person_link_queue ORDER BY item_kind, item_id LIMIT ?",
            [limit],
        )
        return [(row[0], str(row[1])) for row in rows]

    def unqueue(self, items: Sequence[tuple[LinkKind, str]]) -> None:
        self.conn.executemany(
            "DELETE FROM person_link_queue WHERE item_kind = ? AND item_id = ?", list(items)
        )

    def requeue(self, item_kind: LinkKind, item_id: str) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO person_link_queue (item_kind, item_id) VALUES (?, ?)",
            [item_kind, item_id],
        )

    def queue_everything(self) -> None:
        """Every item with text, to be matched again (a person was added or renamed)."""
        self.conn.execute("INSERT OR IGNORE INTO person_link_queue SELECT 'entry', id FROM entries")
        self.conn.execute(
            """INSERT OR IGNORE INTO person_link_queue SELECT 'win', id FROM reviews
               WHERE coalesce(win, win_by) IS NOT NULL"""
        )
        self.conn.execute(
            "INSERT OR IGNORE INTO person_link_queue SELECT 'commitment', id FROM commitments"
        )

    def queue_naming(self, names: Iterable[str]) -> None:
        """The items whose text holds one of ``names`` (folded), to be matched again.

        SQLite's lower() knows only ASCII letters: for a name with any other
        letter, every item is queued.
        """
        wanted = sorted(
            {max(re.findall(r"\w+", n.split()[0]), key=len) for n in names if re.search(r"\w", n)}
        )
        if any(not n.isascii() for n in wanted):
            self.queue_everything()
            return
        sources = (
            ("entry", "entries", "coalesce(title, '') || ' ' || body"),
            ("win", "reviews", "coalesce(win, '') || ' ' || coalesce(win_by, '')"),
            ("commitment", "commitments", "text"),
        )
        for name in wanted:
            for kind, table, text in sources:
                self.conn.execute(
                    f"""INSERT OR IGNORE INTO person_link_queue
                        SELECT '{kind}', id FROM {table} WHERE instr(lower({text}), ?) > 0""",
                    [name.lower()],
                )

    def item_text(self, item_kind: LinkKind, item_id: str) -> tuple[str, str, str] | None:
        """An item's text, the day and week it belongs to; None when it is gone."""
        if item_kind == "entry":
            row = self.conn.execute(
                "SELECT title, body, date, week FROM entries WHERE id = ?", [item_id]
            ).fetchone()
            if row is None:
                return None
            text = f"{row['title']}\n{row['body']}" if row["title"] else str(row["body"])
            return text, str(row["date"]), str(row["week"])
        if item_kind == "win":
            row = self.conn.execute(
                "SELECT win, win_by, week, completed_at, updated_at FROM reviews WHERE id = ?",
                [item_id],
            ).fetchone()
            if row is None:
                return None
            text = "\n".join(part for part in (row["win"], row["win_by"]) if part)
            return (
                text,
                win_day(str(row["week"]), row["completed_at"] or row["updated_at"]),
                str(row["week"]),
            )
        row = self.conn.execute(
            "SELECT text, created_at, week FROM commitments WHERE id = ?", [item_id]
        ).fetchone()
        if row is None:
            return None
        return str(row["text"]), str(row["created_at"])[:10], str(row["week"])

    def win_of(self, review_id: str) -> tuple[str | None, str | None]:
        row = self.conn.execute(
            "SELECT win, win_by FROM reviews WHERE id = ?", [review_id]
        ).fetchone()
        return (None, None) if row is None else (row["win"], row["win_by"])

    # -- forgetting ------------------------------------------------------------

    def forget_counts(self, person_id: str) -> dict[str, int]:
        """What ``forget`` removes for one person, by what it is."""

        def count(sql: str) -> int:
            return int(self.conn.execute(sql, [person_id]).fetchone()[0])

        return {
            "notes": count("SELECT count(*) FROM person_notes WHERE person_id = ?"),
            "links": count("SELECT count(*) FROM person_links WHERE person_id = ?")
            + count("SELECT count(*) FROM person_link_choices WHERE person_id = ?"),
            "versions": count(
                "SELECT count(*) FROM versions WHERE kind = 'person' AND item_id = ?"
            ),
            "search": count(
                """SELECT count(*) FROM search_docs WHERE (kind = 'person' AND ref = ?1)
                   OR (kind = 'person_note' AND ref IN
                       (SELECT id FROM person_notes WHERE person_id = ?1))"""
            ),
        }

    def forget_person(self, person_id: str) -> None:
        """Remove a person and everything about them, their kept versions included."""
        for sql in (
            "DELETE FROM person_notes WHERE person_id = ?",
            "DELETE FROM person_links WHERE person_id = ?",
            "DELETE FROM person_link_choices WHERE person_id = ?",
            "DELETE FROM person_aliases WHERE person_id = ?",
            "DELETE FROM versions WHERE kind = 'person' AND item_id = ?",
            "DELETE FROM people WHERE id = ?",
            "DELETE FROM search_docs WHERE kind = 'person' AND ref = ?",
        ):
            self.conn.execute(sql, [person_id])

    # -- kept versions -----------------------------------------------------------

    def person_snapshot(self, person_id: str) -> tuple[str, dict[str, Any]] | None:
        found = self._people("WHERE id = ?", [person_id], whole=True)
        return None if not found else (found[0].week, found[0].model_dump(mode="json"))

    def restore_person(self, data: dict[str, Any]) -> None:
        person = _person_from(data)
        if self.conn.execute("SELECT 1 FROM people WHERE id = ?", [person.id]).fetchone():
            self._keep_version("person", person.id, "replaced")
            self.conn.execute("DELETE FROM person_aliases WHERE person_id = ?", [person.id])
            self.conn.execute("DELETE FROM people WHERE id = ?", [person.id])
        # Names taken since by someone else stay theirs.
        aliases = [a for a in person.aliases if self.owner_of_name(a) in (None, person.id)]
        links = [
            link
            for link in person.links
            if self.item_text(link.item_kind, link.item_id) is not None
        ]
        self.insert_person(
            person.model_copy(update={"aliases": aliases, "links": links, "choices": []})
        )
        self.queue_everything()


def win_day(week: str, finished_at: str) -> str:
    """The day a week's win belongs to: when the review was done, within its week."""
    end = weeks.week_end(week).isoformat()
    start = weeks.week_start(week).isoformat()
    day = finished_at[:10]
    return min(max(day, start), end)


def _person_from(data: dict[str, Any]) -> Person:
    return Person(
        **{
            **{k: v for k, v in data.items() if k not in ("notes", "links", "choices")},
            "aliases": list(data.get("aliases", [])),
            "notes": [PersonNote(**n) for n in data.get("notes", [])],
            "links": [PersonLink(**link) for link in data.get("links", [])],
            "choices": [LinkChoice(**c) for c in data.get("choices", [])],
        }
    )
