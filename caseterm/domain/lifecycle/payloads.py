"""Every canonical event type and its payload model, and how a payload is read.

The models live beside the tables they serve (`payloads_*`, on `payload_base`).
"""

from __future__ import annotations

import types
import typing
from datetime import datetime
from typing import Any

from caseterm.domain.lifecycle.payload_base import (
    Payload,
)
from caseterm.domain.lifecycle.payloads_compulsory import (
    CompulsoryAbsconded,
    CompulsoryAssignmentForwarded,
    CompulsoryCompleted,
    CompulsoryCourtDecided,
    CompulsoryCourtQuery,
    CompulsoryCourtQueryAnswered,
    CompulsoryCustodyDecided,
    CompulsoryDossierNotified,
    CompulsoryExempted,
    CompulsoryExemptionFound,
    CompulsoryFacilityAssigned,
    CompulsoryFacilityRequested,
    CompulsoryFound,
    CompulsoryGroundFound,
    CompulsoryPostponed,
    CompulsoryRecordMade,
    CompulsoryResumed,
    CompulsorySentToCourt,
    CompulsorySuspended,
    CompulsoryTransported,
    PostRehabCompleted,
    PostRehabDecided,
    PostRehabHelperAssigned,
    PostRehabProposed,
    PostRehabTeamFormed,
)
from caseterm.domain.lifecycle.payloads_emonitoring import (
    EmonDecided,
    EmonDeviceReplaced,
    EmonEnded,
    EmonExempted,
    EmonFitted,
    EmonPaused,
    EmonPositionChanged,
    EmonReceived,
    EmonRefitted,
    EmonRemovedTemporarily,
    EmonRequested,
    EmonViolation,
    EmonViolationFixed,
)
from caseterm.domain.lifecycle.payloads_management import (
    AbsenceReported,
    MgmtDecided,
    MgmtResidenceChecked,
    MgmtResumed,
    MgmtStopped,
    MgmtSummoned,
    MgmtSuspended,
    MgmtTerminated,
    ResidenceVerified,
    TestPerformed,
    UseNoticeSent,
)
from caseterm.domain.lifecycle.payloads_person import (
    ContactMade,
    DocumentLogged,
    EventVoided,
    ForceMajeure,
    HoldEnded,
    HoldStarted,
    NoteAdded,
    PersonDeclaredMissing,
    PersonDied,
    PersonMovedIn,
    PersonMovedOut,
    PersonRegistered,
    PersonUpdated,
    ReviewCompleted,
    SupportProvided,
)
from caseterm.domain.lifecycle.payloads_rehab import (
    AssessmentRequested,
    AssessmentResult,
    CompletionNoticeReceived,
    RehabCompleted,
    RehabDecided,
    RehabFacilityAssigned,
    RehabFacilityRequested,
    RehabPartiallyCompleted,
    RehabRegistered,
    RehabSelfTerminated,
    RehabStageReported,
    RehabStarted,
    RehabViolation,
    SubstCompleted,
    SubstEnrolled,
    SubstStatusReported,
    SubstTerminated,
)

"""ND163 Art 56(1) a–i; L120 Art 23(1)(c–e) status grounds; an ad hoc test under a themed plan."""


# --- person and bookkeeping -------------------------------------------------------------------


# --- detection and user management (§3.3) -----------------------------------------------------


# --- addiction determination (§3.4) -----------------------------------------------------------


# --- voluntary rehab and substitution (§3.5) --------------------------------------------------


# --- compulsory rehab (§3.7) ------------------------------------------------------------------


# --- post-rehab (§3.8) ------------------------------------------------------------------------


# --- e-monitoring (§3.6) ----------------------------------------------------------------------


# --- any stage --------------------------------------------------------------------------------


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
    "compulsory.exemption_found": CompulsoryExemptionFound,
    "compulsory.custody_decided": CompulsoryCustodyDecided,
    "compulsory.dossier_notified": CompulsoryDossierNotified,
    "compulsory.record_made": CompulsoryRecordMade,
    "compulsory.sent_to_court": CompulsorySentToCourt,
    "compulsory.court_query": CompulsoryCourtQuery,
    "compulsory.court_query_answered": CompulsoryCourtQueryAnswered,
    "compulsory.court_decided": CompulsoryCourtDecided,
    "compulsory.facility_requested": CompulsoryFacilityRequested,
    "compulsory.facility_assigned": CompulsoryFacilityAssigned,
    "compulsory.assignment_forwarded": CompulsoryAssignmentForwarded,
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
    "postrehab.team_formed": PostRehabTeamFormed,
    "postrehab.helper_assigned": PostRehabHelperAssigned,
    "postrehab.completed": PostRehabCompleted,
    "emon.requested": EmonRequested,
    "emon.decided": EmonDecided,
    "emon.fitted": EmonFitted,
    "emon.removed_temporarily": EmonRemovedTemporarily,
    "emon.refitted": EmonRefitted,
    "emon.received": EmonReceived,
    "emon.position_changed": EmonPositionChanged,
    "emon.device_replaced": EmonDeviceReplaced,
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
