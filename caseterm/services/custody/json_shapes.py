"""The JSON shape of `caseterm-admin verify --json`."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from caseterm.services.custody.verify import VerifyReport
from caseterm.services.session.json_shape import StrictShape


class AuditFaultOut(StrictShape):
    """Where the audit chain stops verifying, and why."""

    seq: int
    reason: str = Field(description="sequence, link or hash")


class VerifyOut(StrictShape):
    """`caseterm-admin verify --json`: every check and what it found."""

    ok: bool
    integrity_problems: list[str] = Field(description="SQLCipher's complaints (pages, never data)")
    audit_entries: int = Field(ge=0)
    audit_fault: AuditFaultOut | None
    cipher: dict[str, str]
    projections_checked: int = Field(ge=0)
    projection_mismatches: list[str] = Field(description="Person ids whose projection differs")
    projections_missing: int = Field(ge=0)


def verify_json(report: VerifyReport) -> dict[str, Any]:
    """The verification report, checked against its schema."""
    fault = report.audit_fault
    raw = {
        "ok": report.ok,
        "integrity_problems": report.integrity_problems,
        "audit_entries": report.audit_entries,
        "audit_fault": {"seq": fault.seq, "reason": fault.reason} if fault else None,
        "cipher": report.cipher,
        "projections_checked": report.projections_checked,
        "projection_mismatches": report.projection_mismatches,
        "projections_missing": report.projections_missing,
    }
    return VerifyOut.model_validate(raw).model_dump(mode="json")
