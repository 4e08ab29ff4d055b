"""``leadjournal demo``: a sample journal to explore, never the real one."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from leadjournal import messages
from leadjournal.cli.context import Settings
from leadjournal.errors import BadInput, Conflict


def demo(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="PATH",
            help="The new file to write the sample journal to (before or after 'demo').",
        ),
    ] = None,
) -> None:
    """Write a sample journal of 26 weeks to a new file, to try trends and brief.

    Example: leadjournal demo --db /tmp/demo.db && leadjournal --db /tmp/demo.db trends
    """
    from leadjournal.demo import build_demo
    from leadjournal.store import Store

    settings: Settings = ctx.obj
    # `leadjournal --db X demo` names the file as well as `demo --db X`; never
    # LEADJOURNAL_DB or the default journal, which may be the real one.
    chosen = db or settings.db_override
    if not chosen:
        raise BadInput(messages.DEMO_NEEDS_DB, messages.DEMO_NEEDS_DB_HINT)
    path = Path(chosen).expanduser()
    if path.exists():
        raise Conflict(messages.DEMO_EXISTS.format(path=path), messages.DEMO_EXISTS_HINT)
    store = Store.open(path)
    try:
        result = build_demo(store, settings.clock)
    except BaseException:
        store.close()
        # Only what this command created: a half-written sample is no use.
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    store.close()
    from leadjournal.render import user

    settings.console.print(user(messages.DEMO_WRITTEN.format(weeks=result.weeks, path=path)))
