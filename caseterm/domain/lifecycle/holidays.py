"""Reading the holiday calendar document (`schema/holidays-vn.json`) into a `WorkCalendar`."""

from __future__ import annotations

from datetime import date
from typing import Any

from caseterm.domain.lifecycle.timecalc import Holiday, HolidayStatus, WorkCalendar

FORMAT = "caseterm.holidays.v1"


class CalendarError(ValueError):
    """The calendar document is malformed; the message names the problem (a code)."""


def calendar_from_document(document: dict[str, Any]) -> WorkCalendar:
    """Validate and build the calendar; every listed day must belong to a covered year."""
    if document.get("format") != FORMAT:
        raise CalendarError("format")
    try:
        years = frozenset(int(year) for year in document["years"])
        holidays = [_holiday(item) for item in document["holidays"]]
        swaps = [date.fromisoformat(day) for day in document.get("working_weekend_days", [])]
        version = str(document["version"])
    except (KeyError, TypeError, ValueError) as error:
        raise CalendarError("fields") from error
    if any(h.day.year not in years for h in holidays) or any(d.year not in years for d in swaps):
        raise CalendarError("year_not_covered")
    if any(d.weekday() < 5 for d in swaps):
        raise CalendarError("swap_not_weekend")
    return WorkCalendar.build(version, years, holidays, swaps)


def _holiday(item: dict[str, Any]) -> Holiday:
    return Holiday(
        date.fromisoformat(item["date"]), str(item["name"]), HolidayStatus(item["status"])
    )
