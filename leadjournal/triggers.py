"""Which exercise, if any, the weekly review offers this week. Pure.

The right exercise at the right moment, by the articles' own cues:

- a lasting lean → ``temporary-or-lasting`` (a push, or the new normal?);
- a setback (a low or falling rating, a dropped commitment) or a low
  self-compassion rating → ``self-compassion-reflection``;
- a change under way (the leader says so) → ``navigating-change``.

At most one a week; when several hold, in that order. An exercise offered or
run in the last ``QUIET_WEEKS`` weeks is not offered again, and the next
trigger that holds is considered instead.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from leadjournal import weeks

# In priority order: (trigger, exercise id).
TRIGGERS: tuple[tuple[str, str], ...] = (
    ("lasting-lean", "temporary-or-lasting"),
    ("setback", "self-compassion-reflection"),
    ("change", "navigating-change"),
)
# "Never the same one within 6 weeks": offered in W10, not again before W16.
QUIET_WEEKS = 6
# A self-compassion rating at or below this is low (1–9), as a setback's ratings are.
LOW_SELF_COMPASSION = 3
SELF_COMPASSION = "self-compassion"


@dataclass(frozen=True)
class Signals:
    """What holds in the reviewed week."""

    lasting_lean: bool = False
    setback: bool = False
    low_self_compassion: bool = False
    change_under_way: bool = False

    def holds(self, trigger: str) -> bool:
        if trigger == "lasting-lean":
            return self.lasting_lean
        if trigger == "setback":
            return self.setback or self.low_self_compassion
        return self.change_under_way


@dataclass(frozen=True)
class Offer:
    week: str
    exercise_id: str
    reason: str


def choose(
    week: str,
    signals: Signals,
    *,
    offered: Iterable[tuple[str, str]] = (),
    run: Iterable[tuple[str, str]] = (),
    available: Collection[str] | None = None,
) -> Offer | None:
    """The exercise to offer in ``week``, or None.

    ``offered`` and ``run`` are ``(week, exercise id)`` pairs from the journal;
    ``available`` the exercise ids the packs hold (None: all of them). A week
    with an offer already gets no second one.
    """
    history = [*offered]
    if any(when == week for when, _ in history):
        return None
    history += [*run]
    for trigger, exercise_id in TRIGGERS:
        if not signals.holds(trigger):
            continue
        if available is not None and exercise_id not in available:
            continue
        if any(
            name == exercise_id and 0 <= weeks.weeks_between(when, week) < QUIET_WEEKS
            for when, name in history
        ):
            continue
        return Offer(week=week, exercise_id=exercise_id, reason=trigger)
    return None
