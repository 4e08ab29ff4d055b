"""The weekly review: its steps, their order, and one way to open a week.

Both ways of doing a review go through here, the interactive walk-through
and the one from flags, so they cannot drift apart:

- ``WeeklyReview.open`` opens a week under the write lock (new, resume,
  amend or replace) and claims it for one terminal;
- a ``ReviewSession`` saves each answer the moment it is given, each in its
  own transaction, after checking that the claim is still its own;
- ``WeeklyReview.record`` writes a review from flags in one transaction:
  a new week whole, or on a reviewed week only what the flags name.

Takes a ``Store`` and a ``Clock``; never prints, prompts or reads the
environment (the command line says who is asking, through ``Owner``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from leadjournal import messages, weeks
from leadjournal.clock import Clock, Stamp, stamp
from leadjournal.errors import BadInput, Conflict
from leadjournal.models import (
    REVIEW_STEPS,
    Commitment,
    CommitmentStatus,
    Entry,
    FollowUp,
    FollowUpOutcome,
    GoalProgress,
    Review,
    ReviewClaim,
)
from leadjournal.records import (
    new_entry,
    new_id,
    parse_rating,
    require_dimension,
    require_text,
    tags_in,
)
from leadjournal.store import Store

if TYPE_CHECKING:
    from leadjournal.insights import Imbalance, Toward, Trends
    from leadjournal.lookback import LastYear

CORE_DIMENSIONS = ("results", "relationships")
# The steps a reviewed week can have done again, one at a time.
AMENDABLE_STEPS: tuple[str, ...] = ("follow_up", "ratings", "reflection", "win", "commitment")
# The closing card: this many weeks, the reviewed one with up to this many after it.
CARD_WEEKS = 5
CARD_WEEKS_AFTER = 2
CARD_COMMITMENTS = 5

# The words --follow-up takes, and what each records.
OUTCOME_WORDS: dict[str, FollowUpOutcome] = {
    "done": "done",
    "partly": "partly",
    "notyet": "not_yet",
    "drop": "dropped",
}
_OUTCOME_ALIASES: dict[str, FollowUpOutcome] = {
    **OUTCOME_WORDS,
    "not_yet": "not_yet",
    "not-yet": "not_yet",
    "dropped": "dropped",
}

# continue: a new week, or resume one under way (a finished one is ReviewDone);
# amend: a finished week, changed step by step; replace: start the week over.
OpenHow = Literal["continue", "amend", "replace"]
Opened = Literal["new", "resume", "amend", "replace"]


# -- who is asking, and the errors of sharing a week ----------------------------


@dataclass(frozen=True)
class Owner:
    """The terminal doing a review, as the command line describes it."""

    token: str
    pid: int | None = None
    host: str | None = None
    tty: str | None = None


class ReviewClaimed(Conflict):
    """Another terminal has this week's review open."""

    code = "claimed"

    def __init__(self, claim: ReviewClaim) -> None:
        super().__init__(
            messages.REVIEW_CLAIMED.format(
                week=claim.week, where=describe_claim(claim), since=_moment(claim.claimed_at)
            ),
            messages.REVIEW_CLAIMED_HINT,
        )
        self.claim = claim


class ReviewTakenOver(Conflict):
    """This terminal's review was taken over by another one."""

    code = "taken_over"

    def __init__(self, week: str) -> None:
        super().__init__(
            messages.REVIEW_TAKEN_OVER.format(week=week), messages.REVIEW_TAKEN_OVER_HINT
        )


class ReviewDone(Conflict):
    """The week is reviewed already; amend it or replace it instead."""

    def __init__(self, week: str) -> None:
        super().__init__(messages.REVIEW_EXISTS.format(week=week), messages.REVIEW_EXISTS_HINT)


def describe_claim(claim: ReviewClaim) -> str:
    parts = []
    if claim.pid is not None:
        parts.append(f"pid {claim.pid}")
    if claim.host:
        parts.append(f"on {claim.host}")
    if claim.tty:
        parts.append(f"at {claim.tty}")
    return " ".join(parts) or messages.CLAIM_SOMEWHERE


# -- what a review holds ------------------------------------------------------


@dataclass(frozen=True)
class ReviewState:
    """Where a week's review stands: what is recorded and what is left to ask."""

    review: Review
    follow_ups: list[Commitment]
    remaining: list[str]
    commitment: Commitment | None = None
    reflections: list[Entry] = field(default_factory=list)
    followed_up: list[Commitment] = field(default_factory=list)

    @property
    def resumed(self) -> bool:
        return bool(self.review.steps_done) or self.review.results is not None


@dataclass(frozen=True)
class FollowUpAnswer:
    """``--follow-up ID=OUTCOME[:NOTE]``, checked in form before any id is looked up."""

    commitment: str
    outcome: FollowUpOutcome
    note: str | None = None

    @classmethod
    def parse(cls, text: str) -> FollowUpAnswer:
        ident, sep, rest = text.partition("=")
        word, _, note = rest.partition(":")
        if not sep or not ident.strip() or not word.strip():
            raise BadInput(
                messages.BAD_FOLLOW_UP_FLAG.format(value=text), messages.BAD_FOLLOW_UP_HINT
            )
        outcome = _OUTCOME_ALIASES.get(word.strip().lower())
        if outcome is None:
            raise BadInput(
                messages.BAD_FOLLOW_UP_OUTCOME.format(value=word.strip()),
                messages.BAD_FOLLOW_UP_HINT,
            )
        return cls(ident.strip(), outcome, note.strip() or None)


@dataclass(frozen=True)
class Answers:
    """A review's answers from flags, each checked once, before anything is written."""

    ratings: dict[str, int] = field(default_factory=dict)
    reflection: str | None = None
    prompt_id: str | None = None
    win: str | None = None
    win_by: str | None = None
    commitment: str | None = None
    follow_ups: tuple[FollowUpAnswer, ...] = ()

    @classmethod
    def parse(
        cls,
        *,
        results: object = None,
        relationships: object = None,
        extra: dict[str, object] | None = None,
        reflection: str | None = None,
        prompt_id: str | None = None,
        win: str | None = None,
        win_by: str | None = None,
        commitment: str | None = None,
        follow_ups: Sequence[str] = (),
    ) -> Answers:
        ratings = {
            name: parse_rating(value, name)
            for name, value in {"results": results, "relationships": relationships}.items()
            if value is not None
        }
        ratings.update(
            {
                require_dimension(name): parse_rating(value, name)
                for name, value in (extra or {}).items()
            }
        )

        def text(value: str | None, what: str) -> str | None:
            return None if value is None else require_text(value, what)

        return cls(
            ratings=ratings,
            reflection=text(reflection, "reflection"),
            prompt_id=prompt_id,
            win=text(win, "win"),
            win_by=(win_by or "").strip() or None,
            commitment=text(commitment, "commitment"),
            follow_ups=tuple(FollowUpAnswer.parse(item) for item in follow_ups),
        )

    def __bool__(self) -> bool:
        return bool(
            self.ratings
            or self.follow_ups
            or any(v is not None for v in (self.reflection, self.win, self.win_by, self.commitment))
        )


@dataclass(frozen=True)
class Change:
    """One thing a review from flags changed: what, and from what to what."""

    what: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class Recorded:
    review: Review
    opened: Opened
    changes: list[Change]


@dataclass(frozen=True)
class Standing:
    """This week's place on the grid, for the step right after rating."""

    week: str
    results: int
    relationships: int
    lean: int
    style: str
    toward: Toward | None
    imbalance: Imbalance


@dataclass(frozen=True)
class ReviewSummary:
    """The closing card: the reviewed week beside the weeks around it, streak,
    open commitments (newest first, the first few of them)."""

    week: str
    trends: Trends
    open_commitments: list[Commitment] = field(default_factory=list)
    more_commitments: int = 0
    open_goals: list[GoalProgress] = field(default_factory=list)
    last_year: LastYear | None = None  # one line from the same week a year earlier


# -- the review -----------------------------------------------------------------


class WeeklyReview:
    """Opens weeks for review and reads where they stand.

    ``host`` and ``alive`` let a claim left by a process that is gone (on this
    machine) be taken over by itself; without them no claim is thought stale.
    """

    def __init__(
        self,
        store: Store,
        clock: Clock,
        *,
        host: str | None = None,
        alive: Callable[[int], bool] | None = None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.host = host
        self.alive = alive

    def now(self) -> Stamp:
        return stamp(self.clock)

    # -- reading ---------------------------------------------------------------

    def state(self, week: str) -> ReviewState | None:
        review = self.store.get_review(week)
        return None if review is None else self._state(review)

    def claim(self, week: str) -> ReviewClaim | None:
        return self.store.get_claim(week)

    def is_stale(self, claim: ReviewClaim) -> bool:
        """A claim whose process is gone: same machine, and that pid no longer runs."""
        if self.alive is None or claim.pid is None or claim.host is None:
            return False
        return claim.host == self.host and not self.alive(claim.pid)

    def _state(self, review: Review) -> ReviewState:
        done_this_week = self.store.followed_up_in(review.week)
        pending = [
            c for c in self.store.open_commitments_before(review.week) if c.id not in done_this_week
        ]
        followed = [
            c
            for c in (self.store.get_commitment(cid) for cid in sorted(done_this_week))
            if c.week < review.week
        ]
        return ReviewState(
            review=review,
            follow_ups=pending,
            remaining=[step for step in REVIEW_STEPS if step not in review.steps_done],
            commitment=self.store.commitment_for_review(review.id),
            reflections=[e for e in self.store.entries_for_review(review.id) if e.kind == "review"],
            followed_up=followed,
        )

    # -- opening ---------------------------------------------------------------

    def open(
        self,
        week: str,
        *,
        how: OpenHow = "continue",
        owner: Owner | None = None,
        take_over: bool = False,
    ) -> ReviewSession:
        """The week's review, opened for this terminal.

        Read and written under one lock: two terminals opening the same week
        get one review between them, and the second one hears of the first
        (``ReviewClaimed``) instead of writing into it.
        """
        with self.store.transaction():
            self._take(week, owner, take_over)
            opened = self._open_locked(week, how)
        return ReviewSession(self, week, opened, owner)

    def _take(self, week: str, owner: Owner | None, take_over: bool) -> None:
        claim = self.store.get_claim(week)
        mine = owner is not None and claim is not None and claim.token == owner.token
        if claim is not None and not mine:
            if not (take_over or self.is_stale(claim)):
                raise ReviewClaimed(claim)
            self.store.drop_claim(week, claim.token)
        if owner is not None:
            self.store.put_claim(
                ReviewClaim(
                    week=week,
                    token=owner.token,
                    pid=owner.pid,
                    host=owner.host,
                    tty=owner.tty,
                    claimed_at=self.now().utc,
                )
            )

    def _open_locked(self, week: str, how: OpenHow) -> Opened:
        review = self.store.get_review(week)
        if review is not None and how == "replace":
            # The store keeps what it removes, so a replaced week can be restored.
            self.store.delete_review(review.id, action="replaced")
            self.store.create_review(new_id(), week, self.now().utc)
            return "replace"
        if review is None:
            self.store.create_review(new_id(), week, self.now().utc)
            return "new"
        if review.status == "complete":
            if how == "amend":
                return "amend"
            raise ReviewDone(week)
        return "resume"

    def release(self, week: str, owner: Owner) -> None:
        """Let go of the week's review (done, paused, or this terminal is closing)."""
        with self.store.transaction():
            self.store.drop_claim(week, owner.token)

    # -- from flags ------------------------------------------------------------

    def record(
        self,
        week: str,
        answers: Answers,
        *,
        replace: bool = False,
        owner: Owner | None = None,
        take_over: bool = False,
    ) -> Recorded:
        """A review from flags, in one transaction: it lands whole or not at all.

        A week not yet reviewed needs both core ratings (given, or answered
        earlier) and is completed; a reviewed week changes only what the
        flags name, and the changes are returned, old and new.
        """
        owner = owner or Owner(token=new_id())
        with self.store.transaction():
            self._take(week, owner, take_over)
            follow_ups = [
                (self.store.resolve_id("commitments", a.commitment, "commitment"), a)
                for a in answers.follow_ups
            ]
            opened = self._open_locked(week, "replace" if replace else "amend")
            session = ReviewSession(self, week, opened, owner)
            review = session.review
            if opened != "amend":
                missing = [
                    name
                    for name in CORE_DIMENSIONS
                    if name not in answers.ratings and getattr(review, name) is None
                ]
                if missing:
                    raise BadInput(messages.FLAGS_NEED_RATINGS, messages.FLAGS_NEED_RATINGS_HINT)
            changes = session.apply(answers, follow_ups)
            if opened != "amend":
                session.complete()
            self.store.drop_claim(week, owner.token)
        return Recorded(review=session.review, opened=opened, changes=changes)

    # -- what the review shows -------------------------------------------------

    def standing(self, week: str) -> Standing:
        """This week's grid style and lean, and whether a lean is temporary or lasting."""
        from leadjournal import insights, trendbook

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
            imbalance=insights.imbalance(trendbook.rated_weeks(self.store, week)),
        )

    def suggestion(self, week: str) -> str:
        """A commitment idea that leans the other way from this week's lean.

        "A lean" is what the trends call one (``insights.lean_toward``), so the
        suggestion and the verdict beside it never disagree.
        """
        from leadjournal import insights

        review = self.store.get_review(week)
        if review is None or review.results is None or review.relationships is None:
            return messages.SUGGEST_BALANCED
        toward = insights.lean_toward(insights.lean(review.results, review.relationships))
        if toward == "results":
            return messages.SUGGEST_FOR_RESULTS_LEAN
        if toward == "relationships":
            return messages.SUGGEST_FOR_RELATIONSHIPS_LEAN
        return messages.SUGGEST_BALANCED

    def summary(self, week: str, window: int = CARD_WEEKS) -> ReviewSummary:
        """The card for the reviewed week: that week with the weeks around it.

        A backfilled week is shown among its own neighbours, not today's; the
        streak and follow-through are today's.
        """
        from leadjournal import trendbook
        from leadjournal.goalbook import GoalBook
        from leadjournal.lookback import last_year

        current = self.now().week
        end = min(weeks.shift(week, min(CARD_WEEKS_AFTER, window - 1)), max(current, week))
        around = trendbook.trends(self.store, window, end)
        if end != current:
            today = trendbook.trends(self.store, 1, current)
            around = around.model_copy(
                update={"streak": today.streak, "follow_through": today.follow_through}
            )
        open_now = sorted(
            self.store.commitments("open"), key=lambda c: (c.week, c.created_at), reverse=True
        )
        return ReviewSummary(
            week=week,
            trends=around,
            open_commitments=open_now[:CARD_COMMITMENTS],
            more_commitments=max(0, len(open_now) - CARD_COMMITMENTS),
            open_goals=GoalBook(self.store, self.clock).summaries("open"),
            last_year=last_year(self.store, week),
        )


class ReviewSession:
    """One terminal's open review of a week: each answer saved as it is given."""

    def __init__(self, book: WeeklyReview, week: str, opened: Opened, owner: Owner | None) -> None:
        self.book = book
        self.store = book.store
        self.week = week
        self.opened = opened
        self.owner = owner
        found = self.store.get_review(week)
        assert found is not None
        self.review_id = found.id
        self._outcomes: dict[str, FollowUpOutcome] = {}

    @property
    def review(self) -> Review:
        found = self.store.get_review(self.week)
        if found is None or found.id != self.review_id:
            raise ReviewTakenOver(self.week)
        return found

    def state(self) -> ReviewState:
        return self.book._state(self.review)

    @contextmanager
    def _write(self) -> Iterator[Stamp]:
        """One answer's transaction, after checking the week is still ours."""
        with self.store.transaction():
            if self.owner is not None:
                claim = self.store.get_claim(self.week)
                if claim is None or claim.token != self.owner.token:
                    raise ReviewTakenOver(self.week)
            found = self.store.get_review(self.week)
            if found is None or found.id != self.review_id:
                raise ReviewTakenOver(self.week)
            yield self.book.now()

    def release(self) -> None:
        if self.owner is not None:
            self.book.release(self.week, self.owner)

    # -- the steps, one answer at a time ---------------------------------------

    def follow_up(
        self, commitment_id: str, outcome: FollowUpOutcome, note: str | None = None
    ) -> None:
        """How an earlier commitment went; "not yet" carries it forward.

        Saved on its own the moment it is given; a note given after it is
        saved with it by calling this again.
        """
        status: CommitmentStatus = "open" if outcome == "not_yet" else outcome
        note = (note or "").strip() or None
        with self._write() as now:
            self.store.record_follow_up(
                FollowUp(
                    id=new_id(),
                    commitment_id=commitment_id,
                    week=self.week,
                    outcome=outcome,
                    note=note,
                    created_at=now.utc,
                )
            )
            self.store.set_commitment_status(commitment_id, status, note, now.utc)
        self._outcomes[commitment_id] = outcome

    def rate(self, dimension: str, value: object) -> int:
        if dimension not in CORE_DIMENSIONS:
            require_dimension(dimension)
        rating = parse_rating(value, dimension)
        self._put_rating(dimension, rating)
        return rating

    def _put_rating(self, dimension: str, rating: int) -> None:
        with self._write() as now:
            if dimension in CORE_DIMENSIONS:
                self.store.update_review(self.review_id, now.utc, **{dimension: rating})
            else:
                self.store.set_extra_rating(self.review_id, dimension, rating)

    def reflection(self, prompt_id: str | None = None, *, replacing: Entry | None = None) -> Draft:
        """A reflection to be typed line by line, each line saved as it comes."""
        return Draft(self, prompt_id, replacing)

    def reflect(self, text: str, prompt_id: str | None = None) -> Entry:
        """A whole reflection at once."""
        draft = self.reflection(prompt_id)
        draft.save(require_text(text, "reflection"))
        assert draft.entry_id is not None
        return self.store.get_entry(draft.entry_id)

    def win(self, text: str) -> None:
        self._put_win(require_text(text, "win"))

    def _put_win(self, win: str) -> None:
        with self._write() as now:
            self.store.update_review(self.review_id, now.utc, win=win)

    def win_by(self, text: str | None) -> None:
        with self._write() as now:
            self.store.update_review(self.review_id, now.utc, win_by=(text or "").strip() or None)

    def commit(self, text: str) -> Commitment:
        """This week's one commitment; a second answer rewords the first."""
        return self._put_commitment(require_text(text, "commitment"))

    def _put_commitment(self, body: str) -> Commitment:
        with self._write() as now:
            previous = self.store.commitment_for_review(self.review_id)
            if previous is not None:
                if previous.text != body:
                    # The store keeps the earlier wording.
                    self.store.set_commitment_text(previous.id, body)
                return self.store.get_commitment(previous.id)
            commitment = Commitment(
                id=new_id(),
                text=body,
                status="open",
                week=self.week,
                due_week=weeks.shift(self.week, 1),
                review_id=self.review_id,
                created_at=now.utc,
            )
            self.store.insert_commitment(commitment)
        return commitment

    def step_done(self, step: str) -> None:
        with self._write() as now:
            self.store.mark_step(self.review_id, step, now.utc)

    def complete(self) -> Review:
        with self._write() as now:
            self.store.complete_review(self.review_id, now.utc)
        return self.review

    # -- from flags ------------------------------------------------------------

    def apply(
        self, answers: Answers, follow_ups: Sequence[tuple[str, FollowUpAnswer]] = ()
    ) -> list[Change]:
        """Write what ``answers`` name, nothing else; what changed, old and new.

        ``answers`` were checked when parsed, so nothing is checked again here.
        """
        changes: list[Change] = []
        state = self.state()
        review = state.review
        for commitment_id, answer in follow_ups:
            earlier = self.store.get_commitment(commitment_id).follow_ups
            before = next((f for f in earlier if f.week == self.week), None)
            old = None if before is None else _follow_up_text(before.outcome, before.note)
            new = _follow_up_text(answer.outcome, answer.note)
            if old != new:
                self.follow_up(commitment_id, answer.outcome, answer.note)
                changes.append(Change(f"follow-up {commitment_id[:8]}", old, new))
        for name, rating in answers.ratings.items():
            current = getattr(review, name) if name in CORE_DIMENSIONS else review.extra.get(name)
            if current != rating:
                self._put_rating(name, rating)
                changes.append(Change(name, _text(current), str(rating)))
        if answers.reflection is not None:
            existing = state.reflections[0] if state.reflections else None
            if existing is None or existing.body != answers.reflection:
                draft = self.reflection(answers.prompt_id, replacing=existing)
                draft.save(answers.reflection)
                changes.append(
                    Change("reflection", existing.body if existing else None, answers.reflection)
                )
        if answers.win is not None and answers.win != review.win:
            self._put_win(answers.win)
            changes.append(Change("win", review.win, answers.win))
        if answers.win_by is not None and answers.win_by != review.win_by:
            self.win_by(answers.win_by)
            changes.append(Change("win_by", review.win_by, answers.win_by))
        if answers.commitment is not None:
            old_text = state.commitment.text if state.commitment else None
            if old_text != answers.commitment:
                self._put_commitment(answers.commitment)
                changes.append(Change("commitment", old_text, answers.commitment))
        return changes


class Draft:
    """A reflection being typed: the whole answer so far is saved after each line.

    The first line creates the entry (or, amending, replaces the earlier
    reflection, whose version the store keeps); each later line grows it.
    """

    def __init__(self, session: ReviewSession, prompt_id: str | None, replacing: Entry | None):
        self.session = session
        self.prompt_id = prompt_id
        self.replacing = replacing
        self.entry_id: str | None = None

    def save(self, text: str) -> None:
        body = text.strip()
        if not body:
            return
        store = self.session.store
        with self.session._write() as now:
            if self.entry_id is not None:
                store.grow_entry(self.entry_id, body, tags_in(body), now.utc)
            elif self.replacing is not None:
                store.update_entry(self.replacing.id, body, tags_in(body), now.utc)
                self.entry_id = self.replacing.id
            else:
                # The entry belongs to the reviewed week, even when backfilled later.
                week = self.session.week
                in_week = Stamp(now.utc, weeks.week_start(week).isoformat(), week)
                entry = new_entry(
                    "review",
                    body,
                    in_week,
                    tags=tags_in(body),
                    prompt_id=self.prompt_id,
                    review_id=self.session.review_id,
                )
                store.insert_entry(entry)
                self.entry_id = entry.id


def _moment(utc: str) -> str:
    """A stored UTC time as people read it: ``2026-11-20 08:55 UTC``."""
    return utc.replace("T", " ")[:16] + " UTC" if "T" in utc else utc


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _follow_up_text(outcome: FollowUpOutcome, note: str | None) -> str:
    word = outcome.replace("_", " ")
    return f"{word}: {note}" if note else word
