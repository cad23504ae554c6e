"""Payloads of detection and user management (legal spec §3.3, table A)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import AwareDatetime, Field

from caseterm.domain.lifecycle.payload_base import (
    Decision,
    DocNo,
    LongText,
    Payload,
    TestGround,
    Text,
)


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
    summary: LongText | None = None
    """The summary of the facts that led to the test (Mẫu 01 "Tóm tắt nội dung sự việc")."""
    place: Text | None = None
    """Where the test was done."""


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
    """The management team besides the officer, in the order of Mẫu 04 Điều 2: the village
    representative (deputy head) first, then the family and organisation members."""
    previous_decision: DocNo | None = None
    summary: LongText | None = None
    """The summary of the use (Mẫu 04 Điều 1 "Tóm tắt hành vi sử dụng trái phép chất ma túy")."""


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
    custody_kind: Literal["DETENTION", "REMAND"] | None = None
    """Tạm giữ or tạm giam: Mẫu 07 ticks one (catalogue gap C6)."""
    custody_until: date | None = None
    """The last day of the custody the decision states."""
    custody_decision: Text | None = None
    """The custody decision the suspension rests on: number, date, who made it."""


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
