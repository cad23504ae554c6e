"""The JSON shapes of `caseterm sync status --json` and `caseterm-admin district status --json`."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from pydantic import Field

from caseterm.services.session.json_shape import StrictShape
from caseterm.services.sync.commune import SyncStatus
from caseterm.services.sync.district import DistrictStatus

PERIOD = r"^[0-9]{4}-[0-9]{2}$"


class ExportOut(StrictShape):
    """One bundle the commune made."""

    sequence: int = Field(ge=1)
    period: str = Field(pattern=PERIOD)
    created_at: str
    file_name: str
    persons: int = Field(ge=0)
    events: int = Field(ge=0)
    acknowledged_at: str | None = Field(description="When the district's acknowledgement came")


class SyncStatusOut(StrictShape):
    """`caseterm sync status --json`: the district, the signing key, the ledger, what is due."""

    district: str | None = Field(description="The district's code; None when none is set")
    signing_key_id: str | None
    signing_public_key: str | None = Field(pattern=r"^[0-9a-f]+$", description="Hex")
    unsent_persons: int = Field(ge=0)
    unsent_events: int = Field(ge=0)
    due_period: str | None = Field(pattern=PERIOD, description="A month with no bundle yet")
    exports: list[ExportOut]


class CommuneOut(StrictShape):
    """One commune's line of the district status."""

    unit_code: str
    name: str
    last_sequence: int = Field(ge=0, description="0 when no bundle was applied yet")
    last_period: str | None
    last_received_at: str | None
    days_since: int = Field(description="Days since its last bundle (since enrolment if none)")
    stale: bool
    quarantined: list[int]
    missing: list[int] = Field(description="Sequences that must arrive first")
    keys: list[tuple[str, bool]] = Field(description="(key id, revoked) of each signing key")


class SharedIdOut(StrictShape):
    """An ID number more than one commune holds, shown only by its end."""

    id_number_end: str
    holders: list[tuple[str, str]] = Field(description="(commune, person id) of each holder")


class AlertOut(StrictShape):
    """An alert raised by an import."""

    unit_code: str
    sequence: int
    code: str
    at: str


class DistrictStatusOut(StrictShape):
    """`caseterm-admin district status --json`."""

    communes: list[CommuneOut]
    shared_id_numbers: list[SharedIdOut]
    alerts: list[AlertOut]


def sync_status_json(found: SyncStatus) -> dict[str, Any]:
    """The commune's sync status, checked against its schema."""
    key = found.signing_public_key
    raw = {
        "district": found.district.district_code if found.district else None,
        "signing_key_id": found.signing_key_id,
        "signing_public_key": key.hex() if key else None,
        "unsent_persons": found.unsent_persons,
        "unsent_events": found.unsent_events,
        "due_period": found.due_period,
        "exports": [
            {
                "sequence": e.sequence,
                "period": e.period,
                "created_at": e.created_at,
                "file_name": e.file_name,
                "persons": e.persons,
                "events": e.events,
                "acknowledged_at": e.acked_at,
            }
            for e in found.exports
        ],
    }
    return SyncStatusOut.model_validate(raw).model_dump(mode="json")


def district_status_json(found: DistrictStatus) -> dict[str, Any]:
    """The district's status, checked against its schema."""
    raw = {
        "communes": [asdict(c) for c in found.communes],
        "shared_id_numbers": [asdict(s) for s in found.shared],
        "alerts": [
            {"unit_code": u, "sequence": n, "code": c, "at": at} for u, n, c, at in found.alerts
        ],
    }
    return DistrictStatusOut.model_validate(raw).model_dump(mode="json")
