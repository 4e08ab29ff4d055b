"""The weekly review's people step, right after "where you stand".

Who has gone longest without a one-on-one, recognition or an "is everything
OK?", one line each, past the thresholds in the config; and an offer to make
one of them next week's commitment (saved the moment it is chosen). Not shown
without a roster, when the config turns it off, or on a week that leaned
toward relationships (unless results have leaned for a lasting stretch).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadjournal import messages
from leadjournal.cli.io import ask, say

if TYPE_CHECKING:
    from leadjournal.cli.review import Flow
    from leadjournal.review import ReviewSession


def people_step(flow: Flow, session: ReviewSession) -> None:
    config = flow.settings.config
    if not config.people_step:
        return
    from rich.text import Text

    from leadjournal import render_people
    from leadjournal.peoplebook import review_nudges

    nudges = review_nudges(
        flow.journal.people,
        session.week,
        one_on_one_weeks=config.people_one_on_one_weeks,
        recognition_weeks=config.people_recognition_weeks,
        check_in_weeks=config.people_check_in_weeks,
    )
    if not nudges:
        return
    console = flow.console
    console.print()
    console.print(Text.assemble((messages.PEOPLE_STEP, "bold"), f"  {messages.PEOPLE_STEP_INTRO}"))
    for number, nudge in enumerate(nudges, 1):
        console.print(render_people.nudge_line(number, nudge))
    if session.state().commitment is not None:
        return  # this week's commitment is made already
    choices = "/".join(str(n) for n in range(1, len(nudges) + 1))
    while True:
        answer = ask(console, "  " + messages.NUDGE_OFFER.format(choices=f"[{choices}]") + " ")
        answer = answer.strip().lower()
        if answer in ("", "n", "no"):
            return
        if answer.isdigit() and 1 <= int(answer) <= len(nudges):
            break
        say(console, "  " + messages.UNSURE_RETRY, "yellow")
    chosen = nudges[int(answer) - 1]
    text = messages.NUDGE_COMMITMENTS[chosen.kind].format(name=chosen.person.name)
    session.commit(text)
    say(console, "  " + messages.NUDGE_COMMITTED.format(text=text), "green")
