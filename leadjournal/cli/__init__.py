"""The command line: wiring only.

The only package that imports typer, reads the environment, prompts or
prints. Each command module imports its heavy dependencies (rich, pydantic,
sqlite) inside the command, so ``--help`` and ``--version`` stay fast.
"""

from __future__ import annotations

from leadjournal.cli.app import app


def main() -> None:
    app(prog_name="leadjournal")


__all__ = ["app", "main"]
