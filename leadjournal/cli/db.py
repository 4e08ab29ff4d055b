"""``leadjournal db``: where the journal lives and what state its schema is in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from leadjournal import messages
from leadjournal.cli.context import Settings
from leadjournal.cli.io import emit_json, tell
from leadjournal.cli.options import Json

if TYPE_CHECKING:
    from leadjournal.store.cipher import Key

app = typer.Typer(
    help=(
        "The journal file: its path, schema status, backups and health.\n\n"
        "Example: leadjournal db path"
    ),
    no_args_is_help=True,
)


@app.command("path")
def path(ctx: typer.Context, as_json: Json = False) -> None:
    """Print the journal file's path (it need not exist yet).

    Example: leadjournal db path
    """
    settings: Settings = ctx.obj
    if as_json:
        emit_json(
            {
                "db": str(settings.db_path),
                "home": str(settings.home),
                "config": str(settings.config_path),
                "exists": settings.db_path.exists(),
            }
        )
    else:
        typer.echo(str(settings.db_path))


@app.command("status")
def status(ctx: typer.Context, as_json: Json = False) -> None:
    """Show the schema version and applied and pending migrations.

    Example: leadjournal db status --json
    """
    settings: Settings = ctx.obj
    with settings.journal() as journal:
        result = journal.store.migration_status()
    if as_json:
        emit_json(result)
        return
    from leadjournal import render

    settings.console.print(render.migration_status(result))


@app.command("backup")
def backup(
    ctx: typer.Context,
    target: Annotated[
        str | None, typer.Argument(metavar="FILE", help="Where to write the copy.")
    ] = None,
) -> None:
    """Write a consistent copy of the journal, readable by you only.

    Example: leadjournal db backup ~/journal-2026-11-21.db
    """
    settings: Settings = ctx.obj
    with settings.journal() as journal:
        if target is None:
            stamp = journal.now().utc.replace(":", "").replace("-", "")
            destination = settings.db_path.with_name(f"journal-backup-{stamp}.db")
        else:
            destination = Path(target).expanduser()
        from leadjournal.cli.files import tidy_beside

        tidy_beside(destination)
        written = journal.store.backup(destination)
    tell(messages.BACKUP_WRITTEN.format(path=written))


@app.command("doctor")
def doctor(
    ctx: typer.Context,
    as_json: Json = False,
    recover_to: Annotated[
        str | None,
        typer.Option(
            "--recover-to",
            metavar="FILE",
            help="Where to write what is recovered (default: journal.recovered.db beside it).",
        ),
    ] = None,
    method: Annotated[
        str,
        typer.Option(
            "--method",
            metavar="auto|sqlite3|python",
            help="Recover with the sqlite3 program's .recover, or copy readable rows in Python.",
        ),
    ] = "auto",
    no_recover: Annotated[
        bool, typer.Option("--no-recover", help="Only check; do not write a recovered copy.")
    ] = False,
) -> None:
    """Check the journal file; recover what can be saved from a damaged one.

    Looks at permissions, the header, SQLite's integrity and foreign-key checks,
    the schema version and the search index. The file itself is never changed:
    the checks run on a private copy, and recovery writes a new file. Also
    lists drafts waiting to be saved (write --from-draft). Exits 0 when
    healthy, 1 when there are problems.

    Example: leadjournal db doctor --json
    """
    from leadjournal import doctor as health
    from leadjournal import drafts
    from leadjournal.errors import BadInput

    if method not in ("auto", "sqlite3", "python"):
        raise BadInput(messages.BAD_METHOD.format(value=method), messages.BAD_METHOD_HINT)
    settings: Settings = ctx.obj
    from leadjournal.cli.files import tidy_beside_journal, tidy_old_doctor_copies

    tidy_beside_journal(settings.db_path)
    tidy_old_doctor_copies()
    from leadjournal.store.cipher import looks_encrypted

    key = None
    if looks_encrypted(settings.db_path):
        from leadjournal.cli.passphrase import key_for

        key = key_for(settings, settings.db_path)
    report = health.examine(settings.db_path, key)
    if health.needs_recovery(report) and not no_recover:
        target = Path(recover_to).expanduser() if recover_to else None
        recovery = health.recover(settings.db_path, target, method, key)  # type: ignore[arg-type]
        report = report.model_copy(update={"recovery": recovery})
    # Drafts waiting to be saved are news, not a problem: they do not change the verdict.
    report = report.model_copy(update={"drafts": drafts.waiting(settings.drafts_folder)})
    if as_json:
        emit_json(report)
    else:
        from leadjournal import render

        settings.console.print(render.doctor_report(report))
    raise typer.Exit(0 if report.healthy else 1)


@app.command("purge")
def purge(
    ctx: typer.Context,
    older_than: Annotated[
        int | None,
        typer.Option(
            "--older-than",
            metavar="DAYS",
            help="Only versions kept longer than DAYS days (default: every kept version).",
        ),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Purge without asking.")] = False,
) -> None:
    """Remove kept versions for good: what edits, amendments and deletions took away.

    Everything deleted, replaced or edited is kept so 'leadjournal restore' can
    bring it back; purging removes those copies from the file for privacy
    (the file is rewritten so no trace is left in it). What stands now is not
    touched. Says what it removes and asks first unless --yes.

    Example: leadjournal db purge --older-than 30
    """
    from leadjournal.cli.io import confirm
    from leadjournal.errors import BadInput

    settings: Settings = ctx.obj
    with settings.journal() as journal:
        counts = journal.record.kept_versions(older_than)
        total = sum(counts.values())
        if not total:
            tell(messages.PURGE_NOTHING)
            return
        detail = ", ".join(f"{count} {kind}" for kind, count in counts.items())
        tell(
            messages.PURGE_WHAT.format(total=messages.counted(total, "kept version"), detail=detail)
        )
        if not yes:
            if not settings.interactive:
                raise BadInput(messages.PURGE_NEEDS_YES, messages.PURGE_NEEDS_YES_HINT)
            if not confirm(settings, messages.PURGE_CONFIRM):
                tell(messages.NOT_PURGED)
                raise typer.Exit(1)
        removed = journal.record.purge(older_than)
    tell(messages.PURGED.format(total=messages.counted(sum(removed.values()), "kept version")))


# -- encryption at rest ------------------------------------------------------------

Remember = Annotated[
    bool,
    typer.Option(
        "--remember",
        help="Keep the key in the OS keyring, so later commands do not ask for the passphrase.",
    ),
]


@app.command("init")
def init(
    ctx: typer.Context,
    encrypt: Annotated[
        bool,
        typer.Option("--encrypt", help="Encrypt it from the start (asks for a new passphrase)."),
    ] = False,
    remember: Remember = False,
) -> None:
    """Start a new, empty journal file; with --encrypt, an encrypted one.

    'encrypt = true' in the config encrypts every new journal the same way.
    The new passphrase is typed twice at the terminal, or comes from
    LEADJOURNAL_NEW_PASSPHRASE_COMMAND or LEADJOURNAL_PASSPHRASE_COMMAND.

    Example: leadjournal db init --encrypt --remember
    """
    from leadjournal.errors import Conflict
    from leadjournal.store import Store

    settings: Settings = ctx.obj
    path = settings.db_path
    if path.exists() and path.stat().st_size > 0:
        raise Conflict(messages.JOURNAL_EXISTS.format(path=path), messages.JOURNAL_EXISTS_HINT)
    key = None
    if encrypt or settings.config.encrypt:
        from leadjournal.cli.passphrase import new_passphrase
        from leadjournal.store.cipher import load, new_key

        load()
        key = new_key(new_passphrase(settings))
    Store.open(path, key=key).close()
    tell((messages.INITIALISED_ENCRYPTED if key else messages.INITIALISED).format(path=path))
    if remember and key is not None:
        _remember(path, key)


@app.command("encrypt")
def encrypt(
    ctx: typer.Context,
    remember: Remember = False,
    backup: Annotated[
        str | None,
        typer.Option(
            "--backup",
            metavar="FILE",
            help="First write a plaintext copy to FILE (yours to delete later).",
        ),
    ] = None,
) -> None:
    """Encrypt the journal with a new passphrase (SQLCipher 4), checked before it replaces the file.

    Asks for the new passphrase twice (or takes it from
    LEADJOURNAL_NEW_PASSPHRASE_COMMAND or LEADJOURNAL_PASSPHRASE_COMMAND),
    writes an encrypted copy beside the journal, checks it (integrity, every
    table's row count), then renames it over the journal: a kill at any
    moment leaves the old journal or the new one, whole. Other terminals
    must have closed the journal first.

    Example: leadjournal db encrypt --remember
    """
    from leadjournal.cli.passphrase import new_passphrase
    from leadjournal.errors import Conflict, NotFound
    from leadjournal.store import BUSY_TIMEOUT_SECONDS
    from leadjournal.store.cipher import load, looks_encrypted, new_key, rewrite

    settings: Settings = ctx.obj
    path = settings.db_path
    if looks_encrypted(path):
        raise Conflict(
            messages.ALREADY_ENCRYPTED.format(path=path), messages.ALREADY_ENCRYPTED_HINT
        )
    if not path.exists() or path.stat().st_size == 0:
        raise NotFound(messages.NO_JOURNAL_YET.format(path=path), messages.NO_JOURNAL_YET_HINT)
    load()
    key = new_key(new_passphrase(settings))
    written = None
    # Opened plainly first: migrated, and refused if damaged or not a journal.
    with settings.journal() as journal:
        if backup is not None:
            written = journal.store.backup(Path(backup).expanduser())
    done = rewrite(path, None, key, BUSY_TIMEOUT_SECONDS)
    _reseal_drafts(settings, None, key)
    tell(messages.ENCRYPTED.format(path=path, tables=done.tables, rows=done.rows))
    if written is not None:
        tell(messages.PLAIN_BACKUP_KEPT.format(path=written))
    if remember:
        _remember(path, key)


@app.command("decrypt")
def decrypt(
    ctx: typer.Context,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Decrypt without asking.")] = False,
) -> None:
    """Write an encrypted journal back as plaintext (asks first unless --yes).

    The same safe way as 'db encrypt': a checked copy renamed over the file.
    A key kept in the keyring is removed.

    Example: leadjournal db decrypt --yes
    """
    from leadjournal.cli.io import confirm
    from leadjournal.cli.passphrase import forget, key_for
    from leadjournal.errors import BadInput
    from leadjournal.store import BUSY_TIMEOUT_SECONDS
    from leadjournal.store.cipher import rewrite

    settings: Settings = ctx.obj
    path = _encrypted_journal(settings)
    key = key_for(settings, path)
    if not yes:
        if not settings.interactive:
            raise BadInput(messages.DECRYPT_NEEDS_YES, messages.DECRYPT_NEEDS_YES_HINT)
        if not confirm(settings, messages.DECRYPT_CONFIRM):
            tell(messages.NOT_DECRYPTED)
            raise typer.Exit(1)
    _open_and_close(path, key)
    done = rewrite(path, key, None, BUSY_TIMEOUT_SECONDS)
    _reseal_drafts(settings, key, None)
    forget(path)
    tell(messages.DECRYPTED.format(path=path, rows=done.rows))


@app.command("rekey")
def rekey(ctx: typer.Context, remember: Remember = False) -> None:
    """Change an encrypted journal's passphrase.

    The current passphrase comes from the usual sources; the new one is
    typed twice, or comes from LEADJOURNAL_NEW_PASSPHRASE_COMMAND. A key kept
    in the keyring is replaced by the new one.

    Example: LEADJOURNAL_NEW_PASSPHRASE_COMMAND='pass show leadjournal-new' leadjournal db rekey
    """
    from leadjournal.cli.passphrase import forget, key_for, new_passphrase
    from leadjournal.store import BUSY_TIMEOUT_SECONDS
    from leadjournal.store.cipher import new_key, rewrite

    settings: Settings = ctx.obj
    path = _encrypted_journal(settings)
    old = key_for(settings, path)
    new = new_key(new_passphrase(settings, replacing=True))
    _open_and_close(path, old)
    done = rewrite(path, old, new, BUSY_TIMEOUT_SECONDS)
    _reseal_drafts(settings, old, new)
    tell(messages.REKEYED.format(path=path, rows=done.rows))
    if forget(path) or remember:
        _remember(path, new)


@app.command("forget")
def forget_command(ctx: typer.Context) -> None:
    """Remove the journal's key from the OS keyring (the journal is not changed).

    Example: leadjournal db forget
    """
    from leadjournal.cli.passphrase import forget

    settings: Settings = ctx.obj
    if forget(settings.db_path):
        tell(messages.KEY_FORGOTTEN.format(path=settings.db_path))
    else:
        tell(messages.NOTHING_TO_FORGET.format(path=settings.db_path))


def _reseal_drafts(settings: Settings, old: Key | None, new: Key | None) -> None:
    """Drafts waiting to be saved follow the journal: sealed, resealed or plain again."""
    from leadjournal import drafts

    moved = drafts.reseal(settings.drafts_folder, old, new)
    if moved:
        tell(messages.DRAFTS_RESEALED.format(count=messages.counted(moved, "draft")))


def _encrypted_journal(settings: Settings) -> Path:
    from leadjournal.errors import Conflict, NotFound
    from leadjournal.store.cipher import load, looks_encrypted

    path = settings.db_path
    if not path.exists() or path.stat().st_size == 0:
        raise NotFound(messages.NO_JOURNAL_YET.format(path=path), messages.NO_JOURNAL_YET_HINT)
    if not looks_encrypted(path):
        raise Conflict(messages.NOT_ENCRYPTED.format(path=path), messages.NOT_ENCRYPTED_HINT)
    load()
    return path


def _open_and_close(path: Path, key: Key) -> None:
    """Open through the store first: migrated, and refused if marked damaged."""
    from leadjournal.cli.files import tidy_beside_journal
    from leadjournal.store import Store

    tidy_beside_journal(path)
    Store.open(path, key=key).close()


def _remember(path: Path, key: Key) -> None:
    from leadjournal.cli.passphrase import remember

    backend = remember(path, key)
    if backend is None:
        from leadjournal.safetext import visible

        typer.echo(visible(f"{messages.NO_KEYRING} {messages.NO_KEYRING_HINT}"), err=True)
    else:
        tell(messages.REMEMBERED.format(backend=backend))
