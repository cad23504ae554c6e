"""Table A, second half: the user-management decision and what happens during management."""

from __future__ import annotations

from datetime import timedelta

from caseterm.domain.lifecycle.fold import Fold, LifeEvent
from caseterm.domain.lifecycle.model import (
    CloseReason,
    Flag,
    MeasureKind,
    Phase,
    Register,
)
from caseterm.domain.lifecycle.payloads_management import (
    AbsenceReported,
    MgmtDecided,
    MgmtResidenceChecked,
    MgmtResumed,
    MgmtStopped,
)
from caseterm.domain.lifecycle.rule import (
    Apply,
    Check,
    Rule,
    When,
    decision_sent,
    flag,
    need,
    pay,
    row,
)
from caseterm.domain.lifecycle.timecalc import local_day

MGMT_MONTHS = 12
"""User management lasts 1 year from the decision (L120 Art 24(2))."""


def _ready_for_decision(fold: Fold, event: LifeEvent) -> str | None:
    if fold.active(MeasureKind.USER_MGMT):
        return "already_managed"
    intake = fold.intake
    if intake is None or intake.phase not in {"NOTIFIED", "AWAITING_DECISION"}:
        return "no_notice_of_use"
    if intake.phase == "NOTIFIED" and not intake.stable:
        return "residence_not_stable"
    return None


def _open_mgmt(fold: Fold, event: LifeEvent) -> None:
    mgmt = fold.open_measure(
        MeasureKind.USER_MGMT,
        event,
        Phase.ACTIVE,
        term_start=event.occurred_at,
        term_months=MGMT_MONTHS,
    )
    mgmt.marks["decided_at"] = event.occurred_at
    fold.intake = None
    fold.done("D03")
    fold.enter(Register.USERS, event.occurred_at, event.id)


def _reason(value: str) -> When:
    return lambda _f, e: pay(e, MgmtDecided).reason == value


def _reuse_pending(fold: Fold, _event: LifeEvent) -> str | None:
    mgmt = fold.active(MeasureKind.USER_MGMT)
    return None if mgmt and Flag.REUSE_PENDING in mgmt.flags else "no_reuse_detected"


def _reset_term(fold: Fold, event: LifeEvent) -> None:
    mgmt = need(fold.active(MeasureKind.USER_MGMT))
    flag(mgmt, Flag.REUSE_PENDING, on=False)
    mgmt.term_start, mgmt.term_months = event.occurred_at, MGMT_MONTHS
    mgmt.excluded, mgmt.fixed_end = timedelta(), None
    mgmt.marks["decided_at"] = event.occurred_at
    fold.done("D07", "decision")


def _transfer_pending(kind: str) -> Check:
    def check(fold: Fold, _event: LifeEvent) -> str | None:
        intake = fold.intake
        if intake is None or intake.phase != f"TRANSFER_IN:{kind}":
            return "no_transfer_in"
        return None

    return check


def _continue_mgmt(fold: Fold, event: LifeEvent) -> None:
    intake = need(fold.intake)
    end = intake.term_end
    mgmt = fold.open_measure(
        MeasureKind.USER_MGMT, event, Phase.ACTIVE, term_start=event.occurred_at
    )
    mgmt.fixed_end = end
    mgmt.marks["decided_at"] = event.occurred_at
    fold.intake = None
    fold.done("D03")
    fold.enter(Register.USERS, event.occurred_at, event.id)


def _managed(fold: Fold, _event: LifeEvent) -> bool:
    return fold.active(MeasureKind.USER_MGMT) is not None


def _must_be_managed(fold: Fold, _event: LifeEvent) -> str | None:
    return None if fold.active(MeasureKind.USER_MGMT) else "not_under_management"


def absence(kind: MeasureKind) -> Apply:
    """The apply of an absence report for a measure of `kind`.

    A reported absence changes nothing; an unreported one is left out of the term, or flags the
    person absent while it has no end.
    """

    def apply(fold: Fold, event: LifeEvent) -> None:
        absence = pay(event, AbsenceReported)
        measure = need(fold.active(kind))
        if absence.reported:
            return
        if absence.to_date is None:
            flag(measure, Flag.ABSENT)
            measure.marks["absent_since"] = absence.from_date
            return
        measure.excluded += timedelta(days=(absence.to_date - absence.from_date).days + 1)

    return apply


def _suspend_check(fold: Fold, event: LifeEvent) -> str | None:
    mgmt = fold.active(MeasureKind.USER_MGMT)
    if mgmt is None:
        return "not_under_management"
    return "already_suspended" if Flag.SUSPENDED in mgmt.flags else None


def _suspend(fold: Fold, event: LifeEvent) -> None:
    mgmt = fold.active(MeasureKind.USER_MGMT)
    flag(mgmt, Flag.SUSPENDED)
    decision_sent(fold, event, mgmt)


def _resume_check(fold: Fold, event: LifeEvent) -> str | None:
    mgmt = fold.active(MeasureKind.USER_MGMT)
    if mgmt is None or Flag.SUSPENDED not in mgmt.flags:
        return "not_suspended"
    end = mgmt.term_end()
    if end is not None and pay(event, MgmtResumed).custody_ended >= end:
        return "custody_outlasted_term"
    return None


def _resume(fold: Fold, event: LifeEvent) -> None:
    flag(fold.active(MeasureKind.USER_MGMT), Flag.SUSPENDED, on=False)


def _stop_reason(*reasons: str) -> When:
    return lambda _f, e: pay(e, MgmtStopped).reason in reasons


def _stop(fold: Fold, event: LifeEvent) -> None:
    mgmt = need(fold.active(MeasureKind.USER_MGMT))
    fold.close(mgmt, event.occurred_at, CloseReason.STOPPED)
    mgmt.marks["stop_reason"] = pay(event, MgmtStopped).reason
    fold.leave(Register.USERS, event.occurred_at, "STOPPED")
    decision_sent(fold, event, None)


def _stop_addicted_check(fold: Fold, event: LifeEvent) -> str | None:
    """T09 needs a finding made during *this* management.

    One from an earlier, completed episode would take the person off every register without ever
    counting them in K2.
    """
    mgmt = fold.active(MeasureKind.USER_MGMT)
    assessment = fold.latest(MeasureKind.ADDICTION_ASSESSMENT)
    if mgmt is None:
        return "not_under_management"
    if assessment is None or assessment.close_reason is not CloseReason.ADDICTED:
        return "not_determined_addicted"
    if assessment.closed_at is None or assessment.closed_at < mgmt.opened_at:
        return "finding_before_this_management"
    return None


def _stop_custody_check(fold: Fold, event: LifeEvent) -> str | None:
    mgmt = fold.active(MeasureKind.USER_MGMT)
    return None if mgmt and Flag.SUSPENDED in mgmt.flags else "not_suspended"


def _terminate_check(fold: Fold, event: LifeEvent) -> str | None:
    mgmt = fold.active(MeasureKind.USER_MGMT)
    if mgmt is None:
        return "not_under_management"
    if Flag.REUSE_PENDING in mgmt.flags:
        return "reuse_pending"
    end = mgmt.term_end()
    if end is not None and local_day(event.occurred_at) < local_day(end - timedelta(seconds=1)):
        return "term_not_over"
    return None


def _terminate(fold: Fold, event: LifeEvent) -> None:
    mgmt = need(fold.active(MeasureKind.USER_MGMT))
    fold.close(mgmt, event.occurred_at, CloseReason.MGMT_EXPIRED_CLEAN)
    fold.leave(Register.USERS, event.occurred_at, "EXPIRED_CLEAN")
    decision_sent(fold, event, None)


def _present_again(fold: Fold, event: LifeEvent) -> None:
    """A check that finds the person present ends an unreported absence (its days are excluded)."""
    payload = event.payload
    if isinstance(payload, MgmtResidenceChecked) and payload.finding != "PRESENT":
        return
    if isinstance(payload, MgmtResidenceChecked) and payload.method == "VISIT":
        fold.last_contact = event.occurred_at  # met in person: a contact for the close-watch list
    for kind in (MeasureKind.USER_MGMT, MeasureKind.POST_REHAB):
        measure = fold.active(kind)
        if measure and Flag.ABSENT in measure.flags:
            since = measure.marks.pop("absent_since")
            measure.excluded += timedelta(days=(local_day(event.occurred_at) - since).days)
            flag(measure, Flag.ABSENT, on=False)
    fold.months_checked.add(local_day(event.occurred_at).strftime("%Y-%m"))


def _mgmt_or_post(fold: Fold, _event: LifeEvent) -> str | None:
    if fold.active(MeasureKind.USER_MGMT) or fold.active(MeasureKind.POST_REHAB):
        return None
    return "not_under_management"


RULES: list[Rule] = [
    row(
        "T08.1",
        "mgmt.decided",
        "New 1-year decision after re-use: the term restarts",
        "ND163 59(1)",
        _reset_term,
        when=_reason("REUSE_RESET"),
        check=_reuse_pending,
    ),
    row(
        "T16.2",
        "mgmt.decided",
        "Destination decision: the remaining term continues",
        "L120 25(4); ND163 62",
        _continue_mgmt,
        when=_reason("TRANSFER_IN"),
        check=_transfer_pending("USER_MGMT"),
    ),
    row(
        "T05",
        "mgmt.decided",
        "Stable residence: user-management decision, 1 year",
        "L120 24(2); L120 24(4)(a); ND163 59",
        _open_mgmt,
        when=_reason("NEW"),
        check=_ready_for_decision,
    ),
    row(
        "T17",
        "mgmt.absence_reported",
        "Absence: unreported time is not counted",
        "ND163 60(2)",
        absence(MeasureKind.USER_MGMT),
        when=_managed,
    ),
    row(
        "T58",
        "mgmt.absence_reported",
        "Absence during post-rehab: unreported time not counted",
        "ND163 136(1)(a)",
        absence(MeasureKind.POST_REHAB),
        when=lambda f, _e: f.active(MeasureKind.POST_REHAB) is not None,
    ),
    row(
        "T11",
        "mgmt.suspended",
        "Criminal custody: management suspended (Mẫu 07)",
        "L120 24(7); ND163 63(1); ND163 63(4)",
        _suspend,
        check=_suspend_check,
    ),
    row(
        "T12",
        "mgmt.resumed",
        "Custody ended before the term: management continues",
        "L120 24(7)",
        _resume,
        check=_resume_check,
    ),
    row(
        "T09",
        "mgmt.stopped",
        "Determined addicted: management stopped (Mẫu 08)",
        "L120 24(5)(a); L120 27(3)(b); ND163 63(2)",
        _stop,
        when=_stop_reason("ADDICTED"),
        check=_stop_addicted_check,
    ),
    row(
        "T13",
        "mgmt.stopped",
        "Custody longer than the remaining term: stopped",
        "L120 24(7); L120 24(5)(dd)",
        _stop,
        when=_stop_reason("CUSTODY_LONGER"),
        check=_stop_custody_check,
    ),
    row(
        "T14",
        "mgmt.stopped",
        "Compulsory education, reformatory, prison, death: stopped",
        "L120 24(5); ND163 63",
        _stop,
        when=_stop_reason(
            "COMPULSORY_EDUCATION", "REFORMATORY", "DIVERSION", "PRISON", "DEATH_MISSING"
        ),
        check=_must_be_managed,
    ),
    row(
        "T15",
        "mgmt.terminated",
        "A year with no use detected: terminated (Mẫu 09)",
        "ND163 63(3); L120 27(3)(a)",
        _terminate,
        check=_terminate_check,
    ),
    row(
        "X01",
        "mgmt.residence_checked",
        "Monthly residence check",
        "ND163 61(1)(a)",
        _present_again,
        check=_mgmt_or_post,
    ),
    row(
        "X02",
        "mgmt.summoned",
        "Summons",
        "L120 24(4)(b); L120 25(2)",
        lambda _f, _e: None,
        check=_mgmt_or_post,
    ),
]
