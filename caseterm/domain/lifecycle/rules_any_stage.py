"""Table G (any stage): moves between communes, death, missing persons, custody and prison."""

from __future__ import annotations

from caseterm.domain.lifecycle.fold import Fold, Intake, LifeEvent
from caseterm.domain.lifecycle.model import (
    CloseReason,
    Flag,
    MeasureKind,
    Phase,
    Register,
    RehabForm,
)
from caseterm.domain.lifecycle.payloads_person import HoldStarted, PersonMovedIn, PersonMovedOut
from caseterm.domain.lifecycle.payloads_rehab import RehabDecided
from caseterm.domain.lifecycle.rule import (
    Apply,
    Rule,
    When,
    close_all,
    flag,
    hours,
    need,
    pay,
    row,
)
from caseterm.domain.lifecycle.timecalc import end_of_day

_HOLD_KINDS = (
    MeasureKind.USER_MGMT,
    MeasureKind.VOLUNTARY_REHAB,
    MeasureKind.SUBSTITUTION_TX,
    MeasureKind.COMPULSORY,
    MeasureKind.POST_REHAB,
)


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
    emon = fold.active(MeasureKind.E_MONITORING)
    if emon is not None and emon.phase in {Phase.ACTIVE, Phase.TEMP_REMOVED}:
        # Nobody is e-monitored in prison or a facility: the monitoring pauses and its open
        # violations lapse; after release the device is refitted (M05) to resume it.
        emon.phase = Phase.PAUSED
        emon.marks["paused_by_hold"] = event.occurred_at
        fold.violations.clear()
        fold.done("D17")


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
]
