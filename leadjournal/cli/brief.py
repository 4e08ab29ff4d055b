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
from leadjournal.errors import BadInput

FORMATS = ("md", "html")


def brief(
    ctx: typer.Context,
    weeks: Weeks = 12,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", metavar="md|html", help="Markdown (default) or HTML."),
    ] = None,
    output: Output = None,
    force: Force = False,
    open_it: Annotated[
        bool,
        typer.Option(
            "--open",
            help="Write the HTML brief to a private file beside the journal (or to --output) "
            "and open it in your browser.",
        ),
    ] = False,
) -> None:
    """A one-page summary of the last N weeks: ratings, the grid path, the verdict,
    wins, commitments, open goals and a few of your reflections.

    The HTML page is one self-contained file (no scripts, nothing fetched) that prints well.

    Examples: leadjournal brief --weeks 8 --format html --output brief.html ·
    leadjournal brief --open
    """
    from leadjournal import brief as briefs

    settings: Settings = ctx.obj
    chosen = choose(fmt or ("html" if open_it else "md"), FORMATS, "html")
    if open_it and chosen != "html":
        raise BadInput(messages.BRIEF_OPEN_NOT_MD, messages.BAD_FORMAT_HINT.format(example="html"))
    with settings.journal() as journal:
        page = briefs.build_brief(journal, weeks)
        if journal.store.key is not None and (output is not None or open_it):
            # A readable copy of an encrypted journal, kept as a file: said once.
            typer.echo(messages.BRIEF_PLAINTEXT, err=True)
    text = briefs.to_html(page) if chosen == "html" else briefs.to_markdown(page)
    if output is None and not open_it:
        with paged(settings):
            sys.stdout.write(text)
        return
    # Opened without --output: a file of its own beside the journal, replaced
    # each time; as private as the journal, and in the same folder, not in a
    # shared temporary one.
    path = Path(output).expanduser() if output else _beside_journal(settings.db_path)
    with atomic_output(path, force=force or output is None) as handle:
        handle.write(text)
    from leadjournal.render import user

    if open_it:
        import webbrowser

        opened = webbrowser.open(path.resolve().as_uri())
        said = messages.BRIEF_OPENED if opened else messages.BRIEF_NOT_OPENED
        settings.console.print(user(said.format(path=path)), soft_wrap=True)
        return
    size = len(text.encode("utf-8"))
    settings.console.print(user(messages.WROTE_FILE.format(path=path, size=size)), soft_wrap=True)


def _beside_journal(db_path: Path) -> Path:
    """journal.db's brief is journal.brief.html, in the journal's folder."""
    db_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    return db_path.with_name(f"{db_path.stem}.brief.html")
