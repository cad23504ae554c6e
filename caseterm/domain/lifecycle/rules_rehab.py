"""Tables B, C and D: addiction determination, registration, voluntary rehab, substitution."""

from __future__ import annotations

from datetime import timedelta

from caseterm.domain.lifecycle.fold import Fold, Intake, LifeEvent
from caseterm.domain.lifecycle.model import (
    CloseReason,
    Measure,
    MeasureKind,
    Phase,
    Regime,
    Register,
    RehabForm,
    regime_at,
)
from caseterm.domain.lifecycle.payloads import (
    AssessmentRequested,
    AssessmentResult,
    RehabDecided,
    RehabPartiallyCompleted,
    RehabRegistered,
    RehabStarted,
    RehabViolation,
    SubstEnrolled,
    SubstTerminated,
)
from caseterm.domain.lifecycle.rule import (
    MIN_REHAB_AGE,
    Rule,
    When,
    calendar_days,
    complete_rehab,
    first_check,
    hours,
    in_phase,
    lawful_months,
    need,
    next_episode,
    open_ground,
    pay,
    registration_hours,
    row,
    too_early,
    working_days,
)

POST_REHAB_MONTHS = 12
R2021_VOLUNTARY_MONTHS = range(6, 13)


def _assessment_open(fold: Fold, _event: LifeEvent) -> str | None:
    return "assessment_pending" if fold.active(MeasureKind.ADDICTION_ASSESSMENT) else None


def _case(*letters: str) -> When:
    return lambda _f, e: pay(e, AssessmentRequested).case in letters


def _open_assessment(fold: Fold, event: LifeEvent) -> None:
    request = pay(event, AssessmentRequested)
    fold.open_measure(MeasureKind.ADDICTION_ASSESSMENT, event, Phase.REQUESTED, case=request.case)


def _t06_check(fold: Fold, event: LifeEvent) -> str | None:
    intake = fold.intake
    if intake is None or intake.phase not in {"VERIFIED", "NOTIFIED"}:
        return "residence_not_verified"
    return "residence_stable" if intake.stable else _assessment_open(fold, event)


def _t06(fold: Fold, event: LifeEvent) -> None:
    _open_assessment(fold, event)
    fold.intake = Intake("ASSESSING", event.occurred_at, event.id, stable=False)


def _t08_2_check(fold: Fold, event: LifeEvent) -> str | None:
    mgmt = fold.active(MeasureKind.USER_MGMT)
    if mgmt is None or "reuse_at" not in mgmt.marks:
        return "no_reuse_detected"
    return _assessment_open(fold, event)


def _t08_2(fold: Fold, event: LifeEvent) -> None:
    _open_assessment(fold, event)
    for key in [k for k in fold.obligations if k.startswith("D07:assessment:")]:
        del fold.obligations[key]


def _t55_check(fold: Fold, event: LifeEvent) -> str | None:
    post = fold.active(MeasureKind.POST_REHAB)
    if post is None or "use_detected_at" not in post.marks:
        return "no_use_in_post_rehab"
    return _assessment_open(fold, event)


def _t18_check(fold: Fold, event: LifeEvent) -> str | None:
    request = pay(event, AssessmentRequested)
    busy = (MeasureKind.USER_MGMT, MeasureKind.VOLUNTARY_REHAB, MeasureKind.COMPULSORY)
    if any(fold.active(kind) for kind in busy) or fold.addicted_at is not None:
        return "already_in_a_measure"
    age = fold.age(event.occurred_at)
    if age is not None and age < MIN_REHAB_AGE:
        return "under_12"
    months = request.certificate_age_months
    if request.case == "b" and months is not None and months <= 6:
        return "certificate_still_valid"
    return _assessment_open(fold, event)


# --- results ---------------------------------------------------------------------------------


def _result(case_letters: set[str], outcome: str) -> When:
    def when(fold: Fold, event: LifeEvent) -> bool:
        assessment = fold.active(MeasureKind.ADDICTION_ASSESSMENT)
        return (
            assessment is not None
            and assessment.case in case_letters
            and pay(event, AssessmentResult).result == outcome
        )

    return when


def _no_assessment(fold: Fold, _event: LifeEvent) -> str | None:
    return None if fold.active(MeasureKind.ADDICTION_ASSESSMENT) else "no_assessment_requested"


def _close_assessment(fold: Fold, event: LifeEvent, reason: CloseReason) -> Measure:
    assessment = need(fold.active(MeasureKind.ADDICTION_ASSESSMENT))
    fold.close(assessment, event.occurred_at, reason)
    return assessment


def _addicted(fold: Fold, event: LifeEvent) -> None:
    """T20 (and T09, T64): the 24 h registration window starts when the person is told."""
    assessment = _close_assessment(fold, event, CloseReason.ADDICTED)
    told = pay(event, AssessmentResult).notified_at
    fold.addicted_at = told
    fold.intake = None
    fold.addicted_marks = {"public_only": assessment.case == "dd"}
    fold.enter(Register.ADDICTS, event.occurred_at, event.id)
    window = registration_hours(regime_at(told))
    fold.due("D09", event.id, hours(told, window), event=event)


def _t07(fold: Fold, event: LifeEvent) -> None:
    _close_assessment(fold, event, CloseReason.NOT_ADDICTED)
    fold.intake = Intake("AWAITING_DECISION", event.occurred_at, event.id, stable=False)
    fold.due("D03", event.id, hours(event.occurred_at, 24), event=event)


def _not_addicted(fold: Fold, event: LifeEvent) -> None:
    _close_assessment(fold, event, CloseReason.NOT_ADDICTED)


def _t56(fold: Fold, event: LifeEvent) -> None:
    _close_assessment(fold, event, CloseReason.ADDICTED)
    post = fold.active(MeasureKind.POST_REHAB)
    if post is not None:
        fold.close(post, event.occurred_at, CloseReason.ADDICTED)
    fold.leave(Register.POST_REHAB, event.occurred_at, "ADDICTED")
    fold.enter(Register.ADDICTS, event.occurred_at, event.id)
    open_ground(fold, "d", event.occurred_at, event=event)


def _relapse(fold: Fold, event: LifeEvent) -> bool:
    assessment = fold.active(MeasureKind.ADDICTION_ASSESSMENT)
    return (
        assessment is not None
        and pay(event, AssessmentResult).result == "ADDICTED"
        and fold.completed_episodes > 0
        and assessment.case in {"a", "b", "c", "dd"}
    )


def _t64(fold: Fold, event: LifeEvent) -> None:
    _addicted(fold, event)
    fold.relapses += 1


# --- registration ----------------------------------------------------------------------------


def _registration_check(fold: Fold, event: LifeEvent) -> str | None:
    form = pay(event, RehabRegistered)
    if fold.active(MeasureKind.COMPULSORY):
        return "compulsory_dossier_open"
    if fold.active(MeasureKind.VOLUNTARY_REHAB) or fold.active(MeasureKind.SUBSTITUTION_TX):
        return "already_in_a_measure"
    if fold.addicted_at is None:
        return "not_determined_addicted"
    return _registration_rules(fold, event, form)


def _registration_rules(fold: Fold, event: LifeEvent, form: RehabRegistered) -> str | None:
    age = fold.age(event.occurred_at)
    if age is not None and age < MIN_REHAB_AGE:
        return "under_12"
    minor = age is not None and age < 18
    if minor and form.registrant == "SELF":
        return "minor_needs_parent"
    if form.form == "REFORMATORY" and not minor:
        return "reformatory_minors_only"
    if fold.addicted_marks.get("public_only") and form.form not in {"PUBLIC", "REFORMATORY"}:
        return "no_residence_public_only"
    return None


def _open_registration(fold: Fold, event: LifeEvent, *, continuation: bool = False) -> None:
    form = pay(event, RehabRegistered)
    fold.addicted_at = None  # registered: the 24 h window is met (the addict list stays)
    fold.done("D09")
    fold.done("D10")
    fold.done("D27")
    if form.form == "SUBSTITUTION":
        fold.open_measure(MeasureKind.SUBSTITUTION_TX, event, Phase.REGISTERED)
    else:
        rehab = fold.open_measure(
            MeasureKind.VOLUNTARY_REHAB, event, Phase.REGISTERED, form=RehabForm(form.form)
        )
        rehab.marks["continuation"] = continuation
        if continuation:
            rehab.episode = fold.started_episodes
            rehab.marks["carried_end"] = fold.carried_end
    fold.due("D11", event.id, hours(event.occurred_at, 24), event=event)


def _t21(fold: Fold, event: LifeEvent) -> None:
    _open_registration(fold, event)


def _t33_1_when(fold: Fold, event: LifeEvent) -> bool:
    return fold.is_open("D27") and pay(event, RehabRegistered).form == "HOME"


def _t33_1(fold: Fold, event: LifeEvent) -> None:
    _open_registration(fold, event, continuation=True)


def _t39_when(fold: Fold, _event: LifeEvent) -> bool:
    subst = fold.active(MeasureKind.SUBSTITUTION_TX)
    return subst is not None and subst.phase is Phase.ACTIVE


def _t39_check(fold: Fold, event: LifeEvent) -> str | None:
    form = pay(event, RehabRegistered)
    if form.form == "SUBSTITUTION":
        return "already_in_substitution"
    return _registration_rules(fold, event, form)


def _t39(fold: Fold, event: LifeEvent) -> None:
    subst = need(fold.active(MeasureKind.SUBSTITUTION_TX))
    fold.close(subst, event.occurred_at, CloseReason.SWITCHED)
    _open_registration(fold, event)


# --- decision and start ----------------------------------------------------------------------


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
    episode = decision.episode or rehab.episode or next_episode(fold)
    if decision.term_months is not None and decision.term_months != lawful_months(episode):
        return "r2026_term_fixed"
    return None


def _decide(fold: Fold, event: LifeEvent) -> None:
    rehab = fold.active(MeasureKind.VOLUNTARY_REHAB)
    decision = pay(event, RehabDecided)
    rehab = need(rehab)
    rehab.regime = regime_at(event.occurred_at)
    rehab.phase = Phase.DECIDED
    rehab.episode = decision.episode or rehab.episode or next_episode(fold)
    if rehab.regime is Regime.R2021:
        rehab.term_months = decision.term_months
    else:
        rehab.term_months = lawful_months(rehab.episode)
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
    if not rehab.marks.get("continuation"):
        fold.started_episodes += 1
    fold.done("D12")
    fold.done("D13")
    provider_notice = pay(event, RehabStarted).provider_notice_at
    if rehab.form in {RehabForm.HOME, RehabForm.PRIVATE} and provider_notice is None:
        fold.due("D21", event.id, hours(event.occurred_at, 24), measure=rehab, event=event)


# --- during voluntary rehab ------------------------------------------------------------------


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


def _in_progress(fold: Fold, _event: LifeEvent) -> str | None:
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
    reason = _in_progress(fold, event)
    if reason:
        return reason
    rehab = need(fold.active(MeasureKind.VOLUNTARY_REHAB))
    return "term_not_over" if too_early(rehab, event.occurred_at, timedelta(hours=24)) else None


def _complete(fold: Fold, event: LifeEvent) -> None:
    rehab = need(fold.active(MeasureKind.VOLUNTARY_REHAB))
    complete_rehab(fold, rehab, event, POST_REHAB_MONTHS)
    if rehab.form is RehabForm.PRIVATE:
        fold.due("D26", event.id, calendar_days(event.occurred_at, 2), event=event)


# --- substitution ----------------------------------------------------------------------------


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
        "T06",
        "assessment.requested",
        "No stable residence: determination (case đ)",
        "L120 31(1)(dd); L120 31(2)",
        _t06,
        when=_case("dd"),
        check=_t06_check,
    ),
    row(
        "T08.2",
        "assessment.requested",
        "Re-use during management: determination (case c)",
        "L120 31(1)(c)",
        _t08_2,
        when=_case("c"),
        check=_t08_2_check,
    ),
    row(
        "T55.1",
        "assessment.requested",
        "Use during post-rehab: determination (case d)",
        "L120 31(1)(d)",
        _open_assessment,
        when=_case("d"),
        check=_t55_check,
    ),
    row(
        "T19",
        "assessment.requested",
        "Deported from abroad for drug use: determination",
        "L120 40(1)",
        _open_assessment,
        when=lambda _f, e: pay(e, AssessmentRequested).deported,
        check=_t18_check,
    ),
    row(
        "T18",
        "assessment.requested",
        "Self-referral or registration without a valid certificate",
        "L120 31(1)(a); L120 31(1)(b)",
        _open_assessment,
        when=_case("a", "b"),
        check=_t18_check,
    ),
    row(
        "T09.1",
        "assessment.result",
        "Re-use and addicted: register within 24 h; stop management",
        "L120 24(5)(a); L120 31(4)",
        _addicted,
        when=_result({"c"}, "ADDICTED"),
    ),
    row(
        "T10",
        "assessment.result",
        "Re-use, not addicted: management continues",
        "L120 31(4)",
        _not_addicted,
        when=_result({"c"}, "NOT_ADDICTED"),
    ),
    row(
        "T07",
        "assessment.result",
        "No stable residence, not addicted: user management",
        "L120 24(6); L120 31(3)(b)",
        _t07,
        when=_result({"dd"}, "NOT_ADDICTED"),
    ),
    row(
        "T56",
        "assessment.result",
        "Addicted during post-rehab: compulsory dossier",
        "L120 35(1)(d); L120 36(1)(d); L120 48(4)(b)",
        _t56,
        when=_result({"d"}, "ADDICTED"),
    ),
    row(
        "T57",
        "assessment.result",
        "Not addicted during post-rehab: post-rehab continues [U]",
        "L120 31(4)",
        _not_addicted,
        when=_result({"d"}, "NOT_ADDICTED"),
    ),
    row(
        "T64",
        "assessment.result",
        "Addicted again after a completed episode: tái nghiện",
        "ND163 4(11); L120 29(1)",
        _t64,
        when=_relapse,
    ),
    row(
        "T20",
        "assessment.result",
        "Addicted: register within 24 h of being told",
        "L120 31(4); L120 31(6); ND163 4(7); ND163 89(1)",
        _addicted,
        when=_result({"a", "b", "dd"}, "ADDICTED"),
        check=_no_assessment,
    ),
    row(
        "T18.1",
        "assessment.result",
        "Not addicted (self-referral or registration)",
        "L120 31(4)",
        _not_addicted,
        when=_result({"a", "b"}, "NOT_ADDICTED"),
        check=_no_assessment,
    ),
    row(
        "T33.1",
        "rehab.registered",
        "After ≥3 stages at a private facility: register at home",
        "L120 32(2)(b); L120 33(4); ND163 94(4)",
        _t33_1,
        when=_t33_1_when,
    ),
    row(
        "T39",
        "rehab.registered",
        "Substitution patient registers for voluntary rehab",
        "ND163 89(3)(c)",
        _t39,
        when=_t39_when,
        check=_t39_check,
    ),
    row(
        "T21",
        "rehab.registered",
        "Registration for voluntary rehab or substitution",
        "ND163 89; ND163 90",
        _t21,
        check=_registration_check,
    ),
    row(
        "T23",
        "rehab.decided",
        "Voluntary rehab decision (Mẫu 22) within 24 h",
        "ND163 91",
        _decide,
        check=first_check(_registered, _decision_check),
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
        "X03",
        "rehab.stage_reported",
        "A rehab stage reported by the provider",
        "L120 29(2); ND163 84",
        _nothing,
        check=_in_progress,
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
        check=_in_progress,
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
