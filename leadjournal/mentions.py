"""Which people a text names: pure matching of names, handles and aliases.

A person is matched by their full name, their first name (when the name has
more than one word), their handle and every alias, in any case, with the
punctuation around a name (``Maya's``, ``(Maya)``, ``Maya,``) ignored; and
by ``@handle``, ``@alias`` or ``@first-last`` (the full name with hyphens).
Words inside an e-mail address are never a mention (``maya@example.com``),
nor is a name inside a longer word (``Mayan``). The longest name wins:
"Maya Chen" is one mention, not "Maya" and then "Chen".

A name that fits several people is returned with all of them; the caller
asks which one is meant and never guesses. Someone archived gives way to
someone current who shares the name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

# A word: letters and digits, with inner apostrophes, hyphens or dots
# ("O'Brien", "Jean-Luc", "J.R.").
_WORD = re.compile(r"\w+(?:['’.\-]\w+)*")
_EMAIL = re.compile(r"[\w.+'’-]*\w@\w[\w-]*(?:\.[\w-]+)+")
_AT = re.compile(r"(?<![\w@.])@(\w[\w.'’-]*)")
_POSSESSIVE = re.compile(r"['’]s$")
# The longest name, in words, a text is searched for.
MAX_WORDS = 6


@dataclass(frozen=True)
class Known:
    """A person as the matcher sees them."""

    id: str
    name: str
    handle: str
    aliases: tuple[str, ...] = ()
    active: bool = True


@dataclass(frozen=True)
class Mention:
    """One name found in a text, and the people it may mean (one: it is certain)."""

    name: str  # as it is matched: lower case, single spaces
    start: int
    end: int
    people: tuple[str, ...]

    @property
    def certain(self) -> bool:
        return len(self.people) == 1


def fold(text: str) -> str:
    """A name as it is compared: Unicode-normalised, case-folded, single spaces."""
    cleaned = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return " ".join(_word(w) for w in _WORD.findall(cleaned))


def _word(word: str) -> str:
    return _POSSESSIVE.sub("", word.casefold().replace("’", "'"))


def slug(name: str) -> str:
    """A name as an @-mention: ``Maya Chen`` → ``maya-chen``."""
    return fold(name).replace(" ", "-")


def names_of(person: Known) -> set[str]:
    """Every folded name a person is matched by in running text."""
    full = fold(person.name)
    names = {full, fold(person.handle), *(fold(a) for a in person.aliases)}
    words = full.split()
    if len(words) > 1:
        names.add(words[0])
    return {n for n in names if n}


def at_names_of(person: Known) -> set[str]:
    """Every name a person is matched by after an ``@``."""
    names = {slug(person.name), slug(person.handle), *(slug(a) for a in person.aliases)}
    names |= {fold(person.handle), *(fold(a) for a in person.aliases if " " not in fold(a))}
    return {n for n in names if n}


class Matcher:
    """Finds the people of a roster in texts; build once, use for many texts."""

    def __init__(self, people: Iterable[Known]) -> None:
        self.people = {p.id: p for p in people}
        self._plain: dict[str, set[str]] = {}
        self._at: dict[str, set[str]] = {}
        for person in self.people.values():
            for name in names_of(person):
                self._plain.setdefault(name, set()).add(person.id)
            for name in at_names_of(person):
                self._at.setdefault(name, set()).add(person.id)
        self._longest = min(MAX_WORDS, max((len(n.split()) for n in self._plain), default=1))
        # A quick look for any name's first word: most texts name no one, and
        # for them the word-by-word matching below is skipped.
        firsts = sorted({n.split()[0] for n in self._plain}, key=len, reverse=True)
        self._hint = (
            re.compile("|".join(re.escape(w) for w in firsts), re.IGNORECASE) if firsts else None
        )

    def _who(self, ids: set[str]) -> tuple[str, ...]:
        current = {i for i in ids if self.people[i].active}
        chosen = current or ids
        return tuple(sorted(chosen, key=lambda i: (fold(self.people[i].name), i)))

    def find(self, text: str) -> list[Mention]:
        """The mentions in ``text``, in the order they appear."""
        if not self.people or not text:
            return []
        text = unicodedata.normalize("NFKC", text)
        if "@" not in text and not (self._hint and self._hint.search(text.replace("’", "'"))):
            return []
        blocked = [m.span() for m in _EMAIL.finditer(text)]
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []
        for match in _AT.finditer(text):
            if _inside(match.start(), blocked):
                continue
            raw = match.group(1).rstrip(".-'’")
            key = _word(raw)
            ids = self._at.get(key)
            if ids:
                end = match.start(1) + len(raw)
                found.append(Mention(key, match.start(), end, self._who(ids)))
                taken.append((match.start(), end))
        words = [
            m
            for m in _WORD.finditer(text)
            if not _inside(m.start(), blocked)
            and not _inside(m.start(), taken)
            and not (m.start() > 0 and text[m.start() - 1] == "@")
        ]
        i = 0
        while i < len(words):
            matched = False
            for size in range(min(self._longest, len(words) - i), 0, -1):
                group = words[i : i + size]
                if any(
                    text[a.end() : b.start()].strip() or not text[a.end() : b.start()]
                    for a, b in pairwise(group)
                ):
                    continue  # the words of a name are apart only by spaces
                key = " ".join(_word(w.group()) for w in group)
                ids = self._plain.get(key)
                if ids:
                    found.append(Mention(key, group[0].start(), group[-1].end(), self._who(ids)))
                    i += size
                    matched = True
                    break
            if not matched:
                i += 1
        found.sort(key=lambda m: m.start)
        return found


def _inside(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def find_mentions(text: str, people: Iterable[Known]) -> list[Mention]:
    """The mentions of ``people`` in ``text`` (see ``Matcher`` for many texts)."""
    return Matcher(people).find(text)
