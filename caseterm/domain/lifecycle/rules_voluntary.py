"""Table C: voluntary rehab — the decision, the start, and what happens during it."""

from __future__ import annotations

from datetime import timedelta

from caseterm.domain.lifecycle.episodes import (
    R2026_TERMS,
    REHAB_MONTHS_FIRST,
    REHAB_MONTHS_LATER,
    believed_episode,
)
from caseterm.domain.lifecycle.fold import Fold, LifeEvent
from caseterm.domain.lifecycle.model import (
    CloseReason,
    Measure,
    MeasureKind,
    Phase,
    Regime,
    RehabForm,
    regime_at,
)
from caseterm.domain.lifecycle.payloads_rehab import (
    RehabDecided,
    RehabPartiallyCompleted,
    RehabStarted,
    RehabViolation,
)
from caseterm.domain.lifecycle.rule import (
    Rule,
    When,
    calendar_days,
    complete_rehab,
    first_check,
    hours,
    in_phase,
    need,
    open_ground,
    pay,
    row,
    too_early,
    working_days,
)
from caseterm.domain.lifecycle.rules_determination import POST_REHAB_MONTHS

R2021_VOLUNTARY_MONTHS = range(6, 13)


def _registered(fold: Fold, _event: LifeEvent) -> str | None:
    rehab = fold.active(MeasureKind.VOLUNTARY_REHAB)
    return None if rehab and rehab.phase is Phase.REGISTERED else "not_registered"


def _decision_check(fold: Fold, event: LifeEvent) -> str | None:
    rehab = fold.active(MeasureKind.VOLUNTARY_REHAB)
    decision = pay(event, RehabDecided)
    rehab = need(rehab)
    if rehab.form is None:
        return "form_differs_from_registration"
    if decision.form != rehab.form.value:
        return "form_differs_from_registration"
    if regime_at(event.occurred_at) is Regime.R2021:
        if decision.term_months not in R2021_VOLUNTARY_MONTHS:
            return "r2021_term_range"
        return None
    if decision.term_months is not None and decision.term_months not in R2026_TERMS:
        return "r2026_term_fixed"
    return None


def _stated_episode(fold: Fold, decision: RehabDecided, rehab: Measure) -> int:
    """The episode the decision stands on: stated, carried by a continuation, else believed."""
    return decision.episode or rehab.episode or believed_episode(fold, rehab).number


def _stated_months(decision: RehabDecided, episode: int) -> int:
    """The R2026 term: the one the decision states, else the one its episode implies."""
    if decision.term_months is not None:
        return decision.term_months
    return REHAB_MONTHS_FIRST if episode == 1 else REHAB_MONTHS_LATER


def _term_warning(fold: Fold, event: LifeEvent) -> dict[str, dict[str, str]]:
    """T23 [U] 16: the decision's episode and term stand; a disagreement is a chief's caution."""
    rehab = need(fold.active(MeasureKind.VOLUNTARY_REHAB))
    decision = pay(event, RehabDecided)
    if regime_at(event.occurred_at) is not Regime.R2026 or rehab.episode is not None:
        return {}  # a continuation carries its episode; an R2021 term has its own range
    belief = believed_episode(fold, rehab)
    months = _stated_months(decision, _stated_episode(fold, decision, rehab))
    if months != belief.months or (decision.episode and decision.episode != belief.number):
        return {"decision_term_differs": belief.params(months)}
    return {}


def _decide(fold: Fold, event: LifeEvent) -> None:
    rehab = fold.active(MeasureKind.VOLUNTARY_REHAB)
    decision = pay(event, RehabDecided)
    rehab = need(rehab)
    rehab.regime = regime_at(event.occurred_at)
    rehab.phase = Phase.DECIDED
    rehab.episode = _stated_episode(fold, decision, rehab)
    if rehab.regime is Regime.R2021:
        rehab.term_months = decision.term_months
    else:
        rehab.term_months = _stated_months(decision, rehab.episode)
    rehab.marks["decided_at"] = event.occurred_at
    fold.done("D11")
    if rehab.form in {RehabForm.PUBLIC, RehabForm.REFORMATORY}:
        fold.due("D13", "request", hours(event.occurred_at, 24), measure=rehab, event=event)
    else:
        fold.due(
            "D12", event.id, working_days(fold, event.occurred_at, 2), measure=rehab, event=event
        )
    if rehab.form is RehabForm.HOME:
        _emon_due(fold, event, rehab)


def _emon_due(fold: Fold, event: LifeEvent, basis: Measure) -> None:
    """D14: an adult in home rehab, substitution or post-rehab gets an e-monitoring decision."""
    if regime_at(event.occurred_at) is Regime.R2026 and not fold.is_minor(event.occurred_at):
        fold.due("D14", basis.id, hours(event.occurred_at, 12), event=event)


def _facility_requested(fold: Fold, event: LifeEvent) -> None:
    rehab = need(fold.active(MeasureKind.VOLUNTARY_REHAB))
    rehab.phase = Phase.FACILITY_REQUESTED
    fold.done("D13")
    fold.due("D13", "assignment", hours(event.occurred_at, 24), measure=rehab, event=event)


def _facility_assigned(fold: Fold, event: LifeEvent) -> None:
    rehab = need(fold.active(MeasureKind.VOLUNTARY_REHAB))
    rehab.phase = Phase.FACILITY_ASSIGNED
    fold.done("D13")
    fold.due("D13", "transport", hours(event.occurred_at, 24), measure=rehab, event=event)


def _form_is(*forms: RehabForm) -> When:
    def when(fold: Fold, _event: LifeEvent) -> bool:
        rehab = fold.active(MeasureKind.VOLUNTARY_REHAB)
        return rehab is not None and rehab.form in forms

    return when


def _start(fold: Fold, event: LifeEvent) -> None:
    rehab = need(fold.active(MeasureKind.VOLUNTARY_REHAB))
    rehab.phase, rehab.term_start = Phase.IN_PROGRESS, event.occurred_at
    if rehab.marks.get("continuation") and "carried_end" in rehab.marks:
        rehab.fixed_end = rehab.marks["carried_end"]
    fold.done("D12")
    fold.done("D13")
    provider_notice = pay(event, RehabStarted).provider_notice_at
    if rehab.form in {RehabForm.HOME, RehabForm.PRIVATE} and provider_notice is None:
        fold.due("D21", event.id, hours(event.occurred_at, 24), measure=rehab, event=event)


def _home_or_subst(fold: Fold, _event: LifeEvent) -> str | None:
    rehab = fold.active(MeasureKind.VOLUNTARY_REHAB)
    subst = fold.active(MeasureKind.SUBSTITUTION_TX)
    if rehab and rehab.phase is Phase.IN_PROGRESS and rehab.form is RehabForm.HOME:
        return None
    if subst and subst.phase is Phase.ACTIVE:
        return None
    return "not_in_home_rehab_or_substitution"


def _violation_measure(fold: Fold) -> Measure:
    rehab = fold.active(MeasureKind.VOLUNTARY_REHAB)
    if rehab and rehab.phase is Phase.IN_PROGRESS:
        return rehab
    subst = need(fold.active(MeasureKind.SUBSTITUTION_TX))
    return subst


def _violation(fold: Fold, event: LifeEvent) -> None:
    """L120 Art 47(3–4): after a giáo dục tại xã act any further violation, or a 3rd other one."""
    measure = _violation_measure(fold)
    kind = pay(event, RehabViolation).kind
    counters = measure.counters
    before_act = counters.get("COMMUNE_EDUCATION_ACT", 0)
    counters[kind] = counters.get(kind, 0) + 1
    if (before_act >= 1) or (kind == "OTHER" and counters["OTHER"] >= 3):
        _escalate(fold, event, measure, "dd")


def _escalate(fold: Fold, event: LifeEvent, measure: Measure, ground: str) -> None:
    fold.close(measure, event.occurred_at, CloseReason.TERMINATED_VIOLATION)
    open_ground(fold, ground, event.occurred_at, event=event)


def in_progress(fold: Fold, _event: LifeEvent) -> str | None:
    """Refused unless a voluntary rehab is in progress (its phase IN_PROGRESS)."""
    rehab = fold.active(MeasureKind.VOLUNTARY_REHAB)
    return None if rehab and rehab.phase is Phase.IN_PROGRESS else "not_in_voluntary_rehab"


def _self_terminated(fold: Fold, event: LifeEvent) -> None:
    rehab = need(fold.active(MeasureKind.VOLUNTARY_REHAB))
    fold.close(rehab, event.occurred_at, CloseReason.SELF_TERMINATED)
    open_ground(fold, "a", event.occurred_at, event=event)


def _partial_check(fold: Fold, event: LifeEvent) -> str | None:
    rehab = fold.active(MeasureKind.VOLUNTARY_REHAB)
    if rehab is None or rehab.phase is not Phase.IN_PROGRESS or rehab.form is not RehabForm.PRIVATE:
        return "not_in_private_facility"
    return (
        None if pay(event, RehabPartiallyCompleted).stages_completed >= 3 else "fewer_than_3_stages"
    )


def _partial(fold: Fold, event: LifeEvent) -> None:
    rehab = need(fold.active(MeasureKind.VOLUNTARY_REHAB))
    carried = rehab.term_end()
    fold.close(rehab, event.occurred_at, CloseReason.SWITCHED)
    fold.carried_end = carried
    fold.due("D27", event.id, calendar_days(event.occurred_at, 2), event=event)


def _notice_check(fold: Fold, _event: LifeEvent) -> str | None:
    rehab = fold.active(MeasureKind.VOLUNTARY_REHAB)
    compulsory = fold.active(MeasureKind.COMPULSORY)
    if rehab and rehab.phase is Phase.IN_PROGRESS:
        return None
    if compulsory and compulsory.phase is Phase.IN_FACILITY:
        return None
    return "not_in_rehab"


def _notice(fold: Fold, event: LifeEvent) -> None:
    measure = need(fold.active(MeasureKind.VOLUNTARY_REHAB) or fold.active(MeasureKind.COMPULSORY))
    measure.marks["notice_at"] = event.occurred_at
    fold.done("D22")
    fold.done("D34")
    fold.due(
        "D23", measure.id, working_days(fold, event.occurred_at, 2), measure=measure, event=event
    )


def _complete_check(fold: Fold, event: LifeEvent) -> str | None:
    reason = in_progress(fold, event)
    if reason:
        return reason
    rehab = need(fold.active(MeasureKind.VOLUNTARY_REHAB))
    return "term_not_over" if too_early(rehab, event.occurred_at, timedelta(hours=24)) else None


def _complete(fold: Fold, event: LifeEvent) -> None:
    rehab = need(fold.active(MeasureKind.VOLUNTARY_REHAB))
    complete_rehab(fold, rehab, event, POST_REHAB_MONTHS)
    if rehab.form is RehabForm.PRIVATE:
        fold.due("D26", event.id, calendar_days(event.occurred_at, 2), event=event)


RULES: list[Rule] = [
    row(
        "T23",
        "rehab.decided",
        "Voluntary rehab decision (Mẫu 22) within 24 h",
        "ND163 91",
        _decide,
        check=first_check(_registered, _decision_check),
        warn=_term_warning,
    ),
    row(
        "T27.1",
        "rehab.facility_requested",
        "Public facility: request to the provincial director",
        "ND163 95",
        _facility_requested,
        check=in_phase(MeasureKind.VOLUNTARY_REHAB, Phase.DECIDED, reason="not_decided"),
    ),
    row(
        "T27.2",
        "rehab.facility_assigned",
        "Public facility: facility assigned",
        "ND163 95; L120 38(5)",
        _facility_assigned,
        check=in_phase(
            MeasureKind.VOLUNTARY_REHAB, Phase.FACILITY_REQUESTED, reason="facility_not_requested"
        ),
    ),
    row(
        "T25",
        "rehab.started",
        "Home rehab starts at the reception record (Mẫu 24)",
        "L120 29(1); L120 32(2)(a); ND163 92(1)",
        _start,
        when=_form_is(RehabForm.HOME),
        check=in_phase(MeasureKind.VOLUNTARY_REHAB, Phase.DECIDED, reason="not_decided"),
    ),
    row(
        "T26",
        "rehab.started",
        "Private facility: the term starts at its reception record",
        "L120 33(2); ND163 92(2)",
        _start,
        when=_form_is(RehabForm.PRIVATE),
        check=in_phase(MeasureKind.VOLUNTARY_REHAB, Phase.DECIDED, reason="not_decided"),
    ),
    row(
        "T27",
        "rehab.started",
        "Public facility or reformatory: handover (Mẫu 31)",
        "L120 34; L120 38(5); ND163 95; ND163 96",
        _start,
        when=_form_is(RehabForm.PUBLIC, RehabForm.REFORMATORY),
        check=in_phase(
            MeasureKind.VOLUNTARY_REHAB, Phase.FACILITY_ASSIGNED, reason="facility_not_assigned"
        ),
    ),
    row(
        "T31",
        "rehab.violation",
        "A giáo dục tại xã act: kiểm điểm; any further one → compulsory",
        "L120 47(3)",
        _violation,
        when=lambda _f, e: pay(e, RehabViolation).kind != "OTHER",
        check=_home_or_subst,
    ),
    row(
        "T32",
        "rehab.violation",
        "Other violations: reminder, kiểm điểm, the 3rd → compulsory",
        "L120 47(4)",
        _violation,
        check=_home_or_subst,
    ),
    row(
        "T29",
        "rehab.self_terminated",
        "Self-termination: compulsory ground a",
        "L120 33(5); L120 35(1)(a); ND163 4(9)",
        _self_terminated,
        check=in_progress,
    ),
    row(
        "T33",
        "rehab.partially_completed",
        "≥3 stages at a private facility, leaves early",
        "L120 30(1)(d); L120 33(4); ND163 94(4)",
        _partial,
        check=_partial_check,
    ),
    row(
        "T34.1",
        "completion.notice_received",
        "Pre-completion notice Mẫu 51 received",
        "ND163 93(2); ND163 94(2); ND163 97(1); ND163 123(1)",
        _notice,
        check=_notice_check,
    ),
    row(
        "T34",
        "rehab.completed",
        "Home rehab complete: certificate Mẫu 28, post-rehab 1 year",
        "L120 32(5)(c); L120 42(1); ND163 93; ND163 134",
        _complete,
        when=_form_is(RehabForm.HOME),
        check=_complete_check,
    ),
    row(
        "T35",
        "rehab.completed",
        "Private facility complete: Mẫu 30, present within 2 days",
        "L120 33(3); ND163 94",
        _complete,
        when=_form_is(RehabForm.PRIVATE),
        check=_complete_check,
    ),
    row(
        "T36",
        "rehab.completed",
        "Public facility complete: Mẫu 30, post-rehab 1 year",
        "ND163 97",
        _complete,
        check=_complete_check,
    ),
]
