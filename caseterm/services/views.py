"""The documented, stable JSON shapes of `--json` output.

Every output passes through these models (so it cannot drift from its schema), and
`scripts/write_schema.py` writes their JSON Schemas to `schema/`. Names may grow, not change.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from caseterm.clock import utc_iso
from caseterm.domain.bundle import RECORD_ID
from caseterm.domain.codes import DrugType, IdType, ResidenceStatus, Route, Sex
from caseterm.services.due import DueList
from caseterm.services.lifecycle_views import derived_json
from caseterm.services.persons import PersonFile
from caseterm.store.convert import record_to_json
from caseterm.store.records import PersonSummary

PARTIAL_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
UTC_MOMENT = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PersonSummaryOut(_Strict):
    """One line of `person find --json`."""

    id: str = Field(description="UUIDv7 of the person")
    full_name: str
    sex: Sex
    birth: str = Field(pattern=PARTIAL_DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")
    id_type: IdType | None
    id_number: str | None
    village: str = Field(description="Village / residential group (thôn, tổ dân phố)")


class FamilyMemberOut(_Strict):
    """A parent, spouse, child, guardian or legal representative."""

    relation: str
    name: str
    birth_year: int | None = Field(ge=1000, le=9999)
    id_number: str
    occupation: str
    residence: str


class ProfileOut(_Strict):
    """The drug-use and legal history."""

    psychosis: bool | None
    use_started: str | None = Field(pattern=PARTIAL_DATE)
    first_detected: str | None = Field(pattern=PARTIAL_DATE)
    drug_types: list[DrugType]
    routes: list[Route]
    frequency: str
    prior_record: str
    previous_voluntary_rehab: int = Field(ge=0, le=10_000)
    substitution_history: str


class RecordOut(_Strict):
    """The identity block (legal spec §3.1) with the profile (§3.2)."""

    full_name: str
    sex: Sex
    birth: str = Field(pattern=PARTIAL_DATE)
    aliases: list[str]
    birth_place: str
    origin_place: str
    permanent_address: str
    temporary_address: str
    current_address: str
    village: str
    residence_status: ResidenceStatus | None
    id_type: IdType | None
    id_number: str
    id_issue_date: str | None = Field(pattern=PARTIAL_DATE)
    id_issue_place: str
    ethnicity: str
    religion: str
    nationality: str
    education: str
    occupation: str
    workplace: str
    phone: str
    social_account: str
    family: list[FamilyMemberOut]
    profile: ProfileOut


class EventOut(_Strict):
    """One event of the timeline (append-only)."""

    id: str = Field(pattern=RECORD_ID)
    person_id: str = Field(pattern=RECORD_ID)
    type: str = Field(description="Canonical event type, e.g. person.registered")
    occurred_at: str = Field(pattern=UTC_MOMENT)
    recorded_at: str = Field(pattern=UTC_MOMENT)
    recorded_by: str = Field(pattern=RECORD_ID, description="Account id")
    payload: dict[str, Any]


class MeasureOut(_Strict):
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


class DeadlineOut(_Strict):
    """An open legal deadline (D01–D40)."""

    code: str = Field(pattern=r"^D[0-9]{2}$")
    key: str
    due_at: str = Field(pattern=UTC_MOMENT)
    visible_from: str | None = Field(pattern=UTC_MOMENT)
    measure_id: str | None
    opened_by: str | None
    basis: list[str] = Field(description="Citations, e.g. 'ND163 58(1)'")
    params: dict[str, str]


class RefusedOut(_Strict):
    """An event that no longer fits the file (after a correction)."""

    rule: str
    reason: str


class LifecycleOut(_Strict):
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


class PersonFileOut(_Strict):
    """`person show --json`: the record, its bookkeeping, its timeline and its lifecycle."""

    id: str
    unit_code: str
    version: int = Field(ge=1)
    created_at: str = Field(pattern=UTC_MOMENT)
    updated_at: str = Field(pattern=UTC_MOMENT)
    record: RecordOut
    events: list[EventOut]
    lifecycle: LifecycleOut


class DueItemOut(_Strict):
    """One line of `caseterm due --json`."""

    group: str = Field(pattern="^(overdue|today|upcoming)$")
    person_id: str | None = Field(description="None for the commune's own deadlines (D39, D40)")
    full_name: str
    code: str = Field(pattern=r"^D[0-9]{2}$")
    due_at: str = Field(pattern=UTC_MOMENT)
    basis: list[str]
    measure_id: str | None


class DueListOut(_Strict):
    """`caseterm due --json`."""

    now: str = Field(pattern=UTC_MOMENT)
    items: list[DueItemOut]
    registers: dict[str, int]
    calendar_gap: int | None = Field(description="A year the holiday calendar does not cover")


def summary_json(summary: PersonSummary) -> dict[str, Any]:
    """One list line, checked against its schema."""
    return PersonSummaryOut.model_validate(asdict(summary)).model_dump(mode="json")


def person_file_json(person_file: PersonFile) -> dict[str, Any]:
    """A person's file, checked against its schema."""
    person = person_file.person
    raw = {
        "id": person.id,
        "unit_code": person.unit_code,
        "version": person.version,
        "created_at": person.created_at,
        "updated_at": person.updated_at,
        "record": record_to_json(person.record),
        "events": [asdict(event) for event in person_file.events],
        "lifecycle": derived_json(person_file.lifecycle),
    }
    return PersonFileOut.model_validate(raw).model_dump(mode="json")


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
