"""The holiday calendar document (`schema/holidays-vn.json`) and its reading into a calendar."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from caseterm.domain.lifecycle.timecalc import Holiday, HolidayStatus, WorkCalendar

FORMAT = "caseterm.holidays.v1"


class CalendarError(ValueError):
    """The calendar document is malformed; the message names the problem (a code)."""


class HolidayEntry(BaseModel):
    """One day off."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    date: date
    name: str = Field(min_length=1, max_length=200)
    status: Literal["official", "law", "estimated"] = Field(
        description="official: announced; law: Labour Code Art 112; estimated: not counted"
    )


class HolidayCalendarDocument(BaseModel):
    """The updatable Vietnamese public-holiday calendar used for working-day deadlines."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    schema_ref: str | None = Field(default=None, alias="$schema")
    format: Literal["caseterm.holidays.v1"]
    version: str = Field(
        pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description="Date of this edition"
    )
    country: Literal["VN"]
    years: list[int] = Field(min_length=1, description="Years whose holidays are complete")
    notes: str = ""
    holidays: list[HolidayEntry]
    working_weekend_days: list[date] = Field(
        default_factory=list, description="Saturdays or Sundays made working days by a swap"
    )


def calendar_from_document(document: dict[str, Any]) -> WorkCalendar:
    """Validate and build the calendar; every listed day must belong to a covered year."""
    try:
        parsed = HolidayCalendarDocument.model_validate(document)
    except ValidationError as error:
        raise CalendarError("fields") from error
    years = frozenset(parsed.years)
    days = [h.date for h in parsed.holidays] + parsed.working_weekend_days
    if any(day.year not in years for day in days):
        raise CalendarError("year_not_covered")
    if any(day.weekday() < 5 for day in parsed.working_weekend_days):
        raise CalendarError("swap_not_weekend")
    holidays = [Holiday(h.date, h.name, HolidayStatus(h.status)) for h in parsed.holidays]
    return WorkCalendar.build(parsed.version, years, holidays, parsed.working_weekend_days)
