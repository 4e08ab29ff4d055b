"""The people use-cases: the roster, notes, links from what was written, who is overlooked.

Reached as ``journal.people``. Takes a ``Store`` and a ``Clock``; returns models;
raises ``LeadJournalError``s. Names are matched in text by ``mentions``
(pure); this module decides what is linked and stores it.

Contact, as the list sorts by it: a mention in a reflection or entry, a note
(of any kind), or a win credited to them (which is recognition too). A
commitment that names someone is an intention, not contact.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from leadjournal import messages, weeks
from leadjournal.clock import Clock, Stamp, stamp
from leadjournal.errors import Ambiguous, BadInput, Conflict, NotFound
from leadjournal.mentions import Known, Matcher, at_names_of, fold, names_of
from leadjournal.models import (
    LinkChoice,
    LinkKind,
    NoteKind,
    Person,
    PersonLink,
    PersonNote,
    PersonStanding,
    PersonStatus,
    PersonTimeline,
    TimelineItem,
)
from leadjournal.records import new_id, require_text
from leadjournal.store import Store

NOTE_KINDS: tuple[NoteKind, ...] = ("1on1", "recognition", "feedback", "check-in", "note")
# The words ``--kind`` takes, and a note that starts with one of them ("1:1: …").
_KIND_WORDS: dict[str, NoteKind] = {
    "1on1": "1on1",
    "1:1": "1on1",
    "1-1": "1on1",
    "one-on-one": "1on1",
    "recognition": "recognition",
    "feedback": "feedback",
    "check-in": "check-in",
    "checkin": "check-in",
    "note": "note",
    "free": "note",
}
_KIND_PREFIX = re.compile(
    r"^\s*(1:1|1on1|1-1|one-on-one|recognition|feedback|check-in|checkin)\s*:", re.I
)
_HANDLE = re.compile(r"[a-z0-9][a-z0-9._-]{0,39}")
MAX_NAME = 120
# The review's people step: weeks without each kind of contact before it is said.
DEFAULT_ONE_ON_ONE_WEEKS = 3
DEFAULT_RECOGNITION_WEEKS = 6
DEFAULT_CHECK_IN_WEEKS = 4
NudgeKind = Literal["one_on_one", "recognition", "check_in"]


@dataclass(frozen=True)
class Unsure:
    """A name in an item that fits several people: asked about, never guessed."""

    item_kind: LinkKind
    item_id: str
    name: str
    candidates: tuple[Person, ...]
    date: str
    excerpt: str


@dataclass(frozen=True)
class Added:
    person: Person
    linked: int  # items of earlier text now linked to them
    unsure: list[Unsure] = field(default_factory=list)


@dataclass(frozen=True)
class ForgetPlan:
    """What ``people forget`` removes, said before it is done."""

    person: Person
    notes: int
    links: int
    versions: int
    search: int
    mentioned_in: int  # items whose text names them: kept, as written


@dataclass(frozen=True)
class Nudge:
    """One line of the review's people step: who has gone longest without it."""

    kind: NudgeKind
    person: PersonStanding
    last: str | None  # the day of the last one, None: never
    weeks: int | None  # whole weeks since


@dataclass(frozen=True)
class PeopleSpread:
    """The people section of trends and the brief, over a window of weeks."""

    active: int
    recognitions: int
    recognised: dict[str, int]  # handle → recognitions in the window, most first
    top_share: int  # recognitions that went to the top few people
    top_people: int  # how few: the smallest number holding more than half of them
    one_on_ones: int
    one_on_one_people: int
    not_mentioned: list[str]  # names of active people with no contact in the window

    def as_json(self) -> dict[str, object]:
        return {
            "active": self.active,
            "recognitions": self.recognitions,
            "recognised": self.recognised,
            "top_share": {"recognitions": self.top_share, "people": self.top_people},
            "one_on_ones": {"held": self.one_on_ones, "people": self.one_on_one_people},
            "not_mentioned": self.not_mentioned,
        }


def note_kind(word: str) -> NoteKind:
    found = _KIND_WORDS.get(word.strip().lower())
    if found is None:
        raise BadInput(
            messages.BAD_CHOICE.format(value=word, what="note kind", choices=", ".join(NOTE_KINDS)),
            messages.NOTE_KIND_HINT,
        )
    return found


def normalise_handle(text: str) -> str:
    handle = text.strip().lstrip("@").lower()
    if not _HANDLE.fullmatch(handle):
        raise BadInput(messages.BAD_HANDLE.format(value=text[:60]), messages.BAD_HANDLE_HINT)
    return handle


def _name(text: str | None) -> str:
    if not (text or "").strip():
        raise BadInput(messages.EMPTY_PERSON_NAME, messages.BAD_PERSON_NAME_HINT)
    name = " ".join(require_text(text, "name").split())
    if len(name) > MAX_NAME or not fold(name):
        raise BadInput(
            messages.BAD_PERSON_NAME.format(value=name[:60]), messages.BAD_PERSON_NAME_HINT
        )
    return name


def _alias(text: str) -> str:
    alias = fold(text)
    if not alias or len(alias) > MAX_NAME:
        raise BadInput(messages.BAD_ALIAS.format(value=text[:60]), messages.BAD_ALIAS_HINT)
    return alias


def _note(text: str | None) -> str | None:
    cleaned = (text or "").strip()
    return require_text(cleaned, "note") if cleaned else None


def _excerpt(text: str, start: int, width: int = 70) -> str:
    begin = max(0, start - width // 2)
    piece = " ".join(text[begin : begin + width].split())
    return ("…" if begin else "") + piece + ("…" if begin + width < len(text) else "")


class PeopleBook:
    """A leader's people, on a store and a clock: ``journal.people``."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    def _now(self) -> Stamp:
        return stamp(self.clock)

    def _today(self) -> date:
        return self.clock.now().date()

    # -- finding someone ---------------------------------------------------

    def find(self, who: str) -> Person:
        """A person by handle, alias, full name or id prefix (any case)."""
        wanted = who.strip()
        if not wanted:
            raise BadInput(messages.EMPTY_TEXT.format(what="person"), messages.PERSON_HINT)
        owner = self.store.owner_of_name(fold(wanted.lstrip("@")))
        if owner is None:
            owner = self.store.owner_of_name(wanted.lstrip("@").lower())
        if owner is not None:
            return self.store.get_person(owner)
        named = self.store.people_named(" ".join(wanted.split()))
        if len(named) == 1:
            return self.store.get_person(named[0])
        if len(named) > 1:
            handles = [self.store.get_person(i, whole=False).handle for i in named]
            raise Ambiguous(
                messages.PERSON_AMBIGUOUS.format(who=who, handles=", ".join(handles)),
                messages.PERSON_AMBIGUOUS_HINT,
                handles,
            )
        # A first name (or any name they are matched by in text), when only one has it.
        key = fold(wanted.lstrip("@"))
        fits = [p for p in self.store.people() if key in names_of(_known(p))]
        if len(fits) == 1:
            return self.store.get_person(fits[0].id)
        if len(fits) > 1:
            handles = [p.handle for p in fits]
            raise Ambiguous(
                messages.PERSON_AMBIGUOUS.format(who=who, handles=", ".join(handles)),
                messages.PERSON_AMBIGUOUS_HINT,
                handles,
            )
        try:
            person_id = self.store.resolve_id("people", wanted, "person", messages.PERSON_HINT)
        except NotFound:
            raise NotFound(messages.UNKNOWN_PERSON.format(who=who), self._roster_hint()) from None
        return self.store.get_person(person_id)

    def _roster_hint(self) -> str:
        handles = [p.handle for p in self.store.people("active")]
        if not handles:
            return messages.NO_PEOPLE_HINT
        return messages.UNKNOWN_PERSON_HINT.format(handles=", ".join(handles[:12]))

    def roster(self, *, archived: bool = False) -> list[Person]:
        return self.store.people(None if archived else "active")

    # -- adding and changing ----------------------------------------------

    def _check_names_free(
        self, handle: str, aliases: Iterable[str], person_id: str | None = None
    ) -> None:
        for name in [handle, *aliases]:
            owner = self.store.owner_of_name(name)
            if owner is not None and owner != person_id:
                holder = self.store.get_person(owner, whole=False)
                raise Conflict(
                    messages.NAME_TAKEN.format(
                        name=name, name_of=holder.name, handle=holder.handle
                    ),
                    messages.NAME_TAKEN_HINT,
                )

    def add(
        self,
        name: str,
        handle: str | None = None,
        *,
        aliases: Sequence[str] = (),
        note: str | None = None,
    ) -> Added:
        """Add someone to the roster and link what was written about them before."""
        full = _name(name)
        chosen = normalise_handle(handle if handle else fold(full).split()[0])
        others = [a for a in dict.fromkeys(_alias(a) for a in aliases) if a != chosen]
        about = _note(note)
        now = self._now()
        person = Person(
            id=new_id(),
            name=full,
            handle=chosen,
            aliases=others,
            note=about,
            created_at=now.utc,
            updated_at=now.utc,
            date=now.date,
            week=now.week,
        )
        with self.store.transaction():
            self._check_names_free(chosen, others)
            self.store.insert_person(person)
            self.store.queue_naming(names_of(_known(person)) | at_names_of(_known(person)))
        unsure = self.sync()
        linked = self.store.get_person(person.id)
        return Added(linked, len(linked.links), unsure)

    def edit(
        self,
        who: str,
        *,
        name: str | None = None,
        handle: str | None = None,
        add_aliases: Sequence[str] = (),
        drop_aliases: Sequence[str] = (),
        note: str | None = None,
    ) -> tuple[Person, list[Unsure]]:
        """Change a person's name, handle, aliases or note; the earlier version is kept."""
        person = self.find(who)
        full = person.name if name is None else _name(name)
        chosen = person.handle if handle is None else normalise_handle(handle)
        dropped = {_alias(a) for a in drop_aliases}
        unknown = [a for a in dropped if a not in person.aliases]
        if unknown:
            raise BadInput(
                messages.NOT_AN_ALIAS.format(alias=unknown[0], handle=person.handle),
                messages.NOT_AN_ALIAS_HINT,
            )
        aliases = [a for a in person.aliases if a not in dropped]
        aliases += [a for a in (_alias(a) for a in add_aliases) if a not in aliases and a != chosen]
        about = person.note if note is None else _note(note)
        changed = (full, chosen, aliases, about) != (
            person.name,
            person.handle,
            person.aliases,
            person.note,
        )
        if not changed:
            return person, []
        with self.store.transaction():
            self._check_names_free(chosen, aliases, person.id)
            self.store.update_person(
                person.id,
                self._now().utc,
                name=full,
                handle=chosen,
                aliases=aliases,
                note=about,
                status=person.status,
                archived_at=person.archived_at,
            )
            after = self.store.get_person(person.id, whole=False)
            self.store.queue_naming(
                names_of(_known(person))
                | at_names_of(_known(person))
                | names_of(_known(after))
                | at_names_of(_known(after))
            )
        unsure = self.sync()
        return self.store.get_person(person.id), unsure

    def archive(self, who: str, *, back: bool = False) -> Person:
        """Someone who left: kept in history, out of the nudges (``back``: undo)."""
        person = self.find(who)
        status: PersonStatus = "active" if back else "archived"
        if person.status == status:
            return person
        now = self._now()
        with self.store.transaction():
            self.store.update_person(
                person.id,
                now.utc,
                name=person.name,
                handle=person.handle,
                aliases=person.aliases,
                note=person.note,
                status=status,
                archived_at=None if back else now.utc,
            )
        return self.store.get_person(person.id)

    def note(
        self, who: str, text: str, *, kind: str | None = None, day: str | None = None
    ) -> PersonNote:
        """A short note about someone: a one-on-one, recognition, feedback, a check-in."""
        person = self.find(who)
        body = require_text(text, "note")
        chosen: NoteKind
        if kind is not None:
            chosen = note_kind(kind)
        else:
            prefix = _KIND_PREFIX.match(body)
            chosen = note_kind(prefix.group(1)) if prefix else "note"
        now = self._now()
        when = self._today() if day is None else weeks.parse_day(day, self._today())
        if when > self._today():
            raise BadInput(messages.NOTE_IN_FUTURE.format(day=when), messages.NOTE_IN_FUTURE_HINT)
        written = PersonNote(
            id=new_id(),
            person_id=person.id,
            kind=chosen,
            body=body,
            created_at=now.utc,
            date=when.isoformat(),
            week=weeks.week_of(when),
        )
        with self.store.transaction():
            self.store.insert_person_note(written)
        return written

    # -- forgetting ----------------------------------------------------------

    def forget_plan(self, who: str) -> ForgetPlan:
        person = self.find(who)
        counts = self.store.forget_counts(person.id)
        matcher = Matcher([_known(person)])
        mentioned = 0
        for kind, item_id in {(link.item_kind, link.item_id) for link in person.links}:
            got = self.store.item_text(kind, item_id)
            if got is not None and matcher.find(got[0]):
                mentioned += 1
        return ForgetPlan(
            person=person,
            notes=counts["notes"],
            links=counts["links"],
            versions=counts["versions"],
            search=counts["search"],
            mentioned_in=mentioned,
        )

    def forget(self, plan: ForgetPlan) -> None:
        """Remove the person and everything about them, then compact the file."""
        with self.store.transaction():
            self.store.forget_person(plan.person.id)
        if self.store.path != ":memory:":
            self.store.compact()

    # -- linking what was written ----------------------------------------------

    def _matcher(self) -> Matcher:
        return Matcher(_known(p) for p in self.store.people())

    def sync(self) -> list[Unsure]:
        """Match every item whose text changed since; the names that fit several people."""
        if not self.store.queued_items(1):
            return []
        matcher = self._matcher()
        people = {p.id: p for p in self.store.people()}
        unsure: list[Unsure] = []
        while batch := self.store.queued_items():
            with self.store.transaction():
                for kind, item_id in batch:
                    unsure += self._link(matcher, people, kind, item_id)
                self.store.unqueue(batch)
        return unsure

    def _link(
        self, matcher: Matcher, people: dict[str, Person], kind: LinkKind, item_id: str
    ) -> list[Unsure]:
        got = self.store.item_text(kind, item_id)
        if got is None:
            self.store.replace_links(kind, item_id, [])
            return []
        text, day, week = got
        choices = self.store.choices_for(kind, item_id)
        found: dict[str, Literal["found", "chosen"]] = {}
        unsure: dict[str, Unsure] = {}
        for mention in matcher.find(text):
            if mention.certain:
                found.setdefault(mention.people[0], "found")
            elif mention.name in choices:
                chosen = choices[mention.name]
                if chosen in mention.people:
                    found[chosen] = "chosen"
            elif mention.name not in unsure:
                unsure[mention.name] = Unsure(
                    item_kind=kind,
                    item_id=item_id,
                    name=mention.name,
                    candidates=tuple(people[i] for i in mention.people),
                    date=day,
                    excerpt=_excerpt(text, mention.start),
                )
        links = [
            PersonLink(person_id=pid, item_kind=kind, item_id=item_id, how=how, date=day, week=week)
            for pid, how in found.items()
        ]
        self.store.replace_links(kind, item_id, links)
        return [u for name, u in unsure.items() if not any(c.id in found for c in u.candidates)]

    def choose(self, unsure: Unsure, person_id: str | None) -> None:
        """The leader's answer for an unsure name: that person, or nobody."""
        with self.store.transaction():
            self.store.put_choice(
                LinkChoice(
                    item_kind=unsure.item_kind,
                    item_id=unsure.item_id,
                    name=unsure.name,
                    person_id=person_id,
                )
            )
            self.store.requeue(unsure.item_kind, unsure.item_id)
        self.sync()

    # -- reading -----------------------------------------------------------------

    def standings(self, *, archived: bool = False) -> list[PersonStanding]:
        """Everyone, the most overlooked first (see the module's note on contact)."""
        self.sync()
        people = self.store.people(None if archived else "active")
        return sort_standings(self._standings(people))

    def _standings(self, people: Sequence[Person]) -> list[PersonStanding]:
        current = self._now().week
        since_4 = weeks.shift(current, -3)
        since_12 = weeks.shift(current, -11)
        open_ids = self.store.open_commitment_ids()
        links: dict[str, list[PersonLink]] = {}
        for link in self.store.all_links():
            links.setdefault(link.person_id, []).append(link)
        notes: dict[str, list[PersonNote]] = {}
        for note in self.store.all_notes():
            notes.setdefault(note.person_id, []).append(note)
        out = []
        for p in people:
            mine = links.get(p.id, [])
            said = notes.get(p.id, [])
            contact = [lk.date for lk in mine if lk.item_kind != "commitment"] + [
                n.date for n in said
            ]
            recognition = [n.date for n in said if n.kind == "recognition"] + [
                lk.date for lk in mine if lk.item_kind == "win"
            ]
            mentions = [lk for lk in mine if lk.item_kind != "commitment"]
            out.append(
                PersonStanding(
                    id=p.id,
                    name=p.name,
                    handle=p.handle,
                    status=p.status,
                    last_contact=max(contact, default=None),
                    last_one_on_one=max((n.date for n in said if n.kind == "1on1"), default=None),
                    last_recognition=max(recognition, default=None),
                    last_check_in=max((n.date for n in said if n.kind == "check-in"), default=None),
                    mentions_4w=sum(1 for lk in mentions if lk.week >= since_4),
                    mentions_12w=sum(1 for lk in mentions if lk.week >= since_12),
                    open_commitments=sum(
                        1 for lk in mine if lk.item_kind == "commitment" and lk.item_id in open_ids
                    ),
                )
            )
        return out

    def most_overlooked(self) -> Person | None:
        """The active person whose last contact is oldest (or who has none)."""
        found = self.standings()
        return None if not found else self.store.get_person(found[0].id, whole=False)

    def timeline(self, who: str) -> PersonTimeline:
        """Every note, mention, win and commitment about someone, newest first."""
        self.sync()
        person = self.find(who)
        standing = self._standings([person])[0]
        items: list[TimelineItem] = [
            TimelineItem(kind=n.kind, id=n.id, date=n.date, week=n.week, text=n.body)
            for n in person.notes
        ]
        for link in person.links:
            items.append(self._timeline_item(link))
        items.sort(key=lambda i: (i.date, i.kind != "commitment"), reverse=True)
        return PersonTimeline(person=person, standing=standing, items=items)

    def _timeline_item(self, link: PersonLink) -> TimelineItem:
        got = self.store.item_text(link.item_kind, link.item_id)
        text = got[0] if got else ""
        detail: str | None = None
        kind = "mention"
        if link.item_kind == "win":
            kind = "win"
            win, by = self.store.win_of(link.item_id)
            text, detail = win or "", by
        elif link.item_kind == "commitment":
            kind = "commitment"
            detail = self.store.get_commitment(link.item_id).status
        else:
            detail = self.store.get_entry(link.item_id).kind
            text = self.store.get_entry(link.item_id).body
        return TimelineItem(
            kind=kind, id=link.item_id, date=link.date, week=link.week, text=text, detail=detail
        )

    # -- the review's people step ---------------------------------------------------

    def nudges(
        self,
        week: str,
        *,
        one_on_one_weeks: int = DEFAULT_ONE_ON_ONE_WEEKS,
        recognition_weeks: int = DEFAULT_RECOGNITION_WEEKS,
        check_in_weeks: int = DEFAULT_CHECK_IN_WEEKS,
    ) -> list[Nudge]:
        """Who has gone longest without a one-on-one, recognition or check-in, past
        each threshold: one each, never-had first, then the longest ago."""
        standings = self.standings()
        day = min(self._today(), weeks.week_end(week))
        out: list[Nudge] = []
        checks: tuple[tuple[NudgeKind, str, int], ...] = (
            ("one_on_one", "last_one_on_one", one_on_one_weeks),
            ("recognition", "last_recognition", recognition_weeks),
            ("check_in", "last_check_in", check_in_weeks),
        )
        for kind, attribute, threshold in checks:
            due: list[tuple[tuple[int, str, int], Nudge]] = []
            for position, standing in enumerate(standings):
                last: str | None = getattr(standing, attribute)
                if last is None:
                    due.append(((0, "", position), Nudge(kind, standing, None, None)))
                    continue
                gone = (day - date.fromisoformat(last)).days // 7
                if gone >= threshold:
                    due.append(((1, last, position), Nudge(kind, standing, last, gone)))
            if due:
                out.append(min(due, key=lambda pair: pair[0])[1])
        return out

    # -- trends and the brief --------------------------------------------------------

    def spread(self, shown_weeks: Sequence[str]) -> PeopleSpread | None:
        """Recognition spread, one-on-one coverage and who was not mentioned, over
        ``shown_weeks``; None without a roster."""
        if not self.store.has_people():
            return None
        self.sync()
        active = self.store.people("active")
        if not active or not shown_weeks:
            return None
        first, last = min(shown_weeks), max(shown_weeks)
        ids = {p.id: p for p in active}
        recognised: dict[str, int] = {}
        contact: set[str] = set()
        one_on_ones = 0
        met: set[str] = set()
        for note in self.store.all_notes(first):
            if note.week > last or note.person_id not in ids:
                continue
            contact.add(note.person_id)
            if note.kind == "recognition":
                recognised[note.person_id] = recognised.get(note.person_id, 0) + 1
            if note.kind == "1on1":
                one_on_ones += 1
                met.add(note.person_id)
        for link in self.store.all_links(first):
            if link.week > last or link.person_id not in ids or link.item_kind == "commitment":
                continue
            contact.add(link.person_id)
            if link.item_kind == "win":
                recognised[link.person_id] = recognised.get(link.person_id, 0) + 1
        counts = sorted(recognised.values(), reverse=True)
        total = sum(counts)
        top_share, top_people = 0, 0
        for count in counts:
            if top_share * 2 > total:
                break
            top_share += count
            top_people += 1
        ordered = sorted(recognised.items(), key=lambda kv: (-kv[1], fold(ids[kv[0]].name)))
        return PeopleSpread(
            active=len(active),
            recognitions=total,
            recognised={ids[pid].handle: count for pid, count in ordered},
            top_share=top_share,
            top_people=top_people,
            one_on_ones=one_on_ones,
            one_on_one_people=len(met),
            not_mentioned=[p.name for p in active if p.id not in contact],
        )


def spread_lines(spread: PeopleSpread) -> list[str]:
    """The people section of trends and the brief, as plain sentences."""
    lines = []
    if spread.recognitions:
        lines.append(
            messages.PEOPLE_RECOGNITION.format(
                total=messages.counted(spread.recognitions, "recognition"),
                share=spread.top_share,
                top=spread.top_people,
                active=spread.active,
            )
        )
    else:
        lines.append(messages.PEOPLE_RECOGNITION_NONE.format(active=spread.active))
    lines.append(
        messages.PEOPLE_ONE_ON_ONES.format(
            held=messages.counted(spread.one_on_ones, "one-on-one"),
            people=spread.one_on_one_people,
            active=spread.active,
        )
    )
    if spread.not_mentioned:
        lines.append(messages.PEOPLE_NOT_MENTIONED.format(names=", ".join(spread.not_mentioned)))
    else:
        lines.append(messages.PEOPLE_ALL_MENTIONED)
    return lines


def sort_standings(standings: Iterable[PersonStanding]) -> list[PersonStanding]:
    """The most overlooked first: no contact at all, then the oldest contact; ties by name."""
    return sorted(
        standings,
        key=lambda s: (s.last_contact is not None, s.last_contact or "", fold(s.name), s.handle),
    )


def _known(person: Person) -> Known:
    return Known(
        id=person.id,
        name=person.name,
        handle=person.handle,
        aliases=tuple(person.aliases),
        active=person.status == "active",
    )


def review_nudges(
    book: PeopleBook,
    week: str,
    *,
    one_on_one_weeks: int = DEFAULT_ONE_ON_ONE_WEEKS,
    recognition_weeks: int = DEFAULT_RECOGNITION_WEEKS,
    check_in_weeks: int = DEFAULT_CHECK_IN_WEEKS,
) -> list[Nudge]:
    """The review's people step for ``week``: nothing without a roster, and nothing
    on a week that leaned toward relationships (unless results have leaned for a
    lasting stretch): such a week is not nagged about people."""
    from leadjournal import insights, trendbook

    if not book.store.has_people():
        return []
    review = book.store.get_review(week)
    toward = None
    if review is not None and review.results is not None and review.relationships is not None:
        toward = insights.lean_toward(insights.lean(review.results, review.relationships))
    lasting = insights.imbalance(trendbook.rated_weeks(book.store, week))
    results_lasting = lasting.state == "lasting" and lasting.toward == "results"
    if toward == "relationships" and not results_lasting:
        return []
    return book.nudges(
        week,
        one_on_one_weeks=one_on_one_weeks,
        recognition_weeks=recognition_weeks,
        check_in_weeks=check_in_weeks,
    )
