"""The journal file on disk: creating it privately, checking it, naming backups, errors.

Also the files we write beside it for a while (a backup or export being
written, ``db doctor``'s working copy): named with the writer's process id,
owner-only, and cleaned up by a later command when their writer is gone.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from leadjournal import messages
from leadjournal.errors import StorageError

SQLITE_MAGIC = b"SQLite format 3\x00"


SIDECARS = ("-wal", "-shm", "-journal")


class _DriverErrors:
    """SQLite's exception classes, from every driver loaded in this process.

    The standard library's always; sqlcipher3's (a separate copy of the same
    module, whose classes are not the standard library's) once an encrypted
    journal is opened. Every ``except`` that recognises a busy, damaged or
    foreign file names these, so both drivers' errors get the same answer.
    """

    def __init__(self) -> None:
        self.error: tuple[type[Exception], ...] = (sqlite3.Error,)
        self.database: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)
        self.operational: tuple[type[Exception], ...] = (sqlite3.OperationalError,)
        self.integrity: tuple[type[Exception], ...] = (sqlite3.IntegrityError,)

    def include(self, module: object) -> None:
        """Also recognise the classes of another DB-API copy of sqlite3 (sqlcipher3)."""
        names = {
            "error": "Error",
            "database": "DatabaseError",
            "operational": "OperationalError",
            "integrity": "IntegrityError",
        }
        for attribute, class_name in names.items():
            cls = getattr(module, class_name)
            known: tuple[type[Exception], ...] = getattr(self, attribute)
            if cls not in known:
                setattr(self, attribute, (*known, cls))


DB = _DriverErrors()


@contextmanager
def owner_only() -> Iterator[None]:
    """Files created meanwhile (by us or by SQLite) are readable by their owner only."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def _prepare_file(path: Path, *, encrypted: bool = False) -> None:
    """Create a new journal file owner-only, or check an existing one is SQLite.

    An encrypted journal's header is ciphertext: only SQLCipher can check it.
    """
    if path.is_dir():
        raise StorageError(messages.DB_IS_FOLDER.format(path=path), messages.DB_PATH_HINT)
    if not path.exists():
        # A link to a file that does not exist yet: create the file it names
        # (O_EXCL never follows a link, so creating the link's own path fails).
        target = Path(os.path.realpath(path)) if path.is_symlink() else path
        try:
            # 0700: the folder holding private reflections is the owner's alone.
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            _create_private_file(target)
        except FileExistsError:
            # Another terminal created it a moment ago: open theirs.
            if not path.exists():
                raise StorageError(
                    messages.CANNOT_CREATE_DB.format(path=path, reason="a broken link"),
                    messages.DB_PATH_HINT,
                ) from None
        except OSError as exc:
            raise StorageError(
                messages.CANNOT_CREATE_DB.format(path=path, reason=exc.strerror or exc),
                messages.DB_PATH_HINT,
            ) from exc
    if not encrypted:
        _check_header(path)
    _private_if_empty(path)


def _private_if_empty(path: Path) -> None:
    """An empty file is about to become a journal: make it the owner's alone first."""
    try:
        info = path.stat()
        if info.st_size == 0 and stat.S_IMODE(info.st_mode) & 0o077:
            path.chmod(stat.S_IMODE(info.st_mode) & 0o700 | 0o600)
    except OSError:
        pass  # not ours to change; opening it says what is wrong


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
    sync_folder(target.parent)


def sync_folder(folder: Path) -> None:
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


def _create_private_file(path: Path) -> None:
    # O_EXCL with mode 0600: the file never exists, even briefly, with wider
    # permissions than the owner's (SQLite gives -wal and -shm the same mode).
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(descriptor)


def damage_marker(path: Path | str) -> Path:
    """The file beside a journal that says it was found damaged."""
    return Path(f"{path}.damaged")


def is_damage(exc: BaseException) -> bool:
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


def describe_sqlite_error(exc: BaseException, path: str) -> StorageError:
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
    if isinstance(exc, DB.integrity):
        return StorageError(messages.DB_CONSTRAINT.format(detail=exc), messages.DB_CONSTRAINT_HINT)
    return StorageError(messages.DB_ERROR.format(path=path, detail=exc), messages.DB_ERROR_HINT)


# -- who else can read it -------------------------------------------------------


@dataclass(frozen=True)
class Exposure:
    """A journal file, one of its sidecars or its folder that others can reach."""

    path: Path
    mode: int
    private_mode: int  # what it should be: 0o600 for files, 0o700 for the folder
    kind: Literal["journal", "sidecar", "folder"]


def exposures(path: Path) -> list[Exposure]:
    """The journal, its sidecars and its folder, where group or others may read or write.

    Only files that exist and that this user owns (another user's file or
    folder is not ours to change).
    """
    found: list[Exposure] = []
    # Absolute ("." says nothing in a warning), and through a link to the real
    # file: SQLite keeps the -wal and -shm beside that.
    path = path.resolve()
    candidates: list[tuple[Path, Literal["journal", "sidecar", "folder"]]] = [
        (path, "journal"),
        *((Path(f"{path}{suffix}"), "sidecar") for suffix in SIDECARS),
        (path.parent, "folder"),
    ]
    for candidate, kind in candidates:
        try:
            info = candidate.stat()
        except OSError:
            continue
        mode = stat.S_IMODE(info.st_mode)
        if info.st_uid == os.geteuid() and mode & 0o066:
            private = 0o700 if kind == "folder" else 0o600
            found.append(Exposure(candidate, mode, private, kind))
    return found


# -- files being written, and what killed writers left -----------------------------

# ``.NAME.PID.partial`` (backups, recovered journals), ``.NAME.PID.XXXXXXXX.part``
# (exports) and ``.NAME.PID.doctor`` (doctor's working folder), with SQLite's
# sidecars; and the names older versions used, without the process id.
_WITH_PID = (
    r"^\.(?P<name>.+?)\.(?P<pid>[0-9]+)(?:\.[a-z0-9_]+)?\.(?:partial|part|doctor)"
    r"(?:-wal|-shm|-journal)?$"
)
_WITHOUT_PID = r"^\.(?P<name>.+?)(?:\.[a-z0-9_]{8}\.part|\.partial(?:-wal|-shm|-journal)?)$"
_ENDINGS = ("partial", "part", "doctor", "-wal", "-shm", "-journal")
# A file nobody has written to for this long is no longer being written.
STALE_SECONDS = 60.0


def partial_name(target: Path, kind: str = "partial") -> Path:
    """Where to write ``target`` until it is finished: beside it, hidden, with our pid."""
    return target.with_name(f".{target.name}.{os.getpid()}.{kind}")


def leftovers(folder: Path, now: float, wanted: Callable[[str], bool]) -> list[Path]:
    """Our temporary files in ``folder`` whose writer is gone.

    ``wanted`` is given the target's name (``journal.json`` for
    ``.journal.json.123.abcdefgh.part``) and says whether it is ours to look
    at. A name with a process id is left over once that process is gone; one
    without is left over once nobody has written to it for a minute. A file
    another running command is writing is never one of them.
    """
    found: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for entry in entries:
        # Cheap tests first: most folders hold nothing of ours.
        if not entry.name.startswith(".") or not entry.name.endswith(_ENDINGS):
            continue
        match = re.match(_WITH_PID, entry.name) or re.match(_WITHOUT_PID, entry.name)
        if match is None or not wanted(match["name"]):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if info.st_uid != os.geteuid():
            continue
        if "pid" in match.groupdict():
            gone = not _running(int(match["pid"]))
        else:
            gone = now - info.st_mtime > STALE_SECONDS
        if gone:
            found.append(Path(entry.path))
    return sorted(found)


def clean_leftovers(folder: Path, now: float, wanted: Callable[[str], bool]) -> list[Path]:
    """Remove what killed backups, exports and doctor runs left in ``folder``."""
    removed = []
    for path in leftovers(folder, now, wanted):
        try:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


def _running(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: alive
    except (OverflowError, OSError):
        return False
    return True
