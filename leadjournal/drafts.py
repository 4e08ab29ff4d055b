"""Drafts: text a leader typed that could not be saved yet, kept beside the journal.

A draft is the text exactly as typed (bytes that are not UTF-8 included), in
an owner-only file in an owner-only ``drafts/`` folder next to the journal
file. It is saved later with ``write --from-draft NAME`` and removed then;
``db doctor`` lists the ones still waiting.

A draft of an encrypted journal is sealed: a small SQLCipher file under the
journal's own key (``.sqlcipher``), never plaintext.
"""

from __future__ import annotations

import os
import re
import secrets
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from leadjournal import messages
from leadjournal.errors import Ambiguous, BadInput, NotFound
from leadjournal.models import Draft
from leadjournal.store.files import sync_folder

if TYPE_CHECKING:
    from leadjournal.store.cipher import Key

FOLDER_NAME = "drafts"
SUFFIX = ".txt"
SEALED_SUFFIX = ".sqlcipher"
SUFFIXES = (SUFFIX, SEALED_SUFFIX)
_NAME = re.compile(r"^\d{8}-\d{6}-(?P<kind>[a-z0-9-]+?)-[0-9a-f]{6}$")


def folder_beside(journal: Path) -> Path:
    """The drafts folder of the journal at ``journal``."""
    return journal.parent / FOLDER_NAME


def keep(folder: Path, data: bytes, kind: str, when: datetime, key: Key | None = None) -> Draft:
    """Write ``data`` to a new draft; ``kind`` says what it was for (write, answer, edit-ID).

    With ``key`` (the journal is encrypted) the draft is sealed under it.

    Raises OSError when the draft cannot be written (a full disk, a
    read-only folder); the caller then has to show the text another way.
    """
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.is_symlink() or not folder.is_dir():
        raise NotADirectoryError(0, "not a folder", str(folder))
    # A drafts folder made under a loose umask is made private; a folder of
    # the leader's own that happens to share the name is left as it is (each
    # draft in it is still readable by its owner only).
    if folder.stat().st_mode & 0o077 and all(_is_draft(path) for path in folder.iterdir()):
        folder.chmod(0o700)
    stem = f"{when:%Y%m%d-%H%M%S}-{kind}-{secrets.token_hex(3)}"
    if key is not None:
        from leadjournal.store.cipher import write_sealed

        sealed = folder / f"{stem}{SEALED_SUFFIX}"
        write_sealed(sealed, key, data)
        sync_folder(folder)
        return _draft(sealed)
    path = folder / f"{stem}{SUFFIX}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags, 0o600)
    try:
        os.fchmod(descriptor, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    sync_folder(folder)
    return _draft(path)


def waiting(folder: Path) -> list[Draft]:
    """The drafts in ``folder`` not saved yet, oldest first."""
    if not folder.is_dir():
        return []
    found = [_draft(path) for path in folder.iterdir() if _is_draft(path)]
    return sorted(found, key=lambda draft: draft.name)


def find(folder: Path, ref: str) -> Draft:
    """The draft ``ref`` names: its path, its name, or a unique part of its name."""
    if os.sep in ref or "/" in ref:
        path = Path(ref).expanduser()
        inside = path.is_file() and path.resolve().parent == folder.resolve()
        if not inside or not _NAME.match(path.stem) or path.suffix not in SUFFIXES:
            raise BadInput(
                messages.DRAFT_OUTSIDE.format(path=path, folder=folder), messages.DRAFT_OUTSIDE_HINT
            )
        return _draft(path)
    wanted = ref.strip().removesuffix(SUFFIX).removesuffix(SEALED_SUFFIX)
    drafts = waiting(folder)
    exact = [draft for draft in drafts if draft.name == wanted]
    matches = exact or [draft for draft in drafts if wanted and draft.name.startswith(wanted)]
    if not matches and wanted:
        # Any unique part of the name will do: its random end, or "edit-3f2a".
        matches = [draft for draft in drafts if wanted in draft.name]
    if not matches:
        raise NotFound(
            messages.DRAFT_NOT_FOUND.format(name=ref, folder=folder), messages.DRAFT_NOT_FOUND_HINT
        )
    if len(matches) > 1:
        names = [draft.name for draft in matches]
        raise Ambiguous(
            messages.AMBIGUOUS.format(noun="draft", id=ref, candidates=", ".join(names)),
            messages.AMBIGUOUS_HINT,
            names,
        )
    return matches[0]


def is_sealed(draft: Draft) -> bool:
    """Whether the draft is sealed under an encrypted journal's key."""
    return Path(draft.path).suffix == SEALED_SUFFIX


def text_of(draft: Draft, key: Key | None = None) -> str:
    """The draft's text; a BadInput naming the line when it is not UTF-8.

    A sealed draft is opened with ``key``, the journal's.
    """
    if is_sealed(draft) and key is not None:
        from leadjournal.store.cipher import read_sealed

        data = read_sealed(Path(draft.path), key)
    else:
        data = Path(draft.path).read_bytes()
    problem = utf8_problem(data)
    if problem is not None:
        offset, line = problem
        raise BadInput(
            messages.DRAFT_NOT_UTF8.format(path=draft.path, offset=offset, line=line),
            messages.DRAFT_NOT_UTF8_HINT,
        )
    return data.decode("utf-8")


def reseal(folder: Path, old: Key | None, new: Key | None) -> int:
    """Put every waiting draft under the journal's new key (None: plaintext); how many moved.

    After ``db encrypt`` no draft stays plaintext; after ``db rekey`` every
    sealed draft still opens; after ``db decrypt`` they are plain again, as
    the journal is. Each new draft is written before its old file goes.
    """
    moved = 0
    for draft in waiting(folder):
        sealed = is_sealed(draft)
        if (sealed and old is None) or (not sealed and new is None):
            continue
        path = Path(draft.path)
        if sealed and old is not None:
            from leadjournal.store.cipher import read_sealed

            data = read_sealed(path, old)
        else:
            data = path.read_bytes()
        suffix = SEALED_SUFFIX if new is not None else SUFFIX
        target = path.with_name(f".{draft.name}.resealing{suffix}")
        target.unlink(missing_ok=True)
        if new is not None:
            from leadjournal.store.cipher import write_sealed

            write_sealed(target, new, data)
        else:
            descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        target.replace(path.with_name(f"{draft.name}{suffix}"))
        if path.suffix != suffix:
            path.unlink(missing_ok=True)
        moved += 1
    if moved:
        sync_folder(folder)
    return moved


def discard(draft: Draft) -> None:
    """Remove a draft once its text is in the journal."""
    path = Path(draft.path)
    path.unlink(missing_ok=True)
    sync_folder(path.parent)


def utf8_problem(data: bytes) -> tuple[int, int] | None:
    """Where ``data`` stops being UTF-8: (byte number from 1, line number), or None."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start + 1, data.count(b"\n", 0, exc.start) + 1
    return None


def _is_draft(path: Path) -> bool:
    return path.suffix in SUFFIXES and _NAME.match(path.stem) is not None and path.is_file()


def _draft(path: Path) -> Draft:
    match = _NAME.match(path.stem)
    return Draft(
        name=path.stem,
        path=str(path),
        kind=match.group("kind") if match else "write",
        size=path.stat().st_size,
    )
