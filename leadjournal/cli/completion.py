"""Shell completion of values: ids, weeks, goals and exercise names.

Typer completes commands, subcommands and options itself (through the lazy
table, which builds only the command being completed). These callbacks add
the values worth a Tab: each reads the journal through ``store.peek`` (a
plain journal, read-only; an encrypted one is never opened) and never fails:
anything unexpected gives no suggestions.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from typer import _click as click_core

if TYPE_CHECKING:
    from leadjournal.store.peek import PeekKind

# The week words every --week and WEEK argument accepts besides an ISO week.
WEEK_WORDS = ("last", "this")
SHOWN_ID = 8  # as `log` shows ids; any unique prefix is accepted
DESCRIPTION_LENGTH = 60
# Typer passes zsh's and fish's descriptions through rich's markup (to strip
# its own help's tags); rich's escaping rule keeps a written "[bold]" as text.
_MARKUP = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")


def _db_path(ctx: click_core.Context) -> Path:
    """The journal this command line would open: --db, LEADJOURNAL_DB, the home."""
    from leadjournal.cli.context import Settings

    given = ctx.find_root().params.get("db_path")
    return Settings.from_environment(given if isinstance(given, str) else None).db_path


Suggestion = tuple[str, str] | str  # a value, with what it is when there is something to say


def _described(value: str, about: str) -> Suggestion:
    from leadjournal.safetext import visible

    # Whatever was written is shown by the shell beside the value: one line,
    # control characters as symbols, and short.
    line = " ".join(visible(about).split())
    if len(line) > DESCRIPTION_LENGTH:
        line = line[: DESCRIPTION_LENGTH - 1] + "…"
    line = _MARKUP.sub(lambda found: f"{found[1]}{found[1]}\\{found[2]}", line)
    if line.endswith("\\") and not line.endswith("\\\\"):
        line += "\\"
    return (value, line) if line else value


def _rows(ctx: click_core.Context, kind: PeekKind, incomplete: str) -> list[tuple[str, str]]:
    from leadjournal.store.peek import peek

    try:
        return peek(_db_path(ctx), kind, incomplete)
    except Exception:  # completion must never print a traceback into a shell
        return []


def _ids(kind: PeekKind) -> Callable[[click_core.Context, str], list[Suggestion]]:
    def complete(ctx: click_core.Context, incomplete: str) -> list[Suggestion]:
        shown = max(SHOWN_ID, len(incomplete))
        return [_described(value[:shown], about) for value, about in _rows(ctx, kind, incomplete)]

    return complete


def weeks(ctx: click_core.Context, incomplete: str) -> list[Suggestion]:
    """``last``, ``this`` and the weeks that have a review, newest first."""
    words: list[Suggestion] = [word for word in WEEK_WORDS if word.startswith(incomplete)]
    reviewed = [
        _described(week, "reviewed" if status == "complete" else "review not finished")
        for week, status in _rows(ctx, "week", incomplete)
    ]
    return words + reviewed


def items_or_weeks(ctx: click_core.Context, incomplete: str) -> list[Suggestion]:
    """An entry, commitment or review id, or a reviewed week."""
    if incomplete[:1].isdigit() and len(incomplete) >= 4 and not _looks_hex(incomplete):
        return weeks(ctx, incomplete)
    return _ids("item")(ctx, incomplete) + weeks(ctx, incomplete)


def _looks_hex(text: str) -> bool:
    return all(char in "0123456789abcdef-" for char in text)


items = _ids("item")
open_commitments = _ids("open_commitment")
goals = _ids("goal")
open_goals = _ids("open_goal")


def one_of(*values: str) -> Callable[[str], list[Suggestion]]:
    """A fixed set of words: a format, a source, a kind."""

    def complete(incomplete: str) -> list[Suggestion]:
        return [value for value in values if value.startswith(incomplete)]

    return complete


# The words these options take, as the core names them (tests/test_completion.py
# keeps each list equal to the core's).
EXPORT_FORMATS = one_of("json", "md", "csv")
IMPORT_SOURCES = one_of("leadjournal", "jrnl")
SEARCH_KINDS = one_of(
    "entry",
    "reflection",
    "prompt",
    "exercise",
    "win",
    "commitment",
    "follow-up",
    "check-in",
    "person",
)


def exercises(ctx: click_core.Context, incomplete: str) -> list[Suggestion]:
    """Exercise ids from the built-in packs and LEADJOURNAL_PROMPTS' folders."""
    from leadjournal.packnames import exercise_names

    extra = os.environ.get("LEADJOURNAL_PROMPTS", "")
    folders = [Path(part).expanduser() for part in extra.split(os.pathsep) if part]
    try:
        names = exercise_names(folders)
    except Exception:  # a pack folder that cannot be read gives fewer names, never an error
        return []
    return [
        _described(name, title)
        for name, title in sorted(names.items())
        if name.startswith(incomplete)
    ]
