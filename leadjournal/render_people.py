"""Rich renderables for people: the roster, a timeline, the review's nudges, the spread.

No storage access, no decisions; every name and note goes through ``render.user``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from leadjournal import messages
from leadjournal.models import PersonStanding, PersonTimeline
from leadjournal.peoplebook import Nudge, PeopleSpread, spread_lines
from leadjournal.render import user

_KIND_LABELS = {
    "1on1": "1:1",
    "recognition": "recognition",
    "feedback": "feedback",
    "check-in": "check-in",
    "note": "note",
    "mention": "mention",
    "win": "win",
    "commitment": "commitment",
}


def _ago(day: str | None, today: date) -> str:
    """How long ago, short enough for a table at 80 columns: today, 4d, 3w, never."""
    if day is None:
        return "never"
    days = (today - date.fromisoformat(day)).days
    if days <= 0:
        return "today"
    if days < 14:
        return f"{days}d"
    return f"{days // 7}w"


def _dated(day: str | None, today: date) -> str:
    return "never" if day is None else f"{day} ({_ago(day, today)})"


def people_table(standings: Sequence[PersonStanding], today: date) -> RenderableType:
    """The roster, most overlooked first, as ``people`` shows it."""
    if not standings:
        return Text(messages.PEOPLE_EMPTY)
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("person", min_width=12)
    for column in ("contact", "1:1", "recognised", "is all OK?"):
        table.add_column(column, justify="right", no_wrap=True)
    for column in ("4w", "12w", "open"):
        table.add_column(column, justify="right", no_wrap=True)
    for s in standings:
        archived = ", archived" if s.status == "archived" else ""
        name = user(f"{s.name} ({s.handle}{archived})", "dim" if archived else "")
        table.add_row(
            name,
            _ago(s.last_contact, today),
            _ago(s.last_one_on_one, today),
            _ago(s.last_recognition, today),
            _ago(s.last_check_in, today),
            str(s.mentions_4w),
            str(s.mentions_12w),
            str(s.open_commitments) if s.open_commitments else "—",
        )
    return table


def timeline(view: PersonTimeline, today: date) -> RenderableType:
    person = view.person
    head = Text.assemble(user(person.name, "bold"), user(f"  ({person.handle})", "dim"))
    if person.status == "archived":
        head.append("  archived", style="yellow")
    lines: list[RenderableType] = [head]
    if person.aliases:
        lines.append(user("also: " + ", ".join(person.aliases), "dim"))
    if person.note:
        lines.append(user(person.note))
    s = view.standing
    lines.append(
        Text(
            f"last contact {_dated(s.last_contact, today)} · "
            f"1:1 {_dated(s.last_one_on_one, today)} · "
            f"recognised {_dated(s.last_recognition, today)} · "
            f"is all OK? {_dated(s.last_check_in, today)}",
            style="dim",
        )
    )
    lines.append(Text())
    if not view.items:
        lines.append(Text(messages.PERSON_TIMELINE_EMPTY))
    for item in view.items:
        label = _KIND_LABELS.get(item.kind, item.kind)
        text = " ".join(item.text.split())
        if len(text) > 160:
            text = text[:159] + "…"
        line = Text.assemble((f"{item.date}  ", "dim"), (f"{label:<12}", "cyan"), user(text))
        if item.detail and item.kind == "win":
            line.append_text(user(f"  (whose effort: {item.detail})", "dim"))
        elif item.detail and item.kind == "commitment":
            line.append_text(user(f"  ({item.detail})", "dim"))
        lines.append(line)
    return Group(*lines)


def nudge_when(nudge: Nudge) -> str:
    if nudge.last is None:
        return messages.NUDGE_NEVER
    return messages.NUDGE_SINCE.format(weeks=nudge.weeks, day=nudge.last)


def nudge_line(number: int, nudge: Nudge) -> Text:
    text = messages.NUDGE_LINES[nudge.kind].format(name=nudge.person.name, when=nudge_when(nudge))
    return Text.assemble(f"  [{number}] ", user(text))


def spread_section(spread: PeopleSpread) -> RenderableType:
    return Group(
        Text(messages.PEOPLE_SECTION, style="bold"),
        *(user(f"  {line}") for line in spread_lines(spread)),
    )
