"""The journal's use-cases: what a leader does, on a store and a clock.

Takes a ``Store`` and a ``Clock``; returns models; raises ``LeadJournalError``s.
Never prints, prompts or reads the environment: the command line does that.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from leadjournal import messages, weeks
from leadjournal.clock import Clock, Stamp, stamp
from leadjournal.errors import BadInput, Conflict, NotFound
from leadjournal.models import (
    Commitment,
    CommitmentStatus,
    Entry,
    EntryKind,
    FollowUp,
    GoalProgress,
    LogResult,
)
from leadjournal.records import (
    new_entry,
    new_id,
    normalise_tag,
    require_text,
    tags_in,
)
from leadjournal.store import Store

if TYPE_CHECKING:
    from leadjournal.exercises import Exercises
    from leadjournal.goalbook import GoalBook
    from leadjournal.insights import Trends, TrendsReport, WeekRatings
    from leadjournal.lookback import LookBacks
    from leadjournal.patterns import Pattern
    from leadjournal.peoplebook import PeopleBook
    from leadjournal.prompts import Library, Prompt
    from leadjournal.record import Record
    from leadjournal.review import WeeklyReview

# Past these, a larger --limit or --weeks means "all of it": SQLite's integers
# stop at 2**63, and a century of weeks is more than any journal holds.
MAX_LIMIT = 1_000_000
MAX_WEEKS = 5_200  # as trendbook.MAX_WEEKS; log reads it without the trend maths
# A prompt answered within this many weeks is not asked again.
RECENT_PROMPT_WEEKS = 6


@dataclass(frozen=True)
class TrendsView:
    """What ``trends`` shows: the numbers (the JSON contract) and what sits beside them."""

    trends: Trends
    outcomes: dict[str, CommitmentStatus] = field(default_factory=dict)
    dimensions: list[str] = field(default_factory=list)
    goals: list[GoalProgress] = field(default_factory=list)
    # What goes with a good week, over the reviewed weeks shown (at least 8).
    patterns: list[Pattern] = field(default_factory=list)
    reviewed: int = 0
    # The journal's first rated week: the text views start there, so a new
    # journal's trends do not open with weeks from before it was kept (the
    # JSON keeps the whole window asked for).
    started: str | None = None

    def since_start(self) -> Trends:
        """The trends with only the weeks from the journal's first review on."""
        kept = [row for row in self.trends.weeks if self.started and row.week >= self.started]
        return self.trends.model_copy(update={"weeks": kept})

    def report(self) -> TrendsReport:
        """The ``trends --json`` output: the trends and the open goals beside them."""
        from leadjournal.insights import TrendsGoal, TrendsReport

        goals = [
            TrendsGoal(
                id=s.goal.id,
                title=s.goal.title,
                kind=s.goal.kind,
                progress=s.progress,
                expected=s.expected,
                status=s.status,
            )
            for s in self.goals
        ]
        return TrendsReport(**vars(self.trends), goals=goals, patterns=self.patterns)


# What ``search --kind`` accepts, and the kinds of item each one means.
SEARCH_KINDS: dict[str, tuple[str, ...]] = {
    "entry": ("reflection",),
    "reflection": ("review",),
    "prompt": ("prompt",),
    "exercise": ("exercise", "exercise_answer"),
    "win": ("win",),
    "commitment": ("commitment",),
    "follow-up": ("follow_up",),
    "check-in": ("checkin",),
    "person": ("person", "person_note"),
}


@dataclass(frozen=True)
class SearchHit:
    """One match: what it is (an entry's kind, win, commitment, …), its week, a snippet.

    ``id`` names the entry, review (for a win), commitment, follow-up, check-in
    or exercise run; ``entry`` is set for entries.
    """

    kind: str
    id: str
    week: str
    date: str
    snippet: str
    entry: Entry | None = None

    def as_json(self) -> dict[str, object]:
        base = {} if self.entry is None else self.entry.model_dump(mode="json")
        return {
            **base,
            "found": self.kind,
            "id": self.id,
            "week": self.week,
            "date": self.date,
            "snippet": self.snippet,
        }


class Journal:
    def __init__(self, store: Store, clock: Clock, *, prompt_dirs: Sequence[Path] = ()) -> None:
        self.store = store
        self.clock = clock
        self.prompt_dirs = tuple(prompt_dirs)
        self._packs: Library | None = None
        # Versions the store keeps are stamped by this clock.
        store.clock = clock

    # -- time --------------------------------------------------------------

    def now(self) -> Stamp:
        return stamp(self.clock)

    def today(self) -> date:
        return self.clock.now().date()

    def current_week(self) -> str:
        return self.now().week

    def parse_week(self, text: str | None) -> str:
        """The week a leader named (any accepted date form), or the current one."""
        if text is None:
            return self.current_week()
        return weeks.parse_week_or_day(text, self.today())

    def review_week(self, text: str | None) -> str:
        """The week to review: any accepted date form, but not a week yet to come."""
        week = self.parse_week(text)
        if weeks.week_start(week) > self.today():
            raise BadInput(
                messages.FUTURE_WEEK.format(week=week, current=self.current_week()),
                messages.FUTURE_WEEK_HINT,
            )
        return week

    def _stamp_on(self, day: date) -> Stamp:
        now = self.clock.now()
        moment = datetime.combine(day, now.timetz())
        return stamp(_At(moment))

    # -- entries -----------------------------------------------------------

    def write(
        self,
        text: str,
        *,
        tags: Iterable[str] = (),
        day: str | None = None,
        kind: EntryKind = "reflection",
        prompt_id: str | None = None,
        starred: bool = False,
    ) -> Entry:
        body = require_text(text, "reflection")
        when = self.now() if day is None else self._stamp_on(weeks.parse_day(day, self.today()))
        entry = new_entry(
            kind,
            body,
            when,
            tags=[*tags_in(body), *(normalise_tag(tag) for tag in tags)],
            saved_at=self.now().utc,
            starred=starred,
            prompt_id=prompt_id,
        )
        with self.store.transaction():
            self.store.insert_entry(entry)
        return entry

    def show(self, prefix: str) -> Entry:
        return self.store.get_entry(self.store.resolve_id("entries", prefix, "entry"))

    def star(self, prefix: str, starred: bool = True) -> Entry:
        """Mark an entry (or unmark it) as one to bring to a coach or mentor."""
        entry = self.show(prefix)
        with self.store.transaction():
            self.store.set_starred(entry.id, starred)
        return self.store.get_entry(entry.id)

    def edit(self, prefix: str, text: str, *, expected_body: str | None = None) -> Entry:
        """Replace an entry's text.

        ``expected_body`` is the entry as the editor opened it: when another
        command changed it since, nothing is written and ``Conflict`` is
        raised (see ``Record.save_edit``).
        """
        from leadjournal.record import Editable

        entry = self.show(prefix)
        opened = entry.body if expected_body is None else expected_body
        self.record.save_edit(Editable("entry", entry.id, opened), text)
        return self.store.get_entry(entry.id)

    def delete(self, prefix: str) -> Entry:
        entry = self.show(prefix)
        with self.store.transaction():
            self.store.delete_entry(entry.id)
        return entry

    def log(
        self,
        *,
        week: str | None = None,
        last_weeks: int | None = None,
        tag: str | None = None,
        limit: int | None = None,
        reverse: bool = False,
    ) -> LogResult:
        """Entries of one week, or of the last N weeks (default: the last 4).

        Listed by the day each belongs to, newest first (``reverse``: oldest
        first); reviews by week in the same order.
        """
        if last_weeks is not None and last_weeks < 1:
            raise BadInput(messages.BAD_WEEKS.format(value=last_weeks), messages.BAD_WEEKS_HINT)
        if week is not None:
            span = [week]
            period = week
        else:
            count = min(last_weeks or 4, MAX_WEEKS)
            span = weeks.last_weeks(self.current_week(), count)
            period = f"{span[0]} – {span[-1]}" if count > 1 else span[0]
        wanted = normalise_tag(tag) if tag else None
        if limit is not None:
            limit = min(limit, MAX_LIMIT)
        entries = self.store.entries_in_weeks(span, tag=wanted, limit=limit, by_day=True)
        reviews = [] if wanted else self.store.reviews_in_weeks(span)[::-1]
        if reverse:
            entries, reviews = entries[::-1], reviews[::-1]
        return LogResult(period=period, entries=entries, reviews=reviews)

    def search(self, query: str, limit: int = 20, kinds: Sequence[str] = ()) -> list[SearchHit]:
        """Everything written that has every word of ``query``, best first.

        For a word in most of a large journal, ranking is done among the
        newest few thousand matches (``store.search.RANK_WINDOW``).
        """
        from leadjournal.models import one_of

        require_text(query, "search")
        wanted: list[str] | None = None
        if kinds:
            choices = tuple(SEARCH_KINDS)
            wanted = [
                k
                for kind in kinds
                for k in SEARCH_KINDS[one_of(kind, choices, "kind", messages.SEARCH_KIND_HINT)]
            ]
        found = self.store.search(query, min(limit, MAX_LIMIT), wanted)
        return [
            SearchHit(
                kind=hit.kind,
                id=hit.id,
                week=hit.week,
                date=hit.date,
                snippet=hit.snippet,
                entry=hit.entry,
            )
            for hit in found
        ]

    # -- commitments -------------------------------------------------------

    def commitments(self, status: CommitmentStatus | None = "open") -> list[Commitment]:
        return self.store.commitments(status)

    def close_commitment(
        self, prefix: str, status: CommitmentStatus, note: str | None = None
    ) -> Commitment:
        commitment_id = self.store.resolve_id("commitments", prefix, "commitment")
        current = self.store.get_commitment(commitment_id)
        if current.status != "open":
            raise Conflict(
                messages.COMMITMENT_CLOSED.format(id=commitment_id[:8], status=current.status),
                messages.COMMITMENT_CLOSED_HINT,
            )
        now = self.now()
        with self.store.transaction():
            self.store.set_commitment_status(commitment_id, status, note, now.utc)
            self.store.record_follow_up(
                FollowUp(
                    id=new_id(),
                    commitment_id=commitment_id,
                    week=now.week,
                    outcome=status if status != "open" else "not_yet",
                    note=note,
                    created_at=now.utc,
                )
            )
        return self.store.get_commitment(commitment_id)

    # -- the weekly review -------------------------------------------------

    @property
    def reviews(self) -> WeeklyReview:
        """The weekly review: open a week, answer its steps, the closing card."""
        from leadjournal.review import WeeklyReview

        return WeeklyReview(self.store, self.clock)

    def rated_weeks(self, up_to_week: str) -> list[WeekRatings]:
        """Every week with both ratings, up to a week: the history trends are made of."""
        from leadjournal import trendbook

        return trendbook.rated_weeks(self.store, up_to_week)

    def trends(self, window: int = 12, *, current_week: str | None = None) -> Trends:
        from leadjournal import trendbook

        return trendbook.trends(self.store, window, current_week or self.current_week())

    def trends_view(self, window: int = 12) -> TrendsView:
        """The trends, with what became of each week's commitment and the extra dimensions."""
        trends = self.trends(window)
        shown = [row.week for row in trends.weeks]
        outcomes = {
            c.week: c.status for c in self.store.commitments_made_in(shown) if c.source == "review"
        }
        dimensions = sorted({name for row in trends.weeks for name in row.extra})
        return TrendsView(
            trends=trends,
            outcomes=outcomes,
            dimensions=dimensions,
            goals=self.goals.summaries("open"),
            patterns=self.look_backs.patterns(shown),
            reviewed=sum(row.reviewed for row in trends.weeks),
            started=self.store.first_rated_week(),
        )

    # -- the record: weeks whole, history, restore ----------------------------

    @property
    def record(self) -> Record:
        from leadjournal.record import Record

        return Record(self.store, self.clock, lambda: self.packs)

    # -- goals -------------------------------------------------------------

    @property
    def look_backs(self) -> LookBacks:
        """The monthly and quarterly look-backs, and what goes with a good week."""
        from leadjournal.lookback import LookBacks

        return LookBacks(self.store, self.clock)

    @property
    def goals(self) -> GoalBook:
        # Lazy: the goal maths costs start-up time that write, log and show
        # never need.
        from leadjournal.goalbook import GoalBook

        return GoalBook(self.store, self.clock)

    # -- people ------------------------------------------------------------

    @property
    def people(self) -> PeopleBook:
        from leadjournal.peoplebook import PeopleBook

        return PeopleBook(self.store, self.clock)

    # -- prompts -----------------------------------------------------------

    @property
    def packs(self) -> Library:
        if self._packs is None:
            from leadjournal.prompts import load_library

            self._packs = load_library(self.prompt_dirs)
        return self._packs

    def review_prompts(self, week: str, *, count: int = 1, seed: int | None = None) -> list[Prompt]:
        """The prompts that fit this leader's week, by DESIGN.md's rules."""
        from leadjournal import insights
        from leadjournal.selection import REST_WEEKS, SelectionContext, choose_prompts

        rated = self.rated_weeks(week)
        this_week = next((r for r in rated if r.week == week), None)
        toward = None
        if this_week is not None:
            toward = insights.lean_toward(insights.lean(this_week.results, this_week.relationships))
        lasting = insights.imbalance(rated)
        dropped = any(
            f.outcome == "dropped" and f.week == week
            for c in self.store.commitments("dropped")
            for f in c.follow_ups
        )
        context = SelectionContext(
            week=week,
            lean_toward=toward,
            lasting_toward=lasting.toward if lasting.state == "lasting" else None,
            setback=dropped or (this_week is not None and insights.is_setback(rated, week)),
            recently_answered=frozenset(
                self.store.prompts_answered_since(weeks.shift(week, -RECENT_PROMPT_WEEKS))
            ),
            asked_lately=frozenset(
                self.store.prompts_answered_since(weeks.shift(week, -(REST_WEEKS - 1)))
            ),
        )
        return self._for_person(choose_prompts(self.packs, context, count=count, seed=seed))

    def _for_person(self, prompts: list[Prompt]) -> list[Prompt]:
        """Person-shaped prompts asked about the most overlooked person, when there is one."""
        if not any(p.for_person for p in prompts) or not self.store.has_people():
            return prompts
        person = self.people.most_overlooked()
        if person is None:
            return prompts
        return [
            p.model_copy(update={"text": p.for_person.replace("{name}", person.name)})
            if p.for_person
            else p
            for p in prompts
        ]

    def prompt_now(
        self, *, theme: str | None = None, source: str | None = None, seed: int | None = None
    ) -> Prompt:
        """One prompt to reflect on now, not one answered in the last few weeks
        unless every prompt that matches was."""
        from leadjournal.selection import pick_prompt

        since = weeks.shift(self.current_week(), -RECENT_PROMPT_WEEKS)
        recent = frozenset(self.store.prompts_answered_since(since))
        try:
            chosen = pick_prompt(self.packs, theme=theme, source=source, seed=seed, exclude=recent)
        except NotFound:
            if not recent:
                raise
            # Asking a question again beats asking none.
            chosen = pick_prompt(self.packs, theme=theme, source=source, seed=seed)
        return self._for_person([chosen])[0]

    def answer_prompt(self, prompt: Prompt, text: str) -> Entry:
        """Save an answer to a prompt; it then counts as recently answered."""
        body = require_text(text, "answer")
        entry = new_entry(
            "prompt", body, self.now(), tags=tags_in(body), title=prompt.text, prompt_id=prompt.id
        )
        with self.store.transaction():
            self.store.insert_entry(entry)
        return entry

    # -- exercises ---------------------------------------------------------

    @property
    def exercises(self) -> Exercises:
        from leadjournal.exercises import Exercises

        return Exercises(self.store, self.clock, self.packs)


@dataclass(frozen=True)
class _At:
    """A clock stopped at one moment, to stamp a backdated entry."""

    moment: datetime

    def now(self) -> datetime:
        return self.moment
