"""The record: reading a week whole, correcting an item, and getting it back.

What ``show WEEK``, ``show ID --history``, ``edit``, ``delete`` and
``restore`` do, on a store and a clock. The versions themselves are kept by
the store's own destructive methods (``store/history.py``); this module names
what a leader typed (an id, a week, a deleted item's id) and builds the pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from leadjournal import messages, weeks
from leadjournal.clock import Clock, stamp
from leadjournal.errors import Ambiguous, BadInput, Conflict, NotFound
from leadjournal.models import (
    CheckIn,
    Commitment,
    Entry,
    ExerciseRun,
    FollowUp,
    Person,
    Review,
    Version,
)
from leadjournal.records import require_text, tags_in
from leadjournal.store import IdTable, Store

if TYPE_CHECKING:
    from leadjournal.insights import Imbalance, WeekRatings
    from leadjournal.lookback import LastYear
    from leadjournal.prompts import Library

TargetKind = Literal["entry", "commitment", "review", "week", "person"]

# An id is hex and dashes; a date (2026-11-18) is too, but no id has a dash
# in its fifth place, so the two never meet.
_ID_RE = re.compile(r"^[0-9a-fA-F-]+$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A text that starts like a year or names a week or day was meant as one.
_MEANT_AS_TIME = re.compile(r"^\d{4}|week|day", re.IGNORECASE)


@dataclass(frozen=True)
class Target:
    """What a leader named: an item (live or only kept) or a week."""

    kind: TargetKind
    id: str  # the item's full id; for a week, the week
    week: str
    live: bool = True


@dataclass(frozen=True)
class PromptInfo:
    id: str
    text: str | None
    source: str | None


@dataclass(frozen=True)
class Reflection:
    entry: Entry
    prompt: PromptInfo | None


@dataclass(frozen=True)
class FollowedUp:
    commitment: Commitment
    follow_up: FollowUp


@dataclass(frozen=True)
class WeekPage:
    """One week as it stands, everything in it: what ``show WEEK`` prints."""

    week: str
    review: Review
    lean: int | None
    style: str | None
    toward: str | None
    imbalance: Imbalance
    follow_ups: list[FollowedUp] = field(default_factory=list)
    reflections: list[Reflection] = field(default_factory=list)
    commitment: Commitment | None = None
    checkins: list[CheckIn] = field(default_factory=list)
    exercise_runs: list[ExerciseRun] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    last_year: LastYear | None = None  # one line from the same week a year earlier

    def as_json(self) -> dict[str, Any]:
        """The page in the export's field names."""
        return {
            "week": self.week,
            "start": weeks.week_start(self.week).isoformat(),
            "end": weeks.week_end(self.week).isoformat(),
            "review": self.review.model_dump(mode="json"),
            "lean": self.lean,
            "style": self.style,
            "toward": self.toward,
            "imbalance": self.imbalance.model_dump(mode="json"),
            "follow_ups": [
                {
                    **f.follow_up.model_dump(mode="json"),
                    "commitment": f.commitment.model_dump(mode="json", exclude={"follow_ups"}),
                }
                for f in self.follow_ups
            ],
            "reflections": [
                {
                    **r.entry.model_dump(mode="json"),
                    "prompt": None
                    if r.prompt is None
                    else {"id": r.prompt.id, "text": r.prompt.text, "source": r.prompt.source},
                }
                for r in self.reflections
            ],
            "commitment": None
            if self.commitment is None
            else self.commitment.model_dump(mode="json"),
            "checkins": [c.model_dump(mode="json") for c in self.checkins],
            "exercise_runs": [r.model_dump(mode="json") for r in self.exercise_runs],
            "entries": [e.model_dump(mode="json") for e in self.entries],
            "last_year": None if self.last_year is None else self.last_year.model_dump(),
        }


@dataclass(frozen=True)
class History:
    """An item (or a week) now, and its kept versions, newest first."""

    target: Target
    current: Entry | Commitment | Review | Person | None
    versions: list[Version]

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.target.kind,
            "id": self.target.id,
            "week": self.target.week,
            "current": None if self.current is None else self.current.model_dump(mode="json"),
            "versions": [v.model_dump(mode="json") for v in self.versions],
        }


@dataclass(frozen=True)
class Editable:
    """An item opened for editing: its text as the editor shows it."""

    kind: Literal["entry", "commitment", "review"]
    id: str
    text: str


@dataclass(frozen=True)
class Restored:
    target: Target
    version: Version


class Record:
    def __init__(
        self, store: Store, clock: Clock, packs: Callable[[], Library] | None = None
    ) -> None:
        self.store = store
        self.clock = clock
        # Loaded only for a week's page (its prompts' questions and sources).
        self._packs = packs
        store.clock = clock

    # -- naming ------------------------------------------------------------

    def week_of(self, text: str) -> str:
        """A week from any accepted form; a malformed one is bad input."""
        return weeks.parse_week_or_day(text, self.clock.now().date())

    def target(self, text: str, *, weeks_allowed: bool = True) -> Target:
        """The item or week ``text`` names: an id prefix (live or kept) or a week."""
        cleaned = text.strip()
        if not _ID_RE.match(cleaned) or _DATE_RE.match(cleaned):
            if not weeks_allowed:
                raise NotFound(messages.NOT_FOUND.format(noun="entry", id=text), messages.ID_HINT)
            try:
                week = self.week_of(cleaned)
            except BadInput:
                if _MEANT_AS_TIME.search(cleaned):
                    raise  # meant as a date or a week: its own message says what is off
                raise BadInput(
                    messages.NOT_ID_OR_WEEK.format(value=text), messages.NOT_ID_OR_WEEK_HINT
                ) from None
            return Target("week", week, week)
        found: dict[str, TargetKind] = {}
        tables: tuple[tuple[IdTable, TargetKind], ...] = (
            ("reviews", "review"),
            ("commitments", "commitment"),
            ("entries", "entry"),
        )
        for table, kind in tables:
            try:
                full = self.store.resolve_id(table, cleaned, kind)
            except NotFound:
                continue
            except Ambiguous:
                raise
            # An exercise run's entry and commitment share its id: the entry leads.
            found[full] = kind
        if len(found) > 1:
            candidates = sorted(identifier[:12] for identifier in found)
            raise Ambiguous(
                messages.AMBIGUOUS.format(noun="item", id=text, candidates=", ".join(candidates)),
                messages.AMBIGUOUS_HINT,
                candidates,
            )
        if found:
            full, kind = next(iter(found.items()))
            return Target(kind, full, self._week_of_item(kind, full))
        kept = self.store.find_versioned(cleaned)
        if kept is None:
            raise NotFound(messages.NOT_FOUND.format(noun="item", id=text), messages.ID_HINT)
        what, full = kept
        if what == "version":
            version = self.store.get_version(full)
            return Target(version.kind, version.item_id, version.week, live=False)
        version = self.store.versions_of(full)[0]
        return Target(version.kind, full, version.week, live=False)

    def _week_of_item(self, kind: TargetKind, item_id: str) -> str:
        if kind == "entry":
            return self.store.get_entry(item_id).week
        if kind == "commitment":
            return self.store.get_commitment(item_id).week
        review = self.store.review_by_id(item_id)
        assert review is not None
        return review.week

    def show(self, text: str) -> Entry | Commitment | WeekPage:
        """What ``show`` prints: an entry, a commitment, or a week (by week or review id)."""
        target = self.target(text)
        if not target.live:
            raise NotFound(messages.ALREADY_DELETED.format(id=target.id[:8]), messages.RESTORE_HINT)
        if target.kind == "entry":
            return self.store.get_entry(target.id)
        if target.kind == "commitment":
            return self.store.get_commitment(target.id)
        return self.week_page(target.week)

    # -- a week whole --------------------------------------------------------

    def week_page(self, text: str) -> WeekPage:
        """Everything in one week's review and the week around it."""
        from leadjournal import insights
        from leadjournal.lookback import last_year

        target = self.target(text)
        if target.kind not in ("week", "review") or not target.live:
            raise BadInput(
                messages.NOT_A_WEEK.format(value=text, kind=target.kind), messages.NOT_A_WEEK_HINT
            )
        week = target.week
        review = self.store.get_review(week)
        if review is None:
            self._no_review(week)
        assert review is not None
        with self.store.snapshot():
            lean = style = toward = None
            if review.results is not None and review.relationships is not None:
                lean = insights.lean(review.results, review.relationships)
                style = insights.grid_style(review.results, review.relationships)
                toward = insights.lean_toward(lean)
            followed = [
                FollowedUp(commitment=c, follow_up=f)
                for c in self.store.commitments_followed_up_in(week)
                for f in c.follow_ups
                if f.week == week
            ]
            entries = self.store.entries_in_weeks([week])
            reflections = [
                Reflection(entry=e, prompt=self._prompt(e.prompt_id))
                for e in entries
                if e.kind == "review" and e.review_id == review.id
            ]
            free = [e for e in entries if e not in [r.entry for r in reflections]]
            runs = self.store.exercise_runs_in_week(week)
            run_ids = {run.id for run in runs}
            return WeekPage(
                week=week,
                review=review,
                lean=lean,
                style=style,
                toward=toward,
                imbalance=insights.imbalance(self._rated(week)),
                follow_ups=followed,
                reflections=reflections,
                commitment=self.store.commitment_for_review(review.id),
                checkins=self.store.checkins_in_week(week),
                exercise_runs=runs,
                # A finished run's entry repeats its answers, shown with the run.
                entries=[e for e in free if not (e.kind == "exercise" and e.id in run_ids)],
                last_year=last_year(self.store, week),
            )

    def _rated(self, week: str) -> list[WeekRatings]:
        """The rated weeks up to this one: the imbalance as it stood that week."""
        from leadjournal.insights import WeekRatings

        return [
            WeekRatings(
                week=r.week, results=r.results, relationships=r.relationships, extra=r.extra
            )
            for r in self.store.rated_reviews(week)
            if r.results is not None and r.relationships is not None
        ]

    def _no_review(self, week: str) -> None:
        kept = self.store.versions_of_week(week)
        hint = (
            messages.WEEK_RESTORE_HINT.format(week=week)
            if kept
            else messages.WEEK_LOG_HINT.format(week=week)
        )
        raise NotFound(messages.WEEK_NOT_REVIEWED.format(week=week), hint)

    def _prompt(self, prompt_id: str | None) -> PromptInfo | None:
        if prompt_id is None:
            return None
        prompt = None if self._packs is None else self._packs().prompts.get(prompt_id)
        if prompt is None:
            return PromptInfo(prompt_id, None, None)
        return PromptInfo(prompt_id, prompt.text, prompt.source)

    # -- history and restore -------------------------------------------------

    def history(self, text: str) -> History:
        target = self.target(text)
        if target.kind == "week":
            review = self.store.get_review(target.week)
            return History(target, review, self.store.versions_of_week(target.week))
        current: Entry | Commitment | Review | Person | None = None
        if target.kind == "person" and self.store.exists("people", target.id):
            current = self.store.get_person(target.id)
        elif target.live:
            if target.kind == "entry":
                current = self.store.get_entry(target.id)
            elif target.kind == "commitment":
                current = self.store.get_commitment(target.id)
            else:
                current = self.store.review_by_id(target.id)
        versions = [v for v in self.store.versions_of(target.id) if v.kind == target.kind]
        if target.kind == "review":
            versions = self.store.versions_of_week(target.week)
        return History(target, current, versions)

    def restore(self, text: str) -> Restored:
        """Bring back the newest kept version of an item or week (or the version named)."""
        cleaned = text.strip()
        version: Version | None = None
        if _ID_RE.match(cleaned) and not _DATE_RE.match(cleaned):
            kept = self.store.find_versioned(cleaned)
            if kept is not None and kept[0] == "version":
                version = self.store.get_version(kept[1])
        target = self.target(text)
        if version is None:
            if target.kind in ("week", "review"):
                versions = self.store.versions_of_week(target.week)
            else:
                versions = [v for v in self.store.versions_of(target.id) if v.kind == target.kind]
            if not versions:
                raise NotFound(
                    messages.NOTHING_TO_RESTORE.format(what=_what(target)),
                    messages.NOTHING_TO_RESTORE_HINT,
                )
            version = versions[0]
        with self.store.transaction():
            self.store.restore_version(version.id)
        return Restored(target, version)

    # -- delete ----------------------------------------------------------------

    def _live(self, text: str) -> Target:
        """The item named, as it stands now; a week is its review, which must exist."""
        target = self.target(text)
        if not target.live:
            raise NotFound(messages.ALREADY_DELETED.format(id=target.id[:8]), messages.RESTORE_HINT)
        if target.kind == "week":
            review = self.store.get_review(target.week)
            if review is None:
                self._no_review(target.week)
            assert review is not None
            return Target("review", review.id, review.week)
        return target

    def deletable(self, text: str) -> Target:
        """What ``delete`` would remove; a week must have a review to delete."""
        return self._live(text)

    def delete(self, target: Target) -> None:
        with self.store.transaction():
            if target.kind == "entry":
                self.store.delete_entry(target.id)
            elif target.kind == "commitment":
                self.store.delete_commitment(target.id)
            else:
                self.store.delete_review(target.id)

    # -- edit ------------------------------------------------------------------

    def editable(self, text: str) -> Editable:
        """An entry's body, a commitment's text, or a review's win and whose effort."""
        target = self._live(text)
        if target.kind == "entry":
            return Editable("entry", target.id, self.store.get_entry(target.id).body)
        if target.kind == "commitment":
            return Editable("commitment", target.id, self.store.get_commitment(target.id).text)
        review = self.store.review_by_id(target.id)
        assert review is not None
        return Editable("review", target.id, win_text(review.win, review.win_by))

    def save_edit(self, item: Editable, text: str) -> bool:
        """Save an edited text; False when nothing changed.

        ``item`` is the text as the editor opened it. The save re-reads the
        item under the write lock: when another command changed it since,
        nothing is written and ``Conflict`` is raised, so one edit never
        silently overwrites another.
        """
        now = stamp(self.clock).utc
        if item.kind == "entry":
            body = require_text(text, "entry")
        elif item.kind == "commitment":
            body = require_text(text, "commitment")
        else:
            win, by = parse_win_text(text)
        with self.store.transaction():
            current = self._current_text(item)
            if text.strip() == item.text.strip():
                return False  # this leader changed nothing: nothing to save or clash with
            if current != item.text:
                raise Conflict(
                    messages.EDIT_CLASH.format(id=item.id[:8]),
                    messages.EDIT_CLASH_HINT.format(id=item.id[:8]),
                )
            if item.kind == "entry":
                entry = self.store.get_entry(item.id)
                if body == entry.body:
                    return False
                # Tags typed in the old text follow the text; tags given with --tag stay.
                kept = [tag for tag in entry.tags if tag not in tags_in(entry.body)]
                self.store.update_entry(item.id, body, sorted({*tags_in(body), *kept}), now)
            elif item.kind == "commitment":
                if body == current:
                    return False
                self.store.set_commitment_text(item.id, body)
            else:
                review = self.store.review_by_id(item.id)
                assert review is not None
                if (win, by) == (review.win, review.win_by):
                    return False
                self.store.update_review(item.id, now, win=win, win_by=by)
        return True

    def _current_text(self, item: Editable) -> str:
        if item.kind == "entry":
            return self.store.get_entry(item.id).body
        if item.kind == "commitment":
            return self.store.get_commitment(item.id).text
        review = self.store.review_by_id(item.id)
        if review is None:
            raise NotFound(messages.ALREADY_DELETED.format(id=item.id[:8]), messages.RESTORE_HINT)
        return win_text(review.win, review.win_by)

    # -- purge -----------------------------------------------------------------

    def kept_versions(self, older_than_days: int | None) -> dict[str, int]:
        return self.store.count_versions(self._cutoff(older_than_days))

    def purge(self, older_than_days: int | None) -> dict[str, int]:
        """Remove kept versions for good, then rewrite the file so none lingers."""
        with self.store.transaction():
            removed = self.store.purge_versions(self._cutoff(older_than_days))
        if removed:
            self.store.compact()
        return removed

    def _cutoff(self, older_than_days: int | None) -> str | None:
        if older_than_days is None:
            return None
        if older_than_days < 0:
            raise BadInput(messages.BAD_DAYS.format(value=older_than_days), messages.BAD_DAYS_HINT)
        from datetime import UTC, timedelta

        moment = self.clock.now().astimezone(UTC) - timedelta(days=older_than_days)
        return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def _what(target: Target) -> str:
    return target.week if target.kind == "week" else f"{target.kind} {target.id[:8]}"


def win_text(win: str | None, by: str | None) -> str:
    """A review's win as the editor shows it: the win, then whose effort on its own line."""
    return f"{win or ''}\n\n{messages.WHOSE_EFFORT_LABEL} {by or ''}\n"


def parse_win_text(text: str) -> tuple[str | None, str | None]:
    """The win and whose effort from the editor's text (see ``win_text``)."""
    label = messages.WHOSE_EFFORT_LABEL.lower()
    lines = text.splitlines()
    by: str | None = None
    kept: list[str] = []
    for line in lines:
        if line.strip().lower().startswith(label):
            by = line.strip()[len(label) :].strip() or None
        else:
            kept.append(line)
    win = "\n".join(kept).strip() or None
    if win is None and by is not None:
        raise BadInput(messages.EMPTY_TEXT.format(what="win"), messages.EMPTY_TEXT_HINT)
    return win, by
