"""The root Typer app, its global options and the one error boundary."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from leadjournal import __version__, messages
from leadjournal.cli import (
    brief,
    commitments,
    db,
    demo,
    entries,
    exercises,
    goals,
    prompts,
    review,
    transfer,
    trends,
)
from leadjournal.cli.context import Settings
from leadjournal.errors import ExitCode, LeadJournalError


class JournalGroup(TyperGroup):
    """Turns known failures into a message and an exit code, in one place."""

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except LeadJournalError as exc:
            _report(exc, ctx)
            ctx.exit(int(exc.exit_code))
        except Exception as exc:
            # sqlite3 is looked up, not imported: --help must not pay for it.
            sqlite3 = sys.modules.get("sqlite3")
            if sqlite3 is not None and isinstance(exc, sqlite3.Error):
                from leadjournal.store import describe_sqlite_error

                settings = ctx.obj if isinstance(ctx.obj, Settings) else None
                path = str(settings.db_path) if settings else "the journal"
                _report(describe_sqlite_error(exc, path), ctx)
                ctx.exit(int(ExitCode.FAILURE))
            if isinstance(exc, OSError):
                reason = f"{exc.strerror or exc}: {exc.filename or ''}".strip(": ")
                _report(LeadJournalError(reason, messages.OS_ERROR_HINT), ctx)
                ctx.exit(int(ExitCode.FAILURE))
            raise


def _report(exc: LeadJournalError, ctx: typer.Context) -> None:
    settings = ctx.obj if isinstance(ctx.obj, Settings) else None
    if settings is not None and settings.debug:
        # Only with --debug, and never with local variables: a journal's
        # locals are private entries.
        import traceback

        traceback.print_exception(exc.__cause__ or exc, limit=None, chain=False)
    typer.echo(f"error: {exc.message}", err=True)
    if exc.hint:
        typer.echo(f"hint: {exc.hint}", err=True)


app = typer.Typer(
    cls=JournalGroup,
    help=(
        "A private weekly reflection journal for leaders: rate the week's results and "
        "relationships, reflect, follow up commitments and watch the trend.\n\n"
        "Start with:  leadjournal review"
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=False,
    # Plain help: rich's help formatter (with markdown-it) costs ~40 ms of
    # start-up on every --help, a third of the budget.
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"leadjournal {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db_path: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="PATH",
            help="Journal file to use (default: journal.db in the data folder; or LEADJOURNAL_DB).",
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback behind an error.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    ctx.obj = Settings.from_environment(db_path, debug=debug)


app.command("review")(review.review_command)
entries.register(app)
app.add_typer(commitments.app, name="commitments")
app.add_typer(goals.app, name="goal")
app.command("prompt")(prompts.prompt_command)
app.add_typer(prompts.app, name="prompts")
app.add_typer(exercises.app, name="exercise")
app.add_typer(db.app, name="db")
app.command("trends")(trends.trends)
app.command("brief")(brief.brief)
transfer.register(app)
app.command("demo")(demo.demo)
