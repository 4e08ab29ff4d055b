"""Records: the small pieces every core module builds with.

A leaf below the use-cases: ids, new entries, ``@tags`` and the checks on
text and ratings that every way in (review, write, exercises, goals) shares.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from typing import Any

from leadjournal import messages
from leadjournal.clock import Stamp
from leadjournal.errors import BadInput
from leadjournal.models import Entry, EntryKind

# "@name" but not an e-mail address ("me@example.com") or "@@".
_TAG_RE = re.compile(r"(?<![\w@.])@(\w[\w-]*)")


def new_id() -> str:
    return str(uuid.uuid4())


def new_entry(
    kind: EntryKind,
    body: str,
    when: Stamp,
    *,
    tags: Iterable[str],
    saved_at: str | None = None,
    entry_id: str | None = None,
    **links: Any,
) -> Entry:
    """An entry that belongs to ``when`` (its date and week), saved now or at ``saved_at``."""
    return Entry(
        id=entry_id or new_id(),
        kind=kind,
        body=body,
        tags=sorted(set(tags)),
        created_at=when.utc,
        updated_at=saved_at or when.utc,
        date=when.date,
        week=when.week,
        **links,
    )


def tags_in(text: str) -> list[str]:
    """The ``@tags`` written in a text, lower-cased, in order, without repeats."""
    found: list[str] = []
    for match in _TAG_RE.finditer(text):
        tag = match.group(1).rstrip("-").lower()
        if tag and tag not in found:
            found.append(tag)
    return found


def normalise_tag(tag: str) -> str:
    cleaned = tag.strip().lstrip("@").lower()
    if not cleaned or not re.fullmatch(r"\w[\w-]*", cleaned):
        raise BadInput(messages.BAD_TAG.format(value=tag), messages.TAG_HINT)
    return cleaned


# An extra dimension's name, as config.toml lists it and the export writes it.
DIMENSION_RE = re.compile(r"[a-z][a-z0-9-]{0,31}")
CORE_DIMENSIONS = ("results", "relationships")


def dimension_problem(name: str) -> str | None:
    """Why ``name`` cannot be an extra dimension, or None when it can."""
    if name in CORE_DIMENSIONS:
        return messages.CORE_DIMENSION.format(name=name)
    if not DIMENSION_RE.fullmatch(name):
        return messages.BAD_DIMENSION.format(name=name[:40])
    return None


def require_dimension(name: str) -> str:
    problem = dimension_problem(name)
    if problem is not None:
        raise BadInput(problem + ".", messages.DIMENSION_HINT)
    return name


def parse_rating(value: object, name: str) -> int:
    """A rating on the Managerial Grid's 1–9 scale, or a BadInput saying why not."""
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 9:
        raise BadInput(messages.BAD_RATING.format(name=name, value=value), messages.RATING_HINT)
    return int(text)


# The most one piece of text (an entry, an answer, a reflection) may hold, in
# UTF-8 bytes: about 40,000 words, far more than a week's reflection, and small
# enough that reading it back (log, show, search) stays well under a second.
MAX_TEXT_BYTES = 256 * 1024
MAX_TEXT_LABEL = "256 KiB"


def oversize(text: str) -> str | None:
    """Why ``text`` is too large to keep as one piece, or None when it fits."""
    # Four bytes a character at most: only long texts need counting.
    if len(text) * 4 <= MAX_TEXT_BYTES:
        return None
    size = len(text.encode("utf-8", "surrogatepass"))
    if size <= MAX_TEXT_BYTES:
        return None
    return messages.TEXT_TOO_LARGE.format(size=f"{size / 1024:,.0f} KiB", limit=MAX_TEXT_LABEL)


def require_size(text: str, what: str) -> str:
    """``text`` if it is within the size limit, or a BadInput that says how to split it."""
    problem = oversize(text)
    if problem is not None:
        raise BadInput(
            messages.TEXT_TOO_LARGE_FOR.format(what=what, problem=problem),
            messages.TEXT_TOO_LARGE_HINT.format(limit=MAX_TEXT_LABEL),
        )
    return text


def require_text(text: str | None, what: str) -> str:
    cleaned = (text or "").strip()
    if not cleaned:
        raise BadInput(messages.EMPTY_TEXT.format(what=what), messages.EMPTY_TEXT_HINT)
    return require_size(cleaned, what)


def is_imported(entry: Entry) -> bool:
    """An entry that came from jrnl: its id is a name-based UUID (version 5),
    made from its content (``transfer.jrnl_entry``); ours are random (version 4)."""
    return len(entry.id) == 36 and entry.id[14] == "5"
