"""The person-level status S0–S15 and the flags shown beside it, derived from the measures."""

from __future__ import annotations

from caseterm.domain.lifecycle.fold import Fold
from caseterm.domain.lifecycle.model import MeasureKind, Phase, RehabForm, Status

_COMPULSORY = {
    Phase.IN_FACILITY: Status.S13,
    Phase.ORDERED: Status.S12,
    Phase.FACILITY_ASSIGNED: Status.S12,
    Phase.AT_COURT: Status.S11,
    Phase.DOSSIER: Status.S10,
    Phase.READING: Status.S10,
}
_VOLUNTARY = {
    RehabForm.HOME: Status.S6,
    RehabForm.PRIVATE: Status.S7,
    RehabForm.PUBLIC: Status.S8,
    RehabForm.REFORMATORY: Status.S8,
}


def person_status(fold: Fold) -> Status:
    """The status reports and lists show: the most advanced running stage wins."""
    if fold.gone is not None:
        return Status.S15
    return (
        _compulsory(fold)
        or _voluntary(fold)
        or _substitution(fold)
        or _addicted(fold)
        or _simple(fold)
        or (Status.S15 if fold.measures or fold.moved_out else Status.S0)
    )


def _compulsory(fold: Fold) -> Status | None:
    measure = fold.active(MeasureKind.COMPULSORY)
    return _COMPULSORY.get(measure.phase) if measure else None


def _voluntary(fold: Fold) -> Status | None:
    rehab = fold.active(MeasureKind.VOLUNTARY_REHAB)
    if rehab is None or rehab.form is None:
        return None
    waiting_for_facility = rehab.phase in {Phase.FACILITY_REQUESTED, Phase.FACILITY_ASSIGNED}
    if rehab.phase is Phase.IN_PROGRESS or waiting_for_facility:
        return _VOLUNTARY[rehab.form]
    return Status.S5B


def _substitution(fold: Fold) -> Status | None:
    subst = fold.active(MeasureKind.SUBSTITUTION_TX)
    if subst is None:
        return None
    return Status.S9 if subst.phase is Phase.ACTIVE else Status.S5B


def _addicted(fold: Fold) -> Status | None:
    if fold.addicted_at is not None:
        return Status.S5
    if fold.active(MeasureKind.ADDICTION_ASSESSMENT):
        return Status.S4
    return None


def _simple(fold: Fold) -> Status | None:
    if fold.active(MeasureKind.POST_REHAB):
        return Status.S14
    if fold.active(MeasureKind.USER_MGMT):
        return Status.S3
    if fold.intake is not None:
        return _INTAKE.get(fold.intake.phase, Status.S2)
    return None


_INTAKE = {
    "TEST_PENDING": Status.S1,
    "TRANSFER_IN:USER_MGMT": Status.S3,
    "TRANSFER_IN:POST_REHAB": Status.S14,
    "TRANSFER_IN:VOLUNTARY_REHAB": Status.S6,
}
"""Before a measure: a test under way is S1; a move-in continues its measure's status."""
