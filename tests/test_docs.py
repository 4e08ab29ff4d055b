"""Docs that cannot drift: every command has help with an example and is in the README."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

from leadjournal.cli import app
from leadjournal.cli.app import COMMANDS

from .conftest import Cli

README = (Path(__file__).parent.parent / "README.md").read_text()


def _commands() -> Iterator[list[str]]:
    """Every command path, found the way a person's shell finds them: through
    each group's ``list_commands`` and ``get_command`` (the lazy root's table)."""
    root = typer.main.get_command(app)

    def walk(command: Any, path: list[str]) -> Iterator[list[str]]:
        ctx = typer.Context(command, info_name=path[-1] if path else "leadjournal")
        if isinstance(command, TyperGroup):
            if path:
                yield path
            for name in command.list_commands(ctx):
                child = command.get_command(ctx, name)
                assert child is not None, f"{' '.join([*path, name])} is listed but not found"
                yield from walk(child, [*path, name])
        elif path:
            yield path

    yield from walk(root, [])


def test_there_are_commands_to_check() -> None:
    names = {" ".join(path) for path in _commands()}
    assert {"review", "write", "log", "db status", "commitments done"} <= names
    assert set(COMMANDS) <= names


def test_every_command_has_help_with_an_example(cli: Cli) -> None:
    missing = []
    for path in _commands():
        run = cli(*path, "--help")
        assert run.exit_code == 0, path
        if "Example" not in run.stdout:
            missing.append(" ".join(path))
    assert missing == []


def test_every_command_is_in_the_readme() -> None:
    missing = [" ".join(path) for path in _commands() if f"leadjournal {path[0]}" not in README]
    assert missing == []


def test_ci_runs_exactly_the_quick_starts_test_command() -> None:
    root = Path(__file__).parent.parent
    blocks = re.findall(r"```sh\n(.*?)\n```", README.split("## A 60-second tour")[0], flags=re.S)
    assert len(blocks) == 2, blocks
    ci = (root / ".ci" / "run").read_text().rstrip("\n").splitlines()[-1]
    assert ci == blocks[1]
    # The browser test's system programs are installed by that command.
    assert "tests/system-deps.sh" in ci and os.access(root / "tests" / "system-deps.sh", os.X_OK)
