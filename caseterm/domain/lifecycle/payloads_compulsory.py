"""Payloads of compulsory rehab and post-rehab management (legal spec §3.7–3.8, E–F)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import AwareDatetime, Field

from caseterm.domain.lifecycle.payload_base import (
    CompulsoryGround,
    Decision,
    DocNo,
    Payload,
    Text,
)


class CompulsoryGroundFound(Payload):
    """A ground of L120 Art 35(1) / 36(1) was found: the dossier opens."""

    ground: CompulsoryGround
    last_violation_at: AwareDatetime
    no_capacity: bool | None = None
    """The exemption screen of L120 Art 35(2), asked of every adult: empty = not asked yet."""
    pregnant: bool | None = None
    carer_of_child_under_36_months: bool | None = None

    def screened(self) -> bool:
        """True once each of the three exemption questions has an answer."""
        answers = (self.no_capacity, self.pregnant, self.carer_of_child_under_36_months)
        return None not in answers


class CompulsoryExemptionFound(Payload):
    """An adult is exempt from compulsory rehab (L120 Art 35(2)), on a certificate."""

    reason: Literal["NO_CAPACITY", "PREGNANT", "CARER_OF_CHILD_UNDER_36_MONTHS"]
    certificate_no: DocNo
    certified_by: Text
    """Who certified it: a hospital (pregnancy, capacity), the People's Committee (carer)."""
    until: date | None = None
    """When it stops holding (the child turns 36 months, the pregnancy ends); empty = not known."""


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
    """The court's term: it stands even where the engine counts the episodes otherwise."""
    overridden_warnings: list[str] = Field(default_factory=list)
    """Cautions a chief confirmed when it was saved (a term the engine would not have chosen)."""


class CompulsoryFacilityRequested(Payload):
    """The chief's request, with the court's decision, to the provincial police director."""

    request_no: DocNo | None = None
    addressee: Literal["GDCAT", "C04", "C10"] = "GDCAT"


class CompulsoryAssignmentForwarded(Payload):
    """The facility assignment decision forwarded to the person and the facility (ND163 106)."""

    recipients: Text | None = None


class CompulsoryFacilityAssigned(Payload):
    """Facility assignment, or a move to an adult facility at 18 (T46, T52)."""

    authority: Literal["GDCAT", "C04", "C10", "FACILITY"]
    decision_no: DocNo
    facility: Text
    adult_transfer: bool = False


class CompulsoryRecordMade(Payload):
    """A record of the compulsory dossier (gap D4).

    The person's oral statement (Mẫu 58), a minor's missing statement or parent's opinion
    (Mẫu 40), a refused reading notice (Mẫu 41).
    """

    kind: Literal["ORAL_STATEMENT", "NO_STATEMENT", "NOTICE_REFUSED"]
    witnesses: Text | None = None
    second_officer: Text | None = None


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


class PostRehabProposed(Payload):
    """Proposal Mẫu 52 to the commune chairman."""

    proposal_no: DocNo | None = None


class PostRehabDecided(Decision):
    """Post-rehab decision Mẫu 53 (CT UBND xã)."""

    continuation: bool = False
    officer: Text | None = None
    """Who the chairman assigns to manage and support the person (Mẫu 53 Điều 2)."""


class PostRehabTeamFormed(Decision):
    """The chairman forms the post-rehab management and support team (Mẫu 55; gap D5)."""

    leader: Text
    """The commune police officer who leads the team."""
    vice_leader: Text | None = None
    """The commune health station's member, the team's deputy."""
    members: list[Text] = Field(default_factory=list)
    """The other members, each with their body ("Nguyễn Văn A - Đoàn Thanh niên xã")."""


class PostRehabHelperAssigned(Decision):
    """The chairman names the helper for one person under post-rehab (Mẫu 60; gap D5)."""

    helper: Text
    helpers_decision: Text
    """The chairman's decision naming the commune's helpers (Mẫu 59): number, date."""
    origin_notice: Text | None = None
    """After a move: the origin commune police's notice that management goes on here."""


class PostRehabCompleted(Payload):
    """Completion certificate Mẫu 56 and removal from the list (Mẫu 57)."""

    certificate_no: DocNo
