"""``leadjournal review``: the weekly review, interactive or from flags.

The steps, their order and every write live in the core (``leadjournal.review``);
this module asks the questions and hands each answer over the moment it is
given, so Ctrl-C, Ctrl-D, a closed terminal or a killed process loses nothing,
and the next review of the week resumes at the first step not yet done.

Ctrl-D: in a multi-line answer it finishes the answer and keeps it; at a
one-line question it pauses the review, as Ctrl-C does.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from leadjournal import messages
from leadjournal.cli.context import Settings
from leadjournal.cli.io import OUTCOME_KEYS, ask, ask_lines, emit_json, say, warn_pack_problems
from leadjournal.cli.options import Seed, WeekOption
from leadjournal.errors import BadInput, ExitCode

if TYPE_CHECKING:
    from rich.console import Console

    from leadjournal.goalbook import GoalQuestion
    from leadjournal.journal import Journal
    from leadjournal.review import (
        Answers,
        Change,
        Draft,
        Owner,
        ReviewSession,
        WeeklyReview,
    )


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
            help="An extra dimension's rating (repeatable), e.g. energy=6; names are lower case.",
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
    follow_up: Annotated[
        list[str] | None,
        typer.Option(
            "--follow-up",
            metavar="ID=OUTCOME[:NOTE]",
            help="How an earlier commitment went (repeatable): done, partly, notyet or drop.",
        ),
    ] = None,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Start a reviewed week over (asks first; or --yes)."),
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask before --replace.")] = False,
    take_over: Annotated[
        bool,
        typer.Option("--take-over", help="Carry on a review that is open in another terminal."),
    ] = False,
    no_prompts: Annotated[
        bool, typer.Option("--no-prompts", help="Do not ask a reflection prompt.")
    ] = False,
    look_back: Annotated[
        str | None,
        typer.Option(
            "--look-back",
            metavar="month|quarter",
            help="Look back at last month or quarter now (with --reflection: its answer).",
        ),
    ] = None,
    seed: Seed = None,
    change_under_way: Annotated[
        bool | None,
        typer.Option(
            "--change-under-way/--no-change-under-way",
            help="Say a change is under way (or over): the review may offer navigating-change.",
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="After a review from flags, print it as JSON.")
    ] = False,
) -> None:
    """The weekly review: follow up, rate, reflect, celebrate, commit.

    Interactive in a terminal; or record a whole review with flags. On a week
    already reviewed, flags change only what they name.

    Examples:

    \b
      leadjournal review
      leadjournal review --week last
      leadjournal review --results 7 --relationships 4 --win "Launch" \\
          --reflection "Shipped, but rushed people" --commit "1:1s with new hires"
      leadjournal review --week 2026-W47 --results 6 --follow-up 3f2a=done
      leadjournal review --look-back month
    """
    settings: Settings = ctx.obj
    if change_under_way is not None:
        from leadjournal.cli import review_exercises

        with settings.journal() as journal:
            review_exercises.set_change_under_way(settings, journal, change_under_way)
    flags = [results, relationships, rate, reflection, win, win_by, commit, follow_up]
    if look_back is not None:
        from leadjournal.cli import lookback

        others = [results, relationships, rate, win, win_by, commit, follow_up]
        if any(value is not None for value in others) or replace or as_json:
            raise BadInput(messages.LOOK_BACK_FLAGS_ONLY, messages.LOOK_BACK_FLAGS_ONLY_HINT)
        lookback.command(settings, look_back, week, reflection)
        return
    if change_under_way is not None and not settings.interactive and all(f is None for f in flags):
        return  # only the flag was said, off a terminal: nothing else to do
    if any(value is not None for value in flags):
        from leadjournal.review import Answers

        # Every value is checked here, once, before the journal is touched.
        answers = Answers.parse(
            results=results,
            relationships=relationships,
            extra=_extra_ratings(rate or []),
            reflection=reflection,
            win=win,
            win_by=win_by,
            commitment=commit,
            follow_ups=follow_up or [],
        )
        _from_flags(
            settings, answers, week, replace=replace, yes=yes, take_over=take_over, as_json=as_json
        )
        return
    if not settings.interactive:
        raise BadInput(messages.REVIEW_NEEDS_TERMINAL, messages.REVIEW_NEEDS_TERMINAL_HINT)
    with settings.journal() as journal:
        flow = Flow(
            settings=settings,
            journal=journal,
            book=_book(journal),
            prompts_on=settings.config.prompts and not no_prompts,
            seed=seed,
        )
        flow.run(week, replace=replace, yes=yes, take_over=take_over)


def _from_flags(
    settings: Settings,
    answers: Answers,
    week: str | None,
    *,
    replace: bool,
    yes: bool,
    take_over: bool,
    as_json: bool,
) -> None:
    """A review from flags: a new week whole, or on a reviewed week what the flags name.

    The week is today's unless --week names another: scripts stay predictable.
    """
    with settings.journal() as journal:
        target = journal.review_week(week)
        book = _book(journal)
        try:
            if replace and book.state(target) is not None and not yes:
                _confirm_replace(settings, target)
            recorded = _with_take_over(
                settings,
                book,
                target,
                take_over,
                lambda over: book.record(
                    target, answers, replace=replace, owner=_owner(), take_over=over
                ),
            )
        except (KeyboardInterrupt, EOFError):
            # Asked before anything was written, and nothing was.
            say(settings.err_console)
            say(settings.err_console, messages.REVIEW_NOT_STARTED)
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        from leadjournal.cli.linking import settle

        settle(settings, journal, asking=not as_json)
        if as_json:
            emit_json(recorded.review)
            return
        if recorded.opened == "amend":
            _show_changes(settings.console, target, recorded.changes)
        _show_summary(settings, book, target)
        if recorded.opened != "amend":
            from leadjournal.cli import lookback

            lookback.hint(settings, journal, target)


# -- who is asking ---------------------------------------------------------------


def _owner() -> Owner:
    """This terminal, as a claim on a week's review records it."""
    from leadjournal.records import new_id
    from leadjournal.review import Owner

    tty = None
    try:
        if sys.stdin.isatty():
            tty = os.ttyname(sys.stdin.fileno())
    except (OSError, ValueError):
        tty = None
    return Owner(token=new_id(), pid=os.getpid(), host=os.uname().nodename, tty=tty)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process, and it runs
    return True


def _book(journal: Journal) -> WeeklyReview:
    from leadjournal.review import WeeklyReview

    return WeeklyReview(journal.store, journal.clock, host=os.uname().nodename, alive=_alive)


T = TypeVar("T")


def _with_take_over(
    settings: Settings, book: WeeklyReview, week: str, take_over: bool, action: Callable[[bool], T]
) -> T:
    """Run ``action``; when another terminal holds the week, offer to take it over."""
    from leadjournal.review import ReviewClaimed

    try:
        return action(take_over)
    except ReviewClaimed as claimed:
        if take_over or not settings.interactive:
            raise
        say(settings.console, claimed.message, "yellow")
        if not _yes_no(settings.console, messages.TAKE_OVER_CONFIRM, default=False):
            raise
        return action(True)


def _confirm_replace(settings: Settings, week: str) -> None:
    if not settings.interactive:
        raise BadInput(
            messages.REPLACE_NEEDS_YES.format(week=week), messages.REPLACE_NEEDS_YES_HINT
        )
    if not _yes_no(settings.console, messages.REPLACE_FLAGS_CONFIRM.format(week=week)):
        say(settings.console, messages.REVIEW_KEPT.format(week=week))
        raise typer.Exit(int(ExitCode.OK))


def _extra_ratings(pairs: list[str]) -> dict[str, object]:
    extra: dict[str, object] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise BadInput(messages.BAD_RATE_FLAG.format(value=pair), messages.BAD_RATE_FLAG_HINT)
        # Dimension names are lower case (as in the config and the journal);
        # a name typed otherwise is rated under its lower-case form, and said so.
        lowered = name.strip().lower()
        if lowered != name.strip():
            from leadjournal.safetext import visible

            typer.echo(
                visible(messages.RATE_NAME_LOWERED.format(given=name.strip(), name=lowered)),
                err=True,
            )
        extra[lowered] = value
    return extra


# -- asking ------------------------------------------------------------------------


def _heading(console: Console, title: str, intro: str = "") -> None:
    from rich.text import Text

    console.print()
    console.print(Text.assemble((title, "bold"), f"  {intro}" if intro else ""))


def _yes_no(console: Console, question: str, *, default: bool = False) -> bool:
    """A yes/no at the terminal; Ctrl-D or Ctrl-C here pauses like any one-line question."""
    suffix = " [Y/n]: " if default else " [y/N]: "
    while True:
        answer = ask(console, question + suffix).strip().lower()
        if not answer:
            return default
        if answer in ("y", "yes"):
            return True
        if answer in ("n", "no"):
            return False


class _HungUp(Exception):
    """The terminal closed (SIGHUP) or the process is asked to end (SIGTERM).

    Every answer given is saved already; the review lets go of its claim and
    leaves quietly.
    """


@contextmanager
def _hangup_ends_the_review() -> Iterator[None]:
    def hung_up(signum: int, frame: object) -> None:
        raise _HungUp

    previous: dict[int, object] = {}
    try:
        for number in (signal.SIGHUP, signal.SIGTERM):
            previous[number] = signal.signal(number, hung_up)
    except (ValueError, AttributeError):  # not the main thread, or no such signal here
        pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]


_STEP_NAMES = {
    "follow_up": "follow-up",
    "ratings": "ratings",
    "reflection": "reflection",
    "win": "win",
    "commitment": "commitment",
}


@dataclass
class Flow:
    """One interactive review: the questions of each step, in the core's order."""

    settings: Settings
    journal: Journal
    book: WeeklyReview
    prompts_on: bool
    seed: int | None
    amending: bool = False

    @property
    def console(self) -> Console:
        return self.settings.console

    def run(self, week: str | None, *, replace: bool, yes: bool, take_over: bool) -> None:
        session: ReviewSession | None = None
        target = week or "this week"
        try:
            with _hangup_ends_the_review():
                target = self.journal.review_week(week) if week else self._choose_week()
                session, step = self._open(target, replace=replace, yes=yes, take_over=take_over)
                if session is None:
                    return
                self.console.rule(f"[bold]Weekly review · {target}[/bold]")
                if step is not None:
                    self.amending = True
                    self._steps()[step](session)
                else:
                    for name in session.state().remaining:
                        self._steps()[name](session)
                        session.step_done(name)
                    session.complete()
                session.release()
                session = None
                from leadjournal.cli.linking import settle

                settle(self.settings, self.journal)
                _show_summary(self.settings, self.book, target)
                if step is None:
                    from leadjournal.cli import lookback

                    # A month's first review offers its look-back; it handles its own pause.
                    lookback.offer(self.settings, self.journal, target)
        except (KeyboardInterrupt, EOFError):
            self._paused(target, started=session is not None)
        except _HungUp:
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        finally:
            # The claim goes with the terminal: done, paused or closed.
            if session is not None:
                session.release()

    def _paused(self, week: str, *, started: bool) -> None:
        err = self.settings.err_console
        try:
            err.print()
            if started:
                say(err, messages.REVIEW_PAUSED.format(week=week))
                say(err, messages.REVIEW_PAUSED_HINT.format(week=week), "dim")
            else:
                say(err, messages.REVIEW_NOT_STARTED)
        except OSError:
            pass  # the terminal is gone; the answers are saved all the same
        raise typer.Exit(int(ExitCode.INTERRUPTED))

    def _steps(self) -> dict[str, Callable[[ReviewSession], None]]:
        return {
            "follow_up": self._follow_ups,
            "ratings": self._ratings,
            "goals": self._goals,
            "reflection": self._reflection,
            "win": self._win,
            "commitment": self._commitment,
        }

    # -- which week, and how to open it ------------------------------------------

    def _choose_week(self) -> str:
        """Early in the week, last week first, while it has no finished review."""
        from leadjournal import weeks

        current = self.journal.current_week()
        today = self.journal.today()
        from leadjournal.config import DAYS

        # Named from our own list, not strftime: a day's name must not depend on the locale.
        if DAYS[today.weekday()] not in self.settings.config.review_days:
            return current
        last = weeks.shift(current, -1)
        state = self.book.state(last)
        if state is not None and state.review.status == "complete":
            return current
        say(self.console, messages.WEEK_CHOICE, "bold")
        say(self.console, messages.WEEK_CHOICE_LAST.format(week=last))
        say(self.console, messages.WEEK_CHOICE_THIS.format(week=current))
        while True:
            answer = ask(self.console, messages.WEEK_CHOICE_ASK + " ").strip()
            if answer in ("", "1"):
                return last
            if answer == "2":
                return current
            say(self.console, messages.WEEK_CHOICE_RETRY, "yellow")

    def _open(
        self, week: str, *, replace: bool, yes: bool, take_over: bool
    ) -> tuple[ReviewSession | None, str | None]:
        """The week's session (None: leave it), and the one step to amend, if any."""
        from leadjournal.review import OpenHow, ReviewClaimed

        claim = self.book.claim(week)
        if claim is not None and not take_over:
            if self.book.is_stale(claim):
                say(self.console, messages.TOOK_OVER_STALE.format(week=week), "dim")
            else:
                say(self.console, ReviewClaimed(claim).message, "yellow")
                if not _yes_no(self.console, messages.TAKE_OVER_CONFIRM):
                    raise ReviewClaimed(claim)
                take_over = True
        state = self.book.state(week)
        how: OpenHow = "continue"
        step: str | None = None
        if replace:
            if state is not None and not yes:
                question = messages.REPLACE_CONFIRM.format(week=week)
                if not _yes_no(self.console, question):
                    say(self.console, messages.REVIEW_KEPT.format(week=week))
                    return None, None
            how = "replace"
        elif state is not None and state.review.status == "complete":
            choice = self._amend_choice(week)
            if choice is None:
                say(self.console, messages.REVIEW_KEPT.format(week=week))
                return None, None
            how, step = ("replace", None) if choice == "start over" else ("amend", choice)
        elif state is not None and state.resumed:
            say(self.console, messages.RESUMING.format(week=week))
            if not _yes_no(self.console, messages.RESUME_CONFIRM, default=True):
                how = "replace"
        session = _with_take_over(
            self.settings,
            self.book,
            week,
            take_over,
            lambda over: self.book.open(week, how=how, owner=_owner(), take_over=over),
        )
        return session, step

    def _amend_choice(self, week: str) -> str | None:
        """A reviewed week: a step to amend, "start over", or None to leave it."""
        from leadjournal.review import AMENDABLE_STEPS

        say(self.console, messages.AMEND_CHOICE.format(week=week), "bold")
        while True:
            answer = ask(self.console, messages.AMEND_OPTIONS + " ").strip().lower()
            if answer in ("l", ""):
                return None
            if answer == "s":
                return "start over"
            if answer == "a":
                break
            say(self.console, messages.AMEND_RETRY, "yellow")
        choices = ", ".join(
            f"[{number}] {_STEP_NAMES[step]}" for number, step in enumerate(AMENDABLE_STEPS, 1)
        )
        while True:
            answer = ask(self.console, messages.AMEND_WHICH.format(choices=choices) + " ").strip()
            if answer.isdigit() and 1 <= int(answer) <= len(AMENDABLE_STEPS):
                return AMENDABLE_STEPS[int(answer) - 1]
            say(self.console, messages.AMEND_WHICH_RETRY, "yellow")

    # -- the steps ------------------------------------------------------------------

    def _now(self, value: str | None) -> None:
        """Amending: what the step holds now, as the leader wrote it."""
        from rich.text import Text

        from leadjournal import render

        if self.amending:
            shown = value if value else messages.NOTHING
            self.console.print(
                Text.assemble("  ", render.user(messages.CURRENT_VALUE.format(value=shown), "dim"))
            )

    def _follow_ups(self, session: ReviewSession) -> None:
        from leadjournal import render

        state = session.state()
        asked = [*state.followed_up, *state.follow_ups] if self.amending else state.follow_ups
        intro = messages.FOLLOW_UP_INTRO if asked else messages.FOLLOW_UP_NONE
        _heading(self.console, "1 · Follow-up", intro)
        for commitment in asked:
            say(self.console)
            if commitment.source == "exercise":
                from leadjournal.cli import review_exercises

                # An exercise's follow-up: what was decided, and its assessment.
                if review_exercises.follow_up(self, session, commitment):
                    continue
            self.console.print(render.user(f"  “{commitment.text}”  ({commitment.week})"))
            before = next((f for f in commitment.follow_ups if f.week == session.week), None)
            if before is not None:
                self._now(
                    before.outcome.replace("_", " ") + (f": {before.note}" if before.note else "")
                )
            while True:
                answer = ask(self.console, f"  {messages.FOLLOW_UP_QUESTION} ").strip().lower()
                if answer in OUTCOME_KEYS:
                    break
                say(self.console, f"  {messages.FOLLOW_UP_RETRY}", "yellow")
            outcome = OUTCOME_KEYS[answer]
            if outcome is None:
                continue
            # Saved now, before its note is asked: Ctrl-D at the note keeps it.
            session.follow_up(commitment.id, outcome)
            note = ask(self.console, f"  {messages.FOLLOW_UP_NOTE} ").strip()
            if note:
                session.follow_up(commitment.id, outcome, note)

    def _ask_rating(
        self, session: ReviewSession, name: str, help_text: str, now: int | None
    ) -> None:
        say(self.console, f"  {help_text}")
        if now is not None:
            self._now(str(now))
        prompt = messages.RATING_PROMPT
        while True:
            answer = ask(self.console, f"  {prompt} ").strip()
            if not answer:
                return
            try:
                session.rate(name, answer)
                return
            except BadInput as exc:
                say(self.console, f"  {exc.message}", "yellow")

    def _ratings(self, session: ReviewSession) -> None:
        from leadjournal import render

        _heading(self.console, "2 · Ratings", messages.RATINGS_INTRO)
        review = session.review
        asked = {
            "results": (messages.ASK_RESULTS, review.results),
            "relationships": (messages.ASK_RELATIONSHIPS, review.relationships),
            **{
                name: (messages.ASK_EXTRA.format(name=name), review.extra.get(name))
                for name in self.settings.config.extra_dimensions
            },
        }
        for name, (question, now) in asked.items():
            if now is None or self.amending:
                self._ask_rating(session, name, question, now)
        rated = session.review
        if rated.results is not None and rated.relationships is not None:
            _heading(self.console, "3 · Where you stand")
            self.console.print(render.standing(self.book.standing(session.week)))
            from leadjournal.cli.review_people import people_step

            people_step(self, session)
        if not self.amending:
            from leadjournal.cli import review_exercises

            # The one exercise a week whose moment has come, if any.
            review_exercises.offer(self, session)

    def _goals(self, session: ReviewSession) -> None:
        """This week's measures of goals whose cadence is due; each answer saved at once."""
        from rich.text import Text

        from leadjournal import render

        goals = self.journal.goals
        questions = goals.questions(session.week)
        if questions:
            _heading(self.console, "Goals", messages.GOALS_STEP_INTRO)
        by_goal: dict[str, list[GoalQuestion]] = {}
        for question in questions:
            by_goal.setdefault(question.goal.id, []).append(question)
        for goal_id, asked in by_goal.items():
            say(self.console)
            self.console.print(render.user(f"  “{asked[0].goal.title}”  ({goal_id[:8]})"))
            for question in asked:
                self._goal_value(session, question)
            summary = goals.get(goal_id)
            if summary.progress is not None:
                self.console.print(Text("  ") + render.goal_progress_line(summary))

    def _goal_value(self, session: ReviewSession, question: GoalQuestion) -> None:
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
            answer = ask(self.console, prompt + " ").strip()
            if not answer:
                return
            try:
                self.journal.goals.review_checkin(session.review, question, answer)
                return
            except BadInput as exc:
                say(self.console, f"  {exc.message}", "yellow")

    def _reflection(self, session: ReviewSession) -> None:
        _heading(self.console, "4 · Reflection")
        if self.amending:
            existing = session.state().reflections
            self._now(existing[0].body if existing else None)
            draft = session.reflection(replacing=existing[0] if existing else None)
            self._ask_lines(messages.DEFAULT_REFLECTION, draft)
            return
        questions: list[tuple[str, str | None, str | None]] = []
        if self.prompts_on:
            warn_pack_problems(self.journal.packs.problems)
            for prompt in self.journal.review_prompts(
                session.week, count=self.settings.config.prompt_count, seed=self.seed
            ):
                questions.append((prompt.text, prompt.id, prompt.source))
        if not questions:
            questions.append((messages.DEFAULT_REFLECTION, None, None))
        for text, prompt_id, source in questions:
            if source:
                say(self.console, f"From “{source}”", "dim")
            self._ask_lines(text, session.reflection(prompt_id))

    def _ask_lines(self, question: str, draft: Draft) -> None:
        """A multi-line answer, saved after every line; an empty line or Ctrl-D ends it.

        ``:e`` on the first line opens $EDITOR instead; Enter on the first
        line skips.
        """
        ask_lines(self.settings, question, console=self.console, on_line=draft.save)

    def _win(self, session: ReviewSession) -> None:
        from leadjournal import render

        _heading(self.console, "5 · A win")
        review = session.review
        if review.win and not self.amending:
            # Resumed after the win was given: only whose effort is left to ask.
            self.console.print(render.user(f"  {review.win}"))
            win = review.win
        else:
            self._now(review.win)
            win = ask(self.console, f"  {messages.ASK_WIN} ").strip()
            if win:
                # Saved now, before whose effort is asked.
                session.win(win)
        if win or (self.amending and review.win):
            self._now(review.win_by)
            by = ask(self.console, f"  {messages.ASK_WIN_BY} ").strip()
            if by:
                session.win_by(by)

    def _commitment(self, session: ReviewSession) -> None:
        _heading(self.console, "6 · One commitment for next week")
        say(self.console, self.book.suggestion(session.week), "dim")
        current = session.state().commitment
        self._now(current.text if current else None)
        if current is not None and not self.amending:
            # Chosen earlier in this review (the people step): Enter keeps it.
            say(self.console, "  " + messages.COMMITMENT_SO_FAR.format(text=current.text), "dim")
        text = ask(self.console, f"  {messages.ASK_COMMITMENT} ").strip()
        if text:
            session.commit(text)


# -- what the review shows at the end ----------------------------------------------


def _show_changes(console: Console, week: str, changes: list[Change]) -> None:
    from leadjournal import render

    if not changes:
        say(console, messages.REVIEW_UNCHANGED.format(week=week))
        return
    say(console, messages.CHANGED.format(week=week), "bold")
    for change in changes:
        console.print(
            render.user(
                messages.CHANGE_LINE.format(
                    what=change.what,
                    old=change.old if change.old is not None else messages.NOTHING,
                    new=change.new if change.new is not None else messages.NOTHING,
                )
            )
        )


def _show_summary(settings: Settings, book: WeeklyReview, week: str) -> None:
    from leadjournal import render

    settings.console.print()
    settings.console.print(render.summary_card(book.summary(week)))
