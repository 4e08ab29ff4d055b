"""Small words that serve the habit, said at most once: a missed week, a moved config.

What was said, and when, is kept in an owner-only note in the state folder.
Nothing here opens a journal: the missed-week line uses the store the
command already opened (an encrypted journal never asks twice for its
passphrase), and nothing here may make a command fail.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from leadjournal import messages
from leadjournal.safetext import visible

if TYPE_CHECKING:
    from leadjournal.cli.context import Settings
    from leadjournal.journal import Journal

NOTES = "notes.json"
# Commands that deal with missed weeks themselves.
QUIET_COMMANDS = {"review"}


def on_terminal() -> bool:
    """A person is reading: both output streams are a terminal (never a pipe or a file)."""
    return sys.stdout.isatty() and sys.stderr.isatty()


def nudge_after(settings: Settings, journal: Journal) -> None:
    """One dim line for stderr when last week was missed: once a day, on a terminal."""
    if not on_terminal() or _quiet_command():
        return
    # Nothing may turn a finished command into a failure: a broken config,
    # a state folder that cannot be written, a journal that cannot be read
    # just mean no nudge today.
    try:
        if not _nudge_on(settings):
            return
        from leadjournal.habit import missed_week

        today = journal.today().isoformat()
        notes = _read_notes(settings)
        nudged: dict[str, Any] = notes.setdefault("nudged", {})
        key = str(settings.db_path)
        if nudged.get(key) == today:
            return
        week = missed_week(journal.store, journal.current_week())
        if week is None:
            return
        nudged[key] = today
        _write_notes(settings, notes)
    except Exception:
        return
    # Said when the command has finished (cli/app.py), after its own output.
    settings.said_after.append(messages.NUDGE.format(week=week))


def say_after(settings: Settings) -> None:
    """The lines kept for the end of a command that finished well, dim, on stderr."""
    from rich.text import Text

    for line in settings.said_after:
        settings.err_console.print(Text(visible(line), style="dim"))
    settings.said_after.clear()


def _nudge_on(settings: Settings) -> bool:
    """The config's ``nudge``, without loading pydantic just for it.

    A config the command already checked is used as it is; otherwise the key
    alone is read (a file with other mistakes is reported by the commands
    that use those keys).
    """
    if "config" in vars(settings):
        return settings.config.nudge
    import tomllib

    try:
        value = tomllib.loads(settings.config_path.read_text(encoding="utf-8")).get("nudge", True)
    except FileNotFoundError:
        return True
    return value is not False


def note_old_config(settings: Settings, old: Path, new: Path) -> None:
    """Say once where the config now belongs, and how to move it there."""
    try:
        notes = _read_notes(settings)
        said: list[str] = notes.setdefault("old_config", [])
        if str(old) in said:
            return
        said.append(str(old))
        _write_notes(settings, notes)
    except (OSError, ValueError):
        return  # said again next time, which is better than never
    import shlex

    folder, old_name, new_name = (shlex.quote(str(p)) for p in (new.parent, old, new))
    move = f"mkdir -p {folder} && mv {old_name} {new_name}"
    typer.echo(visible(messages.OLD_CONFIG.format(old=old, new=new, move=move)), err=True)


def _quiet_command() -> bool:
    from typer import _click as click_core

    ctx = click_core.globals.get_current_context(silent=True)
    while ctx is not None:
        if ctx.params.get("as_json"):
            return True
        if ctx.parent is not None and ctx.parent.parent is None and ctx.info_name in QUIET_COMMANDS:
            return True
        ctx = ctx.parent
    return False


def _read_notes(settings: Settings) -> dict[str, Any]:
    try:
        data = json.loads((settings.state_dir / NOTES).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return {}  # a damaged note is started again
    return data if isinstance(data, dict) else {}


def _write_notes(settings: Settings, notes: dict[str, Any]) -> None:
    """Replace the note whole (mkstemp makes it 0600): never half a file."""
    import os
    import tempfile

    folder = settings.state_dir
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, name = tempfile.mkstemp(prefix=f".{NOTES}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(notes, stream)
        Path(name).replace(folder / NOTES)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
