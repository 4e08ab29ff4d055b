"""What goes with a good week: which features of a week come with higher or
lower ratings, counted over the reviewed weeks.

A *feature* is something a week has or has not: a tag written that week, a
person mentioned, a goal checked in on, an extra dimension rated above its
usual level. For each feature and each axis (results, relationships) the
weeks that have it are compared with the weeks that do not; the few largest
differences with enough weeks on both sides are kept, always with their
counts. It is a pattern to look at, never a cause: the wording says so.

Pure: no storage, no clock, no environment. Plain Python.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

from leadjournal.models import Model

# Fewer reviewed weeks than this and nothing is said: too little to see a pattern.
MIN_WEEKS = 8
# A feature needs at least this many weeks with it and without it.
MIN_SIDE = 3
# A difference of averages smaller than this (rating points) is not shown.
MIN_DIFFERENCE = 1.0
# Only the few strongest.
MAX_PATTERNS = 3
AXES: tuple[str, ...] = ("results", "relationships")

FeatureKind = Literal["tag", "person", "goal", "dimension"]


class Feature(Model):
    """Something a week can have. ``kind`` says how to word it; ``name`` is the
    tag (without ``@``), the person, the goal's title or the dimension."""

    kind: FeatureKind
    name: str
    level: int | None = None  # a dimension: the rating a week reaches to have it


class PatternWeek(Model):
    """One reviewed week: its ratings (core and extra) and its features."""

    week: str
    ratings: dict[str, int]
    features: list[Feature] = []


class Pattern(Model):
    """Weeks with ``feature``: ``axis`` averaged ``with_average`` over ``weeks_with``
    weeks and ``without_average`` over the other ``weeks - weeks_with``."""

    feature: Feature
    axis: str
    with_average: float
    without_average: float
    weeks_with: int
    weeks: int

    @property
    def difference(self) -> float:
        return self.with_average - self.without_average


def dimension_features(weeks: Sequence[PatternWeek], dimensions: Iterable[str]) -> dict[str, int]:
    """For each extra dimension, the level a week must reach to count as "high":
    above the dimension's median over these weeks, so high and the rest split
    the weeks roughly in two whatever scale a leader uses."""
    levels: dict[str, int] = {}
    for name in dimensions:
        values = sorted(w.ratings[name] for w in weeks if name in w.ratings)
        if len(values) < 2 * MIN_SIDE:
            continue
        median = values[(len(values) - 1) // 2]
        if median < max(values):
            levels[name] = median + 1
    return levels


def with_dimension_features(
    weeks: Sequence[PatternWeek], dimensions: Iterable[str]
) -> tuple[list[PatternWeek], dict[str, int]]:
    """The weeks, each with a ``dimension`` feature for every extra dimension it
    rated at or above that dimension's "high" level; and those levels."""
    levels = dimension_features(weeks, dimensions)
    out = []
    for week in weeks:
        high = [
            Feature(kind="dimension", name=name, level=level)
            for name, level in sorted(levels.items())
            if week.ratings.get(name, 0) >= level
        ]
        out.append(
            PatternWeek(week=week.week, ratings=week.ratings, features=[*week.features, *high])
        )
    return out, levels


def find_patterns(
    weeks: Sequence[PatternWeek],
    *,
    axes: Sequence[str] = AXES,
    limit: int = MAX_PATTERNS,
) -> list[Pattern]:
    """The strongest patterns, strongest first; none when there are fewer than
    ``MIN_WEEKS`` weeks.

    Strength is the difference of averages weighted by how evenly the weeks
    split (``sqrt(n_with · n_without / n)``), so a difference seen over many
    weeks outranks the same difference over three. One pattern per feature:
    its strongest axis. Ties are broken by the feature's kind and name, so the
    same weeks always give the same lines.
    """
    rated = [w for w in weeks if all(axis in w.ratings for axis in axes)]
    total = len(rated)
    if total < MIN_WEEKS:
        return []
    having: dict[Feature, set[int]] = {}
    for index, week in enumerate(rated):
        for feature in week.features:
            having.setdefault(feature, set()).add(index)
    best: dict[Feature, tuple[float, Pattern]] = {}
    for feature, indexes in having.items():
        count = len(indexes)
        if count < MIN_SIDE or total - count < MIN_SIDE:
            continue
        for axis in axes:
            inside = [rated[i].ratings[axis] for i in indexes]
            outside = [w.ratings[axis] for i, w in enumerate(rated) if i not in indexes]
            pattern = Pattern(
                feature=feature,
                axis=axis,
                with_average=round(sum(inside) / len(inside), 1),
                without_average=round(sum(outside) / len(outside), 1),
                weeks_with=count,
                weeks=total,
            )
            raw = sum(inside) / len(inside) - sum(outside) / len(outside)
            if abs(raw) < MIN_DIFFERENCE:
                continue
            strength = abs(raw) * math.sqrt(count * (total - count) / total)
            if feature not in best or strength > best[feature][0]:
                best[feature] = (strength, pattern)
    ranked = sorted(
        best.values(),
        key=lambda item: (-item[0], item[1].feature.kind, item[1].feature.name, item[1].axis),
    )
    return [pattern for _, pattern in ranked[:limit]]


def weeks_from(
    ratings: Sequence[tuple[str, Mapping[str, int]]],
    features: Mapping[str, Iterable[Feature]],
) -> list[PatternWeek]:
    """Pattern weeks from (week, ratings) pairs and each week's features."""
    out = []
    for week, values in ratings:
        seen: list[Feature] = []
        for feature in features.get(week, ()):
            if feature not in seen:
                seen.append(feature)
        out.append(PatternWeek(week=week, ratings=dict(values), features=seen))
    return out
