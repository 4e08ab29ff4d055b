"""Usage lines, argument lists and command lists as a command-line user reads them.

Typer 0.29 writes a required argument as ``{ID}`` in the usage line and adds
its Python type in the argument list (``ID <str>``). The convention (git,
Click before it, POSIX usage) is ``ID`` for a required argument and ``[ID]``
for an optional one, with no type beside a name that already says what to
give. And a group's list of commands gives each summary whole, wrapped
under itself, where Typer cuts it at the line's end with "...", and a
group's unknown subcommand gets the journal's own error. These
methods of Typer's classes are replaced; like
``cli/coercion.py`` this leans on Typer internals, which is why Typer is
pinned to its minor version (``tests/test_help_text.py`` checks the result
on every command).
"""

from __future__ import annotations

import sys
from gettext import gettext

from typer import _click as click_core
from typer.core import TyperArgument, TyperGroup

_typers_display_type = TyperArgument.display_type_rich
_typers_resolve = TyperGroup.resolve_command


def _usage_name(self: TyperArgument) -> str:
    name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
    return f"{name}..." if self.nargs != 1 else name


def _display_type(self: TyperArgument, ctx: click_core.Context) -> str | None:
    if self.metavar is not None:
        return None  # the name given is the whole story: ID, FILE, ID|WEEK
    return _typers_display_type(self, ctx)


def _format_commands(
    self: TyperGroup, ctx: click_core.Context, formatter: click_core.HelpFormatter
) -> None:
    rows = []
    for name in self.list_commands(ctx):
        command = self.get_command(ctx, name)
        if command is not None and not command.hidden:
            rows.append((name, command.get_short_help_str(limit=sys.maxsize)))
    if rows:
        with formatter.section(gettext("Commands")):
            formatter.write_dl(rows)


def _resolve(
    self: TyperGroup, ctx: click_core.Context, args: list[str]
) -> tuple[str | None, click_core.Command | None, list[str]]:
    # A group's unknown subcommand is answered as the root answers an unknown
    # command: one error, with the nearest subcommands (cli/suggest.py).
    word = args[0] if args else ""
    if (
        ctx.parent is not None  # the root group answers for itself
        and word
        and not word.startswith("-")
        and not ctx.resilient_parsing
        and self.get_command(ctx, word) is None
    ):
        from leadjournal.cli.suggest import unknown_subcommand

        raise unknown_subcommand(ctx.info_name or "", word, self.list_commands(ctx))
    return _typers_resolve(self, ctx, args)


def install() -> None:
    """Use these forms for every Typer argument and group in this process."""
    TyperGroup.format_commands = _format_commands  # type: ignore[method-assign]
    TyperGroup.resolve_command = _resolve  # type: ignore[method-assign]
    TyperArgument._usage_display_name = _usage_name  # type: ignore[method-assign]
    TyperArgument.display_type_rich = _display_type  # type: ignore[method-assign,assignment]
