"""Looking back further than a week: the monthly and quarterly look-back,
what goes with a good week, and this week last year.

The goals guide's rhythm is a weekly sync, a monthly deep dive and a
quarterly review. The first review of a month offers a short look-back at
the month before it (its 4–5 weeks: trend, follow-through, wins, goals, one
question about the pattern); the first review of a quarter a longer one at
the quarter before (its grid path, lasting imbalances, goals to recalibrate,
and an earlier hard week beside this one: capacity grows, it is not a fixed
trait). Each is offered once; done or set aside, it is remembered, and
``review --look-back`` does it at any time.

A week belongs to the month (and quarter) of its Thursday, as ISO weeks
belong to years, so every month has 4 or 5 whole weeks and no week two months.

Takes a store and a clock; never prints, prompts or reads the environment.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from leadjournal import messages, weeks
from leadjournal.clock import Clock, Stamp, stamp
from leadjournal.errors import BadInput, NotFound
from leadjournal.models import (
    Entry,
    GoalProgress,
    LookBackKind,
    LookBackMark,
    LookBackStatus,
    Model,
)
from leadjournal.records import new_entry, new_id, tags_in

if TYPE_CHECKING:
    from leadjournal.insights import Episode, FollowThrough, Trends, WeekRatings
    from leadjournal.patterns import Feature, Pattern, PatternWeek
    from leadjournal.store import Store

KINDS: tuple[LookBackKind, ...] = ("month", "quarter")
QUARTER_STARTS = (1, 4, 7, 10)
# A period with fewer reviewed weeks than this has nothing to look back at.
MIN_REVIEWED = 2
# Patterns are looked for over at most this many weeks before the period's end.
PATTERN_WEEKS = 52
MAX_WINS = 5
# "This week last year": the line shown is cut to this many characters.
LAST_YEAR_CHARS = 100

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# -- periods --------------------------------------------------------------------


class Period(Model):
    """A month or a quarter, and the ISO weeks that belong to it."""

    kind: LookBackKind
    label: str  # "2026-11" or "2026-Q4": what the journal remembers
    title: str  # "November 2026" or "Q4 2026": what the leader reads
    weeks: list[str]


def _thursday(week: str) -> date:
    return weeks.week_start(week) + timedelta(days=3)


def month_of(week: str) -> tuple[int, int]:
    """The (year, month) a week belongs to: its Thursday's."""
    thursday = _thursday(week)
    return thursday.year, thursday.month


def _weeks_where(first_day: date, belongs: Callable[[str], bool]) -> list[str]:
    """The consecutive weeks, from about ``first_day`` on, that ``belongs`` accepts."""
    found: list[str] = []
    week = weeks.week_of(first_day - timedelta(days=7))
    for _ in range(16):
        if belongs(week):
            found.append(week)
        elif found:
            break
        week = weeks.shift(week, 1)
    return found


def _quarter_of(week: str) -> tuple[int, int]:
    year, month = month_of(week)
    return year, (month - 1) // 3 + 1


def month_period(year: int, month: int) -> Period:
    return Period(
        kind="month",
        label=f"{year}-{month:02d}",
        title=f"{_MONTHS[month - 1]} {year}",
        weeks=_weeks_where(date(year, month, 1), lambda w: month_of(w) == (year, month)),
    )


def quarter_period(year: int, quarter: int) -> Period:
    first = date(year, 3 * quarter - 2, 1)
    return Period(
        kind="quarter",
        label=f"{year}-Q{quarter}",
        title=f"Q{quarter} {year}",
        weeks=_weeks_where(first, lambda w: _quarter_of(w) == (year, quarter)),
    )


def period_before(kind: LookBackKind, week: str) -> Period:
    """The month (or quarter) before the one ``week`` belongs to."""
    year, month = month_of(week)
    if kind == "month":
        return month_period(year - 1, 12) if month == 1 else month_period(year, month - 1)
    quarter = (month - 1) // 3 + 1
    return quarter_period(year - 1, 4) if quarter == 1 else quarter_period(year, quarter - 1)


def kind_for(week: str) -> LookBackKind:
    """A quarter's first month looks back at the quarter; any other month at its month."""
    return "quarter" if month_of(week)[1] in QUARTER_STARTS else "month"


def parse_kind(value: str) -> LookBackKind:
    normal = value.strip().lower()
    for kind in KINDS:
        if normal in (kind, f"{kind}ly"):
            return kind
    raise BadInput(
        messages.LOOK_BACK_BAD_KIND.format(value=value), messages.LOOK_BACK_BAD_KIND_HINT
    )


# -- what the look-back shows ------------------------------------------------------


class LookBackWin(Model):
    week: str
    text: str
    by: str | None = None


class PathStep(Model):
    """A run of consecutive reviewed weeks in one grid style."""

    style: str
    first: str
    last: str
    weeks: int


class SetbackNote(Model):
    """A hard week from before, in the leader's own words then."""

    week: str
    text: str


@dataclass
class LookBack:
    """Everything one look-back shows, and the one question it asks."""

    period: Period
    trends: Trends
    reviewed: int
    follow_through: FollowThrough
    wins: list[LookBackWin] = field(default_factory=list)
    goals: list[GoalProgress] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    question: str = ""
    # The quarter's extras.
    path: list[PathStep] = field(default_factory=list)
    episodes: list[Episode] = field(default_factory=list)
    recalibrate: list[GoalProgress] = field(default_factory=list)
    setback: SetbackNote | None = None
    mark: LookBackMark | None = None


class LookBacks:
    """The monthly and quarterly look-backs of one journal."""

    def __init__(self, store: Store, clock: Clock, people: Collection[str] = ()) -> None:
        self.store = store
        self.clock = clock
        # Tags that name a person on the roster (lower-case), worded as people.
        self.people = frozenset(people)

    def now(self) -> Stamp:
        return stamp(self.clock)

    def due(self, week: str) -> Period | None:
        """The look-back a review of ``week`` offers, if any.

        Only for a week being reviewed now (this week or last): backfilling an
        old week is no moment for a look-back. Offered until it is done or set
        aside, so a month's first review offers it, and the next one if the
        first was never finished.
        """
        current = self.now().week
        if week < weeks.shift(current, -1) or week > current:
            return None
        period = period_before(kind_for(week), week)
        if self.store.get_look_back(period.kind, period.label) is not None:
            return None
        if len(self._reviewed(period)) < MIN_REVIEWED:
            return None
        return period

    def period(self, kind: LookBackKind, week: str | None = None) -> Period:
        """The month or quarter before the one ``week`` (default: this week) is in."""
        return period_before(kind, week or self.now().week)

    def _reviewed(self, period: Period) -> list[WeekRatings]:
        from leadjournal import trendbook

        inside = set(period.weeks)
        return [w for w in trendbook.rated_weeks(self.store, period.weeks[-1]) if w.week in inside]

    def build(self, period: Period) -> LookBack:
        """The look-back at ``period``; NotFound when none of its weeks was reviewed."""
        from leadjournal import insights, trendbook
        from leadjournal.goalbook import GoalBook

        end = period.weeks[-1]
        history = trendbook.rated_weeks(self.store, end)
        inside = set(period.weeks)
        reviewed = [w for w in history if w.week in inside]
        if not reviewed:
            raise NotFound(
                messages.LOOK_BACK_NOTHING.format(title=period.title),
                messages.LOOK_BACK_NOTHING_HINT,
            )
        current = self.now().week
        trends = trendbook.trends(self.store, len(period.weeks), end)
        made = self.store.commitments_made_in(period.weeks)
        follow = insights.follow_through(
            [insights.CommitmentState(status=c.status, due_week=c.due_week) for c in made],
            current,
        )
        wins = [
            LookBackWin(week=r.week, text=r.win, by=r.win_by)
            for r in self.store.reviews_in_weeks(period.weeks)
            if r.win
        ][-MAX_WINS:]
        goals = GoalBook(self.store, self.clock).summaries("open")
        pattern_weeks = weeks.last_weeks(end, PATTERN_WEEKS)
        look = LookBack(
            period=period,
            trends=trends,
            reviewed=len(reviewed),
            follow_through=follow,
            wins=wins,
            goals=goals,
            patterns=self.patterns(pattern_weeks),
            mark=self.store.get_look_back(period.kind, period.label),
        )
        if period.kind == "quarter":
            look.path = grid_path(reviewed)
            look.episodes = insights.lasting_episodes(history, period.weeks)
            look.recalibrate = [g for g in goals if g.status in ("at_risk", "off_track")]
            look.setback = self._setback(history, period)
        look.question = question(look)
        return look

    def patterns(self, shown: Sequence[str]) -> list[Pattern]:
        """What goes with a good week, over the reviewed weeks among ``shown``."""
        from leadjournal import patterns

        return patterns.find_patterns(self.pattern_weeks(shown))

    def pattern_weeks(self, shown: Sequence[str]) -> list[PatternWeek]:
        """Each reviewed week among ``shown``: its ratings, and what it had in it
        (tags and @mentions written that week, goals checked in on, extra
        dimensions rated high)."""
        from leadjournal import patterns

        if not shown:
            return []
        reviews = [
            r
            for r in self.store.reviews_in_weeks(list(shown))
            if r.results is not None and r.relationships is not None
        ]
        if len(reviews) < patterns.MIN_WEEKS:
            return []
        features: dict[str, list[patterns.Feature]] = {}
        for week, tag in self.store.tags_by_week([r.week for r in reviews]):
            features.setdefault(week, []).extend(self._tag_features([tag]))
        for review in reviews:
            texts = [review.win or "", review.win_by or ""]
            commitment = self.store.commitment_for_review(review.id)
            if commitment is not None:
                texts.append(commitment.text)
            for text in texts:
                features.setdefault(review.week, []).extend(self._tag_features(tags_in(text)))
        reviewed = {r.week for r in reviews}
        for goal in self.store.goals():
            for checkin in goal.checkins:
                if checkin.week in reviewed:
                    feature = patterns.Feature(kind="goal", name=goal.title)
                    features.setdefault(checkin.week, []).append(feature)
        ratings = [
            (
                r.week,
                {"results": r.results or 0, "relationships": r.relationships or 0, **r.extra},
            )
            for r in reviews
        ]
        found = patterns.weeks_from(ratings, features)
        dimensions = sorted({name for r in reviews for name in r.extra})
        return patterns.with_dimension_features(found, dimensions)[0]

    def _tag_features(self, tags: Sequence[str]) -> list[Feature]:
        from leadjournal.patterns import Feature

        return [Feature(kind="person" if t in self.people else "tag", name=t) for t in tags]

    def _setback(self, history: Sequence[WeekRatings], period: Period) -> SetbackNote | None:
        """The latest hard week before the period with a reflection; else the
        earliest one inside it that is not its last week."""
        from leadjournal import insights

        hard = [w.week for w in history if insights.is_setback(history, w.week)]
        before = [w for w in hard if w < period.weeks[0]][::-1]
        inside = [w for w in hard if w in period.weeks[:-1]]
        for week in [*before, *inside]:
            text = self._words_of(week)
            if text is not None:
                return SetbackNote(week=week, text=text)
        return None

    def _words_of(self, week: str) -> str | None:
        entries = self.store.entries_in_weeks([week])
        for kind in ("review", "reflection"):
            for entry in entries:
                if entry.kind == kind and entry.title is None:
                    return entry.body
        return None

    # -- saving --------------------------------------------------------------------

    def answer(self, period: Period) -> LookBackAnswer:
        """An answer being typed: saved whole after each line, as an entry."""
        return LookBackAnswer(self, period)

    def mark(
        self, period: Period, status: LookBackStatus, entry_id: str | None = None
    ) -> LookBackMark:
        """Remember a look-back as done or set aside (done stays done)."""
        now = self.now()
        mark = LookBackMark(
            id=new_id(),
            kind=period.kind,
            period=period.label,
            status=status,
            week=now.week,
            entry_id=entry_id,
            updated_at=now.utc,
        )
        with self.store.transaction():
            self.store.put_look_back(mark)
            saved = self.store.get_look_back(period.kind, period.label)
        assert saved is not None
        return saved

    def record(self, period: Period, text: str) -> Entry:
        """A whole answer at once (from ``--reflection``); the look-back is done."""
        draft = self.answer(period)
        draft.save(text)
        if draft.entry_id is None:
            raise BadInput(messages.EMPTY_TEXT.format(what="answer"), messages.EMPTY_TEXT_HINT)
        return self.store.get_entry(draft.entry_id)


def entry_title(period: Period) -> str:
    return messages.LOOK_BACK_ENTRY_TITLE.format(title=period.title)


class LookBackAnswer:
    """The look-back's answer: the first line creates the entry and marks the
    look-back done; each later line grows it."""

    def __init__(self, book: LookBacks, period: Period) -> None:
        self.book = book
        self.period = period
        self.entry_id: str | None = None

    def save(self, text: str) -> None:
        body = text.strip()
        if not body:
            return
        store = self.book.store
        now = self.book.now()
        with store.transaction():
            if self.entry_id is not None:
                store.grow_entry(self.entry_id, body, tags_in(body), now.utc)
                return
            entry = new_entry("reflection", body, now, tags=tags_in(body))
            entry = entry.model_copy(update={"title": entry_title(self.period)})
            store.insert_entry(entry)
            self.entry_id = entry.id
            self.book.mark(self.period, "done", entry.id)


# -- pieces --------------------------------------------------------------------------


def grid_path(reviewed: Sequence[WeekRatings]) -> list[PathStep]:
    """The reviewed weeks' grid styles in order, a run of one style as one step."""
    from leadjournal import insights

    path: list[PathStep] = []
    for item in sorted(reviewed, key=lambda w: w.week):
        style = insights.grid_style(item.results, item.relationships)
        if path and path[-1].style == style:
            last = path[-1]
            path[-1] = PathStep(style=style, first=last.first, last=item.week, weeks=last.weeks + 1)
        else:
            path.append(PathStep(style=style, first=item.week, last=item.week, weeks=1))
    return path


def question(look: LookBack) -> str:
    """The one question a look-back asks, about the pattern it shows."""
    from leadjournal import insights

    if look.period.kind == "quarter" and look.setback is not None:
        return messages.LOOK_BACK_Q_CAPACITY.format(week=look.setback.week)
    leaning: dict[str, int] = {"results": 0, "relationships": 0}
    for row in look.trends.weeks:
        if row.lean is not None:
            toward = insights.lean_toward(row.lean)
            if toward is not None and abs(row.lean) >= insights.LASTING_LEAN:
                leaning[toward] += 1
    side, count = max(leaning.items(), key=lambda item: (item[1], item[0]))
    if count * 2 > look.reviewed:
        other = "relationships" if side == "results" else "results"
        return messages.LOOK_BACK_Q_LEAN.format(
            count=count, reviewed=look.reviewed, side=side, other=other
        )
    rate = look.follow_through.rate
    if rate is not None and look.follow_through.assessed >= 2 and rate < 0.5:
        return messages.LOOK_BACK_Q_FOLLOW.format(
            done=look.follow_through.done, assessed=look.follow_through.assessed
        )
    if look.patterns:
        first = look.patterns[0]
        more = "higher" if first.difference > 0 else "lower"
        words = feature_words(first.feature)
        return messages.LOOK_BACK_Q_PATTERN.format(
            feature=words[:1].upper() + words[1:], more=more, axis=first.axis
        )
    return messages.LOOK_BACK_Q_PLAIN.format(count=look.reviewed)


def feature_words(feature: Feature) -> str:
    """How a feature is named in a sentence: ``weeks tagged @hiring``."""
    if feature.kind == "tag":
        return messages.PATTERN_TAG.format(name=feature.name)
    if feature.kind == "person":
        return messages.PATTERN_PERSON.format(name=feature.name)
    if feature.kind == "goal":
        return messages.PATTERN_GOAL.format(name=feature.name)
    return messages.PATTERN_DIMENSION.format(name=feature.name, level=feature.level)


def pattern_line(pattern: Pattern) -> str:
    """One pattern as a sentence, with its counts: never a cause."""
    words = feature_words(pattern.feature)
    return messages.PATTERN_LINE.format(
        feature=words[:1].upper() + words[1:],
        axis=pattern.axis,
        inside=f"{pattern.with_average:.1f}",
        outside=f"{pattern.without_average:.1f}",
        n=pattern.weeks_with,
        total=pattern.weeks,
    )


# -- this week last year ------------------------------------------------------------


class LastYear(Model):
    """One line from the same ISO week a year earlier."""

    week: str
    text: str


def same_week_last_year(week: str) -> str:
    """The ISO week with the same number a year earlier (W53 falls back to W52)."""
    year, number = int(week[:4]), int(week[6:])
    for candidate in (number, number - 1):
        try:
            return weeks.parse_week(f"{year - 1}-W{candidate:02d}")
        except BadInput:
            continue
    return weeks.parse_week(f"{year - 1}-W52")


def last_year(store: Store, week: str) -> LastYear | None:
    """The week a year before: its reflection, else its win, else its first
    entry, as one line; None when the journal has nothing from then."""
    then = same_week_last_year(week)
    text: str | None = None
    entries = store.entries_in_weeks([then])
    for kind in ("review", "reflection", "prompt", "exercise"):
        text = next((e.body for e in entries if e.kind == kind), None)
        if text:
            break
    if not text:
        review = store.get_review(then)
        text = review.win if review is not None else None
    if not text:
        return None
    line = " ".join(text.split())
    if len(line) > LAST_YEAR_CHARS:
        line = line[: LAST_YEAR_CHARS - 1].rstrip() + "…"
    return LastYear(week=then, text=line)
