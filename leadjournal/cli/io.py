"""Reading text from a person (inline or in $EDITOR) and writing JSON for scripts."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import typer

from leadjournal import messages
from leadjournal.cli.context import Settings
from leadjournal.errors import BadInput, Conflict

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console

    from leadjournal.prompts import PackProblem


def tell(text: str) -> None:
    """A one-line confirmation, plain.

    Through typer, not rich: the quickest commands (write, done, delete) then
    never import rich, about a tenth of their start-up.
    """
    typer.echo(text)


def say(console: Console, text: str = "", style: str = "") -> None:
    """Print text as it is: brackets in a message or an entry are not markup."""
    from rich.text import Text

    console.print(Text(text, style=style))


def ask(console: Console, prompt: str) -> str:
    """One line typed at the terminal, after a prompt printed as plain text."""
    from rich.text import Text

    return console.input(Text(prompt))


def emit_json(data: Any) -> None:
    """JSON on stdout and nothing else: scripts parse it.

    Our models and pydantic's (a pack's prompt) both have ``model_dump_json``;
    pydantic is not imported for it.
    """
    if hasattr(data, "model_dump_json"):
        text = data.model_dump_json(indent=2)
    else:
        text = json.dumps(_plain(data), indent=2, ensure_ascii=False)
    sys.stdout.write(text + "\n")


def _plain(data: Any) -> Any:
    if hasattr(data, "model_dump"):
        return data.model_dump(mode="json")
    if isinstance(data, list | tuple):
        return [_plain(item) for item in data]
    if isinstance(data, dict):
        return {key: _plain(value) for key, value in data.items()}
    return data


def edit_in_editor(settings: Settings, initial: str = "") -> str | None:
    """The text after the person edits it, or None when no editor could run."""
    editor = settings.editor
    if not editor:
        return None
    # mkstemp makes the file 0600: a draft reflection is as private as the journal.
    handle, name = tempfile.mkstemp(prefix="leadjournal-", suffix=".md")
    path = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as draft:
            draft.write(initial)
        try:
            result = subprocess.run([*shlex.split(editor), str(path)], check=False)
        except (OSError, ValueError):
            say(settings.err_console, messages.EDITOR_FAILED.format(editor=editor))
            return None
        if result.returncode != 0:
            say(settings.err_console, messages.EDITOR_FAILED.format(editor=editor))
            return None
        return path.read_text(encoding="utf-8")
    finally:
        path.unlink(missing_ok=True)


def ask_lines(
    settings: Settings,
    question: str,
    *,
    allow_editor: bool = True,
    console: Console | None = None,
    notes: Sequence[str] = (),
) -> str:
    """A multi-line answer typed at the terminal, ended by an empty line.

    Typing ``:e`` on the first line opens $EDITOR instead. An empty first line
    means "skip" and returns "". ``notes`` are shown under the question.
    ``console`` defaults to stdout; a command printing JSON asks on stderr.
    """
    console = console or settings.console
    say(console, question, "bold")
    for note in notes:
        say(console, note, "dim")
    hint = messages.MULTILINE_HINT if allow_editor else messages.MULTILINE_HINT_NO_EDITOR
    say(console, hint, "dim")
    lines: list[str] = []
    while True:
        line = ask(console, "> " if not lines else "  ")
        if not lines and line.strip() == ":e" and allow_editor:
            edited = edit_in_editor(settings)
            if edited is not None:
                return edited.strip()
            say(console, messages.EDITOR_UNSET, "dim")
            continue
        if not line.strip():
            return "\n".join(lines).strip()
        lines.append(line)


def text_from_anywhere(settings: Settings, text: str | None, *, what: str) -> str:
    """An argument, else piped stdin, else $EDITOR, else typed at the terminal."""
    if text is not None:
        return text
    if not settings.interactive:
        return sys.stdin.read()
    edited = edit_in_editor(settings)
    if edited is not None:
        return edited
    if settings.editor is None:
        say(settings.err_console, messages.EDITOR_UNSET, "dim")
    answer = ask_lines(settings, messages.WRITE_QUESTION.format(what=what), allow_editor=False)
    if not answer:
        raise BadInput(messages.EMPTY_TEXT.format(what=what), messages.EMPTY_TEXT_HINT)
    return answer


def confirm(settings: Settings, question: str, *, default: bool = False) -> bool:
    if not settings.interactive:
        return False
    return typer.confirm(question, default=default)


def warn_pack_problems(problems: Sequence[PackProblem]) -> None:
    """A broken pack is a warning, not a failure: the rest of the library works."""
    # Plain echo, not rich: one problem per line, never wrapped, so it can be grepped.
    for problem in problems:
        typer.echo(messages.PACK_WARNING.format(problem=problem), err=True)


@contextmanager
def atomic_output(path: Path, *, force: bool = False) -> Iterator[TextIO]:
    """A file to write, put in place only when writing finished, readable by its owner only.

    Written to a temporary file beside the target (mkstemp makes it 0600) and
    moved over it with os.replace, so a reader never sees half a file and a
    failed write leaves any earlier file as it was.
    """
    if path.is_dir():
        raise BadInput(messages.OUTPUT_IS_FOLDER.format(path=path), messages.OUTPUT_EXISTS_HINT)
    if path.exists() and not force:
        raise Conflict(messages.OUTPUT_EXISTS.format(path=path), messages.OUTPUT_EXISTS_HINT)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def choose(value: str, choices: tuple[str, ...], example: str) -> str:
    """``value`` if it is one of the ``--format`` or ``--from`` choices (any case)."""
    # Imported here, not at the top: this module is on every command's path,
    # --help included, and the models are not.
    from leadjournal.models import one_of

    return one_of(value, choices, "format", messages.BAD_FORMAT_HINT.format(example=example))
