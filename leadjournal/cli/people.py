"""``leadjournal people``: the roster, notes about each person, and who is overlooked."""

from __future__ import annotations

from typing import Annotated

import typer

from leadjournal import messages
from leadjournal.cli.context import Settings
from leadjournal.cli.io import confirm, emit_json, say
from leadjournal.cli.options import Json
from leadjournal.errors import BadInput, ExitCode

app = typer.Typer(
    help=(
        "The people you lead: a light roster, notes, and who has gone longest without contact.\n\n"
        'Example: leadjournal people add "Maya Chen" --as maya --note "Tech lead, payments"'
    ),
    no_args_is_help=False,
    invoke_without_command=True,
)

Who = Annotated[str, typer.Argument(metavar="PERSON", help="A handle, an alias or a full name.")]
All = Annotated[bool, typer.Option("--all", help="Include people who are archived.")]


@app.callback()
def people(ctx: typer.Context, show_all: All = False, as_json: Json = False) -> None:
    """List your people, the most overlooked first (the default), or add, show, note them.

    Examples: leadjournal people · leadjournal people note maya "1:1: worried about the reorg"
    """
    if ctx.invoked_subcommand is None:
        _list(ctx.obj, show_all, as_json)


@app.command("list")
def list_command(ctx: typer.Context, show_all: All = False, as_json: Json = False) -> None:
    """List your people, the most overlooked first: last contact, 1:1, recognition, check-in.

    Contact is a mention in a reflection or entry, a note, or a win credited to
    them; a commitment that names someone is an intention, not contact. Columns
    4w and 12w count mentions in the last 4 and 12 weeks; open counts open
    commitments that name them.

    Example: leadjournal people list --json
    """
    _list(ctx.obj, show_all, as_json)


def _list(settings: Settings, show_all: bool, as_json: bool) -> None:
    from leadjournal.cli.linking import settle

    with settings.journal() as journal:
        # Text saved without asking (an import, a restore): its unsure names now.
        settle(settings, journal, asking=not as_json)
        found = journal.people.standings(archived=show_all)
        today = journal.today()
    if as_json:
        emit_json(found)
        return
    from leadjournal import render_people

    settings.console.print(render_people.people_table(found, today))


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="Their name, as you write it.")],
    handle: Annotated[
        str | None,
        typer.Option("--as", metavar="HANDLE", help="A short handle (default: their first name)."),
    ] = None,
    alias: Annotated[
        list[str] | None,
        typer.Option(
            "--alias", metavar="NAME", help="Another name you write for them (repeatable)."
        ),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", metavar="TEXT", help="A line about them: role, team.")
    ] = None,
    as_json: Json = False,
) -> None:
    """Add someone to your roster; what you wrote about them before is linked.

    Example: leadjournal people add "Maya Chen" --as maya --alias MC --note "Tech lead"
    """
    settings: Settings = ctx.obj
    from leadjournal.cli.linking import resolve

    with settings.journal() as journal:
        added = journal.people.add(name, handle, aliases=alias or (), note=note)
        resolve(settings, journal, added.unsure, asking=not as_json)
        person = journal.people.find(added.person.handle)
    if as_json:
        emit_json(person)
        return
    say(settings.console, messages.PERSON_ADDED.format(name=person.name, handle=person.handle))
    if person.links:
        say(
            settings.console,
            messages.PERSON_LINKED_BEFORE.format(
                count=messages.counted(len(person.links), "earlier item")
            ),
            "dim",
        )


@app.command("show")
def show(ctx: typer.Context, who: Who, as_json: Json = False) -> None:
    """Show someone's timeline: every note, mention, win and commitment, newest first.

    Example: leadjournal people show maya
    """
    settings: Settings = ctx.obj
    from leadjournal.cli.linking import settle

    with settings.journal() as journal:
        settle(settings, journal, asking=not as_json)
        view = journal.people.timeline(who)
        today = journal.today()
    if as_json:
        emit_json(view)
        return
    from leadjournal import render_people

    settings.console.print(render_people.timeline(view, today))


@app.command("edit")
def edit(
    ctx: typer.Context,
    who: Who,
    name: Annotated[str | None, typer.Option("--name", metavar="NAME", help="A new name.")] = None,
    handle: Annotated[
        str | None, typer.Option("--as", metavar="HANDLE", help="A new handle.")
    ] = None,
    alias: Annotated[
        list[str] | None,
        typer.Option("--alias", metavar="NAME", help="Add another name (repeatable)."),
    ] = None,
    drop_alias: Annotated[
        list[str] | None,
        typer.Option("--drop-alias", metavar="NAME", help="Remove an alias (repeatable)."),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option("--note", metavar="TEXT", help="Replace the line about them ('' clears it)."),
    ] = None,
    as_json: Json = False,
) -> None:
    """Change someone's name, handle, aliases or note; the earlier version is kept.

    Example: leadjournal people edit maya --alias "Maya C" --note "Engineering manager now"
    """
    settings: Settings = ctx.obj
    if name is None and handle is None and not alias and not drop_alias and note is None:
        raise BadInput(messages.PERSON_EDIT_NOTHING, messages.PERSON_HINT)
    from leadjournal.cli.linking import resolve

    with settings.journal() as journal:
        before = journal.people.find(who)
        person, unsure = journal.people.edit(
            who,
            name=name,
            handle=handle,
            add_aliases=alias or (),
            drop_aliases=drop_alias or (),
            note=note,
        )
        resolve(settings, journal, unsure, asking=not as_json)
    if as_json:
        emit_json(person)
        return
    if person == before:
        say(
            settings.console,
            messages.PERSON_UNCHANGED.format(name=person.name, handle=person.handle),
        )
        return
    say(
        settings.console,
        messages.PERSON_CHANGED.format(name=person.name, handle=person.handle, id=person.id[:8]),
    )


@app.command("archive")
def archive(
    ctx: typer.Context,
    who: Who,
    undo: Annotated[
        bool, typer.Option("--undo", help="Bring them back to the active roster.")
    ] = False,
    as_json: Json = False,
) -> None:
    """Archive someone who left: kept in history, left out of nudges and prompts.

    Example: leadjournal people archive sam
    """
    settings: Settings = ctx.obj
    with settings.journal() as journal:
        person = journal.people.archive(who, back=undo)
    if as_json:
        emit_json(person)
        return
    done = messages.PERSON_UNARCHIVED if undo else messages.PERSON_ARCHIVED
    say(settings.console, done.format(name=person.name, handle=person.handle))


@app.command("note")
def note(
    ctx: typer.Context,
    who: Who,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="What happened, briefly.")],
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            help="1on1, recognition, feedback, check-in or note (or start TEXT with '1:1:').",
        ),
    ] = None,
    day: Annotated[
        str | None,
        typer.Option("--date", metavar="DATE", help="The day it happened: 2026-11-18, yesterday."),
    ] = None,
    as_json: Json = False,
) -> None:
    """Record a note about someone: a one-on-one, recognition, feedback or a check-in.

    Examples:

    \b
      leadjournal people note maya "1:1: worried about the reorg"
      leadjournal people note dev "Thanked him for the incident write-up" --kind recognition
      leadjournal people note priya "Asked if everything is OK; it is" --kind check-in
    """
    settings: Settings = ctx.obj
    with settings.journal() as journal:
        written = journal.people.note(who, text, kind=kind, day=day)
        person = journal.people.find(who)
    if as_json:
        emit_json(written)
        return
    say(
        settings.console,
        messages.PERSON_NOTE_SAVED.format(kind=written.kind, name=person.name, day=written.date),
    )


@app.command("forget")
def forget(
    ctx: typer.Context,
    who: Who,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask first.")] = False,
) -> None:
    """Remove someone and every note about them for good, after saying what goes.

    Example: leadjournal people forget sam
    """
    settings: Settings = ctx.obj
    with settings.journal() as journal:
        plan = journal.people.forget_plan(who)
        person = plan.person
        out = settings.console
        say(out, messages.FORGET_INTRO.format(name=person.name, handle=person.handle), "bold")
        say(out, messages.FORGET_PERSON_LINE)
        say(out, messages.FORGET_NOTES_LINE.format(count=messages.counted(plan.notes, "note")))
        say(out, messages.FORGET_LINKS_LINE.format(count=messages.counted(plan.links, "link")))
        say(
            out,
            messages.FORGET_VERSIONS_LINE.format(
                count=messages.counted(plan.versions, "kept earlier version")
            ),
        )
        say(out, messages.FORGET_SEARCH_LINE.format(count=messages.counted(plan.search, "row")))
        say(
            out,
            messages.FORGET_TEXT_LINE.format(count=messages.counted(plan.mentioned_in, "item")),
            "dim",
        )
        say(out, messages.FORGET_BACKUPS, "dim")
        if not yes:
            if not settings.interactive:
                raise BadInput(messages.FORGET_NEEDS_YES, messages.FORGET_NEEDS_YES_HINT)
            try:
                agreed = confirm(settings, messages.FORGET_CONFIRM.format(name=person.name))
            except (KeyboardInterrupt, EOFError, typer.Abort):
                say(out)
                say(out, messages.FORGET_KEPT)
                raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
            if not agreed:
                say(out, messages.FORGET_KEPT)
                return
        journal.people.forget(plan)
    say(
        out,
        messages.FORGOTTEN.format(
            name=person.name,
            notes=messages.counted(plan.notes, "note"),
            links=messages.counted(plan.links, "link"),
            versions=messages.counted(plan.versions, "version"),
        ),
    )
