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
