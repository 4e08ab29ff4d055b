"""After text is saved: link it to the people it names, and ask about unsure names.

A name that fits several people is asked about in a terminal, and never
guessed: off a terminal (or with --json) it is left unlinked, and said so on
stderr. Small on purpose: ``write``, the review and ``people`` call it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from leadjournal import messages
from leadjournal.cli.context import Settings
from leadjournal.cli.io import ask, say

if TYPE_CHECKING:
    from leadjournal.journal import Journal
    from leadjournal.peoplebook import Unsure


def settle(settings: Settings, journal: Journal, *, asking: bool = True) -> None:
    """Link what was just saved; ask (or say) about the names that fit several people."""
    if not journal.store.has_people():
        return
    resolve(settings, journal, journal.people.sync(), asking=asking)


def settle_saved(settings: Settings, *, asking: bool = True) -> None:
    """``settle`` on a journal opened again, for a command whose save is done."""
    with settings.journal() as journal:
        settle(settings, journal, asking=asking)


def _candidates(unsure: Unsure) -> str:
    return " or ".join(f"{p.name} (@{p.handle})" for p in unsure.candidates)


def resolve(
    settings: Settings, journal: Journal, unsure: Sequence[Unsure], *, asking: bool = True
) -> None:
    if not unsure:
        return
    ask_here = asking and settings.interactive
    pending = list(unsure)
    skipped: list[Unsure] = []
    if ask_here:
        try:
            while pending:
                if not _ask_one(settings, journal, pending[0]):
                    skipped.append(pending[0])
                pending.pop(0)
        except (KeyboardInterrupt, EOFError):
            say(settings.console)
    for item in [*skipped, *pending]:
        say(
            settings.err_console,
            messages.UNSURE_NOT_LINKED.format(
                name=item.name,
                what=messages.UNSURE_WHAT[item.item_kind],
                date=item.date,
                candidates=_candidates(item),
                example=item.candidates[0].handle,
            ),
            "yellow",
        )


def _ask_one(settings: Settings, journal: Journal, item: Unsure) -> bool:
    """Ask who a name means; False when the leader skipped it (Enter)."""
    console = settings.console
    say(
        console,
        messages.UNSURE_NAME.format(
            name=item.name,
            what=messages.UNSURE_WHAT[item.item_kind],
            date=item.date,
            candidates=_candidates(item),
        ),
        "bold",
    )
    say(console, f"  “{item.excerpt}”", "dim")
    choices = " ".join(f"[{n}] {p.name}" for n, p in enumerate(item.candidates, 1))
    while True:
        answer = ask(console, messages.UNSURE_QUESTION.format(choices=choices) + " ").strip()
        if not answer:
            return False
        if answer.lower() in ("n", "no"):
            journal.people.choose(item, None)
            return True
        if answer.isdigit() and 1 <= int(answer) <= len(item.candidates):
            journal.people.choose(item, item.candidates[int(answer) - 1].id)
            return True
        say(console, messages.UNSURE_RETRY, "yellow")
