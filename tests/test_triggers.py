"""Which exercise the review offers, as properties over a simulated year."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from leadjournal import triggers, weeks
from leadjournal.triggers import QUIET_WEEKS, Signals, choose

START = "2026-W01"
YEAR = [weeks.shift(START, n) for n in range(52)]
ALONE = {
    "lasting-lean": Signals(lasting_lean=True),
    "setback": Signals(setback=True),
    "change": Signals(change_under_way=True),
}
EXERCISE = dict(triggers.TRIGGERS)


def simulate(pattern: list[Signals], respond_run: bool = False) -> list[tuple[str, str]]:
    """A year of reviews: each week's offer is recorded, as the review records it."""
    offered: list[tuple[str, str]] = []
    for week, signals in zip(YEAR, pattern, strict=False):
        offer = choose(week, signals, offered=offered)
        if offer is not None:
            offered.append((week, offer.exercise_id))
    return offered


@given(st.sampled_from(sorted(ALONE)), st.lists(st.booleans(), min_size=52, max_size=52))
def test_a_trigger_that_holds_alone_fires_its_exercise_and_not_again_within_six(
    trigger: str, holds: list[bool]
) -> None:
    pattern = [ALONE[trigger] if on else Signals() for on in holds]
    offered = simulate(pattern)
    expected = EXERCISE[trigger]
    assert all(name == expected for _, name in offered)
    fired = [week for week, _ in offered]
    # Not again within 6 weeks...
    for first, second in itertools.pairwise(fired):
        assert weeks.weeks_between(first, second) >= QUIET_WEEKS
    # ...and it does fire the week it holds, unless it fired in the 5 weeks before.
    for week, on in zip(YEAR, holds, strict=True):
        quiet = any(0 < weeks.weeks_between(f, week) < QUIET_WEEKS for f in fired)
        if on and not quiet:
            assert week in fired
        if not on:
            assert week not in fired


@settings(max_examples=200)
@given(
    st.lists(
        st.builds(
            Signals,
            lasting_lean=st.booleans(),
            setback=st.booleans(),
            low_self_compassion=st.booleans(),
            change_under_way=st.booleans(),
        ),
        min_size=52,
        max_size=52,
    )
)
def test_any_year_offers_at_most_one_a_week_and_none_twice_within_six(
    pattern: list[Signals],
) -> None:
    offered = simulate(pattern)
    assert len({week for week, _ in offered}) == len(offered)
    by_exercise: dict[str, list[str]] = {}
    for week, name in offered:
        by_exercise.setdefault(name, []).append(week)
    for fired in by_exercise.values():
        for first, second in itertools.pairwise(fired):
            assert weeks.weeks_between(first, second) >= QUIET_WEEKS
    # Every offer answers a trigger that held that week.
    signals = dict(zip(YEAR, pattern, strict=True))
    for week, name in offered:
        trigger = next(t for t, e in triggers.TRIGGERS if e == name)
        assert signals[week].holds(trigger)


def test_priority_is_lasting_lean_then_setback_then_change() -> None:
    every = Signals(lasting_lean=True, setback=True, change_under_way=True)
    assert choose("2026-W10", every).exercise_id == "temporary-or-lasting"  # type: ignore[union-attr]
    # The lean's exercise was offered last week: the setback's comes next.
    recent = [("2026-W09", "temporary-or-lasting")]
    offer = choose("2026-W10", every, offered=recent)
    assert offer is not None and offer.exercise_id == "self-compassion-reflection"
    offer = choose("2026-W10", Signals(low_self_compassion=True))
    assert offer is not None and offer.reason == "setback"


def test_one_offer_a_week_and_a_run_counts_as_recent() -> None:
    lean = Signals(lasting_lean=True)
    assert choose("2026-W10", lean, offered=[("2026-W10", "navigating-change")]) is None
    assert choose("2026-W10", lean, run=[("2026-W06", "temporary-or-lasting")]) is None
    assert choose("2026-W10", lean, run=[("2026-W04", "temporary-or-lasting")]) is not None
    assert choose("2026-W10", lean, available={"smart-goal"}) is None
    assert choose("2026-W10", Signals()) is None
