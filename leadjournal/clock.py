"""The journal's idea of "now".

Core code never reads the system clock: it is handed a ``Clock``. The command
line builds one from ``LEADJOURNAL_NOW`` (tests, demos, backfills) or the system.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from leadjournal.weeks import week_of


class Clock(Protocol):
    def now(self) -> datetime:
        """An aware datetime in the user's local zone."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now().astimezone()


@dataclass(frozen=True)
class FixedClock:
    at: datetime

    def now(self) -> datetime:
        return self.at if self.at.tzinfo else self.at.astimezone()


@dataclass(frozen=True)
class Stamp:
    """When something happened: UTC for ordering, local date and week for meaning."""

    utc: str
    date: str
    week: str


def stamp(clock: Clock) -> Stamp:
    local = clock.now()
    return Stamp(
        utc=local.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        date=local.date().isoformat(),
        week=week_of(local.date()),
    )
