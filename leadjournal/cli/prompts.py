"""``leadjournal prompt`` (one prompt now, optionally answered) and
``leadjournal prompts validate`` (check a folder of packs)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from leadjournal import messages
from leadjournal.cli.context import Settings
from leadjournal.cli.drafts import Unsaved, from_bytes, kept_if_stopped, stdin_bytes
from leadjournal.cli.io import ask_lines, emit_json, say, warn_pack_problems
from leadjournal.cli.options import Json, Seed
from leadjournal.errors import BadInput

if TYPE_CHECKING:
    from leadjournal.prompts import Prompt


def prompt_command(
    ctx: typer.Context,
    theme: Annotated[
        str | None,
        typer.Option(
            "--theme", metavar="THEME", help="Only prompts of this theme, e.g. recognition."
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source", metavar="TEXT", help="Only prompts from an article whose title has TEXT."
        ),
    ] = None,
    seed: Seed = None,
    answer: Annotated[
        bool,
        typer.Option("--answer", help="Answer it now (typed, :e for $EDITOR, or piped on stdin)."),
    ] = False,
    as_json: Json = False,
) -> None:
    """Show a reflection prompt now, and answer it if you like.

    A prompt you answered in the last few weeks is not picked again while
    others are left.

    Examples:

    \b
      leadjournal prompt --theme recognition
      leadjournal prompt --answer
      echo "Thanked Sam for the on-call cover" | leadjournal prompt --seed 4 --answer --json
    """
    settings: Settings = ctx.obj
    with settings.journal() as journal:
        warn_pack_problems(journal.packs.problems)
        chosen = journal.prompt_now(theme=theme, source=source, seed=seed)
        entry = None
        if answer:
            typed = _answer_text(settings, chosen, as_json)
            if typed is not None:
                # A long import elsewhere is waited for, with the answer kept meanwhile.
                journal.store.on_wait = typed.waiting
                with typed.saving():
                    entry = journal.answer_prompt(chosen, typed.text)
    if as_json:
        emit_json({**_prompt_json(chosen), "entry": entry})
        return
    if not answer:
        _show(settings, chosen)
    elif entry is None:
        say(settings.console, messages.PROMPT_NOT_ANSWERED)
    else:
        say(settings.console, messages.PROMPT_ANSWER_SAVED.format(id=entry.id[:8], week=entry.week))


def _show(settings: Settings, chosen: Prompt) -> None:
    console = settings.console
    say(console, messages.PROMPT_FROM.format(source=chosen.source), "dim")
    say(console, chosen.text, "bold")


def _answer_text(settings: Settings, chosen: Prompt, as_json: bool) -> Unsaved | None:
    """The answer from stdin when piped, else typed; None when skipped."""
    if not settings.interactive:
        typed = from_bytes(settings, stdin_bytes(), "answer")
        if not typed.text.strip():
            raise BadInput(
                messages.PROMPT_ANSWER_NEEDS_TEXT, messages.PROMPT_ANSWER_NEEDS_TEXT_HINT
            )
        return typed
    # With --json the conversation goes to stderr, so stdout stays pure JSON.
    console = settings.err_console if as_json else settings.console
    say(console, messages.PROMPT_FROM.format(source=chosen.source), "dim")
    with kept_if_stopped(settings, "answer"):
        text = ask_lines(settings, chosen.text, console=console)
    return Unsaved(settings, text, "answer") if text else None


def _prompt_json(chosen: Prompt) -> dict[str, object]:
    return chosen.model_dump(mode="json")


# --- prompts validate ------------------------------------------------------------

app = typer.Typer(
    help=(
        "Prompt packs: check the built-in ones or a folder of your own.\n\n"
        "Example: leadjournal prompts validate ~/my-prompts"
    ),
    no_args_is_help=True,
)


@app.command("validate")
def validate(
    ctx: typer.Context,
    folder: Annotated[
        Path | None,
        typer.Argument(
            metavar="DIR",
            help="A folder of .toml packs (default: the built-in packs and your own folders).",
        ),
    ] = None,
    as_json: Json = False,
) -> None:
    """Check prompt packs and list every problem, one per line.

    Each line names the file, the item and the field. Exits 0 when all is
    well and 2 when there is something to fix.

    Examples:

    \b
      leadjournal prompts validate
      leadjournal prompts validate ~/my-prompts
    """
    from leadjournal.prompts import builtin_prompts_dir, validate_folder

    settings: Settings = ctx.obj
    folders = [folder] if folder is not None else [builtin_prompts_dir(), *settings.prompt_dirs]
    problems = [problem for each in folders for problem in validate_folder(each)]
    if as_json:
        emit_json(
            [
                {
                    "file": str(p.file),
                    "kind": p.kind,
                    "item": p.item,
                    "field": p.field,
                    "message": p.message,
                    "text": str(p),
                }
                for p in problems
            ]
        )
    else:
        from leadjournal.safetext import visible

        for problem in problems:
            typer.echo(visible(str(problem)))
    if problems:
        raise BadInput(
            messages.PACKS_HAVE_PROBLEMS.format(count=messages.counted(len(problems), "problem")),
            messages.PACKS_HAVE_PROBLEMS_HINT,
        )
    if not as_json:
        say(settings.console, messages.PACKS_CLEAN.format(folders=", ".join(map(str, folders))))
