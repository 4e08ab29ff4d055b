"""``leadjournal db``: where the journal lives and what state its schema is in."""

from __future__ import annotations

from typing import Annotated

import typer

from leadjournal import messages
from leadjournal.cli.context import Settings
from leadjournal.cli.io import emit_json, say
from leadjournal.cli.options import Json

app = typer.Typer(
    help="The journal file: its path, schema status and backups.\n\nExample: leadjournal db path",
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
    from pathlib import Path

    settings: Settings = ctx.obj
    with settings.journal() as journal:
        if target is None:
            stamp = journal.now().utc.replace(":", "").replace("-", "")
            destination = settings.db_path.with_name(f"journal-backup-{stamp}.db")
        else:
            destination = Path(target).expanduser()
        written = journal.store.backup(destination)
    say(settings.console, messages.BACKUP_WRITTEN.format(path=written))
