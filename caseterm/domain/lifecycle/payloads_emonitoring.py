"""Payloads of electronic monitoring (legal spec §3.6 and §2.5, R2026 only)."""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime

from caseterm.domain.lifecycle.payload_base import (
    Decision,
    DocNo,
    EventRef,
    HoldKind,
    LaterDecision,
    Payload,
    Text,
)

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
    accessories: Text | None = None
    """What comes with the device (charger, cable…), as the fitting record lists it (gap C9)."""


class EmonRemovedTemporarily(Payload):
    """Temporary removal (Mẫu 05–07)."""

    reason: Literal["MEDICAL", "AIR_TRAVEL", "ABROAD_7_DAYS", "CUSTODY"]
    until: AwareDatetime | None = None


class EmonRefitted(Payload):
    """Refitted after a removal or a pause (Mẫu 08)."""

    device_no: DocNo | None = None


class EmonPaused(LaterDecision):
    """Paused for prison, compulsory education or a reformatory school (Mẫu 11)."""

    reason: HoldKind


class EmonExempted(Decision):
    """The remainder exempted after a clean year (6 months for a minor) (Mẫu 13)."""


class EmonEnded(LaterDecision):
    """E-monitoring ended (Mẫu 15)."""

    reason: Literal["EXPIRED", "ENTERED_FACILITY", "MEASURE_ENDED", "DEATH_MISSING", "TRANSFERRED"]


class EmonViolation(Payload):
    """A violation record (Mẫu 18); force majeure reported in time is not a violation."""

    code: Literal["a", "b", "c", "d", "dd"]
    force_majeure_reported: bool = False


class EmonViolationFixed(Payload):
    """The person fixed the violation (put the device back on, charged it, presented)."""

    violation: EventRef
