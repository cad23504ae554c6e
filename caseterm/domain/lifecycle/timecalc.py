"""How the law counts time: hours, working days, calendar days, months and years.

Rules (legal spec §4.1):
- "trong thời hạn 24 giờ": exactly that many hours from the triggering moment.
- "ngày làm việc": Saturdays, Sundays and public holidays are skipped. Counting starts the day
  after the trigger (Civil Code Art 147(1)) and the deadline is the end (24:00, Vietnam time) of the
  last working day counted.
- "ngày", months and years: calendar arithmetic from the day after the trigger; a period ends at the
  end of the corresponding day, or of the month's last day when that day does not exist (Civil Code
  Art 148). Excluded days (unreported absence, absconding, time on hold) are added back.
The Civil Code's move of a period whose last day is a day off to the end of the next working
day (Art 148(5)) is a unit setting (legal spec §9, decision 2). Off (the default), nothing moves:
every deadline falls on or before the legal one, never after it. On, it moves the *person's*
terms only (management, rehab, post-rehab, the dossier's limitation) and the duties that follow
from their end; the officer's own 24-hour and working-day duties never move. Either way the
deadline's parameters say when a date was, or could have been, moved (`day_off_params`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
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
    moves_term_ends: bool = False
    """The unit's Art 148(5) setting: a person's term ending on a day off ends a working day on."""
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
        return cls(
            version=version,
            years=frozenset(years),
            holidays=listed,
            working_weekend_days=frozenset(working_weekend_days),
            _off=off,
        )

    def with_term_ends_moved(self, moved: bool) -> WorkCalendar:
        """The same calendar under the unit's Art 148(5) setting.

        The edition names the setting, so that projections derived under the other one are
        stale and recomputed when the setting changes.
        """
        if moved is self.moves_term_ends:
            return self
        base = self.version.removesuffix(TERM_ENDS_MOVED)
        version = base + TERM_ENDS_MOVED if moved else base
        return replace(self, version=version, moves_term_ends=moved)

    def is_working_day(self, day: date) -> bool:
        """True on a weekday that is not a public holiday, or on a swapped working Saturday."""
        if day in self.working_weekend_days:
            return True
        return day.weekday() < 5 and day not in self._off

    def covers(self, day: date) -> bool:
        """True when the calendar lists the holidays of `day`'s year."""
        return day.year in self.years


TERM_ENDS_MOVED = "+bl148"
"""The suffix of a calendar edition under which term ends move (Bộ luật Dân sự Art 148(5))."""

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


def last_day(end: datetime) -> date:
    """The last day a period ending at `end` (24:00 at the end of a day) covers."""
    return local_day(end - timedelta(microseconds=1))


def next_working_day(day: date, calendar: WorkCalendar) -> date:
    """The first working day after `day`."""
    day += timedelta(days=1)
    while not calendar.is_working_day(day):
        day += timedelta(days=1)
    return day


def civil_term_end(end: datetime, calendar: WorkCalendar) -> datetime:
    """A person's term end under the unit's setting (Civil Code Art 148(5)).

    With the setting on, a term whose last day is a day off ends at the end of the next working
    day; otherwise, and on a working day, it ends where it was counted to.
    """
    day = last_day(end)
    if not calendar.moves_term_ends or calendar.is_working_day(day):
        return end
    return end_of_day(next_working_day(day, calendar))


def day_off_params(end: datetime, calendar: WorkCalendar) -> dict[str, str]:
    """What a deadline's text says of a term end counted to `end` (before any move).

    `moved_from` (ISO day) when the setting moved it; `could_move_to` when its last day is a
    day off and the setting is off; nothing when it ends on a working day.
    """
    day = last_day(end)
    if calendar.is_working_day(day):
        return {}
    if calendar.moves_term_ends:
        return {"moved_from": day.isoformat()}
    return {"could_move_to": next_working_day(day, calendar).isoformat()}
