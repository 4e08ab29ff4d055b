"""Encryption at rest: SQLCipher 4 behind the store's one connection factory.

Only an encrypted journal loads ``sqlcipher3`` (an optional extra): a plain
journal is told apart by its first bytes, which for plain SQLite are always
``SQLite format 3\\0`` and for SQLCipher are a random salt.

The key is derived here, once per command, with SQLCipher 4's own recipe
(PBKDF2-HMAC-SHA512, 256,000 rounds, the file's 16-byte salt, 32 bytes), and
given to SQLCipher as a raw key with its salt (``x'KEY SALT'``). The file is
byte for byte what SQLCipher makes from the passphrase itself, so the
passphrase alone opens it in any SQLCipher 4 tool; but every later connection
in the same command (a backup, doctor's checks) skips the slow derivation, and
a key kept in the keyring opens the journal without it.

Encrypting, decrypting and changing the passphrase all rewrite the journal the
same way (``rewrite``): an encrypted (or plain) copy is written beside it with
``sqlcipher_export``, checked (integrity, every table's row count), and only
then renamed over the journal, so a kill at any moment leaves either the old
file or the new one, whole.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, cast

from leadjournal import messages
from leadjournal.errors import StorageError
from leadjournal.store.files import (
    DB,
    SQLITE_MAGIC,
    _create_private_file,
    describe_sqlite_error,
    partial_name,
    sync_folder,
)

SALT_BYTES = 16
KEY_BYTES = 32
# SQLCipher 4's defaults: a file made here opens in any SQLCipher 4 tool.
KDF_ITERATIONS = 256_000
KDF_DIGEST = "sha512"
PAGE_SIZE = 4096


class WrongPassphrase(StorageError):
    """The key does not open this journal. Nothing was written, nothing marked."""

    code = "wrong_passphrase"


@dataclass(frozen=True, repr=False, eq=False)
class Key:
    """A journal's raw SQLCipher key and the salt it was derived with.

    Never shown: its repr says nothing, and it is passed to SQLite only in
    the ``PRAGMA key`` statement, whose text no error message quotes.
    """

    raw: bytes
    salt: bytes

    def __repr__(self) -> str:
        return "Key(hidden)"

    @property
    def pragma(self) -> str:
        """The value of ``PRAGMA key``: SQLCipher's raw key with its salt."""
        return f"x'{self.raw.hex()}{self.salt.hex()}'"

    def stored(self) -> str:
        """The form kept in the OS keyring: key and salt, in hex."""
        return (self.raw + self.salt).hex()

    @classmethod
    def from_stored(cls, text: str) -> Key | None:
        try:
            data = bytes.fromhex(text.strip())
        except ValueError:
            return None
        if len(data) != KEY_BYTES + SALT_BYTES:
            return None
        return cls(data[:KEY_BYTES], data[KEY_BYTES:])

    def same(self, other: Key) -> bool:
        import hmac

        return hmac.compare_digest(self.raw + self.salt, other.raw + other.salt)


def derive(passphrase: str, salt: bytes) -> Key:
    """The key SQLCipher 4 would derive from ``passphrase`` for a file with ``salt``."""
    import hashlib

    raw = hashlib.pbkdf2_hmac(
        KDF_DIGEST, passphrase.encode("utf-8"), salt, KDF_ITERATIONS, KEY_BYTES
    )
    return Key(raw, salt)


def new_key(passphrase: str) -> Key:
    """A key for a new encrypted file: the passphrase with a fresh random salt."""
    return derive(passphrase, os.urandom(SALT_BYTES))


# -- telling an encrypted journal from a plain one (no import) -------------------


def salt_of(path: Path) -> bytes | None:
    """The salt at the start of an encrypted journal; None for any other file."""
    try:
        with path.open("rb") as handle:
            header = handle.read(SALT_BYTES)
        size = path.stat().st_size
    except OSError:
        return None
    if len(header) < SALT_BYTES or header.startswith(SQLITE_MAGIC):
        return None
    # SQLCipher's file is whole pages of ciphertext after a random salt: a
    # text file, a stub or a run of zeros is something else (left to the
    # ordinary "not a SQLite file" answer).
    if size < 512 or size % 512 or len(set(header)) < 6:
        return None
    return header


def looks_encrypted(path: Path) -> bool:
    return salt_of(path) is not None


def available() -> bool:
    """Whether the ``encryption`` extra is installed (without importing it)."""
    import importlib.util

    return importlib.util.find_spec("sqlcipher3") is not None


def load() -> ModuleType:
    """sqlcipher3's DB-API module; from now on its errors are recognised as SQLite's."""
    try:
        from sqlcipher3 import dbapi2  # type: ignore[import-untyped, unused-ignore]
    except ImportError:
        raise StorageError(messages.NO_SQLCIPHER, messages.NO_SQLCIPHER_HINT) from None
    DB.include(dbapi2)
    return cast(ModuleType, dbapi2)


def connect(path: Path | str, key: Key, timeout: float) -> sqlite3.Connection:
    """An encrypted connection with the journal's settings.

    Typed as the standard library's connection: sqlcipher3 is a copy of its
    module with SQLCipher compiled in, method for method.
    """
    dbapi2 = load()
    conn: Any = dbapi2.connect(str(path), timeout=timeout, isolation_level=None)
    conn.row_factory = dbapi2.Row
    # SQLCipher writes a line to stderr on every failed page check (a wrong
    # key); the leader gets our one sentence instead.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f'PRAGMA key = "{key.pragma}"')
    # Temporary tables and sort files in memory: nothing plaintext on disk.
    conn.execute("PRAGMA temp_store = MEMORY")
    return cast(sqlite3.Connection, conn)


def check_key(conn: sqlite3.Connection, path: Path | str) -> None:
    """Read the first page: a wrong key fails here, before anything is written."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DB.database as exc:
        if "not a database" in str(exc).lower():
            raise WrongPassphrase(
                messages.WRONG_PASSPHRASE, messages.WRONG_PASSPHRASE_HINT.format(path=path)
            ) from None
        raise


def opens(path: Path, key: Key, timeout: float) -> bool:
    """Whether ``key`` opens the encrypted journal at ``path`` (reads only)."""
    conn = connect(path, key, timeout)
    try:
        check_key(conn, path)
    except WrongPassphrase:
        return False
    finally:
        conn.close()
    return True


def cipher_settings(conn: sqlite3.Connection) -> dict[str, str]:
    """SQLCipher's version and the settings this journal is encrypted with."""
    found: dict[str, str] = {}
    for name in (
        "cipher_version",
        "cipher_provider",
        "cipher_page_size",
        "kdf_iter",
        "cipher_kdf_algorithm",
        "cipher_hmac_algorithm",
    ):
        row = conn.execute(f"PRAGMA {name}").fetchone()
        found[name] = "" if row is None else str(row[0])
    return found


def stamp_new(conn: sqlite3.Connection, application_id: int) -> None:
    """Give a new, empty encrypted file its first page now, in rollback mode.

    Otherwise the first page would wait in the write-ahead log, and a file
    cut off before its first checkpoint would be empty beside an encrypted
    log: indistinguishable from a new plain journal.
    """
    conn.execute(f"PRAGMA application_id = {int(application_id)}")


# -- rewriting the whole journal: encrypt, decrypt, change the key ---------------


@dataclass(frozen=True)
class Rewritten:
    tables: int
    rows: int


def rewrite(
    path: Path, source: Key | None, target: Key | None, timeout: float
) -> Rewritten:
    """Replace the journal at ``path`` by a copy under ``target`` (None: plaintext).

    ``source`` opens it now (None: it is plaintext). The copy is written
    beside the journal under a hidden temporary name, checked, made durable,
    then renamed over it. A kill before the rename leaves the old journal
    untouched (the next command removes the copy), after it the new one.
    """
    dbapi2 = load()
    partial = partial_name(path)
    partial.unlink(missing_ok=True)
    for suffix in ("-journal", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    _create_private_file(partial)
    conn: Any = dbapi2.connect(str(path), timeout=timeout, isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if source is not None:
            conn.execute(f'PRAGMA key = "{source.pragma}"')
            check_key(cast(sqlite3.Connection, conn), path)
        conn.execute("PRAGMA temp_store = MEMORY")
        # Out of write-ahead mode: the log is folded into the file, so the
        # file alone holds the journal when it is renamed away. SQLite
        # refuses this while another terminal has the journal open.
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise StorageError(messages.DB_LOCKED.format(path=path), messages.DB_LOCKED_HINT)
        conn.execute(
            "ATTACH DATABASE ? AS target KEY ?",
            [str(partial), "" if target is None else target.pragma],
        )
        conn.execute("PRAGMA target.synchronous = FULL")
        conn.execute("BEGIN EXCLUSIVE")
        version = int(conn.execute("PRAGMA main.user_version").fetchone()[0])
        app_id = int(conn.execute("PRAGMA main.application_id").fetchone()[0])
        before = _counts(conn, "main")
        conn.execute("SELECT sqlcipher_export('target')")
        # sqlcipher_export copies the schema and rows, not these two.
        conn.execute(f"PRAGMA target.user_version = {version}")
        conn.execute(f"PRAGMA target.application_id = {app_id}")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE target")
        # Hold the journal until the swap: a write from another terminal
        # after this point waits, and one that slipped in is caught below.
        conn.execute("BEGIN IMMEDIATE")
        if _counts(conn, "main") != before:
            raise StorageError(messages.DB_LOCKED.format(path=path), messages.DB_LOCKED_HINT)
        _check_copy(partial, target, before, version, timeout)
        _fsync(partial)
        partial.replace(path)
        sync_folder(path.parent)
        conn.execute("ROLLBACK")
    except DB.error as exc:
        raise describe_sqlite_error(exc, str(path)) from exc
    finally:
        conn.close()
        partial.unlink(missing_ok=True)
        for suffix in ("-journal", "-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
    return Rewritten(tables=len(before), rows=sum(before.values()))


def _counts(conn: Any, schema: str) -> dict[str, int]:
    names = [
        str(row[0])
        for row in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {
        name: int(conn.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0])
        for name in names
    }


def _check_copy(
    partial: Path, key: Key | None, expected: dict[str, int], version: int, timeout: float
) -> None:
    """The copy opens with its key, is intact and holds every row; else it is not used."""
    check = sqlite3.connect(partial) if key is None else connect(partial, key, timeout)
    try:
        problems = [str(row[0]) for row in check.execute("PRAGMA integrity_check")]
        counts = _counts(check, "main")
        copied_version = int(check.execute("PRAGMA user_version").fetchone()[0])
    finally:
        check.close()
    if problems != ["ok"] or counts != expected or copied_version != version:
        raise StorageError(messages.REWRITE_CHECK_FAILED, messages.REWRITE_CHECK_FAILED_HINT)


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


# -- sealed files: drafts of an encrypted journal ----------------------------------


def write_sealed(path: Path, key: Key, data: bytes) -> None:
    """A new owner-only SQLCipher file at ``path`` holding ``data``, under the journal's key.

    What an encrypted journal keeps as a draft: never plaintext on disk.
    """
    _create_private_file(path)
    try:
        conn = connect(path, key, 10.0)
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("CREATE TABLE draft (data BLOB NOT NULL)")
            conn.execute("INSERT INTO draft (data) VALUES (?)", [data])
        finally:
            conn.close()
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def read_sealed(path: Path, key: Key) -> bytes:
    """What ``write_sealed`` kept; ``WrongPassphrase`` when the key is not its own."""
    conn = connect(path, key, 10.0)
    try:
        check_key(conn, path)
        row = conn.execute("SELECT data FROM draft").fetchone()
    finally:
        conn.close()
    return b"" if row is None else bytes(row[0])
