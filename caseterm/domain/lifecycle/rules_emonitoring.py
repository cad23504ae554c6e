"""E-monitoring (§2.5, R2026 only): request, decision, fitting, violations, escalation, end."""

from __future__ import annotations

from datetime import datetime

from caseterm.domain.lifecycle.fold import Fold, LifeEvent
from caseterm.domain.lifecycle.model import (
    R2026_START,
    CloseReason,
    Measure,
    MeasureKind,
    Phase,
    RehabForm,
)
from caseterm.domain.lifecycle.payloads_emonitoring import (
    EmonDecided,
    EmonRemovedTemporarily,
    EmonViolation,
    EmonViolationFixed,
)
from caseterm.domain.lifecycle.rule import (
    Check,
    Rule,
    When,
    hours,
    in_phase,
    need,
    open_ground,
    pay,
    row,
)
from caseterm.domain.lifecycle.timecalc import add_months, local_day


def monitored(fold: Fold) -> Measure:
    """The e-monitoring in force (a row's check has made sure there is one)."""
    measure = need(fold.active(MeasureKind.E_MONITORING))
    return measure


def emon_phase(*phases: Phase, reason: str) -> Check:
    """A check that e-monitoring is in one of `phases`, else refused for `reason`."""
    return in_phase(MeasureKind.E_MONITORING, *phases, reason=reason)


def _request_check(fold: Fold, event: LifeEvent) -> str | None:
    if event.occurred_at < R2026_START:
        return "before_r2026"
    if not fold.is_minor(event.occurred_at):
        return "not_a_minor"
    return "emon_already" if fold.active(MeasureKind.E_MONITORING) else None


def _request(fold: Fold, event: LifeEvent) -> None:
    measure = fold.open_measure(
        MeasureKind.E_MONITORING, event, Phase.REQUESTED, case="PARENT_REQUEST"
    )
    fold.due("D15", measure.id, hours(event.occurred_at, 24), measure=measure, event=event)


def _basis(value: str) -> When:
    return lambda _f, e: pay(e, EmonDecided).basis == value


def basis_measure(fold: Fold, basis: str) -> Measure | None:
    """The measure an e-monitoring basis rests on, if the file has it in force."""
    if basis == "VOL_HOME":
        rehab = fold.active(MeasureKind.VOLUNTARY_REHAB)
        ok = (
            rehab
            and rehab.form is RehabForm.HOME
            and rehab.phase in {Phase.DECIDED, Phase.IN_PROGRESS}
        )
        return rehab if ok else None
    if basis == "SUBSTITUTION":
        return fold.active(MeasureKind.SUBSTITUTION_TX)
    post = fold.active(MeasureKind.POST_REHAB)
    if post:
        return post
    for kind in (MeasureKind.VOLUNTARY_REHAB, MeasureKind.SUBSTITUTION_TX, MeasureKind.COMPULSORY):
        measure = fold.active(kind)
        if measure and "postrehab_decision" in measure.marks:
            return measure  # fitted before release (ND163 Art 17)
    return None


def _decision_check(fold: Fold, event: LifeEvent) -> str | None:
    decision = pay(event, EmonDecided)
    if event.occurred_at < R2026_START:
        return "before_r2026"
    if fold.active(MeasureKind.E_MONITORING):
        return "emon_already"
    if basis_measure(fold, decision.basis) is None:
        return "basis_missing"
    if fold.is_minor(event.occurred_at) and not (
        decision.basis == "POST_REHAB" and decision.no_stable_residence
    ):
        return "minor_needs_parent_request"
    return None


def _decide(fold: Fold, event: LifeEvent) -> None:
    decision = pay(event, EmonDecided)
    basis = need(basis_measure(fold, decision.basis))
    measure = fold.open_measure(MeasureKind.E_MONITORING, event, Phase.DECIDED, case=decision.basis)
    measure.marks["basis_measure"] = basis.id
    if decision.basis == "SUBSTITUTION":
        measure.term_months = 24
    fold.done("D14")
    _fit_due(fold, event, measure)


def _fit_due(fold: Fold, event: LifeEvent, measure: Measure) -> None:
    fold.due("D16", measure.id, hours(event.occurred_at, 24), measure=measure, event=event)


def _parent_decide(fold: Fold, event: LifeEvent) -> None:
    measure = monitored(fold)
    measure.phase, measure.term_months = Phase.DECIDED, 12
    fold.done("D15")
    _fit_due(fold, event, measure)


def _violation_decision_check(fold: Fold, _event: LifeEvent) -> str | None:
    return None if fold.is_open("D15", "subst") else "no_substitution_violation"


def _violation_decide(fold: Fold, event: LifeEvent) -> None:
    old = fold.active(MeasureKind.E_MONITORING)
    if old is not None:
        fold.close(old, event.occurred_at, CloseReason.ENDED)
    measure = fold.open_measure(
        MeasureKind.E_MONITORING, event, Phase.DECIDED, case="SUBST_VIOLATION"
    )
    measure.term_months = 24
    fold.done("D15")
    _fit_due(fold, event, measure)


def _fit(fold: Fold, event: LifeEvent) -> None:
    measure = monitored(fold)
    measure.phase, measure.term_start = Phase.ACTIVE, event.occurred_at
    measure.marks["fitted_at"] = event.occurred_at
    measure.marks["position_since"] = event.occurred_at
    basis_id = measure.marks.get("basis_measure")
    basis = next((m for m in fold.measures if m.id == basis_id), None)
    if basis is not None and measure.term_months is None:
        measure.fixed_end = basis.term_end()
    fold.done("D16")


def _remove(fold: Fold, event: LifeEvent) -> None:
    measure = monitored(fold)
    measure.phase = Phase.TEMP_REMOVED
    until = pay(event, EmonRemovedTemporarily).until
    if until is not None:
        fold.due("D17", f"present:{event.id}", hours(until, 24), measure=measure, event=event)


def _refit(fold: Fold, event: LifeEvent) -> None:
    measure = monitored(fold)
    measure.phase = Phase.ACTIVE
    measure.marks["position_since"] = event.occurred_at
    for key in [k for k in fold.obligations if k.startswith("D17:present:")]:
        del fold.obligations[key]


def _pause(fold: Fold, _event: LifeEvent) -> None:
    monitored(fold).phase = Phase.PAUSED


def _exempt_check(fold: Fold, event: LifeEvent) -> str | None:
    measure = fold.active(MeasureKind.E_MONITORING)
    if measure is None or measure.phase is not Phase.ACTIVE:
        return "not_e_monitored"
    months = 6 if fold.is_minor(event.occurred_at) else 12
    clean_since = measure.marks.get("last_violation_at") or measure.marks["fitted_at"]
    if local_day(event.occurred_at) < add_months(local_day(clean_since), months):
        return "clean_period_not_reached"
    return None


def _exempt(fold: Fold, event: LifeEvent) -> None:
    fold.close(monitored(fold), event.occurred_at, CloseReason.EXEMPTED)


def _end(fold: Fold, event: LifeEvent) -> None:
    fold.close(monitored(fold), event.occurred_at, CloseReason.ENDED)


def _post_rehab_based(fold: Fold, _event: LifeEvent) -> bool:
    measure = fold.active(MeasureKind.E_MONITORING)
    return measure is not None and measure.case == "POST_REHAB"


_ESCALATE_AT = {"a": 1, "b": 2, "c": 2, "d": 3, "dd": 3}
"""ND163 Art 24–25: a at once; b, c the 2nd time; d, đ the 3rd time (or not fixed in 24 h)."""


def _violation(fold: Fold, event: LifeEvent) -> None:
    violation = pay(event, EmonViolation)
    if violation.force_majeure_reported:
        return  # reported within 24 h: not a violation (ND163 Art 24(2))
    measure = monitored(fold)
    measure.counters[violation.code] = measure.counters.get(violation.code, 0) + 1
    measure.marks["last_violation_at"] = event.occurred_at
    if measure.case in {"SUBSTITUTION", "SUBST_VIOLATION"} and not fold.is_minor(event.occurred_at):
        fold.due("D15", "subst", hours(event.occurred_at, 24), event=event)
    if measure.counters[violation.code] >= _ESCALATE_AT[violation.code]:
        escalate(fold, event.occurred_at, event)
        return
    fold.violations[event.id] = {"code": violation.code, "at": event.occurred_at}
    fold.due("D17", event.id, hours(event.occurred_at, 24), measure=measure, event=event)


def escalate(fold: Fold, at: datetime, event: LifeEvent | None) -> None:
    """Not complying with e-monitoring: compulsory (T30), or a fine in post-rehab (T60)."""
    measure = fold.active(MeasureKind.E_MONITORING)
    if measure is None:
        return
    if measure.case == "POST_REHAB":
        measure.counters["fines"] = measure.counters.get("fines", 0) + 1
        return
    for kind in (MeasureKind.VOLUNTARY_REHAB, MeasureKind.SUBSTITUTION_TX):
        underlying = fold.active(kind)
        if underlying is not None:
            fold.close(underlying, at, CloseReason.TERMINATED_VIOLATION)
    fold.close(measure, at, CloseReason.ENDED)
    open_ground(fold, "dd", at, event=event)


def _fixed_check(fold: Fold, event: LifeEvent) -> str | None:
    return (
        None if pay(event, EmonViolationFixed).violation in fold.violations else "no_open_violation"
    )


def _fixed(fold: Fold, event: LifeEvent) -> None:
    violation = pay(event, EmonViolationFixed).violation
    del fold.violations[violation]
    fold.done("D17", violation)


RULES: list[Rule] = [
    row(
        "M02",
        "emon.requested",
        "A parent asks to e-monitor a minor (decision in 24 h)",
        "ND163 15(2); ND163 16(2)(b)",
        _request,
        check=_request_check,
    ),
    row(
        "M02.1",
        "emon.decided",
        "Decision on a parent's request",
        "ND163 16(2)(b)",
        _parent_decide,
        when=_basis("PARENT_REQUEST"),
        check=emon_phase(Phase.REQUESTED, reason="no_parent_request"),
    ),
    row(
        "M02.2",
        "emon.decided",
        "New 2-year decision after a substitution patient's violation",
        "ND163 25(6)",
        _violation_decide,
        when=_basis("SUBST_VIOLATION"),
        check=_violation_decision_check,
    ),
    row(
        "M01",
        "emon.decided",
        "E-monitoring decision within 12 h (Mẫu 02)",
        "ND163 15; ND163 16(2)(a)",
        _decide,
        check=_decision_check,
    ),
    row(
        "M03",
        "emon.fitted",
        "Device fitted (Mẫu 03, pledge Mẫu 04)",
        "ND163 17",
        _fit,
        check=emon_phase(Phase.DECIDED, reason="emon_not_decided"),
    ),
    row(
        "M04",
        "emon.removed_temporarily",
        "Temporary removal (Mẫu 07)",
        "ND163 19(1); ND163 19(2)",
        _remove,
        check=emon_phase(Phase.ACTIVE, reason="not_e_monitored"),
    ),
    row(
        "M05",
        "emon.refitted",
        "Refitted (Mẫu 08)",
        "ND163 19(1)",
        _refit,
        check=emon_phase(Phase.TEMP_REMOVED, Phase.PAUSED, reason="not_removed"),
    ),
    row(
        "M07",
        "emon.paused",
        "Paused (Mẫu 11)",
        "ND163 20(1); ND163 20(2)",
        _pause,
        check=emon_phase(Phase.ACTIVE, reason="not_e_monitored"),
    ),
    row(
        "M08",
        "emon.exempted",
        "Remainder exempted after a clean period (Mẫu 13)",
        "ND163 20(3)",
        _exempt,
        check=_exempt_check,
    ),
    row(
        "M09",
        "emon.ended",
        "E-monitoring ended (Mẫu 15)",
        "ND163 20(4)",
        _end,
        check=emon_phase(
            Phase.DECIDED, Phase.ACTIVE, Phase.TEMP_REMOVED, Phase.PAUSED, reason="not_e_monitored"
        ),
    ),
    row(
        "T60",
        "emon.violation",
        "Post-rehab: refusing e-monitoring is fined, not compulsory",
        "ND163 25(5)",
        _violation,
        when=_post_rehab_based,
        check=emon_phase(Phase.ACTIVE, Phase.TEMP_REMOVED, reason="not_e_monitored"),
    ),
    row(
        "T30",
        "emon.violation",
        "Not complying with e-monitoring: compulsory (rules of §2.5)",
        "L120 47(2); ND163 24(1); ND163 25(2); ND163 25(3); ND163 25(4)",
        _violation,
        check=emon_phase(Phase.ACTIVE, Phase.TEMP_REMOVED, reason="not_e_monitored"),
    ),
    row(
        "M10",
        "emon.violation_fixed",
        "The violation was fixed within 24 h",
        "ND163 25(3)",
        _fixed,
        check=_fixed_check,
    ),
]
