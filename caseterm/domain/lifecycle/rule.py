"""A row of the transition table, and the effects several rows share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from caseterm.domain.lifecycle.fold import Fold, LifeEvent
from caseterm.domain.lifecycle.model import (
    Cite,
    CloseReason,
    Flag,
    Measure,
    MeasureKind,
    Phase,
    Regime,
    Register,
    cites,
    regime_at,
)
from caseterm.domain.lifecycle.payload_base import Payload
from caseterm.domain.lifecycle.timecalc import (
    add_months,
    after_calendar_days,
    after_hours,
    after_working_days,
    civil_term_end,
    day_off_params,
    end_of_day,
    local_day,
)

When = Callable[[Fold, LifeEvent], bool]
Check = Callable[[Fold, LifeEvent], str | None]
Warn = Callable[[Fold, LifeEvent], dict[str, dict[str, str]]]
"""Cautions an allowed event raises, before it applies: code → the sentence's parameters."""
Apply = Callable[[Fold, LifeEvent], None]
P = TypeVar("P", bound=Payload)


def _always(_fold: Fold, _event: LifeEvent) -> bool:
    return True


def _fine(_fold: Fold, _event: LifeEvent) -> str | None:
    return None


def _quiet(_fold: Fold, _event: LifeEvent) -> dict[str, dict[str, str]]:
    return {}


@dataclass(frozen=True)
class Rule:
    """One row: which event, from which state (`when`), its guard, its effect and the law."""

    id: str
    event: str
    title: str
    basis: tuple[Cite, ...]
    apply: Apply
    when: When = _always
    check: Check = _fine
    warn: Warn = _quiet


def row(
    rule_id: str,
    event: str,
    title: str,
    basis: str,
    apply: Apply,
    *,
    when: When = _always,
    check: Check = _fine,
    warn: Warn = _quiet,
) -> Rule:
    """Build a row with its basis in the compact notation ("L120 35(1)(a); ND163 100")."""
    return Rule(rule_id, event, title, cites(basis) if basis else (), apply, when, check, warn)


class LifecycleBug(RuntimeError):
    """A rule ran in a state its guard should have excluded: a bug, never a user error."""


def pay(event: LifeEvent, kind: type[P]) -> P:
    """The event's payload as its model (the dispatcher only hands a row its own type)."""
    if not isinstance(event.payload, kind):
        raise LifecycleBug(f"{event.type} carries {type(event.payload).__name__}")
    return event.payload


V = TypeVar("V")


def need(value: V | None) -> V:
    """A value the row's guard has already proven present."""
    if value is None:
        raise LifecycleBug("a guarded value is missing")
    return value


def first_check(*checks: Check) -> Check:
    """Run guards in order; the first refusal wins."""

    def run(fold: Fold, event: LifeEvent) -> str | None:
        for check in checks:
            reason = check(fold, event)
            if reason:
                return reason
        return None

    return run


# --- clocks ----------------------------------------------------------------------------------


def hours(moment: datetime, count: int) -> datetime:
    """`count` hours after a moment."""
    return after_hours(moment, count)


def working_days(fold: Fold, moment: datetime, count: int) -> datetime:
    """`count` working days after a moment, on the fold's calendar."""
    return after_working_days(moment, count, fold.calendar)


def calendar_days(moment: datetime, count: int) -> datetime:
    """`count` calendar days after a moment."""
    return after_calendar_days(moment, count)


# --- shared effects --------------------------------------------------------------------------

MIN_REHAB_AGE = 12
"""Rehab measures exist only from 12 (L120 Art 28, 30, 36)."""


def open_ground(
    fold: Fold, ground: str, at: datetime, *, event: LifeEvent | None, code: str = "D28"
) -> Measure | None:
    """A compulsory ground is found: the dossier stage opens (S10) with its two clocks.

    `code` is D10 when the ground is a missed registration, D28 otherwise. An adult exempt under
    L120 Art 35(2) (T41.2) is not subject to compulsory rehab: nothing opens while it holds.
    """
    if fold.exempt(at) and not fold.is_minor(at):
        return None
    measure = fold.active(MeasureKind.COMPULSORY)
    if measure is None:
        measure = Measure(
            id=event.id if event else f"ground-{ground}-{at.isoformat()}",
            kind=MeasureKind.COMPULSORY,
            regime=regime_at(at),
            phase=Phase.DOSSIER,
            opened_at=at,
            case=ground,
        )
        fold.adopt(measure)
    measure.marks["last_violation_at"] = at
    fold.addicted_at = None  # the registration window is over: the dossier replaces it
    fold.done("D09")
    fold.due(code, measure.id, working_days(fold, at, 1), measure=measure, event=event)
    limitation = limitation_end(measure)
    fold.due(
        "D29",
        measure.id,
        limitation,
        measure=measure,
        visible_from=limitation - timedelta(days=31),
    )
    return measure


def limitation_end(measure: Measure) -> datetime:
    """3 months from the last violation, restarted by evasion (L120 Art 35(4))."""
    end = counted_limitation_end(measure)
    return end if measure.calendar is None else civil_term_end(end, measure.calendar)


def counted_limitation_end(measure: Measure) -> datetime:
    """The limitation's end as counted, before a day-off move (Civil Code Art 148(5))."""
    start: datetime = measure.marks.get("limitation_from") or measure.marks["last_violation_at"]
    return end_of_day(add_months(local_day(start), 3))


def limitation_params(measure: Measure) -> dict[str, str]:
    """What D29's text says of a limitation ending on a day off."""
    if measure.calendar is None:
        return {}
    return day_off_params(counted_limitation_end(measure), measure.calendar)


def open_post_rehab(
    fold: Fold, at: datetime, months: int, source: Measure, event: LifeEvent
) -> None:
    """Rehab or treatment completed: post-rehab runs from the completion date (L120 Art 42)."""
    decided = source.marks.get("postrehab_decision")
    post = fold.open_measure(
        MeasureKind.POST_REHAB,
        event,
        Phase.ACTIVE if decided else Phase.AWAITING_DECISION,
        term_start=at,
        term_months=months,
    )
    post.marks["source"] = source.kind.value
    post.regime = regime_at(at)
    if decided:
        post.marks["decided_at"] = decided
        fold.enter(Register.POST_REHAB, at, event.id)


def complete_rehab(fold: Fold, measure: Measure, event: LifeEvent, post_months: int) -> None:
    """A rehab or treatment completed: an episode completed, off the addict list, post-rehab."""
    fold.close(measure, event.occurred_at, CloseReason.COMPLETED)
    fold.completed_episodes += 1
    leave_addicts(fold, event.occurred_at, "COMPLETED")
    open_post_rehab(fold, event.occurred_at, post_months, measure, event)


def leave_addicts(fold: Fold, at: datetime, reason: str) -> None:
    """Off the addict list (L120 Art 48(3))."""
    fold.addicted_at = None
    fold.leave(Register.ADDICTS, at, reason)


def close_all(fold: Fold, at: datetime, reason: CloseReason) -> None:
    """End every open measure and every register stay (death, declared missing, moving away)."""
    for measure in fold.measures:
        if measure.active:
            fold.close(measure, at, reason)
    for register in Register:
        fold.leave(register, at, reason.value)
    fold.addicted_at = None
    fold.intake = None
    for key in [k for k, d in fold.obligations.items() if d.measure_id is None]:
        if not key.startswith(("D08:", "D20:")):
            del fold.obligations[key]


def decision_sent(fold: Fold, event: LifeEvent, measure: Measure | None) -> None:
    """A decision must reach its recipients within 24 h (D04) unless it already has."""
    sent = getattr(event.payload, "sent_at", None)
    if sent is None:
        fold.due("D04", event.id, hours(event.occurred_at, 24), measure=measure, event=event)


def registration_hours(regime: Regime) -> int:
    """Hours to register after being told of addiction: 24 h (R2026), 5 days (R2021 [U] 5)."""
    return 24 if regime is Regime.R2026 else 5 * 24


def flag(measure: Measure | None, name: Flag, on: bool = True) -> None:
    """Set or clear a flag on a measure that may be absent."""
    if measure is None:
        return
    if on:
        measure.flags.add(name)
    else:
        measure.flags.discard(name)


def kinds_active(fold: Fold, *kinds: MeasureKind) -> bool:
    """True when any of the kinds has an open measure."""
    return any(fold.active(kind) for kind in kinds)


def in_phase(kind: MeasureKind, *phases: Phase, reason: str) -> Check:
    """A guard: the running measure of `kind` is in one of `phases`, else refuse with `reason`."""

    def check(fold: Fold, _event: LifeEvent) -> str | None:
        measure = fold.active(kind)
        return None if measure and measure.phase in phases else reason

    return check


def too_early(measure: Measure, moment: datetime, window: timedelta) -> bool:
    """True when `moment` is before the last `window` of the measure's term (completions).

    Counted without a day-off move: Civil Code Art 148(5) lets a term that ends on a day off run
    to the next working day, it does not forbid ending it on the day counted.
    """
    end = measure.counted_term_end()
    return end is not None and moment < end - window
