"""Choosing what to ask a leader this week, from the loaded prompt packs.

The rules of DESIGN.md, in order: a lasting imbalance first, then the other
side of a lean, a self-compassion prompt after a setback, otherwise a theme
rotated by week. Choice is deterministic: the same library, context and seed
give the same prompts, so a resumed review shows the same question and tests
can rely on it. Nothing here prints, reads the environment or looks at the
clock.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from leadjournal import messages
from leadjournal.errors import BadInput, NotFound
from leadjournal.prompts import CADENCES, THEMES, Library, Prompt
from leadjournal.weeks import week_start

Side = Literal["results", "relationships"]


@dataclass(frozen=True)
class SelectionContext:
    """What the review knows about this leader's week when choosing prompts."""

    week: str  # ISO week of the review, "2026-W47"
    lean_toward: Side | None  # this week's lean when |lean| >= 2
    lasting_toward: Side | None  # a lasting imbalance, if any
    setback: bool  # a low or falling rating, or a dropped commitment
    recently_answered: frozenset[str] = frozenset()  # never asked again
    # Answered a little longer ago (within REST_WEEKS): asked only when every
    # other prompt a rule could ask was answered more recently still.
    asked_lately: frozenset[str] = frozenset()


# A prompt rests this many weeks after it is answered when the packs have
# others that fit; the no-repeat window itself is shorter (the journal's
# RECENT_PROMPT_WEEKS), so a small user pack still gets asked.
REST_WEEKS = 10


def cadences_for_week(week: str) -> frozenset[str]:
    """Which cadences a review of ``week`` may ask.

    Weekly prompts always. A month's first week — the one holding the
    month's first Monday, so every month has exactly one — also allows
    monthly prompts, and the first week of a quarter quarterly ones too.
    """
    monday = week_start(week)
    if monday.day > 7:
        return frozenset({"weekly"})
    if monday.month in (1, 4, 7, 10):
        return frozenset(CADENCES)
    return frozenset({"weekly", "monthly"})


def theme_of_week(week: str) -> str:
    """The rotation theme for a week; consecutive weeks never share one."""
    week_number = week_start(week).toordinal() // 7
    return THEMES[week_number % len(THEMES)]


def choose_prompts(
    library: Library, context: SelectionContext, *, count: int = 1, seed: int | None = None
) -> list[Prompt]:
    """Up to ``count`` prompts for a weekly review, most pressing first.

    The rules, in order: a lasting imbalance asks about itself
    (fits ``lasting-imbalance``); a lean asks from the other side
    (fits ``lean-results`` or ``lean-relationships``); a setback brings a
    self-compassion prompt (fits ``setback``); otherwise rotate through the
    themes (fits ``any``, starting from the week's theme). Each rule that
    applies gives one prompt first, so a lean and a setback in the same week
    are both heard; remaining places are then filled from the rules in the
    same order, then from any other allowed prompt. A prompt answered
    recently, or of a cadence the week does not allow, is never chosen.

    ``seed=None`` derives the seed from the week, so a resumed review shows
    the same prompts; an explicit seed is mixed with the week for the same
    reason.
    """
    allowed = cadences_for_week(context.week)
    links = similar_links(library)
    recent = _with_similar(context.recently_answered, links)
    lately = _with_similar(context.asked_lately, links)
    eligible = [
        prompt
        for prompt_id, prompt in sorted(library.prompts.items())
        if prompt_id not in recent and prompt.cadence in allowed
    ]
    rng = random.Random(_seed_value(context.week, seed))

    def rested(prompt: Prompt) -> bool:
        return prompt.id not in lately

    rules = _rule_buckets(eligible, context, rng, rested)
    rotation = _rotation_bucket(eligible, context.week, rng, rested)
    rest = _shuffled(eligible, rng, rested=rested)

    chosen: list[Prompt] = []
    picked: set[str] = set()

    def take(bucket: list[Prompt], limit: int) -> None:
        for prompt in bucket:
            if len(chosen) >= count or limit <= 0:
                return
            if prompt.id not in picked:
                chosen.append(prompt)
                # Two of a kind are never asked in the same week either.
                picked.update({prompt.id, *links.get(prompt.id, ())})
                limit -= 1

    for bucket in rules:
        take(bucket, 1)
    for bucket in [*rules, rotation, rest]:
        take(bucket, count)
    return chosen


def similar_links(library: Library) -> dict[str, frozenset[str]]:
    """Each prompt's near-duplicates, both ways: a link named on either side counts."""
    links: dict[str, set[str]] = {}
    for prompt in library.prompts.values():
        for other in prompt.similar_to:
            if other in library.prompts and other != prompt.id:
                links.setdefault(prompt.id, set()).add(other)
                links.setdefault(other, set()).add(prompt.id)
    return {key: frozenset(value) for key, value in links.items()}


def _with_similar(ids: frozenset[str], links: dict[str, frozenset[str]]) -> frozenset[str]:
    return ids.union(*(links.get(prompt_id, frozenset()) for prompt_id in ids))


def _rule_buckets(
    eligible: list[Prompt],
    context: SelectionContext,
    rng: random.Random,
    rested: Callable[[Prompt], bool],
) -> list[list[Prompt]]:
    buckets: list[list[Prompt]] = []
    if context.lasting_toward is not None:
        # Lasting-imbalance prompts that also ask from the neglected side go
        # first; those that ask only from the side already leaned on are left out.
        side_fit = f"lean-{context.lasting_toward}"
        other_fit = (
            "lean-results" if context.lasting_toward == "relationships" else ("lean-relationships")
        )
        lasting = [
            p
            for p in eligible
            if "lasting-imbalance" in p.fits and (side_fit in p.fits or other_fit not in p.fits)
        ]
        buckets.append(_shuffled(lasting, rng, prefer=lambda p: side_fit in p.fits, rested=rested))
    if context.lean_toward is not None:
        lean_fit = f"lean-{context.lean_toward}"
        buckets.append(_shuffled([p for p in eligible if lean_fit in p.fits], rng, rested=rested))
    if context.setback:
        buckets.append(_shuffled([p for p in eligible if "setback" in p.fits], rng, rested=rested))
    return buckets


def _rotation_bucket(
    eligible: list[Prompt], week: str, rng: random.Random, rested: Callable[[Prompt], bool]
) -> list[Prompt]:
    """Rotation prompts, the week's theme first, then the themes that follow it.

    A prompt with several themes appears under each; the later copies are
    skipped when chosen, so it only counts where it first appears.
    """
    start = THEMES.index(theme_of_week(week))
    order = THEMES[start:] + THEMES[:start]
    rotation = [p for p in eligible if "any" in p.fits]
    bucket: list[Prompt] = []
    for theme in order:
        bucket.extend(_shuffled([p for p in rotation if theme in p.themes], rng, rested=rested))
    return bucket


_CADENCE_RANK = {"quarterly": 0, "monthly": 1, "weekly": 2}


def _shuffled(
    bucket: Sequence[Prompt],
    rng: random.Random,
    prefer: Callable[[Prompt], bool] | None = None,
    rested: Callable[[Prompt], bool] | None = None,
) -> list[Prompt]:
    """The bucket in seeded random order: rested prompts first, then within
    them the preferred ones.

    A prompt answered lately (see ``REST_WEEKS``) goes to the back, so a rule
    with enough prompts never repeats one sooner than that; a rule short of
    prompts still asks. Longer-cadence prompts come next in the weeks that
    allow them: those weeks are their only chance to be asked. The sort is
    stable, so the shuffle still decides within each rank.
    """
    shuffled = list(bucket)
    rng.shuffle(shuffled)
    shuffled.sort(
        key=lambda p: (
            rested is not None and not rested(p),
            prefer is not None and not prefer(p),
            _CADENCE_RANK[p.cadence],
        )
    )
    return shuffled


def _seed_value(week: str, seed: int | None) -> int:
    # hashlib, not hash(): str hashing is salted per process.
    digest = hashlib.sha256(f"{week}|{seed}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def pick_prompt(
    library: Library,
    *,
    theme: str | None = None,
    source: str | None = None,
    seed: int | None = None,
    exclude: frozenset[str] = frozenset(),
) -> Prompt:
    """One prompt for an ad-hoc ``leadjournal prompt``, of any cadence.

    ``theme`` also accepts hyphens for spaces (``psychological-safety``);
    ``source`` matches any part of an article title, ignoring case.
    ``seed=None`` gives a fresh choice each time.
    """
    wanted_theme = _normalise_theme(theme) if theme is not None else None
    wanted_source = source.strip().lower() if source is not None else None
    candidates = [
        prompt
        for prompt_id, prompt in sorted(library.prompts.items())
        if prompt_id not in exclude
        and (wanted_theme is None or wanted_theme in prompt.themes)
        and (wanted_source is None or wanted_source in prompt.source.lower())
    ]
    if not candidates:
        raise NotFound(
            messages.NO_PROMPT_MATCHES.format(what=_describe_filter(theme, source)),
            messages.NO_PROMPT_MATCHES_HINT.format(themes=", ".join(THEMES)),
        )
    return random.Random(seed).choice(candidates)


def _normalise_theme(theme: str) -> str:
    normal = " ".join(theme.strip().lower().replace("_", " ").split())
    if normal in THEMES:
        return normal
    spaced = normal.replace("-", " ")
    if spaced in THEMES:
        return spaced
    raise BadInput(
        messages.UNKNOWN_THEME.format(value=theme),
        messages.THEMES_HINT.format(themes=", ".join(THEMES)),
    )


def _describe_filter(theme: str | None, source: str | None) -> str:
    parts = []
    if theme is not None:
        parts.append(messages.PROMPT_FILTER_THEME.format(theme=theme))
    if source is not None:
        parts.append(messages.PROMPT_FILTER_SOURCE.format(source=source))
    return messages.PROMPT_FILTER_JOIN.join(parts) or messages.NO_PROMPT_FILTER
