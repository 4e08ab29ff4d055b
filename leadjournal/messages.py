"""Every sentence the user reads, in one reviewable place.

Placeholders use ``str.format`` names. Keep each message to one or two
sentences: what was wrong, then (as a hint) what to do.
"""

from __future__ import annotations

DATE_FORMS_HINT = (
    "Use an ISO date (2026-11-18), an ISO week (2026-W47), "
    "or one of: today, yesterday, this week, last week."
)
BAD_WEEK = "'{value}' is not an ISO week."
BAD_DATE = "'{value}' is not a date leadjournal understands."

# -- ids ---------------------------------------------------------------------
NOT_FOUND = "No {noun} has an id starting with '{id}'."
ID_HINT = "Run 'leadjournal log' or 'leadjournal commitments' to see ids."
AMBIGUOUS = "More than one {noun} has an id starting with '{id}': {candidates}."
AMBIGUOUS_HINT = "Type more characters of the id."

# -- storage -----------------------------------------------------------------
DB_PATH_HINT = "Choose another file with --db PATH or LEADJOURNAL_DB, or fix the permissions."
DB_IS_FOLDER = "{path} is a folder, not a journal file."
CANNOT_CREATE_DB = "Cannot create the journal at {path}: {reason}."
NOT_SQLITE = "{path} is not a SQLite database, so leadjournal will not open or overwrite it."
NOT_A_JOURNAL = "{path} is a SQLite database of another program, not a leadjournal journal."
NOT_SQLITE_HINT = "Point --db at your journal file, or at a new path to start a new journal."
DB_TOO_NEW = "{path} was written by a newer version of leadjournal."
DB_TOO_NEW_HINT = "Upgrade leadjournal to open it; the file has not been changed."
DB_LOCKED = "The journal at {path} is busy in another program and did not free up in time."
DB_LOCKED_HINT = "Finish or close the other leadjournal command and try again; nothing was lost."
DISK_FULL = "The disk holding {path} is full, so the last change was not saved."
DISK_FULL_HINT = "Free some space and run the command again; earlier entries are safe."
DB_READ_ONLY = "The journal at {path} cannot be written (read-only file or folder)."
DB_CORRUPT = "The journal at {path} is damaged and cannot be read."
DB_CORRUPT_HINT = "Run 'leadjournal db doctor' to see what can be recovered; the file is untouched."
DB_CONSTRAINT = "That change breaks a rule of the journal: {detail}."
DB_CONSTRAINT_HINT = "Check the values you gave; nothing was written."
DB_ERROR = "The journal at {path} could not be used: {detail}."
DB_ERROR_HINT = "Run 'leadjournal db doctor' to check the file."
BACKUP_EXISTS = "{path} already exists; a backup never overwrites a file."
BACKUP_EXISTS_HINT = "Name a new file for the backup."
