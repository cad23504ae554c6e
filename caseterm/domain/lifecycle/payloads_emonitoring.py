"""Payloads of electronic monitoring (legal spec §3.6 and §2.5, R2026 only)."""

from __future__ import annotations

from datetime import date
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

Position = Literal["ANKLE", "WRIST", "OTHER"]
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
    position: Position
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
    position: Position | None = None
    condition: Text | None = None
    accessories: Text | None = None


class EmonReceived(Decision):
    """The destination commune takes over e-monitoring after a move (Mẫu 17; gap D2).

    Its chief names the officer for the term the origin's decision leaves (ND163 21(2)).
    """

    basis: Literal["VOL_HOME", "POST_REHAB"]
    origin_decision: Text
    """The origin commune's e-monitoring decision: number, date, which commune's chief."""
    officer: Text
    term_end: date
    """The end of the term the origin's decision leaves."""
    device_no: DocNo | None = None
    position: Position | None = None


class EmonPositionChanged(Payload):
    """The device moved to another place on the body (Mẫu 09; ND163 19(3); gap D1)."""

    position: Position
    condition: Text | None = None


class EmonDeviceReplaced(Payload):
    """A broken device or accessory replaced (Mẫu 10; ND163 19(4); gap D1)."""

    device_no: DocNo
    """The device worn from now on (the same number when only an accessory was replaced)."""
    accessories: Text | None = None
    returned: Text | None = None
    """What was taken back: the broken device or accessories."""
    condition: Text | None = None


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
