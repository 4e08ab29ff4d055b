"""write, log, show, edit, delete, search: free reflections and reading back."""

from __future__ import annotations

from typing import Annotated

import typer

from leadjournal import messages
from leadjournal.cli import completion
from leadjournal.cli.context import Settings
from leadjournal.cli.io import confirm, edited_text, emit_json, tell, typed_text
from leadjournal.cli.options import Json, WeekOption
from leadjournal.cli.pager import paged
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
        roster = journal.store.has_people()
    if as_json:
        emit_json(entry)
    else:
        tell(_saved(entry.id, entry.week, entry.tags))
    if roster:  # the people it names: asked about after the entry is safe
        from leadjournal.cli.linking import settle_saved

        settle_saved(settings, asking=not as_json)


def _saved(entry_id: str, week: str, tags: list[str]) -> str:
    """The confirmation, with the tags the entry now has (from @words and --tag)."""
    saved = messages.SAVED_ENTRY.format(id=entry_id[:8], week=week)
    if not tags:
        return saved
    return f"{saved} {messages.SAVED_TAGS.format(tags=', '.join(f'@{tag}' for tag in tags))}"


def _write_draft(
    settings: Settings, ref: str, tags: list[str], day: str | None, star: bool, as_json: bool
) -> None:
    """Save a kept draft as an entry; the draft is removed only once the entry is saved."""
    from leadjournal import drafts
    from leadjournal.cli.drafts import discard_saved, say_waiting

    draft = drafts.find(settings.drafts_folder, ref)
    body = drafts.text_of(draft, settings.journal_key() if drafts.is_sealed(draft) else None)
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
    reverse: Annotated[
        bool, typer.Option("--reverse", help="Oldest week first (default: newest first).")
    ] = False,
    as_json: Json = False,
) -> None:
    """List entries and reviews by the day they belong to, under week headings.

    Each item says what it is (free entry, review reflection, prompt answer,
    exercise answer, imported). 'leadjournal show WEEK' shows a week whole.

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
            reverse=reverse,
        )
    if as_json:
        emit_json(result)
        return
    from leadjournal import render

    with paged(settings):
        render.print_log(settings.console, result, reverse=reverse)


def show(
    ctx: typer.Context,
    entry_id: Annotated[
        str,
        typer.Argument(
            metavar="ID|WEEK",
            help="An entry, commitment or review id (or a unique prefix), or a week: 2026-W47.",
            autocompletion=completion.items_or_weeks,
        ),
    ],
    history: Annotated[
        bool, typer.Option("--history", help="List the kept versions of the item or week.")
    ] = False,
    as_json: Json = False,
) -> None:
    """Show one entry or commitment in full, or a week whole (a week, 'last week', a review id).

    A week's page has its ratings, grid style and lean, the follow-ups, the
    reflection and its prompt, the win, the commitment and what became of it,
    goal check-ins, exercise answers and the week's free entries.

    Example: leadjournal show 2026-W47
    """
    settings: Settings = ctx.obj
    with settings.journal() as journal:
        found = journal.record.history(entry_id) if history else journal.record.show(entry_id)
    from leadjournal import render
    from leadjournal.models import Entry
    from leadjournal.record import History, WeekPage

    if as_json:
        emit_json(found.as_json() if isinstance(found, History | WeekPage) else found)
        return
    with paged(settings):
        if isinstance(found, History):
            settings.console.print(render.history_view(found))
        elif isinstance(found, WeekPage):
            settings.console.print(render.week_page(found))
        elif isinstance(found, Entry):
            settings.console.print(render.entry_panel(found))
        else:
            settings.console.print(render.commitment_panel(found))


def edit(
    ctx: typer.Context,
    entry_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="An entry, commitment or review id, or a reviewed week.",
            autocompletion=completion.items_or_weeks,
        ),
    ],
) -> None:
    """Edit an entry, a commitment's wording, or a review's win and whose effort, in $EDITOR.

    The text before is kept: 'leadjournal restore ID' brings it back.

    Example: EDITOR=nano leadjournal edit 3f2a
    """
    settings: Settings = ctx.obj
    with settings.journal() as journal:
        item = journal.record.editable(entry_id)
    # No connection is held while the editor is open; the save checks, under
    # the write lock, that nobody changed the item meanwhile.
    with edited_text(settings, item.text, kind=f"edit-{item.id[:8]}") as typed:
        if typed is None:
            raise LeadJournalError(messages.EDIT_NEEDS_EDITOR, messages.EDIT_NEEDS_EDITOR_HINT)
        with typed.saving(), settings.journal(on_wait=typed.waiting) as journal:
            changed = journal.record.save_edit(item, typed.text)
    done = messages.EDITED_ITEM if changed else messages.UNCHANGED_ITEM
    tell(done.format(kind=item.kind, id=item.id[:8]))
    if changed:
        from leadjournal.cli.linking import settle_saved

        settle_saved(settings)


def delete(
    ctx: typer.Context,
    entry_id: Annotated[
        str,
        typer.Argument(
            metavar="ID|WEEK",
            help="An entry or commitment id, a review id, or a week: 2026-W47.",
            autocompletion=completion.items_or_weeks,
        ),
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Delete without asking.")] = False,
) -> None:
    """Delete an entry, a commitment or a week's whole review (asks first unless --yes).

    What is deleted is kept for at least 30 days: 'leadjournal restore ID|WEEK'.

    Example: leadjournal delete 2026-W47 --yes
    """
    settings: Settings = ctx.obj
    with settings.journal() as journal:
        target = journal.record.deletable(entry_id)
        if not yes:
            if not settings.interactive:
                raise BadInput(messages.DELETE_NEEDS_YES, messages.DELETE_NEEDS_YES_HINT)
            from leadjournal import render

            question = messages.DELETE_ITEM_CONFIRM.format(kind=target.kind)
            if target.kind == "review":
                settings.console.print(render.week_page(journal.record.week_page(target.week)))
                question = messages.DELETE_WEEK_CONFIRM.format(week=target.week)
            elif target.kind == "entry":
                settings.console.print(render.entry_panel(journal.store.get_entry(target.id)))
            else:
                settings.console.print(
                    render.commitment_panel(journal.store.get_commitment(target.id))
                )
            if not confirm(settings, question):
                tell(messages.NOT_DELETED)
                raise typer.Exit(1)
        journal.record.delete(target)
    if target.kind == "review":
        tell(messages.DELETED_WEEK.format(week=target.week))
        tell(messages.KEPT_NOTE.format(target=target.week))
    else:
        tell(messages.DELETED_ITEM.format(kind=target.kind, id=target.id[:8]))
        tell(messages.KEPT_NOTE.format(target=target.id[:8]))


def search(
    ctx: typer.Context,
    query: Annotated[
        str, typer.Argument(metavar="QUERY", help="Words to find; every word must appear.")
    ],
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            help="Only this kind (repeatable): entry, reflection, prompt, exercise, win, "
            "commitment, follow-up, check-in.",
            autocompletion=completion.SEARCH_KINDS,
        ),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", metavar="N", help="At most N results.")
    ] = 20,
    as_json: Json = False,
) -> None:
    """Full-text search of everything written, best matches first.

    Searches entries and their titles, review reflections, wins and whose
    effort, commitments and their outcomes, follow-up notes, exercise answers,
    goal check-in notes, people and the notes about them; each hit says what
    it is and which week. For a
    word found in most of a large journal, the ranking is done among its
    newest few thousand matches.

    Example: leadjournal search "one-on-one" --kind win
    """
    settings: Settings = ctx.obj
    if limit < 1:
        raise BadInput(messages.BAD_LIMIT.format(value=limit), messages.BAD_LIMIT_HINT)
    with settings.journal() as journal:
        hits = journal.search(query, limit=limit, kinds=kind or ())
    if as_json:
        emit_json([hit.as_json() for hit in hits])
        return
    from leadjournal import render

    with paged(settings):
        render.print_search(settings.console, query, hits)
