"""``leadjournal review``: the weekly review, interactive or from flags.

Every answer is handed to the core (and so committed) the moment it is
given: Ctrl-C, a closed terminal or a killed process loses nothing, and the
next review of the week resumes at the first step not yet done.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from leadjournal import messages
from leadjournal.cli.context import Settings
from leadjournal.cli.io import ask, ask_lines, confirm, emit_json, say, warn_pack_problems
from leadjournal.cli.options import Seed, WeekOption
from leadjournal.errors import BadInput, ExitCode, LeadJournalError

if TYPE_CHECKING:
    from rich.console import Console

    from leadjournal.goalbook import GoalQuestion
    from leadjournal.journal import Journal, ReviewState
    from leadjournal.models import FollowUpOutcome, Review


class ReviewPaused(LeadJournalError):
    exit_code = ExitCode.INTERRUPTED
    code = "paused"


def review_command(
    ctx: typer.Context,
    week: WeekOption = None,
    results: Annotated[
        str | None, typer.Option("--results", metavar="N", help="Results rating, 1–9.")
    ] = None,
    relationships: Annotated[
        str | None, typer.Option("--relationships", metavar="N", help="Relationships rating, 1–9.")
    ] = None,
    rate: Annotated[
        list[str] | None,
        typer.Option(
            "--rate",
            metavar="NAME=N",
            help="An extra dimension's rating (repeatable), e.g. energy=6.",
        ),
    ] = None,
    reflection: Annotated[
        str | None, typer.Option("--reflection", metavar="TEXT", help="This week's reflection.")
    ] = None,
    win: Annotated[
        str | None, typer.Option("--win", metavar="TEXT", help="One win to celebrate.")
    ] = None,
    win_by: Annotated[
        str | None, typer.Option("--win-by", metavar="WHO", help="Whose effort the win was.")
    ] = None,
    commit: Annotated[
        str | None,
        typer.Option("--commit", metavar="TEXT", help="One specific change for next week."),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Record a week that is already reviewed again.")
    ] = False,
    no_prompts: Annotated[
        bool, typer.Option("--no-prompts", help="Do not ask a reflection prompt.")
    ] = False,
    seed: Seed = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="After a review from flags, print it as JSON.")
    ] = False,
) -> None:
    """The weekly review: follow up, rate, reflect, celebrate, commit.

    Interactive in a terminal; or record a whole review with flags.

    Examples:

    \b
      leadjournal review
      leadjournal review --week 2026-W45
      leadjournal review --results 7 --relationships 4 --win "Launch" \\
          --reflection "Shipped, but rushed people" --commit "1:1s with new hires"
    """
    settings: Settings = ctx.obj
    flags = [results, relationships, rate, reflection, win, win_by, commit]
    with settings.journal() as journal:
        target = journal.review_week(week)
        if any(value is not None for value in flags):
            if results is None or relationships is None:
                raise BadInput(messages.FLAGS_NEED_RATINGS, messages.FLAGS_NEED_RATINGS_HINT)
            recorded = journal.record_review(
                target,
                results=results,
                relationships=relationships,
                extra=_extra_ratings(rate or []),
                reflection=reflection,
                win=win,
                win_by=win_by,
                commitment=commit,
                replace=replace,
            )
            if as_json:
                emit_json(recorded)
                return
            _show_summary(settings, journal, target)
            return
        if not settings.interactive:
            raise BadInput(messages.REVIEW_NEEDS_TERMINAL, messages.REVIEW_NEEDS_TERMINAL_HINT)
        prompts_on = settings.config.prompts and not no_prompts
        try:
            _interactive(
                settings, journal, target, replace=replace, prompts_on=prompts_on, seed=seed
            )
        except (KeyboardInterrupt, EOFError):
            settings.console.print()
            raise ReviewPaused(
                messages.REVIEW_PAUSED.format(week=target), messages.REVIEW_PAUSED_HINT
            ) from None


def _heading(console: Console, title: str, intro: str = "") -> None:
    from rich.text import Text

    console.print()
    console.print(Text.assemble((title, "bold"), f"  {intro}" if intro else ""))


def _extra_ratings(pairs: list[str]) -> dict[str, object]:
    extra: dict[str, object] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise BadInput(messages.BAD_RATE_FLAG.format(value=pair), messages.BAD_RATE_FLAG_HINT)
        extra[name.strip().lower()] = value
    return extra


def _interactive(
    settings: Settings,
    journal: Journal,
    week: str,
    *,
    replace: bool,
    prompts_on: bool,
    seed: int | None,
) -> None:
    console = settings.console
    state = journal.review_state(week)
    if state is not None and state.review.status == "complete" and not replace:
        if not confirm(settings, messages.REPLACE_CONFIRM.format(week=week)):
            say(console, messages.REVIEW_KEPT.format(week=week))
            return
        replace = True
    elif state is not None and state.resumed and not replace:
        say(console, messages.RESUMING.format(week=week))
        if not confirm(settings, messages.RESUME_CONFIRM, default=True):
            replace = True
    state = journal.start_review(week, replace=replace)
    console.rule(f"[bold]Weekly review · {week}[/bold]")

    if "follow_up" in state.remaining:
        _follow_ups(settings, journal, state)
    if "ratings" in state.remaining:
        _ratings(settings, journal, state.review, week)
    if "goals" in state.remaining:
        _goals(settings, journal, state.review, week)
    if "reflection" in state.remaining:
        _reflection(settings, journal, state.review, week, prompts_on=prompts_on, seed=seed)
    if "win" in state.remaining:
        _win(settings, journal, state.review)
    if "commitment" in state.remaining:
        _commitment(settings, journal, state.review, week)
    journal.complete(state.review)
    _show_summary(settings, journal, week)


_OUTCOMES: dict[str, FollowUpOutcome | None] = {
    "d": "done",
    "p": "partly",
    "n": "not_yet",
    "x": "dropped",
    "s": None,
    "": None,
}


def _follow_ups(settings: Settings, journal: Journal, state: ReviewState) -> None:
    console = settings.console
    intro = messages.FOLLOW_UP_INTRO if state.follow_ups else messages.FOLLOW_UP_NONE
    _heading(console, "1 · Follow-up", intro)
    for commitment in state.follow_ups:
        say(console)
        say(console, f"  “{commitment.text}”  ({commitment.week})")
        while True:
            answer = ask(console, f"  {messages.FOLLOW_UP_QUESTION} ").strip().lower()
            if answer in _OUTCOMES:
                break
            say(console, f"  {messages.FOLLOW_UP_RETRY}", "yellow")
        outcome = _OUTCOMES[answer]
        if outcome is None:
            continue
        note = ask(console, f"  {messages.FOLLOW_UP_NOTE} ").strip()
        journal.follow_up(state.review, commitment.id, outcome, note or None)
    journal.step_done(state.review, "follow_up")


def _ask_rating(
    settings: Settings, journal: Journal, review: Review, name: str, help_text: str
) -> None:
    console = settings.console
    say(console, f"  {help_text}")
    while True:
        answer = ask(console, f"  {messages.RATING_PROMPT} ").strip()
        if not answer:
            return
        try:
            journal.rate(review, name, answer)
            return
        except BadInput as exc:
            say(console, f"  {exc.message}", "yellow")


def _ratings(settings: Settings, journal: Journal, review: Review, week: str) -> None:
    from leadjournal import render

    console = settings.console
    _heading(console, "2 · Ratings", messages.RATINGS_INTRO)
    current = journal.review_state(week)
    assert current is not None
    if current.review.results is None:
        _ask_rating(settings, journal, review, "results", messages.ASK_RESULTS)
    if current.review.relationships is None:
        _ask_rating(settings, journal, review, "relationships", messages.ASK_RELATIONSHIPS)
    for dimension in settings.config.extra_dimensions:
        if dimension not in current.review.extra:
            _ask_rating(
                settings, journal, review, dimension, messages.ASK_EXTRA.format(name=dimension)
            )
    journal.step_done(review, "ratings")
    rated = journal.review_state(week)
    if (
        rated is not None
        and rated.review.results is not None
        and rated.review.relationships is not None
    ):
        _heading(console, "3 · Where you stand")
        console.print(render.standing(journal.standing(week)))


def _goals(settings: Settings, journal: Journal, review: Review, week: str) -> None:
    """This week's measures of goals whose cadence is due; each answer saved at once."""
    from rich.text import Text

    from leadjournal import render

    console = settings.console
    questions = journal.goals.questions(week)
    if questions:
        _heading(console, "Goals", messages.GOALS_STEP_INTRO)
    by_goal: dict[str, list[GoalQuestion]] = {}
    for question in questions:
        by_goal.setdefault(question.goal.id, []).append(question)
    for goal_id, asked in by_goal.items():
        say(console)
        say(console, f"  “{asked[0].goal.title}”  ({goal_id[:8]})")
        for question in asked:
            _goal_value(settings, journal, review, question)
        summary = journal.goals.get(goal_id)
        if summary.progress is not None:
            console.print(Text("  ") + render.goal_progress_line(summary))
    journal.step_done(review, "goals")


def _goal_value(
    settings: Settings, journal: Journal, review: Review, question: GoalQuestion
) -> None:
    from leadjournal import render

    measure = question.measure
    unit = f" ({measure.unit})" if measure.unit else ""
    when = messages.THIS_WEEK if measure.kind == "leading" else messages.NOW
    prompt = "  " + messages.ASK_GOAL_VALUE.format(measure=measure.name, unit=unit, when=when)
    if question.last is not None:
        prompt += " " + messages.LAST_VALUE.format(
            value=render.number(question.last.value), date=question.last.date
        )
    while True:
        answer = ask(settings.console, prompt + " ").strip()
        if not answer:
            return
        try:
            journal.goals.review_checkin(review, question, answer)
            return
        except BadInput as exc:
            say(settings.console, f"  {exc.message}", "yellow")


def _reflection(
    settings: Settings,
    journal: Journal,
    review: Review,
    week: str,
    *,
    prompts_on: bool,
    seed: int | None,
) -> None:
    console = settings.console
    _heading(console, "4 · Reflection")
    questions: list[tuple[str, str | None, str | None]] = []
    if prompts_on:
        warn_pack_problems(journal.packs.problems)
        for prompt in journal.review_prompts(week, count=settings.config.prompt_count, seed=seed):
            questions.append((prompt.text, prompt.id, prompt.source))
    if not questions:
        questions.append((messages.DEFAULT_REFLECTION, None, None))
    for text, prompt_id, source in questions:
        if source:
            say(console, f"From “{source}”", "dim")
        answer = ask_lines(settings, text)
        if answer:
            journal.reflect(review, answer, prompt_id)
    journal.step_done(review, "reflection")


def _win(settings: Settings, journal: Journal, review: Review) -> None:
    console = settings.console
    _heading(console, "5 · A win")
    win = ask(console, f"  {messages.ASK_WIN} ").strip()
    if win:
        by = ask(console, f"  {messages.ASK_WIN_BY} ").strip()
        journal.record_win(review, win, by or None)
    journal.step_done(review, "win")


def _commitment(settings: Settings, journal: Journal, review: Review, week: str) -> None:
    console = settings.console
    _heading(console, "6 · One commitment for next week")
    say(console, journal.suggestion(week), "dim")
    text = ask(console, f"  {messages.ASK_COMMITMENT} ").strip()
    if text:
        journal.commit(review, text)
    journal.step_done(review, "commitment")


def _show_summary(settings: Settings, journal: Journal, week: str) -> None:
    from leadjournal import render

    settings.console.print()
    settings.console.print(render.summary_card(journal.summary(week)))
