"""The packs' wording and variety, held to a simulated year of weekly reviews.

A year of reviews with each pattern of lean (``tests/prompt_year.py``): no
prompt comes back sooner than every 10 weeks, a lasting lean is always asked
about from the side it neglects, and two prompts linked as near-duplicates
never come within the no-repeat window of each other. Plus the wording rules:
open questions, at most 35 words, no quotation-like phrase.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadjournal.prompts import Library, Prompt, load_library
from leadjournal.selection import REST_WEEKS, SelectionContext, choose_prompts

from .prompt_year import PATTERNS, side_share, similar_too_close, simulate

MIN_GAP = 10
MAX_WORDS = 35


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.mark.parametrize("count", [1, 2])
@pytest.mark.parametrize("pattern", list(PATTERNS))
@pytest.mark.parametrize("seed", [None, 3])
def test_a_simulated_year_repeats_no_prompt_sooner_than_every_ten_weeks(
    library: Library, pattern: str, count: int, seed: int | None
) -> None:
    year = simulate(library, pattern, count=count, seed=seed)
    assert all(len(chosen) == count for chosen in year.weeks_asked)
    closest = year.closest()
    assert closest is not None and closest[1] >= MIN_GAP, closest
    assert similar_too_close(library, year) == []


# Runs of weeks, each run one way of rating: leaning either way, balanced, hard.
_run = st.tuples(
    st.integers(1, 12), st.integers(1, 9), st.integers(1, 9)
)  # (length, results, relationships)


@settings(max_examples=40, deadline=None)
@given(st.lists(_run, min_size=1, max_size=10), st.sampled_from([1, 2]), st.integers(0, 99))
def test_any_year_of_leans_repeats_no_prompt_sooner_than_every_ten_weeks(
    runs: list[tuple[int, int, int]], count: int, seed: int
) -> None:
    ratings = [(r, rel) for length, r, rel in runs for _ in range(length)]

    def rate(n: int) -> tuple[int, int]:
        return ratings[n % len(ratings)]

    year = simulate(load_library(), rate, count=count, seed=seed)
    closest = year.closest()
    assert closest is None or closest[1] >= MIN_GAP, closest


@pytest.mark.parametrize("pattern", [p for p in PATTERNS if p.startswith("lasting")])
def test_a_lasting_lean_is_asked_about_from_the_side_it_neglects(
    library: Library, pattern: str
) -> None:
    year = simulate(library, pattern)
    served, lasting = side_share(year)
    assert lasting >= 45 and served == lasting
    # No single prompt takes over: the generic one used to win every lasting week.
    assert max(len(times) for times in year.asked.values()) <= 52 // MIN_GAP + 1


def test_rest_weeks_is_the_gap_the_packs_are_held_to() -> None:
    assert REST_WEEKS == MIN_GAP


def test_a_similar_prompt_is_not_asked_while_its_twin_is_fresh() -> None:
    def prompt(prompt_id: str, similar: tuple[str, ...] = ()) -> Prompt:
        return Prompt(
            id=prompt_id, text="What?", themes=("team",), source="Test", similar_to=similar
        )

    library = Library(prompts={p.id: p for p in (prompt("a", ("b",)), prompt("b"), prompt("c"))})
    for week in ("2026-W10", "2026-W11", "2026-W12"):
        context = SelectionContext(
            week=week,
            lean_toward=None,
            lasting_toward=None,
            setback=False,
            recently_answered=frozenset({"b"}),
        )
        # The link is named on one side only and still counts both ways.
        assert [p.id for p in choose_prompts(library, context, count=3)] == ["c"]
        fresh = SelectionContext(week=week, lean_toward=None, lasting_toward=None, setback=False)
        chosen = {p.id for p in choose_prompts(library, fresh, count=3)}
        assert "c" in chosen and len(chosen & {"a", "b"}) == 1  # never both in one week


# -- wording -----------------------------------------------------------------------------

AUXILIARIES = {
    "is", "are", "do", "does", "did", "has", "have", "had", "could", "would", "can", "will",
    "should", "was", "were", "might", "may", "must",
}  # fmt: skip
OPENERS = {"what", "which", "how", "where", "when", "who", "whom", "whose", "why"}
LEADING = {
    "if", "when", "in", "for", "before", "after", "once", "looking", "think", "during",
    "besides", "among", "behind", "instead", "while", "since", "as", "take", "pick",
}  # fmt: skip


def _heads(text: str) -> list[str]:
    """The first word of each question's main clause (after a leading "If …," clause)."""
    heads = []
    for sentence in re.findall(r"[^?.!:]*\?", text):
        words = re.findall(r"[A-Za-z']+", sentence.lower())
        if not words:
            continue
        head = words[0]
        if "," in sentence and head in LEADING:
            after = re.findall(r"[A-Za-z']+", sentence.split(",", 1)[1].lower())
            if after and after[0] in AUXILIARIES | OPENERS:
                head = after[0]
        heads.append(head)
    return heads


def is_closed(text: str) -> bool:
    """Every question in it can be answered yes or no (or this or that)."""
    heads = _heads(text)
    return bool(heads) and all(head in AUXILIARIES for head in heads)


def test_the_closed_question_check_tells_them_apart() -> None:
    assert is_closed("Did anyone take a risk this week? If nobody did, is it because it is unsafe?")
    assert is_closed("In your last meeting, did every person have a real chance to speak?")
    assert not is_closed("Who took a risk this week? If nobody did, what makes it feel unsafe?")
    assert not is_closed("For one person, how does their work connect to the vision?")


def test_every_prompt_asks_at_least_one_open_question(library: Library) -> None:
    assert [p.id for p in library.prompts.values() if is_closed(p.text)] == []


def test_no_prompt_runs_past_35_words(library: Library) -> None:
    long = {p.id: len(p.text.split()) for p in library.prompts.values()}
    assert {k: n for k, n in long.items() if n > MAX_WORDS} == {}


def test_similar_links_name_prompts_that_exist(library: Library) -> None:
    for prompt in library.prompts.values():
        assert set(prompt.similar_to) <= set(library.prompts), prompt.id
        assert prompt.id not in prompt.similar_to


def test_the_near_duplicates_named_in_the_issue_are_linked(library: Library) -> None:
    from leadjournal.selection import similar_links

    links = similar_links(library)
    for one, other in [
        ("pr-ask-for-help", "cw-own-humanity"),
        ("tt-belonging", "hp-personal-bonds"),
        ("tt-ownership", "hp-shared-leadership"),
        ("hp-shared-leadership", "pr-task-master"),
        ("hs-know-what-is-expected", "pr-three-questions"),
        ("pr-three-questions", "rr-role-to-vision"),
        ("rr-role-to-vision", "tt-purpose"),
        ("hs-ask-how-to-support", "cw-dont-assume"),
    ]:
        assert other in links.get(one, ()), (one, other)


def test_no_help_text_reads_like_a_quotation(library: Library) -> None:
    texts = [p.text for p in library.prompts.values()] + [
        text
        for exercise in library.exercises.values()
        for step in exercise.steps
        for text in (step.question, step.help, step.tip)
        if text
    ]
    assert not [text for text in texts if "are not machines" in text.lower()]


def test_resilience_has_prompts_and_its_own_exercise_step(library: Library) -> None:
    steps = {step.id: step for step in library.exercises["navigating-change"].steps}
    assert "resilience" in steps and "recover" in steps["resilience"].question
    ids = list(steps)
    assert ids.index("resilience") < ids.index("first-step")  # before the commitment
    coping = [p for p in library.prompts.values() if p.id.startswith("nc-") and "setback" in p.fits]
    assert len(coping) >= 3
