"""``leadjournal goal``: SMART goals, their measures, check-ins and progress."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

from leadjournal import messages
from leadjournal.cli import completion
from leadjournal.cli.context import Settings
from leadjournal.cli.io import ask, emit_json, say
from leadjournal.cli.options import Json
from leadjournal.errors import BadInput, ExitCode, LeadJournalError

if TYPE_CHECKING:
    from leadjournal.journal import Journal
    from leadjournal.models import Goal, GoalProgress

app = typer.Typer(
    help=(
        "SMART performance and development goals, with leading and lagging measures.\n\n"
        "Example: leadjournal goal add 'Cut voluntary turnover on the team' --measure turnover "
        "--unit % --baseline 18 --target 12 --due 2027-06-30 --leading 'one-on-ones held'"
    ),
    no_args_is_help=False,
    invoke_without_command=True,
)

IdArg = Annotated[
    str,
    typer.Argument(
        metavar="ID", help="A goal id or a unique prefix of it.", autocompletion=completion.goals
    ),
]
Note = Annotated[
    str | None, typer.Option("--note", metavar="TEXT", help="What came of it, in a sentence.")
]
Status = Literal["open", "done", "dropped", "all"]


class GoalNotSaved(LeadJournalError):
    exit_code = ExitCode.INTERRUPTED
    code = "cancelled"


@app.callback()
def goal(ctx: typer.Context, as_json: Json = False) -> None:
    """List open goals (the default), or add, show, check in, close and pair them.

    Examples: leadjournal goal · leadjournal goal checkin 3f2a --value 14
    """
    if ctx.invoked_subcommand is None:
        _list(ctx.obj, "open", as_json)


@app.command("add")
def add(
    ctx: typer.Context,
    title: Annotated[
        str | None,
        typer.Argument(metavar="TITLE", help="The outcome; omit it to be asked step by step."),
    ] = None,
    kind: Annotated[
        str,
        typer.Option(
            "--kind", metavar="KIND", help="performance (business impact) or development (growth)."
        ),
    ] = "performance",
    level: Annotated[
        str, typer.Option("--level", metavar="LEVEL", help="individual, team or organization.")
    ] = "individual",
    measure: Annotated[
        str | None,
        typer.Option("--measure", metavar="NAME", help="The result it is measured by (lagging)."),
    ] = None,
    unit: Annotated[
        str | None, typer.Option("--unit", metavar="U", help="The measure's unit: %, people…")
    ] = None,
    baseline: Annotated[
        str | None, typer.Option("--baseline", metavar="N", help="Where the measure is now.")
    ] = None,
    target: Annotated[
        str | None, typer.Option("--target", metavar="N", help="Where it should be by the date.")
    ] = None,
    due: Annotated[
        str | None,
        typer.Option("--due", metavar="DATE", help="The date: 2027-06-30, or a week: 2027-W26."),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option("--start", metavar="DATE", help="When it started (default today)."),
    ] = None,
    leading: Annotated[
        list[str] | None,
        typer.Option(
            "--leading", metavar="NAME", help="A leading measure, checked weekly (repeatable)."
        ),
    ] = None,
    cadence: Annotated[
        str,
        typer.Option(
            "--cadence",
            metavar="CADENCE",
            help="How often to review it: weekly, monthly, quarterly.",
        ),
    ] = "weekly",
    pair: Annotated[
        str | None,
        typer.Option("--pair", metavar="ID", help="The goal of the other kind that goes with it."),
    ] = None,
    achievable: Annotated[
        str | None,
        typer.Option("--achievable", metavar="TEXT", help="What makes it realistic."),
    ] = None,
    relevant: Annotated[
        str | None,
        typer.Option("--relevant", metavar="TEXT", help="The team or organization goal it serves."),
    ] = None,
    as_json: Json = False,
) -> None:
    """Add a SMART goal: step by step in a terminal, or from flags.

    A goal with parts missing is kept; what keeps it from being SMART is listed.

    Examples:

    \b
      leadjournal goal add
      leadjournal goal add "Cut voluntary turnover on the platform team" --level team \\
          --measure "voluntary turnover" --unit % --baseline 18 --target 12 \\
          --due 2027-06-30 --leading "one-on-ones held" --relevant "Retention OKR"
    """
    settings: Settings = ctx.obj
    with settings.journal() as journal:
        if title is None:
            if not settings.interactive:
                raise BadInput(messages.GOAL_NEEDS_TERMINAL, messages.GOAL_NEEDS_TERMINAL_HINT)
            try:
                saved = _walk_through(settings, journal)
            except (KeyboardInterrupt, EOFError):
                settings.console.print()
                raise GoalNotSaved(messages.GOAL_NOT_SAVED) from None
            if saved is None:
                say(settings.console, messages.GOAL_NOT_SAVED)
                return
        else:
            saved = journal.goals.add(
                title,
                kind=kind,
                level=level,
                measure=measure,
                unit=unit,
                baseline=baseline,
                target=target,
                due=due,
                start=start,
                leading=leading or (),
                cadence=cadence,
                pair=pair,
                achievable=achievable,
                relevant=relevant,
            )
    if as_json:
        emit_json(saved)
        return
    from leadjournal import render

    say(settings.console, messages.GOAL_SAVED.format(id=saved.goal.id[:8], title=saved.goal.title))
    if title is not None:  # the walk-through has shown the SMART check already
        settings.console.print(render.smart_lines(saved.smart))


@app.command("list")
def list_command(
    ctx: typer.Context,
    status: Annotated[Status, typer.Option("--status", help="Which goals to list.")] = "open",
    show_all: Annotated[bool, typer.Option("--all", help="Every goal, open or closed.")] = False,
    as_json: Json = False,
) -> None:
    """List goals with progress, time gone and status (open ones by default).

    Example: leadjournal goal list --all --json
    """
    _list(ctx.obj, "all" if show_all else status, as_json)


def _list(settings: Settings, status: Status, as_json: bool) -> None:
    with settings.journal() as journal:
        found = journal.goals.summaries(None if status == "all" else status)
    if as_json:
        emit_json(found)
        return
    from leadjournal import render

    settings.console.print(render.goals_table(found))


@app.command("show")
def show(ctx: typer.Context, goal_id: IdArg, as_json: Json = False) -> None:
    """Show one goal: its measures, progress, SMART check and check-ins.

    Example: leadjournal goal show 3f2a
    """
    settings: Settings = ctx.obj
    with settings.journal() as journal:
        found = journal.goals.get(goal_id)
        partner = journal.goals.get(found.goal.pair_id) if found.goal.pair_id else None
    if as_json:
        emit_json(found)
        return
    from leadjournal import render

    settings.console.print(render.goal_panel(found, partner))


@app.command("checkin")
def checkin(
    ctx: typer.Context,
    goal_id: IdArg,
    value: Annotated[str, typer.Option("--value", metavar="N", help="The measure's value now.")],
    measure: Annotated[
        str | None,
        typer.Option("--measure", metavar="NAME", help="Which measure (default: the result)."),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", metavar="TEXT", help="Anything worth remembering.")
    ] = None,
    as_json: Json = False,
) -> None:
    """Record a measure's value: the result by default, or a leading measure.

    Example: leadjournal goal checkin 3f2a --value 3 --measure "one-on-ones held"
    """
    settings: Settings = ctx.obj
    with settings.journal() as journal:
        found = journal.goals.checkin(goal_id, value, measure=measure, note=note)
    if as_json:
        emit_json(found)
        return
    latest = found.goal.checkins[-1] if found.goal.checkins else None
    from leadjournal import render

    if latest is not None:
        say(
            settings.console,
            messages.GOAL_CHECKED_IN.format(
                value=render.number(latest.value), measure=latest.measure, id=found.goal.id[:8]
            ),
        )
    settings.console.print(render.goal_progress_line(found))


@app.command("done")
def done(ctx: typer.Context, goal_id: IdArg, note: Note = None, as_json: Json = False) -> None:
    """Mark a goal done, with what came of it.

    Example: leadjournal goal done 3f2a --note "Turnover at 11% by June"
    """
    _close(ctx.obj, goal_id, "done", note, as_json)


@app.command("drop")
def drop(ctx: typer.Context, goal_id: IdArg, note: Note = None, as_json: Json = False) -> None:
    """Drop a goal you decided not to pursue, and say why.

    Example: leadjournal goal drop 3f2a --note "Team merged; goal moved to the new lead"
    """
    _close(ctx.obj, goal_id, "dropped", note, as_json)


def _close(
    settings: Settings,
    goal_id: str,
    status: Literal["done", "dropped"],
    note: str | None,
    as_json: bool,
) -> None:
    with settings.journal() as journal:
        closed = journal.goals.close(goal_id, status, note)
    if as_json:
        emit_json(closed)
        return
    from leadjournal import render

    say(settings.console, messages.GOAL_MARKED.format(id=closed.goal.id[:8], status=status))
    settings.console.print(render.goal_progress_line(closed))


@app.command("pair")
def pair(ctx: typer.Context, goal_id: IdArg, other: IdArg, as_json: Json = False) -> None:
    """Pair a performance goal with the development goal that supports it.

    Example: leadjournal goal pair 3f2a 9b1c
    """
    settings: Settings = ctx.obj
    with settings.journal() as journal:
        paired = journal.goals.pair(goal_id, other)
    if as_json:
        emit_json(paired)
        return
    assert paired.goal.pair_id is not None
    say(
        settings.console,
        messages.GOAL_PAIRED.format(id=paired.goal.id[:8], other=paired.goal.pair_id[:8]),
    )


# -- the walk-through -------------------------------------------------------------


def _ask(settings: Settings, question: str) -> str:
    # Plain text: "[p]erformance" is a hint to type p, not a style tag.
    say(settings.console)
    say(settings.console, question, "bold")
    return ask(settings.console, "> ").strip()


def _ask_choice(settings: Settings, question: str, options: dict[str, str], default: str) -> str:
    while True:
        answer = _ask(settings, question).lower()
        if not answer:
            return default
        for key, value in options.items():
            if answer in (key, value):
                return value
        shown = ", ".join(f"{key} ({value})" for key, value in options.items())
        say(settings.console, messages.CHOICE_RETRY.format(choices=shown), "yellow")


def _ask_number(settings: Settings, question: str, what: str) -> float | None:
    from leadjournal.goals import parse_number

    while True:
        answer = _ask(settings, question)
        if not answer:
            return None
        try:
            return parse_number(answer, what)
        except BadInput as exc:
            say(settings.console, f"{exc.message} {exc.hint}", "yellow")


def _ask_due(settings: Settings, journal: Journal) -> str | None:
    from leadjournal.goals import parse_due

    today = journal.today()
    while True:
        answer = _ask(settings, messages.ASK_GOAL_DUE)
        if not answer:
            return None
        try:
            due = parse_due(answer, today)
        except BadInput as exc:
            say(settings.console, f"{exc.message} {exc.hint}", "yellow")
            continue
        if due < today:
            say(settings.console, messages.DUE_PASSED.format(due=due, start=today), "yellow")
            continue
        return due.isoformat()


def _ask_pair(settings: Settings, journal: Journal, kind: str) -> str | None:
    other = "development" if kind == "performance" else "performance"
    candidates = [s.goal for s in journal.goals.summaries("open") if s.goal.kind == other]
    candidates = [g for g in candidates if g.pair_id is None]
    if not candidates:
        return None
    say(settings.console)
    say(settings.console, messages.ASK_GOAL_PAIR.format(kind=other), "bold")
    for candidate in candidates:
        say(settings.console, f"  {candidate.id[:8]}  {candidate.title}")
    while True:
        answer = ask(settings.console, "> ").strip().lower()
        if not answer:
            return None
        matches = [g.id for g in candidates if g.id.startswith(answer)]
        if len(matches) == 1:
            return matches[0]
        shown = ", ".join(g.id[:8] for g in candidates)
        say(settings.console, messages.CHOICE_RETRY.format(choices=shown), "yellow")


def _walk_through(settings: Settings, journal: Journal) -> GoalProgress | None:
    """Ask for each SMART part in turn, show what is missing, save on yes."""
    from leadjournal import render

    console = settings.console
    console.rule("[bold]A new goal[/bold]")
    say(console, messages.GOAL_ADD_INTRO, "dim")
    title = ""
    while not title:
        title = _ask(settings, messages.ASK_GOAL_TITLE)
    parts: dict[str, Any] = {
        "kind": _ask_choice(
            settings,
            messages.ASK_GOAL_KIND,
            {"p": "performance", "d": "development"},
            "performance",
        ),
        "level": _ask_choice(
            settings,
            messages.ASK_GOAL_LEVEL,
            {"i": "individual", "t": "team", "o": "organization"},
            "individual",
        ),
    }
    measure = _ask(settings, messages.ASK_GOAL_MEASURE)
    if measure:
        parts["measure"] = measure
        parts["unit"] = _ask(settings, messages.ASK_GOAL_UNIT) or None
        baseline = _ask_number(settings, messages.ASK_GOAL_BASELINE, "baseline")
        target = _ask_number(settings, messages.ASK_GOAL_TARGET, "target")
        while baseline is not None and target is not None and target == baseline:
            say(console, messages.TARGET_EQUALS_BASELINE, "yellow")
            target = _ask_number(settings, messages.ASK_GOAL_TARGET, "target")
        parts["baseline"], parts["target"] = baseline, target
    say(console)
    say(console, messages.ASK_GOAL_LEADING, "bold")
    leading: list[str] = []
    while name := ask(console, "> ").strip():
        if name.lower() not in (n.lower() for n in [measure, *leading]):
            leading.append(name)
    parts["leading"] = leading
    parts["achievable"] = _ask(settings, messages.ASK_GOAL_ACHIEVABLE) or None
    parts["relevant"] = _ask(settings, messages.ASK_GOAL_RELEVANT) or None
    parts["due"] = _ask_due(settings, journal)
    parts["cadence"] = _ask_choice(
        settings,
        messages.ASK_GOAL_CADENCE,
        {"w": "weekly", "m": "monthly", "q": "quarterly"},
        "weekly",
    )
    parts["pair"] = _ask_pair(settings, journal, parts["kind"])
    draft: Goal = journal.goals.draft(title, **parts)
    console.print()
    console.print(render.smart_lines(journal.goals.smart_gaps(draft)))
    if not typer.confirm(messages.CONFIRM_SAVE_GOAL, default=True):
        return None
    return journal.goals.save(draft)
