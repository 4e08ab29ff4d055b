"""The weekly habit: which missed week, if any, deserves a gentle word.

A week counts as missed when it has no finished review while the habit had
begun before it (a journal started this week, or last, has missed nothing).
Only last week is named: an older gap is history, not a nudge.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadjournal import weeks

if TYPE_CHECKING:
    from leadjournal.store import Store


def missed_week(store: Store, current_week: str) -> str | None:
    """Last week, when it has no finished review and an earlier week has one."""
    last = weeks.shift(current_week, -1)
    review = store.get_review(last)
    if review is not None and review.status == "complete":
        return None
    if not any(week < last for week in store.review_weeks()):
        return None
    return last
