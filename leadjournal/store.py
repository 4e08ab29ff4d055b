"""The journal's storage: opens the database, migrates it, maps rows to models.

The only module with SQL in it. Everyday reads and writes use plain
``sqlite3``: importing sqlite-utils costs more than a whole ``write`` command
may take, so it is loaded only when migrations are pending.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal, TypeVar

from leadjournal import messages
from leadjournal.errors import Ambiguous, NotFound, StorageError
from leadjournal.models import (
    CheckIn,
    Commitment,
    CommitmentStatus,
    Entry,
    ExerciseAnswer,
    ExerciseRun,
    FollowUp,
    Goal,
    GoalMeasure,
    GoalStatus,
    MigrationStatus,
    Review,
)

# The schema this code reads and writes; every migration sets
# ``PRAGMA user_version`` to its own number (a test keeps the two in step).
SCHEMA_VERSION = 2
APPLICATION_ID = int.from_bytes(b"LJRN", "big")
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 10.0

T = TypeVar("T")

IdTable = Literal[
    "entries", "commitments", "reviews", "exercise_runs", "goals", "goal_measures", "goal_checkins"
]


def connect(path: Path | str) -> sqlite3.Connection:
    """Open a connection with the journal's settings.

    The one place a connection is made, so an encrypted connection can
    replace this function without touching the rest.
    """
    # isolation_level=None: we issue BEGIN IMMEDIATE ourselves, so a writer
    # waits on the busy timeout instead of failing when another terminal writes.
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    conn.row_factory = sqlite3.Row
    return conn


class Store:
    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self._depth = 0

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, backup_suffix: str = "") -> Store:
        """Open (creating if needed) and migrate the journal at ``path``."""
        if damage_marker(path).exists():
            raise StorageError(
                messages.DB_MARKED_DAMAGED.format(path=path), messages.DB_CORRUPT_HINT
            )
        _prepare_file(path)
        try:
            conn = connect(path)
        except sqlite3.DatabaseError as exc:
            raise describe_sqlite_error(exc, str(path)) from exc
        try:
            _retry_busy(lambda: _check_identity(conn, path))
            # WAL lets a reader in one terminal and a writer in another both
            # proceed; FULL sync keeps a committed answer through a power cut.
            _retry_busy(lambda: conn.execute("PRAGMA journal_mode = WAL"))
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            store = cls(conn, str(path))
            store._migrate(backup_suffix)
        except sqlite3.DatabaseError as exc:
            conn.close()
            if is_damage(exc):
                note_damage(path)
            raise describe_sqlite_error(exc, str(path)) from exc
        except BaseException:
            conn.close()
            raise
        return store

    @classmethod
    def memory(cls) -> Store:
        """A fresh in-memory journal, for tests and dry runs."""
        conn = connect(":memory:")
        conn.execute("PRAGMA foreign_keys = ON")
        store = cls(conn, ":memory:")
        store._migrate("")
        return store

    def close(self) -> None:
        self.conn.close()

    def _schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self, backup_suffix: str) -> None:
        version = self._schema_version()
        if version > SCHEMA_VERSION:
            raise StorageError(messages.DB_TOO_NEW.format(path=self.path), messages.DB_TOO_NEW_HINT)
        if version == SCHEMA_VERSION:
            return
        # Lazy: sqlite-utils is only needed on the rare open that migrates.
        from sqlite_utils import Database

        from leadjournal.migrations import migrations

        db = Database(self.conn)
        # One IMMEDIATE transaction around the whole set: two terminals that
        # open an old journal at once take turns, and a failed step (or a
        # killed process) leaves the file as it was (sqlite-utils nests each
        # migration in a savepoint).
        _retry_busy(lambda: self.conn.execute("BEGIN IMMEDIATE"))
        try:
            current = self._schema_version()
            if current < SCHEMA_VERSION:
                # The backup is taken under the write lock, after the version
                # is read again: the terminal that loses the race to upgrade
                # neither upgrades twice nor trips over the other's backup.
                if current > 0 and self.path != ":memory:":
                    self.backup(
                        _free_name(Path(f"{self.path}.before-v{SCHEMA_VERSION}{backup_suffix}"))
                    )
                migrations.apply(db)
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def migration_status(self) -> MigrationStatus:
        from leadjournal.migrations import migrations

        names = [m.name for m in migrations._migrations]
        applied = [
            row["name"]
            for row in self.conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                ["leadjournal"],
            )
        ]
        return MigrationStatus(
            path=self.path,
            schema_version=self._schema_version(),
            applied=applied,
            pending=[name for name in names if name not in applied],
        )

    def backup(self, target: Path) -> Path:
        """A consistent copy of the journal, readable by its owner only."""
        if target.exists():
            raise StorageError(
                messages.BACKUP_EXISTS.format(path=target), messages.BACKUP_EXISTS_HINT
            )
        # Written beside the target under a temporary name, then linked into
        # place: a backup killed half-way never leaves a half-copy under the
        # name the leader asked for, and an existing file is never replaced.
        partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
        try:
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            partial.unlink(missing_ok=True)
            _create_private_file(partial)
            copy = connect(partial)
            # SQLite cannot copy through a connection in the middle of a write
            # (the backup before a migration is taken under its write lock),
            # so a second connection reads the last committed state instead.
            source = connect(self.path) if self.conn.in_transaction else self.conn
            try:
                # One step: the copy is a single snapshot of the journal, and
                # in WAL mode taking it never blocks another terminal's write.
                source.backup(copy)
            finally:
                copy.close()
                if source is not self.conn:
                    source.close()
            _link_into_place(partial, target)
        except sqlite3.Error as exc:
            raise describe_sqlite_error(exc, str(target)) from exc
        except OSError as exc:
            raise StorageError(
                messages.BACKUP_FAILED.format(path=target, reason=exc.strerror or exc),
                messages.DB_PATH_HINT,
            ) from exc
        finally:
            partial.unlink(missing_ok=True)
        return target

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic write; waits for another terminal's write to finish.

        Nested calls become savepoints, so a use-case built from smaller ones
        still commits once, all or nothing.
        """
        if self.conn.in_transaction:
            self._depth += 1
            name = f"nested_{self._depth}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                if _in_transaction(self.conn):
                    self.conn.execute(f"ROLLBACK TO {name}")
                    self.conn.execute(f"RELEASE {name}")
                raise
            finally:
                self._depth -= 1
            self.conn.execute(f"RELEASE {name}")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            # After an I/O error or a full disk SQLite may have rolled back
            # already; a second ROLLBACK would hide the real error.
            if _in_transaction(self.conn):
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- ids ---------------------------------------------------------------

    def resolve_id(
        self, table: IdTable, prefix: str, noun: str, hint: str = messages.ID_HINT
    ) -> str:
        """The full id a unique prefix names, as git resolves short hashes."""
        wanted = prefix.strip().lower()
        if not wanted or any(c not in "0123456789abcdef-" for c in wanted):
            raise NotFound(messages.NOT_FOUND.format(noun=noun, id=prefix), hint)
        # A range on the primary key: an index seek, not a scan, at any size.
        rows = self.conn.execute(
            f"SELECT id FROM {table} WHERE id >= ? AND id < ? ORDER BY id LIMIT 6",
            [wanted, wanted + "g"],
        ).fetchall()
        if not rows:
            raise NotFound(messages.NOT_FOUND.format(noun=noun, id=prefix), hint)
        if len(rows) > 1:
            candidates = [row["id"][:12] for row in rows]
            raise Ambiguous(
                messages.AMBIGUOUS.format(noun=noun, id=prefix, candidates=", ".join(candidates)),
                messages.AMBIGUOUS_HINT,
                candidates,
            )
        return str(rows[0]["id"])

    # -- entries -----------------------------------------------------------

    def insert_entry(self, entry: Entry) -> None:
        self._insert("entries", entry.model_dump(exclude={"tags"}))
        self._set_tags(entry.id, entry.tags)

    def _insert(self, table: str, row: dict[str, Any]) -> None:
        # Column names come from our own models' fields, never from input.
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))

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

    # -- reviews -----------------------------------------------------------

    def get_review(self, week: str) -> Review | None:
        row = self.conn.execute("SELECT * FROM reviews WHERE week = ?", [week]).fetchone()
        return None if row is None else self._review(row)

    def reviews_in_weeks(self, weeks: Sequence[str]) -> list[Review]:
        marks = ",".join("?" for _ in weeks)
        rows = self.conn.execute(
            f"SELECT * FROM reviews WHERE week IN ({marks}) ORDER BY week", list(weeks)
        ).fetchall()
        return [self._review(row) for row in rows]

    def rated_reviews(self, up_to_week: str) -> list[Review]:
        """Reviews with both core ratings, up to a week: what trends are made of."""
        rows = self.conn.execute(
            """SELECT * FROM reviews WHERE week <= ?
               AND results IS NOT NULL AND relationships IS NOT NULL ORDER BY week""",
            [up_to_week],
        ).fetchall()
        return [self._review(row) for row in rows]

    def create_review(self, review_id: str, week: str, at: str) -> None:
        self.conn.execute(
            "INSERT INTO reviews (id, week, started_at, updated_at) VALUES (?, ?, ?, ?)",
            [review_id, week, at, at],
        )

    def delete_review(self, review_id: str) -> None:
        """Remove a review and what it recorded, so the week can be done again."""
        self.conn.execute(
            "DELETE FROM entries WHERE review_id = ? AND kind = 'review'", [review_id]
        )
        self.conn.execute(
            "DELETE FROM commitments WHERE review_id = ? AND source = 'review'", [review_id]
        )
        self.conn.execute("DELETE FROM reviews WHERE id = ?", [review_id])

    def update_review(self, review_id: str, at: str, **fields: Any) -> None:
        allowed = {"results", "relationships", "win", "win_by", "status", "completed_at"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"not review fields: {sorted(unknown)}")
        assignments = ", ".join(f"{name} = ?" for name in fields)
        self.conn.execute(
            f"UPDATE reviews SET {assignments}, updated_at = ? WHERE id = ?",
            [*fields.values(), at, review_id],
        )

    def set_extra_rating(self, review_id: str, dimension: str, value: int) -> None:
        self.conn.execute(
            """INSERT INTO review_ratings (review_id, dimension, value) VALUES (?, ?, ?)
               ON CONFLICT (review_id, dimension) DO UPDATE SET value = excluded.value""",
            [review_id, dimension, value],
        )

    def mark_step(self, review_id: str, step: str, at: str) -> None:
        row = self.conn.execute(
            "SELECT steps_done FROM reviews WHERE id = ?", [review_id]
        ).fetchone()
        done: list[str] = json.loads(row["steps_done"])
        if step not in done:
            done.append(step)
        self.conn.execute(
            "UPDATE reviews SET steps_done = ?, updated_at = ? WHERE id = ?",
            [json.dumps(done), at, review_id],
        )

    def _review(self, row: sqlite3.Row) -> Review:
        extra = {
            str(r["dimension"]): int(r["value"])
            for r in self.conn.execute(
                """SELECT dimension, value FROM review_ratings
                   WHERE review_id = ? ORDER BY dimension""",
                [row["id"]],
            )
        }
        return _review_with(row, extra)

    # -- commitments -------------------------------------------------------

    def insert_commitment(self, commitment: Commitment) -> None:
        self._insert("commitments", commitment.model_dump(exclude={"follow_ups"}))

    def get_commitment(self, commitment_id: str) -> Commitment:
        found = self._commitments("WHERE id = ?", [commitment_id])
        if not found:
            raise NotFound(
                messages.NOT_FOUND.format(noun="commitment", id=commitment_id), messages.ID_HINT
            )
        return found[0]

    def commitments(self, status: CommitmentStatus | None = None) -> list[Commitment]:
        if status is None:
            return self._commitments("", [])
        return self._commitments("WHERE status = ?", [status])

    def commitment_for_review(self, review_id: str) -> Commitment | None:
        found = self._commitments("WHERE review_id = ? AND source = 'review'", [review_id])
        return found[0] if found else None

    def open_commitments_before(self, week: str) -> list[Commitment]:
        return self._commitments("WHERE status = 'open' AND week < ?", [week])

    def delete_commitment(self, commitment_id: str) -> None:
        self.conn.execute("DELETE FROM commitments WHERE id = ?", [commitment_id])

    def set_commitment_status(
        self, commitment_id: str, status: CommitmentStatus, note: str | None, at: str | None
    ) -> None:
        self.conn.execute(
            """UPDATE commitments SET status = ?, outcome_note = COALESCE(?, outcome_note),
                      closed_at = ? WHERE id = ?""",
            [status, note, at if status != "open" else None, commitment_id],
        )

    def record_follow_up(self, follow_up: FollowUp) -> None:
        self.conn.execute(
            """INSERT INTO follow_ups (id, commitment_id, week, outcome, note, created_at)
               VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (commitment_id, week) DO UPDATE
               SET outcome = excluded.outcome, note = excluded.note""",
            list(follow_up.model_dump().values()),
        )

    def followed_up_in(self, week: str) -> set[str]:
        rows = self.conn.execute("SELECT commitment_id FROM follow_ups WHERE week = ?", [week])
        return {str(row[0]) for row in rows}

    def _commitments(self, where: str, params: Sequence[Any]) -> list[Commitment]:
        rows = self.conn.execute(
            f"SELECT * FROM commitments {where} ORDER BY week, created_at", list(params)
        ).fetchall()
        follow_ups: dict[str, list[FollowUp]] = {}
        if rows:
            marks = ",".join("?" for _ in rows)
            for f in self.conn.execute(
                f"SELECT * FROM follow_ups WHERE commitment_id IN ({marks}) ORDER BY week",
                [row["id"] for row in rows],
            ):
                follow_ups.setdefault(f["commitment_id"], []).append(
                    FollowUp.model_validate(dict(f))
                )
        return [_commitment(row, follow_ups.get(row["id"], [])) for row in rows]

    # -- export, import and the brief -----------------------------------------
    #
    # Export reads every table through a cursor, one row at a time, so memory
    # stays flat however large the journal grows. Child rows (tags, extra
    # ratings, follow-ups, answers) come back with their parent as JSON built
    # by SQLite, one indexed lookup per row instead of a second pass.

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A read transaction: several queries see one consistent journal."""
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            self.conn.execute("COMMIT")

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
                         ORDER BY position, step_id)) AS answers
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

    def exists(self, table: IdTable, row_id: str) -> bool:
        row = self.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row_id]).fetchone()
        return row is not None

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
            self.set_extra_rating(review.id, dimension, value)

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

    def commitments_made_in(self, weeks: Sequence[str]) -> list[Commitment]:
        marks = ",".join("?" for _ in weeks)
        return self._commitments(f"WHERE week IN ({marks})", list(weeks))

    # -- exercise runs -----------------------------------------------------

    def create_exercise_run(self, run: ExerciseRun) -> None:
        self._insert("exercise_runs", run.model_dump(exclude={"answers"}))

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

    def _exercise_runs(self, where: str, params: Sequence[Any]) -> list[ExerciseRun]:
        rows = self.conn.execute(
            f"SELECT * FROM exercise_runs {where} ORDER BY started_at, rowid", list(params)
        ).fetchall()
        answers: dict[str, list[ExerciseAnswer]] = {}
        if rows:
            marks = ",".join("?" for _ in rows)
            for a in self.conn.execute(
                f"""SELECT * FROM exercise_answers WHERE run_id IN ({marks})
                    ORDER BY position""",
                [row["id"] for row in rows],
            ):
                row_of = dict(a)
                run_id = row_of.pop("run_id")
                answers.setdefault(run_id, []).append(ExerciseAnswer.model_validate(row_of))
        return [
            ExerciseRun.model_validate({**dict(row), "answers": answers.get(row["id"], [])})
            for row in rows
        ]

    # -- goals -------------------------------------------------------------

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

    def review_weeks(self) -> list[str]:
        """The weeks that have a review (done or under way), oldest first."""
        return [str(row[0]) for row in self.conn.execute("SELECT week FROM reviews ORDER BY week")]


def _entry(row: sqlite3.Row) -> Entry:
    tags = [tag for tag in json.loads(row["tags"] or "[]") if tag is not None]
    return Entry.model_validate({**dict(row), "tags": tags, "starred": bool(row["starred"])})


def _review_with(row: sqlite3.Row, extra: dict[str, int]) -> Review:
    return Review.model_validate(
        {**dict(row), "extra": extra, "steps_done": json.loads(row["steps_done"])}
    )


def _commitment(row: sqlite3.Row, follow_ups: list[FollowUp]) -> Commitment:
    return Commitment.model_validate({**dict(row), "follow_ups": follow_ups})


# -- files and errors --------------------------------------------------------


def _prepare_file(path: Path) -> None:
    """Create a new journal file owner-only, or check an existing one is SQLite."""
    if path.is_dir():
        raise StorageError(messages.DB_IS_FOLDER.format(path=path), messages.DB_PATH_HINT)
    if path.exists():
        _check_header(path)
        return
    try:
        # 0700: the folder holding private reflections is the owner's alone.
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _create_private_file(path)
    except FileExistsError:
        # Another terminal created it a moment ago: open theirs.
        return
    except OSError as exc:
        raise StorageError(
            messages.CANNOT_CREATE_DB.format(path=path, reason=exc.strerror or exc),
            messages.DB_PATH_HINT,
        ) from exc


def _in_transaction(conn: sqlite3.Connection) -> bool:
    # A function, not the attribute inline: the answer changes when SQLite
    # rolls back by itself (after an I/O error or a full disk).
    return conn.in_transaction


def _check_header(path: Path) -> None:
    """Refuse a file that is not SQLite, or a journal cut short, before SQLite sees it."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
        size = path.stat().st_size
    except OSError as exc:
        raise StorageError(
            messages.CANNOT_READ_DB.format(path=path, reason=exc.strerror or exc),
            messages.DB_PATH_HINT,
        ) from exc
    # An empty file is a valid empty database; anything else must be SQLite.
    if header and not header.startswith(SQLITE_MAGIC):
        raise StorageError(messages.NOT_SQLITE.format(path=path), messages.NOT_SQLITE_HINT)
    if len(header) < 100:
        if header:
            raise StorageError(messages.DB_TRUNCATED.format(path=path), messages.DB_CORRUPT_HINT)
        return
    pages = expected_pages(header)
    # Without a write-ahead log or rollback journal beside it, every page the
    # header counts must be in the file; fewer means the file was cut short.
    # (With a log, SQLite may still have pages to write back, so let it.)
    companions = (Path(f"{path}-wal"), Path(f"{path}-journal"))
    has_log = any(c.exists() and c.stat().st_size > 0 for c in companions)
    if pages is not None and not has_log and size < pages[0] * pages[1]:
        raise StorageError(messages.DB_TRUNCATED.format(path=path), messages.DB_CORRUPT_HINT)


def expected_pages(header: bytes) -> tuple[int, int] | None:
    """(page count, page size) from a SQLite header, when the header's count is valid."""
    raw_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if raw_size == 1 else raw_size
    count = int.from_bytes(header[28:32], "big")
    change_counter = header[24:28]
    valid_for = header[92:96]
    # The in-header page count is trusted only when "version-valid-for"
    # matches the change counter (older writers did not keep it up to date).
    if count == 0 or change_counter != valid_for or page_size < 512:
        return None
    return count, page_size


def _free_name(stem: Path) -> Path:
    """``stem.db``, or ``stem-2.db``, ``stem-3.db``… whichever does not exist yet.

    An upgrade that failed once has left its backup; the next try keeps that
    one and writes another beside it.
    """
    candidate = Path(f"{stem}.db")
    number = 1
    while candidate.exists():
        number += 1
        candidate = Path(f"{stem}-{number}.db")
    return candidate


def _link_into_place(partial: Path, target: Path) -> None:
    """Give a finished file its final name, never replacing an existing one."""
    try:
        os.link(partial, target)
    except FileExistsError:
        raise StorageError(
            messages.BACKUP_EXISTS.format(path=target), messages.BACKUP_EXISTS_HINT
        ) from None
    except OSError:
        # Some filesystems have no hard links; check, then rename.
        if target.exists():
            raise StorageError(
                messages.BACKUP_EXISTS.format(path=target), messages.BACKUP_EXISTS_HINT
            ) from None
        partial.replace(target)
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    # The new name is durable only once the folder itself is flushed.
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _retry_busy(action: Callable[[], T], attempts: int = 5) -> T:
    """Run ``action``, retrying a few times while another terminal holds the file.

    The busy timeout covers ordinary writes, but a few steps (switching to WAL,
    recovering a log a killed process left, a schema change in flight) can
    still report SQLITE_BUSY or "locked" at once; a short, bounded wait turns
    those into a pause instead of an error.
    """
    delay = 0.05
    for attempt in range(attempts):
        try:
            return action()
        except sqlite3.OperationalError as exc:
            text = str(exc).lower()
            if attempt == attempts - 1 or ("locked" not in text and "busy" not in text):
                raise
            time.sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")


def _create_private_file(path: Path) -> None:
    # O_EXCL with mode 0600: the file never exists, even briefly, with wider
    # permissions than the owner's (SQLite gives -wal and -shm the same mode).
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(descriptor)


def _check_identity(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a SQLite file that belongs to some other program."""
    # One statement, so one snapshot: read apart, another terminal could
    # finish creating the journal in between and its tables would seem to
    # belong to "another program" (the mark is set at the end of m001).
    app_id, has_tables = conn.execute(
        "SELECT (SELECT application_id FROM pragma_application_id()),"
        " (SELECT count(*) FROM sqlite_master)"
    ).fetchone()
    if app_id == APPLICATION_ID:
        return
    if app_id != 0 or has_tables:
        raise StorageError(messages.NOT_A_JOURNAL.format(path=path), messages.NOT_SQLITE_HINT)


def damage_marker(path: Path | str) -> Path:
    """The file beside a journal that says it was found damaged."""
    return Path(f"{path}.damaged")


def is_damage(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "malformed" in text or "corrupt" in text or "not a database" in text


def note_damage(path: Path | str) -> None:
    """Stop every later command from writing to a journal found damaged.

    SQLite notices damage only on the pages a command happens to read, so a
    later write could still land in the healthy parts of a broken file. The
    mark keeps the file exactly as it was found until ``db doctor`` has looked
    at it (and clears the mark if the file turns out healthy).
    """
    if str(path) == ":memory:":
        return
    try:
        descriptor = os.open(damage_marker(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError:
        return  # already marked, or the folder is read-only: nothing more to do
    os.close(descriptor)


def describe_sqlite_error(exc: sqlite3.Error, path: str) -> StorageError:
    """Turn SQLite's error into one the leader can act on."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StorageError(messages.DB_LOCKED.format(path=path), messages.DB_LOCKED_HINT)
    if "full" in text:
        return StorageError(messages.DISK_FULL.format(path=path), messages.DISK_FULL_HINT)
    if "disk i/o error" in text:
        return StorageError(messages.DISK_IO.format(path=path), messages.DISK_FULL_HINT)
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StorageError(messages.DB_READ_ONLY.format(path=path), messages.DB_PATH_HINT)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StorageError(messages.DB_CORRUPT.format(path=path), messages.DB_CORRUPT_HINT)
    if isinstance(exc, sqlite3.IntegrityError):
        return StorageError(messages.DB_CONSTRAINT.format(detail=exc), messages.DB_CONSTRAINT_HINT)
    return StorageError(messages.DB_ERROR.format(path=path, detail=exc), messages.DB_ERROR_HINT)
