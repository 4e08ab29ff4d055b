"""``leadjournal trends``: the weekly picture over the last N weeks."""

from __future__ import annotations

import typer

from leadjournal.cli.context import Settings
from leadjournal.cli.io import emit_json
from leadjournal.cli.options import Json, Weeks
from leadjournal.cli.pager import paged


def trends(ctx: typer.Context, weeks: Weeks = 12, as_json: Json = False) -> None:
    """Week by week: ratings, sparklines, the grid, streak, follow-through and the verdict,
    then your open goals' progress.

    Weeks without a review show as gaps; the table starts at your first
    review. The streak counts weeks with a finished review, not days: a quiet
    Tuesday breaks nothing. --json prints the numbers for scripts, for the
    whole window asked for.

    Example: leadjournal trends --weeks 8
    """
    settings: Settings = ctx.obj
    with settings.journal() as journal:
        view = journal.trends_view(weeks)
        people = journal.people.spread([row.week for row in view.trends.weeks])
    if as_json:
        report = view.report()
        if people is not None:
            report = report.model_copy(update={"people": people.as_json()})
        emit_json(report)
        return
    from leadjournal import render

    with paged(settings):
        settings.console.print(render.trends_view(view))
        if people is not None:
            from rich.text import Text

            from leadjournal import render_people

            settings.console.print(Text())
            settings.console.print(render_people.spread_section(people))
