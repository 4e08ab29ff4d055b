"""What the command line builds once and hands to the core: paths, clock, config.

The only place environment variables are read.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from leadjournal import messages
from leadjournal.errors import BadInput

if TYPE_CHECKING:
    from rich.console import Console

    from leadjournal.clock import Clock
    from leadjournal.config import Config
    from leadjournal.journal import Journal

APP_NAME = "leadjournal"


@dataclass
class Settings:
    db_override: str | None
    debug: bool = False
    pager: bool = True  # long output through $PAGER on a terminal; --no-pager turns it off
    environ: dict[str, str] = field(default_factory=lambda: dict(os.environ))

    @classmethod
    def from_environment(
        cls, db_path: str | None, *, debug: bool = False, pager: bool = True
    ) -> Settings:
        return cls(db_override=db_path, debug=debug, pager=pager)

    # -- paths -------------------------------------------------------------

    @cached_property
    def home(self) -> Path:
        """The folder holding journal.db and config.toml."""
        if home := self.environ.get("LEADJOURNAL_HOME"):
            return Path(home).expanduser()
        import platformdirs  # lazy: only commands that touch data need it

        return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))

    @cached_property
    def db_path(self) -> Path:
        chosen = self.db_override or self.environ.get("LEADJOURNAL_DB")
        if chosen:
            return Path(chosen).expanduser()
        return self.home / "journal.db"

    @property
    def drafts_folder(self) -> Path:
        """Where text that could not be saved is kept, beside the journal."""
        from leadjournal.drafts import folder_beside

        return folder_beside(self.db_path)

    @property
    def config_path(self) -> Path:
        return self.home / "config.toml"

    @cached_property
    def config(self) -> Config:
        from leadjournal.config import load_config

        return load_config(self.config_path)

    @property
    def prompt_dirs(self) -> list[Path]:
        folders: list[Path] = []
        if self.config.prompts_folder is not None:
            folders.append(self.config.prompts_folder)
        if extra := self.environ.get("LEADJOURNAL_PROMPTS"):
            folders.extend(Path(part).expanduser() for part in extra.split(os.pathsep) if part)
        return folders

    @property
    def editor(self) -> str | None:
        return self.config.editor or self.environ.get("VISUAL") or self.environ.get("EDITOR")

    # -- clock -------------------------------------------------------------

    @cached_property
    def clock(self) -> Clock:
        from leadjournal.clock import FixedClock, SystemClock

        text = self.environ.get("LEADJOURNAL_NOW")
        if not text:
            return SystemClock()
        from datetime import datetime

        from leadjournal.weeks import FIRST_YEAR, LAST_YEAR

        try:
            moment = datetime.fromisoformat(text.strip())
        except ValueError:
            raise BadInput(messages.BAD_NOW.format(value=text), messages.BAD_NOW_HINT) from None
        # Strictly inside: the week of 31 December can belong to the next year.
        if not FIRST_YEAR < moment.year < LAST_YEAR:
            raise BadInput(
                messages.YEAR_OUT_OF_RANGE.format(value=text, first=FIRST_YEAR, last=LAST_YEAR),
                messages.BAD_NOW_HINT,
            )
        return FixedClock(moment)

    # -- the journal -------------------------------------------------------

    @contextmanager
    def journal(self, *, on_wait: Callable[[], None] | None = None) -> Iterator[Journal]:
        """The journal, open for one command.

        With ``on_wait``, a write that meets another terminal's long write
        (an import) calls it once and waits for as long as that takes,
        instead of failing after the busy timeout.
        """
        from leadjournal.cli.files import tidy_beside_journal, warn_if_exposed
        from leadjournal.journal import Journal
        from leadjournal.store import Store

        tidy_beside_journal(self.db_path)
        store = Store.open(self.db_path)
        store.on_wait = on_wait
        warn_if_exposed(self.db_path)
        try:
            yield Journal(store, self.clock, prompt_dirs=self.prompt_dirs)
        finally:
            store.close()

    # -- terminal ----------------------------------------------------------

    @cached_property
    def console(self) -> Console:
        return _console(stderr=False)

    @cached_property
    def err_console(self) -> Console:
        return _console(stderr=True)

    @property
    def interactive(self) -> bool:
        return sys.stdin.isatty()


def _console(*, stderr: bool) -> Console:
    from rich.console import Console

    class JournalConsole(Console):
        def on_broken_pipe(self) -> None:
            # rich's own ends the program with exit 1; a reader that stopped
            # early (`leadjournal log | head`) is the error boundary's to
            # handle, quietly and with exit 141, as for any other write.
            raise BrokenPipeError

    return JournalConsole(stderr=stderr, highlight=False)
