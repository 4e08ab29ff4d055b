"""write, log, show, edit, delete, search: free reflections and reading back."""

from __future__ import annotations

from typing import Annotated

import typer

from leadjournal import messages
from leadjournal.cli.context import Settings
from leadjournal.cli.io import confirm, edited_text, emit_json, tell, typed_text
from leadjournal.cli.options import Json, WeekOption
from leadjournal.errors import BadInput, Interrupted, LeadJournalError


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
    from_draft: Annotated[
        str | None,
        typer.Option(
            "--from-draft",
            metavar="DRAFT",
            help="Save a kept draft (its name or path; db doctor lists them), then remove it.",
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    """Write a free reflection, any day. @words in the text become tags.

    A text that cannot be saved (the journal busy, a full disk, ...) is kept
    as a draft beside the journal; --from-draft saves it later.

    Example: leadjournal write "Told @maya her launch plan was the clearest yet" --tag recognition
    """
    settings: Settings = ctx.obj
    if from_draft is not None:
        if text is not None:
            raise BadInput(messages.DRAFT_AND_TEXT, messages.DRAFT_AND_TEXT_HINT)
        _write_draft(settings, from_draft, tag or [], day, star, as_json)
        return
    # Tags and the date are checked before anything is typed; the date is
    # kept as the day it means now: a draft saved tomorrow still belongs to
    # today's "yesterday".
    from leadjournal.records import normalise_tag

    tag = [normalise_tag(each) for each in tag or ()]
    if day is not None:
        from leadjournal.weeks import parse_day

        day = parse_day(day, settings.clock.now().date()).isoformat()
    # The options to repeat when a kept draft is saved later.
    again = [part for each in tag for part in ("--tag", each)]
    again += [*(["--date", day] if day else []), *(["--star"] if star else [])]
    with (
        typed_text(settings, text, what="reflection", kind="write", again=again) as typed,
        typed.saving(),
        settings.journal(on_wait=typed.waiting) as journal,
    ):
        entry = journal.write(typed.text, tags=tag, day=day, starred=star)
    if as_json:
        emit_json(entry)
    else:
        tell(messages.SAVED_ENTRY.format(id=entry.id[:8], week=entry.week))


def _write_draft(
    settings: Settings, ref: str, tags: list[str], day: str | None, star: bool, as_json: bool
) -> None:
    """Save a kept draft as an entry; the draft is removed only once the entry is saved."""
    from leadjournal import drafts
    from leadjournal.cli.drafts import discard_saved, say_waiting

    draft = drafts.find(settings.drafts_folder, ref)
    body = drafts.text_of(draft)
    try:
        with settings.journal(on_wait=lambda: say_waiting(draft)) as journal:
            entry = journal.write(body, tags=tags, day=day, starred=star)
    except KeyboardInterrupt:
        raise Interrupted(
            messages.STOPPED_BEFORE_SAVING, messages.DRAFT_STILL_KEPT.format(path=draft.path)
        ) from None
    discard_saved(draft)
    if as_json:
        emit_json(entry)
    else:
        tell(messages.DRAFT_SAVED.format(name=draft.name, id=entry.id[:8], week=entry.week))


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
    # No connection is held while the editor is open; the save checks, under
    # the write lock, that nobody changed the entry meanwhile.
    with edited_text(settings, entry.body, kind=f"edit-{entry.id[:8]}") as typed:
        if typed is None:
            raise LeadJournalError(messages.EDIT_NEEDS_EDITOR, messages.EDIT_NEEDS_EDITOR_HINT)
        with typed.saving(), settings.journal(on_wait=typed.waiting) as journal:
            journal.edit(
                entry.id,
                typed.text,
                expected_updated_at=entry.updated_at,
                expected_body=entry.body,
            )
    done = messages.UNCHANGED if typed.text.strip() == entry.body else messages.EDITED
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


def register(app: typer.Typer) -> None:
    for command in (write, log, show, edit, delete, search):
        app.command(command.__name__)(command)
