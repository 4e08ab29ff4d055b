"""A simulated year of weekly reviews, choosing prompts as the journal does.

Shared by the test that holds the packs to it and by anyone who wants the
figures: ``python -m tests.prompt_year`` prints them.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from leadjournal import insights, weeks
from leadjournal.prompts import Library, Prompt, load_library
from leadjournal.selection import REST_WEEKS, SelectionContext, choose_prompts, similar_links

RECENT_PROMPT_WEEKS = 6  # as leadjournal.journal
START = "2027-W01"
YEAR = 52

# Each pattern of lean: the (results, relationships) of week n.
PATTERNS: dict[str, Callable[[int], tuple[int, int]]] = {
    "lasting toward results": lambda n: (8, 4),
    "lasting toward relationships": lambda n: (4, 8),
    "lasting toward results, hard weeks": lambda n: (6, 3) if n % 3 else (7, 2),
    "lasting toward relationships, hard weeks": lambda n: (3, 6) if n % 3 else (2, 7),
    "temporary leans, alternating": lambda n: (8, 5) if n % 2 else (5, 8),
    "balanced": lambda n: (6, 6),
}


@dataclass
class Year:
    pattern: str
    count: int
    asked: dict[str, list[int]]  # prompt id -> week numbers it was asked in
    weeks_asked: list[list[Prompt]]
    contexts: list[SelectionContext]

    def min_gap(self) -> int | None:
        gaps = [b - a for times in self.asked.values() for a, b in itertools.pairwise(times)]
        return min(gaps) if gaps else None

    def closest(self) -> tuple[str, int] | None:
        pairs = [
            (prompt_id, b - a)
            for prompt_id, times in self.asked.items()
            for a, b in itertools.pairwise(times)
        ]
        return min(pairs, key=lambda pair: pair[1]) if pairs else None


def simulate(
    library: Library,
    pattern: str | Callable[[int], tuple[int, int]],
    *,
    count: int = 1,
    seed: int | None = None,
) -> Year:
    """A year of weekly reviews rated by ``pattern`` (a name in PATTERNS, or
    week number -> ratings), each chosen prompt answered that week."""
    rate = PATTERNS[pattern] if isinstance(pattern, str) else pattern
    history: list[insights.WeekRatings] = []
    answered: list[tuple[int, str]] = []
    asked: dict[str, list[int]] = {}
    weeks_asked: list[list[Prompt]] = []
    contexts: list[SelectionContext] = []
    for n in range(YEAR):
        week = weeks.shift(START, n)
        results, relationships = rate(n)
        history.append(
            insights.WeekRatings(week=week, results=results, relationships=relationships)
        )
        verdict = insights.imbalance(history)
        context = SelectionContext(
            week=week,
            lean_toward=insights.lean_toward(insights.lean(results, relationships)),
            lasting_toward=verdict.toward if verdict.state == "lasting" else None,
            setback=insights.is_setback(history, week),
            recently_answered=frozenset(p for k, p in answered if k >= n - RECENT_PROMPT_WEEKS),
            asked_lately=frozenset(p for k, p in answered if k >= n - (REST_WEEKS - 1)),
        )
        chosen = choose_prompts(library, context, count=count, seed=seed)
        for prompt in chosen:
            answered.append((n, prompt.id))
            asked.setdefault(prompt.id, []).append(n)
        weeks_asked.append(chosen)
        contexts.append(context)
    name = pattern if isinstance(pattern, str) else "generated"
    return Year(name, count, asked, weeks_asked, contexts)


def similar_too_close(library: Library, year: Year, window: int = RECENT_PROMPT_WEEKS) -> list[str]:
    """Two linked prompts asked within the no-repeat window of each other."""
    links = similar_links(library)
    found = []
    for prompt_id, times in year.asked.items():
        for other in links.get(prompt_id, ()):
            for a in times:
                for b in year.asked.get(other, []):
                    if 0 <= b - a <= window:
                        found.append(f"{prompt_id} (week {a}) and {other} (week {b})")
    return found


def main() -> None:
    library = load_library()
    for count in (1, 2):
        for pattern in PATTERNS:
            year = simulate(library, pattern, count=count)
            closest = year.closest()
            print(
                f"count {count} · {pattern:42} distinct {len(year.asked):3}"
                f" · shortest repeat {closest[1] if closest else '-'} weeks"
                f" ({closest[0] if closest else 'none'})"
            )


if __name__ == "__main__":
    main()


def side_share(year: Year) -> tuple[int, int]:
    """Of the weeks with a lasting lean, how many opened with a prompt from the
    neglected side (one that fits ``lean-<side leaned on>``)."""
    lasting = [
        (context, chosen)
        for context, chosen in zip(year.contexts, year.weeks_asked, strict=True)
        if context.lasting_toward is not None and chosen
    ]
    served = sum(f"lean-{c.lasting_toward}" in chosen[0].fits for c, chosen in lasting)
    return served, len(lasting)
