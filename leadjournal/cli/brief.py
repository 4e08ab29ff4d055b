"""``leadjournal brief``: one page to take to a coach, a mentor or a one-on-one."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from leadjournal import messages
from leadjournal.cli.context import Settings
from leadjournal.cli.io import atomic_output, choose
from leadjournal.cli.options import Force, Output, Weeks
from leadjournal.cli.pager import paged

FORMATS = ("md", "html")


def brief(
    ctx: typer.Context,
    weeks: Weeks = 12,
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="md|html", help="Markdown or HTML.")
    ] = "md",
    output: Output = None,
    force: Force = False,
) -> None:
    """A one-page summary of the last N weeks: ratings, the grid path, the verdict,
    wins, commitments, open goals and a few of your reflections.

    The HTML page is one self-contained file (no scripts, nothing fetched) that prints well.

    Example: leadjournal brief --weeks 8 --format html --output brief.html
    """
    from leadjournal import brief as briefs

    settings: Settings = ctx.obj
    chosen = choose(fmt, FORMATS, "html")
    with settings.journal() as journal:
        page = briefs.build_brief(journal, weeks)
    text = briefs.to_html(page) if chosen == "html" else briefs.to_markdown(page)
    if output is None:
        with paged(settings):
            sys.stdout.write(text)
        return
    path = Path(output).expanduser()
    with atomic_output(path, force=force) as handle:
        handle.write(text)
    from leadjournal.render import user

    size = len(text.encode("utf-8"))
    settings.console.print(user(messages.WROTE_FILE.format(path=path, size=size)), soft_wrap=True)
