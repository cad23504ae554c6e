"""Table E, second half: compulsory rehab at the facility.

Assignment, transport, postponement, exemption, suspension, absconding and completion.
"""

from __future__ import annotations

from datetime import timedelta

from caseterm.domain.lifecycle.fold import Fold, LifeEvent
from caseterm.domain.lifecycle.model import (
    CloseReason,
    Flag,
    MeasureKind,
    Phase,
)
from caseterm.domain.lifecycle.payloads_compulsory import (
    CompulsoryFacilityAssigned,
    CompulsorySuspended,
)
from caseterm.domain.lifecycle.rule import (
    Rule,
    complete_rehab,
    flag,
    hours,
    leave_addicts,
    pay,
    row,
    too_early,
)
from caseterm.domain.lifecycle.rules_compulsory import (
    compulsory,
    compulsory_phase,
    limitation_due,
)
from caseterm.domain.lifecycle.timecalc import end_of_day, local_day


def _assign_when(fold: Fold, event: LifeEvent) -> bool:
    return not pay(event, CompulsoryFacilityAssigned).adult_transfer


def _requested_check(fold: Fold, _event: LifeEvent) -> str | None:
    measure = fold.active(MeasureKind.COMPULSORY)
    if measure is None or measure.phase is not Phase.ORDERED:
        return "not_ordered"
    return "facility_already_requested" if "requested_at" in measure.marks else None


def _requested(fold: Fold, event: LifeEvent) -> None:
    """D33 step 2: the director assigns (or asks C04 / C10) within 24 h of the request."""
    measure = compulsory(fold)
    measure.marks["requested_at"] = event.occurred_at
    fold.done("D33", "request")
    fold.due("D33", "assignment", hours(event.occurred_at, 24), measure=measure, event=event)


def _assign(fold: Fold, event: LifeEvent) -> None:
    """D33 steps 3 and 4: the assignment is forwarded (24 h) and the person taken (24 h).

    An assignment recorded without its request closes the request too: it cannot come later.
    """
    measure = compulsory(fold)
    measure.phase = Phase.FACILITY_ASSIGNED
    fold.done("D33")
    fold.due("D33", "forwarding", hours(event.occurred_at, 24), measure=measure, event=event)
    fold.due("D33", "transport", hours(event.occurred_at, 24), measure=measure, event=event)


def _forwarded(fold: Fold, _event: LifeEvent) -> None:
    fold.done("D33", "forwarding")


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
    compulsory(fold).marks["adult_facility"] = True
    fold.done("D38")


def _transport(fold: Fold, event: LifeEvent) -> None:
    measure = compulsory(fold)
    measure.phase, measure.term_start = Phase.IN_FACILITY, event.occurred_at
    flag(measure, Flag.POSTPONED, on=False)
    fold.done("D33")
    fold.done("D36")
    leave_addicts(fold, event.occurred_at, "COMPULSORY_FACILITY")


def _postpone(fold: Fold, event: LifeEvent) -> None:
    measure = compulsory(fold)
    flag(measure, Flag.POSTPONED)
    fold.due(
        "D36",
        measure.id,
        end_of_day(local_day(event.occurred_at) + timedelta(days=30)),
        measure=measure,
        event=event,
    )


def _exempt(fold: Fold, event: LifeEvent) -> None:
    measure = compulsory(fold)
    fold.close(measure, event.occurred_at, CloseReason.EXEMPTED)
    leave_addicts(fold, event.occurred_at, "EXEMPTED")


def _suspend(fold: Fold, event: LifeEvent) -> None:
    measure = compulsory(fold)
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
    measure = compulsory(fold)
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
    measure = compulsory(fold)
    flag(measure, Flag.ABSCONDED)
    measure.marks["absconded_at"] = event.occurred_at


def _absconded(fold: Fold, _event: LifeEvent) -> str | None:
    measure = fold.active(MeasureKind.COMPULSORY)
    return None if measure and Flag.ABSCONDED in measure.flags else "not_absconded"


def _found(fold: Fold, event: LifeEvent) -> None:
    measure = compulsory(fold)
    flag(measure, Flag.ABSCONDED, on=False)
    away = event.occurred_at - measure.marks.pop("absconded_at")
    if measure.phase is Phase.IN_FACILITY:
        measure.excluded += away  # time absconded is not counted (L120 Art 38, 46)
    else:
        measure.marks["limitation_from"] = event.occurred_at  # evasion restarts the limitation
        limitation_due(fold, measure)


def _complete_check(fold: Fold, event: LifeEvent) -> str | None:
    measure = fold.active(MeasureKind.COMPULSORY)
    if measure is None or measure.phase is not Phase.IN_FACILITY:
        return "not_in_facility"
    return "term_not_over" if too_early(measure, event.occurred_at, timedelta(hours=24)) else None


def _complete(fold: Fold, event: LifeEvent) -> None:
    months = 12 if fold.is_minor(event.occurred_at) else 24  # L120 Art 42(1-2)
    complete_rehab(fold, compulsory(fold), event, months)


_HELD = (Phase.ORDERED, Phase.FACILITY_ASSIGNED)


RULES: list[Rule] = [
    row(
        "T46.0",
        "compulsory.facility_requested",
        "The chief asks the provincial police director for a facility (24 h)",
        "L120 38; ND163 106(1)",
        _requested,
        check=_requested_check,
    ),
    row(
        "T46.2",
        "compulsory.assignment_forwarded",
        "The assignment decision is forwarded (24 h)",
        "ND163 106",
        _forwarded,
        check=compulsory_phase(Phase.FACILITY_ASSIGNED, reason="facility_not_assigned"),
    ),
    row(
        "T46.1",
        "compulsory.facility_assigned",
        "Facility assigned by GĐ CAT, C04 or C10",
        "L120 38; ND163 106",
        _assign,
        when=_assign_when,
        check=compulsory_phase(Phase.ORDERED, reason="not_ordered"),
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
        check=compulsory_phase(Phase.FACILITY_ASSIGNED, reason="facility_not_assigned"),
    ),
    row(
        "T49",
        "compulsory.postponed",
        "Postponement by the court",
        "L120 39(1); L120 39(2); ND163 110",
        _postpone,
        check=compulsory_phase(*_HELD, reason="not_ordered"),
    ),
    row(
        "T49.1",
        "compulsory.exempted",
        "Exemption by the court",
        "L120 39(2); L120 39(4); ND163 110",
        _exempt,
        check=compulsory_phase(*_HELD, Phase.IN_FACILITY, reason="not_ordered"),
    ),
    row(
        "T51",
        "compulsory.suspended",
        "Sent home ill (tạm đình chỉ); the time counts",
        "L120 39(3); L120 39(4); ND163 110; ND163 114(2)",
        _suspend,
        check=compulsory_phase(Phase.IN_FACILITY, reason="not_in_facility"),
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
]
