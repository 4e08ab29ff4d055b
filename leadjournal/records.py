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


def parse_rating(value: object, name: str) -> int:
    """A rating on the Managerial Grid's 1–9 scale, or a BadInput saying why not."""
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 9:
        raise BadInput(messages.BAD_RATING.format(name=name, value=value), messages.RATING_HINT)
    return int(text)


def require_text(text: str | None, what: str) -> str:
    cleaned = (text or "").strip()
    if not cleaned:
        raise BadInput(messages.EMPTY_TEXT.format(what=what), messages.EMPTY_TEXT_HINT)
    return cleaned


def is_imported(entry: Entry) -> bool:
    """An entry that came from jrnl: its id is a name-based UUID (version 5),
    made from its content (``transfer.jrnl_entry``); ours are random (version 4)."""
    return len(entry.id) == 36 and entry.id[14] == "5"
