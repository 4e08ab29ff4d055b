"""The store's foundation: one connection, opening and migrating, transactions, ids.

Everyday reads and writes use plain ``sqlite3``: importing sqlite-utils costs
more than a whole ``write`` command may take, so it is loaded only when
migrations are pending.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Self, TypeVar

from leadjournal import messages
from leadjournal.clock import Clock, stamp
from leadjournal.errors import Ambiguous, NotFound, StorageError
from leadjournal.models import MigrationStatus, VersionAction, VersionKind
from leadjournal.store.files import (
    DB,
    _create_private_file,
    _free_name,
    _link_into_place,
    _prepare_file,
    damage_marker,
    describe_sqlite_error,
    is_damage,
    note_damage,
    owner_only,
    partial_name,
)

if TYPE_CHECKING:
    from leadjournal.store.cipher import Key

# The schema this code reads and writes; every migration sets
# ``PRAGMA user_version`` to its own number (a test keeps the two in step).
SCHEMA_VERSION = 8
APPLICATION_ID = int.from_bytes(b"LJRN", "big")
BUSY_TIMEOUT_SECONDS = 10.0
# A write that is told how to say it is waiting (``on_wait``) says so after
# this long, then waits as long as the other writer takes, checking for
# Ctrl-C between short waits.
PATIENT_GRACE_SECONDS = 1.0
PATIENT_STEP_SECONDS = 0.25

T = TypeVar("T")

IdTable = Literal[
    "entries",
    "commitments",
    "reviews",
    "exercise_runs",
    "goals",
    "goal_measures",
    "goal_checkins",
    "versions",
    "people",
    "person_notes",
]


def connect(path: Path | str, key: Key | None = None) -> sqlite3.Connection:
    """Open a connection with the journal's settings.

    The one place a connection is made: with a ``key``, an encrypted one
    (SQLCipher, imported only then: a plain journal never loads it).
    """
    if key is not None:
        from leadjournal.store import cipher

        return cipher.connect(path, key, BUSY_TIMEOUT_SECONDS)
    # isolation_level=None: we issue BEGIN IMMEDIATE ourselves, so a writer
    # waits on the busy timeout instead of failing when another terminal writes.
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    conn.row_factory = sqlite3.Row
    return conn


def _connect(path: Path | str, key: Key | None) -> sqlite3.Connection:
    # A plain journal's connection is made exactly as before (``connect(path)``),
    # so a test that stands in for ``connect`` still sees every call.
    return connect(path) if key is None else connect(path, key)


class StoreBase:
    """What every part of the store shares: the connection and its transactions."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: str,
        busy_timeout: float = BUSY_TIMEOUT_SECONDS,
        key: Key | None = None,
    ) -> None:
        self.conn = conn
        self.path = path
        # An encrypted journal's key: every other connection to it (a backup,
        # the copy it writes) uses the same one.
        self.key = key
        self.busy_timeout = busy_timeout
        # Set by a caller whose write must not fail behind a long writer
        # (an import): called once when the wait begins, then the write
        # waits for as long as the other takes.
        self.on_wait: Callable[[], None] | None = None
        self._depth = 0
        # The journal's clock, set by the use-cases: versions are stamped with
        # it, so "kept 30 days" follows LEADJOURNAL_NOW like everything else.
        self.clock: Clock | None = None
        # Items whose version this transaction already kept: one command that
        # changes three fields of a review keeps one version, the one before.
        self._kept: set[tuple[str, str]] = set()

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        backup_suffix: str = "",
        busy_timeout: float = BUSY_TIMEOUT_SECONDS,
        key: Key | None = None,
    ) -> Self:
        """Open (creating if needed) and migrate the journal at ``path``.

        ``busy_timeout`` is how long a write waits for another terminal's
        write before failing (unless ``on_wait`` is set). With ``key`` the
        journal is (or, when new, becomes) encrypted; a key that does not
        open it raises ``cipher.WrongPassphrase`` with nothing written.
        """
        if damage_marker(path).exists():
            raise StorageError(
                messages.DB_MARKED_DAMAGED.format(path=path), messages.DB_CORRUPT_HINT
            )
        # Whatever is created while opening (the file, the folder, a backup
        # before a migration) is the owner's alone, whatever the umask says.
        with owner_only():
            return cls._open(path, backup_suffix, busy_timeout, key)

    @classmethod
    def _open(
        cls, path: Path, backup_suffix: str, busy_timeout: float, key: Key | None
    ) -> Self:
        _prepare_file(path, encrypted=key is not None)
        try:
            conn = _connect(path, key)
        except DB.database as exc:
            raise describe_sqlite_error(exc, str(path)) from exc
        try:
            if key is not None:
                from leadjournal.store import cipher

                # A wrong key fails on the first page: said as such, never
                # taken for damage (no mark, nothing written).
                _retry_busy(lambda: cipher.check_key(conn, path))
                if path.stat().st_size == 0:
                    cipher.stamp_new(conn, APPLICATION_ID)
            if busy_timeout != BUSY_TIMEOUT_SECONDS:
                conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            _retry_busy(lambda: _check_identity(conn, path))
            # WAL lets a reader in one terminal and a writer in another both
            # proceed; FULL sync keeps a committed answer through a power cut.
            _retry_busy(lambda: conn.execute("PRAGMA journal_mode = WAL"))
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            store = cls(conn, str(path), busy_timeout, key)
            store._migrate(backup_suffix)
        except DB.database as exc:
            conn.close()
            if is_damage(exc):
                note_damage(path)
            raise describe_sqlite_error(exc, str(path)) from exc
        except BaseException:
            conn.close()
            raise
        return store

    @classmethod
    def memory(cls) -> Self:
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
        settings = None
        if self.key is not None:
            from leadjournal.store.cipher import cipher_settings

            settings = cipher_settings(self.conn)
        return MigrationStatus(
            path=self.path,
            schema_version=self._schema_version(),
            applied=applied,
            pending=[name for name in names if name not in applied],
            encrypted=self.key is not None,
            cipher=settings,
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
        partial = partial_name(target)
        try:
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            partial.unlink(missing_ok=True)
            _create_private_file(partial)
            # An encrypted journal's copy is encrypted with the same key (and
            # salt): the same passphrase opens it.
            copy = _connect(partial, self.key)
            # SQLite cannot copy through a connection in the middle of a write
            # (the backup before a migration is taken under its write lock),
            # so a second connection reads the last committed state instead.
            source = _connect(self.path, self.key) if self.conn.in_transaction else self.conn
            try:
                # One step: the copy is a single snapshot of the journal, and
                # in WAL mode taking it never blocks another terminal's write.
                source.backup(copy)
            finally:
                copy.close()
                if source is not self.conn:
                    source.close()
            _link_into_place(partial, target)
        except DB.error as exc:
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
        self._begin_write()
        self._kept = set()
        try:
            yield
        except BaseException:
            # After an I/O error or a full disk SQLite may have rolled back
            # already; a second ROLLBACK would hide the real error.
            if _in_transaction(self.conn):
                self.conn.execute("ROLLBACK")
            raise
        finally:
            self._kept = set()
        self.conn.execute("COMMIT")

    def _begin_write(self) -> None:
        """Take the write lock, waiting for another terminal's write to end.

        Without ``on_wait`` the wait is bounded by the busy timeout. With it,
        a write that meets a long writer (an import of a large file) says so
        once and then waits as long as that writer takes, in short steps so
        that Ctrl-C stops it at once.
        """
        if self.on_wait is None:
            self.conn.execute("BEGIN IMMEDIATE")
            return
        on_wait: Callable[[], None] | None = self.on_wait
        self._set_busy_timeout(min(PATIENT_GRACE_SECONDS, self.busy_timeout))
        try:
            while True:
                try:
                    self.conn.execute("BEGIN IMMEDIATE")
                    return
                except DB.operational as exc:
                    if not _is_busy(exc):
                        raise
                if on_wait is not None:  # the first busy grace is over: say so, once
                    on_wait()
                    on_wait = None
                    self._set_busy_timeout(PATIENT_STEP_SECONDS)
        finally:
            self._set_busy_timeout(self.busy_timeout)

    def _set_busy_timeout(self, seconds: float) -> None:
        self.conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A read transaction: several queries see one consistent journal."""
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
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

    def exists(self, table: IdTable, row_id: str) -> bool:
        row = self.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row_id]).fetchone()
        return row is not None

    # -- shared by every kind of row ---------------------------------------

    def now_utc(self) -> str:
        """Now, as the journal's clock says (SQLite's, when no clock was given)."""
        if self.clock is not None:
            return stamp(self.clock).utc
        return str(self.conn.execute("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')").fetchone()[0])

    def _keep_version(self, kind: VersionKind, item_id: str, action: VersionAction) -> None:
        """Keep the item as it is now, before a change takes it away (see ``history``)."""
        raise NotImplementedError

    def _children(
        self, table: str, parent: str, ids: Sequence[str], order_by: str
    ) -> dict[str, list[dict[str, Any]]]:
        """The rows of ``table`` that belong to each of ``ids``, by parent id.

        One query for all parents (not one per parent), so listing a hundred
        commitments costs two queries, not a hundred and one.
        """
        grouped: dict[str, list[dict[str, Any]]] = {}
        if not ids:
            return grouped
        marks = ",".join("?" for _ in ids)
        for row in self.conn.execute(
            f"SELECT * FROM {table} WHERE {parent} IN ({marks}) ORDER BY {order_by}", list(ids)
        ):
            grouped.setdefault(row[parent], []).append(dict(row))
        return grouped

    def _insert(self, table: str, row: dict[str, Any]) -> None:
        # Column names come from our own models' fields, never from input.
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))


def _in_transaction(conn: sqlite3.Connection) -> bool:
    # A function, not the attribute inline: the answer changes when SQLite
    # rolls back by itself (after an I/O error or a full disk).
    return conn.in_transaction


def _is_busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


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
        except DB.operational as exc:
            if attempt == attempts - 1 or not _is_busy(exc):
                raise
            time.sleep(delay)
            delay *= 2
    raise AssertionError("unreachable")


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
