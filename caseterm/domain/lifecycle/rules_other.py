"""Table G (any stage: moves, holds, death), e-monitoring (§2.5) and record-keeping rows."""

from __future__ import annotations

from datetime import datetime

from caseterm.domain.lifecycle.fold import Fold, Intake, LifeEvent
from caseterm.domain.lifecycle.model import (
    R2026_START,
    CloseReason,
    Flag,
    Measure,
    MeasureKind,
    Phase,
    Register,
    RehabForm,
)
from caseterm.domain.lifecycle.payloads import (
    ContactMade,
    DocumentLogged,
    EmonDecided,
    EmonRemovedTemporarily,
    EmonViolation,
    EmonViolationFixed,
    ForceMajeure,
    HoldStarted,
    PersonMovedIn,
    PersonMovedOut,
    RehabDecided,
    ReviewCompleted,
)
from caseterm.domain.lifecycle.rule import (
    Apply,
    Check,
    Rule,
    When,
    close_all,
    flag,
    hours,
    in_phase,
    need,
    open_ground,
    pay,
    row,
    working_days,
)
from caseterm.domain.lifecycle.timecalc import add_months, end_of_day, local_day

_HOLD_KINDS = (
    MeasureKind.USER_MGMT,
    MeasureKind.VOLUNTARY_REHAB,
    MeasureKind.SUBSTITUTION_TX,
    MeasureKind.COMPULSORY,
    MeasureKind.POST_REHAB,
)


# --- moves -----------------------------------------------------------------------------------


def _has(kind: MeasureKind) -> When:
    return lambda fold, _e: fold.active(kind) is not None


def _on_addict_list(fold: Fold, _event: LifeEvent) -> bool:
    return fold.on(Register.ADDICTS)


def _move_out(fold: Fold, event: LifeEvent) -> None:
    move = pay(event, PersonMovedOut)
    monitored = fold.active(MeasureKind.E_MONITORING)
    had_measure = any(m.active for m in fold.measures)
    close_all(fold, event.occurred_at, CloseReason.TRANSFERRED_OUT)
    fold.moved_out = True
    if had_measure and move.file_sent_at is None:
        fold.due("D08", event.id, hours(event.occurred_at, 24), event=event)
    if monitored is not None:
        fold.due("D20", event.id, hours(event.occurred_at, 24), event=event)


def _continuing(kind: str) -> When:
    return lambda _f, e: pay(e, PersonMovedIn).continuing == kind


def _move_in_check(fold: Fold, event: LifeEvent) -> str | None:
    move = pay(event, PersonMovedIn)
    if any(m.active for m in fold.measures):
        return "already_in_a_measure"
    if move.continuing != "NONE" and move.term_end is None:
        return "term_end_required"
    if move.continuing == "VOLUNTARY_REHAB" and move.form is None:
        return "form_required"
    return None


def _move_in(fold: Fold, event: LifeEvent) -> None:
    move = pay(event, PersonMovedIn)
    fold.moved_out = False
    if move.continuing == "NONE":
        return
    fold.intake = Intake(
        f"TRANSFER_IN:{move.continuing}",
        event.occurred_at,
        event.id,
        term_end=end_of_day(move.term_end) if move.term_end else None,
        data={"episode": move.episode or 1, "form": move.form or "HOME"},
    )
    # [U] 18: the destination's decision is assumed due within 24 h, like a first decision.
    fold.due("D03", event.id, hours(event.occurred_at, 24), event=event)


def _rehab_continuation_when(fold: Fold, event: LifeEvent) -> bool:
    intake = fold.intake
    return (
        pay(event, RehabDecided).continuation
        and intake is not None
        and intake.phase == "TRANSFER_IN:VOLUNTARY_REHAB"
    )


def _rehab_continue(fold: Fold, event: LifeEvent) -> None:
    intake = need(fold.intake)
    decision = pay(event, RehabDecided)
    rehab = fold.open_measure(
        MeasureKind.VOLUNTARY_REHAB,
        event,
        Phase.IN_PROGRESS,
        form=RehabForm(decision.form),
        term_start=event.occurred_at,
        episode=decision.episode or int(intake.data["episode"]),
    )
    rehab.fixed_end = intake.term_end
    rehab.marks["continuation"] = True
    fold.intake = None
    fold.done("D03")
    fold.enter(Register.ADDICTS, event.occurred_at, event.id)


# --- death, missing, holds -------------------------------------------------------------------


def _gone(reason: CloseReason) -> Apply:
    def apply(fold: Fold, event: LifeEvent) -> None:
        close_all(fold, event.occurred_at, reason)
        fold.gone = reason
        fold.obligations.clear()

    return apply


def _hold_check(fold: Fold, _event: LifeEvent) -> str | None:
    return "already_on_hold" if fold.hold else None


def _hold(fold: Fold, event: LifeEvent) -> None:
    kind = pay(event, HoldStarted).kind
    fold.hold = (kind, event.occurred_at)
    for measure_kind in _HOLD_KINDS:
        flag(fold.active(measure_kind), Flag.ON_HOLD)
    fold.leave(Register.ADDICTS, event.occurred_at, kind)
    fold.leave(Register.POST_REHAB, event.occurred_at, kind)


def _held(fold: Fold, _event: LifeEvent) -> str | None:
    return None if fold.hold else "not_on_hold"


def _release(fold: Fold, event: LifeEvent) -> None:
    held, since = need(fold.hold)
    away = event.occurred_at - since
    if held == "PRISON":
        fold.released_from_prison = event.occurred_at
    fold.hold = None
    for kind in _HOLD_KINDS:
        measure = fold.active(kind)
        if measure and Flag.ON_HOLD in measure.flags:
            flag(measure, Flag.ON_HOLD, on=False)
            if kind is not MeasureKind.USER_MGMT:  # rehab and post-rehab time resumes (Art 47(1))
                measure.excluded += away
    if fold.active(MeasureKind.POST_REHAB):
        fold.enter(Register.POST_REHAB, event.occurred_at, event.id)
    if fold.addicted_at or any(
        fold.active(k) for k in (MeasureKind.VOLUNTARY_REHAB, MeasureKind.SUBSTITUTION_TX)
    ):
        fold.enter(Register.ADDICTS, event.occurred_at, event.id)


def _any_rehab(fold: Fold, _event: LifeEvent) -> bool:
    return any(fold.active(kind) for kind in _HOLD_KINDS[1:])


# --- e-monitoring ----------------------------------------------------------------------------


def _emon(fold: Fold) -> Measure:
    measure = need(fold.active(MeasureKind.E_MONITORING))
    return measure


def _emon_phase(*phases: Phase, reason: str) -> Check:
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


def _basis_measure(fold: Fold, basis: str) -> Measure | None:
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
    if _basis_measure(fold, decision.basis) is None:
        return "basis_missing"
    if fold.is_minor(event.occurred_at) and not (
        decision.basis == "POST_REHAB" and decision.no_stable_residence
    ):
        return "minor_needs_parent_request"
    return None


def _decide(fold: Fold, event: LifeEvent) -> None:
    decision = pay(event, EmonDecided)
    basis = need(_basis_measure(fold, decision.basis))
    measure = fold.open_measure(MeasureKind.E_MONITORING, event, Phase.DECIDED, case=decision.basis)
    measure.marks["basis_measure"] = basis.id
    if decision.basis == "SUBSTITUTION":
        measure.term_months = 24
    fold.done("D14")
    _fit_due(fold, event, measure)


def _fit_due(fold: Fold, event: LifeEvent, measure: Measure) -> None:
    fold.due("D16", measure.id, hours(event.occurred_at, 24), measure=measure, event=event)


def _parent_decide(fold: Fold, event: LifeEvent) -> None:
    measure = _emon(fold)
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
    measure = _emon(fold)
    measure.phase, measure.term_start = Phase.ACTIVE, event.occurred_at
    measure.marks["fitted_at"] = event.occurred_at
    basis_id = measure.marks.get("basis_measure")
    basis = next((m for m in fold.measures if m.id == basis_id), None)
    if basis is not None and measure.term_months is None:
        measure.fixed_end = basis.term_end()
    fold.done("D16")


def _remove(fold: Fold, event: LifeEvent) -> None:
    measure = _emon(fold)
    measure.phase = Phase.TEMP_REMOVED
    until = pay(event, EmonRemovedTemporarily).until
    if until is not None:
        fold.due("D17", f"present:{event.id}", hours(until, 24), measure=measure, event=event)


def _refit(fold: Fold, _event: LifeEvent) -> None:
    measure = _emon(fold)
    measure.phase = Phase.ACTIVE
    for key in [k for k in fold.obligations if k.startswith("D17:present:")]:
        del fold.obligations[key]


def _pause(fold: Fold, _event: LifeEvent) -> None:
    _emon(fold).phase = Phase.PAUSED


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
    fold.close(_emon(fold), event.occurred_at, CloseReason.EXEMPTED)


def _end(fold: Fold, event: LifeEvent) -> None:
    fold.close(_emon(fold), event.occurred_at, CloseReason.ENDED)


def _post_rehab_based(fold: Fold, _event: LifeEvent) -> bool:
    measure = fold.active(MeasureKind.E_MONITORING)
    return measure is not None and measure.case == "POST_REHAB"


_ESCALATE_AT = {"a": 1, "b": 2, "c": 2, "d": 3, "dd": 3}
"""ND163 Art 24–25: a at once; b, c the 2nd time; d, đ the 3rd time (or not fixed in 24 h)."""


def _violation(fold: Fold, event: LifeEvent) -> None:
    violation = pay(event, EmonViolation)
    if violation.force_majeure_reported:
        return  # reported within 24 h: not a violation (ND163 Art 24(2))
    measure = _emon(fold)
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


# --- record keeping --------------------------------------------------------------------------


def _nothing(_fold: Fold, _event: LifeEvent) -> None:
    return None


def _document_check(fold: Fold, event: LifeEvent) -> str | None:
    return None if pay(event, DocumentLogged).of_event in fold.events else "unknown_event"


_DOCUMENT_DEADLINES = {
    "DECISION_SENT": "D04",
    "FILE_TRANSFERRED": "D08",
    "EMON_HANDED_OVER": "D20",
    "PROVIDER_NOTICE": "D21",
}


def _document(fold: Fold, event: LifeEvent) -> None:
    logged = pay(event, DocumentLogged)
    code = _DOCUMENT_DEADLINES.get(logged.document)
    if code:
        fold.done(code, logged.of_event)


def _force_majeure_check(fold: Fold, event: LifeEvent) -> str | None:
    return None if fold.is_open(pay(event, ForceMajeure).deadline) else "window_closed"


def _force_majeure(fold: Fold, event: LifeEvent) -> None:
    fm = pay(event, ForceMajeure)
    for key, deadline in list(fold.obligations.items()):
        if deadline.code != fm.deadline:
            continue
        restarted = (
            hours(fm.ended_at, 24) if fm.deadline == "D09" else working_days(fold, fm.ended_at, 2)
        )
        fold.obligations[key] = type(deadline)(
            **{**deadline.__dict__, "due_at": restarted, "params": {"force_majeure": event.id}}
        )


def _contact(fold: Fold, event: LifeEvent) -> None:
    if pay(event, ContactMade).kind == "PRESENTED":
        fold.done("D26")
    fold.last_contact = event.occurred_at


def _review(fold: Fold, event: LifeEvent) -> None:
    review = pay(event, ReviewCompleted)
    monitored = fold.active(MeasureKind.E_MONITORING)
    if review.scope == "EMON_EXEMPTION" and monitored is not None:
        monitored.marks["exemption_reviewed"] = True
        fold.done("D18")
    else:
        fold.reviews.add(review.year or event.occurred_at.year)


RULES: list[Rule] = [
    row(
        "T16",
        "person.moved_out",
        "Moves during user management: the file follows in 24 h",
        "L120 25(4); L120 27(2); ND163 60(1); ND163 62",
        _move_out,
        when=_has(MeasureKind.USER_MGMT),
    ),
    row(
        "T59",
        "person.moved_out",
        "Moves during post-rehab: notice Mẫu 54 within 24 h",
        "L120 48(2); ND163 136(1)(b)",
        _move_out,
        when=_has(MeasureKind.POST_REHAB),
    ),
    row(
        "T65",
        "person.moved_out",
        "Moves while on the addict list: notice within 24 h",
        "L120 48(2); ND163 92(1)(c)",
        _move_out,
        when=_on_addict_list,
    ),
    row("X05", "person.moved_out", "Moves with no running measure", "L120 48(2)", _move_out),
    row(
        "T16.1",
        "person.moved_in",
        "Arrives under user management: the term continues",
        "L120 25(4); ND163 62",
        _move_in,
        when=_continuing("USER_MGMT"),
        check=_move_in_check,
    ),
    row(
        "T59.1",
        "person.moved_in",
        "Arrives under post-rehab: the term continues",
        "L120 48(2); ND163 136(1)(b)",
        _move_in,
        when=_continuing("POST_REHAB"),
        check=_move_in_check,
    ),
    row(
        "T65.1",
        "person.moved_in",
        "Arrives in home rehab: continuation decision (Mẫu 22)",
        "ND163 92(1)(c)",
        _move_in,
        when=_continuing("VOLUNTARY_REHAB"),
        check=_move_in_check,
    ),
    row(
        "X06",
        "person.moved_in",
        "Arrives with no running measure",
        "L120 48(2)",
        _move_in,
        check=_move_in_check,
    ),
    row(
        "T65.2",
        "rehab.decided",
        "Continuation decision at the destination (same episode)",
        "ND163 92(1)(c)",
        _rehab_continue,
        when=_rehab_continuation_when,
    ),
    row(
        "T63",
        "person.died",
        "Death: every measure and list ends",
        "L120 24(5)(d); L120 48(3)(d); L120 48(4)(d)",
        _gone(CloseReason.DIED),
    ),
    row(
        "T63.1",
        "person.declared_missing",
        "Declared missing by a court",
        "L120 24(5)(d); L120 48(3)(d); L120 48(4)(d)",
        _gone(CloseReason.DECLARED_MISSING),
    ),
    row(
        "T62",
        "hold.started",
        "Prison, compulsory education or reformatory: time resumes after",
        "L120 47(1); ND163 20(1)",
        _hold,
        when=_any_rehab,
        check=_hold_check,
    ),
    row(
        "T14.1",
        "hold.started",
        "Held during user management: management is stopped",
        "L120 24(5)(b); L120 24(5)(c)",
        _hold,
        when=_has(MeasureKind.USER_MGMT),
        check=_hold_check,
    ),
    row(
        "X07",
        "hold.started",
        "Held with no running measure",
        "L120 47(1)",
        _hold,
        check=_hold_check,
    ),
    row(
        "T62.1",
        "hold.ended",
        "Released: the remaining time continues",
        "L120 47(1)",
        _release,
        check=_held,
    ),
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
        check=_emon_phase(Phase.REQUESTED, reason="no_parent_request"),
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
        check=_emon_phase(Phase.DECIDED, reason="emon_not_decided"),
    ),
    row(
        "M04",
        "emon.removed_temporarily",
        "Temporary removal (Mẫu 07)",
        "ND163 19(1); ND163 19(2)",
        _remove,
        check=_emon_phase(Phase.ACTIVE, reason="not_e_monitored"),
    ),
    row(
        "M05",
        "emon.refitted",
        "Refitted (Mẫu 08)",
        "ND163 19(1)",
        _refit,
        check=_emon_phase(Phase.TEMP_REMOVED, Phase.PAUSED, reason="not_removed"),
    ),
    row(
        "M07",
        "emon.paused",
        "Paused (Mẫu 11)",
        "ND163 20(1); ND163 20(2)",
        _pause,
        check=_emon_phase(Phase.ACTIVE, reason="not_e_monitored"),
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
        check=_emon_phase(
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
        check=_emon_phase(Phase.ACTIVE, Phase.TEMP_REMOVED, reason="not_e_monitored"),
    ),
    row(
        "T30",
        "emon.violation",
        "Not complying with e-monitoring: compulsory (rules of §2.5)",
        "L120 47(2); ND163 24(1); ND163 25(2); ND163 25(3); ND163 25(4)",
        _violation,
        check=_emon_phase(Phase.ACTIVE, Phase.TEMP_REMOVED, reason="not_e_monitored"),
    ),
    row(
        "M10",
        "emon.violation_fixed",
        "The violation was fixed within 24 h",
        "ND163 25(3)",
        _fixed,
        check=_fixed_check,
    ),
    row("X08", "note.added", "A note", "", _nothing),
    row("X09", "support.provided", "Support provided", "ND163 61(1)(c); ND163 137", _nothing),
    row("X10", "contact.made", "A contact with the person", "ND163 61(1)", _contact),
    row("X11", "review.completed", "A review", "ND163 20(3)", _review),
    row(
        "X12",
        "document.logged",
        "A document sent or received",
        "ND163 63(4)",
        _document,
        check=_document_check,
    ),
    row(
        "X13",
        "force_majeure.recorded",
        "Force majeure restarts a window",
        "ND163 4(7); ND163 4(8); ND163 89(1)",
        _force_majeure,
        check=_force_majeure_check,
    ),
    row("X14", "person.registered", "Entered into the registry", "", _nothing),
    row("X15", "person.updated", "Identity block changed", "", _nothing),
]
