"""Table A, first half: detection and testing, residence verification and the notice."""

from __future__ import annotations

from datetime import datetime

from caseterm.domain.lifecycle.fold import Fold, Intake, LifeEvent
from caseterm.domain.lifecycle.model import (
    CloseReason,
    Flag,
    MeasureKind,
    Phase,
    Regime,
    regime_at,
)
from caseterm.domain.lifecycle.payloads_management import (
    ResidenceVerified,
    TestPerformed,
    UseNoticeSent,
)
from caseterm.domain.lifecycle.rule import (
    Rule,
    When,
    first_check,
    flag,
    hours,
    kinds_active,
    need,
    open_ground,
    pay,
    row,
    working_days,
)


def _result(value: str) -> When:
    return lambda _f, e: pay(e, TestPerformed).result == value


def _witness(fold: Fold, event: LifeEvent) -> str | None:
    test = pay(event, TestPerformed)
    if test.sample != "URINE" and fold.is_minor(event.occurred_at) and not test.parent_witness:
        return "parent_witness_required"
    return None


def _status_ground(fold: Fold, event: LifeEvent) -> str | None:
    if pay(event, TestPerformed).ground.startswith("status_") and not kinds_active(
        fold,
        MeasureKind.USER_MGMT,
        MeasureKind.VOLUNTARY_REHAB,
        MeasureKind.SUBSTITUTION_TX,
        MeasureKind.POST_REHAB,
    ):
        return "status_ground_without_measure"
    return None


_TEST_CHECK = first_check(_witness, _status_ground)


def _clear_pending(fold: Fold) -> None:
    if fold.intake and fold.intake.phase == "TEST_PENDING":
        fold.intake = fold.intake.previous


def _positive(fold: Fold, event: LifeEvent) -> bool:
    return pay(event, TestPerformed).result == "POSITIVE"


def _t01(fold: Fold, event: LifeEvent) -> None:
    fold.intake = Intake("TEST_PENDING", event.occurred_at, event.id, previous=fold.intake)


def _t02(fold: Fold, event: LifeEvent) -> None:
    _clear_pending(fold)


def _t03(fold: Fold, event: LifeEvent) -> None:
    _clear_pending(fold)


def _t04(fold: Fold, event: LifeEvent) -> None:
    _clear_pending(fold)
    test = pay(event, TestPerformed)
    if test.criminal_case:
        return  # the criminal procedure takes over; no user-management intake
    fold.intake = Intake("POSITIVE", event.occurred_at, event.id)
    if Regime.R2026 is _regime(event):
        limit = hours(event.occurred_at, 48 if test.remote_area else 24)
    else:
        limit = working_days(fold, event.occurred_at, 10 if test.remote_area else 3)
    fold.due("D01", event.id, limit, event=event)


def _regime(event: LifeEvent) -> Regime:
    return regime_at(event.occurred_at)


def _t08(fold: Fold, event: LifeEvent) -> None:
    _clear_pending(fold)
    mgmt = need(fold.active(MeasureKind.USER_MGMT))
    flag(mgmt, Flag.REUSE_PENDING)
    mgmt.marks["reuse_at"] = event.occurred_at
    # One duty per obligation (ND163 Art 59(1)): a further positive while the new decision or
    # the determination request is still due changes nothing; that duty has run since the first.
    for step, measure in (("decision", mgmt), ("assessment", None)):
        if not fold.is_open("D07", step):
            fold.due("D07", step, hours(event.occurred_at, 24), measure=measure, event=event)


def _in_user_mgmt(fold: Fold, event: LifeEvent) -> bool:
    return _positive(fold, event) and fold.active(MeasureKind.USER_MGMT) is not None


def _in_voluntary(fold: Fold, event: LifeEvent) -> bool:
    rehab = fold.active(MeasureKind.VOLUNTARY_REHAB)
    return _positive(fold, event) and rehab is not None and rehab.phase is Phase.IN_PROGRESS


def _t28(fold: Fold, event: LifeEvent) -> None:
    _clear_pending(fold)
    rehab = need(fold.active(MeasureKind.VOLUNTARY_REHAB))
    fold.close(rehab, event.occurred_at, CloseReason.USE_DETECTED)
    open_ground(fold, "b", event.occurred_at, event=event)


def _in_post_rehab(fold: Fold, event: LifeEvent) -> bool:
    post = fold.active(MeasureKind.POST_REHAB)
    return _positive(fold, event) and post is not None


def _t55(fold: Fold, event: LifeEvent) -> None:
    _clear_pending(fold)
    post = need(fold.active(MeasureKind.POST_REHAB))
    post.marks["use_detected_at"] = event.occurred_at


def _has_positive(fold: Fold, _event: LifeEvent) -> str | None:
    return None if fold.intake and fold.intake.phase == "POSITIVE" else "no_positive_test"


def _verified(fold: Fold, event: LifeEvent) -> None:
    stable = pay(event, ResidenceVerified).result == "STABLE"
    fold.intake = Intake("VERIFIED", event.occurred_at, event.id, stable=stable)
    fold.done("D01")
    if _regime(event) is Regime.R2026:
        limit = hours(event.occurred_at, 24)
    else:
        limit = working_days(fold, event.occurred_at, 3)
    fold.due("D02", event.id, limit, event=event)


def _is_verified(fold: Fold, _event: LifeEvent) -> str | None:
    return None if fold.intake and fold.intake.phase == "VERIFIED" else "residence_not_verified"


def _notice(fold: Fold, event: LifeEvent) -> None:
    intake = need(fold.intake)
    received = pay(event, UseNoticeSent).received_at or event.occurred_at
    stable = intake.stable
    fold.intake = Intake("NOTIFIED", received, event.id, stable=stable)
    fold.done("D02")
    if stable:
        _decision_due(fold, event, received)


def _decision_due(fold: Fold, event: LifeEvent, start: datetime) -> None:
    r2026 = _regime(event) is Regime.R2026
    limit = hours(start, 24) if r2026 else working_days(fold, start, 3)
    fold.due("D03", event.id, limit, event=event)


RULES: list[Rule] = [
    row(
        "T03",
        "test.performed",
        "Positive while in a facility: the result stays with the facility",
        "L120 23(2)",
        _t03,
        when=lambda f, e: _positive(f, e) and f.in_facility(),
        check=_TEST_CHECK,
    ),
    row(
        "T08",
        "test.performed",
        "Re-use during user management: new decision and case c",
        "ND163 59(1); L120 31(1)(c)",
        _t08,
        when=_in_user_mgmt,
        check=_TEST_CHECK,
    ),
    row(
        "T28",
        "test.performed",
        "Use during voluntary rehab: compulsory ground b",
        "L120 35(1)(b); L120 36(1)(b)",
        _t28,
        when=_in_voluntary,
        check=_TEST_CHECK,
    ),
    row(
        "T55",
        "test.performed",
        "Use during post-rehab: a determination (case d) is needed",
        "L120 31(1)(d)",
        _t55,
        when=_in_post_rehab,
        check=_TEST_CHECK,
    ),
    row(
        "T01",
        "test.performed",
        "Grounds to test: the test is under way",
        "L120 23(1); L120 23(2); ND163 56",
        _t01,
        when=_result("PENDING"),
        check=_TEST_CHECK,
    ),
    row(
        "T02",
        "test.performed",
        "Negative result: back to the previous state",
        "ND163 56(6)",
        _t02,
        when=_result("NEGATIVE"),
        check=_TEST_CHECK,
    ),
    row(
        "T04",
        "test.performed",
        "Positive, not prosecuted: verify residence within 24 h",
        "ND163 57; ND163 58",
        _t04,
        when=_result("POSITIVE"),
        check=_TEST_CHECK,
    ),
    row(
        "T04.1",
        "residence.verified",
        "Residence verified after a positive test",
        "ND163 58",
        _verified,
        check=_has_positive,
    ),
    row(
        "T04.2",
        "use.notice_sent",
        "Notice of use (Mẫu 02) to the competent chief",
        "ND163 58(5); ND163 58(6)",
        _notice,
        check=_is_verified,
    ),
]
