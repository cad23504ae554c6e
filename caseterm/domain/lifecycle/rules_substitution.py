"""Table D: substitution treatment (methadone): enrolment, transfer, termination."""

from __future__ import annotations

from caseterm.domain.lifecycle.fold import Fold, LifeEvent
from caseterm.domain.lifecycle.model import (
    CloseReason,
    MeasureKind,
    Phase,
    Regime,
    regime_at,
)
from caseterm.domain.lifecycle.payloads_rehab import SubstEnrolled, SubstTerminated
from caseterm.domain.lifecycle.rule import (
    Rule,
    complete_rehab,
    hours,
    need,
    open_ground,
    pay,
    row,
)
from caseterm.domain.lifecycle.rules_determination import POST_REHAB_MONTHS
from caseterm.domain.lifecycle.rules_voluntary import in_progress


def _subst_registered(fold: Fold, _event: LifeEvent) -> str | None:
    subst = fold.active(MeasureKind.SUBSTITUTION_TX)
    return None if subst and subst.phase is Phase.REGISTERED else "not_registered_for_substitution"


def _enrol(fold: Fold, event: LifeEvent) -> None:
    subst = need(fold.active(MeasureKind.SUBSTITUTION_TX))
    subst.phase, subst.term_start = Phase.ACTIVE, event.occurred_at
    subst.regime = regime_at(event.occurred_at)
    fold.done("D11")
    notice = pay(event, SubstEnrolled).reception_notice_at or event.occurred_at
    if subst.regime is Regime.R2026 and not fold.is_minor(notice):
        fold.due("D14", subst.id, hours(notice, 12), event=event)


def _subst_active(fold: Fold, _event: LifeEvent) -> str | None:
    subst = fold.active(MeasureKind.SUBSTITUTION_TX)
    return None if subst and subst.phase is Phase.ACTIVE else "not_in_substitution"


def _subst_done(fold: Fold, event: LifeEvent) -> None:
    complete_rehab(fold, need(fold.active(MeasureKind.SUBSTITUTION_TX)), event, POST_REHAB_MONTHS)


def _subst_terminated(fold: Fold, event: LifeEvent) -> None:
    subst = need(fold.active(MeasureKind.SUBSTITUTION_TX))
    reason = pay(event, SubstTerminated).reason
    close = {
        "SELF_TERMINATED": CloseReason.SELF_TERMINATED,
        "VIOLATION": CloseReason.TERMINATED_VIOLATION,
        "NOT_STARTED": CloseReason.NOT_STARTED,
    }[reason]
    fold.close(subst, event.occurred_at, close)
    open_ground(fold, "c", event.occurred_at, event=event)


def _subst_terminated_check(fold: Fold, _event: LifeEvent) -> str | None:
    subst = fold.active(MeasureKind.SUBSTITUTION_TX)
    return None if subst else "not_in_substitution"


def _nothing(_fold: Fold, _event: LifeEvent) -> None:
    return None


RULES: list[Rule] = [
    row(
        "X03",
        "rehab.stage_reported",
        "A rehab stage reported by the provider",
        "L120 29(2); ND163 84",
        _nothing,
        check=in_progress,
    ),
    row(
        "T37",
        "subst.enrolled",
        "Clinic accepts the patient; e-monitoring within 12 h",
        "ND163 89(2); ND163 15(1)(b); ND163 16(2)(a)",
        _enrol,
        check=_subst_registered,
    ),
    row(
        "X04",
        "subst.status_reported",
        "Status reported by the clinic",
        "ND163 89(2)",
        _nothing,
        check=_subst_active,
    ),
    row(
        "T40",
        "subst.completed",
        "Substitution completed: post-rehab 1 year",
        "L120 42(1)",
        _subst_done,
        check=_subst_active,
    ),
    row(
        "T38",
        "subst.terminated",
        "Not started, self-terminated or terminated: compulsory",
        "L120 35(1)(c); L120 35(3)(b); ND163 4(10)",
        _subst_terminated,
        check=_subst_terminated_check,
    ),
]
