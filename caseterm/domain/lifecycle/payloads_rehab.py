"""Payloads of addiction determination, voluntary rehab and substitution (§3.4–3.5, B–D)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import AwareDatetime, Field

from caseterm.domain.lifecycle.payload_base import (
    AssessmentCase,
    Decision,
    DocNo,
    Form,
    Payload,
    Text,
)


class AssessmentRequested(Payload):
    """Request for an addiction-status determination (L120 Art 31)."""

    case: AssessmentCase
    facility: Text
    deported: bool = False
    """A Vietnamese citizen deported from abroad for drug use (L120 Art 40(1))."""
    certificate_age_months: int | None = Field(default=None, ge=0, le=600)
    """Case b: how old the person's existing certificate is (none, or older than 6 months)."""


class AssessmentResult(Payload):
    """The determination's conclusion; only the conclusion is kept (data minimisation)."""

    result: Literal["ADDICTED", "NOT_ADDICTED"]
    notified_at: AwareDatetime
    """When the person (or parent) was told: the 24 h registration window starts here."""
    slip_no: DocNo | None = None


class RehabRegistered(Payload):
    """Registration for voluntary rehab or substitution treatment (Mẫu 21)."""

    form: Form
    channel: Literal["IN_PERSON", "PUBLIC_SERVICE_PORTAL", "VNEID"]
    registrant: Literal["SELF", "PARENT", "GUARDIAN", "REPRESENTATIVE"]
    dossier_complete: bool = True
    missing: list[Text] = Field(default_factory=list)


class RehabDecided(Decision):
    """Voluntary rehab decision (Mẫu 22)."""

    form: Literal["HOME", "PRIVATE", "PUBLIC", "REFORMATORY"]
    provider: Text | None = None
    episode: int | None = Field(default=None, ge=1, le=20)
    """Set only to override the computed episode number (a chief confirms it)."""
    term_months: int | None = Field(default=None, ge=1, le=36)
    """The term the decision states: 6–12 months (R2021), 24 or 36 (R2026; empty = by episode)."""
    continuation: bool = False
    """A continuation decision after a move or a private → home switch (same episode)."""
    overridden_warnings: list[str] = Field(default_factory=list)
    """Cautions a chief confirmed when it was saved (a term the engine would not have chosen)."""


class RehabFacilityRequested(Payload):
    """Public facility: the chief's request to the provincial police director (ND163 Art 95)."""

    request_no: DocNo | None = None


class RehabFacilityAssigned(Payload):
    """Public facility: the facility assignment (GĐ CAT, or C04 / C10)."""

    authority: Literal["GDCAT", "C04", "C10"]
    decision_no: DocNo
    facility: Text


class RehabStarted(Payload):
    """Reception record (Mẫu 24) or facility handover (Mẫu 31): the term starts here."""

    record_no: DocNo | None = None
    provider: Text | None = None
    provider_notice_at: AwareDatetime | None = None


class RehabStageReported(Payload):
    """A rehab stage reported by the provider or facility (ND163 Art 84–88)."""

    stage: Literal["a", "b", "c", "d", "dd"]
    started: date | None = None
    ended: date | None = None


class RehabViolation(Payload):
    """A violation during voluntary home rehab or substitution (L120 Art 47(3–4))."""

    kind: Literal["COMMUNE_EDUCATION_ACT", "OTHER"]
    record_no: DocNo | None = None


class RehabSelfTerminated(Payload):
    """Self-termination (ND163 Art 4(9))."""

    reported_by: Text | None = None


class RehabPartiallyCompleted(Payload):
    """Private facility: ≥3 stages done, the person leaves early (Mẫu 30, T33)."""

    certificate_no: DocNo
    stages_completed: int = Field(ge=0, le=5)


class CompletionNoticeReceived(Payload):
    """The pre-completion notice Mẫu 51 (≥30 days before the end)."""

    sender: Text | None = None
    completion_on: date | None = None
    """The day the notice says the rehab ends (gap C11): post-rehab runs from it."""


class RehabCompleted(Payload):
    """Completion certificate (Mẫu 28 home, Mẫu 30 facility)."""

    certificate_no: DocNo


class SubstEnrolled(Payload):
    """The substitution clinic accepted the patient (T37)."""

    clinic: Text
    reception_notice_at: AwareDatetime | None = None


class SubstStatusReported(Payload):
    """A status reported by the clinic (no clinical details)."""

    status: Literal["ACTIVE", "TRANSFERRED"]
    clinic: Text | None = None


class SubstCompleted(Payload):
    """Substitution treatment completed (T40)."""

    confirmation_no: DocNo | None = None


class SubstTerminated(Payload):
    """Substitution treatment ended early (T38): reason category only."""

    reason: Literal["SELF_TERMINATED", "VIOLATION", "NOT_STARTED"]
    confirmation_no: DocNo | None = None
