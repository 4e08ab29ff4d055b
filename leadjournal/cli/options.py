"""Option types shared by several commands."""

from __future__ import annotations

from typing import Annotated

import typer

from leadjournal.cli import completion

Json = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of text.")]
Seed = Annotated[
    int | None, typer.Option("--seed", help="Make the prompt choice repeatable.", metavar="N")
]
WeekOption = Annotated[
    str | None,
    typer.Option(
        "--week",
        metavar="WEEK",
        help="An ISO week (2026-W45), last, this, or a date form: 2026-11-18, today, last week.",
        autocompletion=completion.weeks,
    ),
]
Weeks = Annotated[
    int, typer.Option("--weeks", "-w", metavar="N", help="How many weeks, ending this one.")
]
Output = Annotated[
    str | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of the screen."),
]
Force = Annotated[bool, typer.Option("--force", help="Replace FILE if it already exists.")]
