"""Search snippets: a few words around the first match, the matches in [brackets].

SQLite's own ``snippet()`` takes time that grows with the square of an entry's
length (a 1 MB entry took seconds per hit), so the snippet is cut here, in one
pass over the text: the search finds the entries, this finds where in each.
The index stems words (``porter``), so a query word matches any word that
starts with its stem, as "estimate" finds "estimates" and "estimating".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

WORDS = 12
ELLIPSIS = "…"
# Characters looked at on either side of the first match to find its
# neighbouring words; a longer run without a word boundary is cut.
_REACH = 400
_WORD = re.compile(r"\w+")


def _stem(word: str) -> str:
    # A rough stem: enough to place the snippet and mark what matched.
    return word if len(word) <= 4 else word[: max(4, len(word) - 3)]


def matcher(terms: Sequence[str]) -> re.Pattern[str] | None:
    """A pattern for the words that ``terms`` (as typed) would match, or None."""
    stems = sorted({_stem(w.casefold()) for term in terms for w in _WORD.findall(term)})
    if not stems:
        return None
    alternatives = "|".join(re.escape(stem) for stem in sorted(stems, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


def snippet(text: str, pattern: re.Pattern[str] | None, words: int = WORDS) -> str:
    """About ``words`` words of ``text`` around the first match, matches in brackets."""
    found = pattern.search(text) if pattern is not None else None
    at = found.start() if found is not None else 0
    before_start = max(0, at - _REACH)
    before = list(_WORD.finditer(text, before_start, at))[-(words // 2 - 1) :] if words > 2 else []
    after = []
    for match in _WORD.finditer(text, at, min(len(text), at + _REACH * 2)):
        after.append(match)
        if len(before) + len(after) >= words:
            break
    chosen = [*before, *after]
    if not chosen:
        start, end = at, min(len(text), at + _REACH)
    else:
        start, end = chosen[0].start(), chosen[-1].end()
    if end - start > _REACH * 2:
        start, end = max(start, at - _REACH // 2), min(end, at + _REACH)
    piece = text[start:end]
    if pattern is not None:
        piece = pattern.sub(lambda m: f"[{m.group(0)}]", piece)
    lead = ELLIPSIS if text[:start].strip() else ""
    tail = ELLIPSIS if text[end:].strip() else ""
    return f"{lead}{piece}{tail}"
