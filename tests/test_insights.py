"""The trend maths against the design's definitions, at their edges."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leadjournal import insights, weeks
from leadjournal.insights import (
    CommitmentState,
    Imbalance,
    Streak,
    WeekRatings,
    build_trends,
    direction,
    follow_through,
    grid_style,
    imbalance,
    is_setback,
    lean,
    lean_toward,
    streak,
)

START = "2026-W10"


def rated(*pairs: tuple[int, int], start: str = START, step: int = 1) -> list[WeekRatings]:
    """Reviewed weeks from (results, relationships) pairs, ``step`` weeks apart."""
    return [
        WeekRatings(week=weeks.shift(start, index * step), results=res, relationships=rel)
        for index, (res, rel) in enumerate(pairs)
    ]


def leaning(*leans: int, start: str = START, step: int = 1) -> list[WeekRatings]:
    """Reviewed weeks with the given leans (relationships − results), around 5."""
    pairs = [(5 + value // 2 - value, 5 + value // 2) for value in leans]
    return rated(*pairs, start=start, step=step)


def test_leaning_helper_builds_the_leans_asked_for() -> None:
    leans = [-4, -3, -2, -1, 0, 1, 2, 3, 4]
    assert [lean(w.results, w.relationships) for w in leaning(*leans)] == leans


# ---------------------------------------------------------------- one week


@pytest.mark.parametrize(
    ("results", "relationships", "style"),
    [
        (9, 9, "team"),
        (7, 7, "team"),
        (9, 1, "produce-or-perish"),
        (7, 3, "produce-or-perish"),
        (1, 9, "country club"),
        (3, 7, "country club"),
        (1, 1, "impoverished"),
        (3, 3, "impoverished"),
        (5, 5, "middle of the road"),
        # One step inside each boundary falls back to the middle.
        (6, 7, "middle of the road"),
        (7, 6, "middle of the road"),
        (7, 4, "middle of the road"),
        (4, 7, "middle of the road"),
        (4, 3, "middle of the road"),
        (3, 4, "middle of the road"),
        (4, 4, "middle of the road"),
        (6, 6, "middle of the road"),
        (3, 6, "middle of the road"),
        (6, 3, "middle of the road"),
    ],
)
def test_grid_style(results: int, relationships: int, style: str) -> None:
    assert grid_style(results, relationships) == style


@pytest.mark.parametrize(("results", "relationships"), [(0, 5), (5, 10), (10, 10)])
def test_ratings_outside_the_scale_are_refused(results: int, relationships: int) -> None:
    with pytest.raises(ValueError):
        grid_style(results, relationships)
    with pytest.raises(ValueError):
        lean(results, relationships)
    with pytest.raises(ValueError):
        WeekRatings(week=START, results=results, relationships=relationships)


def test_lean_is_relationships_minus_results() -> None:
    assert lean(7, 4) == -3
    assert lean(2, 9) == 7


@pytest.mark.parametrize(
    ("value", "toward"),
    [(-8, "results"), (-2, "results"), (-1, None), (0, None), (1, None), (2, "relationships")],
)
def test_lean_toward(value: int, toward: str | None) -> None:
    assert lean_toward(value) == toward


def test_week_ratings_normalise_the_week() -> None:
    assert WeekRatings(week="2026w5", results=5, relationships=5).week == "2026-W05"
    with pytest.raises(ValueError):
        WeekRatings(week="2025-W53", results=5, relationships=5)


# ---------------------------------------------------------------- imbalance


def verdict(state: str, toward: str | None, count: int) -> Imbalance:
    return Imbalance.model_validate({"state": state, "toward": toward, "weeks": count})


@pytest.mark.parametrize(
    ("leans", "expected"),
    [
        ([], verdict("balanced", None, 0)),
        ([0, 1, -1, 0], verdict("balanced", None, 0)),
        # Exactly 4 of the last 6, not in a row at the end.
        ([-3, -3, 0, -2, -4, 0], verdict("lasting", "results", 4)),
        # 3 of 6, not in a row, latest leaning: temporary.
        ([-3, 0, -3, 0, 0, -3], verdict("temporary", "results", 3)),
        # 3 of 6, not in a row, latest balanced: balanced.
        ([-3, 0, -3, 0, -3, 0], verdict("balanced", None, 0)),
        # 3 in a row at the end: lasting, even with nothing before.
        ([2, 2, 2], verdict("lasting", "relationships", 3)),
        ([0, 0, 0, 2, 3, 4], verdict("lasting", "relationships", 3)),
        # 3 in a row earlier but not at the end (and only 3 of 6).
        ([-2, -2, -2, 0, 0, 0], verdict("balanced", None, 0)),
        ([-2, -2, -2, 0, 0, 2], verdict("temporary", "relationships", 1)),
        # |lean| = 1 never counts toward a lean.
        ([-1, -1, -1, -1, -1, -1], verdict("balanced", None, 0)),
        ([-1, -1, -1, -1, -1, -2], verdict("temporary", "results", 1)),
        ([-2, -1, -2, -1, -2, -1], verdict("balanced", None, 0)),
        # Mixed directions never add up to one lean.
        ([-3, 3, -3, 3, -3, 3], verdict("temporary", "relationships", 3)),
        ([-3, -3, 3, 3, -3, 3], verdict("temporary", "relationships", 3)),
        ([3, 3, 3, -3, -3, -3], verdict("lasting", "results", 3)),
        # A single leaning week is temporary.
        ([-5], verdict("temporary", "results", 1)),
        ([0, 0, 0, 0, 0, 4], verdict("temporary", "relationships", 1)),
        # Only the last 6 reviewed weeks count: older leans are forgotten.
        ([-3, -3, -3, -3, 0, 0, 0, 0, 0, 0], verdict("balanced", None, 0)),
        ([-3, -3, -3, 0, -3, 0, 0, -3], verdict("temporary", "results", 3)),
        # A lasting pattern survives one balanced latest week.
        ([-2, -2, 0, -2, -2, 0], verdict("lasting", "results", 4)),
    ],
)
def test_imbalance(leans: list[int], expected: Imbalance) -> None:
    assert imbalance(leaning(*leans)) == expected


def test_gaps_between_reviewed_weeks_do_not_change_the_verdict() -> None:
    leans = [-3, 0, -3, 0, -2, -4]
    assert imbalance(leaning(*leans, step=3)) == imbalance(leaning(*leans))
    assert imbalance(leaning(*leans, step=3)).state == "lasting"


def test_imbalance_reads_weeks_in_any_order() -> None:
    history = leaning(0, 0, 0, -2, -2, -2)
    assert imbalance(list(reversed(history))) == verdict("lasting", "results", 3)


def test_a_week_reviewed_twice_is_refused() -> None:
    twice = [*leaning(0), *leaning(2)]
    with pytest.raises(ValueError, match="more than once"):
        imbalance(twice)


# ---------------------------------------------------------------- streak


def run_of(first: str, count: int) -> list[str]:
    return [weeks.shift(first, offset) for offset in range(count)]


def test_streak_counts_through_this_week_when_reviewed() -> None:
    assert streak(run_of("2026-W10", 4), "2026-W13") == Streak(current=4, longest=4)


def test_this_week_not_yet_reviewed_does_not_break_the_streak() -> None:
    assert streak(run_of("2026-W10", 4), "2026-W14") == Streak(current=4, longest=4)


def test_a_missed_week_breaks_the_streak() -> None:
    assert streak(run_of("2026-W10", 4), "2026-W15") == Streak(current=0, longest=4)
    history = [*run_of("2026-W01", 6), *run_of("2026-W08", 2)]
    assert streak(history, "2026-W09") == Streak(current=2, longest=6)


def test_no_reviews_no_streak() -> None:
    assert streak([], "2026-W10") == Streak(current=0, longest=0)


def test_streak_ignores_reviews_after_the_current_week_and_repeats() -> None:
    history = [*run_of("2026-W10", 3), "2026-W11", "2026-W20"]
    assert streak(history, "2026-W12") == Streak(current=3, longest=3)


def test_streak_crosses_a_53_week_year() -> None:
    # 2026 starts on a Thursday, so it has an ISO week 53; 2025 does not.
    assert date.fromisocalendar(2026, 53, 1) == date(2026, 12, 28)
    with pytest.raises(ValueError):
        date.fromisocalendar(2025, 53, 1)
    history = ["2026-W51", "2026-W52", "2026-W53", "2027-W01"]
    assert run_of("2026-W51", 4) == history
    assert streak(history, "2027-W02") == Streak(current=4, longest=4)
    # Skipping W53 is a missed week, not a year boundary.
    assert streak(["2026-W52", "2027-W01"], "2027-W01") == Streak(current=1, longest=1)


def test_streak_crosses_a_52_week_year() -> None:
    history = ["2025-W51", "2025-W52", "2026-W01"]
    assert streak(history, "2026-W02") == Streak(current=3, longest=3)


# ---------------------------------------------------------------- follow-through


def commitments(**counts: int) -> list[CommitmentState]:
    return [
        CommitmentState.model_validate({"status": status, "due_week": "2026-W10"})
        for status, count in counts.items()
        for _ in range(count)
    ]


def test_follow_through_contract_example() -> None:
    states = commitments(done=5, partly=2, dropped=1, open=2)
    result = follow_through(states, "2026-W12")
    assert result.model_dump() == {
        "assessed": 8,
        "done": 5,
        "partly": 2,
        "rate": 0.75,
        "open": 2,
        "overdue": 2,
    }


def test_nothing_assessed_has_no_rate() -> None:
    result = follow_through(commitments(open=3), "2026-W12")
    assert result.rate is None
    assert result.assessed == 0
    assert follow_through([], "2026-W12").rate is None


def test_overdue_is_open_and_due_before_this_week() -> None:
    states = [
        CommitmentState(status="open", due_week="2026-W11"),
        CommitmentState(status="open", due_week="2026-W12"),
        CommitmentState(status="open", due_week="2026-W13"),
        CommitmentState(status="done", due_week="2026-W01"),
        CommitmentState(status="partly", due_week="2026-W01"),
        CommitmentState(status="dropped", due_week="2026-W01"),
    ]
    result = follow_through(states, "2026-W12")
    assert (result.open, result.overdue) == (3, 1)
    assert result.rate == pytest.approx(0.5)


def test_overdue_across_the_year_boundary() -> None:
    states = [CommitmentState(status="open", due_week="2026-W53")]
    assert follow_through(states, "2027-W01").overdue == 1
    assert follow_through(states, "2026-W53").overdue == 0


# ---------------------------------------------------------------- direction


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], "flat"),
        ([5], "flat"),
        ([None, 5, None], "flat"),
        ([5, 5, 5], "flat"),
        ([1, 2, 3], "up"),
        ([9, 7, 4], "down"),
        # Slope exactly 0.1 a week is no longer flat; just under it is.
        ([0.0, 0.1], "up"),
        ([0.1, 0.0], "down"),
        ([0.0, 0.09], "flat"),
        # Gaps keep their place in time: 4 then 5 eleven weeks later is slow.
        ([4, *[None] * 10, 5], "flat"),
        ([4, *[None] * 9, 5], "up"),
        ([4, None, 5], "up"),
    ],
)
def test_direction(values: list[float | None], expected: str) -> None:
    assert direction(values) == expected


def test_arrows() -> None:
    assert [insights.arrow(d) for d in ("up", "flat", "down")] == ["↑", "→", "↓"]


def test_average_rounds_half_up_to_one_decimal() -> None:
    assert insights.average([6, 6, 7, 6]) == 6.3
    assert insights.average([7, None, 4, 5]) == 5.3
    assert insights.average([None, None]) is None


# ---------------------------------------------------------------- setbacks


def test_setback_on_a_low_rating() -> None:
    history = rated((6, 6), (6, 3))
    assert is_setback(history, weeks.shift(START, 1))
    assert not is_setback(history, START)


def test_setback_on_a_fall_of_two_since_the_last_reviewed_week() -> None:
    history = rated((8, 6), (6, 6), (6, 5), step=2)
    assert is_setback(history, weeks.shift(START, 2))
    assert not is_setback(history, weeks.shift(START, 4))


def test_an_unreviewed_week_is_not_a_setback() -> None:
    assert not is_setback(rated((2, 2)), weeks.shift(START, 1))


def test_first_week_is_a_setback_only_when_low() -> None:
    assert not is_setback(rated((4, 4)), START)
    assert is_setback(rated((4, 3)), START)


# ---------------------------------------------------------------- build_trends

CONTRACT: dict[str, Any] = {
    "weeks": [
        {
            "week": "2026-W47",
            "results": 7,
            "relationships": 4,
            "lean": -3,
            "style": "middle of the road",
            "reviewed": True,
        }
    ],
    "averages": {"results": 6.2, "relationships": 5.1},
    "direction": {"results": "up", "relationships": "flat"},
    "imbalance": {"state": "lasting", "toward": "results", "weeks": 4},
    "streak": {"current": 5, "longest": 9},
    "follow_through": {
        "assessed": 8,
        "done": 5,
        "partly": 2,
        "rate": 0.75,
        "open": 2,
        "overdue": 1,
    },
}
# The one addition to the contract: optional dimensions per week.
ADDED_WEEK_KEYS = {"extra"}


def test_trends_json_has_exactly_the_contract_keys() -> None:
    history = rated((7, 4), (6, 5), start="2026-W46")
    data = build_trends(history, commitments(done=1), "2026-W47", window=4).model_dump(mode="json")
    assert data.keys() == CONTRACT.keys()
    for key, value in CONTRACT.items():
        if isinstance(value, dict):
            assert data[key].keys() == value.keys(), key
    for row in data["weeks"]:
        assert row.keys() == CONTRACT["weeks"][0].keys() | ADDED_WEEK_KEYS


def test_trends_json_values() -> None:
    history = [
        WeekRatings(week="2026-W44", results=5, relationships=5, extra={"energy": 6}),
        WeekRatings(week="2026-W46", results=7, relationships=4),
        WeekRatings(week="2026-W47", results=8, relationships=3),
    ]
    data = build_trends(history, [], "2026-W47", window=4).model_dump(mode="json")
    assert data["weeks"] == [
        {"week": "2026-W44", "results": 5, "relationships": 5, "lean": 0,
         "style": "middle of the road", "reviewed": True, "extra": {"energy": 6}},
        {"week": "2026-W45", "results": None, "relationships": None, "lean": None,
         "style": None, "reviewed": False, "extra": {}},
        {"week": "2026-W46", "results": 7, "relationships": 4, "lean": -3,
         "style": "middle of the road", "reviewed": True, "extra": {}},
        {"week": "2026-W47", "results": 8, "relationships": 3, "lean": -5,
         "style": "produce-or-perish", "reviewed": True, "extra": {}},
    ]  # fmt: skip
    assert data["averages"] == {"results": 6.7, "relationships": 4.0}
    assert data["direction"] == {"results": "up", "relationships": "down"}
    assert data["imbalance"] == {"state": "temporary", "toward": "results", "weeks": 2}
    assert data["streak"] == {"current": 2, "longest": 2}
    assert data["follow_through"]["rate"] is None


def test_a_short_window_does_not_hide_a_lasting_lean() -> None:
    history = leaning(-3, -3, -3, -3, 0, start="2026-W01")
    trends = build_trends(history, [], "2026-W05", window=1)
    assert trends.imbalance == verdict("lasting", "results", 4)
    assert trends.streak == Streak(current=5, longest=5)
    assert [row.week for row in trends.weeks] == ["2026-W05"]


def test_reviews_after_the_current_week_are_left_out() -> None:
    history = leaning(0, 0, -3, -3, -3, start="2026-W01")
    trends = build_trends(history, [], "2026-W02", window=3)
    assert trends.imbalance.state == "balanced"
    assert [row.week for row in trends.weeks] == ["2025-W52", "2026-W01", "2026-W02"]


def test_a_window_of_no_weeks_is_refused() -> None:
    with pytest.raises(ValueError):
        build_trends([], [], "2026-W05", window=0)


# ---------------------------------------------------------------- properties

ratings = st.integers(min_value=1, max_value=9)
pairs = st.lists(st.tuples(ratings, ratings), max_size=20)
# Week numbers from 2020-W01 on, so histories cross 53-week years (2020, 2026).
EPOCH = "2020-W01"
week_offsets = st.lists(st.integers(min_value=0, max_value=400), unique=True, max_size=40)


@given(ratings, ratings)
def test_lean_stays_within_the_scale(results: int, relationships: int) -> None:
    assert -8 <= lean(results, relationships) <= 8


@given(week_offsets, st.integers(min_value=0, max_value=420))
def test_streak_bounds(offsets: list[int], current: int) -> None:
    reviewed = [weeks.shift(EPOCH, offset) for offset in offsets]
    result = streak(reviewed, weeks.shift(EPOCH, current))
    assert 0 <= result.current <= result.longest <= len(reviewed)


@given(pairs, st.lists(st.integers(min_value=1, max_value=5), min_size=20, max_size=20))
def test_unreviewed_gaps_do_not_change_the_verdict(
    values: list[tuple[int, int]], steps: list[int]
) -> None:
    offsets = [sum(steps[:index]) for index in range(len(values))]
    with_gaps = [
        WeekRatings(week=weeks.shift(EPOCH, offset), results=res, relationships=rel)
        for offset, (res, rel) in zip(offsets, values, strict=False)
    ]
    assert imbalance(with_gaps) == imbalance(rated(*values, start=EPOCH))


@given(pairs, st.integers(min_value=1, max_value=30), st.integers(min_value=0, max_value=30))
def test_trends_window_shape_and_averages(
    values: list[tuple[int, int]], window: int, ahead: int
) -> None:
    history = rated(*values, start="2026-W40")
    current = weeks.shift("2026-W40", ahead)
    trends = build_trends(history, [], current, window=window)
    listed = [row.week for row in trends.weeks]
    assert len(listed) == window
    assert listed[-1] == current
    assert listed == sorted(listed, key=weeks.week_start)
    assert all(weeks.weeks_between(a, b) == 1 for a, b in itertools.pairwise(listed))
    for value in (trends.averages.results, trends.averages.relationships):
        assert value is None or 1 <= value <= 9
    assert trends.streak.current <= trends.streak.longest


# ---------------------------------------------------------------- mirror properties
#
# The definitions treat the two axes alike: swapping results and relationships
# must mirror every answer. A slip in one branch (a threshold compared the
# wrong way on one side only) breaks the symmetry.

MIRROR_STYLE = {
    "produce-or-perish": "country club",
    "country club": "produce-or-perish",
    "team": "team",
    "impoverished": "impoverished",
    "middle of the road": "middle of the road",
}
OTHER_SIDE = {"results": "relationships", "relationships": "results", None: None}


@given(ratings, ratings)
def test_swapping_the_axes_mirrors_style_and_lean(results: int, relationships: int) -> None:
    assert grid_style(relationships, results) == MIRROR_STYLE[grid_style(results, relationships)]
    assert lean(relationships, results) == -lean(results, relationships)
    swapped = lean_toward(lean(relationships, results))
    assert swapped == OTHER_SIDE[lean_toward(lean(results, relationships))]


@given(pairs)
def test_swapping_the_axes_mirrors_the_verdict(values: list[tuple[int, int]]) -> None:
    verdict_now = imbalance(rated(*values))
    mirrored = imbalance(rated(*[(rel, res) for res, rel in values]))
    assert mirrored.state == verdict_now.state
    assert mirrored.toward == OTHER_SIDE[verdict_now.toward]
    assert mirrored.weeks == verdict_now.weeks


@given(st.lists(st.none() | ratings, max_size=20))
def test_reversing_time_reverses_the_direction(values: list[int | None]) -> None:
    flipped = {"up": "down", "down": "up", "flat": "flat"}
    assert direction(values[::-1]) == flipped[direction(values)]


@given(st.lists(ratings, min_size=1, max_size=20), st.integers(min_value=1, max_value=8))
def test_adding_a_constant_keeps_the_direction(values: list[int], shift: int) -> None:
    moved = [min(9, value + shift) for value in values]
    if moved == [value + shift for value in values]:
        assert direction(moved) == direction(values)


@given(pairs)
def test_the_verdict_weeks_never_exceed_the_window(values: list[tuple[int, int]]) -> None:
    result = imbalance(rated(*values))
    assert 0 <= result.weeks <= min(len(values), insights.LASTING_WINDOW)
    assert (result.state == "balanced") == (result.toward is None)


def test_lasting_episodes_are_judged_week_by_week() -> None:
    history = leaning(0, -3, -3, -3, -3, 0, 0, 0, 0, 0, 0, 3, 3, 3, start="2026-W01")
    shown = [weeks.shift("2026-W01", n) for n in range(14)]
    found = insights.lasting_episodes(history, shown)
    assert [(e.first, e.last, e.toward) for e in found] == [
        ("2026-W04", "2026-W07", "results"),  # 4 of the last 6 until W08
        ("2026-W14", "2026-W14", "relationships"),
    ]
    assert insights.lasting_episodes(history, shown[:3]) == []


def test_a_missed_week_does_not_split_an_episode() -> None:
    history = leaning(-3, -3, -3, -3, start="2026-W01", step=2)
    shown = [weeks.shift("2026-W01", n) for n in range(8)]
    found = insights.lasting_episodes(history, shown)
    assert [(e.first, e.last) for e in found] == [("2026-W05", "2026-W07")]
