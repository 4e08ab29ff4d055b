"""``db doctor``: what is wrong with a journal file, and what can be saved from it.

Besides the ``store`` package, the one module that speaks SQL: it reads files the
store refuses to open (cut short, damaged, of an unknown version), so it
cannot go through the store's mapping of rows to models.

Two promises. The original file is never written: every check runs on a
private copy. And recovery writes a new journal beside it, never over it,
readable by the owner only.

No copy goes anywhere else: the working copy lives in a hidden folder beside
the journal (``.journal.db.PID.doctor``, owner-only), removed when the doctor
finishes and, if it was killed, by the next command (see
``store.files.clean_leftovers``).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from leadjournal import messages
from leadjournal.models import DoctorCheck, DoctorReport, Recovery
from leadjournal.store import (
    APPLICATION_ID,
    DB,
    SCHEMA_VERSION,
    SQLITE_MAGIC,
    Store,
    damage_marker,
    expected_pages,
)
from leadjournal.store.files import SIDECARS, exposures, owner_only, partial_name

if TYPE_CHECKING:
    from leadjournal.store.cipher import Key

Method = Literal["auto", "sqlite3", "python"]
CLI_METHOD = "sqlite3 .recover"
PYTHON_METHOD = "python row copy"
# How many damaged stretches of one table the row copy steps over before it
# gives up on the rest of that table.
_MAX_SKIPS = 50
# How far past a damaged page the row copy looks for the next readable row.
_MAX_PROBES = 100_000


def examine(path: Path, key: Key | None = None) -> DoctorReport:
    """Check a journal file without changing it.

    ``key`` opens an encrypted journal; its working copy is the encrypted
    file itself, copied, and read with the same key (nothing decrypted on disk).
    """
    checks: list[DoctorCheck] = []
    if not path.exists():
        checks.append(_ok("file", messages.DOCTOR_NO_FILE.format(path=path)))
        return DoctorReport(path=str(path), healthy=True, checks=checks)
    if path.is_dir():
        checks.append(_bad("file", messages.DB_IS_FOLDER.format(path=path)))
        return DoctorReport(path=str(path), healthy=False, checks=checks)
    checks.extend(_permissions(path))
    size = path.stat().st_size
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        checks.append(_bad("file", messages.CANNOT_READ_DB.format(path=path, reason=exc.strerror)))
        return _report(path, checks)
    if not header:
        checks.append(_ok("file", messages.DOCTOR_EMPTY))
        return _report(path, checks)
    if key is not None:
        checks.append(_ok("header", messages.DOCTOR_ENCRYPTED.format(size=size)))
    elif not header.startswith(SQLITE_MAGIC):
        checks.append(_bad("format", messages.DOCTOR_NOT_SQLITE.format(start=repr(header[:16]))))
        return _report(path, checks)
    else:
        checks.append(_header_check(path, header, size))
    try:
        with _private_copy(path, encrypted=key is not None) as copy:
            checks.extend(_database_checks(copy, key))
    except _NoWorkingCopy as exc:
        checks.append(_bad("working copy", exc.message))
    marker = damage_marker(path)
    if marker.exists():
        if all(check.ok for check in checks):
            marker.unlink(missing_ok=True)
            checks.append(_ok("damage mark", messages.DOCTOR_MARK_CLEARED))
        else:
            checks.append(_bad("damage mark", messages.DOCTOR_MARKED))
    return _report(path, checks)


def needs_recovery(report: DoctorReport) -> bool:
    """True when the file is damaged (not merely mis-permissioned, too new or not SQLite)."""
    damaged = {"header", "readable", "integrity", "search index"}
    return any(not check.ok and check.name in damaged for check in report.checks)


def recover(
    path: Path, target: Path | None = None, method: Method = "auto", key: Key | None = None
) -> Recovery:
    """Copy what can be read from a damaged journal into a new one.

    ``method`` "auto" uses the sqlite3 program's ``.recover`` when it is
    installed (it reads rows even from pages the b-tree no longer reaches),
    else copies readable rows table by table with Python's sqlite3 module.
    """
    destination = target if target is not None else free_name(path, "recovered")
    if destination.exists():
        from leadjournal.errors import StorageError

        raise StorageError(
            messages.BACKUP_EXISTS.format(path=destination), messages.BACKUP_EXISTS_HINT
        )
    try:
        return _recover(path, destination, method, key)
    except _NoWorkingCopy as exc:
        from leadjournal.errors import StorageError

        raise StorageError(exc.message, messages.DB_PATH_HINT) from exc


def _recover(path: Path, destination: Path, method: Method, key: Key | None) -> Recovery:
    with _private_copy(path, encrypted=key is not None) as copy:
        scratch = copy.parent
        used, source, note = PYTHON_METHOD, copy, None
        # The sqlite3 program cannot read an encrypted journal (and would
        # write what it recovers as plaintext): rows are copied in Python,
        # into a new journal encrypted with the same key.
        cli = _sqlite_cli() if method != "python" and key is None else None
        if method == "sqlite3" and cli is None:
            from leadjournal.errors import StorageError

            raise StorageError(messages.DOCTOR_NO_CLI, messages.DOCTOR_NO_CLI_HINT)
        if cli is not None:
            recovered = scratch / "recovered.db"
            _private_file(recovered)
            if _cli_recover(cli, copy, recovered):
                used, source = CLI_METHOD, recovered
            else:
                note = messages.DOCTOR_CLI_FAILED
        elif method == "auto" and key is None:
            note = messages.DOCTOR_CLI_MISSING
        # A fresh journal with today's schema, then the rows that can be read.
        partial = partial_name(destination)
        try:
            with owner_only():
                Store.open(partial, key=key).close()
                copied, unreadable, dropped = (
                    _copy_rows(source, partial) if key is None else _copy_rows(source, partial, key)
                )
            partial.replace(destination)
        finally:
            for suffix in ("", *SIDECARS):
                Path(f"{partial}{suffix}").unlink(missing_ok=True)
    return Recovery(
        path=str(destination),
        method=used,
        rows=copied,
        unreadable=unreadable,
        dropped=dropped,
        note=note,
    )


def free_name(path: Path, word: str) -> Path:
    """``journal.<word>.db`` beside ``path``, or ``journal.<word>-2.db``… if taken."""
    candidate = path.with_name(f"{path.stem}.{word}.db")
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}.{word}-{number}.db")
    return candidate


# -- the checks ----------------------------------------------------------------


def _ok(name: str, detail: str) -> DoctorCheck:
    return DoctorCheck(name=name, ok=True, detail=detail)


def _bad(name: str, detail: str) -> DoctorCheck:
    return DoctorCheck(name=name, ok=False, detail=detail)


def _report(path: Path, checks: list[DoctorCheck]) -> DoctorReport:
    return DoctorReport(path=str(path), healthy=all(c.ok for c in checks), checks=checks)


def _permissions(path: Path) -> list[DoctorCheck]:
    found: list[DoctorCheck] = []
    info = path.stat()
    folder = path.parent.stat()
    mode = stat.S_IMODE(info.st_mode)
    if info.st_uid != os.geteuid():
        found.append(_bad("permissions", messages.DOCTOR_NOT_OWNER.format(uid=info.st_uid)))
    elif not mode & stat.S_IRUSR or not mode & stat.S_IWUSR:
        found.append(_bad("permissions", messages.DOCTOR_READ_ONLY.format(mode=f"{mode:o}")))
    elif not stat.S_IMODE(folder.st_mode) & stat.S_IWUSR:
        detail = messages.DOCTOR_FOLDER_READ_ONLY.format(folder=path.parent)
        found.append(_bad("permissions", detail))
    elif mode & 0o077:
        found.append(_bad("permissions", messages.DOCTOR_TOO_OPEN.format(mode=f"{mode:o}")))
    else:
        found.append(_ok("permissions", messages.DOCTOR_PERMISSIONS_OK.format(mode=f"{mode:o}")))
    for exposed in exposures(path):
        shown = f"{exposed.mode:o}"
        if exposed.kind == "folder":
            detail = messages.DOCTOR_FOLDER_TOO_OPEN.format(folder=exposed.path, mode=shown)
            found.append(_bad("folder permissions", detail))
        elif exposed.kind == "sidecar":
            detail = messages.DOCTOR_SIDECAR_TOO_OPEN.format(name=exposed.path.name, mode=shown)
            found.append(_bad("sidecar permissions", detail))
    return found


def _header_check(path: Path, header: bytes, size: int) -> DoctorCheck:
    pages = expected_pages(header)
    wal = Path(f"{path}-wal")
    has_wal = wal.exists() and wal.stat().st_size > 0
    if pages is not None and not has_wal and size < pages[0] * pages[1]:
        return _bad(
            "header",
            messages.DOCTOR_TRUNCATED.format(
                expected=pages[0] * pages[1], pages=pages[0], size=size
            ),
        )
    return _ok("header", messages.DOCTOR_HEADER_OK.format(size=size))


def _connect(path: Path, key: Key | None) -> sqlite3.Connection:
    if key is None:
        return sqlite3.connect(path, isolation_level=None)
    from leadjournal.store import connect

    return connect(path, key)


def _database_checks(copy: Path, key: Key | None) -> Iterator[DoctorCheck]:
    try:
        conn = _connect(copy, key)
    except DB.error as exc:
        yield _bad("readable", messages.DOCTOR_UNREADABLE.format(detail=exc))
        return
    with closing(conn):
        try:
            app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {
                str(row[0])
                for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        except DB.error as exc:
            yield _bad("readable", messages.DOCTOR_UNREADABLE.format(detail=exc))
            return
        yield _ok("readable", messages.DOCTOR_READABLE.format(tables=len(tables)))
        if app_id != APPLICATION_ID and (app_id != 0 or tables):
            yield _bad("identity", messages.DOCTOR_NOT_A_JOURNAL)
        else:
            yield _ok("identity", messages.DOCTOR_IS_A_JOURNAL)
        if version > SCHEMA_VERSION:
            yield _bad(
                "schema",
                messages.DOCTOR_SCHEMA_NEWER.format(version=version, ours=SCHEMA_VERSION),
            )
        elif version < SCHEMA_VERSION:
            yield _ok(
                "schema", messages.DOCTOR_SCHEMA_OLDER.format(version=version, ours=SCHEMA_VERSION)
            )
        else:
            yield _ok("schema", messages.DOCTOR_SCHEMA_CURRENT.format(version=version))
        yield _integrity(conn)
        yield _foreign_keys(conn)
        if "entries_fts" in tables:
            yield _search_index(conn)


def _integrity(conn: sqlite3.Connection) -> DoctorCheck:
    try:
        problems = [str(row[0]) for row in conn.execute("PRAGMA integrity_check(10)")]
    except DB.error as exc:
        return _bad("integrity", messages.DOCTOR_INTEGRITY_FAILED.format(detail=exc))
    if problems == ["ok"]:
        return _ok("integrity", messages.DOCTOR_INTEGRITY_OK)
    return _bad(
        "integrity",
        messages.DOCTOR_INTEGRITY_PROBLEMS.format(
            count=messages.counted(len(problems), "problem"), first="; ".join(problems)
        ),
    )


def _foreign_keys(conn: sqlite3.Connection) -> DoctorCheck:
    try:
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    except DB.error as exc:
        return _bad("foreign keys", messages.DOCTOR_INTEGRITY_FAILED.format(detail=exc))
    if not broken:
        return _ok("foreign keys", messages.DOCTOR_FOREIGN_KEYS_OK)
    tables = sorted({str(row[0]) for row in broken})
    return _bad(
        "foreign keys",
        messages.DOCTOR_FOREIGN_KEYS_BROKEN.format(
            count=messages.counted(len(broken), "row"), tables=", ".join(tables)
        ),
    )


def _search_index(conn: sqlite3.Connection) -> DoctorCheck:
    try:
        # Compares each index with the rows it was built from (on the copy).
        conn.execute("INSERT INTO entries_fts(entries_fts) VALUES ('integrity-check')")
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_docs_fts'").fetchone():
            conn.execute("INSERT INTO search_docs_fts(search_docs_fts) VALUES ('integrity-check')")
    except DB.error as exc:
        return _bad("search index", messages.DOCTOR_SEARCH_BROKEN.format(detail=exc))
    return _ok("search index", messages.DOCTOR_SEARCH_OK)


# -- copies and recovery -------------------------------------------------------


def _no_scratch_message(path: Path, exc: OSError) -> str:
    return messages.DOCTOR_NO_SCRATCH.format(folder=path.parent, reason=exc.strerror or exc)


class _NoWorkingCopy(Exception):
    """The private copy beside the journal could not be made (a read-only folder, a full disk)."""

    def __init__(self, path: Path, exc: OSError) -> None:
        super().__init__(_no_scratch_message(path, exc))
        self.message = _no_scratch_message(path, exc)


@contextmanager
def _private_copy(path: Path, *, encrypted: bool = False) -> Iterator[Path]:
    """The journal (and its write-ahead log) copied into a private folder beside it."""
    folder = partial_name(path, "doctor")
    shutil.rmtree(folder, ignore_errors=True)  # our own pid's, from a crash long ago
    try:
        with owner_only():
            folder.mkdir(mode=0o700)
    except OSError as exc:
        raise _NoWorkingCopy(path, exc) from exc
    try:
        copy = folder / "journal.db"
        try:
            _private_file(copy, source=path)
            wal = Path(f"{path}-wal")
            if wal.exists():
                _private_file(Path(f"{copy}-wal"), source=wal)
            elif not encrypted:  # an encrypted header is ciphertext: not ours to edit
                _fit_header_to_file(copy)
        except OSError as exc:
            raise _NoWorkingCopy(path, exc) from exc
        with owner_only():
            yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _private_file(target: Path, source: Path | None = None) -> None:
    """A new file only its owner can read: empty, or a copy of ``source``."""
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        if source is not None:
            with source.open("rb") as handle:
                shutil.copyfileobj(handle, out, 1024 * 1024)


def _fit_header_to_file(copy: Path) -> None:
    """Let SQLite read what is left of a file that was cut short (on the copy only).

    SQLite trusts the page count in the header, so a cut file reads as
    "malformed" from its first query. Lowering the count to the whole pages
    that remain lets the tables in those pages be checked and recovered.
    """
    with copy.open("r+b") as handle:
        header = handle.read(100)
        pages = expected_pages(header) if len(header) == 100 else None
        if pages is None:
            return
        count, page_size = pages
        whole = copy.stat().st_size // page_size
        if 0 < whole < count:
            handle.seek(28)
            handle.write(whole.to_bytes(4, "big"))
            handle.truncate(whole * page_size)


def _sqlite_cli() -> str | None:
    """The sqlite3 program, if it is installed and its ``.recover`` works.

    Some builds list ``.recover`` but lack the page-reading table it needs, so
    it is tried on an empty database rather than taken on trust.
    """
    found = shutil.which("sqlite3")
    if found is None:
        return None
    try:
        probe = subprocess.run(
            [found, ":memory:", ".recover"], capture_output=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return found if probe.returncode == 0 else None


def _cli_recover(cli: str, damaged: Path, target: Path) -> bool:
    try:
        dump = subprocess.run(
            [cli, str(damaged), ".recover"], capture_output=True, timeout=600, check=False
        )
        if dump.returncode != 0 or not dump.stdout:
            return False
        load = subprocess.run(
            [cli, str(target)], input=dump.stdout, capture_output=True, timeout=600, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return load.returncode == 0 and target.exists()


def _skipped_table(name: str) -> bool:
    # The search indexes are rebuilt from the rows they index (search_docs by
    # its triggers as those rows are copied); the ledger of migrations belongs
    # to the new file.
    return (
        name.startswith("sqlite_")
        or name.startswith("entries_fts")
        or name.startswith("search_docs")
        or name in ("_sqlite_migrations", "lost_and_found")
    )


def _copy_rows(
    source: Path, target: Path, key: Key | None = None
) -> tuple[dict[str, int], dict[str, int], int]:
    """Every readable row of ``source`` into the journal at ``target``."""
    copied: dict[str, int] = {}
    unreadable: dict[str, int] = {}
    with (
        closing(_connect(source, key)) as src,
        closing(_connect(target, key)) as dst,
    ):
        try:
            tables = [
                str(row[0])
                for row in src.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            ]
        except DB.error:
            tables = []
        wanted = {
            str(row[0]): [str(c[1]) for c in dst.execute(f"PRAGMA table_info('{row[0]}')")]
            for row in dst.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not _skipped_table(str(row[0]))
        }
        dst.execute("PRAGMA foreign_keys = OFF")
        dst.execute("BEGIN IMMEDIATE")
        dropped = 0
        for table in tables:
            if table not in wanted:
                continue
            try:
                have = [str(c[1]) for c in src.execute(f"PRAGMA table_info('{table}')")]
            except DB.error:
                unreadable[table] = unreadable.get(table, 0) + 1
                continue
            columns = [c for c in have if c in wanted[table]]
            if not columns:
                continue
            listed = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" for _ in columns)
            insert = f'INSERT OR IGNORE INTO "{table}" ({listed}) VALUES ({marks})'
            count = 0
            rows, failures = _readable_rows(src, table, listed)
            for row in rows:
                if dst.execute(insert, row).rowcount == 1:
                    count += 1
                else:
                    dropped += 1
            copied[table] = count
            if failures:
                unreadable[table] = failures
        dropped += _drop_orphans(dst)
        for (name,) in dst.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING FTS5%'"
        ).fetchall():
            dst.execute(f'INSERT INTO "{name}"("{name}") VALUES (\'rebuild\')')
        dst.execute("COMMIT")
        dst.execute("PRAGMA foreign_keys = ON")
    return copied, unreadable, dropped


def _readable_rows(
    conn: sqlite3.Connection, table: str, listed: str
) -> tuple[list[tuple[object, ...]], int]:
    """The rows of ``table`` that can be read, stepping over damaged stretches."""
    rows: list[tuple[object, ...]] = []
    failures = 0
    has_rowid = True
    try:
        conn.execute(f'SELECT rowid FROM "{table}" LIMIT 1').fetchall()
    except DB.error as exc:
        has_rowid = "no such column" not in str(exc)
    if not has_rowid:
        try:
            for row in conn.execute(f'SELECT {listed} FROM "{table}"'):
                rows.append(tuple(row))
        except DB.error:
            failures += 1
        return rows, failures
    try:
        highest = conn.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0]
    except DB.error:
        highest = None
    after: int | None = None  # the last rowid read
    start: int | None = None  # where the next scan begins (inclusive)
    while failures <= _MAX_SKIPS:
        query = f'SELECT rowid, {listed} FROM "{table}"'
        params: list[object] = []
        if start is not None:
            # ">=" a rowid known to be readable: "> the last one read" would
            # seek into the damaged page that stopped the previous scan.
            query += " WHERE rowid >= ?"
            params.append(start)
        try:
            for row in conn.execute(query + " ORDER BY rowid", params):
                rows.append(tuple(row)[1:])
                after = int(row[0])
            return rows, failures
        except DB.error:
            failures += 1
        begin = (after + 1) if after is not None else (start or 0) + 1
        start = _next_readable_rowid(conn, table, max(begin, (start or 0) + 1), highest)
        if start is None:
            break
    return rows, failures


def _next_readable_rowid(
    conn: sqlite3.Connection, table: str, start: int, highest: int | None
) -> int | None:
    """The first rowid from ``start`` on that can be looked up, past a damaged page.

    A scan stops at the first damaged page; looking rows up one by one walks
    from the top of the tree instead, so the rows after the damage are found.
    """
    last = start + _MAX_PROBES if highest is None else min(highest, start + _MAX_PROBES)
    for candidate in range(start, last + 1):
        try:
            found = conn.execute(
                f'SELECT rowid FROM "{table}" WHERE rowid = ?', [candidate]
            ).fetchone()
        except DB.error:
            continue
        if found is not None:
            return candidate
    return None


def _drop_orphans(conn: sqlite3.Connection) -> int:
    """Make the recovered rows agree with each other, as the schema's rules say.

    A row whose parent was lost goes too (or, where the rule is SET NULL,
    loses only the link), exactly as if the parent had been deleted.
    """
    dropped = 0
    for _round in range(5):
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if not broken:
            break
        for table in sorted({str(row[0]) for row in broken}):
            for fk in conn.execute(f"PRAGMA foreign_key_list('{table}')").fetchall():
                parent, column, parent_column, on_delete = fk[2], fk[3], fk[4] or "rowid", fk[6]
                orphan = (
                    f'"{column}" IS NOT NULL AND "{column}" NOT IN '
                    f'(SELECT "{parent_column}" FROM "{parent}")'
                )
                if on_delete == "SET NULL":
                    conn.execute(f'UPDATE "{table}" SET "{column}" = NULL WHERE {orphan}')
                else:
                    dropped += conn.execute(f'DELETE FROM "{table}" WHERE {orphan}').rowcount
    return dropped
