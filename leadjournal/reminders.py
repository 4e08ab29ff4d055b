"""A weekly reminder of the review, set up once: what each way of being reminded writes.

Four ways, all of them files that the system (or a calendar) acts on; nothing
here stays running and nothing reaches the network:

- a systemd user timer and the one-shot service it starts (Linux desktops: it
  runs in the session, so a desktop notification can be shown from it);
- a crontab line (any Unix);
- a launchd agent (macOS);
- an ``.ics`` calendar event that repeats weekly (any calendar).

The timer, the line and the agent run ``leadjournal remind notify``, which
shows one notification and ends. This module builds the texts and the record
of what was installed; the command line writes them and runs the programs
(``systemctl``, ``crontab``, ``launchctl``) that switch them on.
"""

from __future__ import annotations

import hashlib
import json
import re
import shlex
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from leadjournal import messages
from leadjournal.config import DAYS
from leadjournal.errors import BadInput

WAYS = ("systemd", "cron", "launchd", "ics")
UNIT = "leadjournal-reminder"  # the systemd service and timer share this name
AGENT = "org.leadjournal.reminder"  # the launchd agent's label and file name
CRON_MARK = "# leadjournal weekly review reminder"
TIME_RE = re.compile(r"(\d{1,2}):(\d{2})")
PLAIN_WORD = re.compile(r"[A-Za-z0-9_./:=+,@-]+")


@dataclass(frozen=True)
class When:
    """A weekday and a time of day, local time."""

    day: str  # monday … sunday
    hour: int
    minute: int

    @property
    def time(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"

    @property
    def short_day(self) -> str:
        return self.day[:3].capitalize()

    def shown(self) -> str:
        return f"{self.day.capitalize()}s at {self.time}"


def parse_when(day: str, time: str) -> When:
    """``--day`` and ``--time`` as a leader types them: fri / Friday, 16:00 / 9:30."""
    name = day.strip().lower()
    found = [full for full in DAYS if len(name) >= 3 and full.startswith(name)]
    if not found:
        raise BadInput(messages.REMIND_BAD_DAY.format(value=day), messages.REMIND_BAD_DAY_HINT)
    match = TIME_RE.fullmatch(time.strip())
    hour, minute = (int(match.group(1)), int(match.group(2))) if match else (-1, -1)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise BadInput(messages.REMIND_BAD_TIME.format(value=time), messages.REMIND_BAD_TIME_HINT)
    return When(found[0], hour, minute)


def check_way(way: str) -> str:
    chosen = way.strip().lower()
    if chosen not in WAYS:
        raise BadInput(
            messages.REMIND_BAD_WAY.format(value=way, ways=", ".join(WAYS)),
            messages.REMIND_BAD_WAY_HINT,
        )
    return chosen


# -- the texts ------------------------------------------------------------------


def _systemd_word(word: str) -> str:
    if PLAIN_WORD.fullmatch(word):
        return word
    # systemd reads % as a specifier and $ as a variable, even inside quotes.
    escaped = word.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
    return f'"{escaped}"'


def systemd_units(when: When, command: Sequence[str]) -> dict[str, str]:
    """The service (one notification, then it ends) and the weekly timer that starts it."""
    service = (
        "[Unit]\n"
        "Description=leadjournal: a reminder of the weekly review\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"ExecStart={' '.join(_systemd_word(word) for word in command)}\n"
    )
    timer = (
        "[Unit]\n"
        f"Description=leadjournal: the weekly review reminder, {when.shown()}\n"
        "\n"
        "[Timer]\n"
        f"OnCalendar={when.short_day} *-*-* {when.time}:00\n"
        # A reminder missed while the machine was off comes when it is back.
        "Persistent=true\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )
    return {f"{UNIT}.service": service, f"{UNIT}.timer": timer}


def cron_line(when: When, command: Sequence[str]) -> str:
    """One crontab line; cron counts Sunday as 0. A % would end cron's command."""
    weekday = (DAYS.index(when.day) + 1) % 7
    words = " ".join(shlex.quote(word) for word in command).replace("%", "\\%")
    return f"{when.minute} {when.hour} * * {weekday} {words} {CRON_MARK}"


def without_our_line(crontab: str) -> str:
    """A crontab with our reminder's line taken out, everything else as it was."""
    kept = [line for line in crontab.splitlines() if not line.rstrip().endswith(CRON_MARK)]
    return "".join(f"{line}\n" for line in kept)


def launchd_agent(when: When, command: Sequence[str]) -> bytes:
    """The agent's property list: launchd counts Sunday as 0 (or 7)."""
    import plistlib

    agent = {
        "Label": AGENT,
        "ProgramArguments": list(command),
        "StartCalendarInterval": {
            "Weekday": (DAYS.index(when.day) + 1) % 7,
            "Hour": when.hour,
            "Minute": when.minute,
        },
        "RunAtLoad": False,
    }
    return plistlib.dumps(agent)


def _ics_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def next_day(when: When, today: date) -> date:
    """The first ``when.day`` on or after ``today``."""
    return today + timedelta(days=(DAYS.index(when.day) - today.weekday()) % 7)


def calendar_event(when: When, today: date, stamp: str) -> str:
    """A calendar with one weekly event (RFC 5545), in local ("floating") time.

    ``stamp`` is the UTC moment of writing, as ``20261120T090000Z``; the
    event's id is made from the day and time, so writing the same reminder
    again gives a calendar the same event, not a second one.
    """
    first = next_day(when, today)
    uid = hashlib.sha256(f"{when.day} {when.time}".encode()).hexdigest()[:16]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//leadjournal//weekly review reminder//EN",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        f"UID:weekly-review-{uid}@leadjournal.invalid",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{first:%Y%m%d}T{when.hour:02d}{when.minute:02d}00",
        "DURATION:PT15M",
        f"RRULE:FREQ=WEEKLY;BYDAY={when.day[:2].upper()}",
        f"SUMMARY:{_ics_text(messages.REMIND_EVENT_TITLE)}",
        f"DESCRIPTION:{_ics_text(messages.REMIND_EVENT_TEXT)}",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_ics_text(messages.REMIND_EVENT_TITLE)}",
        "TRIGGER:PT0M",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    # The format's own line ending is CRLF.
    return "".join(f"{folded}\r\n" for line in lines for folded in _fold(line))


def _fold(line: str, limit: int = 75) -> list[str]:
    """An .ics line longer than 75 bytes goes on in lines that start with a space."""
    parts: list[str] = []
    current = ""
    for char in line:
        size = limit if not parts else limit - 1
        if len((current + char).encode("utf-8")) > size:
            parts.append(current)
            current = ""
        current += char
    parts.append(current)
    return [parts[0], *(f" {part}" for part in parts[1:])]


# -- the record of what was installed ---------------------------------------------


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class WrittenFile:
    path: str
    sha256: str


@dataclass
class Installed:
    """One reminder as it was set up, so that removing it undoes exactly that."""

    way: str
    day: str
    time: str
    files: list[WrittenFile] = field(default_factory=list)
    enabled: bool = False  # systemctl / launchctl switched it on
    cron_line: str | None = None  # the line added to the crontab


def read_record(text: str) -> list[Installed]:
    """The reminders a record lists; an unreadable record lists none."""
    try:
        data = json.loads(text)
        return [
            Installed(
                way=str(item["way"]),
                day=str(item["day"]),
                time=str(item["time"]),
                files=[WrittenFile(str(f["path"]), str(f["sha256"])) for f in item["files"]],
                enabled=bool(item.get("enabled", False)),
                cron_line=item.get("cron_line"),
            )
            for item in data["reminders"]
            if item.get("way") in WAYS
        ]
    except (ValueError, KeyError, TypeError):
        return []


def write_record(reminders: Sequence[Installed]) -> str:
    return json.dumps({"reminders": [asdict(item) for item in reminders]}, indent=2) + "\n"
