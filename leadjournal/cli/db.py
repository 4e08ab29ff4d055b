"""``leadjournal db``: where the journal lives and what state its schema is in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from leadjournal import messages
from leadjournal.cli.context import Settings
from leadjournal.cli.io import emit_json, tell
from leadjournal.cli.options import Json

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
    report = health.examine(settings.db_path)
    if health.needs_recovery(report) and not no_recover:
        target = Path(recover_to).expanduser() if recover_to else None
        recovery = health.recover(settings.db_path, target, method)  # type: ignore[arg-type]
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
        tell(messages.PURGE_WHAT.format(total=total, detail=detail))
        if not yes:
            if not settings.interactive:
                raise BadInput(messages.PURGE_NEEDS_YES, messages.PURGE_NEEDS_YES_HINT)
            if not confirm(settings, messages.PURGE_CONFIRM):
                tell(messages.NOT_PURGED)
                raise typer.Exit(1)
        removed = journal.record.purge(older_than)
    tell(messages.PURGED.format(total=sum(removed.values())))
