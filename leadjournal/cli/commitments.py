"""``leadjournal commitments``: list, complete and drop commitments."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from leadjournal import messages
from leadjournal.cli import completion
from leadjournal.cli.context import Settings
from leadjournal.cli.io import emit_json, tell
from leadjournal.cli.options import Json

app = typer.Typer(
    help="Commitments made in reviews: list, mark done, drop.\n\nExample: leadjournal commitments",
    no_args_is_help=False,
    invoke_without_command=True,
)

Status = Literal["open", "done", "partly", "dropped", "all"]
IdArg = Annotated[
    str,
    typer.Argument(
        metavar="ID",
        help="A commitment id or a unique prefix of it.",
        autocompletion=completion.open_commitments,
    ),
]
Note = Annotated[str | None, typer.Option("--note", metavar="TEXT", help="What happened.")]


@app.callback()
def commitments(
    ctx: typer.Context,
    as_json: Json = False,
) -> None:
    """List open commitments (the default), or mark one done or dropped.

    Examples: leadjournal commitments · leadjournal commitments done 3f2a --note "Held all three"
    """
    if ctx.invoked_subcommand is None:
        _list(ctx.obj, "open", as_json)


@app.command("list")
def list_command(
    ctx: typer.Context,
    status: Annotated[Status, typer.Option("--status", help="Which commitments to list.")] = "open",
    as_json: Json = False,
) -> None:
    """List commitments, open ones by default.

    Example: leadjournal commitments list --status all --json
    """
    _list(ctx.obj, status, as_json)


def _list(settings: Settings, status: Status, as_json: bool) -> None:
    with settings.journal() as journal:
        found = journal.commitments(None if status == "all" else status)
    if as_json:
        emit_json(found)
        return
    from leadjournal import render

    settings.console.print(render.commitments_table(found))


@app.command("done")
def done(
    ctx: typer.Context,
    commitment_id: IdArg,
    note: Note = None,
    partly: Annotated[bool, typer.Option("--partly", help="Done only in part.")] = False,
    as_json: Json = False,
) -> None:
    """Mark a commitment done (or --partly done).

    Example: leadjournal commitments done 3f2a --note "Held all three one-on-ones"
    """
    _close(ctx.obj, commitment_id, "partly" if partly else "done", note, as_json)


@app.command("drop")
def drop(
    ctx: typer.Context, commitment_id: IdArg, note: Note = None, as_json: Json = False
) -> None:
    """Drop a commitment you decided not to keep.

    Example: leadjournal commitments drop 3f2a --note "Priorities changed"
    """
    _close(ctx.obj, commitment_id, "dropped", note, as_json)


def _close(
    settings: Settings,
    commitment_id: str,
    status: Literal["done", "partly", "dropped"],
    note: str | None,
    as_json: bool,
) -> None:
    with settings.journal() as journal:
        closed = journal.close_commitment(commitment_id, status, note)
    if as_json:
        emit_json(closed)
    else:
        words = messages.COMMITMENT_STATUS_WORDS[status]
        tell(messages.COMMITMENT_MARKED.format(id=closed.id[:8], status=words))
