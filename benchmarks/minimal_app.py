"""The floor for a Typer command: one command, three options, one line printed.

``benchmarks/run.py`` times it in the same run as leadjournal's commands, with
the same interpreter and the same Typer, so "× the minimal app" compares a
whole leadjournal command with a Typer app that does nothing.

    python benchmarks/minimal_app.py --name Maya --times 2 --loud
"""

from __future__ import annotations

from typing import Annotated

import typer

app = typer.Typer(add_completion=False)


@app.command()
def main(
    name: Annotated[str, typer.Option(help="Who to greet.")] = "world",
    times: Annotated[int, typer.Option(help="How many times.")] = 1,
    loud: Annotated[bool, typer.Option(help="Shout it.")] = False,
) -> None:
    """Print one greeting line."""
    text = " ".join([f"hello {name}"] * times)
    typer.echo(text.upper() if loud else text)


if __name__ == "__main__":
    app()
