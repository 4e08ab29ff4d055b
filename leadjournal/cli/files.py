"""Around opening the journal: tidy what killed commands left, warn about open modes."""

from __future__ import annotations

import time
from pathlib import Path

from leadjournal import messages
from leadjournal.safetext import visible


def tidy_beside_journal(db_path: Path) -> None:
    """Remove the temporary files killed backups, exports and doctor runs left.

    Only names that belong to this journal (``.journal…``, from the journal's
    own name) and only once their writer is gone.
    """
    from leadjournal.store.files import clean_leftovers

    stem = db_path.stem
    clean_leftovers(db_path.parent, time.time(), lambda name: name.startswith(stem))


def tidy_old_doctor_copies() -> None:
    """Remove the copies killed ``db doctor`` runs of older versions left in the temp folder.

    Older versions worked in ``leadjournal-doctor-*`` in the system's temporary
    folder, each holding a whole copy of a journal. Only our own folders, and
    only those nobody has written to for a minute.
    """
    import os
    import shutil
    import tempfile

    from leadjournal.store.files import STALE_SECONDS

    folder = Path(tempfile.gettempdir())
    now = time.time()
    for old in folder.glob("leadjournal-doctor-*"):
        try:
            if old.is_symlink() or not old.is_dir() or old.stat().st_uid != os.geteuid():
                continue
            newest = max([old.stat().st_mtime, *(p.stat().st_mtime for p in old.iterdir())])
        except OSError:
            continue
        if now - newest > STALE_SECONDS:
            shutil.rmtree(old, ignore_errors=True)


def tidy_beside(target: Path) -> None:
    """Remove what a killed write of ``target`` (an export, a backup) left beside it."""
    from leadjournal.store.files import clean_leftovers

    clean_leftovers(target.parent, time.time(), lambda name: name == target.name)


def warn_if_exposed(db_path: Path) -> None:
    """One line on stderr when others may read or change the journal or its folder."""
    from leadjournal.store.files import exposures

    found = exposures(db_path)
    if not found:
        return
    import shlex

    import typer

    what = ", ".join(
        messages.EXPOSED_ITEM.format(path=visible(str(e.path)), mode=f"{e.mode:o}") for e in found
    )
    fix = " && ".join(f"chmod {e.private_mode:o} {shlex.quote(str(e.path))}" for e in found)
    typer.echo(messages.EXPOSED.format(what=what, fix=visible(fix)), err=True)
