"""Choosing prompts: the rules in order, repeat avoidance and determinism."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadjournal.errors import BadInput, NotFound
from leadjournal.prompts import CADENCES, FITS, THEMES, Library, Prompt, load_library
from leadjournal.selection import (
    SelectionContext,
    cadences_for_week,
    choose_prompts,
    pick_prompt,
    theme_of_week,
)
from leadjournal.weeks import shift, week_start

WEEK = "2026-W47"  # Monday 16 November: mid-month, weekly prompts only
MONTH_START = "2026-W45"  # Monday 2 November: the month's first Monday
QUARTER_START = "2026-W41"  # Monday 5 October: the quarter's first Monday


def prompt(pid: str, *fits: str, themes: tuple[str, ...] = ("team",), **extra: Any) -> Prompt:
    return Prompt(
        id=pid,
        text=f"Question {pid}?",
        themes=themes,
        fits=fits or ("any",),
        source="Test",
        **extra,
    )


def library_of(*prompts: Prompt) -> Library:
    return Library(prompts={p.id: p for p in prompts})


def context(**changes: Any) -> SelectionContext:
    base: dict[str, Any] = {
        "week": WEEK,
        "lean_toward": None,
        "lasting_toward": None,
        "setback": False,
    }
    return SelectionContext(**{**base, **changes})


SMALL = library_of(
    prompt("lasting-a", "lasting-imbalance"),
    prompt("lasting-results", "lasting-imbalance", "lean-results"),
    prompt("lean-r-1", "lean-results"),
    prompt("lean-r-2", "lean-results"),
    prompt("lean-rel-1", "lean-relationships"),
    prompt("setback-1", "setback", themes=("self-compassion",)),
    prompt("setback-2", "setback", themes=("self-compassion",)),
    *(prompt(f"any-{theme.replace(' ', '-')}", "any", themes=(theme,)) for theme in THEMES),
)


def ids(prompts: list[Prompt]) -> list[str]:
    return [p.id for p in prompts]


# --- the rules, one at a time --------------------------------------------------


def test_lasting_imbalance_is_asked_about_first() -> None:
    [first] = choose_prompts(
        SMALL, context(lasting_toward="results", lean_toward="results", setback=True)
    )
    assert "lasting-imbalance" in first.fits


def test_lasting_imbalance_prefers_prompts_from_the_neglected_side() -> None:
    for seed in range(20):
        [first] = choose_prompts(SMALL, context(lasting_toward="results"), seed=seed)
        assert first.id == "lasting-results"


def test_a_lean_asks_from_the_other_side() -> None:
    for seed in range(20):
        [chosen] = choose_prompts(SMALL, context(lean_toward="results"), seed=seed)
        assert chosen.id in {"lean-r-1", "lean-r-2", "lasting-results"}
        [chosen] = choose_prompts(SMALL, context(lean_toward="relationships"), seed=seed)
        assert chosen.id == "lean-rel-1"


def test_a_setback_brings_a_self_compassion_prompt() -> None:
    [chosen] = choose_prompts(SMALL, context(setback=True))
    assert "setback" in chosen.fits


def test_each_rule_that_applies_is_heard_once_before_any_repeats() -> None:
    chosen = choose_prompts(
        SMALL,
        context(lasting_toward="results", lean_toward="results", setback=True),
        count=3,
    )
    assert "lasting-imbalance" in chosen[0].fits
    assert "lean-results" in chosen[1].fits
    assert "setback" in chosen[2].fits


def test_a_quiet_week_rotates_to_the_week_theme() -> None:
    [chosen] = choose_prompts(SMALL, context())
    assert chosen.themes == (theme_of_week(WEEK),)
    assert "any" in chosen.fits


def test_consecutive_weeks_rotate_to_different_themes() -> None:
    weeks = [shift(WEEK, n) for n in range(len(THEMES))]
    assert len({theme_of_week(week) for week in weeks}) == len(THEMES)
    chosen = [choose_prompts(SMALL, context(week=week))[0].themes for week in weeks]
    assert len(set(chosen)) == len(THEMES)


def test_places_left_are_filled_from_the_next_rule_down() -> None:
    lib = library_of(
        prompt("lean-only", "lean-results"),
        prompt("setback-only", "setback"),
        prompt("any-1", "any"),
    )
    chosen = choose_prompts(lib, context(lean_toward="results"), count=3)
    assert ids(chosen)[0] == "lean-only"
    assert set(ids(chosen)) == {"lean-only", "setback-only", "any-1"}


def test_rotation_moves_on_to_the_next_theme_when_the_week_theme_runs_out() -> None:
    lib = library_of(*(prompt(f"p{i}", "any", themes=(t,)) for i, t in enumerate(THEMES)))
    chosen = choose_prompts(lib, context(), count=3)
    start = THEMES.index(theme_of_week(WEEK))
    expected = [THEMES[(start + offset) % len(THEMES)] for offset in range(3)]
    assert [p.themes[0] for p in chosen] == expected


# --- what is never chosen ------------------------------------------------------------


def test_recently_answered_prompts_are_not_asked_again() -> None:
    everything = frozenset(SMALL.prompts) - {"any-team"}
    chosen = choose_prompts(SMALL, context(setback=True, recently_answered=everything), count=3)
    assert ids(chosen) == ["any-team"]


def test_nothing_to_ask_gives_an_empty_list() -> None:
    everything = frozenset(SMALL.prompts)
    assert choose_prompts(SMALL, context(recently_answered=everything)) == []


def test_count_zero_asks_nothing() -> None:
    assert choose_prompts(SMALL, context(setback=True), count=0) == []


# --- cadence ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("week", "allowed"),
    [
        ("2026-W47", {"weekly"}),  # Monday 16 November
        ("2026-W45", {"weekly", "monthly"}),  # Monday 2 November: first Monday of the month
        ("2026-W41", {"weekly", "monthly", "quarterly"}),  # Monday 5 October
        ("2026-W01", {"weekly"}),  # Monday 29 December 2025: holds 1 January, but
        ("2026-W02", {"weekly", "monthly", "quarterly"}),  # January's first Monday is the 5th
        ("2026-W40", {"weekly"}),  # Monday 28 September
    ],
)
def test_cadences_for_week(week: str, allowed: set[str]) -> None:
    assert cadences_for_week(week) == allowed


def test_every_month_has_exactly_one_month_start_week() -> None:
    weeks = [shift("2026-W01", n) for n in range(53 * 3)]
    starts = [w for w in weeks if "monthly" in cadences_for_week(w)]
    quarters = [w for w in weeks if "quarterly" in cadences_for_week(w)]
    months = {str(week_start(w))[:7] for w in weeks}
    assert len(starts) == len({str(week_start(w))[:7] for w in starts})  # one per month
    assert len(starts) >= len(months) - 1  # the last month may be cut off
    assert all(week_start(w).month in (1, 4, 7, 10) for w in quarters)
    assert len(quarters) >= 11


def test_monthly_prompts_wait_for_the_first_week_of_a_month() -> None:
    lib = library_of(prompt("monthly-one", "any", cadence="monthly"), prompt("weekly-one", "any"))
    assert ids(choose_prompts(lib, context(week="2026-W47"))) == ["weekly-one"]
    assert ids(choose_prompts(lib, context(week=MONTH_START))) == ["monthly-one"]


def test_quarterly_prompts_only_in_the_first_week_of_a_quarter() -> None:
    lib = library_of(prompt("q", "any", cadence="quarterly"))
    assert choose_prompts(lib, context(week=MONTH_START)) == []
    assert ids(choose_prompts(lib, context(week=QUARTER_START))) == ["q"]


# --- determinism ---------------------------------------------------------------------------


def test_same_week_same_prompts_without_a_seed() -> None:
    library = load_library()
    ctx = context(lean_toward="relationships", setback=True)
    assert choose_prompts(library, ctx, count=2) == choose_prompts(library, ctx, count=2)


def test_the_seed_changes_the_choice() -> None:
    library = load_library()
    ctx = context(lean_toward="results")
    choices = {ids(choose_prompts(library, ctx, seed=seed))[0] for seed in range(30)}
    assert len(choices) > 1


def test_the_real_library_always_has_candidates() -> None:
    library = load_library()
    for offset in range(60):
        week = shift(WEEK, offset)
        for lean in (None, "results", "relationships"):
            for setback in (False, True):
                ctx = context(week=week, lean_toward=lean, lasting_toward=lean, setback=setback)
                assert len(choose_prompts(library, ctx, count=3)) == 3


# --- properties -------------------------------------------------------------------------------

prompts_strategy = st.lists(
    st.builds(
        Prompt,
        id=st.from_regex(r"[a-z]{1,6}", fullmatch=True),
        text=st.just("A question?"),
        themes=st.lists(st.sampled_from(THEMES), min_size=1, max_size=3, unique=True).map(tuple),
        fits=st.lists(st.sampled_from(FITS), min_size=1, max_size=3, unique=True).map(tuple),
        cadence=st.sampled_from(CADENCES),
        source=st.just("Test"),
    ),
    max_size=25,
    unique_by=lambda p: p.id,
)
sides = st.none() | st.sampled_from(["results", "relationships"])
weeks = st.integers(min_value=-200, max_value=200).map(lambda n: shift(WEEK, n))


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Library, SelectionContext, int, int | None]:
    prompts = draw(prompts_strategy)
    library = library_of(*prompts)
    answered = draw(st.frozensets(st.sampled_from([p.id for p in prompts]))) if prompts else None
    ctx = SelectionContext(
        week=draw(weeks),
        lean_toward=draw(sides),
        lasting_toward=draw(sides),
        setback=draw(st.booleans()),
        recently_answered=answered or frozenset(),
    )
    return library, ctx, draw(st.integers(0, 6)), draw(st.none() | st.integers())


@settings(max_examples=300)
@given(scenarios())
def test_choice_properties(scenario: tuple[Library, SelectionContext, int, int | None]) -> None:
    library, ctx, count, seed = scenario
    chosen = choose_prompts(library, ctx, count=count, seed=seed)
    allowed = cadences_for_week(ctx.week)
    eligible = [
        p
        for p in library.prompts.values()
        if p.id not in ctx.recently_answered and p.cadence in allowed
    ]
    assert len(chosen) == min(count, len(eligible))
    assert len(set(ids(chosen))) == len(chosen)
    assert not set(ids(chosen)) & ctx.recently_answered
    assert all(p.cadence in allowed for p in chosen)
    assert chosen == choose_prompts(library, ctx, count=count, seed=seed)


@settings(max_examples=200)
@given(scenarios())
def test_the_first_prompt_follows_the_first_rule_that_can_answer(
    scenario: tuple[Library, SelectionContext, int, int | None],
) -> None:
    library, ctx, _, seed = scenario
    chosen = choose_prompts(library, ctx, count=1, seed=seed)
    allowed = cadences_for_week(ctx.week)
    eligible = [
        p
        for p in library.prompts.values()
        if p.id not in ctx.recently_answered and p.cadence in allowed
    ]
    wanted = []
    if ctx.lasting_toward:
        wanted.append("lasting-imbalance")
    if ctx.lean_toward:
        wanted.append(f"lean-{ctx.lean_toward}")
    if ctx.setback:
        wanted.append("setback")
    def answers(prompt: Prompt, fit: str) -> bool:
        if fit != "lasting-imbalance":
            return fit in prompt.fits
        # A lasting lean is never asked about from the side already leaned on.
        other = "lean-results" if ctx.lasting_toward == "relationships" else "lean-relationships"
        side = f"lean-{ctx.lasting_toward}"
        return fit in prompt.fits and (side in prompt.fits or other not in prompt.fits)

    for fit in wanted:
        if any(answers(p, fit) for p in eligible):
            assert answers(chosen[0], fit)
            return


# --- ad-hoc prompts ------------------------------------------------------------------------------


def test_pick_by_theme() -> None:
    chosen = pick_prompt(SMALL, theme="self-compassion", seed=1)
    assert "self-compassion" in chosen.themes


def test_pick_accepts_hyphens_for_spaces() -> None:
    chosen = pick_prompt(SMALL, theme="Psychological-Safety", seed=1)
    assert chosen.id == "any-psychological-safety"


def test_pick_by_source_substring_ignoring_case() -> None:
    library = load_library()
    chosen = pick_prompt(library, source="self-COMPASSION", seed=3)
    assert chosen.source == "What High-Performing Leaders Get Wrong About Self-Compassion"


def test_pick_is_deterministic_with_a_seed() -> None:
    library = load_library()
    assert pick_prompt(library, seed=7) == pick_prompt(library, seed=7)


def test_pick_excludes() -> None:
    lib = library_of(prompt("a"), prompt("b"))
    assert pick_prompt(lib, exclude=frozenset({"a"})).id == "b"


def test_pick_with_no_match_lists_the_themes() -> None:
    with pytest.raises(NotFound) as caught:
        pick_prompt(SMALL, theme="change", source="nothing like this")
    assert "nothing like this" in caught.value.message
    assert caught.value.hint is not None and "psychological safety" in caught.value.hint


def test_pick_with_an_unknown_theme_is_bad_input() -> None:
    with pytest.raises(BadInput) as caught:
        pick_prompt(SMALL, theme="juggling")
    assert caught.value.hint is not None and "goals and metrics" in caught.value.hint
