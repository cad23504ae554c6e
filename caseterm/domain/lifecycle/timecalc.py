"""How the law counts time: hours, working days, calendar days, months and years.

Rules (legal spec §4.1):
- "trong thời hạn 24 giờ": exactly that many hours from the triggering moment.
- "ngày làm việc": Saturdays, Sundays and public holidays are skipped. Counting starts the day
  after the trigger (Civil Code Art 147(1)) and the deadline is the end (24:00, Vietnam time) of the
  last working day counted.
- "ngày", months and years: calendar arithmetic from the day after the trigger; a period ends at the
  end of the corresponding day, or of the month's last day when that day does not exist (Civil Code
  Art 148). Excluded days (unreported absence, absconding, time on hold) are added back.
The Civil Code's move of a deadline that ends on a holiday to the next working day is **not**
applied: every deadline then falls on or before the legal one, never after it ([U] 19).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from caseterm.clock import VIETNAM


class HolidayStatus(StrEnum):
    """How sure the calendar is of a day off."""

    OFFICIAL = "official"
    """Announced by the government for that year and checked."""
    LAW = "law"
    """Fixed by the Labour Code (solar holidays, and their compensatory days)."""
    ESTIMATED = "estimated"
    """Not yet announced: listed, but counted as a working day (deadlines stay early)."""


@dataclass(frozen=True)
class Holiday:
    """One day off (or one Saturday made a working day by a swap)."""

    day: date
    name: str
    status: HolidayStatus


@dataclass(frozen=True)
class WorkCalendar:
    """Weekends plus the public holidays of the years the calendar covers."""

    version: str
    years: frozenset[int]
    holidays: tuple[Holiday, ...] = ()
    working_weekend_days: frozenset[date] = frozenset()
    _off: frozenset[date] = field(default=frozenset(), repr=False, compare=False)

    @classmethod
    def build(
        cls,
        version: str,
        years: Iterable[int],
        holidays: Iterable[Holiday],
        working_weekend_days: Iterable[date] = (),
    ) -> WorkCalendar:
        """Make a calendar; only official and law days count as days off."""
        listed = tuple(sorted(holidays, key=lambda h: h.day))
        off = frozenset(h.day for h in listed if h.status is not HolidayStatus.ESTIMATED)
        return cls(version, frozenset(years), listed, frozenset(working_weekend_days), off)

    def is_working_day(self, day: date) -> bool:
        """True on a weekday that is not a public holiday, or on a swapped working Saturday."""
        if day in self.working_weekend_days:
            return True
        return day.weekday() < 5 and day not in self._off

    def covers(self, day: date) -> bool:
        """True when the calendar lists the holidays of `day`'s year."""
        return day.year in self.years


WEEKENDS_ONLY = WorkCalendar.build("weekends-only", (), ())
"""A calendar without holidays (tests of pure weekend arithmetic)."""


def local_day(moment: datetime) -> date:
    """The calendar day of a moment in Vietnam."""
    return moment.astimezone(VIETNAM).date()


def end_of_day(day: date) -> datetime:
    """24:00 Vietnam time at the end of `day`, in UTC."""
    return datetime.combine(day + timedelta(days=1), time(), VIETNAM).astimezone(UTC)


def start_of_day(day: date) -> datetime:
    """00:00 Vietnam time at the start of `day`, in UTC."""
    return datetime.combine(day, time(), VIETNAM).astimezone(UTC)


def after_hours(moment: datetime, hours: int) -> datetime:
    """A deadline counted in hours."""
    return moment + timedelta(hours=hours)


def after_working_days(moment: datetime, count: int, calendar: WorkCalendar) -> datetime:
    """The end of the `count`-th working day after the trigger's day."""
    day = local_day(moment)
    counted = 0
    while counted < count:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            counted += 1
    return end_of_day(day)


def before_working_days(moment: datetime, count: int, calendar: WorkCalendar) -> datetime:
    """The start of the `count`-th working day before `moment`'s day ("3 ngày làm việc trước")."""
    day = local_day(moment)
    counted = 0
    while counted < count:
        day -= timedelta(days=1)
        if calendar.is_working_day(day):
            counted += 1
    return start_of_day(day)


def add_months(day: date, months: int) -> date:
    """The corresponding day `months` later, or that month's last day when it has no such day."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def term_end(start: datetime, months: int, excluded: timedelta = timedelta()) -> datetime:
    """End of a term of `months` that starts at `start`, with excluded time added back."""
    return end_of_day(add_months(local_day(start), months)) + _whole_days(excluded)


def after_calendar_days(moment: datetime, days: int) -> datetime:
    """The end of the `days`-th calendar day after the trigger's day."""
    return end_of_day(local_day(moment) + timedelta(days=days))


def _whole_days(span: timedelta) -> timedelta:
    """Excluded time counts in started days: a part of a day is a day not served."""
    days = span.days + (1 if span - timedelta(days=span.days) > timedelta() else 0)
    return timedelta(days=max(days, 0))
