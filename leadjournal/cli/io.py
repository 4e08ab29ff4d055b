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
from leadjournal.cli.drafts import (
    EditorFile,
    StoppedTyping,
    Unsaved,
    from_bytes,
    kept_if_stopped,
    stdin_bytes,
)
from leadjournal.errors import BadInput, Conflict
from leadjournal.safetext import json_safe, visible

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console

    from leadjournal.prompts import PackProblem


def tell(text: str) -> None:
    """A one-line confirmation, plain, its control characters shown (it may name a path).

    Through typer, not rich: the quickest commands (write, done, delete) then
    never import rich, about a tenth of their start-up.
    """
    typer.echo(visible(text))


def say(console: Console, text: str = "", style: str = "") -> None:
    """Print text as it is: brackets in a message or an entry are not markup, and
    control characters in it are shown, not obeyed (see ``render.user``)."""
    from rich.text import Text

    console.print(Text(visible(text), style=style))


def ask(console: Console, prompt: str) -> str:
    """One line typed at the terminal, after a prompt printed as plain text
    (it may quote a commitment or a pack's question)."""
    from rich.text import Text

    return console.input(Text(visible(prompt)))


def emit_json(data: Any) -> None:
    """JSON on stdout and nothing else: scripts parse it.

    Our models and pydantic's (a pack's prompt) both have ``model_dump_json``;
    pydantic is not imported for it.
    """
    if hasattr(data, "model_dump_json"):
        text = data.model_dump_json(indent=2)
    else:
        text = json.dumps(_plain(data), indent=2, ensure_ascii=False)
    sys.stdout.write(json_safe(text) + "\n")


def _plain(data: Any) -> Any:
    if hasattr(data, "model_dump"):
        return data.model_dump(mode="json")
    if isinstance(data, list | tuple):
        return [_plain(item) for item in data]
    if isinstance(data, dict):
        return {key: _plain(value) for key, value in data.items()}
    return data


@contextmanager
def editor_file(settings: Settings, initial: str = "") -> Iterator[EditorFile | None]:
    """Run $EDITOR on a private temporary file; None when no editor could run.

    The file lives until the block ends, so a caller can save the text (or
    keep it as a draft) before anything is deleted.
    """
    editor = settings.editor
    if not editor:
        yield None
        return
    # mkstemp makes the file 0600: a draft reflection is as private as the journal.
    # For an encrypted journal this file is the one plaintext moment: it lives
    # in the journal's own folder (not a shared temporary folder), named as
    # our files being written are (so a later command removes one a kill
    # left), and is removed the moment the editor returns.
    sealed = settings.encrypted
    if sealed:
        folder = settings.db_path.parent
        handle, name = tempfile.mkstemp(
            prefix=f".{settings.db_path.name}.{os.getpid()}.", suffix=".part", dir=folder
        )
    else:
        handle, name = tempfile.mkstemp(prefix="leadjournal-", suffix=".md")
    path = Path(name)
    edited: EditorFile | None = None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as draft:
            draft.write(initial)
        try:
            result = subprocess.run([*shlex.split(editor), str(path)], check=False)
        except (OSError, ValueError):
            result = None
        if result is None or result.returncode != 0:
            say(settings.err_console, messages.EDITOR_FAILED.format(editor=editor))
        else:
            edited = EditorFile(path, path.read_bytes())
            if sealed:
                path.unlink(missing_ok=True)
        yield edited
    finally:
        if edited is None or not edited.keep:
            path.unlink(missing_ok=True)


def edit_in_editor(settings: Settings, initial: str = "") -> str | None:
    """The text after the person edits it, or None when no editor could run.

    Bytes that are not UTF-8 are kept as a draft before the file is deleted.
    """
    with editor_file(settings, initial) as edited:
        return None if edited is None else from_bytes(settings, edited.data, "text").text


def ask_lines(
    settings: Settings,
    question: str,
    *,
    allow_editor: bool = True,
    console: Console | None = None,
    notes: Sequence[str] = (),
) -> str:
    """A multi-line answer typed at the terminal, ended by an empty line or Ctrl-D.

    Ctrl-D finishes the answer and keeps every line typed, as an empty line
    does (jrnl's habit); on the first line it means "skip", like Enter.
    Ctrl-C after some lines raises ``StoppedTyping`` (a KeyboardInterrupt)
    carrying them, so a caller can keep them as a draft.
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
        try:
            line = ask(console, "> " if not lines else "  ")
        except EOFError:
            console.print()  # the terminal did not echo a newline for Ctrl-D
            return "\n".join(lines).strip()
        except KeyboardInterrupt:
            if lines:
                raise StoppedTyping("\n".join(lines)) from None
            raise
        if not lines and line.strip() == ":e" and allow_editor:
            edited = edit_in_editor(settings)
            if edited is not None:
                return edited.strip()
            say(console, messages.EDITOR_UNSET, "dim")
            continue
        if not line.strip():
            return "\n".join(lines).strip()
        lines.append(line)


@contextmanager
def typed_text(
    settings: Settings, text: str | None, *, what: str, kind: str, again: Sequence[str] = ()
) -> Iterator[Unsaved]:
    """An argument, else piped stdin, else $EDITOR, else typed at the terminal.

    The editor's temporary file is deleted only when the block ends, after
    the text was saved or kept as a draft.
    """
    if text is not None:
        yield Unsaved(settings, text, kind, again)
        return
    if not settings.interactive:
        yield from_bytes(settings, stdin_bytes(), kind, again)
        return
    with editor_file(settings) as edited:
        if edited is not None:
            yield from_bytes(settings, edited.data, kind, again, source=edited)
            return
    if settings.editor is None:
        say(settings.err_console, messages.EDITOR_UNSET, "dim")
    question = messages.WRITE_QUESTION.format(what=what)
    with kept_if_stopped(settings, kind, again):
        answer = ask_lines(settings, question, allow_editor=False)
    if not answer:
        raise BadInput(messages.EMPTY_TEXT.format(what=what), messages.EMPTY_TEXT_HINT)
    yield Unsaved(settings, answer, kind, again)


@contextmanager
def edited_text(settings: Settings, initial: str, *, kind: str) -> Iterator[Unsaved | None]:
    """``initial`` after the person edits it in $EDITOR; None when no editor could run."""
    with editor_file(settings, initial) as edited:
        if edited is None:
            yield None
            return
        yield from_bytes(settings, edited.data, kind, source=edited)


def confirm(settings: Settings, question: str, *, default: bool = False) -> bool:
    if not settings.interactive:
        return False
    return typer.confirm(question, default=default)


def warn_pack_problems(problems: Sequence[PackProblem]) -> None:
    """A broken pack is a warning, not a failure: the rest of the library works."""
    # Plain echo, not rich: one problem per line, never wrapped, so it can be grepped.
    for problem in problems:
        typer.echo(visible(messages.PACK_WARNING.format(problem=problem)), err=True)


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
    from leadjournal.cli.files import tidy_beside

    tidy_beside(path)
    # The pid in the name tells a later command whether the writer is gone.
    handle, name = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}.", suffix=".part", dir=path.parent
    )
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
