"""The documented, stable JSON shapes of `--json` output.

Every output passes through these models (so it cannot drift from its schema), and
`scripts/write_schema.py` writes their JSON Schemas to `schema/`. Names may grow, not change.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from pydantic import Field

from caseterm.domain.bundle import RECORD_ID
from caseterm.domain.codes import (
    DrugType,
    EducationLevel,
    IdType,
    PastRehabForm,
    PriorKind,
    ResidenceStatus,
    Route,
    Sex,
)
from caseterm.services.lifecycle.json_shapes import LifecycleOut
from caseterm.services.lifecycle.lifecycle_json import derived_json
from caseterm.services.registry.persons import PersonFile
from caseterm.services.registry.watch import Unreviewed, WatchItem
from caseterm.services.session.json_shape import PARTIAL_DATE, UTC_MOMENT, StrictShape
from caseterm.store.convert import record_to_json
from caseterm.store.records import PersonSummary


class PersonSummaryOut(StrictShape):
    """One line of `person find --json`."""

    id: str = Field(description="UUIDv7 of the person")
    full_name: str
    sex: Sex
    birth: str = Field(pattern=PARTIAL_DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")
    id_type: IdType | None
    id_number: str | None
    village: str = Field(description="Village / residential group (thôn, tổ dân phố)")
    file_no: int | None = Field(
        description="The commune's file number (shown HS-000123); null for a person received"
        " before file numbers existed"
    )
    file_unit: str | None = Field(
        default=None,
        description="At a district: the commune whose file number it is (shown 26734/HS-000123);"
        " null in the commune's own store",
    )


class FamilyMemberOut(StrictShape):
    """A parent, spouse, child, guardian or legal representative."""

    relation: str
    name: str
    birth_year: int | None = Field(ge=1000, le=9999)
    id_number: str
    occupation: str
    residence: str
    sex: Sex | None = None
    id_issue_date: str | None = Field(default=None, pattern=PARTIAL_DATE)
    id_issue_place: str = ""
    phone: str = ""


class PriorDecisionOut(StrictShape):
    """One earlier conviction or sanction (tiền án, tiền sự) with its decision."""

    kind: PriorKind
    number: str
    decided_on: str | None = Field(pattern=PARTIAL_DATE)
    issuer: str
    measure: str = Field(description="The penalty or measure, in the decision's words")


class PastRehabOut(StrictShape):
    """An episode of rehab or post-rehab from before the file was kept in caseterm."""

    form: PastRehabForm
    place: str
    started: str | None = Field(pattern=PARTIAL_DATE)
    ended: str | None = Field(pattern=PARTIAL_DATE)
    decision_no: str
    authority: str


class ProfileOut(StrictShape):
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
    prior_decisions: list[PriorDecisionOut] = Field(default_factory=list)
    past_rehab: list[PastRehabOut] = Field(default_factory=list)


class RecordOut(StrictShape):
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
    education_level: EducationLevel | None = None
    occupation: str
    workplace: str
    phone: str
    social_account: str
    family: list[FamilyMemberOut]
    profile: ProfileOut


class EventOut(StrictShape):
    """One event of the timeline (append-only)."""

    id: str = Field(pattern=RECORD_ID)
    person_id: str = Field(pattern=RECORD_ID)
    type: str = Field(description="Canonical event type, e.g. person.registered")
    occurred_at: str = Field(pattern=UTC_MOMENT)
    recorded_at: str = Field(pattern=UTC_MOMENT)
    recorded_by: str = Field(pattern=RECORD_ID, description="Account id")
    payload: dict[str, Any]


class PersonFileOut(StrictShape):
    """`person show --json`: the record, its bookkeeping, its timeline and its lifecycle."""

    id: str
    file_no: int | None = Field(description="The commune's file number (shown HS-000123)")
    unit_code: str
    version: int = Field(ge=1)
    created_at: str = Field(pattern=UTC_MOMENT)
    updated_at: str = Field(pattern=UTC_MOMENT)
    record: RecordOut
    events: list[EventOut]
    lifecycle: LifecycleOut


def summary_json(summary: PersonSummary) -> dict[str, Any]:
    """One list line, checked against its schema."""
    return PersonSummaryOut.model_validate(asdict(summary)).model_dump(mode="json")


def person_file_json(person_file: PersonFile) -> dict[str, Any]:
    """A person's file, checked against its schema."""
    person = person_file.person
    raw = {
        "id": person.id,
        "file_no": person.file_no,
        "unit_code": person.unit_code,
        "version": person.version,
        "created_at": person.created_at,
        "updated_at": person.updated_at,
        "record": record_to_json(person.record),
        "events": [asdict(event) for event in person_file.events],
        "lifecycle": derived_json(person_file.lifecycle),
    }
    return PersonFileOut.model_validate(raw).model_dump(mode="json")


class PersonPageOut(StrictShape):
    """`person list --json`: one page of the (filtered) register and how many there are."""

    total: int = Field(ge=0, description="Persons the filters keep, on every page")
    offset: int = Field(ge=0)
    persons: list[PersonSummaryOut]


class WatchItemOut(StrictShape):
    """One line of `caseterm watch --json`."""

    person_id: str
    full_name: str
    reasons: list[str] = Field(description="POST_REHAB, PSYCHOSIS, RELEASED")
    last_contact: str | None = Field(description="ISO moment of the last contact; null: never")
    days_without_contact: int | None
    overdue: bool = Field(description="Unseen for more than 30 days, or never seen")


class WatchOut(StrictShape):
    """`caseterm watch --json`."""

    items: list[WatchItemOut]


class UnreviewedOut(StrictShape):
    """`caseterm review --json`: who on the registers has no annual review this year."""

    year: int
    total: int = Field(ge=0)
    persons: list[dict[str, Any]] = Field(
        description="The first ones: {person_id, full_name, registers}"
    )


def page_json(page: list[PersonSummary], *, total: int, offset: int) -> dict[str, Any]:
    """A page of the register, checked against its schema."""
    raw = {"total": total, "offset": offset, "persons": [asdict(p) for p in page]}
    return PersonPageOut.model_validate(raw).model_dump(mode="json")


def watch_json(items: list[WatchItem]) -> dict[str, Any]:
    """The close-watch list, checked against its schema."""
    raw = {
        "items": [
            {
                "person_id": item.person_id,
                "full_name": item.full_name,
                "reasons": [reason.value for reason in item.reasons],
                "last_contact": item.last_contact.isoformat() if item.last_contact else None,
                "days_without_contact": item.days_without_contact,
                "overdue": item.overdue,
            }
            for item in items
        ]
    }
    return WatchOut.model_validate(raw).model_dump(mode="json")


def unreviewed_json(gap: Unreviewed) -> dict[str, Any]:
    """Who has no annual review, checked against its schema."""
    persons = [
        {"person_id": pid, "full_name": name, "registers": list(registers)}
        for pid, name, registers in gap.people
    ]
    raw = {"year": gap.year, "total": gap.total, "persons": persons}
    return UnreviewedOut.model_validate(raw).model_dump(mode="json")
