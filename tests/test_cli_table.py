"""The lazy root group: its table of commands tells the truth about them.

``leadjournal --help`` lists commands from ``COMMANDS`` without importing
them; these tests keep that table equal to what each command says of itself,
find commands the table forgot, and check that the listing, typo suggestions
and shell completion all go through the table.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
from collections.abc import Callable
from typing import Any

import pytest
import typer
import typer.main
from typer import _click as click_core
from typer._completion_classes import BashComplete
from typer.core import TyperGroup

import leadjournal.cli
from leadjournal.cli import app
from leadjournal.cli.app import COMMANDS, build_command


def _root() -> Any:
    return typer.main.get_command(app)


def _context(command: Any, width: int = 80) -> Any:
    return command.make_context(
        "leadjournal", [], resilient_parsing=True, terminal_width=width, max_content_width=width
    )


def test_each_line_of_the_table_is_the_first_sentence_of_the_commands_help() -> None:
    wrong = []
    for name, (target, line) in COMMANDS.items():
        command = build_command(name)
        own = command.get_short_help_str(limit=sys.maxsize)
        if command.name != name or own != line:
            wrong.append(f'    "{name}": ("{target}", "{own}"),  # not {line!r}')
    assert wrong == [], "in COMMANDS (leadjournal/cli/app.py), write:\n" + "\n".join(wrong)


def _defined_commands() -> dict[Callable[..., Any], str]:
    """Every function in cli/ taking a typer.Context first: each is a command,
    a group's callback, or an option callback (which takes no context)."""
    found: dict[Callable[..., Any], str] = {}
    for info in pkgutil.iter_modules(leadjournal.cli.__path__):
        module = importlib.import_module(f"leadjournal.cli.{info.name}")
        for name, value in vars(module).items():
            if not inspect.isfunction(value) or value.__module__ != module.__name__:
                continue
            parameters = list(inspect.signature(value).parameters.values())
            if parameters and parameters[0].annotation in ("typer.Context", typer.Context):
                found[value] = f"{module.__name__}:{name}"
    return found


def _reachable() -> set[Callable[..., Any]]:
    """The functions the table reaches: its commands, and its groups' commands
    and callbacks, however deep."""
    reached: set[Callable[..., Any]] = {app.registered_callback.callback}  # type: ignore[union-attr]

    def group(sub: typer.Typer) -> None:
        if sub.registered_callback is not None and sub.registered_callback.callback:
            reached.add(sub.registered_callback.callback)
        for command in sub.registered_commands:
            assert command.callback is not None
            reached.add(command.callback)
        for inner in sub.registered_groups:
            assert inner.typer_instance is not None
            group(inner.typer_instance)

    for target, _ in COMMANDS.values():
        module, attribute = target.split(":")
        value = getattr(importlib.import_module(module), attribute)
        if isinstance(value, typer.Typer):
            group(value)
        else:
            reached.add(value)
    return reached


def test_every_command_defined_is_in_the_table() -> None:
    reached = _reachable()
    missing = []
    for function, target in _defined_commands().items():
        if function not in reached:
            name = target.split(":")[1].removesuffix("_command").replace("_", "-")
            line = typer.core.TyperCommand(
                name=name, help=inspect.getdoc(function) or ""
            ).get_short_help_str(limit=sys.maxsize)
            missing.append(f'    "{name}": ("{target}", "{line}"),')
    assert missing == [], (
        "these commands are defined but not reachable; add them to COMMANDS in "
        "leadjournal/cli/app.py (in the place `leadjournal --help` should list them), "
        "or register them on their group's app:\n" + "\n".join(missing)
    )


@pytest.mark.parametrize("width", [60, 80, 100])
def test_the_listing_is_what_typer_prints_with_every_command_built(width: int) -> None:
    lazy = _root()
    eager = TyperGroup(
        name=lazy.name,
        commands={name: build_command(name) for name in COMMANDS},
        params=lazy.params,
        help=lazy.help,
        context_settings=lazy.context_settings,
        no_args_is_help=lazy.no_args_is_help,
        rich_markup_mode=None,
    )
    assert lazy.get_help(_context(lazy, width)) == eager.get_help(_context(eager, width))


def test_help_builds_no_command(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []
    # sys.modules: the package's attribute "app" is the Typer app, not this module.
    module = sys.modules["leadjournal.cli.app"]
    monkeypatch.setattr(module, "build_command", lambda name: built.append(name))
    root = _root()
    assert "  write  " in root.get_help(_context(root))
    assert built == []


def test_list_commands_is_the_table() -> None:
    root = _root()
    assert root.list_commands(_context(root)) == list(COMMANDS)
    assert list(root.commands) == list(COMMANDS)


def test_get_command_builds_only_that_command() -> None:
    root = _root()
    command = root.get_command(_context(root), "write")
    assert command is not None and command.name == "write"
    assert root.get_command(_context(root), "no-such-command") is None
    with pytest.raises(TypeError, match="COMMANDS"):
        root.commands["extra"] = command


def _completions(args: list[str], incomplete: str) -> list[str]:
    # The class Typer uses for bash once completion is turned on.
    complete = BashComplete(_root(), {}, "leadjournal", "_LEADJOURNAL_COMPLETE")
    return [item.value for item in complete.get_completions(args, incomplete)]


def test_completing_command_names_goes_through_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _completions([], "co") == [name for name in COMMANDS if name.startswith("co")]
    monkeypatch.setitem(COMMANDS, "copy", ("leadjournal.cli.transfer:export", "Write it all."))
    assert _completions([], "co") == ["commitments", "config", "copy"]


def test_completing_a_groups_subcommands_goes_through_the_table(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _completions(["goal"], "ch") == ["checkin"]
    assert _completions(["commitments"], "d") == ["done", "drop"]
    monkeypatch.setitem(COMMANDS, "targets", ("leadjournal.cli.goals:app", "Goals."))
    assert _completions(["targets"], "ch") == ["checkin"]


def test_a_typo_is_answered_from_the_table(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    run = cli("wrte")
    assert run.exit_code == 2
    assert "Did you mean `write`?" in run.stderr
    monkeypatch.setitem(COMMANDS, "reflect", ("leadjournal.cli.entries:write", "Write it."))
    assert "Did you mean `reflect`?" in cli("reflct").stderr


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("done", "Did you mean `commitments done` or `goal done`?"),
        ("chekin", "Did you mean `goal checkin`?"),
        ("doctor", "Did you mean `db doctor`?"),
        ("commitment", "Did you mean `commitments`?"),
    ],
)
def test_an_unknown_command_names_the_group_its_nearest_subcommand_lives_in(
    cli: Any, typed: str, meant: str
) -> None:
    run = cli(typed, "3f2a")
    assert run.exit_code == 2
    assert run.stderr.startswith(f"error: There is no command '{typed}'.\n")
    assert meant in run.stderr
    assert "Usage:" not in run.stderr  # one error, in the journal's own form


def test_an_unknown_command_far_from_every_name_is_pointed_to_the_help(cli: Any) -> None:
    run = cli("\x1b]0;PWNED\x07[bold]x")
    assert run.exit_code == 2
    assert "\x1b" not in run.stderr and "[bold]x" in run.stderr
    assert "'leadjournal --help' lists every command" in run.stderr
    assert "Did you mean" not in run.stderr


def test_the_click_core_used_is_typers_own() -> None:
    # Typer 0.29 vendors Click; a command built here must be of that Click.
    assert isinstance(build_command("write"), click_core.Command)


@pytest.mark.parametrize(
    ("args", "said", "meant"),
    [
        (["commitments", "dne", "3f2a"], "'commitments dne'", "Did you mean `commitments done`?"),
        (["db", "docter"], "'db docter'", "Did you mean `db doctor`?"),
        (["goal", "zzz"], "'goal zzz'", "'leadjournal goal --help' lists its commands."),
    ],
)
def test_an_unknown_subcommand_is_answered_the_same_way(
    cli: Any, args: list[str], said: str, meant: str
) -> None:
    run = cli(*args)
    assert run.exit_code == 2
    assert run.stderr.startswith(f"error: There is no command {said}.\n")
    assert meant in run.stderr and "Usage:" not in run.stderr
