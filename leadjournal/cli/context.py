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
    from leadjournal.store.cipher import Key

APP_NAME = "leadjournal"


@dataclass
class Settings:
    db_override: str | None
    debug: bool = False
    pager: bool = True  # long output through $PAGER on a terminal; --no-pager turns it off
    environ: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    # An encrypted journal's key, once given in this command (asked for once).
    key: Key | None = field(default=None, repr=False)
    # Lines for stderr once the command has finished well (a missed week).
    said_after: list[str] = field(default_factory=list)

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

    @cached_property
    def config_dir(self) -> Path:
        """The config folder, as the platform's convention has it (XDG_CONFIG_HOME on Linux)."""
        import platformdirs

        return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))

    @cached_property
    def state_dir(self) -> Path:
        """Small notes the journal keeps for itself: what was installed, what was said today."""
        import platformdirs

        return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))

    @property
    def legacy_config_path(self) -> Path:
        """Where config.toml used to live: beside journal.db, in the data folder."""
        return self.home / "config.toml"

    @cached_property
    def config_path(self) -> Path:
        """The config file the journal reads: LEADJOURNAL_CONFIG, else the config
        folder's config.toml, else (while only it exists) the one in the old place."""
        if chosen := self.environ.get("LEADJOURNAL_CONFIG"):
            return Path(chosen).expanduser()
        path = self.config_dir / "config.toml"
        if not path.exists() and self.legacy_config_path.is_file():
            return self.legacy_config_path
        return path

    @cached_property
    def config(self) -> Config:
        from leadjournal.config import load_config

        path = self.config_path
        if path == self.legacy_config_path and not self.environ.get("LEADJOURNAL_CONFIG"):
            from leadjournal.cli.habit import note_old_config

            note_old_config(self, path, self.config_dir / "config.toml")
        return load_config(path)

    # -- reminders -----------------------------------------------------------

    @property
    def reminder_record(self) -> Path:
        return self.state_dir / "reminders.json"

    @property
    def systemd_user_dir(self) -> Path:
        base = self.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        return Path(base).expanduser() / "systemd" / "user"

    @property
    def launch_agents_dir(self) -> Path:
        return Path.home() / "Library" / "LaunchAgents"

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
        store = Store.open(self.db_path, key=self.journal_key())
        store.on_wait = on_wait
        warn_if_exposed(self.db_path)
        try:
            journal = Journal(store, self.clock, prompt_dirs=self.prompt_dirs)
            yield journal
            from leadjournal.cli.habit import nudge_after

            nudge_after(self, journal)
        finally:
            store.close()

    def journal_key(self) -> Key | None:
        """The key of an encrypted journal (asked for only then), or None for a plain one.

        A journal that does not exist yet starts encrypted when the config
        says ``encrypt = true``.
        """
        from leadjournal.store.cipher import looks_encrypted

        if self.key is not None:
            return self.key
        if looks_encrypted(self.db_path):
            from leadjournal.cli.passphrase import key_for

            self.key = key_for(self, self.db_path)
            return self.key
        if _is_new(self.db_path) and self.config.encrypt:
            from leadjournal.cli.passphrase import new_passphrase
            from leadjournal.store.cipher import load, new_key

            load()
            self.key = new_key(new_passphrase(self))
            return self.key
        return None

    @property
    def encrypted(self) -> bool:
        """Whether the journal is (or is about to become) encrypted; asks nothing."""
        from leadjournal.store.cipher import looks_encrypted

        return self.key is not None or looks_encrypted(self.db_path)

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


def _is_new(path: Path) -> bool:
    try:
        return not path.exists() or path.stat().st_size == 0
    except OSError:
        return False
