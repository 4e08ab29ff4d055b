"""Text typed for the journal, from the moment it is typed until it is saved.

Whatever stops the save (a long import holding the journal, a full disk, a
read-only file, bytes that are not UTF-8, an edit clash, Ctrl-C while
waiting) leaves the text in a draft beside the journal, with its path and
the command that saves it later. Nothing a leader typed is thrown away.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import typer

from leadjournal import messages
from leadjournal.cli.context import Settings
from leadjournal.errors import BadInput, Interrupted
from leadjournal.models import Draft


@dataclass
class EditorFile:
    """What the editor saved, in the private temporary file it edited.

    ``keep`` set to True leaves the file in place when the editing block
    ends: the last resort when its text could be kept nowhere else.
    """

    path: Path
    data: bytes
    keep: bool = False


class Unsaved:
    """A text typed for the journal and not saved yet.

    ``kind`` names what it was typed for (``write``, ``answer``,
    ``edit-<id>``); ``again`` holds the options to repeat when saving it
    later (``--tag x``). ``raw`` is the exact bytes, when they are not text.
    """

    def __init__(
        self,
        settings: Settings,
        text: str,
        kind: str,
        again: Sequence[str] = (),
        *,
        raw: bytes | None = None,
        source: EditorFile | None = None,
    ) -> None:
        self.settings = settings
        self.text = text
        self.kind = kind
        self.again = list(again)
        self.raw = raw
        self.source = source
        self.draft: Draft | None = None
        self._told = False

    def keep(self) -> Draft | None:
        """Write the text to a draft (once); None when there was nothing to keep
        or no draft could be written (then the text is shown another way)."""
        if self.draft is not None:
            return self.draft
        # surrogateescape: an argument the shell passed as bytes that are not
        # UTF-8 comes back as those very bytes.
        data = self.raw if self.raw is not None else self.text.encode("utf-8", "surrogateescape")
        if not data.strip():
            return None
        from leadjournal import drafts

        if self.settings.encrypted and self.settings.key is None:
            # Never plaintext beside an encrypted journal, and without its
            # key no sealed draft can be made: the text is shown instead.
            self._show_instead(messages.DRAFT_NEEDS_KEY, keep_file=False)
            return None
        try:
            self.draft = drafts.keep(
                self.settings.drafts_folder,
                data,
                self.kind,
                datetime.now().astimezone(),
                key=self.settings.key,
            )
        except OSError as exc:
            self._show_instead(str(exc.strerror or exc))
            return None
        return self.draft

    def waiting(self) -> None:
        """Another writer holds the journal: say so once, and keep the text meanwhile,
        so a closed terminal or a kill during the wait loses nothing."""
        say_waiting(self.keep())

    def tell_kept(self) -> bool:
        """Keep the text and say where it is and how to save it; whether it was kept."""
        draft = self.keep()
        if draft is None:
            return False
        if not self._told:
            self._told = True
            _note(messages.DRAFT_KEPT.format(path=draft.path))
            command = shlex.join(["leadjournal", "write", "--from-draft", draft.name, *self.again])
            _note(messages.DRAFT_SAVE_LATER.format(command=command))
        return True

    @contextmanager
    def saving(self) -> Iterator[None]:
        """Around the save: on any failure the text is kept before the error is told;
        on success a draft kept while waiting is removed."""
        try:
            yield
        except KeyboardInterrupt:
            kept = self.tell_kept()
            raise Interrupted(
                messages.STOPPED_BEFORE_SAVING,
                messages.STOPPED_BEFORE_SAVING_HINT if kept else None,
            ) from None
        except BaseException:
            self.tell_kept()
            raise
        if self.draft is not None:
            discard_saved(self.draft)

    def _show_instead(self, reason: str, *, keep_file: bool = True) -> None:
        _note(messages.DRAFT_NOT_KEPT.format(reason=reason))
        if keep_file and self.source is not None and self.source.path.exists():
            self.source.keep = True
            _note(messages.DRAFT_STILL_IN.format(path=self.source.path))
            return
        from leadjournal import render

        _note(messages.DRAFT_TEXT_FOLLOWS)
        shown = self.raw.decode("utf-8", "replace") if self.raw is not None else self.text
        self.settings.err_console.print(render.user(shown))


class StoppedTyping(KeyboardInterrupt):
    """Ctrl-C in the middle of a multi-line answer, with the lines typed so far."""

    def __init__(self, typed: str) -> None:
        super().__init__()
        self.typed = typed


@contextmanager
def kept_if_stopped(settings: Settings, kind: str, again: Sequence[str] = ()) -> Iterator[None]:
    """Around typing: Ctrl-C after some lines keeps them as a draft (exit 130)."""
    try:
        yield
    except StoppedTyping as stopped:
        unsaved = Unsaved(settings, stopped.typed, kind, again)
        kept = unsaved.tell_kept()
        raise Interrupted(
            messages.STOPPED_BEFORE_SAVING, messages.STOPPED_BEFORE_SAVING_HINT if kept else None
        ) from None


def discard_saved(draft: Draft) -> None:
    """Remove a draft whose text is now in the journal; if that fails, say so (it is saved)."""
    from leadjournal import drafts

    try:
        drafts.discard(draft)
    except OSError as exc:
        _note(messages.DRAFT_NOT_REMOVED.format(path=draft.path, reason=exc.strerror or exc))


def say_waiting(draft: Draft | None) -> None:
    """Once, on stderr: the write waits for another writer, and where the text is meanwhile."""
    _note(messages.WAITING_FOR_WRITER)
    if draft is not None:
        _note(messages.DRAFT_KEPT_MEANWHILE.format(path=draft.path))


def _note(text: str) -> None:
    # Plain echo to stderr: never wrapped, so a path can be copied whole;
    # control characters in a path are shown, not obeyed.
    from leadjournal.safetext import visible

    typer.echo(visible(text), err=True)


def from_bytes(
    settings: Settings,
    data: bytes,
    kind: str,
    again: Sequence[str] = (),
    *,
    source: EditorFile | None = None,
) -> Unsaved:
    """The text in ``data``; bytes that are not UTF-8 are kept as a draft, as they are."""
    from leadjournal.drafts import utf8_problem

    problem = utf8_problem(data)
    if problem is None:
        return Unsaved(settings, data.decode("utf-8"), kind, again, source=source)
    unsaved = Unsaved(settings, "", kind, again, raw=data, source=source)
    unsaved.tell_kept()
    offset, line = problem
    raise BadInput(
        messages.TEXT_NOT_UTF8.format(offset=offset, line=line), messages.TEXT_NOT_UTF8_HINT
    )


def stdin_bytes() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        return bytes(stream.read())
    return sys.stdin.read().encode("utf-8")
