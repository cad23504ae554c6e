"""Table B: addiction determination (the test results that lead to it) and registration."""

from __future__ import annotations

from caseterm.domain.lifecycle.episodes import believed_episode
from caseterm.domain.lifecycle.fold import Fold, Intake, LifeEvent
from caseterm.domain.lifecycle.model import (
    CloseReason,
    Measure,
    MeasureKind,
    Phase,
    Register,
    RehabForm,
    regime_at,
)
from caseterm.domain.lifecycle.payloads_rehab import (
    AssessmentRequested,
    AssessmentResult,
    RehabRegistered,
)
from caseterm.domain.lifecycle.rule import (
    MIN_REHAB_AGE,
    Rule,
    When,
    hours,
    need,
    open_ground,
    pay,
    registration_hours,
    row,
)

POST_REHAB_MONTHS = 12


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
    fold.done("D07", "assessment")


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


def count_relapse(fold: Fold) -> None:
    """Tái nghiện (ND163 Art 4(11)): determined addicted again after completing an episode.

    Whichever way the finding came — re-use under management (T09.1), a test or self-referral
    (T20, T64), post-rehab (T56) — it is one relapse per completed episode.
    """
    if fold.completed_episodes > fold.relapsed_after_episodes:
        fold.relapses += 1
        fold.relapsed_after_episodes = fold.completed_episodes


def _addicted(fold: Fold, event: LifeEvent) -> None:
    """T20 (and T09, T64): the 24 h registration window starts when the person is told."""
    count_relapse(fold)
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
    count_relapse(fold)
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
    _addicted(fold, event)  # counts the relapse


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
            # The episode it continues: every rehab that started before it ([U] 16).
            rehab.episode = len(believed_episode(fold, rehab).counted)
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
]
