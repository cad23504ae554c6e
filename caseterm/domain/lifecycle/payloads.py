"""The typed payload of every canonical event type (fields from legal spec §3).

Unknown fields and codes are refused (`extra="forbid"`, literal code sets). Clinical details
(doses) and location tracks have no field: they are never collected (§6.4 P7). Moments that the
law counts in hours are full timestamps; the event's own moment is `occurred_at`, outside the
payload.
"""

from __future__ import annotations

import types
import typing
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
DocNo = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
EventRef = Annotated[str, StringConstraints(pattern=r"^[0-9a-f-]{8,36}$")]

TestGround = Literal[
    "a", "b", "c", "d", "dd", "e", "g", "h", "i", "status_c", "status_d", "status_e", "themed_plan"
]
"""ND163 Art 56(1) a–i; L120 Art 23(1)(c–e) status grounds; an ad hoc test under a themed plan."""
AssessmentCase = Literal["a", "b", "c", "d", "dd"]
CompulsoryGround = Literal["a", "b", "c", "d", "dd"]
Form = Literal["HOME", "PRIVATE", "PUBLIC", "REFORMATORY", "SUBSTITUTION"]
HoldKind = Literal["PRISON", "COMPULSORY_EDUCATION", "REFORMATORY"]
MeasureCode = Literal["USER_MGMT", "VOLUNTARY_REHAB", "POST_REHAB", "NONE"]


class Payload(BaseModel):
    """Base of every payload: strict, immutable, no unknown fields."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Decision(Payload):
    """A written decision: number, signer, and when it was sent to its recipients."""

    decision_no: DocNo
    signer: Text | None = None
    signer_title: Text | None = None
    sent_at: AwareDatetime | None = None
    """When it reached its recipients; empty = not yet sent (D04)."""


# --- person and bookkeeping -------------------------------------------------------------------


class PersonRegistered(Payload):
    """The person was entered into the registry."""

    overridden_warnings: list[str] = Field(default_factory=list)


class PersonUpdated(Payload):
    """Fields of the identity block changed (names only, never values)."""

    fields: list[str]
    overridden_warnings: list[str] = Field(default_factory=list)


class PersonMovedOut(Payload):
    """The person left for another commune (T16, T59, T65)."""

    destination: Text
    notified_at: AwareDatetime | None = None
    file_sent_at: AwareDatetime | None = None


class PersonMovedIn(Payload):
    """The person arrived from another commune with a running measure."""

    origin: Text
    continuing: MeasureCode
    term_end: date | None = None
    """The end of the remaining term, from the origin's file."""
    episode: int | None = Field(default=None, ge=1, le=20)
    form: Form | None = None


class PersonDied(Payload):
    """Death (T63)."""

    certificate_no: DocNo | None = None


class PersonDeclaredMissing(Payload):
    """A court declared the person missing (T63)."""

    court: Text
    decision_no: DocNo


class NoteAdded(Payload):
    """A factual note in the file."""

    text: LongText


class EventVoided(Payload):
    """An earlier event is void (a correction); it stays in the file, struck through."""

    event: EventRef
    reason: Text


class DocumentLogged(Payload):
    """A document sent or received about an earlier event (D04, D08, D20, D21)."""

    of_event: EventRef
    document: Literal[
        "DECISION_SENT", "FILE_TRANSFERRED", "EMON_HANDED_OVER", "PROVIDER_NOTICE", "REPORT_SENT"
    ]
    reference: DocNo | None = None


class ForceMajeure(Payload):
    """Force majeure restarts a registration or start window when it ends (ND163 Art 4(7–8))."""

    deadline: Literal["D09", "D12"]
    ended_at: AwareDatetime
    decision_no: DocNo
    reason: Text


class SupportProvided(Payload):
    """Counselling, vocational training, job placement, a loan or a community activity."""

    kind: Literal["COUNSELLING", "EDUCATION", "VOCATIONAL", "JOB", "LOAN", "COMMUNITY", "OTHER"]
    provider: Text | None = None


class ReviewCompleted(Payload):
    """The annual review (tổng rà soát), or the review for e-monitoring exemption (D18)."""

    scope: Literal["ANNUAL", "EMON_EXEMPTION"] = "ANNUAL"
    year: int | None = Field(default=None, ge=2000, le=2100)


class ContactMade(Payload):
    """A visit, a meeting, or the person presenting to the commune police."""

    kind: Literal["VISIT", "MEETING", "PRESENTED", "PHONE"]


# --- detection and user management (§3.3) -----------------------------------------------------


class TestPerformed(Payload):
    """A body drug test (ND163 Mẫu 01)."""

    ground: TestGround
    sample: Literal["URINE", "BLOOD", "OTHER"]
    result: Literal["PENDING", "NEGATIVE", "POSITIVE"]
    substances: list[Text] = Field(default_factory=list)
    slip_no: DocNo | None = None
    tester: Text | None = None
    parent_witness: bool = False
    """Under 18 and not a urine sample: a parent or guardian must witness (ND163 Art 56(6))."""
    criminal_case: bool = False
    """The use is prosecuted as a crime: the criminal procedure applies, not user management."""
    remote_area: bool = False
    """Mountain, island or remote area: residence verification may take 48 h (ND163 Art 58(1))."""


class ResidenceVerified(Payload):
    """Residence verification after a positive test (ND163 Art 58)."""

    result: Literal["STABLE", "NOT_STABLE"]
    criterion: Literal[
        "REGISTERED_ADDRESS",
        "CURRENT_30_DAYS",
        "WHEREABOUTS_UNKNOWN",
        "FAMILY_UNAWARE",
        "UNREGISTERED_UNDER_30_DAYS",
    ]
    started_at: AwareDatetime | None = None
    databases: list[Literal["POPULATION", "RESIDENCE", "RESIDENCE_ARCHIVE", "ID_ARCHIVE"]] = Field(
        default_factory=list
    )


class UseNoticeSent(Payload):
    """Notice of drug use (Mẫu 02) to the competent commune police chief."""

    recipient: Text
    received_at: AwareDatetime | None = None


class MgmtDecided(Decision):
    """User-management decision (Mẫu 04)."""

    reason: Literal["NEW", "REUSE_RESET", "TRANSFER_IN"]
    officer: Text
    team: list[Text] = Field(default_factory=list)
    previous_decision: DocNo | None = None


class MgmtResidenceChecked(Payload):
    """The monthly residence check (ND163 Art 61(1)(a))."""

    method: Literal["VISIT", "PHONE", "SUMMONS", "INFORMANT"]
    finding: Literal["PRESENT", "ABSENT", "MOVED"]


class MgmtSummoned(Payload):
    """A summons (L120 Art 24(4)(b))."""

    purpose: Text
    appeared: bool


class AbsenceReported(Payload):
    """An absence; unreported days do not count in the term (ND163 Art 60(2), 136(1)(a))."""

    from_date: date
    to_date: date | None = None
    reported: bool
    destination: Text | None = None


class MgmtSuspended(Decision):
    """Suspension for criminal custody (Mẫu 07, T11)."""

    custody_started: AwareDatetime | None = None


class MgmtResumed(Payload):
    """Custody ended before the term did (T12)."""

    custody_ended: AwareDatetime


class MgmtStopped(Decision):
    """Stop (dừng, Mẫu 08)."""

    reason: Literal[
        "ADDICTED",
        "CUSTODY_LONGER",
        "COMPULSORY_EDUCATION",
        "REFORMATORY",
        "DIVERSION",
        "PRISON",
        "DEATH_MISSING",
    ]


class MgmtTerminated(Decision):
    """Normal end after a year with no use detected (chấm dứt, Mẫu 09)."""


# --- addiction determination (§3.4) -----------------------------------------------------------


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


# --- voluntary rehab and substitution (§3.5) --------------------------------------------------


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
    """R2021 only: the term the decision fixed (6–12 months)."""
    continuation: bool = False
    """A continuation decision after a move or a private → home switch (same episode)."""


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


# --- compulsory rehab (§3.7) ------------------------------------------------------------------


class CompulsoryGroundFound(Payload):
    """A ground of L120 Art 35(1) / 36(1) was found: the dossier opens."""

    ground: CompulsoryGround
    last_violation_at: AwareDatetime
    no_capacity: bool = False
    pregnant: bool = False
    carer_of_child_under_36_months: bool = False


class CompulsoryCustodyDecided(Decision):
    """Custody while the dossier is built (Mẫu 32); deducted from the term."""

    facility: Text


class CompulsoryDossierNotified(Payload):
    """Notice of the dossier (Mẫu 37): the 3-working-day reading period starts."""

    delivered_to: Literal["PERSON", "REPRESENTATIVE", "PARENT"]
    pages: int | None = Field(default=None, ge=1, le=100_000)
    refused: bool = False


class CompulsorySentToCourt(Decision):
    """The dossier goes to the regional court (T43)."""

    court: Text


class CompulsoryCourtQuery(Payload):
    """The court asks for clarification (T44)."""

    court: Text | None = None


class CompulsoryCourtQueryAnswered(Payload):
    """The written reply to the court's query."""

    reference: DocNo | None = None


class CompulsoryCourtDecided(Payload):
    """The regional court decided (T46 / T47)."""

    outcome: Literal["ORDERED", "REJECTED"]
    court: Text
    decision_no: DocNo
    term_months: int | None = Field(default=None, ge=1, le=36)


class CompulsoryFacilityAssigned(Payload):
    """Facility assignment, or a move to an adult facility at 18 (T46, T52)."""

    authority: Literal["GDCAT", "C04", "C10", "FACILITY"]
    decision_no: DocNo
    facility: Text
    adult_transfer: bool = False


class CompulsoryTransported(Payload):
    """Handed over at the facility (Mẫu 42): the term runs from here."""

    facility: Text | None = None
    refused_escort: bool = False


class CompulsoryPostponed(Payload):
    """Postponement (hoãn) by the court (T49)."""

    reason: Literal["SERIOUS_ILLNESS", "FAMILY_HARDSHIP"]
    decision_no: DocNo


class CompulsoryExempted(Payload):
    """Exemption (miễn) by the court (T49)."""

    reason: Literal["TERMINAL_ILLNESS", "NO_LONGER_ADDICTED", "PREGNANCY"]
    decision_no: DocNo


class CompulsorySuspended(Payload):
    """Sent home ill (tạm đình chỉ, Mẫu 46); the time counts (T51)."""

    decision_no: DocNo
    until: date | None = None


class CompulsoryResumed(Payload):
    """A postponement or a suspension ends: execution resumes."""

    reference: DocNo | None = None


class CompulsoryAbsconded(Payload):
    """Absconded (T50); the time away is not counted."""

    search_order_no: DocNo | None = None


class CompulsoryFound(Payload):
    """The absconder was found or came back."""

    reference: DocNo | None = None


class CompulsoryCompleted(Payload):
    """Completion certificate Mẫu 50 (T53)."""

    certificate_no: DocNo
    social_protection: bool = False


# --- post-rehab (§3.8) ------------------------------------------------------------------------


class PostRehabProposed(Payload):
    """Proposal Mẫu 52 to the commune chairman."""

    proposal_no: DocNo | None = None


class PostRehabDecided(Decision):
    """Post-rehab decision Mẫu 53 (CT UBND xã)."""

    continuation: bool = False


class PostRehabCompleted(Payload):
    """Completion certificate Mẫu 56 and removal from the list (Mẫu 57)."""

    certificate_no: DocNo


# --- e-monitoring (§3.6) ----------------------------------------------------------------------


EmonBasis = Literal["VOL_HOME", "SUBSTITUTION", "POST_REHAB", "PARENT_REQUEST", "SUBST_VIOLATION"]


class EmonRequested(Payload):
    """A parent's request to e-monitor a minor (Mẫu 01 PL I)."""

    applicant: Text
    relationship: Text


class EmonDecided(Decision):
    """E-monitoring decision (Mẫu 02 PL I)."""

    basis: EmonBasis
    officer: Text
    no_stable_residence: bool = False
    """A post-rehab minor with no stable residence is monitored without a parent's request."""


class EmonFitted(Payload):
    """Fitting record (Mẫu 03) and pledge (Mẫu 04)."""

    device_no: DocNo
    position: Literal["ANKLE", "WRIST", "OTHER"]
    condition: Text | None = None


class EmonRemovedTemporarily(Payload):
    """Temporary removal (Mẫu 05–07)."""

    reason: Literal["MEDICAL", "AIR_TRAVEL", "ABROAD_7_DAYS", "CUSTODY"]
    until: AwareDatetime | None = None


class EmonRefitted(Payload):
    """Refitted after a removal or a pause (Mẫu 08)."""

    device_no: DocNo | None = None


class EmonPaused(Payload):
    """Paused for prison, compulsory education or a reformatory school (Mẫu 11)."""

    reason: HoldKind


class EmonExempted(Decision):
    """The remainder exempted after a clean year (6 months for a minor) (Mẫu 13)."""


class EmonEnded(Payload):
    """E-monitoring ended (Mẫu 15)."""

    reason: Literal["EXPIRED", "ENTERED_FACILITY", "MEASURE_ENDED", "DEATH_MISSING", "TRANSFERRED"]


class EmonViolation(Payload):
    """A violation record (Mẫu 18); force majeure reported in time is not a violation."""

    code: Literal["a", "b", "c", "d", "dd"]
    force_majeure_reported: bool = False


class EmonViolationFixed(Payload):
    """The person fixed the violation (put the device back on, charged it, presented)."""

    violation: EventRef


# --- any stage --------------------------------------------------------------------------------


class HoldStarted(Payload):
    """Prison, compulsory education or a reformatory school (T14, T62)."""

    kind: HoldKind
    decision_no: DocNo | None = None


class HoldEnded(Payload):
    """Released; remaining rehab or post-rehab time continues (L120 Art 47(1))."""

    reference: DocNo | None = None


PAYLOADS: dict[str, type[Payload]] = {
    "person.registered": PersonRegistered,
    "person.updated": PersonUpdated,
    "person.moved_out": PersonMovedOut,
    "person.moved_in": PersonMovedIn,
    "person.died": PersonDied,
    "person.declared_missing": PersonDeclaredMissing,
    "note.added": NoteAdded,
    "event.voided": EventVoided,
    "document.logged": DocumentLogged,
    "force_majeure.recorded": ForceMajeure,
    "test.performed": TestPerformed,
    "residence.verified": ResidenceVerified,
    "use.notice_sent": UseNoticeSent,
    "mgmt.decided": MgmtDecided,
    "mgmt.residence_checked": MgmtResidenceChecked,
    "mgmt.summoned": MgmtSummoned,
    "mgmt.absence_reported": AbsenceReported,
    "mgmt.suspended": MgmtSuspended,
    "mgmt.resumed": MgmtResumed,
    "mgmt.stopped": MgmtStopped,
    "mgmt.terminated": MgmtTerminated,
    "assessment.requested": AssessmentRequested,
    "assessment.result": AssessmentResult,
    "rehab.registered": RehabRegistered,
    "rehab.decided": RehabDecided,
    "rehab.facility_requested": RehabFacilityRequested,
    "rehab.facility_assigned": RehabFacilityAssigned,
    "rehab.started": RehabStarted,
    "rehab.stage_reported": RehabStageReported,
    "rehab.violation": RehabViolation,
    "rehab.self_terminated": RehabSelfTerminated,
    "rehab.partially_completed": RehabPartiallyCompleted,
    "rehab.completed": RehabCompleted,
    "completion.notice_received": CompletionNoticeReceived,
    "subst.enrolled": SubstEnrolled,
    "subst.status_reported": SubstStatusReported,
    "subst.completed": SubstCompleted,
    "subst.terminated": SubstTerminated,
    "compulsory.ground_found": CompulsoryGroundFound,
    "compulsory.custody_decided": CompulsoryCustodyDecided,
    "compulsory.dossier_notified": CompulsoryDossierNotified,
    "compulsory.sent_to_court": CompulsorySentToCourt,
    "compulsory.court_query": CompulsoryCourtQuery,
    "compulsory.court_query_answered": CompulsoryCourtQueryAnswered,
    "compulsory.court_decided": CompulsoryCourtDecided,
    "compulsory.facility_assigned": CompulsoryFacilityAssigned,
    "compulsory.transported": CompulsoryTransported,
    "compulsory.postponed": CompulsoryPostponed,
    "compulsory.exempted": CompulsoryExempted,
    "compulsory.suspended": CompulsorySuspended,
    "compulsory.resumed": CompulsoryResumed,
    "compulsory.absconded": CompulsoryAbsconded,
    "compulsory.found": CompulsoryFound,
    "compulsory.completed": CompulsoryCompleted,
    "postrehab.proposed": PostRehabProposed,
    "postrehab.decided": PostRehabDecided,
    "postrehab.completed": PostRehabCompleted,
    "emon.requested": EmonRequested,
    "emon.decided": EmonDecided,
    "emon.fitted": EmonFitted,
    "emon.removed_temporarily": EmonRemovedTemporarily,
    "emon.refitted": EmonRefitted,
    "emon.paused": EmonPaused,
    "emon.exempted": EmonExempted,
    "emon.ended": EmonEnded,
    "emon.violation": EmonViolation,
    "emon.violation_fixed": EmonViolationFixed,
    "hold.started": HoldStarted,
    "hold.ended": HoldEnded,
    "support.provided": SupportProvided,
    "review.completed": ReviewCompleted,
    "contact.made": ContactMade,
}
"""Every canonical event type and its payload model."""


def scalar_type(annotation: Any) -> tuple[Any, list[Any]]:
    """A field's type under Optional[...], list[...] and Annotated[...], with its constraints.

    An aware datetime is reported as `datetime`.
    """
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *metadata = typing.get_args(annotation)
        base, more = scalar_type(inner)
        return base, [*metadata, *more]
    if origin in (list, typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return scalar_type(args[0]) if args else (annotation, [])
    if getattr(annotation, "__name__", "") == "AwareDatetime":
        return datetime, []
    return annotation, []


def is_list(annotation: Any) -> bool:
    """True for a `list[...]` field."""
    return typing.get_origin(annotation) is list


def parse_payload(event_type: str, data: dict[str, Any]) -> Payload:
    """Validate a payload for its type; raises KeyError (unknown type) or pydantic's error."""
    return PAYLOADS[event_type].model_validate(data)
