"""Every command's help, read as a user reads it: clean usage lines, plain
argument names, whole summaries in every list of commands."""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer.main
from typer.core import TyperGroup

from leadjournal.cli import app
from leadjournal.cli.app import COMMANDS, build_command


def _every_command() -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for name in COMMANDS:
        command = build_command(name)
        found.append((name, command))
        if isinstance(command, TyperGroup):
            found.extend((f"{name} {sub}", inner) for sub, inner in command.commands.items())
    return found


def _help(path: str, command: Any, width: int = 80) -> str:
    context = command.make_context(
        f"leadjournal {path}", [], resilient_parsing=True, terminal_width=width
    )
    return str(command.get_help(context))


@pytest.mark.parametrize(("path", "command"), _every_command(), ids=lambda item: str(item))
def test_usage_lines_and_arguments_are_written_as_the_convention_has_them(
    path: str, command: Any
) -> None:
    text = _help(path, command)
    usage = text.splitlines()[0]
    assert "{" not in usage and "}" not in usage, usage
    assert not re.search(r"<(str|int|bool|float)>", text), text
    for param in command.params:
        if isinstance(param, typer.core.TyperArgument) and param.metavar:
            shown = param.metavar if param.required else f"[{param.metavar}]"
            assert f" {shown}" in usage, usage


def test_a_required_and_an_optional_argument_in_the_usage_line() -> None:
    assert _help("commitments done", build_command("commitments").commands["done"]).startswith(
        "Usage: leadjournal commitments done [OPTIONS] ID\n"
    )
    backup = build_command("db").commands["backup"]
    assert _help("db backup", backup).startswith("Usage: leadjournal db backup [OPTIONS] [FILE]\n")
    arguments = _help("show", build_command("show")).split("Arguments:", 1)[1]
    assert re.search(r"^  ID\|WEEK  An entry", arguments, re.MULTILINE)


def _listed(text: str) -> dict[str, str]:
    """A help page's "Commands:" section: each name with its summary, unwrapped."""
    section = text.split("Commands:\n", 1)[1]
    rows: dict[str, str] = {}
    last = ""
    for line in section.splitlines():
        if not line.strip():
            break
        match = re.match(r"^  (\S+)\s+(.*)$", line)
        if match and not line.startswith("   "):
            last = match[1]
            rows[last] = match[2]
        else:
            joiner = "" if rows[last].endswith("-") else " "
            rows[last] += joiner + line.strip()
    return rows


@pytest.mark.parametrize("width", [60, 80, 100])
def test_the_top_level_help_gives_each_summary_whole(width: int) -> None:
    root = typer.main.get_command(app)
    context = root.make_context("leadjournal", [], resilient_parsing=True, terminal_width=width)
    text = root.get_help(context)
    assert "..." not in text.split("Commands:")[1] and "…" not in text
    assert _listed(text) == {name: line for name, (_, line) in COMMANDS.items()}
    assert max(len(line) for line in text.splitlines()) <= width


@pytest.mark.parametrize("group", [name for name, _ in _every_command() if " " not in name])
def test_each_groups_help_gives_each_summary_whole(group: str) -> None:
    command = build_command(group)
    if not isinstance(command, TyperGroup):
        return
    listed = _listed(_help(group, command))
    assert listed == {
        name: inner.get_short_help_str(limit=10_000) for name, inner in command.commands.items()
    }


def test_version_has_a_short_form(cli: Any) -> None:
    from leadjournal import __version__

    assert cli.ok("-V").stdout == f"leadjournal {__version__}\n"
    assert cli.ok("--version").stdout == f"leadjournal {__version__}\n"
