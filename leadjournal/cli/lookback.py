"""The monthly and quarterly look-back at the terminal: offered after a month's
first review, or asked for with ``review --look-back month|quarter``.

The numbers come from ``leadjournal.lookback``; this module shows them and
asks the one question, saving the answer after every line, so Ctrl-C or a
closed terminal loses nothing written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from leadjournal import messages
from leadjournal.cli.context import Settings
from leadjournal.cli.io import ask, edit_in_editor, say
from leadjournal.errors import ExitCode

if TYPE_CHECKING:
    from rich.console import RenderableType

    from leadjournal.journal import Journal
    from leadjournal.lookback import LookBack, LookBackAnswer, Period


def offer(settings: Settings, journal: Journal, week: str) -> None:
    """After a review: offer the look-back that is due, if one is."""
    book = journal.look_backs
    period = book.due(week)
    if period is None:
        return
    console = settings.console
    template = (
        messages.LOOK_BACK_OFFER_QUARTER
        if period.kind == "quarter"
        else messages.LOOK_BACK_OFFER_MONTH
    )
    console.print()
    say(console, template.format(title=period.title, count=len(period.weeks)), "bold")
    try:
        while True:
            answer = ask(console, f"  {messages.LOOK_BACK_OFFER_CHOICES} ").strip().lower()
            if answer in ("", "y", "yes"):
                break
            if answer in ("l", "later"):
                say(console, messages.LOOK_BACK_LATER, "dim")
                return
            if answer in ("s", "skip", "n", "no"):
                book.mark(period, "skipped")
                say(console, messages.LOOK_BACK_SKIPPED.format(kind=period.kind), "dim")
                return
            say(console, messages.LOOK_BACK_OFFER_RETRY, "yellow")
    except EOFError:
        say(console)
        say(console, messages.LOOK_BACK_LATER, "dim")
        return
    except KeyboardInterrupt:
        _paused(settings, period)
    walk(settings, journal, period)


def hint(settings: Settings, journal: Journal, week: str) -> None:
    """After a review from flags: say how to do the look-back that is due."""
    period = journal.look_backs.due(week)
    if period is not None:
        text = messages.LOOK_BACK_DUE.format(title=period.title, kind=period.kind)
        say(settings.console, text, "dim")


def walk(settings: Settings, journal: Journal, period: Period) -> None:
    """Show the look-back at ``period`` and ask its question at the terminal."""
    look = journal.look_backs.build(period)
    console = settings.console
    console.print()
    console.print(view(look))
    draft = journal.look_backs.answer(period)
    try:
        _ask_lines(settings, draft)
    except KeyboardInterrupt:
        _paused(settings, period)
    if draft.entry_id is None:
        journal.look_backs.mark(period, "done")
        say(console, messages.LOOK_BACK_NO_ANSWER, "dim")
    else:
        say(console, messages.LOOK_BACK_SAVED.format(id=draft.entry_id[:8]), "dim")


def command(settings: Settings, kind_text: str, week: str | None, reflection: str | None) -> None:
    """``review --look-back month|quarter``: any time, also after setting it aside."""
    from leadjournal.lookback import parse_kind

    kind = parse_kind(kind_text)
    with settings.journal() as journal:
        target = journal.review_week(week) if week else None
        period = journal.look_backs.period(kind, target)
        if reflection is not None:
            look = journal.look_backs.build(period)
            settings.console.print(view(look))
            entry = journal.look_backs.record(period, reflection)
            say(settings.console, messages.LOOK_BACK_SAVED.format(id=entry.id[:8]), "dim")
            return
        if settings.interactive:
            walk(settings, journal, period)
            return
        settings.console.print(view(journal.look_backs.build(period)))
        say(settings.console, messages.LOOK_BACK_NEEDS_TERMINAL_HINT, "dim")


def _paused(settings: Settings, period: Period) -> None:
    err = settings.err_console
    try:
        err.print()
        say(err, messages.LOOK_BACK_PAUSED)
        say(err, messages.LOOK_BACK_PAUSED_HINT.format(kind=period.kind), "dim")
    except OSError:
        pass  # the terminal is gone; what was written is saved all the same
    raise typer.Exit(int(ExitCode.INTERRUPTED))


def _ask_lines(settings: Settings, draft: LookBackAnswer) -> None:
    """A multi-line answer to the question the view ends with, saved after every
    line; an empty line or Ctrl-D ends it, ``:e`` on the first line opens
    $EDITOR, Enter on the first line skips."""
    console = settings.console
    say(console, messages.MULTILINE_HINT, "dim")
    lines: list[str] = []
    while True:
        try:
            line = ask(console, "> " if not lines else "  ")
        except EOFError:
            say(console)
            return
        if not lines and line.strip() == ":e":
            edited = edit_in_editor(settings)
            if edited is not None:
                draft.save(edited)
                return
            say(console, messages.EDITOR_UNSET, "dim")
            continue
        if not line.strip():
            return
        lines.append(line)
        draft.save("\n".join(lines))


# -- what a look-back shows ---------------------------------------------------------


def view(look: LookBack) -> RenderableType:
    """The look-back, top to bottom: trend, follow-through, wins, goals, patterns,
    the quarter's extras, then the question."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.rule import Rule
    from rich.text import Text

    from leadjournal import render
    from leadjournal.insights import ARROWS

    period = look.period
    template = (
        messages.LOOK_BACK_HEADING_QUARTER
        if period.kind == "quarter"
        else messages.LOOK_BACK_HEADING_MONTH
    )
    heading = template.format(title=period.title, first=period.weeks[0], last=period.weeks[-1])
    parts: list[RenderableType] = [Rule(Text(heading, style="bold"))]
    if look.mark is not None and look.mark.status == "done":
        parts.append(Text(messages.LOOK_BACK_DONE_BEFORE.format(week=look.mark.week), "dim"))
    trends = look.trends
    parts += [_heading(messages.LOOK_BACK_TREND), Padding(render.weeks_table(trends), (0, 0, 0, 2))]
    lines = [messages.LOOK_BACK_REVIEWED.format(reviewed=look.reviewed, weeks=len(period.weeks))]
    if trends.averages.results is not None and trends.averages.relationships is not None:
        lines.append(
            messages.LOOK_BACK_AVERAGES.format(
                results=f"{trends.averages.results:.1f}",
                results_arrow=ARROWS[trends.direction.results],
                relationships=f"{trends.averages.relationships:.1f}",
                relationships_arrow=ARROWS[trends.direction.relationships],
            )
        )
    lines.append(render.verdict(trends.imbalance))
    parts += [Text("  " + line) for line in lines]

    follow = look.follow_through
    parts.append(_heading(messages.LOOK_BACK_FOLLOW))
    made = follow.assessed + follow.open
    if made == 0:
        parts.append(Text("  " + messages.LOOK_BACK_FOLLOW_NONE, "dim"))
    else:
        dropped = follow.assessed - follow.done - follow.partly
        parts.append(
            Text(
                "  "
                + messages.LOOK_BACK_FOLLOW_LINE.format(
                    made=made, done=follow.done, partly=follow.partly, dropped=dropped,
                    open=follow.open,
                )
            )
        )  # fmt: skip
        if follow.rate is not None:
            parts.append(Text("  " + messages.LOOK_BACK_FOLLOW_RATE.format(rate=follow.rate)))

    parts.append(_heading(messages.LOOK_BACK_WINS))
    if not look.wins:
        parts.append(Text("  " + messages.LOOK_BACK_NO_WINS, "dim"))
    for win in look.wins:
        line = Text.assemble("  • ", (win.week, "dim"), "  ", render.user(win.text))
        if win.by:
            line += render.user(f" ({win.by})", "dim")
        parts.append(line)

    parts.append(_heading(messages.LOOK_BACK_GOALS))
    if not look.goals:
        parts.append(Text("  " + messages.LOOK_BACK_NO_GOALS, "dim"))
    parts.extend(render.goal_trend_line(goal) for goal in look.goals)

    if look.patterns:
        parts.append(Text())
        parts.extend(render.patterns_block(look.patterns))

    if period.kind == "quarter":
        parts.extend(_quarter(look))

    parts += [_heading(messages.LOOK_BACK_QUESTION), render.user(look.question, "bold")]
    return Group(*parts)


def _quarter(look: LookBack) -> list[RenderableType]:
    from rich.padding import Padding
    from rich.text import Text

    from leadjournal import render

    parts: list[RenderableType] = [_heading(messages.LOOK_BACK_PATH)]
    steps = [
        messages.LOOK_BACK_PATH_STEP.format(
            style=step.style, weeks=step.weeks, first=step.first[5:], last=step.last[5:]
        )
        for step in look.path
    ]
    parts.append(Padding(Text(" → ".join(steps)), (0, 0, 0, 2)))
    parts.append(_heading(messages.LOOK_BACK_IMBALANCES))
    if not look.episodes:
        parts.append(Text("  " + messages.LOOK_BACK_NO_IMBALANCE, "dim"))
    for episode in look.episodes:
        parts.append(Text("  " + messages.LOOK_BACK_IMBALANCE_LINE.format(**vars(episode))))
    parts.append(_heading(messages.LOOK_BACK_RECALIBRATE))
    if not look.recalibrate:
        parts.append(Text("  " + messages.LOOK_BACK_NO_RECALIBRATE, "dim"))
    for goal in look.recalibrate:
        status = (goal.status or "").replace("_", " ")
        line = messages.LOOK_BACK_RECALIBRATE_LINE.format(title=goal.goal.title, status=status)
        parts.append(Text("  • ") + render.user(line))
    if look.setback is not None:
        parts.append(_heading(messages.LOOK_BACK_CAPACITY))
        parts.append(Text("  " + messages.LOOK_BACK_CAPACITY_THEN.format(week=look.setback.week)))
        parts.append(Padding(render.user(f"“{look.setback.text}”", "italic"), (0, 0, 0, 4)))
        parts.append(Text("  " + messages.LOOK_BACK_CAPACITY_NOTE, "dim"))
    return parts


def _heading(text: str) -> RenderableType:
    from rich.text import Text

    return Text.assemble("\n", (text, "bold"))
