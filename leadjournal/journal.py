"""The journal's use-cases: what a leader does, on a store and a clock.

Takes a ``Store`` and a ``Clock``; returns models; raises ``LeadJournalError``s.
Never prints, prompts or reads the environment: the command line does that.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from leadjournal import messages, weeks
from leadjournal.clock import Clock, Stamp, stamp
from leadjournal.errors import BadInput, Conflict, NotFound
from leadjournal.models import (
    REVIEW_STEPS,
    Commitment,
    CommitmentStatus,
    Entry,
    EntryKind,
    FollowUp,
    FollowUpOutcome,
    GoalProgress,
    LogResult,
    Review,
)
from leadjournal.records import (
    new_entry,
    new_id,
    normalise_tag,
    parse_rating,
    require_text,
    tags_in,
)
from leadjournal.store import Store

if TYPE_CHECKING:
    from leadjournal.exercises import Exercises
    from leadjournal.goalbook import GoalBook
    from leadjournal.insights import Imbalance, Trends, TrendsReport, WeekRatings
    from leadjournal.prompts import Library, Prompt

# Past these, a larger --limit or --weeks means "all of it": SQLite's integers
# stop at 2**63, and a century of weeks is more than any journal holds.
MAX_LIMIT = 1_000_000
MAX_WEEKS = 5_200
# A prompt answered within this many weeks is not asked again.
RECENT_PROMPT_WEEKS = 6
CORE_DIMENSIONS = ("results", "relationships")

Lean = Literal["results", "relationships"]


@dataclass(frozen=True)
class ReviewState:
    """Where a week's review stands: what is recorded and what is left to ask."""

    review: Review
    follow_ups: list[Commitment]
    remaining: list[str]
    commitment: Commitment | None = None

    @property
    def resumed(self) -> bool:
        return bool(self.review.steps_done) or self.review.results is not None


@dataclass(frozen=True)
class Standing:
    """This week's place on the grid, for the step right after rating."""

    week: str
    results: int
    relationships: int
    lean: int
    style: str
    toward: Lean | None
    imbalance: Imbalance


@dataclass(frozen=True)
class ReviewSummary:
    """The closing card: this week beside the last few, streak, open commitments."""

    week: str
    trends: Trends
    open_commitments: list[Commitment] = field(default_factory=list)
    open_goals: list[GoalProgress] = field(default_factory=list)


@dataclass(frozen=True)
class TrendsView:
    """What ``trends`` shows: the numbers (the JSON contract) and what sits beside them."""

    trends: Trends
    outcomes: dict[str, CommitmentStatus] = field(default_factory=dict)
    dimensions: list[str] = field(default_factory=list)
    goals: list[GoalProgress] = field(default_factory=list)

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
        return TrendsReport(**vars(self.trends), goals=goals)


@dataclass(frozen=True)
class SearchHit:
    entry: Entry
    snippet: str


class Journal:
    def __init__(self, store: Store, clock: Clock, *, prompt_dirs: Sequence[Path] = ()) -> None:
        self.store = store
        self.clock = clock
        self.prompt_dirs = tuple(prompt_dirs)
        self._packs: Library | None = None

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

    def edit(self, prefix: str, text: str) -> Entry:
        entry = self.show(prefix)
        body = require_text(text, "entry")
        if body == entry.body:
            return entry
        # Tags typed in the old text follow the text; tags given with --tag stay.
        kept = [tag for tag in entry.tags if tag not in tags_in(entry.body)]
        new_tags = sorted({*tags_in(body), *kept})
        with self.store.transaction():
            self.store.update_entry(entry.id, body, new_tags, self.now().utc)
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
    ) -> LogResult:
        """Entries of one week, or of the last N weeks (default: the last 4)."""
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
        entries = self.store.entries_in_weeks(span, tag=wanted, limit=limit)
        reviews = [] if wanted else self.store.reviews_in_weeks(span)
        return LogResult(period=period, entries=entries, reviews=reviews)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        require_text(query, "search")
        found = self.store.search(query, min(limit, MAX_LIMIT))
        return [SearchHit(entry, snippet) for entry, snippet in found]

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

    def review_state(self, week: str) -> ReviewState | None:
        review = self.store.get_review(week)
        if review is None:
            return None
        return self._state(review)

    def start_review(self, week: str, *, replace: bool = False) -> ReviewState:
        """Begin (or resume) the week's review; ``replace`` starts a done one over."""
        now = self.now()
        # Read and write under one lock: two terminals starting the same week
        # get one review between them, never a clash.
        with self.store.transaction():
            review = self.store.get_review(week)
            if review is not None and review.status == "complete" and not replace:
                raise Conflict(
                    messages.REVIEW_EXISTS.format(week=week), messages.REVIEW_EXISTS_HINT
                )
            if review is not None and replace:
                self.store.delete_review(review.id)
                review = None
            if review is None:
                self.store.create_review(new_id(), week, now.utc)
        found = self.store.get_review(week)
        assert found is not None
        return self._state(found)

    def _state(self, review: Review) -> ReviewState:
        done_this_week = self.store.followed_up_in(review.week)
        pending = [
            c for c in self.store.open_commitments_before(review.week) if c.id not in done_this_week
        ]
        remaining = [step for step in REVIEW_STEPS if step not in review.steps_done]
        return ReviewState(
            review=review,
            follow_ups=pending,
            remaining=remaining,
            commitment=self.store.commitment_for_review(review.id),
        )

    def follow_up(
        self, review: Review, commitment_id: str, outcome: FollowUpOutcome, note: str | None
    ) -> None:
        """Record how an earlier commitment went; "not yet" carries it forward."""
        now = self.now()
        status: CommitmentStatus = "open" if outcome == "not_yet" else outcome
        with self.store.transaction():
            self.store.record_follow_up(
                FollowUp(
                    id=new_id(),
                    commitment_id=commitment_id,
                    week=review.week,
                    outcome=outcome,
                    note=(note or "").strip() or None,
                    created_at=now.utc,
                )
            )
            self.store.set_commitment_status(commitment_id, status, note, now.utc)

    def rate(self, review: Review, dimension: str, value: object) -> int:
        rating = parse_rating(value, dimension)
        with self.store.transaction():
            if dimension in CORE_DIMENSIONS:
                self.store.update_review(review.id, self.now().utc, **{dimension: rating})
            else:
                self.store.set_extra_rating(review.id, dimension, rating)
        return rating

    def reflect(self, review: Review, text: str, prompt_id: str | None = None) -> Entry:
        body = require_text(text, "reflection")
        now = self.now()
        # The entry belongs to the reviewed week, even when backfilled later.
        in_week = Stamp(now.utc, self._day_in(review.week).isoformat(), review.week)
        entry = new_entry(
            "review", body, in_week, tags=tags_in(body), prompt_id=prompt_id, review_id=review.id
        )
        with self.store.transaction():
            self.store.insert_entry(entry)
        return entry

    def record_win(self, review: Review, text: str, by: str | None = None) -> None:
        win = require_text(text, "win")
        with self.store.transaction():
            self.store.update_review(
                review.id, self.now().utc, win=win, win_by=(by or "").strip() or None
            )

    def commit(self, review: Review, text: str) -> Commitment:
        body = require_text(text, "commitment")
        now = self.now()
        commitment = Commitment(
            id=new_id(),
            text=body,
            status="open",
            week=review.week,
            due_week=weeks.shift(review.week, 1),
            review_id=review.id,
            created_at=now.utc,
        )
        with self.store.transaction():
            previous = self.store.commitment_for_review(review.id)
            if previous is not None:
                self.store.delete_commitment(previous.id)
            self.store.insert_commitment(commitment)
        return commitment

    def step_done(self, review: Review, step: str) -> None:
        with self.store.transaction():
            self.store.mark_step(review.id, step, self.now().utc)

    def complete(self, review: Review) -> Review:
        now = self.now()
        with self.store.transaction():
            for step in REVIEW_STEPS:
                self.store.mark_step(review.id, step, now.utc)
            self.store.update_review(review.id, now.utc, status="complete", completed_at=now.utc)
        found = self.store.get_review(review.week)
        assert found is not None
        return found

    def record_review(
        self,
        week: str,
        *,
        results: object,
        relationships: object,
        extra: dict[str, object] | None = None,
        reflection: str | None = None,
        prompt_id: str | None = None,
        win: str | None = None,
        win_by: str | None = None,
        commitment: str | None = None,
        replace: bool = False,
    ) -> Review:
        """A whole review from flags, all validated before anything is written."""
        ratings = {
            "results": parse_rating(results, "results"),
            "relationships": parse_rating(relationships, "relationships"),
        }
        extras = {name: parse_rating(value, name) for name, value in (extra or {}).items()}
        texts = {
            "reflection": reflection,
            "win": win,
            "commitment": commitment,
        }
        for what, text in texts.items():
            if text is not None:
                require_text(text, what)
        existing = self.store.get_review(week)
        if existing is not None and existing.status == "complete" and not replace:
            raise Conflict(messages.REVIEW_EXISTS.format(week=week), messages.REVIEW_EXISTS_HINT)
        # One transaction around the steps' own: a scripted review lands whole
        # or not at all.
        with self.store.transaction():
            if existing is not None and replace:
                self.store.delete_review(existing.id)
                existing = None
            if existing is None:
                self.store.create_review(new_id(), week, self.now().utc)
            review = self.store.get_review(week)
            assert review is not None
            for name, value in {**ratings, **extras}.items():
                self.rate(review, name, value)
            if reflection is not None:
                self.reflect(review, reflection, prompt_id)
            if win is not None:
                self.record_win(review, win, win_by)
            if commitment is not None:
                self.commit(review, commitment)
            return self.complete(review)

    def standing(self, week: str) -> Standing:
        """This week's grid style and lean, and whether a lean is temporary or lasting."""
        from leadjournal import insights

        review = self.store.get_review(week)
        if review is None or review.results is None or review.relationships is None:
            raise BadInput(messages.NO_RATINGS.format(week=week), messages.NO_RATINGS_HINT)
        lean = insights.lean(review.results, review.relationships)
        return Standing(
            week=week,
            results=review.results,
            relationships=review.relationships,
            lean=lean,
            style=insights.grid_style(review.results, review.relationships),
            toward=insights.lean_toward(lean),
            imbalance=insights.imbalance(self.rated_weeks(week)),
        )

    def rated_weeks(self, up_to_week: str) -> list[WeekRatings]:
        """Every week with both ratings, up to a week: the history trends are made of."""
        from leadjournal import insights

        return [
            insights.WeekRatings(
                week=r.week, results=r.results, relationships=r.relationships, extra=r.extra
            )
            for r in self.store.rated_reviews(up_to_week)
            if r.results is not None and r.relationships is not None
        ]

    def trends(self, window: int = 12, *, current_week: str | None = None) -> Trends:
        from leadjournal import insights

        if window < 1:
            raise BadInput(messages.BAD_WEEKS.format(value=window), messages.BAD_WEEKS_HINT)
        window = min(window, MAX_WEEKS)  # more than a century: "all of it"
        week = current_week or self.current_week()
        commitments = [
            insights.CommitmentState(status=c.status, due_week=c.due_week)
            for c in self.store.commitments()
        ]
        return insights.build_trends(
            self.rated_weeks(week), commitments, current_week=week, window=window
        )

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
        )

    def summary(self, week: str, window: int = 5) -> ReviewSummary:
        return ReviewSummary(
            week=week,
            trends=self.trends(window, current_week=max(week, self.current_week())),
            open_commitments=self.store.commitments("open"),
            open_goals=self.goals.summaries("open"),
        )

    def suggestion(self, week: str) -> str:
        """A commitment idea that leans the other way from this week's lean."""
        review = self.store.get_review(week)
        if review is None or review.results is None or review.relationships is None:
            return messages.SUGGEST_BALANCED
        lean = review.relationships - review.results
        if lean <= -2:
            return messages.SUGGEST_FOR_RESULTS_LEAN
        if lean >= 2:
            return messages.SUGGEST_FOR_RELATIONSHIPS_LEAN
        return messages.SUGGEST_BALANCED

    # -- goals -------------------------------------------------------------

    @property
    def goals(self) -> GoalBook:
        # Lazy: the goal maths costs start-up time that write, log and show
        # never need.
        from leadjournal.goalbook import GoalBook

        return GoalBook(self.store, self.clock)

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
        from leadjournal.selection import SelectionContext, choose_prompts

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
        )
        return choose_prompts(self.packs, context, count=count, seed=seed)

    def prompt_now(
        self, *, theme: str | None = None, source: str | None = None, seed: int | None = None
    ) -> Prompt:
        """One prompt to reflect on now, not one answered in the last few weeks
        unless every prompt that matches was."""
        from leadjournal.selection import pick_prompt

        since = weeks.shift(self.current_week(), -RECENT_PROMPT_WEEKS)
        recent = frozenset(self.store.prompts_answered_since(since))
        try:
            return pick_prompt(self.packs, theme=theme, source=source, seed=seed, exclude=recent)
        except NotFound:
            if not recent:
                raise
            # Asking a question again beats asking none.
            return pick_prompt(self.packs, theme=theme, source=source, seed=seed)

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

    @staticmethod
    def _day_in(week: str) -> date:
        return weeks.week_start(week)


@dataclass(frozen=True)
class _At:
    """A clock stopped at one moment, to stamp a backdated entry."""

    moment: datetime

    def now(self) -> datetime:
        return self.moment
