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
    record,
    review,
    transfer,
    trends,
)
from leadjournal.cli.context import Settings
from leadjournal.errors import BadInput, ExitCode, LeadJournalError


class JournalGroup(TyperGroup):
    """Turns known failures into a message and an exit code, in one place."""

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except LeadJournalError as exc:
            _report(exc, ctx, exc)
            ctx.exit(int(exc.exit_code))
        except (typer.TyperException, typer.Exit, typer.Abort, EOFError):
            raise  # usage errors, --help, and Ctrl-D at a prompt: Typer reports these
        except UnicodeError as exc:
            # Bytes that are not UTF-8 (from a terminal set to another
            # encoding, or a binary file piped in) cannot be stored as text.
            _report(BadInput(messages.NOT_UTF8, messages.NOT_UTF8_HINT), ctx, exc)
            ctx.exit(int(ExitCode.BAD_INPUT))
        except Exception as exc:
            settings = ctx.obj if isinstance(ctx.obj, Settings) else None
            # sqlite3 is looked up, not imported: --help must not pay for it.
            sqlite3 = sys.modules.get("sqlite3")
            if sqlite3 is not None and isinstance(exc, sqlite3.Error):
                from leadjournal.store import describe_sqlite_error, is_damage, note_damage

                path = str(settings.db_path) if settings else "the journal"
                if settings is not None and is_damage(exc):
                    note_damage(settings.db_path)
                _report(describe_sqlite_error(exc, path), ctx, exc)
                ctx.exit(int(ExitCode.FAILURE))
            if isinstance(exc, BrokenPipeError):
                _quiet_stdout()
                ctx.exit(int(ExitCode.BROKEN_PIPE))
            if isinstance(exc, OSError):
                reason = f"{exc.strerror or exc}: {exc.filename or ''}".strip(": ")
                _report(LeadJournalError(reason, messages.OS_ERROR_HINT), ctx, exc)
                ctx.exit(int(ExitCode.FAILURE))
            # A bug. The leader gets one sentence and a way to report it; the
            # exception's text is not shown, as it may quote an entry.
            _report(
                LeadJournalError(
                    messages.UNEXPECTED.format(kind=type(exc).__name__), messages.UNEXPECTED_HINT
                ),
                ctx,
                exc,
            )
            ctx.exit(int(ExitCode.FAILURE))


def _quiet_stdout() -> None:
    """The reader went away (``leadjournal export | head``): that is no error.
    Stdout is pointed at nothing, so the flush on exit cannot fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # not a real file descriptor (tests' captured output)


def _report(error: LeadJournalError, ctx: typer.Context, cause: BaseException) -> None:
    from leadjournal.safetext import visible

    settings = ctx.obj if isinstance(ctx.obj, Settings) else None
    if settings is not None and settings.debug:
        typer.echo(visible(debug_traceback(cause)), err=True, nl=False)

    # Messages quote what was typed or read (an id, a file name, a pack's text).
    typer.echo(visible(f"error: {error.message}"), err=True)
    if error.hint:
        typer.echo(visible(f"hint: {error.hint}"), err=True)


def debug_traceback(exc: BaseException) -> str:
    """Where an error happened, for a bug report, without the journal's contents.

    Shows each frame's file, line, function and source line (code, never
    data). The exception's own text is shown only for our errors, whose
    messages are written not to quote entries; for anything else only its
    type, SQLite's error name or the OS error number, since messages such as
    a validation error's can quote the text being saved. No local variables.
    """
    import traceback

    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain and len(chain) < 5:
        chain.append(current)
        current = current.__cause__ or current.__context__
    lines: list[str] = []
    for link in reversed(chain):
        lines.append("Traceback (most recent call last):\n")
        for frame in traceback.extract_tb(link.__traceback__):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n')
            if frame.line:
                lines.append(f"    {frame.line.strip()}\n")
        lines.append(f"{_describe(link)}\n")
        if link is not chain[0]:
            lines.append("\nwhich led to:\n\n")
    return "".join(lines)


def _describe(exc: BaseException) -> str:
    kind = f"{type(exc).__module__}.{type(exc).__qualname__}".removeprefix("builtins.")
    if isinstance(exc, LeadJournalError):
        return f"{kind}: {exc.message}"
    sqlite3 = sys.modules.get("sqlite3")
    if sqlite3 is not None and isinstance(exc, sqlite3.Error):
        return f"{kind} ({getattr(exc, 'sqlite_errorname', 'SQLITE_ERROR')}): {_sqlite_text(exc)}"
    if isinstance(exc, OSError):
        return f"{kind}: errno {exc.errno} ({exc.strerror})"
    return f"{kind} (message withheld: it may quote your entries)"


def _sqlite_text(exc: BaseException) -> str:
    # SQLite's own messages name tables, columns and constraints; a syntax
    # error in a search can quote the search words, so those are cut off.
    text = str(exc)
    return text.split(" near ", 1)[0] if "syntax" in text else text


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
record.register(app)
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
