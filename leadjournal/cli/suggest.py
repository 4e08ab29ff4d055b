"""An unknown command answered with the closest ones, subcommands included.

Only on that error path are the command groups built, to read their
subcommands: `leadjournal done 3f2a` is told about `commitments done`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence

from typer import _click as click_core
from typer.core import TyperGroup

from leadjournal import messages
from leadjournal.errors import BadInput

MAX_SUGGESTIONS = 3


Build = Callable[[str], click_core.Command]


def command_paths(names: Sequence[str], build: Build) -> list[str]:
    """Every command as it is typed: "write", "commitments done", "db doctor"…"""
    paths: list[str] = []
    for name in names:
        paths.append(name)
        command = build(name)
        if isinstance(command, TyperGroup):
            paths.extend(f"{name} {sub}" for sub in command.commands)
    return paths


def closest(word: str, paths: list[str]) -> list[str]:
    """The commands nearest to ``word``: a command first; otherwise the
    subcommands whose own name is near it ("done" is `commitments done`)."""
    typed = word.lower()
    commands = [path for path in paths if " " not in path]
    near = difflib.get_close_matches(typed, commands, n=MAX_SUGGESTIONS, cutoff=0.75)
    if near:
        return near
    by_name: dict[str, list[str]] = {}
    for path in paths:
        if " " in path:
            by_name.setdefault(path.split()[-1], []).append(path)
    found: list[str] = []
    for name in difflib.get_close_matches(typed, list(by_name), n=MAX_SUGGESTIONS):
        found.extend(by_name[name])
    if not found:
        found = difflib.get_close_matches(typed, paths, n=MAX_SUGGESTIONS)
    return found[:MAX_SUGGESTIONS]


def unknown_command(word: str, names: Sequence[str], build: Build) -> BadInput:
    """The error for ``word``, which is none of ``names`` (built with ``build``
    to read their subcommands)."""
    from leadjournal.safetext import visible

    shown = visible(word)
    near = closest(word, command_paths(names, build))
    if not near:
        return BadInput(messages.UNKNOWN_COMMAND.format(name=shown), messages.UNKNOWN_COMMAND_HINT)
    quoted = [f"`{path}`" for path in near]
    choices = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
    return BadInput(
        messages.UNKNOWN_COMMAND.format(name=shown),
        messages.UNKNOWN_COMMAND_SUGGEST.format(choices=choices),
    )


def unknown_subcommand(group: str, word: str, names: Sequence[str]) -> BadInput:
    """The error for ``leadjournal GROUP WORD`` when WORD is none of the group's ``names``."""
    from leadjournal.safetext import visible

    shown = visible(f"{group} {word}")
    near = difflib.get_close_matches(word.lower(), list(names), n=MAX_SUGGESTIONS)
    if not near:
        return BadInput(
            messages.UNKNOWN_COMMAND.format(name=shown),
            messages.UNKNOWN_SUBCOMMAND_HINT.format(group=group),
        )
    quoted = [f"`{group} {name}`" for name in near]
    choices = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
    return BadInput(
        messages.UNKNOWN_COMMAND.format(name=shown),
        messages.UNKNOWN_COMMAND_SUGGEST.format(choices=choices),
    )
