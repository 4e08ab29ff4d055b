"""What goes with a good week: the pure pattern finder, by properties and by a planted pattern."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from leadjournal import patterns
from leadjournal.lookback import pattern_line
from leadjournal.patterns import Feature, PatternWeek, find_patterns, with_dimension_features

TAGS = [Feature(kind="tag", name=name) for name in ("hiring", "delivery", "offsite", "sam")]

week_strategy = st.builds(
    lambda index, results, relationships, energy, tags: PatternWeek(
        week=f"2026-W{index:02d}",
        ratings={"results": results, "relationships": relationships, "energy": energy},
        features=tags,
    ),
    st.integers(1, 52),
    st.integers(1, 9),
    st.integers(1, 9),
    st.integers(1, 9),
    st.lists(st.sampled_from(TAGS), unique=True, max_size=3),
)


def _average(values: list[int]) -> float:
    return round(sum(values) / len(values), 1)


@settings(max_examples=150, deadline=None)
@given(st.lists(week_strategy, max_size=30))
def test_every_pattern_is_counted_true_and_strong_enough(weeks: list[PatternWeek]) -> None:
    found = find_patterns(weeks)
    if len(weeks) < patterns.MIN_WEEKS:
        assert found == []
        return
    assert len(found) <= patterns.MAX_PATTERNS
    assert len({p.feature for p in found}) == len(found)  # one line per feature
    for pattern in found:
        inside = [w.ratings[pattern.axis] for w in weeks if pattern.feature in w.features]
        outside = [w.ratings[pattern.axis] for w in weeks if pattern.feature not in w.features]
        assert pattern.weeks == len(weeks)
        assert pattern.weeks_with == len(inside) >= patterns.MIN_SIDE
        assert len(outside) >= patterns.MIN_SIDE
        assert pattern.with_average == _average(inside)
        assert pattern.without_average == _average(outside)
        assert abs(sum(inside) / len(inside) - sum(outside) / len(outside)) >= 1.0


@settings(max_examples=60, deadline=None)
@given(st.lists(week_strategy, min_size=8, max_size=25), st.randoms(use_true_random=False))
def test_the_order_of_the_weeks_does_not_matter(
    weeks: list[PatternWeek], shuffler: random.Random
) -> None:
    shuffled = list(weeks)
    shuffler.shuffle(shuffled)
    assert find_patterns(shuffled) == find_patterns(weeks)


def _planted(total: int = 20, tagged: int = 6) -> list[PatternWeek]:
    """Weeks tagged @hiring rate relationships low; the rest high. Results vary alike."""
    weeks = []
    for index in range(total):
        hiring = (
            index % (total // tagged) == 0
            and len([w for w in weeks if TAGS[0] in w.features]) < tagged
        )
        weeks.append(
            PatternWeek(
                week=f"2026-W{index + 1:02d}",
                ratings={
                    "results": 5 + index % 3,
                    "relationships": (3 + index % 2) if hiring else (6 + index % 2),
                },
                features=[TAGS[0]] if hiring else ([TAGS[1]] if index % 2 else []),
            )
        )
    return weeks


def test_a_planted_pattern_is_found_with_its_counts_and_worded_as_a_pattern() -> None:
    weeks = _planted()
    found = find_patterns(weeks)
    assert found, "the planted pattern should be found"
    first = found[0]
    assert first.feature == TAGS[0] and first.axis == "relationships"
    assert first.weeks_with == 6 and first.weeks == 20
    assert first.with_average < first.without_average
    line = pattern_line(first)
    assert line.startswith("Weeks tagged @hiring: relationships ")
    assert "otherwise (n = 6 of 20)" in line
    assert "because" not in line and "causes" not in line


def test_seven_weeks_are_too_few_and_a_rare_feature_is_not_a_pattern() -> None:
    assert find_patterns(_planted()[:7]) == []
    weeks = _planted()
    # Two weeks with a feature are too few to say anything about it.
    rare = Feature(kind="tag", name="rare")
    marked = [
        PatternWeek(week=w.week, ratings=w.ratings, features=[*w.features, rare]) if i < 2 else w
        for i, w in enumerate(weeks)
    ]
    assert all(p.feature != rare for p in find_patterns(marked))


def test_a_dimension_counts_as_high_above_its_median() -> None:
    weeks = [
        PatternWeek(
            week=f"2026-W{i + 1:02d}", ratings={"results": 5, "relationships": r, "energy": e}
        )
        for i, (r, e) in enumerate([(7, 8), (7, 7), (6, 8), (7, 9), (4, 3), (3, 4), (4, 2), (3, 3)])
    ]
    marked, levels = with_dimension_features(weeks, ["energy"])
    assert levels == {"energy": 5}  # median 4 (lower middle), so 5 or more is high
    found = find_patterns(marked)
    assert [(p.feature.name, p.feature.level, p.axis) for p in found] == [
        ("energy", 5, "relationships")
    ]
    assert pattern_line(found[0]) == (
        "Weeks with energy 5 or more: relationships 6.8 on average, 3.5 otherwise (n = 4 of 8)."
    )
