"""The JSON shapes of a derived lifecycle and of the due list (`caseterm due --json`)."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from caseterm.clock import utc_iso
from caseterm.services.lifecycle.due import DueList
from caseterm.services.session.json_shape import UTC_MOMENT, StrictShape


class MeasureOut(StrictShape):
    """One legal measure with its state and term (derived from the events)."""

    id: str = Field(description="The event that opened the measure")
    kind: str = Field(description="USER_MGMT, ADDICTION_ASSESSMENT, VOLUNTARY_REHAB, …")
    regime: str = Field(pattern="^R20(21|26)$")
    phase: str
    form: str | None
    case: str | None = Field(description="Case or ground letter, or the e-monitoring basis")
    flags: list[str]
    opened_at: str = Field(pattern=UTC_MOMENT)
    term_start: str | None = Field(pattern=UTC_MOMENT)
    term_months: int | None
    term_end: str | None = Field(pattern=UTC_MOMENT)
    episode: int | None
    closed_at: str | None = Field(pattern=UTC_MOMENT)
    close_reason: str | None
    counters: dict[str, int]


class DeadlineOut(StrictShape):
    """An open legal deadline (D01–D40)."""

    code: str = Field(pattern=r"^D[0-9]{2}$")
    key: str
    due_at: str = Field(pattern=UTC_MOMENT)
    visible_from: str | None = Field(pattern=UTC_MOMENT)
    measure_id: str | None
    opened_by: str | None
    basis: list[str] = Field(description="Citations, e.g. 'ND163 58(1)'")
    params: dict[str, str]


class RefusedOut(StrictShape):
    """An event that no longer fits the file (after a correction)."""

    rule: str
    reason: str


class LifecycleOut(StrictShape):
    """Everything derived from the events: status S0–S15, registers, measures, deadlines."""

    status: str = Field(pattern=r"^S([0-9]{1,2}|5b)$")
    flags: list[str]
    registers: list[str]
    measures: list[MeasureOut]
    deadlines: list[DeadlineOut]
    refused: dict[str, RefusedOut]
    voided: dict[str, str] = Field(description="Voided event id → the voiding event id")
    last_contact: str | None = Field(pattern=UTC_MOMENT)
    reviews: list[int]
    relapses: int = Field(ge=0)


class DueItemOut(StrictShape):
    """One line of `caseterm due --json`."""

    group: str = Field(pattern="^(overdue|today|upcoming)$")
    person_id: str | None = Field(description="None for the commune's own deadlines (D39, D40)")
    full_name: str
    code: str = Field(pattern=r"^D[0-9]{2}$")
    due_at: str = Field(pattern=UTC_MOMENT)
    basis: list[str]
    measure_id: str | None


class DueListOut(StrictShape):
    """`caseterm due --json`."""

    now: str = Field(pattern=UTC_MOMENT)
    items: list[DueItemOut]
    registers: dict[str, int]
    calendar_gap: int | None = Field(description="A year the holiday calendar does not cover")


def due_json(found: DueList) -> dict[str, Any]:
    """The due list, checked against its schema."""
    items = [
        {
            "group": group,
            "person_id": item.person_id,
            "full_name": item.full_name,
            "code": item.code,
            "due_at": item.due_at,
            "basis": item.citations,
            "measure_id": item.measure_id,
        }
        for group, items in (
            ("overdue", found.overdue),
            ("today", found.today),
            ("upcoming", found.upcoming),
        )
        for item in items
    ]
    raw = {
        "now": utc_iso(found.now),
        "items": items,
        "registers": found.registers,
        "calendar_gap": found.calendar_gap,
    }
    return DueListOut.model_validate(raw).model_dump(mode="json")
