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
YEAR_OUT_OF_RANGE = "'{value}' is outside the years a journal can hold ({first}–{last})."

# -- ids ---------------------------------------------------------------------
NOT_FOUND = "No {noun} has an id starting with '{id}'."
ID_HINT = "Run 'leadjournal log' or 'leadjournal commitments' to see ids."
NOT_ID_OR_WEEK = "'{value}' is neither an id nor a week."
NOT_ID_OR_WEEK_HINT = (
    "Give an id from 'leadjournal log' (any unique start of it, such as 3f2a), "
    "or a week: 2026-W47, this week, last week."
)
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
DB_MARKED_DAMAGED = (
    "The journal at {path} was found damaged earlier, so leadjournal will not write to it."
)
DB_CORRUPT_HINT = "Run 'leadjournal db doctor' to see what can be recovered; the file is untouched."
DB_CONSTRAINT = "That change breaks a rule of the journal: {detail}."
DB_CONSTRAINT_HINT = "Check the values you gave; nothing was written."
DB_ERROR = "The journal at {path} could not be used: {detail}."
DB_ERROR_HINT = "Run 'leadjournal db doctor' to check the file."
BACKUP_EXISTS = "{path} already exists; a backup never overwrites a file."
BACKUP_EXISTS_HINT = "Name a new file for the backup."
BACKUP_FAILED = "Could not write the backup {path}: {reason}."
CANNOT_READ_DB = "Cannot read the journal at {path}: {reason}."
DB_TRUNCATED = "The journal at {path} is shorter than its own header says: it was cut short."
DISK_IO = "Writing to the disk holding {path} failed, so the last change was not saved."

# -- input -------------------------------------------------------------------
BAD_RATING = "The {name} rating must be a whole number from 1 to 9, not '{value}'."
RATING_HINT = "1 means almost none of the week went there, 9 means a great deal did."
EMPTY_TEXT = "The {what} is empty."
EMPTY_TEXT_HINT = "Write at least a few words; nothing was saved."
TEXT_TOO_LARGE = "it is {size}, over the {limit} one piece of text may hold"
TEXT_TOO_LARGE_FOR = "The {what} is too large: {problem}."
TEXT_TOO_LARGE_HINT = (
    "Split it into parts of under {limit} and save each as its own entry "
    "(for example 'Part 1 of 2', 'Part 2 of 2'); nothing was saved."
)
BAD_TAG = "'{value}' is not a tag."
TAG_HINT = "A tag is one word of letters, digits, '_' or '-', like @hiring or @one-on-ones."
BAD_WEEKS = "The number of weeks must be 1 or more, not {value}."
BAD_WEEKS_HINT = "For example: --weeks 4."

# -- reviews and commitments --------------------------------------------------
FUTURE_WEEK = "{week} has not started yet; this is {current}."
FUTURE_WEEK_HINT = "Review this week or an earlier one, for example --week last week."
REVIEW_EXISTS = "The review for {week} is already done."
REVIEW_EXISTS_HINT = (
    "Name only what to change (e.g. --results 6) to amend it, or add --replace to start it over."
)
REVIEW_CLAIMED = "The review of {week} is open in another terminal ({where}) since {since}."
REVIEW_CLAIMED_HINT = "Finish it there, or add --take-over to carry it on here."
CLAIM_SOMEWHERE = "another terminal"
REVIEW_TAKEN_OVER = (
    "Another terminal took over the review of {week}; what you answered until then is saved."
)
REVIEW_TAKEN_OVER_HINT = "Carry on in the terminal that took it over."
TAKE_OVER_CONFIRM = "Take the review over here? (the other terminal stops writing to it)"
TOOK_OVER_STALE = "Took over the review of {week} left open by a process that has ended."
BAD_FOLLOW_UP_FLAG = "--follow-up '{value}' is not ID=OUTCOME or ID=OUTCOME:NOTE."
BAD_FOLLOW_UP_OUTCOME = "'{value}' is not a follow-up outcome."
BAD_FOLLOW_UP_HINT = (
    "Use done, partly, notyet or drop, with an optional note: --follow-up 3f2a=partly:Two of three."
)
REPLACE_NEEDS_YES = "--replace starts {week} over, and its review is already recorded."
REPLACE_NEEDS_YES_HINT = "Add --yes to confirm, or name only what to change (e.g. --results 6)."
REPLACE_FLAGS_CONFIRM = "Start {week} over? Its recorded review is replaced by these flags."
CHANGED = "Changed in {week}:"
REVIEW_UNCHANGED = "Nothing changed in {week}: it already holds what the flags say."
CHANGE_LINE = "  {what}: {old} → {new}"
NOTHING = "(none)"
AMEND_CHOICE = "The review for {week} is already done. What now?"
AMEND_OPTIONS = "[a]mend one step, [s]tart over, or [l]eave it as it is:"
AMEND_RETRY = "Type a, s or l."
AMEND_WHICH = "Which step? {choices}:"
AMEND_WHICH_RETRY = "Type the number of a step."
CURRENT_VALUE = "Now: {value}  (Enter keeps it)"
WEEK_CHOICE = "Which week are you reviewing?"
WEEK_CHOICE_LAST = "  [1] {week}, last week (not reviewed yet)"
WEEK_CHOICE_THIS = "  [2] {week}, this week"
WEEK_CHOICE_ASK = "Week [1]:"
WEEK_CHOICE_RETRY = "Type 1 or 2."
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
    "Known keys: editor, prompts, prompts_folder, prompt_count, extra_dimensions, "
    "review_days, nudge. 'leadjournal config edit' opens it."
)
CONFIG_UNREADABLE = "Cannot read the config file {path}: {reason}."
CONFIG_SYNTAX = "The config file {path} is not valid TOML: {reason}."
CONFIG_INVALID = "The config file {path} has a problem: {problems}."
BAD_DIMENSION = "'{name}' is not a dimension name (lower-case letters, digits and '-')"
DIMENSION_HINT = "Name an extra dimension in lower-case letters, digits and '-', like energy."
CORE_DIMENSION = "'{name}' is always asked; list only extra dimensions"
DUPLICATE_DIMENSION = "'{name}' is listed twice"
BAD_NOW = "LEADJOURNAL_NOW is '{value}', which is not an ISO date-time."
BAD_NOW_HINT = "Set it like 2026-11-20T09:00 (it is meant for tests and demos), or unset it."

# -- text input --------------------------------------------------------------
MULTILINE_HINT = (
    "Finish with an empty line or Ctrl-D. Type :e to use your editor, or just Enter to skip."
)
MULTILINE_HINT_NO_EDITOR = "Finish with an empty line or Ctrl-D."
BAD_REVIEW_DAY = "'{name}' is not a day of the week (monday … sunday)"
EDITOR_UNSET = (
    "No editor is set, so type here instead. "
    "Set $EDITOR or 'editor' in config.toml to write in your editor."
)
EDITOR_FAILED = "The editor '{editor}' did not finish cleanly, so type here instead."
WRITE_QUESTION = "Write your {what}:"

# -- entries -----------------------------------------------------------------
SAVED_ENTRY = "Saved entry {id} ({week})."
SAVED_TAGS = "Tags: {tags}."
ONE_PERIOD = "Choose one period: --this-week, --last-week, --week or --weeks."
ONE_PERIOD_HINT = "For example: leadjournal log --weeks 8."
BAD_LIMIT = "The limit must be 1 or more, not {value}."
BAD_LIMIT_HINT = "For example: --limit 10."
EDIT_NEEDS_EDITOR = "Editing needs an editor, and none could be started."
EDIT_NEEDS_EDITOR_HINT = "Set $EDITOR (for example: export EDITOR=nano) or 'editor' in config.toml."
UNCHANGED = "Entry {id} is unchanged."
EDITED = "Saved your changes to entry {id}."
EDIT_CLASH = (
    "Entry {id} was changed by another command while your editor was open, "
    "so your version was not saved over it."
)
EDIT_CLASH_HINT = (
    "Your version is kept as a draft (above). See the entry as it is now with "
    "'leadjournal show {id}', then edit it again; or save your version as a new entry "
    "with 'write --from-draft'."
)
TEXT_NOT_UTF8 = "The text is not valid UTF-8 (byte {offset}, line {line}), so it was not saved."
TEXT_NOT_UTF8_HINT = (
    "It is kept byte for byte as a draft (above): open it in an editor, save it as UTF-8, "
    "then run the command shown."
)

# -- drafts: text typed that could not be saved yet --------------------------
WAITING_FOR_WRITER = (
    "Another leadjournal command (an import, perhaps) is writing to the journal; "
    "waiting for it to finish. Ctrl-C stops waiting."
)
DRAFT_KEPT_MEANWHILE = "Your text is safe meanwhile in the draft {path}"
DRAFT_KEPT = "Your text was not saved to the journal; it is kept as a draft: {path}"
DRAFT_SAVE_LATER = "Save it later with: {command}"
DRAFT_NOT_KEPT = "The text could not be kept as a draft either ({reason})."
DRAFT_STILL_IN = "Your text is still in {path}; copy it somewhere safe."
DRAFT_TEXT_FOLLOWS = "Here it is, to copy:"
STOPPED_BEFORE_SAVING = "Stopped before saving; nothing was written to the journal."
STOPPED_BEFORE_SAVING_HINT = "Your text is kept as a draft (above); nothing typed is lost."
DRAFT_NOT_REMOVED = "The text is saved, but its draft {path} could not be removed ({reason})."
DRAFT_STILL_KEPT = "The draft is kept: {path}"
DRAFT_SAVED = "Saved draft {name} as entry {id} ({week}); the draft is removed."
DRAFT_AND_TEXT = "Give the text or --from-draft, not both."
DRAFT_AND_TEXT_HINT = "For example: leadjournal write --from-draft 20261120-0900"
DRAFT_NOT_FOUND = "No draft named '{name}' in {folder}."
DRAFT_NOT_FOUND_HINT = "'leadjournal db doctor' lists the drafts waiting to be saved."
DRAFT_OUTSIDE = "{path} is not one of the drafts in {folder}."
DRAFT_OUTSIDE_HINT = "To save a file of your own as an entry, pipe it in: leadjournal write < FILE"
DRAFT_NOT_UTF8 = "The draft {path} is not valid UTF-8 (byte {offset}, line {line})."
DRAFT_NOT_UTF8_HINT = (
    "Open it in an editor, save it as UTF-8, and run the same command again; the draft is kept."
)
DOCTOR_DRAFTS = "{count} waiting to be saved, in {folder}:"
DOCTOR_DRAFT_LINE = "  {name}  ({size} bytes)"
DOCTOR_DRAFTS_HINT = (
    "Save one with: leadjournal write --from-draft NAME (it is removed once saved)."
)
DELETE_NEEDS_YES = "Deleting asks for confirmation, and there is no terminal to ask at."
DELETE_NEEDS_YES_HINT = "Add --yes to delete without asking."
DELETE_CONFIRM = "Delete this entry?"
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
RATE_NAME_LOWERED = "note: --rate {given} rates {name}: dimension names are lower case."
BAD_RATE_FLAG = "'{value}' is not NAME=N."
BAD_RATE_FLAG_HINT = "For example: --rate energy=6."
REVIEW_PAUSED = "Review of {week} paused; every answer you gave is saved."
REVIEW_PAUSED_HINT = "Run 'leadjournal review --week {week}' to carry on where you stopped."
REVIEW_NOT_STARTED = "Stopped before the review began; nothing was written."
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
ASK_RESULTS = "How much of the week went into results (goals, delivery, accountability)?"
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
LEAN_LEVEL = "balanced: results and relationships level"
LEAN_SLIGHT = "balanced: one point toward {toward}"
LEAN_TOWARD = "leans toward {toward} by {points} points"
STYLE_LEGEND = "Grid styles, from Blake and Mouton's Managerial Grid: {styles}."
STYLE_LEGEND_ITEM = "{style} — {note}"
STREAK = "Streak: {current} in a row (longest {longest})."
WEEKS_ONE = "1 week"
WEEKS_MANY = "{count} weeks"
OPEN_COMMITMENTS = "Open commitments: {count}."
AND_MORE = "  and {count} more ('leadjournal commitments' lists them all)"
NO_COMMITMENTS = "No commitments yet."
COMMITMENT_MARKED = "Commitment {id} is now {status}."
COMMITMENT_STATUS_WORDS = {"done": "done", "partly": "partly done", "dropped": "dropped"}
BACKUP_WRITTEN = "Backup written to {path}. Open it with --db to read it."

# -- goals -------------------------------------------------------------------
GOAL_ID_HINT = "Run 'leadjournal goal list --all' to see goal ids."
BAD_NUMBER = "The {what} must be a number, not '{value}'."
NUMBER_HINT = "Write digits, like 12, 4.5 or -3."
NUMBER_TOO_LARGE = "The {what} {value} is larger than a measure can hold."
NUMBER_TOO_LARGE_HINT = "Keep values between -1,000,000,000,000 and 1,000,000,000,000."
BAD_CHOICE = "'{value}' is not a {what}; choose {choices}."
BAD_CHOICE_HINT = "For example: --kind development --level team --cadence monthly."
DUE_BEFORE_START = "The due date {due} is before the goal's start on {start}."
DUE_BEFORE_START_HINT = "Pick a due date on or after the start date (--start, default today)."
EMPTY_MEASURE = "A measure needs a name."
EMPTY_MEASURE_HINT = "Name what you will count, like 'one-on-ones held' or 'voluntary turnover'."
DUPLICATE_MEASURE = "The measure '{name}' is named twice."
DUPLICATE_MEASURE_HINT = "Give each measure of a goal its own name."
PAIR_SELF = "A goal cannot be paired with itself."
PAIR_HINT = "Pair a performance goal with the development goal that supports it."
PAIR_SAME_KIND = "Goals {id} and {other} are both {kind} goals."
PAIR_TAKEN = "Goal {id} is already paired with goal {other}."
PAIR_TAKEN_HINT = "A goal has one partner; pair it with a goal that has none."
GOAL_CLOSED = "Goal {id} is already {status}."
GOAL_CLOSED_HINT = "Only open goals take check-ins or can be marked done or dropped."
GOAL_NO_MEASURE = "Goal {id} has no measure to record a value for."
GOAL_NO_MEASURE_HINT = (
    "Goals measured by a number are added with --measure, --baseline and --target; "
    "add the goal again with them."
)
UNKNOWN_MEASURE = "Goal {id} has no measure called '{name}'."
MEASURES_HINT = "Its measures: {names}."
WHICH_MEASURE = "Goal {id} has more than one measure; say which with --measure."
GOAL_NEEDS_TERMINAL = "Adding a goal step by step needs a terminal, and input is not one."
GOAL_NEEDS_TERMINAL_HINT = (
    "Give the goal and its parts as flags: leadjournal goal add 'Cut voluntary turnover' "
    "--measure turnover --unit % --baseline 18 --target 12 --due 2027-06-30"
)
GOAL_SAVED = "Saved goal {id}: {title}"
GOAL_NOT_SAVED = "The goal was not saved."
GOAL_CHECKED_IN = "Recorded {value} for '{measure}' on goal {id}."
GOAL_MARKED = "Goal {id} is now {status}."
GOAL_PAIRED = "Paired goal {id} with goal {other}."
NO_GOALS = "No goals here yet. Add one with 'leadjournal goal add'."
SMART_OK = "SMART: specific, measurable, achievable, relevant and time-bound."
NOT_YET_SMART = "Not yet SMART:"
SMART_GAPS = {
    "vague_outcome": (
        "Specific: say the outcome in a few more words, so anyone can tell when it is done."
    ),
    "no_measure": "Measurable: there is no measure of the result.",
    "no_unit": "Measurable: the measure has no unit (%, people, days…).",
    "no_baseline": "Measurable: there is no baseline, the number you start from.",
    "no_target": "Measurable: there is no target number.",
    "target_equals_baseline": (
        "Measurable: the target equals the baseline, so nothing would change."
    ),
    "no_achievable": "Achievable: nothing says what makes it realistic (resources, support, time).",
    "no_relevant": "Relevant: nothing ties it to a team or organization goal.",
    "no_due_date": "Time-bound: there is no date.",
    "due_date_passed": "Time-bound: the due date has passed; close the goal or set a new one.",
}
TRACK_WORDS = {
    "on_track": "on track",
    "at_risk": "at risk",
    "off_track": "off track",
    "done": "done",
    "dropped": "dropped",
}
GOAL_PROGRESS_LINE = "Progress {progress} of the way, {expected} of the time gone: {status}."
GOAL_NO_PROGRESS = (
    "Progress cannot be worked out until the goal has a baseline, a target and a date."
)

# The walk-through of ``goal add``.
GOAL_ADD_INTRO = (
    "A SMART goal: specific, measurable, achievable, relevant, time-bound. "
    "Press Enter to skip a question; what is missing is listed at the end."
)
ASK_GOAL_TITLE = "What outcome do you want? Say it specifically:"
ASK_GOAL_KIND = "A [p]erformance goal (business impact) or a [d]evelopment goal (growth)?"
ASK_GOAL_LEVEL = "For an [i]ndividual, a [t]eam or the [o]rganization?"
ASK_GOAL_MEASURE = "Which result shows it is done (the lagging measure, e.g. voluntary turnover)?"
ASK_GOAL_UNIT = "In what unit (%, people, days…)?"
ASK_GOAL_BASELINE = "Where is it now (the baseline)?"
ASK_GOAL_TARGET = "Where should it be (the target)?"
TARGET_EQUALS_BASELINE = "That is the same as the baseline, so nothing would change."
ASK_GOAL_LEADING = (
    "Leading measures: early signals you can influence, checked weekly "
    "(e.g. one-on-ones held, feedback given). One per line, Enter to finish:"
)
ASK_GOAL_ACHIEVABLE = "What makes it achievable (resources, support, time)?"
ASK_GOAL_RELEVANT = "Which team or organization goal does it serve?"
ASK_GOAL_DUE = "By when? (2027-03-31, or a week like 2027-W13)"
DUE_PASSED = "{due} is before the start on {start}; a goal needs a date still ahead."
ASK_GOAL_CADENCE = "How often will you review it: [w]eekly, [m]onthly or [q]uarterly?"
ASK_GOAL_PAIR = "Pair it with a {kind} goal that goes with it? Type its id, or Enter to skip:"
CHOICE_RETRY = "Type one of: {choices}."
CONFIRM_SAVE_GOAL = "Save this goal?"

# The goals step of the weekly review.
GOALS_STEP_INTRO = "This week's measures for your goals (Enter to skip one)."
ASK_GOAL_VALUE = "{measure}{unit} {when}?"
THIS_WEEK = "this week"
NOW = "now"
LAST_VALUE = "(last: {value} on {date})"

# -- trends, brief, export, import, demo ----------------------------------------
TRENDS_TITLE = "Trends · {first} – {last} ({count})"
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
BAD_FORMAT_HINT = "For example: --format {example}."
EXPORTED = "Exported {counts} to {path}."
IMPORT_FILE_MISSING = "Cannot read {name}: {reason}."
FILE_NOT_REGULAR = "it is {kind}, not a regular file"
FILE_KIND_FOLDER = "a folder"
FILE_KIND_FIFO = "a named pipe (FIFO)"
FILE_KIND_DEVICE = "a device"
FILE_KIND_SOCKET = "a socket"
FILE_KIND_OTHER = "a special file"
FILE_TOO_LARGE = "it is {size}, over the {limit} limit"
STREAM_TOO_LARGE = "it goes on past the {limit} limit"
IMPORT_TOO_DEEP = (
    "{name} nests lists or objects too deeply to be an export (line {line}, column {column})."
)
IMPORT_ROW_TOO_LARGE = (
    "{name} has a row over {limit} at line {line}, column {column}, "
    "or JSON that never closes there."
)
IMPORT_DUPLICATE_KEY = "{name} names its part '{key}' twice."
IMPORT_OUT_OF_ORDER = (
    "{name} has its '{key}' after '{later}'; an export lists {order}, in that order."
)
IMPORTING = "Importing {name}"
EXPORTING = "Exporting"
IMPORT_SPLIT = "split it into entries of under 256 KiB and export again"
IMPORT_JRNL_TOO_LARGE = "The jrnl entry of {day} {time} is too large: {problem}."
IMPORT_JRNL_SPLIT = (
    "Split it in jrnl into entries of under 256 KiB and export again. Nothing was imported."
)
IMPORT_SIZE_HINT = (
    "Import a regular file (an export made with 'leadjournal export' or jrnl); "
    "files up to {limit} are read. Nothing was imported."
)
IMPORT_FILE_HINT = "Check the path; export files are made with 'leadjournal export --format json'."
IMPORT_NOT_UTF8 = "{name} is not a UTF-8 text file."
IMPORT_NOTHING_HINT = "Nothing was imported. Fix the file or export it again."
IMPORT_TRUNCATED = (
    "{name} ends before its JSON is complete (line {line}, column {column}): "
    "the file looks truncated."
)
IMPORT_NOT_JSON = "{name} is not valid JSON: {reason} at line {line}, column {column}."
IMPORT_NOT_AN_EXPORT = (
    "{name} is not a JSON export: import reads a leadjournal JSON export, "
    "or jrnl's JSON export with --from jrnl."
)
IMPORT_EMPTY = (
    "{name} is empty: import reads a leadjournal JSON export, or jrnl's with --from jrnl."
)
IMPORT_FORMATS_HINT = (
    "Markdown and CSV exports are for reading, not importing; "
    "'leadjournal export --format json' makes a file to import. Nothing was imported."
)
IMPORT_NOT_OBJECT = (
    "{name} is JSON but not a journal export, which is one object with its 'format' and 'version'."
)
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
DEMO_NEEDS_DB = "The demo needs a new file to write to; it never writes into your journal."
DEMO_NEEDS_DB_HINT = "Name one: leadjournal demo --db /tmp/demo.db"
DEMO_EXISTS = "{path} already exists; the demo only writes a new file."
DEMO_EXISTS_HINT = "Name a path that does not exist yet, e.g. --db /tmp/leadjournal-demo.db."
DEMO_WRITTEN = (
    "Wrote a sample journal of {weeks} weeks to {path}.\n"
    "Try:  leadjournal --db {path} trends\n"
    "      leadjournal --db {path} brief --format html --output brief.html"
)
BRIEF_TITLE = "Leadership brief"
BRIEF_EPISODE = "From {first} to {last}, a lasting imbalance toward {toward}."
BRIEF_EPISODE_ONE = "In {week}, the lean toward {toward} had lasted: a lasting imbalance."
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
PACK_CONTROL_CHARACTERS = (
    "holds control characters (terminal escapes and the like); they are shown as "
    "symbols such as ␛, never obeyed, but remove them from the file"
)
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
ONE_ROLE = "only one step of an exercise can have the role '{role}'"
DUE_NEEDS_DATE = "step '{id}' has the role 'due', so its type must be 'date'"
TEMPLATE_UNKNOWN_STEP = "the commitment names '{{{id}}}', which is not a step of this exercise"
NOT_A_STEP_ROLE = "'{value}' is not a step role (choose from {choices})"
NOT_A_PREFILL = "'{value}' is not something the journal knows (choose from {choices})"
NOT_A_CREATES = "'{value}' is not something an exercise can create (choose from {choices})"
NOT_A_GOAL_FIELD = "'{value}' is not a goal field (choose from {choices})"
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

# --- Exercises and ad-hoc prompts (leadjournal/exercises.py, cli/exercises.py,
# cli/prompts.py) ---------------------------------------------------------------

EXERCISE_BAD_RATING = "A rating is a whole number from 1 to 9, not '{value}'."
EXERCISE_RATING_HINT = "1 is the lowest, 9 the highest; press Enter to skip the step."
EXERCISE_BAD_YES_NO = "Answer yes or no, not '{value}'."
EXERCISE_YES_NO_HINT = "Type y or n; press Enter to skip the step."
EXERCISE_BAD_CHOICE = "'{value}' is not one of the choices."
EXERCISE_CHOICE_HINT = "Type a number from 1 to {count} or one of: {choices}."
EXERCISE_BAD_PERSON = "'{value}' does not look like a person's name."
EXERCISE_PERSON_HINT = "Type a name (letters and spaces), such as Maya or Sam Lee."
EXERCISE_BAD_DATE = "'{value}' is not a date I can tell."
EXERCISE_DATE_HINT = (
    "Type a date: 2027-01-15, today, tomorrow, friday, next friday, in 3 weeks, "
    "june 30, end of june, next month or a week (2027-W03). "
    "For a sprint, type the date it ends."
)
EXERCISE_DATE_PAST = "'{value}' is {day}, which has passed."
EXERCISE_EMPTY_ANSWER = "The answer is empty."
EXERCISE_EMPTY_ANSWER_HINT = "Write a few words, or press Enter to skip the step."
EXERCISE_UNKNOWN_STEP = "The exercise '{exercise}' has no step '{step}'."
EXERCISE_STEPS_HINT = "Its steps are: {steps}."
EXERCISE_ANSWER_TWICE = "The step '{step}' is answered twice."
EXERCISE_ANSWER_TWICE_HINT = "Give each --answer STEP=VALUE once."
EXERCISE_BAD_ANSWER_FLAG = "'{value}' is not STEP=VALUE."
EXERCISE_BAD_ANSWER_FLAG_HINT = "For example: --answer project='The billing migration'."
EXERCISE_STEP_PROBLEM = "Step '{step}': {message}"
EXERCISE_NEEDS_TERMINAL = "Running an exercise step by step needs a terminal, and input is not one."
EXERCISE_NEEDS_TERMINAL_HINT = (
    "Run it in a terminal, or give the answers with --answer STEP=VALUE "
    "('leadjournal exercise show {name}' lists the steps)."
)
EXERCISE_PAUSED = "Exercise paused; every answer you gave is kept."
EXERCISE_PAUSED_HINT = "Run 'leadjournal exercise run {name}' again to carry on where you stopped."
EXERCISE_RESUMING = "You started this exercise on {date} and answered {answered} of {steps} steps."
EXERCISE_RESUME_CONFIRM = "Carry on where you stopped? (No discards that run and starts again)"
EXERCISE_STEP_HEADING = "Step {number} of {count}"
EXERCISE_SKIP_HINT = "Press Enter to skip."
EXERCISE_ASK_TEXT = "›"
EXERCISE_ASK_RATING = "1–9 ›"
EXERCISE_ASK_YES_NO = "y/n ›"
EXERCISE_ASK_CHOICE = "Number or text ›"
EXERCISE_ASK_PERSON = "Name ›"
EXERCISE_ASK_DATE = "Date (2027-01-15, next friday, in 3 weeks) ›"
EXERCISE_TIP = "Tip: {tip}"
EXERCISE_FOLLOW_UP_NOTE = "Your answer to this step becomes a commitment for next week."
EXERCISE_DONE = "Done. Saved as entry {id} ({week}); read it with 'leadjournal show {id}'."
EXERCISE_COMMITMENT_MADE = (
    "Your commitment “{text}” is due {due}; the weekly review will ask how it went."
)
EXERCISE_SKIPPED = "(skipped)"
EXERCISE_NONE = "No exercises are available."
EXERCISE_IN_PROGRESS = "in progress: {answered} of {steps} steps since {date}"
EXERCISE_RUNS_COUNT = "Completed {count}; add --runs to read the answers."
EXERCISE_NO_RUNS = "Not completed yet."
EXERCISE_RUN_HEADING = "Run of {date} ({week})"
EXERCISE_STEP_COUNT = "{count} steps"

PROMPT_ANSWER_NEEDS_TEXT = "The answer is empty, so nothing was saved."
PROMPT_ANSWER_NEEDS_TEXT_HINT = "Pipe the answer in, or run it in a terminal to type it."
PROMPT_NOT_ANSWERED = "Nothing saved."
PROMPT_ANSWER_SAVED = "Saved your answer as entry {id} ({week})."
PROMPT_FROM = "From “{source}”"
PACK_WARNING = "warning: {problem}"
PACKS_CLEAN = "No problems in {folders}."
PACKS_HAVE_PROBLEMS = "Found {count} in the prompt packs."
PACKS_HAVE_PROBLEMS_HINT = "Each line above names the file, the item and the field to fix."

# --- Goals beside trends, the brief, the review's card and the export ---------
GOAL_FIGURES = "{progress} of the way, {expected} of the time gone"
GOAL_FIGURES_NONE = "progress not measurable yet"
TRACK_UNKNOWN = "not measurable yet"
TRENDS_GOALS_TITLE = "Open goals"
SUMMARY_GOALS = "Open goals: {count}."
IMPORT_PAIR_KEPT = (
    "Goal {id} is already paired here; kept this journal's pair, not the file's ({other})."
)


# -- reliability: doctor, recovery, unexpected failures -------------------------
NOT_UTF8 = "Some of the text is not valid UTF-8, so it cannot be saved as written."
NOT_UTF8_HINT = "Check your terminal's encoding, or save the text as UTF-8 and pipe it in."
UNEXPECTED = "leadjournal hit an unexpected problem ({kind}); nothing more was changed."
UNEXPECTED_HINT = (
    "Run the command again with --debug to see where it happened (it never shows "
    "your entries), and report it."
)
DOCTOR_NO_FILE = "There is no journal at {path} yet; the first review or write creates it."
DOCTOR_EMPTY = "The file is empty: a new journal with nothing in it yet."
DOCTOR_NOT_SQLITE = "Not a SQLite database: it starts with {start}, so nothing can be recovered."
DOCTOR_TRUNCATED = (
    "Cut short: the header counts {pages} pages ({expected} bytes) but the file holds {size} bytes."
)
DOCTOR_HEADER_OK = "A SQLite file of {size} bytes, as long as its header says."
DOCTOR_UNREADABLE = "SQLite cannot read it: {detail}."
DOCTOR_READABLE = "SQLite reads its list of tables ({tables} tables)."
DOCTOR_NOT_A_JOURNAL = "A SQLite database of another program, not a leadjournal journal."
DOCTOR_IS_A_JOURNAL = "Marked as a leadjournal journal."
DOCTOR_SCHEMA_NEWER = (
    "Schema version {version} is newer than this leadjournal's ({ours}): upgrade leadjournal."
)
DOCTOR_SCHEMA_OLDER = (
    "Schema version {version}; it will be upgraded to {ours} when next opened, "
    "after a backup is written."
)
DOCTOR_SCHEMA_CURRENT = "Schema version {version}, the current one."
DOCTOR_INTEGRITY_OK = "SQLite's integrity check passes."
DOCTOR_INTEGRITY_FAILED = "The check itself failed: {detail}."
DOCTOR_INTEGRITY_PROBLEMS = "SQLite's integrity check found {count}: {first}"
DOCTOR_FOREIGN_KEYS_OK = "Every link between rows points at a row that exists."
DOCTOR_FOREIGN_KEYS_BROKEN = "{count} point at rows that do not exist (in {tables})."
DOCTOR_SEARCH_OK = "The search index matches the entries."
DOCTOR_SEARCH_BROKEN = "The search index does not match the entries: {detail}."
DOCTOR_PERMISSIONS_OK = "Mode {mode}: only you can read it."
DOCTOR_NOT_OWNER = "The file belongs to another user (uid {uid}), so it may not be yours to write."
DOCTOR_READ_ONLY = "Mode {mode}: you cannot both read and write it; fix with chmod 600."
DOCTOR_FOLDER_READ_ONLY = "The folder {folder} is read-only, so no change can be saved."
DOCTOR_TOO_OPEN = "Mode {mode}: other users can read your journal; fix with chmod 600."
EXPOSED = "warning: other users can read or change {what}; to keep it private run: {fix}"
EXPOSED_ITEM = "{path} (mode {mode})"
DOCTOR_FOLDER_TOO_OPEN = (
    "The folder {folder} has mode {mode}: other users can see or change what is in it;"
    " fix with chmod 700."
)
DOCTOR_SIDECAR_TOO_OPEN = (
    "{name} has mode {mode}: other users can read recent changes; fix with chmod 600."
)
DOCTOR_NO_SCRATCH = (
    "Cannot make a private working copy in {folder} ({reason}); the checks need one."
    " Make the folder writable, or copy the journal to a writable folder and check the copy."
)
DOCTOR_NO_CLI = "The sqlite3 program with .recover is not installed."
DOCTOR_NO_CLI_HINT = "Use --method python, or install the sqlite3 command-line program."
DOCTOR_HEALTHY = "The journal is healthy."
DOCTOR_PROBLEMS = "The journal has problems; the file was not changed."
DOCTOR_RECOVERED = (
    "Recovered {rows} into {path} using {method}. Open it with: leadjournal --db {path} log"
)
DOCTOR_RECOVERY_GAPS = "Damaged stretches stepped over: {tables}. Rows left out: {dropped}."
DOCTOR_NOT_RECOVERABLE = "Nothing can be recovered from this file."
BAD_METHOD = "'{value}' is not a recovery method."
BAD_METHOD_HINT = "Use --method auto, --method sqlite3 or --method python."
DOCTOR_CLI_MISSING = (
    "The sqlite3 program with a working .recover is not installed here, "
    "so readable rows were copied table by table instead."
)
DOCTOR_CLI_FAILED = (
    "The sqlite3 program's .recover failed on this file, so rows were copied instead."
)
DOCTOR_MARK_CLEARED = "It was marked damaged earlier; it is healthy now, so the mark is cleared."
DOCTOR_MARKED = "Marked damaged after a command failed on it; commands stay refused until fixed."

# -- the record: weeks whole, history, restore, purge ---------------------------
KEEP_DAYS = 30
WEEK_NOT_REVIEWED = "{week} has no review."
WEEK_RESTORE_HINT = (
    "Its review was deleted or replaced and is kept: 'leadjournal restore {week}' brings it back."
)
WEEK_LOG_HINT = "That week's free entries are in 'leadjournal log --week {week}'."
NOT_A_WEEK = "'{value}' names a {kind}, not a week or a review."
NOT_A_WEEK_HINT = "Use 'leadjournal show ID' for one item, or name a week: 2026-W47, last week."
HISTORY_HINT = "Run 'leadjournal show ID --history' to see an item's kept versions."
NOTHING_TO_RESTORE = "Nothing is kept for {what}: it was never edited, replaced or deleted."
NOTHING_TO_RESTORE_HINT = "Run 'leadjournal show ID --history' to see what is kept."
ALREADY_DELETED = "Item {id} was deleted; only its kept versions remain."
RESTORE_HINT = "Run 'leadjournal restore ID' to bring it back, or 'show ID --history' to look."
RESTORED = "Restored {what} as it was before it was {action} ({saved_at})."
RESTORED_WHAT = {"review": "the review of {what}", "entry": "{what}", "commitment": "{what}"}
KEPT_NOTE = (
    f"What it held is kept for at least {KEEP_DAYS} days: 'leadjournal restore {{target}}' "
    "brings it back."
)
DELETE_WEEK_CONFIRM = "Delete the review of {week} (its ratings, reflection, win and commitment)?"
DELETE_ITEM_CONFIRM = "Delete this {kind}?"
DELETED_ITEM = "Deleted {kind} {id}."
DELETED_WEEK = "Deleted the review of {week}."
EDITED_ITEM = "Saved your changes to {kind} {id}."
UNCHANGED_ITEM = "Nothing changed: {kind} {id} is as it was."
WHOSE_EFFORT_LABEL = "Whose effort:"
HISTORY_NONE = "Nothing kept: {what} has not been edited, amended, replaced or deleted."
HISTORY_TITLE = "History of {what}"
HISTORY_NOW = "now"
HISTORY_GONE = "now: deleted (restore brings back the newest version)"
BAD_DAYS = "The number of days must be 0 or more, not {value}."
BAD_DAYS_HINT = "For example: --older-than 30."
PURGE_NOTHING = "No kept versions to purge."
PURGE_WHAT = (
    "This removes {total} for good ({detail}): deleted, replaced and "
    "earlier versions of entries, commitments and reviews. What stands now is not touched."
)
PURGE_CONFIRM = "Purge them? This cannot be undone."
PURGE_NEEDS_YES = "Purging asks for confirmation, and there is no terminal to ask at."
PURGE_NEEDS_YES_HINT = "Add --yes to purge without asking."
PURGED = "Purged {total}; the journal file was rewritten without them."
NOT_PURGED = "Nothing was purged."

# The week page's headings and labels.
WEEK_TITLE = "{week} · {start} – {end}"
WEEK_IN_PROGRESS = "(review in progress)"
WEEK_RATINGS = "Ratings"
WEEK_RATINGS_LINE = "results {results} · relationships {relationships} · {lean} · {style}"
WEEK_FOLLOW_UP_LINE = " ({week}) — {outcome}"
COMMITMENT_META = "{week} · {status} · due {due}"
HISTORY_RATINGS = "results {results} · relationships {relationships}"
HISTORY_WIN = " · win: "
HISTORY_COMMITMENT = " · commitment: "
LOG_REVIEW = "review"
LOG_WIN = "win: "
WEEK_NOT_RATED = "not rated"
WEEK_FOLLOW_UPS = "Follow-ups"
WEEK_REFLECTION = "Reflection"
WEEK_PROMPT = "Prompt: {text}"
WEEK_PROMPT_SOURCE = "from {source}"
WEEK_PROMPT_UNKNOWN = "Prompt {id} (not in the loaded packs)"
WEEK_WIN = "Win"
WEEK_WIN_BY = "whose effort: {by}"
WEEK_COMMITMENT = "Commitment"
WEEK_COMMITMENT_STATE = "{status} · due {due}"
WEEK_CHECKINS = "Goal check-ins"
WEEK_EXERCISES = "Exercises"
WEEK_ENTRIES = "Free entries"
WEEK_NOTHING = "none"

# What each kind of item is called in log and search.
ITEM_LABELS = {
    "reflection": "free entry",
    "review": "review reflection",
    "prompt": "prompt answer",
    "exercise": "exercise answer",
    "imported": "imported",
    "win": "win",
    "commitment": "commitment",
    "follow_up": "follow-up note",
    "checkin": "goal check-in",
    "exercise_answer": "exercise answer",
    "person": "person",
    "person_note": "note about a person",
}
LOG_WEEK_HEADING = "{week} · {start} – {end}"
SEARCH_HIT_WEEK = "{label} · {week}"
BAD_KIND = "'{value}' is not a kind of item to search."
SEARCH_KIND_HINT = (
    "Use --kind entry, reflection, prompt, exercise, win, commitment, follow-up, check-in "
    "or person."
)

# -- the habit: reminders, the missed-week line, the config folder -------------
REMIND_WAYS_HEADING = "Ways to be reminded of the weekly review (set one up once):"
REMIND_WAYS = (
    "  systemd   a user timer, with a desktop notification (Linux):",
    "              leadjournal remind install --day fri --time 16:00 --via systemd",
    "  cron      a crontab line (Linux, any Unix):",
    "              leadjournal remind install --day fri --time 16:00 --via cron",
    "  launchd   a launch agent (macOS):",
    "              leadjournal remind install --day fri --time 16:00 --via launchd",
    "  calendar  a weekly event to import in any calendar:",
    "              leadjournal remind install --day fri --time 16:00 --via ics -o review.ics",
    "'leadjournal remind status' says what is set up; 'leadjournal remind remove' undoes it.",
)
REMIND_BAD_DAY = "'{value}' is not a day of the week."
REMIND_BAD_DAY_HINT = "Give a weekday: mon, tue, wed, thu, fri, sat or sun (or in full)."
REMIND_BAD_TIME = "'{value}' is not a time of day."
REMIND_BAD_TIME_HINT = "Give a 24-hour time as HH:MM, like 16:00 or 9:30."
REMIND_BAD_WAY = "'{value}' is not a way to be reminded ({ways})."
REMIND_BAD_WAY_HINT = "Run 'leadjournal remind' to see each way."
REMIND_ICS_NEEDS_OUTPUT = "A calendar reminder is a file: say where to write it."
REMIND_ICS_NEEDS_OUTPUT_HINT = (
    "Use --via ics --output review.ics, then import the file in your calendar."
)
REMIND_OUTPUT_ONLY_ICS = "--output names the calendar file, so it goes with --via ics only."
REMIND_LAUNCHD_ELSEWHERE = "launchd agents are macOS's; this is not macOS."
REMIND_LAUNCHD_ELSEWHERE_HINT = "Use --via systemd or --via cron here, or --via ics for a calendar."
REMIND_WROTE = "Wrote {paths}."
REMIND_ENABLED = "The reminder comes {when} (switched on with: {command})."
REMIND_RUN_THIS = "To switch it on, run: {command}"
REMIND_NO_CRONTAB = (
    "There is no crontab program here, so nothing was installed. "
    "Add this line with 'crontab -e' where cron runs:"
)
REMIND_CRON_ADDED = "Added this line to your crontab; the reminder comes {when}:"
REMIND_CRONTAB_FAILED = "crontab did not accept the change, so your crontab is as it was."
REMIND_CRONTAB_HINT = "Run 'crontab -l' to check it, then try again."
REMIND_ICS_WROTE = (
    "Wrote {path}: a weekly event, {when}. Import it in your calendar "
    "(the file can then be deleted)."
)
REMIND_FILE_CHANGED = "{path} was changed since it was written, so it was left in place."
REMIND_NOTHING_TO_REMOVE = "No reminder is set up, so there was nothing to remove."
REMIND_REMOVED = "Removed the {way} reminder ({when})."
REMIND_NONE = "No reminder is set up. 'leadjournal remind install' sets one up."
REMIND_STATE_ON = "on"
REMIND_STATE_FILE = "written, not switched on yet"
REMIND_STATE_ICS = "calendar file"
REMIND_STATE_OFF = "switched off since it was installed ({command} switches it on)"
REMIND_STATE_CRON_GONE = "no longer in your crontab ('leadjournal remind install' adds it again)"
REMIND_STATUS_LINE = "{way}: {when}, {state} · {where}"
REMIND_STATUS_MISSING = "  missing now: {paths} ('leadjournal remind install' writes it again)"
REMIND_EVENT_TITLE = "Weekly review"
REMIND_EVENT_TEXT = "Ten minutes for the week: run 'leadjournal review' in a terminal."
REMIND_NOTIFY_TEXT = "Time for the weekly review: run 'leadjournal review'."
NUDGE = "You have not finished the review of {week}: leadjournal review --week {week}"
OLD_CONFIG = (
    "note: read the config from its old place, {old}; it belongs in {new} now. To move it: {move}"
)
CONFIG_NO_FILE = "(no file there yet: the defaults apply; 'leadjournal config edit' creates it)"
CONFIG_SHOW_FILE = "# {path}"
CONFIG_SHOW_DEFAULTS = "# no config file ({path}): these are the defaults"
CONFIG_TEMPLATE = """# leadjournal's settings. Remove the '#' before a line to change it.
# editor = "nano"                 # instead of $VISUAL / $EDITOR
# prompts = true                  # false: reviews ask no reflection prompt
# prompts_folder = "~/my-prompts" # your own prompt packs, beside the built-in ones
# prompt_count = 1                # 1 or 2 prompts in a review
# extra_dimensions = ["energy"]   # more ratings, 1-9, after results and relationships
# review_days = ["monday", "tuesday"]  # days when 'review' first offers last week
# nudge = true                    # false: no line about a missed week
"""
CONFIG_EDITED = "Saved {path}; it reads cleanly."
CONFIG_EDIT_INVALID = "The file was saved, but it has a problem, so commands will refuse it."
CONFIG_EDITOR_FAILED = "The editor '{editor}' did not finish cleanly; the file is as it left it."
CONFIG_NEEDS_EDITOR = "No editor is set, so the config cannot be opened."
CONFIG_NEEDS_EDITOR_HINT = "Set $EDITOR (for example: export EDITOR=nano), or edit {path} directly."
BRIEF_OPENED = "Wrote {path} and opened it in your browser."
BRIEF_NOT_OPENED = "Wrote {path}; no browser could be started, so open it yourself."
BRIEF_OPEN_NOT_MD = "--open shows the HTML brief, so it goes with --format html (the default)."
# -- the monthly and quarterly look-back, patterns, this week last year ------
LOOK_BACK_BAD_KIND = "'{value}' is not a look-back."
LOOK_BACK_BAD_KIND_HINT = "Use --look-back month or --look-back quarter."
LOOK_BACK_NOTHING = "No week of {title} was reviewed, so there is nothing to look back at."
LOOK_BACK_NOTHING_HINT = "A look-back reads the reviews of the month or quarter before this one."
LOOK_BACK_ENTRY_TITLE = "Look-back: {title}"
LOOK_BACK_OFFER_MONTH = "First review of the month: a short look-back at {title} ({count} weeks)?"
LOOK_BACK_OFFER_QUARTER = (
    "First review of the quarter: a longer look-back at {title} ({count} weeks)?"
)
LOOK_BACK_OFFER_CHOICES = "[Y]es now · [l]ater · [s]kip"
LOOK_BACK_OFFER_RETRY = "Answer y, l or s."
LOOK_BACK_DUE = "A look-back at {title} is due: leadjournal review --look-back {kind}"
LOOK_BACK_LATER = "Left for later: it is offered again at the next review."
LOOK_BACK_SKIPPED = "Set aside. Do it any time with: leadjournal review --look-back {kind}"
LOOK_BACK_PAUSED = "Look-back left for later; what you wrote is saved."
LOOK_BACK_PAUSED_HINT = "Do it again any time with: leadjournal review --look-back {kind}"
LOOK_BACK_HEADING_MONTH = "Look-back · {title} · {first} – {last}"
LOOK_BACK_HEADING_QUARTER = "Quarterly look-back · {title} · {first} – {last}"
LOOK_BACK_DONE_BEFORE = "Done before, in {week}; a new answer is saved beside the earlier one."
LOOK_BACK_TREND = "Trend"
LOOK_BACK_REVIEWED = "{reviewed} of {weeks} weeks reviewed."
LOOK_BACK_AVERAGES = (
    "Results {results} {results_arrow} · relationships {relationships} {relationships_arrow}"
)
LOOK_BACK_STYLES = "Grid styles: {styles}."
LOOK_BACK_FOLLOW = "Follow-through"
LOOK_BACK_FOLLOW_LINE = (
    "{made} commitments made: {done} done, {partly} partly, {dropped} dropped, {open} open."
)
LOOK_BACK_FOLLOW_RATE = "Followed through on {rate:.0%} of those assessed."
LOOK_BACK_FOLLOW_NONE = "No commitments were made in these weeks."
LOOK_BACK_WINS = "Wins"
LOOK_BACK_NO_WINS = "No wins were written down in these weeks."
LOOK_BACK_GOALS = "Goals"
LOOK_BACK_NO_GOALS = "No open goals. `leadjournal goal add` sets one."
LOOK_BACK_PATH = "The quarter's path on the grid"
LOOK_BACK_PATH_STEP = "{style} ×{weeks} ({first}–{last})"
LOOK_BACK_IMBALANCES = "Lasting imbalances"
LOOK_BACK_IMBALANCE_LINE = "{first} – {last}: leaning toward {toward}."
LOOK_BACK_NO_IMBALANCE = "None: no lean lasted this quarter."
LOOK_BACK_RECALIBRATE = "Goals to recalibrate"
LOOK_BACK_RECALIBRATE_LINE = "{title}: {status}; adjust the target, the date or the plan?"
LOOK_BACK_NO_RECALIBRATE = "None behind: every open goal is on track or has no data yet."
LOOK_BACK_CAPACITY = "Capacity, not trait"
LOOK_BACK_CAPACITY_THEN = "In {week}, a hard week, you wrote:"
LOOK_BACK_CAPACITY_NOTE = (
    "Set it beside this quarter. What you handle well is built, week by week; it can grow."
)
LOOK_BACK_QUESTION = "One question"
LOOK_BACK_SAVED = "Saved as an entry: {id}."
LOOK_BACK_NO_ANSWER = "No answer written; the look-back is marked done all the same."
LOOK_BACK_NEEDS_TERMINAL = "The look-back asks a question, and there is no terminal to answer in."
LOOK_BACK_NEEDS_TERMINAL_HINT = (
    'Answer with --reflection "…", e.g. leadjournal review --look-back month --reflection "…".'
)
LOOK_BACK_FLAGS_ONLY = "--look-back takes only --week, --reflection and --seed."
LOOK_BACK_FLAGS_ONLY_HINT = (
    "Record this week's review in one command, then the look-back in another."
)
LOOK_BACK_Q_LEAN = (
    "In {count} of {reviewed} reviewed weeks you leaned toward {side}. What kept pulling you "
    "that way, and what would a week that also serves {other} have needed?"
)
LOOK_BACK_Q_FOLLOW = (
    "You kept {done} of {assessed} commitments you assessed. What made the kept ones easier to "
    "keep, and what would make next month's one of those?"
)
LOOK_BACK_Q_PATTERN = (
    "{feature} tend to come with {more} {axis} ratings. What might be going on in those weeks?"
)
LOOK_BACK_Q_PLAIN = (
    "Reading these {count} weeks together, what do you see that no single week showed you?"
)
LOOK_BACK_Q_CAPACITY = (
    "Put your words from {week} beside this quarter. What can you handle now that you could "
    "not then, and what is still hard?"
)
PATTERNS_HEADING = "What goes with a good week"
PATTERNS_NOTE = (
    "Patterns seen together over your reviewed weeks, not causes: worth a look, not a verdict."
)
PATTERNS_FEW = "Patterns need at least {count} reviewed weeks; this view has {have}."
PATTERNS_NONE = "No clear pattern yet: no tag, goal or dimension stands out in these weeks."
PATTERN_LINE = "{feature}: {axis} {inside} on average, {outside} otherwise (n = {n} of {total})."
PATTERN_TAG = "weeks tagged @{name}"
PATTERN_PERSON = "weeks mentioning @{name}"
PATTERN_GOAL = "weeks with a check-in on “{name}”"
PATTERN_DIMENSION = "weeks with {name} {level} or more"
LAST_YEAR_LINE = "This week last year ({week}): “{text}”"

# -- an exercise's follow-up, come due (assessment) --------------------------------

ASSESS_COMMITTED = "What you committed to"
ASSESS_HEADING = "From “{title}” ({week}){attempt}"
ASSESS_ATTEMPT = ", try {number}"
ASSESS_DECIDED = "What you decided"
ASSESS_ROLE_ACTION = "The change"
ASSESS_ROLE_CRITERIA = "When, and how you would judge it"
ASSESS_QUESTIONS = "Look at it again: your earlier answer is beside each question."
ASSESS_EARLIER = "then ({week}): {answer}"
ASSESS_NOW = "now: {answer}"
ASSESS_COMPARE = "Then and now:"
EXERCISE_ASSESSED_HEADING = "Assessed in {week}:"
ASSESS_COMPARE_LINE = "{question}  {answers}"
ASSESS_OUTCOME = "So, how did it go? [d]one, [p]artly, [n]ot yet, drop [x], [s]kip:"
ASSESS_TRY_AGAIN = "Try again? When will you next try it (a date, Enter for no):"
ASSESS_AGAIN_SET = "It comes back in the review of {week}."
ASSESS_NO_RETRY_PARTLY = "Recorded as partly done."

# -- goals an exercise describes ---------------------------------------------------

GOAL_ACHIEVABLE_RATED = "Rated {value} of 9 for how achievable it is."
GOAL_FROM_EXERCISE = "The goal your answers describe:"
GOAL_FROM_EXERCISE_CONFIRM = "Save it as a goal?"
GOAL_CREATE_YOURSELF = "To create it later:"
GOAL_PAIRS_WITH = "Paired with your goal {id}: {title}"
GOAL_NOT_CREATED = "Your answers are saved; no goal was created yet."
GOAL_CREATE_WITH_YES = "Add --yes to the same command to create it, or create it yourself:"
GOAL_THEN_PAIR = "  then pair them: leadjournal goal pair ID OTHER-ID"

# -- what the journal knows for an exercise step -----------------------------------

KNOWN_LEAN = (
    "The journal says your recent weeks leaned toward {toward} "
    "({weeks} of the last {window} reviewed weeks; {state})."
)
KNOWN_BALANCED = "The journal says your recent weeks were balanced: no lean of 2 or more."
KNOWN_GOALS = "Your open {kind} goals:"
KNOWN_COMMITMENTS = "Your open commitments:"
KNOWN_KEEP = "Press Enter to keep “{value}”, or type another answer."
KNOWN_PICK = "Type a number to use one of these, or write your own."

# -- the exercise the review offers -------------------------------------------------

OFFER_REASONS = {
    "lasting-lean": "Your weeks have leaned the same way for a while.",
    "setback": "This looks like a hard week.",
    "change": "You said a change is under way.",
}
OFFER_ASK = "“{title}” ({steps} steps) fits now. Do it now?"
OFFER_LATER = "Any time later: leadjournal exercise run {id}"
OFFER_BACK = "Back to the review."
CHANGE_SET_ON = "Noted: a change is under way. The review may offer “navigating-change”."
CHANGE_SET_OFF = "Noted: no change under way."
GOAL_NUMBERS = "Give “{measure}” its numbers, so progress can be worked out (Enter skips each):"
GOAL_ASK_UNIT = "Unit (%, people, days…):"
GOAL_ASK_BASELINE = "Where it is now (baseline):"
GOAL_ASK_TARGET = "Where it should be by the date (target):"
# -- people --------------------------------------------------------------------
PERSON_HINT = "Run 'leadjournal people' to see who is on your roster and their handles."
NO_PEOPLE_HINT = 'Your roster is empty. Add someone: leadjournal people add "Maya Chen" --as maya'
UNKNOWN_PERSON = "No one on your roster is called '{who}'."
UNKNOWN_PERSON_HINT = "Use a handle, an alias or a full name: {handles}."
PERSON_AMBIGUOUS = "More than one person is called '{who}': {handles}."
PERSON_AMBIGUOUS_HINT = "Use the handle of the one you mean."
BAD_HANDLE = "'{value}' cannot be a handle."
BAD_HANDLE_HINT = (
    "A handle is one short word of letters, digits, dots, hyphens or underscores, "
    "such as maya or maya-chen."
)
BAD_PERSON_NAME = "'{value}' does not look like a person's name."
BAD_PERSON_NAME_HINT = (
    'Give the name as you write it, such as "Maya Chen" (at most 120 characters).'
)
EMPTY_PERSON_NAME = "A person needs a name."
BAD_ALIAS = "'{value}' cannot be an alias."
BAD_ALIAS_HINT = 'An alias is a name you write for them, such as MC or "Maya C".'
NAME_TAKEN = "'{name}' is already a name of {name_of} ({handle})."
NAME_TAKEN_HINT = (
    "Choose another name, or change theirs first: leadjournal people edit HANDLE --as …"
)
NOT_AN_ALIAS = "'{alias}' is not an alias of {handle}."
NOT_AN_ALIAS_HINT = "Run 'leadjournal people show HANDLE' to see their aliases."
NOTE_KIND_HINT = 'Kinds: 1on1, recognition, feedback, check-in ("is everything OK?"), or note.'
NOTE_IN_FUTURE = "{day} is still to come; a note records what happened."
NOTE_IN_FUTURE_HINT = "Give today or an earlier day with --date."
PERSON_ADDED = "Added {name} as {handle}."
PERSON_LINKED_BEFORE = "Linked {count} that name them."
PERSON_CHANGED = (
    "Saved {name} ({handle}); the earlier version is kept ('leadjournal restore {id}')."
)
PERSON_UNCHANGED = "Nothing to change for {name} ({handle})."
PERSON_ARCHIVED = "Archived {name} ({handle}): kept in history, left out of nudges."
PERSON_UNARCHIVED = "{name} ({handle}) is on the active roster again."
PERSON_NOTE_SAVED = "Noted ({kind}) for {name}, {day}."
PERSON_EDIT_NOTHING = "Say what to change: --name, --as, --alias, --drop-alias or --note."
FORGET_INTRO = "Forgetting {name} ({handle}) removes, for good:"
FORGET_PERSON_LINE = "  - the person: name, handle, aliases and the note about them"
FORGET_NOTES_LINE = "  - {count} about them"
FORGET_LINKS_LINE = "  - {count} from entries, wins and commitments to them"
FORGET_VERSIONS_LINE = "  - {count} of them (the versions table)"
FORGET_SEARCH_LINE = "  - {count} in the search index"
FORGET_TEXT_LINE = (
    "Text you wrote that names them ({count}) is kept as written; "
    "edit or delete it if it must go too."
)
FORGET_BACKUPS = (
    "Backups and exports made before today still hold them; delete those files "
    "if they must be gone everywhere."
)
FORGET_CONFIRM = "Forget {name} for good?"
FORGET_NEEDS_YES = "Forgetting someone removes them for good, so it asks first."
FORGET_NEEDS_YES_HINT = "Run it in a terminal to be asked, or add --yes."
FORGOTTEN = "Forgot {name}: {notes}, {links} and {versions} removed."
FORGET_KEPT = "Nothing was removed."
PEOPLE_EMPTY = (
    'No one on your roster yet. Add someone: leadjournal people add "Maya Chen" --as maya'
)
PERSON_TIMELINE_EMPTY = "Nothing recorded about them yet."
UNSURE_NAME = "'{name}' in {what} of {date} could be {candidates}."
UNSURE_QUESTION = "Who is meant? {choices} [n] no one [Enter] skip ›"
UNSURE_RETRY = "Type a number from the list, or n for no one."
UNSURE_NOT_LINKED = (
    "'{name}' in {what} of {date} could be {candidates}: not linked. "
    "Write @handle (such as @{example}) to link it."
)
UNSURE_WHAT = {"entry": "an entry", "win": "the win", "commitment": "a commitment"}
# The review's people step.
PEOPLE_STEP = "People"
PEOPLE_STEP_INTRO = "who has gone longest without…"
NUDGE_NEVER = "none recorded"
NUDGE_SINCE = "{weeks} weeks ago ({day})"
NUDGE_LINES = {
    "one_on_one": "One-on-one: {name} — {when}",
    "recognition": "Recognition: {name} — {when}",
    "check_in": '"Is everything OK?": {name} — {when}',
}
NUDGE_COMMITMENTS = {
    "one_on_one": "Hold a one-on-one with {name}",
    "recognition": "Recognise {name}'s effort, specifically",
    "check_in": 'Ask {name} "Is everything OK?" — and mean it',
}
NUDGE_OFFER = "Make one of these next week's commitment? {choices} [Enter] no ›"
COMMITMENT_SO_FAR = "So far: “{text}” (Enter keeps it)."
NUDGE_COMMITTED = "Next week's commitment: {text}"
PEOPLE_SECTION = "People"
PEOPLE_RECOGNITION = "{total}, {share} of them to {top} of {active} people"
PEOPLE_RECOGNITION_NONE = "No recognition recorded for any of {active} people"
PEOPLE_ONE_ON_ONES = "{held}, with {people} of {active} people"
PEOPLE_NOT_MENTIONED = "Not mentioned at all: {names}"
PEOPLE_ALL_MENTIONED = "Everyone on the roster was mentioned or met."
FOR_PERSON_NEEDS_NAME = "for_person must contain {name}, where the person's name goes"

# -- encryption at rest (db encrypt, decrypt, rekey, status, forget) ---------------
NO_SQLCIPHER = "Encryption needs SQLCipher, which is not installed."
NO_SQLCIPHER_HINT = "Install it with: pip install 'leadjournal[encryption]'"
WRONG_PASSPHRASE = "That passphrase does not open this journal."
WRONG_PASSPHRASE_HINT = (
    "Nothing was written to {path}. Check the passphrase (or what "
    "LEADJOURNAL_PASSPHRASE_COMMAND prints) and try again."
)
WRONG_PASSPHRASE_AGAIN = "That passphrase does not open this journal; try again."
PASSPHRASE_PROMPT = "Passphrase for {path}: "
NEW_PASSPHRASE_PROMPT = "New passphrase: "
NEW_PASSPHRASE_AGAIN = "The same passphrase again: "
NEW_PASSPHRASE_MISMATCH = "The two did not match; once more."
NEW_PASSPHRASE_EMPTY = "A passphrase cannot be empty; once more."
NEW_PASSPHRASES_DIFFER = "The passphrases typed did not match."
NEW_PASSPHRASES_DIFFER_HINT = "Run the command again and type the same passphrase twice."
EMPTY_PASSPHRASE = "The passphrase from {source} is empty."
EMPTY_PASSPHRASE_HINT = "Make the command print the passphrase on its first line."
NEED_PASSPHRASE = "The journal at {path} is encrypted, and no passphrase was given."
NEED_PASSPHRASE_HINT = (
    "Run it in a terminal to type the passphrase, set LEADJOURNAL_PASSPHRASE_COMMAND to a "
    "command that prints it (e.g. 'pass show leadjournal'), or keep it in the keyring with "
    "'leadjournal db encrypt --remember'."
)
NEED_NEW_PASSPHRASE = "A new passphrase is needed, and none was given."
NEED_NEW_PASSPHRASE_HINT = (
    "Run it in a terminal to type it twice, or set LEADJOURNAL_NEW_PASSPHRASE_COMMAND "
    "(or LEADJOURNAL_PASSPHRASE_COMMAND when no old one is needed) to a command that prints it."
)
PASSPHRASE_COMMAND_FAILED = "{source} did not give a passphrase: {reason}."
PASSPHRASE_COMMAND_HINT = "Check the command runs on its own and prints the passphrase."
ALREADY_ENCRYPTED = "The journal at {path} is already encrypted."
ALREADY_ENCRYPTED_HINT = "Use 'leadjournal db rekey' to change its passphrase."
NOT_ENCRYPTED = "The journal at {path} is not encrypted."
NOT_ENCRYPTED_HINT = "Use 'leadjournal db encrypt' to encrypt it."
NO_JOURNAL_YET = "There is no journal at {path} yet."
NO_JOURNAL_YET_HINT = "Start one with 'leadjournal db init' (add --encrypt to encrypt it)."
JOURNAL_EXISTS = "There is already a journal at {path}."
JOURNAL_EXISTS_HINT = "Use 'leadjournal db encrypt' to encrypt an existing journal."
INITIALISED = "New journal at {path}."
INITIALISED_ENCRYPTED = "New encrypted journal at {path}."
ENCRYPTING = "Encrypting {path}…"
ENCRYPTED = "Encrypted {path}: {tables} tables, {rows} rows checked."
DECRYPTED = "Decrypted {path}: {rows} rows checked. The file is readable again by anyone with it."
REKEYED = "New passphrase set for {path}: {rows} rows checked."
PLAIN_BACKUP_KEPT = "The plaintext copy you asked for is at {path}; delete it when you are done."
REWRITE_CHECK_FAILED = "The rewritten copy did not check out; the journal was left as it was."
REWRITE_CHECK_FAILED_HINT = "Run 'leadjournal db doctor', then try again."
DECRYPT_CONFIRM = "Write the journal back as plaintext, readable by anyone with the file?"
DECRYPT_NEEDS_YES = "Decrypting needs confirmation."
DECRYPT_NEEDS_YES_HINT = "Add --yes to decrypt without asking."
NOT_DECRYPTED = "Left encrypted."
REMEMBERED = "The key is kept in the keyring ({backend}); 'leadjournal db forget' removes it."
NO_KEYRING = "No keyring is available, so the key was not remembered."
NO_KEYRING_HINT = "Install the 'keyring' package with a working backend, or use a command."
KEY_FORGOTTEN = "The key for {path} is no longer kept in the keyring."
NOTHING_TO_FORGET = "The keyring keeps no key for {path}."
EXPORT_PLAINTEXT = "Note: this export of an encrypted journal is plaintext."
BRIEF_PLAINTEXT = (
    "Note: this brief of an encrypted journal is a plaintext file; delete it when you are done."
)
PASSPHRASE_STOPPED = "Stopped at the passphrase; nothing was read or written."
PASSPHRASE_STOPPED_HINT = "Run the command again when you are ready to type it."
DOCTOR_ENCRYPTED = "An encrypted (SQLCipher) file of {size} bytes; checked with its key."
DRAFT_NEEDS_KEY = "the journal is encrypted and its passphrase was not given"
DRAFTS_RESEALED = "{count} waiting to be saved now follow the journal's new key."

# -- unknown commands ----------------------------------------------------------

UNKNOWN_COMMAND = "There is no command '{name}'."
UNKNOWN_COMMAND_SUGGEST = "Did you mean {choices}? 'leadjournal --help' lists every command."
UNKNOWN_COMMAND_HINT = "'leadjournal --help' lists every command, with an example for each."
UNKNOWN_SUBCOMMAND_HINT = "'leadjournal {group} --help' lists its commands."


def counted(count: int, one: str, many: str | None = None) -> str:
    """A count with its noun, as a person says it: "1 note", "3 notes"."""
    return f"{count} {one if count == 1 else (many or one + 's')}"
