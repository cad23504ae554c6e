"""The JSON shape of `caseterm approvals list|show --json` (drafts for the chief)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, RootModel

from caseterm.domain.bundle import RECORD_ID
from caseterm.services.drafts.desk import DraftView
from caseterm.services.session.json_shape import UTC_MOMENT, StrictShape


class DraftOut(StrictShape):
    """One draft: what, for whom, who drafted and decided it, and whether it still fits."""

    id: str = Field(pattern=RECORD_ID)
    kind: Literal["event", "person"]
    status: Literal["waiting", "approved", "rejected", "withdrawn"]
    what: str = Field(description="The decision, or the registration, in words")
    event_type: str | None
    person_id: str | None = Field(description="None for a registration not yet approved")
    person: str = Field(description="The person's name and file number")
    drafted_by: str = Field(description="The officer's account name")
    drafted_at: str = Field(pattern=UTC_MOMENT)
    decided_by: str | None
    decided_at: str | None
    reason: str | None = Field(description="Why the chief rejected it")
    result_id: str | None = Field(description="The event recorded or person registered")
    warnings: list[str] = Field(description="What the form raised when drafted")
    stale: str | None = Field(description="Why a waiting draft no longer fits the file")
    content: dict[str, Any] = Field(description="The form: an event's payload, or the record")


class DraftListOut(RootModel[list[DraftOut]]):
    """`caseterm approvals list --json`."""


def draft_json(view: DraftView) -> dict[str, Any]:
    """A draft, checked against its schema."""
    info = view.info
    raw = {
        "id": info.id,
        "kind": info.kind,
        "status": info.status,
        "what": view.what,
        "event_type": info.event_type,
        "person_id": info.person_id,
        "person": view.person,
        "drafted_by": view.drafted_by,
        "drafted_at": info.drafted_at,
        "decided_by": view.decided_by,
        "decided_at": info.decided_at,
        "reason": info.reason,
        "result_id": info.result_id,
        "warnings": list(info.warnings),
        "stale": view.stale,
        "content": info.content,
    }
    return DraftOut.model_validate(raw).model_dump(mode="json")


def drafts_json(views: list[DraftView]) -> list[dict[str, Any]]:
    """The list, checked against its schema."""
    checked: list[dict[str, Any]] = DraftListOut.model_validate(
        [draft_json(view) for view in views]
    ).model_dump(mode="json")
    return checked
