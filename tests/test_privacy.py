"""Nothing leaked: no network, owner-only files, no entry text in --debug output."""

from __future__ import annotations

import ast
import socket
import stat
from pathlib import Path

import pytest

import leadjournal
from leadjournal import messages, store
from leadjournal.store import SCHEMA_VERSION

from .conftest import Cli
from .guard.no_network import NetworkUsed
from .procs import child_env, run

NETWORK_MODULES = {
    "socket", "ssl", "http", "urllib", "ftplib", "smtplib", "poplib", "imaplib",
    "telnetlib", "xmlrpc", "socketserver", "asyncio", "requests", "httpx", "urllib3",
    "aiohttp", "webbrowser",
}  # fmt: skip
# `brief --open` hands the browser a file:// address of the brief it wrote
# (tests/test_brief_browser.py checks the address); nothing else may.
NETWORK_ALLOWED = {("cli/brief.py", "webbrowser")}


def test_the_socket_guard_is_armed() -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkUsed):
        socket.socket()  # creating one at all (tests/test_isolation.py has the rest)


def test_no_module_of_the_program_imports_anything_that_talks_to_a_network() -> None:
    package = Path(leadjournal.__file__).parent
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            where = path.relative_to(package).as_posix()
            for name in names:
                if (where, name) in NETWORK_ALLOWED:
                    continue
                assert name.split(".")[0] not in NETWORK_MODULES, f"{where} imports {name}"


def test_a_child_process_cannot_reach_the_network_either(tmp_path: Path) -> None:
    env = child_env(tmp_path / "home")
    import subprocess
    import sys

    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert probe.returncode != 0 and "forbidden in leadjournal's tests" in probe.stderr
    # ...and under that same guard the real program does its work.
    assert run(env, "write", "Offline by design").returncode == 0


def test_journal_folder_and_every_backup_are_owner_only(cli: Cli, tmp_path: Path) -> None:
    cli.ok("write", "Private thoughts")
    assert stat.S_IMODE(cli.db.stat().st_mode) == 0o600
    assert stat.S_IMODE(cli.db.parent.stat().st_mode) == 0o700
    cli.ok("db", "backup")
    named = tmp_path / "new-folder" / "copy.db"
    cli.ok("db", "backup", str(named))
    backups = [*cli.db.parent.glob("journal-backup-*.db"), named]
    assert len(backups) == 2
    for backup in backups:
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600, backup
    assert stat.S_IMODE(named.parent.stat().st_mode) == 0o700


def test_the_backup_before_a_migration_is_owner_only(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.ok("write", "Before the upgrade")
    from sqlite_utils import Database

    from leadjournal.migrations import migrations

    def m996_noop(db: Database) -> None:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")

    monkeypatch.setattr(migrations, "_migrations", list(migrations._migrations))
    migrations(name="m996_noop")(m996_noop)
    monkeypatch.setattr(store.base, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    cli.ok("log")
    backup = cli.db.parent / f"journal.db.before-v{SCHEMA_VERSION + 1}.db"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


SECRET = "I am thinking of leaving the company in March"


def test_debug_tracebacks_never_show_entry_text(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    # An unexpected failure while the entry is in hand, whose message quotes it.
    from leadjournal.journal import Journal

    def broken(self: Journal, text: str, **kwargs: object) -> None:
        raise ValueError(f"could not save {text!r}")

    with monkeypatch.context() as patch:
        patch.setattr(Journal, "write", broken)
        result = cli("--debug", "write", SECRET)
    assert result.exit_code == 1
    assert "Traceback" in result.stderr and "ValueError" in result.stderr
    assert "message withheld" in result.stderr
    assert SECRET not in result.stderr + result.stdout

    # A storage failure while writing the entry (a full disk).
    real_connect = store.base.connect

    def full(path: Path | str) -> object:
        conn = real_connect(path)
        conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
        return conn

    cli.ok("write", "Some earlier entry")
    with monkeypatch.context() as patch:
        patch.setattr(store.base, "connect", full)
        result = cli("--debug", "write", SECRET + " " + "padding " * 25_000)
    assert result.exit_code == 1 and "Traceback" in result.stderr
    assert SECRET not in result.stderr + result.stdout

    # Text that cannot be stored (not UTF-8).
    result = cli("--debug", "write", SECRET + " \udcff")
    assert result.exit_code == 2 and "UnicodeEncodeError" in result.stderr
    assert SECRET not in result.stderr + result.stdout


def test_without_debug_an_unexpected_failure_is_one_sentence(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leadjournal.journal import Journal

    def broken(self: Journal, text: str, **kwargs: object) -> None:
        raise KeyError(text)

    monkeypatch.setattr(Journal, "write", broken)
    result = cli("write", SECRET)
    assert result.exit_code == 1
    # After the two lines saying where the unsaved text is kept as a draft.
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == ["error: " + messages.UNEXPECTED.format(kind="KeyError")]
    assert "Traceback" not in result.stderr and SECRET not in result.stderr
