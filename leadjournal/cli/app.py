"""The root Typer app: its global options, the table of commands, the one error boundary."""

from __future__ import annotations

import sys
from collections.abc import Iterator, MutableMapping
from gettext import gettext
from typing import Annotated, Any

import typer
import typer.main
from typer import _click as click_core  # Typer's own copy of Click, not the click package
from typer.core import TyperGroup
from typer.models import CommandInfo, TyperInfo

from leadjournal import __version__, messages
from leadjournal.cli import coercion, helpstyle
from leadjournal.cli.context import Settings
from leadjournal.errors import BadInput, ExitCode, LeadJournalError

coercion.install()
helpstyle.install()

# Every command, in the order `leadjournal --help` lists them: where it lives
# ("module:function" for a command, "module:app" for a group of them) and the
# one line the listing shows, which must be the first sentence of the
# command's own help (tests/test_cli_table.py checks both). Only the command
# that runs is imported and built: importing all eleven command modules and
# converting every parameter to Click cost more than the framework itself.
COMMANDS: dict[str, tuple[str, str]] = {
    "review": (
        "leadjournal.cli.review:review_command",
        "The weekly review: follow up, rate, reflect, celebrate, commit.",
    ),
    "write": ("leadjournal.cli.entries:write", "Write a free reflection, any day."),
    "log": (
        "leadjournal.cli.entries:log",
        "List entries and reviews by the day they belong to, under week headings.",
    ),
    "show": (
        "leadjournal.cli.entries:show",
        "Show one entry or commitment in full, or a week whole (a week, 'last week', a review id).",
    ),
    "edit": (
        "leadjournal.cli.entries:edit",
        "Edit an entry, a commitment's wording, or a review's win and whose effort, in $EDITOR.",
    ),
    "delete": (
        "leadjournal.cli.entries:delete",
        "Delete an entry, a commitment or a week's whole review (asks first unless --yes).",
    ),
    "restore": (
        "leadjournal.cli.record:restore",
        "Bring back a deleted or replaced entry, commitment or week's review.",
    ),
    "search": (
        "leadjournal.cli.entries:search",
        "Full-text search of everything written, best matches first.",
    ),
    "prompt": (
        "leadjournal.cli.prompts:prompt_command",
        "Show a reflection prompt now, and answer it if you like.",
    ),
    "trends": (
        "leadjournal.cli.trends:trends",
        "Week by week: ratings, sparklines, the grid, streak, follow-through and the verdict, "
        "then your open goals' progress.",
    ),
    "brief": (
        "leadjournal.cli.brief:brief",
        "A one-page summary of the last N weeks: ratings, the grid path, the verdict, wins, "
        "commitments, open goals and a few of your reflections.",
    ),
    "export": (
        "leadjournal.cli.transfer:export",
        "Write the whole journal as JSON (lossless), Markdown or CSV.",
    ),
    "import": (
        "leadjournal.cli.transfer:import_command",
        "Import a leadjournal JSON export, or jrnl's JSON export, merging by id.",
    ),
    "demo": (
        "leadjournal.cli.demo:demo",
        "Write a sample journal of 26 weeks to a new file, to try trends and brief.",
    ),
    "commitments": (
        "leadjournal.cli.commitments:app",
        "Commitments made in reviews: list, mark done, drop.",
    ),
    "goal": (
        "leadjournal.cli.goals:app",
        "SMART performance and development goals, with leading and lagging measures.",
    ),
    "people": (
        "leadjournal.cli.people:app",
        "The people you lead: a light roster, notes, and who has gone longest without contact.",
    ),
    "prompts": (
        "leadjournal.cli.prompts:app",
        "Prompt packs: check the built-in ones or a folder of your own.",
    ),
    "exercise": (
        "leadjournal.cli.exercises:app",
        "The articles' exercises: list them, read one, run one step by step.",
    ),
    "db": (
        "leadjournal.cli.db:app",
        "The journal file: its path, schema status, backups and health.",
    ),
    "remind": (
        "leadjournal.cli.remind:app",
        "A weekly reminder of the review, set up once.",
    ),
    "config": (
        "leadjournal.cli.config:app",
        "The settings file: where it is, what it says, and edit it.",
    ),
}


def build_command(name: str) -> click_core.Command:
    """The command ``name`` of ``COMMANDS``, imported and built as Typer builds it.

    Registered on a throw-away Typer with the root app's settings, so the
    command gets exactly what ``app.command(name)`` or ``app.add_typer(sub,
    name=name)`` would have given it: the same help, the same options.
    """
    import importlib

    module_name, attribute = COMMANDS[name][0].split(":")
    target = getattr(importlib.import_module(module_name), attribute)
    holder = typer.Typer(rich_markup_mode=app.rich_markup_mode)
    if isinstance(target, typer.Typer):
        holder.add_typer(target, name=name)
        group_info: TyperInfo = holder.registered_groups[0]
        return typer.main.get_group_from_info(
            group_info,
            pretty_exceptions_short=app.pretty_exceptions_short,
            suggest_commands=app.suggest_commands,
            rich_markup_mode=app.rich_markup_mode,
        )
    holder.command(name)(target)
    command_info: CommandInfo = holder.registered_commands[0]
    return typer.main.get_command_from_info(
        command_info,
        pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=app.rich_markup_mode,
    )


class _LazyCommands(MutableMapping[str, click_core.Command]):
    """The group's commands: named by ``COMMANDS``, each built on first use.

    Click's own code (suggestions for a typo, completion, help) reads the
    group's ``commands`` mapping, so it too goes through the table.
    """

    def __init__(self) -> None:
        self._built: dict[str, click_core.Command] = {}

    def __getitem__(self, name: str) -> click_core.Command:
        if name not in COMMANDS:
            raise KeyError(name)
        if name not in self._built:
            self._built[name] = build_command(name)
        return self._built[name]

    def __setitem__(self, name: str, command: click_core.Command) -> None:
        raise TypeError(f"add {name!r} to COMMANDS in leadjournal/cli/app.py")

    def __delitem__(self, name: str) -> None:
        raise TypeError(f"remove {name!r} from COMMANDS in leadjournal/cli/app.py")

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)


class JournalGroup(TyperGroup):
    """The root group: commands from the table, built only when used; and the
    one place known failures become a message and an exit code."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = _LazyCommands()

    def list_commands(self, ctx: click_core.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click_core.Context, cmd_name: str) -> click_core.Command | None:
        return self.commands.get(cmd_name)

    def shell_complete(self, ctx: click_core.Context, incomplete: str) -> list[Any]:
        # Command names and their lines from the table: completing a command
        # name builds no command (building all nineteen costs a Tab ~100 ms).
        from typer._click.shell_completion import CompletionItem

        names = [
            CompletionItem(name, help=line)
            for name, (_, line) in COMMANDS.items()
            if name.startswith(incomplete)
        ]
        return names + super(TyperGroup, self).shell_complete(ctx, incomplete)

    def resolve_command(
        self, ctx: click_core.Context, args: list[str]
    ) -> tuple[str | None, click_core.Command | None, list[str]]:
        # An unknown word is answered with the closest commands, subcommands
        # included ("done" is `commitments done`), as a usage error (exit 2).
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in COMMANDS and not ctx.resilient_parsing:
            from leadjournal.cli.suggest import unknown_command

            raise unknown_command(name, list(COMMANDS), build_command)
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click_core.Context, formatter: click_core.HelpFormatter) -> None:
        # The table's lines, whole: each wraps under itself rather than being
        # cut with "…", so a summary is never half a sentence.
        with formatter.section(gettext("Commands")):
            formatter.write_dl([(name, line) for name, (_, line) in COMMANDS.items()])

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            result = super().invoke(ctx)
            if isinstance(ctx.obj, Settings) and ctx.obj.said_after:
                from leadjournal.cli.habit import say_after

                say_after(ctx.obj)
            return result
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
            if _is_sqlite_error(exc):
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
    if error.exit_code == ExitCode.INTERRUPTED:
        # A pause (Ctrl-C in an exercise, a text kept as a draft) is no error:
        # it says what was kept and how to carry on, in the review's words.
        typer.echo(visible(error.message), err=True)
        if error.hint:
            typer.echo(visible(error.hint), err=True)
        return
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
    if _is_sqlite_error(exc):
        return f"{kind} ({getattr(exc, 'sqlite_errorname', 'SQLITE_ERROR')}): {_sqlite_text(exc)}"
    if isinstance(exc, OSError):
        return f"{kind}: errno {exc.errno} ({exc.strerror})"
    return f"{kind} (message withheld: it may quote your entries)"


def _is_sqlite_error(exc: BaseException) -> bool:
    """SQLite's error, from the standard library or from sqlcipher3 (an encrypted journal).

    Looked up, not imported: --help must not pay for either module.
    """
    for name in ("sqlite3", "sqlcipher3.dbapi2"):
        module = sys.modules.get(name)
        if module is not None and isinstance(exc, module.Error):
            return True
    return False


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
    add_completion=True,
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
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager", help="Print long output straight to the terminal, without $PAGER."
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    ctx.obj = Settings.from_environment(db_path, debug=debug, pager=not no_pager)
