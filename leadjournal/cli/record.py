"""restore: bring back what an edit, amendment, replacement or deletion took away."""

from __future__ import annotations

from typing import Annotated

import typer

from leadjournal import messages
from leadjournal.cli import completion
from leadjournal.cli.context import Settings
from leadjournal.cli.io import emit_json, tell
from leadjournal.cli.options import Json


def restore(
    ctx: typer.Context,
    target: Annotated[
        str,
        typer.Argument(
            metavar="ID|WEEK",
            help="An item's id, a version's id (from show --history), or a week: 2026-W47.",
            autocompletion=completion.items_or_weeks,
        ),
    ],
    as_json: Json = False,
) -> None:
    """Bring back a deleted or replaced entry, commitment or week's review.

    Restores the newest kept version (or the version named); what stands in
    its place now is kept in turn, so a restore can be undone the same way.
    Versions are kept for at least 30 days (see 'leadjournal db purge').

    Example: leadjournal restore 2026-W47
    """
    settings: Settings = ctx.obj
    with settings.journal() as journal:
        restored = journal.record.restore(target)
    version = restored.version
    if as_json:
        emit_json(version)
        return
    what = version.week if version.kind == "review" else f"{version.kind} {version.item_id[:8]}"
    tell(
        messages.RESTORED.format(
            what=messages.RESTORED_WHAT.get(version.kind, "{what}").format(what=what),
            saved_at=version.saved_at,
            action=version.action,
        )
    )
