"""Where an encrypted journal's passphrase comes from, and the keyring.

In order: ``LEADJOURNAL_PASSPHRASE_COMMAND`` (a command whose output is the
passphrase, run without a shell), the OS keyring (the ``keyring`` package, if
installed and a backend works), then the terminal (no echo, three tries).
Without a terminal and without a source, an error says how to give one.

The passphrase is never put in an environment variable, an argument, an
error or the debug output: it goes from the source straight into the key
derivation, and only the derived key is passed on (see ``store.cipher``).
The keyring keeps that derived key (with the file's salt), not the
passphrase: it opens only this journal, reveals nothing reusable elsewhere,
and spares each command the deliberately slow derivation.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leadjournal import messages
from leadjournal.errors import BadInput, Interrupted, StorageError

if TYPE_CHECKING:
    from leadjournal.cli.context import Settings
    from leadjournal.store.cipher import Key

COMMAND_VARIABLE = "LEADJOURNAL_PASSPHRASE_COMMAND"
NEW_COMMAND_VARIABLE = "LEADJOURNAL_NEW_PASSPHRASE_COMMAND"
KEYRING_SERVICE = "leadjournal"
TRIES = 3


def key_for(settings: Settings, path: Path) -> Key:
    """The key that opens the encrypted journal at ``path``, from the first source that has one."""
    from leadjournal.store import BUSY_TIMEOUT_SECONDS
    from leadjournal.store.cipher import WrongPassphrase, derive, load, opens, salt_of

    load()  # says how to install SQLCipher before asking for anything
    salt = salt_of(path)
    if salt is None:  # pragma: no cover - callers check first
        raise StorageError(messages.NOT_ENCRYPTED.format(path=path), messages.NOT_ENCRYPTED_HINT)
    wrong = WrongPassphrase(
        messages.WRONG_PASSPHRASE, messages.WRONG_PASSPHRASE_HINT.format(path=path)
    )
    if command := settings.environ.get(COMMAND_VARIABLE):
        key = derive(run_command(command, COMMAND_VARIABLE), salt)
        if not opens(path, key, BUSY_TIMEOUT_SECONDS):
            raise wrong
        return key
    remembered = recall(path)
    # A key kept for an earlier file at this path (since re-encrypted) is passed over.
    if (
        remembered is not None
        and remembered.salt == salt
        and opens(path, remembered, BUSY_TIMEOUT_SECONDS)
    ):
        return remembered
    if not settings.interactive:
        raise StorageError(
            messages.NEED_PASSPHRASE.format(path=path), messages.NEED_PASSPHRASE_HINT
        )
    for attempt in range(TRIES):
        typed = _typed(messages.PASSPHRASE_PROMPT.format(path=_shown(path)))
        key = derive(typed, salt)
        if opens(path, key, BUSY_TIMEOUT_SECONDS):
            return key
        if attempt < TRIES - 1:
            _note(messages.WRONG_PASSPHRASE_AGAIN)
    raise wrong


def new_passphrase(settings: Settings, *, replacing: bool = False) -> str:
    """A new passphrase: from the new-passphrase command, or typed twice at the terminal.

    ``replacing``: an old passphrase is needed too (a rekey), so the ordinary
    command, which gives the old one, is not taken for the new one.
    """
    if command := settings.environ.get(NEW_COMMAND_VARIABLE):
        return run_command(command, NEW_COMMAND_VARIABLE)
    if not replacing and (command := settings.environ.get(COMMAND_VARIABLE)):
        return run_command(command, COMMAND_VARIABLE)
    if not settings.interactive:
        raise BadInput(messages.NEED_NEW_PASSPHRASE, messages.NEED_NEW_PASSPHRASE_HINT)
    for _ in range(TRIES):
        first = _typed(messages.NEW_PASSPHRASE_PROMPT)
        if not first:
            _note(messages.NEW_PASSPHRASE_EMPTY)
            continue
        if _typed(messages.NEW_PASSPHRASE_AGAIN) == first:
            return first
        _note(messages.NEW_PASSPHRASE_MISMATCH)
    raise BadInput(messages.NEW_PASSPHRASES_DIFFER, messages.NEW_PASSPHRASES_DIFFER_HINT)


def run_command(command: str, variable: str) -> str:
    """The first line a passphrase command prints (its trailing newline removed).

    Run without a shell: the variable names a program and its arguments.
    Its errors go to the terminal (a pinentry, a 'pass' message); its output
    is never shown, not even when it fails.
    """
    try:
        argv = shlex.split(command)
    except ValueError as exc:
        raise BadInput(
            messages.PASSPHRASE_COMMAND_FAILED.format(source=variable, reason=exc),
            messages.PASSPHRASE_COMMAND_HINT,
        ) from None
    if not argv:
        raise BadInput(
            messages.EMPTY_PASSPHRASE.format(source=variable), messages.EMPTY_PASSPHRASE_HINT
        )
    try:
        result = subprocess.run(argv, stdout=subprocess.PIPE, check=False, timeout=120)
    except (OSError, subprocess.SubprocessError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise BadInput(
            messages.PASSPHRASE_COMMAND_FAILED.format(source=variable, reason=reason),
            messages.PASSPHRASE_COMMAND_HINT,
        ) from None
    if result.returncode != 0:
        raise BadInput(
            messages.PASSPHRASE_COMMAND_FAILED.format(
                source=variable, reason=f"it exited with {result.returncode}"
            ),
            messages.PASSPHRASE_COMMAND_HINT,
        )
    text = result.stdout.decode("utf-8", errors="strict") if result.stdout else ""
    line = text.split("\n", 1)[0].removesuffix("\r")
    if not line:
        raise BadInput(
            messages.EMPTY_PASSPHRASE.format(source=variable), messages.EMPTY_PASSPHRASE_HINT
        )
    return line


# -- the OS keyring -------------------------------------------------------------


def _keyring() -> Any | None:
    """The keyring module when it is installed and a real backend answers."""
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # not installed, or broken: the keyring is simply not a source
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(backend, fail.Keyring):
        return None
    return keyring


def _account(path: Path) -> str:
    return str(path.expanduser().resolve())


def kept_mark(path: Path) -> Path:
    """The empty file beside a journal that says its key is in the keyring.

    Importing ``keyring`` and finding its backend costs more than deriving
    the key (about half a second; see benchmarks/RESULTS.md), so a journal
    whose key was never remembered does not pay for asking.
    """
    return Path(f"{path}.keyring")


def recall(path: Path) -> Key | None:
    from leadjournal.store.cipher import Key

    if not kept_mark(path).exists():
        return None
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        stored = keyring.get_password(KEYRING_SERVICE, _account(path))
    except Exception:
        return None
    return None if not stored else Key.from_stored(str(stored))


def remember(path: Path, key: Key) -> str | None:
    """Keep ``key`` in the keyring; the backend's name, or None when there is none."""
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        keyring.set_password(KEYRING_SERVICE, _account(path), key.stored())
        name = str(type(keyring.get_keyring()).__name__)
    except Exception:
        return None
    try:
        from leadjournal.store.files import _create_private_file

        _create_private_file(kept_mark(path))
    except OSError:
        pass  # already there (or the folder is read-only: the keyring is then not asked)
    return name


def forget(path: Path) -> bool:
    """Remove the key kept for ``path``; whether there was one."""
    mark = kept_mark(path)
    marked = mark.exists()
    mark.unlink(missing_ok=True)
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        if keyring.get_password(KEYRING_SERVICE, _account(path)) is None:
            return False
        keyring.delete_password(KEYRING_SERVICE, _account(path))
    except Exception:
        return marked
    return True


def _typed(prompt: str) -> str:
    """One passphrase typed at the terminal, not echoed; Ctrl-C or Ctrl-D stops the command."""
    import getpass

    try:
        return getpass.getpass(prompt)
    except (KeyboardInterrupt, EOFError):
        _note("")
        raise Interrupted(messages.PASSPHRASE_STOPPED, messages.PASSPHRASE_STOPPED_HINT) from None


def _shown(path: Path) -> str:
    from leadjournal.safetext import visible

    return visible(str(path))


def _note(text: str) -> None:
    print(text, file=sys.stderr)
