"""Dates as officers type them: dd/mm/yyyy, ISO, or a year alone for legacy records."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_DMY = re.compile(r"^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})\Z")
_MY = re.compile(r"^([0-9]{1,2})[/.-]([0-9]{4})\Z")
_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?\Z")
_YEAR = re.compile(r"^([0-9]{4})\Z")


class DateFormatError(ValueError):
    """The text is not a date in an accepted format, or not a real calendar date."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date that may know only its year, or its year and month (legacy records)."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1800 <= self.year <= 2999:
            raise DateFormatError("year out of range")
        if self.day is not None and self.month is None:
            raise DateFormatError("day without month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateFormatError("month out of range")
        if self.day is not None and self.month is not None:
            try:
                date(self.year, self.month, self.day)
            except ValueError as exc:
                raise DateFormatError("no such day") from exc

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse `dd/mm/yyyy`, `mm/yyyy`, `yyyy-mm-dd`, `yyyy-mm` or `yyyy`."""
        value = text.strip()
        if match := _DMY.match(value):
            day, month, year = (int(group) for group in match.groups())
            return cls(year, month, day)
        if match := _MY.match(value):
            month, year = (int(group) for group in match.groups())
            return cls(year, month)
        if match := _ISO.match(value):
            maybe_day = int(match.group(3)) if match.group(3) else None
            return cls(int(match.group(1)), int(match.group(2)), maybe_day)
        if match := _YEAR.match(value):
            return cls(int(match.group(1)))
        raise DateFormatError(value)

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Parse the stored form (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`)."""
        return cls.parse(text)

    def iso(self) -> str:
        """Return the stored form."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def display(self) -> str:
        """Return the Vietnamese display form (`dd/mm/yyyy`, `mm/yyyy` or `yyyy`)."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.month:02d}/{self.year:04d}"
        return f"{self.day:02d}/{self.month:02d}/{self.year:04d}"

    def earliest(self) -> date:
        """Return the first calendar day the partial date may stand for."""
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        """Return the last calendar day the partial date may stand for."""
        if self.day is not None and self.month is not None:
            return date(self.year, self.month, self.day)
        month = self.month or 12
        next_month = date(self.year + (month == 12), month % 12 + 1, 1)
        return date.fromordinal(next_month.toordinal() - 1)


def age_on(birth: PartialDate, day: date) -> int:
    """Return the age in whole years on `day`, counting a partial birth date at its latest."""
    born = birth.latest()
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
