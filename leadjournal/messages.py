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

# -- input -------------------------------------------------------------------
BAD_RATING = "The {name} rating must be a whole number from 1 to 9, not '{value}'."
RATING_HINT = "1 means almost none of the week went there, 9 means a great deal did."
EMPTY_TEXT = "The {what} is empty."
EMPTY_TEXT_HINT = "Write at least a few words, or skip this step."
BAD_TAG = "'{value}' is not a tag."
TAG_HINT = "A tag is one word of letters, digits, '_' or '-', like @hiring or @one-on-ones."
BAD_WEEKS = "The number of weeks must be 1 or more, not {value}."
BAD_WEEKS_HINT = "For example: --weeks 4."

# -- reviews and commitments --------------------------------------------------
REVIEW_EXISTS = "The review for {week} is already done."
REVIEW_EXISTS_HINT = "Add --replace to record it again from the start, or pick another --week."
NO_RATINGS = "The review for {week} has no ratings yet."
NO_RATINGS_HINT = "Rate results and relationships first."
COMMITMENT_CLOSED = "Commitment {id} is already {status}."
COMMITMENT_CLOSED_HINT = "Only open commitments can be marked done or dropped."
SUGGEST_FOR_RESULTS_LEAN = (
    "Your week leaned toward results. Try a people-side change: hold a one-on-one "
    "that is about the person, or recognise someone's effort in front of the team."
)
SUGGEST_FOR_RELATIONSHIPS_LEAN = (
    "Your week leaned toward relationships. Try a results-side change: agree one "
    "clear expectation with a deadline, or follow up on a commitment someone made."
)
SUGGEST_BALANCED = (
    "Pick one small change you can see happen by next week: a conversation, "
    "a decision, or a habit you want to keep."
)

# -- config ------------------------------------------------------------------
CONFIG_HINT = (
    "Fix the file, or move it aside to use the defaults. "
    "Known keys: editor, prompts, prompts_folder, prompt_count, extra_dimensions."
)
CONFIG_UNREADABLE = "Cannot read the config file {path}: {reason}."
CONFIG_SYNTAX = "The config file {path} is not valid TOML: {reason}."
CONFIG_INVALID = "The config file {path} has a problem: {problems}."
BAD_DIMENSION = "'{name}' is not a dimension name (lower-case letters, digits and '-')"
CORE_DIMENSION = "'{name}' is always asked; list only extra dimensions"
DUPLICATE_DIMENSION = "'{name}' is listed twice"
BAD_NOW = "LEADJOURNAL_NOW is '{value}', which is not an ISO date-time."
BAD_NOW_HINT = "Set it like 2026-11-20T09:00 (it is meant for tests and demos), or unset it."

# -- text input --------------------------------------------------------------
MULTILINE_HINT = "Finish with an empty line. Type :e to use your editor, or just Enter to skip."
MULTILINE_HINT_NO_EDITOR = "Finish with an empty line."
EDITOR_UNSET = (
    "No editor is set, so type here instead. "
    "Set $EDITOR or 'editor' in config.toml to write in your editor."
)
EDITOR_FAILED = "The editor '{editor}' did not finish cleanly, so type here instead."
WRITE_QUESTION = "Write your {what}:"

# -- entries -----------------------------------------------------------------
SAVED_ENTRY = "Saved entry {id} ({week})."
ONE_PERIOD = "Choose one period: --this-week, --last-week, --week or --weeks."
ONE_PERIOD_HINT = "For example: leadjournal log --weeks 8."
BAD_LIMIT = "The limit must be 1 or more, not {value}."
BAD_LIMIT_HINT = "For example: --limit 10."
EDIT_NEEDS_EDITOR = "Editing needs an editor, and none could be started."
EDIT_NEEDS_EDITOR_HINT = "Set $EDITOR (for example: export EDITOR=nano) or 'editor' in config.toml."
UNCHANGED = "Entry {id} is unchanged."
EDITED = "Saved your changes to entry {id}."
DELETE_NEEDS_YES = "Deleting asks for confirmation, and there is no terminal to ask at."
DELETE_NEEDS_YES_HINT = "Add --yes to delete without asking."
DELETE_CONFIRM = "Delete this entry for good?"
NOT_DELETED = "Nothing was deleted."
DELETED = "Deleted entry {id}."
NO_ENTRIES = "No entries for {period}."
NO_MATCHES = "Nothing matches '{query}'."

# -- the review --------------------------------------------------------------
FLAGS_NEED_RATINGS = "A review from flags needs both --results and --relationships."
FLAGS_NEED_RATINGS_HINT = (
    "For example: leadjournal review --results 7 --relationships 4 --win 'Launch'. "
    "Run 'leadjournal review' in a terminal to be asked instead."
)
REVIEW_NEEDS_TERMINAL = "The interactive review needs a terminal, and input is not one."
REVIEW_NEEDS_TERMINAL_HINT = (
    "Run it in a terminal, or record it with flags: "
    "leadjournal review --results 7 --relationships 4 --reflection '...'"
)
BAD_RATE_FLAG = "'{value}' is not NAME=N."
BAD_RATE_FLAG_HINT = "For example: --rate energy=6."
REVIEW_PAUSED = "Review of {week} paused; every answer you gave is saved."
REVIEW_PAUSED_HINT = "Run 'leadjournal review' again to carry on where you stopped."
REPLACE_CONFIRM = "The review for {week} is already done. Start it again from scratch?"
REVIEW_KEPT = "Kept the review for {week} as it was."
RESUMING = "You started the review for {week} earlier; your answers are saved."
RESUME_CONFIRM = "Carry on where you stopped? (No starts the week over)"
FOLLOW_UP_INTRO = "How did last time's commitments go?"
FOLLOW_UP_NONE = "No open commitments from earlier weeks."
RATING_PROMPT = "1–9 (Enter to skip) ›"
FOLLOW_UP_QUESTION = "[d]one, [p]artly, [n]ot yet, drop [x], or Enter to skip:"
FOLLOW_UP_RETRY = "Type d, p, n or x (or press Enter to skip)."
FOLLOW_UP_NOTE = "What happened? (Enter to skip)"
RATINGS_INTRO = "Two separate ratings, as on the Managerial Grid."
ASK_RESULTS = "How much of this week went into results (goals, delivery, accountability)?"
ASK_RELATIONSHIPS = "How much went into relationships (support, recognition, listening)?"
ASK_EXTRA = "How would you rate your {name} this week?"
DEFAULT_REFLECTION = "What stands out from this week, and what would you do differently?"
ASK_WIN = "One win to celebrate, yours or the team's (Enter to skip):"
ASK_WIN_BY = "Whose effort was it? (Enter to skip)"
ASK_COMMITMENT = "One specific change for next week (Enter to skip):"

# -- where you stand and the trend ---------------------------------------------
VERDICT_BALANCED = "Balanced: neither side is pulling ahead."
VERDICT_NO_DATA = "No rated weeks yet."
VERDICT_TEMPORARY = (
    "A temporary lean toward {toward}. A week or two like this is normal; "
    "watch that it does not set in."
)
VERDICT_LASTING = (
    "A lasting imbalance toward {toward} ({weeks} of your recent weeks). "
    "Step back and adjust: give {other} deliberate time next week."
)
STYLE_NOTES = {
    "team": "high on both: the aim",
    "produce-or-perish": "results at the cost of people",
    "country club": "people at the cost of results",
    "impoverished": "low on both: a hard week, or a sign to step back",
    "middle of the road": "some of each, neither fully",
}
LEAN_NONE = "balanced (lean {lean:+d})"
LEAN_TOWARD = "leans toward {toward} (lean {lean:+d})"
STREAK = "Streak: {current} in a row (longest {longest}); a streak counts weeks, not days."
OPEN_COMMITMENTS = "Open commitments: {count}."
NO_COMMITMENTS = "No commitments yet."
COMMITMENT_MARKED = "Commitment {id} is now {status}."
BACKUP_WRITTEN = "Backup written to {path}. Open it with --db to read it."

# -- trends, brief, export, import, demo ----------------------------------------
TRENDS_TITLE = "Trends · {first} – {last} ({count} weeks)"
TRENDS_NO_REVIEWS = "No reviewed weeks in this period yet. Run 'leadjournal review' to start."
FOLLOW_THROUGH = (
    "Follow-through: {percent} of {assessed} assessed commitments kept "
    "({done} done, {partly} partly); {open} open, {overdue} overdue."
)
FOLLOW_THROUGH_NONE = "Follow-through: no commitments assessed yet; {open} open, {overdue} overdue."
GRID_LEGEND = "@ latest week · o earlier weeks"
OUTPUT_EXISTS = "{path} already exists, and leadjournal does not overwrite files unasked."
OUTPUT_EXISTS_HINT = "Add --force to replace it, or choose another --output."
OUTPUT_IS_FOLDER = "{path} is a folder; --output needs a file name."
WROTE_FILE = "Wrote {path} ({size} bytes)."
BAD_FORMAT = "'{value}' is not one of the formats: {choices}."
BAD_FORMAT_HINT = "For example: --format {example}."
EXPORTED = "Exported {counts} to {path}."
IMPORT_FILE_MISSING = "Cannot read {name}: {reason}."
IMPORT_FILE_HINT = "Check the path; export files are made with 'leadjournal export --format json'."
IMPORT_NOT_UTF8 = "{name} is not a UTF-8 text file."
IMPORT_NOTHING_HINT = "Nothing was imported. Fix the file or export it again."
IMPORT_TRUNCATED = (
    "{name} ends before its JSON is complete (line {line}, column {column}): "
    "the file looks truncated."
)
IMPORT_NOT_JSON = "{name} is not valid JSON: {reason} at line {line}, column {column}."
IMPORT_NOT_OBJECT = "{name} does not hold a journal export (expected a JSON object)."
IMPORT_NOT_OURS = "{name} is not a leadjournal export (its 'format' is not 'leadjournal')."
IMPORT_TRY_JRNL = "It looks like a jrnl export: add --from jrnl. Nothing was imported."
IMPORT_IS_OURS = "{name} is a leadjournal export, not a jrnl one."
IMPORT_IS_OURS_HINT = "Leave out --from jrnl (or use --from leadjournal). Nothing was imported."
IMPORT_NO_VERSION = "{name} has no valid format 'version'."
IMPORT_TOO_NEW = (
    "{name} was written in export format version {version}, newer than this leadjournal reads."
)
IMPORT_TOO_NEW_HINT = "Upgrade leadjournal and import again. Nothing was imported."
IMPORT_UNKNOWN_KEYS = "{name} has parts this leadjournal does not know: {keys}."
IMPORT_INVALID = "{name} has invalid data: {problems}."
IMPORT_JRNL_HINT = (
    "Export from jrnl with 'jrnl --format json --file FILE' and import that file. "
    "Nothing was imported."
)
IMPORT_BAD_TAG = (
    "The jrnl tag '{tag}' cannot be a leadjournal tag (one word of letters, digits, '_' or '-')."
)
IMPORT_EMPTY_ENTRY = "The jrnl entry of {day} {time} has neither a title nor a body."
IMPORT_BROKEN_LINK = (
    "{name} refers to rows that are neither in the file nor in the journal: {detail}."
)
IMPORT_WEEK_KEPT = "{week} was already reviewed here; kept this journal's review of it."
IMPORT_DONE = "Imported from {name}: {added}."
IMPORT_DRY_RUN = "Dry run, nothing written. Importing {name} would add: {added}."
IMPORT_UPDATED = "Updated: {updated}."
IMPORT_UNCHANGED = "Already here, left as they were: {unchanged}."
IMPORT_NOTHING_NEW = "nothing new"
DEMO_EXISTS = "{path} already exists; the demo only writes a new file."
DEMO_EXISTS_HINT = "Name a path that does not exist yet, e.g. --db /tmp/leadjournal-demo.db."
DEMO_WRITTEN = (
    "Wrote a sample journal of {weeks} weeks to {path}.\n"
    "Try:  leadjournal --db {path} trends\n"
    "      leadjournal --db {path} brief --format html --output brief.html"
)
BRIEF_TITLE = "Leadership brief"
BRIEF_EPISODE = "A lasting imbalance toward {toward} stood in {span}."
OS_ERROR_HINT = "Check that the file or folder exists and that you may read and write it."

# --- Prompt packs and prompt choice (leadjournal/prompts.py) ---------------
# Pack problems read as "FILE: ITEM: FIELD: MESSAGE"; these are the MESSAGE
# parts, so they start in lower case and name what to write instead.

PACK_FOLDER_MISSING = "folder not found"
PACK_NOT_A_FOLDER = "is a file, not a folder of .toml packs"
PACK_UNREADABLE = "cannot be read: {reason}"
PACK_NOT_UTF8 = "is not UTF-8 text"
PACK_BAD_TOML = "is not valid TOML at line {line}, column {column}: {reason}"
PACK_BAD_TOML_NO_LINE = "is not valid TOML: {reason}"
PACK_UNKNOWN_TABLE = "unknown table (a pack holds [pack], [[prompt]] and [[exercise]])"
PACK_NOT_A_TABLE_LIST = "must be written as [[{name}]] tables"
PACK_DUPLICATE_ID = "'{id}' is already used in this folder (first in {first})"
PACK_FIELD_REQUIRED = "is required"
PACK_SOURCE_REQUIRED = "is required: give the item a source or set one under [pack]"
PACK_UNKNOWN_FIELD = "is not a field here (choose from {choices})"
PACK_EMPTY = "must not be empty"
PACK_WRONG_TYPE = "must be {expected}"
# What a field of the wrong TOML type should have been, by pydantic error type.
PACK_EXPECTED_TYPES = {
    "string_type": "text in quotes",
    "list_type": "a list in [brackets]",
    "tuple_type": "a list in [brackets]",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "dict_type": "a table",
    "model_type": "a table",
}

NOT_A_THEME = "'{value}' is not a theme (choose from {choices})"
NOT_A_FIT = "'{value}' is not a fit (choose from {choices})"
NOT_A_CADENCE = "'{value}' is not a cadence (choose from {choices})"
NOT_A_STEP_TYPE = "'{value}' is not a step type (choose from {choices})"
NOT_A_SLUG = "'{value}' is not a valid id (use lowercase letters, digits and single hyphens)"
REPEATED_VALUE = "'{value}' is listed twice"
CHOICES_NEEDED = "a choice step needs at least two choices"
CHOICES_ONLY_FOR_CHOICE = "only a choice step has choices (this step's type is '{type}')"
TIP_ONLY_FOR_RATING = "only a rating step has a tip (this step's type is '{type}')"
DUPLICATE_STEP_ID = "step id '{id}' is used twice in this exercise"
ONE_FOLLOW_UP = "only one step of an exercise can be the follow-up step"
NO_STEPS = "an exercise needs at least one step"
NO_THEMES = "a prompt needs at least one theme"

EXERCISE_NOT_FOUND = "No exercise is called '{name}'."
EXERCISE_NOT_FOUND_HINT = "Run 'leadjournal exercise list' to see them: {names}."
EXERCISE_AMBIGUOUS = "'{name}' could be any of several exercises: {names}."
EXERCISE_AMBIGUOUS_HINT = "Type more of the name."
UNKNOWN_THEME = "'{value}' is not a prompt theme."
THEMES_HINT = "Choose a theme from: {themes}."
NO_PROMPT_MATCHES = "No prompt matches {what}."
NO_PROMPT_MATCHES_HINT = "Try another theme ({themes}) or a shorter part of an article title."
NO_PROMPT_FILTER = "the request"
PROMPT_FILTER_THEME = "the theme '{theme}'"
PROMPT_FILTER_SOURCE = "the source '{source}'"
PROMPT_FILTER_JOIN = " and "
