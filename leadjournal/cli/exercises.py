"""``leadjournal exercise``: list, read and run the articles' exercises.

Each answer is handed to the core (and so committed) as soon as it is given,
like the weekly review: Ctrl-C keeps every answer so far, and the next run of
the same exercise offers to carry on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from leadjournal import messages
from leadjournal.cli import completion
from leadjournal.cli.context import Settings
from leadjournal.cli.io import ask, ask_lines, emit_json, say, warn_pack_problems
from leadjournal.cli.options import Json
from leadjournal.errors import BadInput, ExitCode, LeadJournalError

if TYPE_CHECKING:
    from rich.console import Console

    from leadjournal.exercise_goals import GoalPlan
    from leadjournal.exercises import CompletedRun, Exercises, Known
    from leadjournal.goalbook import GoalBook
    from leadjournal.journal import Journal
    from leadjournal.models import ExerciseRun
    from leadjournal.prompts import Exercise, ExerciseStep

app = typer.Typer(
    help=(
        "The articles' exercises: list them, read one, run one step by step.\n\n"
        "Example: leadjournal exercise run results-relationships-four-steps"
    ),
    no_args_is_help=True,
)

NameArg = Annotated[
    str,
    typer.Argument(
        metavar="NAME",
        help="An exercise id, or a unique beginning of it.",
        autocompletion=completion.exercises,
    ),
]


class ExercisePaused(LeadJournalError):
    exit_code = ExitCode.INTERRUPTED
    code = "paused"


@app.command("list")
def list_command(ctx: typer.Context, as_json: Json = False) -> None:
    """List the exercises, with any run you have not finished.

    Example: leadjournal exercise list
    """
    settings: Settings = ctx.obj
    with settings.journal() as journal:
        warn_pack_problems(journal.packs.problems)
        listing = journal.exercises.catalogue()
    if as_json:
        emit_json(listing)
        return
    from leadjournal import render

    settings.console.print(render.exercises_table(listing))


@app.command("show")
def show(
    ctx: typer.Context,
    name: NameArg,
    runs: Annotated[
        bool, typer.Option("--runs", help="Also show the answers of your completed runs.")
    ] = False,
    as_json: Json = False,
) -> None:
    """Show an exercise's steps, and (with --runs) your past answers.

    Example: leadjournal exercise show results-relationships-four-steps --runs
    """
    settings: Settings = ctx.obj
    with settings.journal() as journal:
        warn_pack_problems(journal.packs.problems)
        detail = journal.exercises.detail(name)
    if as_json:
        emit_json(detail)
        return
    from leadjournal import render

    settings.console.print(render.exercise_detail(detail, show_runs=runs))


@app.command("run")
def run(
    ctx: typer.Context,
    name: NameArg,
    answer: Annotated[
        list[str] | None,
        typer.Option(
            "--answer",
            metavar="STEP=VALUE",
            help="Answer a step without being asked (repeatable); other steps are skipped.",
        ),
    ] = None,
    yes: Annotated[
        bool,
        typer.Option("--yes", help="With --answer: create the goal the exercise describes."),
    ] = False,
    as_json: Json = False,
) -> None:
    """Run an exercise step by step; Enter skips a step, Ctrl-C pauses.

    Every answer is saved as you give it. A finished run is saved as an
    entry; the change it decided becomes a commitment, due on the date it
    names (or next week), and the weekly review asks how it went. An
    exercise that defines goals ends by creating them, once you confirm.

    Examples:

    \b
      leadjournal exercise run results-relationships-four-steps
      leadjournal exercise run results-relationships-reflection \\
          --answer valued-and-accountable=6 --answer change="Weekly 1:1s"
      leadjournal exercise run smart-goal --answer statement="Cut turnover to 12%" \\
          --answer time-bound=2027-06-30 --yes
    """
    settings: Settings = ctx.obj
    with settings.journal() as journal:
        warn_pack_problems(journal.packs.problems)
        exercises = journal.exercises
        exercise = exercises.find(name)
        if answer:
            done = exercises.run_with_answers(exercise, _answer_pairs(answer))
            done = _make_goals_from_flags(settings, journal, exercise, done, confirmed=yes)
        else:
            if not settings.interactive:
                raise BadInput(
                    messages.EXERCISE_NEEDS_TERMINAL,
                    messages.EXERCISE_NEEDS_TERMINAL_HINT.format(name=exercise.id),
                )
            # With --json the conversation goes to stderr, so stdout stays pure JSON.
            console = settings.err_console if as_json else settings.console
            try:
                done = _interactive(settings, console, exercises, exercise)
            except (KeyboardInterrupt, EOFError):
                console.print()
                raise ExercisePaused(
                    messages.EXERCISE_PAUSED,
                    messages.EXERCISE_PAUSED_HINT.format(name=exercise.id),
                ) from None
            try:
                done = _make_goals_asking(settings, console, journal, exercise, done)
            except (KeyboardInterrupt, EOFError):
                # The run is saved; only the goal was not made, and it was said how to.
                _report(console, done)
                raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        from leadjournal.cli.linking import settle

        settle(settings, journal, asking=not as_json)  # the people the run names
    if as_json:
        emit_json(done)
        return
    _report(settings.console, done, smart=bool(answer))


def _answer_pairs(pairs: list[str]) -> dict[str, str]:
    given: dict[str, str] = {}
    for pair in pairs:
        step, sep, value = pair.partition("=")
        step = step.strip()
        if not sep or not step:
            raise BadInput(
                messages.EXERCISE_BAD_ANSWER_FLAG.format(value=pair),
                messages.EXERCISE_BAD_ANSWER_FLAG_HINT,
            )
        if step in given:
            raise BadInput(
                messages.EXERCISE_ANSWER_TWICE.format(step=step),
                messages.EXERCISE_ANSWER_TWICE_HINT,
            )
        given[step] = value
    return given


def _interactive(
    settings: Settings, console: Console, exercises: Exercises, exercise: Exercise
) -> CompletedRun:
    """Ask every step not yet passed and finish the run (the review's offer uses it too)."""
    current = _resume_or_start(console, exercises, exercise)
    _header(console, exercise)
    for number, step in exercises.pending(exercise, current):
        _ask_step(settings, console, exercises, exercise, current, number, step)
    return exercises.complete(exercise, current)


def _resume_or_start(console: Console, exercises: Exercises, exercise: Exercise) -> ExerciseRun:
    unfinished = exercises.in_progress(exercise)
    if unfinished is not None:
        say(
            console,
            messages.EXERCISE_RESUMING.format(
                date=unfinished.date,
                answered=len(unfinished.answers),
                steps=len(exercise.steps),
            ),
        )
        if _yes(console, messages.EXERCISE_RESUME_CONFIRM):
            return unfinished
        exercises.discard(unfinished)
    return exercises.start(exercise)


def _yes(console: Console, question: str) -> bool:
    """Yes unless the person says no; asked on the same console as the steps."""
    while True:
        reply = ask(console, f"{question} [Y/n] ").strip().lower()
        if reply in ("", "y", "yes"):
            return True
        if reply in ("n", "no"):
            return False


def _header(console: Console, exercise: Exercise) -> None:
    console.rule()
    say(console, exercise.title, "bold")
    say(console, exercise.summary)
    say(console, messages.PROMPT_FROM.format(source=exercise.source), "dim")


_ASK = {
    "rating": messages.EXERCISE_ASK_RATING,
    "yes_no": messages.EXERCISE_ASK_YES_NO,
    "choice": messages.EXERCISE_ASK_CHOICE,
    "person": messages.EXERCISE_ASK_PERSON,
    "date": messages.EXERCISE_ASK_DATE,
}


def _ask_step(
    settings: Settings,
    console: Console,
    exercises: Exercises,
    exercise: Exercise,
    current: ExerciseRun,
    number: int,
    step: ExerciseStep,
) -> None:
    say(console)
    say(
        console,
        messages.EXERCISE_STEP_HEADING.format(number=number, count=len(exercise.steps)),
        "dim",
    )
    known = exercises.known(step)
    if step.type == "text":
        notes = [*_notes(step), *_known_lines(known)]
        text = ask_lines(settings, step.question, console=console, notes=notes)
        exercises.answer(exercise, current, step.id, exercises.pick_known(known, text))
        return
    say(console, step.question, "bold")
    for note in _notes(step):
        say(console, note, "dim")
    for index, choice in enumerate(step.choices or (), start=1):
        say(console, f"  {index}. {choice}")
    for line in _known_lines(known):
        say(console, line, "cyan")
    if known is None or known.value is None:
        say(console, messages.EXERCISE_SKIP_HINT, "dim")
    while True:
        raw = ask(console, f"{_ASK[step.type]} ")
        if not raw.strip() and known is not None and known.value is not None:
            raw = known.value
        try:
            result = exercises.answer(exercise, current, step.id, raw)
            break
        except BadInput as problem:
            say(console, f"  {problem.message} {problem.hint or ''}".rstrip(), "yellow")
    if result.tip:
        say(console, messages.EXERCISE_TIP.format(tip=result.tip), "cyan")


def _known_lines(known: Known | None) -> list[str]:
    """What the journal knows for a step, said before it is asked."""
    if known is None:
        return []
    lines = [known.note]
    lines += [f"  {number}. {option}" for number, option in enumerate(known.options, start=1)]
    if known.value is not None:
        lines.append(messages.KNOWN_KEEP.format(value=known.value))
    elif known.options:
        lines.append(messages.KNOWN_PICK)
    return lines


def _make_goals_asking(
    settings: Settings, console: Console, journal: Journal, exercise: Exercise, done: CompletedRun
) -> CompletedRun:
    """Show the goal the run describes, with its SMART check, and save it if confirmed."""
    from leadjournal import exercise_goals

    book = journal.goals
    plan = exercise_goals.plan(book, exercise, done.run)
    if plan is None:
        return done
    try:
        plan = _ask_numbers(console, book, plan)
        _show_plan(console, plan)
        confirmed = _yes(console, messages.GOAL_FROM_EXERCISE_CONFIRM)
    except (KeyboardInterrupt, EOFError):
        console.print()
        _how_to_create(console, plan)
        raise
    if not confirmed:
        _how_to_create(console, plan)
        return done
    return done.model_copy(update={"goals": exercise_goals.save(book, plan)})


def _make_goals_from_flags(
    settings: Settings, journal: Journal, exercise: Exercise, done: CompletedRun, *, confirmed: bool
) -> CompletedRun:
    from leadjournal import exercise_goals

    book = journal.goals
    plan = exercise_goals.plan(book, exercise, done.run)
    if plan is None:
        return done
    if not confirmed:
        # The answers are saved; say how to create the goal, on stderr so --json stays clean.
        _how_to_create(settings.err_console, plan, from_flags=True)
        return done
    return done.model_copy(update={"goals": exercise_goals.save(book, plan)})


def _ask_numbers(console: Console, book: GoalBook, plan: GoalPlan) -> GoalPlan:
    """The result's unit, baseline and target, which free text cannot give;
    each asked again until it is a number or skipped."""
    from leadjournal import exercise_goals

    goal = exercise_goals.needs_numbers(plan)
    if goal is None:
        return plan
    result = next(m for m in goal.measures if m.kind == "lagging")
    say(console)
    say(console, messages.GOAL_NUMBERS.format(measure=result.name), "bold")
    unit = ask(console, f"  {messages.GOAL_ASK_UNIT} ").strip() or None
    while True:
        baseline = ask(console, f"  {messages.GOAL_ASK_BASELINE} ").strip() or None
        target = ask(console, f"  {messages.GOAL_ASK_TARGET} ").strip() or None
        try:
            return exercise_goals.with_numbers(book, plan, unit, baseline, target)
        except BadInput as problem:
            say(console, f"  {problem.message} {problem.hint or ''}".rstrip(), "yellow")


def _show_plan(console: Console, plan: GoalPlan) -> None:
    from leadjournal import goals as goal_maths
    from leadjournal import render

    say(console)
    say(console, messages.GOAL_FROM_EXERCISE, "bold")
    today = None
    for goal in plan.new:
        if today is None:
            from datetime import date

            today = date.fromisoformat(goal.date)
        # The panel carries the SMART check, as `goal show` does.
        console.print(render.goal_panel(goal_maths.summarise(goal, today)))
    for goal in plan.existing:
        say(console, messages.GOAL_PAIRS_WITH.format(id=goal.id[:8], title=goal.title))


def _how_to_create(console: Console, plan: GoalPlan, *, from_flags: bool = False) -> None:
    from rich.text import Text

    from leadjournal import exercise_goals
    from leadjournal.safetext import visible

    say(console, messages.GOAL_NOT_CREATED)
    say(console, messages.GOAL_CREATE_WITH_YES if from_flags else messages.GOAL_CREATE_YOURSELF)
    # Not wrapped: a command is copied whole.
    for line in exercise_goals.command_lines(plan):
        console.print(Text(visible(f"  {line}")), soft_wrap=True)
    if plan.pairs:
        say(console, messages.GOAL_THEN_PAIR)


def _notes(step: ExerciseStep) -> list[str]:
    # The built-in follow-up steps say in their help what becomes of the answer;
    # a pack's step without help still gets told.
    if step.help:
        return [step.help]
    return [messages.EXERCISE_FOLLOW_UP_NOTE] if step.follow_up else []


def _report(console: Console, done: CompletedRun, *, smart: bool = False) -> None:
    say(console)
    say(console, messages.EXERCISE_DONE.format(id=done.entry.id[:8], week=done.entry.week))
    if done.commitment is not None:
        say(
            console,
            messages.EXERCISE_COMMITMENT_MADE.format(
                text=done.commitment.text, due=done.commitment.due_week
            ),
        )
    if done.goals:
        from leadjournal import render

        for item in done.goals:
            say(console, messages.GOAL_SAVED.format(id=item.goal.id[:8], title=item.goal.title))
            if smart:  # a walk-through showed the SMART check before saving
                console.print(render.smart_lines(item.smart))
