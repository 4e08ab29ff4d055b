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
