"""The trends of a journal: its rated weeks read from a store, through the trend maths.

One place for "the weekly picture as of a week", used by ``trends``, the
brief and the review's closing card alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadjournal import messages
from leadjournal.errors import BadInput

if TYPE_CHECKING:
    from leadjournal.insights import Trends, WeekRatings
    from leadjournal.store import Store

# Past this, a larger --weeks means "all of it": a century of weeks is more
# than any journal holds.
MAX_WEEKS = 5_200


def rated_weeks(store: Store, up_to_week: str) -> list[WeekRatings]:
    """Every week with both ratings, up to a week: the history trends are made of."""
    from leadjournal import insights

    return [
        insights.WeekRatings(
            week=r.week, results=r.results, relationships=r.relationships, extra=r.extra
        )
        for r in store.rated_reviews(up_to_week)
        if r.results is not None and r.relationships is not None
    ]


def trends(store: Store, window: int, week: str) -> Trends:
    """The weekly picture over the ``window`` weeks ending with ``week``."""
    from leadjournal import insights

    if window < 1:
        raise BadInput(messages.BAD_WEEKS.format(value=window), messages.BAD_WEEKS_HINT)
    window = min(window, MAX_WEEKS)
    commitments = [
        insights.CommitmentState(status=c.status, due_week=c.due_week) for c in store.commitments()
    ]
    return insights.build_trends(
        rated_weeks(store, week), commitments, current_week=week, window=window
    )
