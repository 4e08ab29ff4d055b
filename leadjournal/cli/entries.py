"""write, log, show, edit, delete, search: free reflections and reading back."""

from __future__ import annotations

from typing import Annotated

import typer

from leadjournal import messages
from leadjournal.cli.context import Settings
from leadjournal.cli.io import confirm, edit_in_editor, emit_json, tell, text_from_anywhere
from leadjournal.cli.options import Json, WeekOption
from leadjournal.errors import BadInput, LeadJournalError


def write(
    ctx: typer.Context,
    text: Annotated[
        str | None,
        typer.Argument(metavar="TEXT", help="The reflection; omit to use stdin or $EDITOR."),
    ] = None,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", "-t", metavar="TAG", help="Add a tag (repeatable).")
    ] = None,
    day: Annotated[
        str | None,
        typer.Option(
            "--date", metavar="DATE", help="Date it belongs to: 2026-11-18, today, yesterday."
        ),
    ] = None,
    star: Annotated[
        bool, typer.Option("--star", help="Mark it as one to bring to a coach (shown in brief).")
    ] = False,
    as_json: Json = False,
) -> None:
    """Write a free reflection, any day. @words in the text become tags.

    Example: leadjournal write "Told @maya her launch plan was the clearest yet" --tag recognition
    """
    settings: Settings = ctx.obj
    body = text_from_anywhere(settings, text, what="reflection")
    with settings.journal() as journal:
        entry = journal.write(body, tags=tag or (), day=day, starred=star)
    if as_json:
        emit_json(entry)
    else:
        tell(messages.SAVED_ENTRY.format(id=entry.id[:8], week=entry.week))


def log(
    ctx: typer.Context,
    this_week: Annotated[bool, typer.Option("--this-week", help="Only this week.")] = False,
    last_week: Annotated[bool, typer.Option("--last-week", help="Only last week.")] = False,
    week: WeekOption = None,
    weeks: Annotated[
        int | None, typer.Option("--weeks", metavar="N", help="The last N weeks (default 4).")
    ] = None,
    tag: Annotated[
        str | None, typer.Option("--tag", "-t", metavar="TAG", help="Only entries with this tag.")
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", metavar="N", help="At most the N newest entries.")
    ] = None,
    as_json: Json = False,
) -> None:
    """List entries and reviews, by week.

    Example: leadjournal log --last-week
    """
    settings: Settings = ctx.obj
    if sum([this_week, last_week, week is not None, weeks is not None]) > 1:
        raise BadInput(messages.ONE_PERIOD, messages.ONE_PERIOD_HINT)
    if limit is not None and limit < 1:
        raise BadInput(messages.BAD_LIMIT.format(value=limit), messages.BAD_LIMIT_HINT)
    with settings.journal() as journal:
        chosen = "this week" if this_week else "last week" if last_week else week
        result = journal.log(
            week=journal.parse_week(chosen) if chosen else None,
            last_weeks=weeks,
            tag=tag,
            limit=limit,
        )
    if as_json:
        emit_json(result)
        return
    from leadjournal import render

    render.print_log(settings.console, result)


def show(
    ctx: typer.Context,
    entry_id: Annotated[
        str, typer.Argument(metavar="ID", help="An entry id or a unique prefix of it.")
    ],
    as_json: Json = False,
) -> None:
    """Show one entry in full.

    Example: leadjournal show 3f2a
    """
    settings: Settings = ctx.obj
    with settings.journal() as journal:
        entry = journal.show(entry_id)
    if as_json:
        emit_json(entry)
        return
    from leadjournal import render

    settings.console.print(render.entry_panel(entry))


def edit(
    ctx: typer.Context,
    entry_id: Annotated[
        str, typer.Argument(metavar="ID", help="An entry id or a unique prefix of it.")
    ],
) -> None:
    """Edit an entry in $EDITOR.

    Example: EDITOR=nano leadjournal edit 3f2a
    """
    settings: Settings = ctx.obj
    with settings.journal() as journal:
        entry = journal.show(entry_id)
        edited = edit_in_editor(settings, entry.body)
        if edited is None:
            raise LeadJournalError(messages.EDIT_NEEDS_EDITOR, messages.EDIT_NEEDS_EDITOR_HINT)
        updated = journal.edit(entry.id, edited)
    done = messages.UNCHANGED if updated.updated_at == entry.updated_at else messages.EDITED
    tell(done.format(id=entry.id[:8]))


def delete(
    ctx: typer.Context,
    entry_id: Annotated[
        str, typer.Argument(metavar="ID", help="An entry id or a unique prefix of it.")
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Delete without asking.")] = False,
) -> None:
    """Delete an entry (asks first unless --yes).

    Example: leadjournal delete 3f2a --yes
    """
    settings: Settings = ctx.obj
    with settings.journal() as journal:
        entry = journal.show(entry_id)
        if not yes:
            if not settings.interactive:
                raise BadInput(messages.DELETE_NEEDS_YES, messages.DELETE_NEEDS_YES_HINT)
            from leadjournal import render

            settings.console.print(render.entry_panel(entry))
            if not confirm(settings, messages.DELETE_CONFIRM):
                tell(messages.NOT_DELETED)
                raise typer.Exit(1)
        journal.delete(entry.id)
    tell(messages.DELETED.format(id=entry.id[:8]))


def search(
    ctx: typer.Context,
    query: Annotated[
        str, typer.Argument(metavar="QUERY", help="Words to find; every word must appear.")
    ],
    limit: Annotated[
        int, typer.Option("--limit", "-n", metavar="N", help="At most N results.")
    ] = 20,
    as_json: Json = False,
) -> None:
    """Full-text search of everything written, best matches first.

    Example: leadjournal search "one-on-one"
    """
    settings: Settings = ctx.obj
    if limit < 1:
        raise BadInput(messages.BAD_LIMIT.format(value=limit), messages.BAD_LIMIT_HINT)
    with settings.journal() as journal:
        hits = journal.search(query, limit=limit)
    if as_json:
        emit_json([{**hit.entry.model_dump(mode="json"), "snippet": hit.snippet} for hit in hits])
        return
    from leadjournal import render

    render.print_search(settings.console, query, hits)
