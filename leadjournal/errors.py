"""Errors are data until the edge.

Core code raises these; the command line's one error boundary prints the
message and hint to stderr and exits with the error's code. A message says
what was wrong, a hint what to do about it.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILURE = 1  # not found, conflict, storage trouble
    BAD_INPUT = 2  # usage and validation
    INTERRUPTED = 130  # Ctrl-C, as shells report it; answers given so far are kept
    BROKEN_PIPE = 141  # the reader of our output stopped early, as shells report it


class LeadJournalError(Exception):
    """A failure the user caused or can fix, with a message and a hint."""

    exit_code: ExitCode = ExitCode.FAILURE
    code: str = "error"

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class BadInput(LeadJournalError):
    exit_code = ExitCode.BAD_INPUT
    code = "bad_input"


class NotFound(LeadJournalError):
    code = "not_found"


class Ambiguous(LeadJournalError):
    code = "ambiguous"

    def __init__(self, message: str, hint: str | None, candidates: list[str]) -> None:
        super().__init__(message, hint)
        self.candidates = candidates


class Conflict(LeadJournalError):
    code = "conflict"


class StorageError(LeadJournalError):
    code = "storage"


class ConfigError(LeadJournalError):
    exit_code = ExitCode.BAD_INPUT
    code = "config"


class Interrupted(LeadJournalError):
    """Ctrl-C stopped a command before it saved; what was typed is kept."""

    exit_code = ExitCode.INTERRUPTED
    code = "interrupted"
