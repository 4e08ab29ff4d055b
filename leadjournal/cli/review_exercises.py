"""The weekly review's exercise parts: an exercise's follow-up come due
(the assessment loop), and the one exercise a week the review may offer.

``Flow`` (``cli/review.py``) calls in at two places: each follow-up, and right
after "where you stand". Every answer goes to the core as it is given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from leadjournal import messages, render
from leadjournal.cli.io import ask, say
from leadjournal.errors import BadInput

if TYPE_CHECKING:
    from rich.console import Console

    from leadjournal.assessment import Assessments, DueAssessment, Question
    from leadjournal.cli.context import Settings
    from leadjournal.cli.review import Flow
    from leadjournal.journal import Journal
    from leadjournal.models import Commitment, FollowUpOutcome
    from leadjournal.offers import ExerciseOffers
    from leadjournal.review import ReviewSession

_OUTCOMES: dict[str, FollowUpOutcome | None] = {
    "d": "done",
    "p": "partly",
    "n": "not_yet",
    "x": "dropped",
    "s": None,
    "": None,
}
_ROLE_LABEL = {
    "action": messages.ASSESS_ROLE_ACTION,
    "criteria": messages.ASSESS_ROLE_CRITERIA,
}
_ASK = {
    "rating": messages.EXERCISE_ASK_RATING,
    "yes_no": messages.EXERCISE_ASK_YES_NO,
    "choice": messages.EXERCISE_ASK_CHOICE,
    "person": messages.EXERCISE_ASK_PERSON,
    "date": messages.EXERCISE_ASK_DATE,
}


def _assessments(flow: Flow) -> Assessments:
    from leadjournal.assessment import Assessments

    journal = flow.journal
    return Assessments(journal.store, journal.clock, journal.packs)


def follow_up(flow: Flow, session: ReviewSession, commitment: Commitment) -> bool:
    """An exercise's commitment: what was decided, the assessment questions with
    the earlier answers beside them, the outcome, and a second try. False when
    the commitment is not an exercise's, so the review asks it the usual way."""
    book = _assessments(flow)
    due = book.for_commitment(commitment, session.week)
    if due is None:
        return False
    console = flow.console
    _decided(console, due)
    if due.questions:
        say(console, f"  {messages.ASSESS_QUESTIONS}", "dim")
    given = [(question, _ask_question(console, book, due, question)) for question in due.questions]
    if any(value is not None for _, value in given):
        _side_by_side(console, given)
    before = next((f for f in commitment.follow_ups if f.week == session.week), None)
    if before is not None:
        flow._now(before.outcome.replace("_", " ") + (f": {before.note}" if before.note else ""))
    while True:
        answer = ask(console, f"  {messages.ASSESS_OUTCOME} ").strip().lower()
        if answer in _OUTCOMES:
            break
        say(console, f"  {messages.FOLLOW_UP_RETRY}", "yellow")
    outcome = _OUTCOMES[answer]
    if outcome is None:
        return True
    # Saved now, before its note is asked: Ctrl-D at the note keeps it.
    session.follow_up(commitment.id, outcome)
    note = ask(console, f"  {messages.FOLLOW_UP_NOTE} ").strip()
    if note:
        session.follow_up(commitment.id, outcome, note)
    if outcome in ("partly", "not_yet"):
        _second_try(console, book, due)
    return True


def _decided(console: Console, due: DueAssessment) -> None:
    attempt = messages.ASSESS_ATTEMPT.format(number=due.attempt) if due.attempt > 1 else ""
    heading = messages.ASSESS_HEADING.format(
        title=due.exercise.title, week=due.run.week, attempt=attempt
    )
    console.print(render.user(f"  {heading}", "bold"))
    for item in due.decided:
        label = _ROLE_LABEL.get(item.role, messages.ASSESS_COMMITTED)
        console.print(
            Text.assemble("    ", render.user(f"{label}: ", "dim"), render.user(item.answer))
        )


def _ask_question(
    console: Console, book: Assessments, due: DueAssessment, question: Question
) -> str | None:
    step = question.step
    say(console)
    console.print(render.user(f"  {step.question}", "bold"))
    for earlier in question.earlier:
        shown = earlier.answer if earlier.answer is not None else messages.EXERCISE_SKIPPED
        console.print(
            render.user(
                f"    {messages.ASSESS_EARLIER.format(week=earlier.week, answer=shown)}", "dim"
            )
        )
    if question.now is not None:
        console.print(render.user(f"    {messages.ASSESS_NOW.format(answer=question.now)}", "dim"))
    for index, choice in enumerate(step.choices or (), start=1):
        say(console, f"    {index}. {choice}")
    prompt = _ASK.get(step.type, ">")
    while True:
        raw = ask(console, f"  {prompt} ")
        if not raw.strip() and question.now is not None:
            return question.now  # amending: Enter keeps this week's answer
        try:
            return book.answer(due, question, raw)
        except BadInput as problem:
            say(console, f"  {problem.message} {problem.hint or ''}".rstrip(), "yellow")


def _side_by_side(console: Console, given: list[tuple[Question, str | None]]) -> None:
    """Each question's answers over time, oldest first, the new one last."""
    say(console)
    say(console, f"  {messages.ASSESS_COMPARE}", "bold")
    for question, value in given:
        answers = [e.answer or messages.EXERCISE_SKIPPED for e in question.earlier]
        answers.append(value or messages.EXERCISE_SKIPPED)
        line = messages.ASSESS_COMPARE_LINE.format(
            question=question.step.question, answers=" → ".join(answers)
        )
        console.print(render.user(f"    {line}"))


def _second_try(console: Console, book: Assessments, due: DueAssessment) -> None:
    while True:
        raw = ask(console, f"  {messages.ASSESS_TRY_AGAIN} ").strip()
        if not raw:
            return
        try:
            week = book.try_again(due, raw)
        except BadInput as problem:
            say(console, f"  {problem.message} {problem.hint or ''}".rstrip(), "yellow")
            continue
        say(console, f"  {messages.ASSESS_AGAIN_SET.format(week=week)}")
        return


def _offers(flow: Flow) -> ExerciseOffers:
    from leadjournal.offers import ExerciseOffers

    journal = flow.journal
    return ExerciseOffers(
        journal.store,
        journal.clock,
        journal.packs,
        change_by_config=flow.settings.config.change_under_way,
    )


def offer(flow: Flow, session: ReviewSession) -> None:
    """At most one exercise a week, when its moment has come; Enter declines."""
    from leadjournal.cli.exercises import _interactive, _make_goals_asking, _report

    offers = _offers(flow)
    found = offers.offer(session.week)
    if found is None:
        return
    chosen, exercise = found
    console = flow.console
    say(console)
    say(console, messages.OFFER_REASONS[chosen.reason], "cyan")
    question = messages.OFFER_ASK.format(title=exercise.title, steps=len(exercise.steps))
    if not _yes_no(console, f"  {question} [y/N]: "):
        offers.respond(session.week, "declined")
        say(console, f"  {messages.OFFER_LATER.format(id=exercise.id)}", "dim")
        return
    offers.respond(session.week, "accepted")
    journal = flow.journal
    done = _interactive(flow.settings, console, journal.exercises, exercise)
    done = _make_goals_asking(flow.settings, console, journal, exercise, done)
    _report(console, done)
    console.rule()
    say(console, messages.OFFER_BACK, "dim")


def set_change_under_way(flow_settings: Settings, journal: Journal, on: bool) -> None:
    """``review --change-under-way`` / ``--no-change-under-way``: said in the review."""
    from leadjournal.offers import ExerciseOffers

    ExerciseOffers(journal.store, journal.clock, journal.packs).set_change_under_way(on)
    say(flow_settings.console, messages.CHANGE_SET_ON if on else messages.CHANGE_SET_OFF, "dim")


def _yes_no(console: Console, question: str) -> bool:
    """No unless the leader says yes: an offer is easy to decline."""
    return ask(console, question).strip().lower() in ("y", "yes")
