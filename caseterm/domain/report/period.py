"""The reporting period and its cut-off (legal spec §5.3: configuration, not hard-coded).

The default is the calendar month with the cut-off at 24:00 of its last day, Vietnam time.
A start day other than 1 gives the 15th→14th convention of ND 09/2019 [U]: the period named
2026-11 then runs from 15/10 00:00 to 14/11 24:00.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from caseterm.clock import VIETNAM, utc_iso

_LABEL = re.compile(r"^([0-9]{4})-(0[1-9]|1[0-2])\Z")
MIN_YEAR, MAX_YEAR = 2000, 2100


class PeriodError(ValueError):
    """A period label or start day that cannot be a reporting period (`reason` says why)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Period:
    """A reporting period: `start` inclusive, `end` the cut-off instant (exclusive)."""

    label: str
    start: datetime
    end: datetime
    start_day: int = 1

    @property
    def start_iso(self) -> str:
        """The start as a stored moment (UTC ISO)."""
        return utc_iso(self.start)

    @property
    def end_iso(self) -> str:
        """The cut-off as a stored moment (UTC ISO)."""
        return utc_iso(self.end)

    @property
    def last_day(self) -> date:
        """The period's last calendar day, Vietnam time (ages are taken on it)."""
        return (self.end - timedelta(microseconds=1)).astimezone(VIETNAM).date()

    @property
    def first_day(self) -> date:
        """The period's first calendar day, Vietnam time."""
        return self.start.astimezone(VIETNAM).date()

    def year_before(self) -> Period:
        """The same period a year earlier (the year-on-year comparison)."""
        year, month = self.label.split("-")
        return month_period(f"{int(year) - 1:04d}-{month}", self.start_day)


def month_period(label: str, start_day: int = 1) -> Period:
    """The monthly period named `YYYY-MM` (see the module's note on `start_day`)."""
    found = _LABEL.match(label.strip())
    if found is None:
        raise PeriodError("label")
    if not 1 <= start_day <= 28:  # every month has a 28th
        raise PeriodError("start_day")
    year, month = int(found.group(1)), int(found.group(2))
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PeriodError("year")
    if start_day == 1:
        first, after = date(year, month, 1), _next_month(date(year, month, 1))
    else:
        after = date(year, month, start_day)
        first = _previous_month(after)
    return Period(f"{year:04d}-{month:02d}", _midnight(first), _midnight(after), start_day)


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=VIETNAM)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, day.day)


def _previous_month(day: date) -> date:
    return date(day.year - (day.month == 1), (day.month - 2) % 12 + 1, day.day)
