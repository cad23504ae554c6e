"""Payloads of the person's file itself: registry entries, moves, death, notes, documents, holds."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import AwareDatetime, Field

from caseterm.domain.lifecycle.payload_base import (
    DocNo,
    EventRef,
    Form,
    HoldKind,
    LongText,
    MeasureCode,
    Payload,
    Text,
)


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
        "DECISION_SENT",
        "FILE_TRANSFERRED",
        "EMON_HANDED_OVER",
        "PROVIDER_NOTICE",
        "REPORT_SENT",
        "STATEMENT",
        "PLEDGE",
    ]
    """STATEMENT: the person's statement (Mẫu 03); PLEDGE: the written no-use pledge."""
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


class HoldStarted(Payload):
    """Prison, compulsory education or a reformatory school (T14, T62)."""

    kind: HoldKind
    decision_no: DocNo | None = None


class HoldEnded(Payload):
    """Released; remaining rehab or post-rehab time continues (L120 Art 47(1))."""

    reference: DocNo | None = None
