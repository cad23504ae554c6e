"""Tables E and F: compulsory rehab (T41–T53) and post-rehab management (T54–T61)."""

from __future__ import annotations

from datetime import timedelta

from caseterm.domain.lifecycle.fold import Fold, LifeEvent
from caseterm.domain.lifecycle.model import (
    CloseReason,
    Flag,
    Measure,
    MeasureKind,
    Phase,
    Regime,
    Register,
    regime_at,
)
from caseterm.domain.lifecycle.payloads import (
    CompulsoryCourtDecided,
    CompulsoryFacilityAssigned,
    CompulsoryGroundFound,
    CompulsorySuspended,
    PostRehabDecided,
)
from caseterm.domain.lifecycle.rule import (
    MIN_REHAB_AGE,
    Check,
    Rule,
    complete_rehab,
    flag,
    hours,
    in_phase,
    lawful_months,
    leave_addicts,
    limitation_end,
    need,
    next_episode,
    open_ground,
    pay,
    row,
    too_early,
    working_days,
)
from caseterm.domain.lifecycle.timecalc import end_of_day, local_day

R2021_ADULT_MONTHS = range(12, 25)
R2021_MINOR_MONTHS = range(6, 13)


def _compulsory(fold: Fold) -> Measure:
    measure = need(fold.active(MeasureKind.COMPULSORY))
    return measure


def _in_phase(*phases: Phase, reason: str) -> Check:
    return in_phase(MeasureKind.COMPULSORY, *phases, reason=reason)


def _ground_check(fold: Fold, event: LifeEvent) -> str | None:
    ground = pay(event, CompulsoryGroundFound)
    age = fold.age(event.occurred_at)
    if age is not None and age < MIN_REHAB_AGE:
        return "under_12"
    adult = age is None or age >= 18
    exempt = ground.no_capacity or ground.pregnant or ground.carer_of_child_under_36_months
    if adult and exempt:
        return "adult_exempt"
    measure = fold.active(MeasureKind.COMPULSORY)
    if measure and measure.phase is not Phase.DOSSIER:
        return "compulsory_already_running"
    if ground.last_violation_at > event.occurred_at:
        return "violation_after_finding"
    if ground.ground == "a" and fold.is_open("D09"):
        return "registration_window_open"
    return None


def _ground(fold: Fold, event: LifeEvent) -> None:
    ground = pay(event, CompulsoryGroundFound)
    # A ground the engine found already (a missed window, a violation): the officer records it.
    measure = fold.active(MeasureKind.COMPULSORY) or open_ground(
        fold, ground.ground, event.occurred_at, event=event
    )
    measure.case = ground.ground
    measure.marks["last_violation_at"] = ground.last_violation_at
    _limitation_due(fold, measure)


def _limitation_due(fold: Fold, measure: Measure) -> None:
    end = limitation_end(measure)
    fold.due("D29", measure.id, end, measure=measure, visible_from=end - timedelta(days=31))


def _custody(fold: Fold, event: LifeEvent) -> None:
    measure = _compulsory(fold)
    measure.marks["custody_at"] = event.occurred_at
    fold.done("D10")
    fold.done("D28")


def _notified(fold: Fold, event: LifeEvent) -> None:
    measure = _compulsory(fold)
    measure.phase = Phase.READING
    reading_end = working_days(fold, event.occurred_at, 3)
    measure.marks["reading_end"] = reading_end
    fold.due("D30", measure.id, reading_end, measure=measure, event=event)
    # The dossier leaves on the working day after the reading period's last day.
    last_moment = reading_end - timedelta(seconds=1)
    fold.due("D31", measure.id, working_days(fold, last_moment, 1), measure=measure, event=event)


def _reading_over(fold: Fold, event: LifeEvent) -> str | None:
    measure = fold.active(MeasureKind.COMPULSORY)
    if measure is None or measure.phase is not Phase.READING:
        return "dossier_not_notified"
    # The reading period is 3 whole working days: the dossier leaves on the day after them.
    if local_day(event.occurred_at) < local_day(measure.marks["reading_end"]):
        return "reading_period_running"
    return None


def _to_court(fold: Fold, event: LifeEvent) -> None:
    measure = _compulsory(fold)
    measure.phase = Phase.AT_COURT
    fold.done("D30")
    fold.done("D31")


def _query(fold: Fold, event: LifeEvent) -> None:
    measure = _compulsory(fold)
    fold.due(
        "D32", event.id, working_days(fold, event.occurred_at, 2), measure=measure, event=event
    )


def _query_open(fold: Fold, _event: LifeEvent) -> str | None:
    return None if fold.is_open("D32") else "no_court_query"


def _answered(fold: Fold, _event: LifeEvent) -> None:
    oldest = min((d for d in fold.obligations.values() if d.code == "D32"), key=lambda d: d.due_at)
    fold.done("D32", oldest.key.split(":", 1)[1])


def _ordered(fold: Fold, event: LifeEvent) -> bool:
    return pay(event, CompulsoryCourtDecided).outcome == "ORDERED"


def _term_check(fold: Fold, event: LifeEvent) -> str | None:
    measure = fold.active(MeasureKind.COMPULSORY)
    if measure is None or measure.phase is not Phase.AT_COURT:
        return "not_at_court"
    months = pay(event, CompulsoryCourtDecided).term_months
    if regime_at(event.occurred_at) is Regime.R2026:
        if months is not None and months != lawful_months(next_episode(fold)):
            return "r2026_term_fixed"
        return None
    allowed = R2021_MINOR_MONTHS if fold.is_minor(event.occurred_at) else R2021_ADULT_MONTHS
    return None if months in allowed else "r2021_term_range"


def _order(fold: Fold, event: LifeEvent) -> None:
    measure = _compulsory(fold)
    decided = pay(event, CompulsoryCourtDecided)
    measure.phase = Phase.ORDERED
    measure.regime = regime_at(event.occurred_at)
    measure.episode = next_episode(fold)
    measure.term_months = decided.term_months or lawful_months(measure.episode)
    custody = measure.marks.get("custody_at")
    if custody is not None:  # custody while the dossier was built is deducted (L120 Art 37)
        measure.deducted = event.occurred_at - custody
    measure.marks["ordered_at"] = event.occurred_at
    fold.done("D29")
    fold.due("D33", "assignment", hours(event.occurred_at, 48), measure=measure, event=event)


def _reject(fold: Fold, event: LifeEvent) -> None:
    measure = _compulsory(fold)
    fold.close(measure, event.occurred_at, CloseReason.COURT_REJECTED)
    # [U] 14: the person stays on the addict list and must register for voluntary rehab.
    fold.addicted_at = event.occurred_at
    fold.enter(Register.ADDICTS, event.occurred_at, event.id)
    fold.due("D09", event.id, hours(event.occurred_at, 24), event=event)


def _assign_when(fold: Fold, event: LifeEvent) -> bool:
    return not pay(event, CompulsoryFacilityAssigned).adult_transfer


def _assign(fold: Fold, event: LifeEvent) -> None:
    measure = _compulsory(fold)
    measure.phase = Phase.FACILITY_ASSIGNED
    fold.done("D33")
    fold.due("D33", "transport", hours(event.occurred_at, 24), measure=measure, event=event)


def _adult_transfer_check(fold: Fold, event: LifeEvent) -> str | None:
    measure = fold.active(MeasureKind.COMPULSORY)
    if measure is None or measure.phase is not Phase.IN_FACILITY:
        return "not_in_facility"
    if fold.is_minor(event.occurred_at):
        return "not_yet_18"
    end = measure.term_end()
    if end is not None and end - event.occurred_at < timedelta(days=90):
        return "under_3_months_left"
    return None


def _adult_transfer(fold: Fold, event: LifeEvent) -> None:
    _compulsory(fold).marks["adult_facility"] = True
    fold.done("D38")


def _transport(fold: Fold, event: LifeEvent) -> None:
    measure = _compulsory(fold)
    measure.phase, measure.term_start = Phase.IN_FACILITY, event.occurred_at
    flag(measure, Flag.POSTPONED, on=False)
    fold.started_episodes += 1
    fold.done("D33")
    fold.done("D36")
    leave_addicts(fold, event.occurred_at, "COMPULSORY_FACILITY")


def _postpone(fold: Fold, event: LifeEvent) -> None:
    measure = _compulsory(fold)
    flag(measure, Flag.POSTPONED)
    fold.due(
        "D36",
        measure.id,
        end_of_day(local_day(event.occurred_at) + timedelta(days=30)),
        measure=measure,
        event=event,
    )


def _exempt(fold: Fold, event: LifeEvent) -> None:
    measure = _compulsory(fold)
    fold.close(measure, event.occurred_at, CloseReason.EXEMPTED)
    leave_addicts(fold, event.occurred_at, "EXEMPTED")


def _suspend(fold: Fold, event: LifeEvent) -> None:
    measure = _compulsory(fold)
    flag(measure, Flag.SUSPENDED)
    until = pay(event, CompulsorySuspended).until
    end = measure.term_end()
    if until is not None and end is not None and end - end_of_day(until) >= timedelta(days=90):
        fold.due("D37", measure.id, end_of_day(until), measure=measure, event=event)


def _resumable(fold: Fold, _event: LifeEvent) -> str | None:
    measure = fold.active(MeasureKind.COMPULSORY)
    if measure and measure.flags & {Flag.POSTPONED, Flag.SUSPENDED}:
        return None
    return "not_postponed_or_suspended"


def _resume(fold: Fold, event: LifeEvent) -> None:
    measure = _compulsory(fold)
    flag(measure, Flag.POSTPONED, on=False)
    flag(measure, Flag.SUSPENDED, on=False)
    fold.done("D36")
    fold.done("D37")


def _abscond_check(fold: Fold, _event: LifeEvent) -> str | None:
    measure = fold.active(MeasureKind.COMPULSORY)
    if measure is None or Flag.ABSCONDED in measure.flags:
        return "not_held"
    if (
        measure.phase in {Phase.DOSSIER, Phase.READING, Phase.AT_COURT}
        and "custody_at" not in measure.marks
    ):
        return "not_held"
    return None


def _abscond(fold: Fold, event: LifeEvent) -> None:
    measure = _compulsory(fold)
    flag(measure, Flag.ABSCONDED)
    measure.marks["absconded_at"] = event.occurred_at


def _absconded(fold: Fold, _event: LifeEvent) -> str | None:
    measure = fold.active(MeasureKind.COMPULSORY)
    return None if measure and Flag.ABSCONDED in measure.flags else "not_absconded"


def _found(fold: Fold, event: LifeEvent) -> None:
    measure = _compulsory(fold)
    flag(measure, Flag.ABSCONDED, on=False)
    away = event.occurred_at - measure.marks.pop("absconded_at")
    if measure.phase is Phase.IN_FACILITY:
        measure.excluded += away  # time absconded is not counted (L120 Art 38, 46)
    else:
        measure.marks["limitation_from"] = event.occurred_at  # evasion restarts the limitation
        _limitation_due(fold, measure)


def _complete_check(fold: Fold, event: LifeEvent) -> str | None:
    measure = fold.active(MeasureKind.COMPULSORY)
    if measure is None or measure.phase is not Phase.IN_FACILITY:
        return "not_in_facility"
    return "term_not_over" if too_early(measure, event.occurred_at, timedelta(hours=24)) else None


def _complete(fold: Fold, event: LifeEvent) -> None:
    months = 12 if fold.is_minor(event.occurred_at) else 24  # L120 Art 42(1-2)
    complete_rehab(fold, _compulsory(fold), event, months)


# --- post-rehab ------------------------------------------------------------------------------


def _running_rehab(fold: Fold) -> Measure | None:
    for kind, phase in (
        (MeasureKind.VOLUNTARY_REHAB, Phase.IN_PROGRESS),
        (MeasureKind.SUBSTITUTION_TX, Phase.ACTIVE),
        (MeasureKind.COMPULSORY, Phase.IN_FACILITY),
    ):
        measure = fold.active(kind)
        if measure and measure.phase is phase:
            return measure
    return None


def _proposal_check(fold: Fold, _event: LifeEvent) -> str | None:
    post = fold.active(MeasureKind.POST_REHAB)
    if _running_rehab(fold) or (post and post.phase is Phase.AWAITING_DECISION):
        return None
    return "no_rehab_to_follow"


def _propose(fold: Fold, _event: LifeEvent) -> None:
    fold.done("D23")


def _post_decision_check(fold: Fold, _event: LifeEvent) -> str | None:
    post = fold.active(MeasureKind.POST_REHAB)
    if post and post.phase is Phase.AWAITING_DECISION:
        return None
    running = _running_rehab(fold)
    if running is None:
        return "no_rehab_to_follow"
    return "post_rehab_already_decided" if "postrehab_decision" in running.marks else None


def _post_decide(fold: Fold, event: LifeEvent) -> None:
    post = fold.active(MeasureKind.POST_REHAB)
    fold.done("D23")
    fold.done("D24")
    if post and post.phase is Phase.AWAITING_DECISION:
        post.phase = Phase.ACTIVE
        post.marks["decided_at"] = event.occurred_at
        fold.enter(Register.POST_REHAB, event.occurred_at, event.id)
        basis: Measure = post
    else:
        running = need(_running_rehab(fold))
        running.marks["postrehab_decision"] = event.occurred_at
        basis = running
    if regime_at(event.occurred_at) is Regime.R2026 and not fold.is_minor(event.occurred_at):
        fold.due("D14", f"post:{basis.id}", hours(event.occurred_at, 12), event=event)


def _continuation_check(fold: Fold, _event: LifeEvent) -> str | None:
    intake = fold.intake
    return None if intake and intake.phase == "TRANSFER_IN:POST_REHAB" else "no_transfer_in"


def _post_continue(fold: Fold, event: LifeEvent) -> None:
    intake = need(fold.intake)
    post = fold.open_measure(
        MeasureKind.POST_REHAB, event, Phase.ACTIVE, term_start=event.occurred_at
    )
    post.fixed_end = intake.term_end
    fold.intake = None
    fold.done("D03")
    fold.enter(Register.POST_REHAB, event.occurred_at, event.id)


def _post_active(fold: Fold, _event: LifeEvent) -> str | None:
    post = fold.active(MeasureKind.POST_REHAB)
    return None if post and post.phase is Phase.ACTIVE else "not_in_post_rehab"


def _post_complete_check(fold: Fold, event: LifeEvent) -> str | None:
    reason = _post_active(fold, event)
    if reason:
        return reason
    post = need(fold.active(MeasureKind.POST_REHAB))
    # The certificate is due 3 working days before expiry (D35); it may be issued during the
    # term's last month, not before (a policy: the decree sets only the latest day).
    return "term_not_over" if too_early(post, event.occurred_at, timedelta(days=31)) else None


def _post_complete(fold: Fold, event: LifeEvent) -> None:
    post = need(fold.active(MeasureKind.POST_REHAB))
    fold.close(post, event.occurred_at, CloseReason.POST_REHAB_COMPLETED)
    fold.leave(Register.POST_REHAB, event.occurred_at, "COMPLETED")


_HELD = (Phase.ORDERED, Phase.FACILITY_ASSIGNED)

RULES: list[Rule] = [
    row(
        "T41",
        "compulsory.ground_found",
        "A compulsory ground: dossier within 1 working day",
        "L120 35(2); L120 35(3); L120 36(2); L120 37; ND163 98; ND163 100",
        _ground,
        check=_ground_check,
    ),
    row(
        "T41.1",
        "compulsory.custody_decided",
        "Custody while the dossier is built (Mẫu 32)",
        "L120 37; ND163 98; ND163 99",
        _custody,
        check=_in_phase(Phase.DOSSIER, Phase.READING, Phase.AT_COURT, reason="no_dossier"),
    ),
    row(
        "T42",
        "compulsory.dossier_notified",
        "Dossier notified: 3 working days to read it",
        "L120 35(3)(c); L120 36(2)(c); ND163 102; ND163 105",
        _notified,
        check=_in_phase(Phase.DOSSIER, reason="no_dossier"),
    ),
    row(
        "T43",
        "compulsory.sent_to_court",
        "Reading period over: the dossier goes to the court",
        "L120 35(3)(d); ND163 102(4); ND163 105(4)",
        _to_court,
        check=_reading_over,
    ),
    row(
        "T44",
        "compulsory.court_query",
        "The court asks: reply within 2 working days",
        "ND163 102(5); ND163 105(5)",
        _query,
        check=_in_phase(Phase.AT_COURT, reason="not_at_court"),
    ),
    row(
        "T44.1",
        "compulsory.court_query_answered",
        "Reply to the court's query",
        "ND163 102(5)",
        _answered,
        check=_query_open,
    ),
    row(
        "T46",
        "compulsory.court_decided",
        "Court orders compulsory rehab: facility within 24 h",
        "L120 35(8); L120 38; ND163 106",
        _order,
        when=_ordered,
        check=_term_check,
    ),
    row(
        "T47",
        "compulsory.court_decided",
        "Court rejects: the person stays on the addict list [U]",
        "L120 35(8)",
        _reject,
        check=_in_phase(Phase.AT_COURT, reason="not_at_court"),
    ),
    row(
        "T46.1",
        "compulsory.facility_assigned",
        "Facility assigned by GĐ CAT, C04 or C10",
        "L120 38; ND163 106",
        _assign,
        when=_assign_when,
        check=_in_phase(Phase.ORDERED, reason="not_ordered"),
    ),
    row(
        "T52",
        "compulsory.facility_assigned",
        "Turned 18 with ≥3 months left: adult facility",
        "L120 36(4)",
        _adult_transfer,
        check=_adult_transfer_check,
    ),
    row(
        "T48",
        "compulsory.transported",
        "Transported and handed over (Mẫu 42)",
        "ND163 107; ND163 108",
        _transport,
        check=_in_phase(Phase.FACILITY_ASSIGNED, reason="facility_not_assigned"),
    ),
    row(
        "T49",
        "compulsory.postponed",
        "Postponement by the court",
        "L120 39(1); L120 39(2); ND163 110",
        _postpone,
        check=_in_phase(*_HELD, reason="not_ordered"),
    ),
    row(
        "T49.1",
        "compulsory.exempted",
        "Exemption by the court",
        "L120 39(2); L120 39(4); ND163 110",
        _exempt,
        check=_in_phase(*_HELD, Phase.IN_FACILITY, reason="not_ordered"),
    ),
    row(
        "T51",
        "compulsory.suspended",
        "Sent home ill (tạm đình chỉ); the time counts",
        "L120 39(3); L120 39(4); ND163 110; ND163 114(2)",
        _suspend,
        check=_in_phase(Phase.IN_FACILITY, reason="not_in_facility"),
    ),
    row(
        "T49.2",
        "compulsory.resumed",
        "Postponement or suspension ended: execution resumes",
        "L120 39(6)",
        _resume,
        check=_resumable,
    ),
    row(
        "T50",
        "compulsory.absconded",
        "Absconded: a search, the time is not counted",
        "L120 38(2)(d); L120 46(2)(i); ND163 107(4); ND163 109",
        _abscond,
        check=_abscond_check,
    ),
    row(
        "T50.1",
        "compulsory.found",
        "Found or returned",
        "ND163 109",
        _found,
        check=_absconded,
    ),
    row(
        "T53",
        "compulsory.completed",
        "Term complete: post-rehab 2 years (adult) / 1 year (minor)",
        "L120 35(5); L120 36(5); L120 42(1); L120 42(2); ND163 123",
        _complete,
        check=_complete_check,
    ),
    row(
        "T54.1",
        "postrehab.proposed",
        "Post-rehab proposal (Mẫu 52) within 2 working days",
        "ND163 134(1)",
        _propose,
        check=_proposal_check,
    ),
    row(
        "T59.2",
        "postrehab.decided",
        "Destination decision after a move: the term continues",
        "L120 48(2); ND163 136(1)(b)",
        _post_continue,
        when=lambda _f, e: pay(e, PostRehabDecided).continuation,
        check=_continuation_check,
    ),
    row(
        "T54",
        "postrehab.decided",
        "Post-rehab decision (Mẫu 53) by the commune chairman",
        "L120 42; ND163 134; ND163 135; ND163 136",
        _post_decide,
        check=_post_decision_check,
    ),
    row(
        "T61",
        "postrehab.completed",
        "Post-rehab complete: certificate Mẫu 56, off the list",
        "ND163 135(6); ND163 138",
        _post_complete,
        check=_post_complete_check,
    ),
]
