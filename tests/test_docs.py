"""Docs that cannot drift: every command has help with an example and is in the README."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import typer

from leadjournal.cli import app

from .conftest import Cli

README = (Path(__file__).parent.parent / "README.md").read_text()


def _commands() -> Iterator[list[str]]:
    root = typer.main.get_command(app)

    def walk(command: object, path: list[str]) -> Iterator[list[str]]:
        sub = getattr(command, "commands", None)
        if sub:
            if path:
                yield path
            for name, child in sub.items():
                yield from walk(child, [*path, name])
        elif path:
            yield path

    yield from walk(root, [])


def test_there_are_commands_to_check() -> None:
    names = {" ".join(path) for path in _commands()}
    assert {"review", "write", "log", "db status", "commitments done"} <= names


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
