"""Time as a dependency: everything time-dependent takes a `Clock`, tests use a frozen one."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
"""Every date shown to an officer is in Vietnam's time zone; everything stored is UTC."""


class Clock(Protocol):
    """A source of the current time."""

    def now(self) -> datetime:
        """Return the current time, timezone-aware, in UTC."""
        ...

    def monotonic(self) -> float:
        """Return a monotonic number of seconds, for idle timers and delays."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        """Return the current UTC time."""
        return datetime.now(UTC)

    def monotonic(self) -> float:
        """Return `time.monotonic()`."""
        return time.monotonic()


@dataclass
class FrozenClock:
    """A clock that moves only when told to (tests, snapshots)."""

    current: datetime = field(default_factory=lambda: datetime(2026, 11, 2, 1, 30, tzinfo=UTC))
    ticks: float = 0.0

    def now(self) -> datetime:
        """Return the frozen time."""
        return self.current

    def monotonic(self) -> float:
        """Return the frozen monotonic counter."""
        return self.ticks

    def advance(self, seconds: float) -> None:
        """Move both the wall clock and the monotonic counter forward."""
        self.current += timedelta(seconds=seconds)
        self.ticks += seconds


def utc_iso(moment: datetime) -> str:
    """Format a timezone-aware moment as an ISO 8601 UTC string with a Z suffix."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
