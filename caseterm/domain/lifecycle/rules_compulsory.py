"""Table E, first half: compulsory rehab's grounds, dossier, court and order."""

from __future__ import annotations

from datetime import timedelta

from caseterm.domain.lifecycle.episodes import R2026_TERMS, believed_episode
from caseterm.domain.lifecycle.fold import Fold, LifeEvent
from caseterm.domain.lifecycle.model import (
    CloseReason,
    Measure,
    MeasureKind,
    Phase,
    Regime,
    Register,
    regime_at,
)
from caseterm.domain.lifecycle.payloads_compulsory import (
    CompulsoryCourtDecided,
    CompulsoryExemptionFound,
    CompulsoryGroundFound,
    CompulsoryRecordMade,
)
from caseterm.domain.lifecycle.rule import (
    MIN_REHAB_AGE,
    Check,
    Rule,
    hours,
    in_phase,
    limitation_end,
    limitation_params,
    need,
    open_ground,
    pay,
    row,
    working_days,
)
from caseterm.domain.lifecycle.timecalc import local_day

R2021_ADULT_MONTHS = range(12, 25)


R2021_MINOR_MONTHS = range(6, 13)
_DOSSIER_PHASES = frozenset({Phase.DOSSIER, Phase.READING, Phase.AT_COURT})


def compulsory(fold: Fold) -> Measure:
    """The compulsory measure running now (the table's `when` has made sure there is one)."""
    measure = need(fold.active(MeasureKind.COMPULSORY))
    return measure


def compulsory_phase(*phases: Phase, reason: str) -> Check:
    """Refused with `reason` unless the compulsory measure is in one of `phases`."""
    return in_phase(MeasureKind.COMPULSORY, *phases, reason=reason)


def _ground_check(fold: Fold, event: LifeEvent) -> str | None:
    ground = pay(event, CompulsoryGroundFound)
    age = fold.age(event.occurred_at)
    if age is not None and age < MIN_REHAB_AGE:
        return "under_12"
    adult = age is None or age >= 18
    exempt = ground.no_capacity or ground.pregnant or ground.carer_of_child_under_36_months
    if adult and (exempt or fold.exempt(event.occurred_at)):
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
    measure = fold.active(MeasureKind.COMPULSORY) or need(
        open_ground(fold, ground.ground, event.occurred_at, event=event)
    )
    measure.case = ground.ground
    measure.marks["last_violation_at"] = ground.last_violation_at
    measure.marks["ground_recorded"] = True
    measure.marks["screened"] = ground.screened() or fold.is_minor(event.occurred_at)
    limitation_due(fold, measure)


def _exemption_check(fold: Fold, event: LifeEvent) -> str | None:
    if fold.is_minor(event.occurred_at):
        return "exemption_adults_only"  # L120 Art 36 lists no such exemption for minors
    if fold.exempt(event.occurred_at):
        return "already_exempt"
    measure = fold.active(MeasureKind.COMPULSORY)
    if measure is not None and measure.phase not in _DOSSIER_PHASES:
        return "compulsory_already_running"
    return None


def _exemption(fold: Fold, event: LifeEvent) -> None:
    """T41.2: the dossier path ends; its deadlines close; no ground opens while it holds."""
    found = pay(event, CompulsoryExemptionFound)
    fold.exemption = (found.reason, found.until)
    measure = fold.active(MeasureKind.COMPULSORY)
    if measure is not None:
        fold.close(measure, event.occurred_at, CloseReason.EXEMPT_PERSON)
    fold.done("D10")
    fold.done("D28")


def _custody_check(fold: Fold, event: LifeEvent) -> str | None:
    """T41.1: custody needs a recorded ground whose exemption screen was answered."""
    measure = fold.active(MeasureKind.COMPULSORY)
    if measure is None or measure.phase not in _DOSSIER_PHASES:
        return "no_dossier"
    if fold.exempt(event.occurred_at):
        return "adult_exempt"
    if not measure.marks.get("ground_recorded"):
        return "ground_not_recorded"
    if not measure.marks.get("screened"):
        return "exemption_not_screened"
    return None


def limitation_due(fold: Fold, measure: Measure) -> None:
    """D29: the 3-month limitation of a compulsory dossier, shown a month ahead."""
    end, moved = limitation_end(measure), limitation_params(measure)
    early = end - timedelta(days=31)
    fold.due("D29", measure.id, end, measure=measure, visible_from=early, params=moved)


def _custody(fold: Fold, event: LifeEvent) -> None:
    measure = compulsory(fold)
    measure.marks["custody_at"] = event.occurred_at
    fold.done("D10")
    fold.done("D28")


def _notified(fold: Fold, event: LifeEvent) -> None:
    measure = compulsory(fold)
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
    measure = compulsory(fold)
    measure.phase = Phase.AT_COURT
    fold.done("D30")
    fold.done("D31")


def _query(fold: Fold, event: LifeEvent) -> None:
    measure = compulsory(fold)
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
        return None if months is None or months in R2026_TERMS else "r2026_term_fixed"
    allowed = R2021_MINOR_MONTHS if fold.is_minor(event.occurred_at) else R2021_ADULT_MONTHS
    return None if months in allowed else "r2021_term_range"


def _term_warning(fold: Fold, event: LifeEvent) -> dict[str, dict[str, str]]:
    """T46 [U] 16: the court's term stands; the engine says when it would have said otherwise."""
    if regime_at(event.occurred_at) is not Regime.R2026:
        return {}
    months = pay(event, CompulsoryCourtDecided).term_months
    belief = believed_episode(fold)
    if months is None:  # a first episode's 24 months is beyond doubt; a later one's 36 is not
        return {"court_term_not_stated": belief.params(None)} if belief.counted else {}
    if months != belief.months:
        return {"court_term_differs": belief.params(months)}
    return {}


def _order(fold: Fold, event: LifeEvent) -> None:
    measure = compulsory(fold)
    decided = pay(event, CompulsoryCourtDecided)
    belief = believed_episode(fold)
    measure.phase = Phase.ORDERED
    measure.regime = regime_at(event.occurred_at)
    measure.episode = belief.number
    # The court's figure is the term; the engine's belief fills in only a term left unstated.
    measure.term_months = decided.term_months or belief.months
    custody = measure.marks.get("custody_at")
    if custody is not None:  # custody while the dossier was built is deducted (L120 Art 37)
        measure.deducted = event.occurred_at - custody
    measure.marks["ordered_at"] = event.occurred_at
    fold.done("D29")
    # D33, step 1 (ND163 Art 106(1)): the chief's request to the provincial police director.
    fold.due("D33", "request", hours(event.occurred_at, 24), measure=measure, event=event)


def _reject(fold: Fold, event: LifeEvent) -> None:
    measure = compulsory(fold)
    fold.close(measure, event.occurred_at, CloseReason.COURT_REJECTED)
    # [U] 14: the person stays on the addict list and must register for voluntary rehab.
    fold.addicted_at = event.occurred_at
    fold.enter(Register.ADDICTS, event.occurred_at, event.id)
    fold.due("D09", event.id, hours(event.occurred_at, 24), event=event)


def _record_check(fold: Fold, event: LifeEvent) -> str | None:
    """A record belongs to a dossier being built; the minors' records to a minor's."""
    measure = fold.active(MeasureKind.COMPULSORY)
    if measure is None or measure.phase not in _DOSSIER_PHASES:
        return "no_dossier"
    kind = pay(event, CompulsoryRecordMade).kind
    if kind != "ORAL_STATEMENT" and not fold.is_minor(event.occurred_at):
        return "not_a_minor"
    return None


def _record_made(_fold: Fold, _event: LifeEvent) -> None:
    """The record goes into the dossier; it changes no phase and opens no duty."""


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
        check=_custody_check,
    ),
    row(
        "T41.2",
        "compulsory.exemption_found",
        "An adult exempt from compulsory rehab: the dossier path closes",
        "L120 35(2)",
        _exemption,
        check=_exemption_check,
    ),
    row(
        "T42",
        "compulsory.dossier_notified",
        "Dossier notified: 3 working days to read it",
        "L120 35(3)(c); L120 36(2)(c); ND163 102; ND163 105",
        _notified,
        check=compulsory_phase(Phase.DOSSIER, reason="no_dossier"),
    ),
    row(
        "T42.1",
        "compulsory.record_made",
        "A record of the dossier: a statement, a minor's missing statement, a refused notice",
        "ND163 104; ND163 105",
        _record_made,
        check=_record_check,
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
        check=compulsory_phase(Phase.AT_COURT, reason="not_at_court"),
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
        warn=_term_warning,
    ),
    row(
        "T47",
        "compulsory.court_decided",
        "Court rejects: the person stays on the addict list [U]",
        "L120 35(8)",
        _reject,
        check=compulsory_phase(Phase.AT_COURT, reason="not_at_court"),
    ),
]
