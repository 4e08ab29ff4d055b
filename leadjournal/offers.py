"""The exercise the weekly review offers, on a store, a clock and the packs.

Reads what holds this week (``triggers.Signals``), lets ``triggers.choose``
decide, and records the offer (at most one a week) and the answer to it.

"A change under way" is the leader's to say: in the review
(``review --change-under-way``) or in the config (``change_under_way = true``);
what was said in the review wins over the config.
"""

from __future__ import annotations

from leadjournal.clock import Clock, stamp
from leadjournal.models import ExerciseOffer, OfferResponse
from leadjournal.prompts import Exercise, Library
from leadjournal.store import Store
from leadjournal.triggers import LOW_SELF_COMPASSION, SELF_COMPASSION, Offer, Signals, choose

CHANGE_FLAG = "change_under_way"


class ExerciseOffers:
    def __init__(
        self, store: Store, clock: Clock, library: Library, *, change_by_config: bool = False
    ) -> None:
        self.store = store
        self.clock = clock
        self.packs = library
        self.change_by_config = change_by_config

    def change_under_way(self) -> bool:
        said = self.store.flag(CHANGE_FLAG)
        return self.change_by_config if said is None else said == "on"

    def set_change_under_way(self, on: bool) -> None:
        with self.store.transaction():
            self.store.set_flag(CHANGE_FLAG, "on" if on else "off", stamp(self.clock).utc)

    def signals(self, week: str) -> Signals:
        from leadjournal import insights, trendbook

        rated = trendbook.rated_weeks(self.store, week)
        review = self.store.get_review(week)
        dropped = any(
            f.outcome == "dropped" and f.week == week
            for c in self.store.commitments_followed_up_in(week)
            for f in c.follow_ups
        )
        compassion = None if review is None else review.extra.get(SELF_COMPASSION)
        return Signals(
            lasting_lean=insights.imbalance(rated).state == "lasting",
            setback=dropped or insights.is_setback(rated, week),
            low_self_compassion=compassion is not None and compassion <= LOW_SELF_COMPASSION,
            change_under_way=self.change_under_way(),
        )

    def offer(self, week: str) -> tuple[Offer, Exercise] | None:
        """This week's offer, recorded as made; None when nothing fits or one was made."""
        offered = [(o.week, o.exercise_id) for o in self.store.offers()]
        chosen = choose(
            week,
            self.signals(week),
            offered=offered,
            run=self.store.exercise_run_weeks(),
            available=self.packs.exercises.keys(),
        )
        if chosen is None:
            return None
        with self.store.transaction():
            self.store.record_offer(
                ExerciseOffer(
                    week=week,
                    exercise_id=chosen.exercise_id,
                    reason=chosen.reason,
                    offered_at=stamp(self.clock).utc,
                )
            )
        return chosen, self.packs.exercises[chosen.exercise_id]

    def respond(self, week: str, response: OfferResponse) -> None:
        with self.store.transaction():
            self.store.set_offer_response(week, response)
