"""Everything derived about a person: one pure function of (events, clock, holiday calendar).

Events are replayed in the order they happened (ties: the order they were recorded). Before each
event, and at the end, the time that passed is applied: missed windows become compulsory grounds,
the limitation runs out. Voided events are skipped; an event that no longer fits after a void is
listed as refused, never silently applied.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from caseterm.domain.lifecycle.checks import missed_months, month_label
from caseterm.domain.lifecycle.fold import Fold, LifeEvent, PersonFacts
from caseterm.domain.lifecycle.model import (
    Caution,
    CloseReason,
    Deadline,
    Flag,
    Measure,
    MeasureKind,
    Phase,
    Refusal,
    Register,
    RegisterSpell,
    Status,
)
from caseterm.domain.lifecycle.payloads_person import EventVoided
from caseterm.domain.lifecycle.periodic import periodic_deadlines
from caseterm.domain.lifecycle.rule import limitation_end, need, open_ground
from caseterm.domain.lifecycle.rules_emonitoring import escalate
from caseterm.domain.lifecycle.status import person_status
from caseterm.domain.lifecycle.table import apply_event
from caseterm.domain.lifecycle.timecalc import (
    WorkCalendar,
    add_months,
    local_day,
    start_of_day,
)

VOID = "event.voided"
Trigger = Callable[[Fold, datetime], None]
"""Something time alone does to a fold at a moment."""
Observer = Callable[[Fold, datetime, LifeEvent | None], None]
"""Called after each applied event (and each change time makes, with no event): the report's
timeline of a person is taken this way, without a second replay."""


@dataclass(frozen=True)
class Derived:
    """A person's lifecycle at one moment."""

    as_of: datetime
    status: Status
    flags: frozenset[str]
    measures: tuple[Measure, ...]
    registers: frozenset[Register]
    spells: tuple[RegisterSpell, ...]
    deadlines: tuple[Deadline, ...]
    """Open deadlines, earliest first (including ones not yet visible)."""
    applied: dict[str, str]
    """Event id → the table row that took it."""
    refused: dict[str, Refusal]
    """Events that no longer fit (after a void): shown to the officer, never applied."""
    voided: dict[str, str]
    """Voided event id → the voiding event id."""
    cautions: dict[str, tuple[Caution, ...]]
    """Event id → the cautions it raised when applied (confirmed by a chief when saved)."""
    last_contact: datetime | None
    released_from_prison: datetime | None
    """The latest release after a prison sentence, if any."""
    reviews: frozenset[int]
    relapses: int
    valid_until: datetime | None
    """The next moment at which this result changes without a new event."""
    last_event_at: datetime | None = None
    """When the latest applied event happened (a closed case's retention counts from it)."""
    missed_checks: tuple[str, ...] = ()
    """Months (YYYY-MM) of user management that ended without a residence check (D05)."""

    def visible_deadlines(self) -> list[Deadline]:
        """The deadlines worth showing at `as_of`."""
        return [d for d in self.deadlines if d.visible_from is None or d.visible_from <= self.as_of]

    def active_measures(self) -> list[Measure]:
        """The measures still running."""
        return [m for m in self.measures if m.active]


def replay_order(events: list[LifeEvent]) -> list[LifeEvent]:
    """The order events are applied in: when they happened, then when they were recorded."""
    return sorted(events, key=lambda e: (e.occurred_at, e.recorded_at or e.occurred_at, e.id))


def derive(
    facts: PersonFacts,
    events: list[LifeEvent],
    calendar: WorkCalendar,
    now: datetime,
    observe: Observer | None = None,
) -> Derived:
    """Replay a person's events and compute status, registers, measures and deadlines at `now`.

    `observe` sees every step of the replay (the report's timeline, `domain.report.trace`).
    """
    replayed = replay(facts, events, calendar, now, observe)
    return _result(replayed, now)


@dataclass(frozen=True)
class Replayed:
    """The working state after a replay, before it is summarised into a `Derived`."""

    fold: Fold
    applied: dict[str, str]
    refused: dict[str, Refusal]
    voided: dict[str, str]
    cautions: dict[str, tuple[Caution, ...]] = field(default_factory=dict)


def replay(
    facts: PersonFacts,
    events: list[LifeEvent],
    calendar: WorkCalendar,
    now: datetime,
    observe: Observer | None = None,
) -> Replayed:
    """Apply the events that happened by `now` (voided ones left out), then time up to `now`.

    `observe`, if given, sees the fold after every applied event and every change by time.
    """
    fold = Fold(facts, calendar)
    voided = {
        e.payload.event: e.id
        for e in events
        if e.type == VOID and isinstance(e.payload, EventVoided)
    }
    applied: dict[str, str] = {}
    refused: dict[str, Refusal] = {}
    cautions: dict[str, tuple[Caution, ...]] = {}
    # An event dated after `now` has not happened yet at `now` (a state asked for in the past).
    happened = [e for e in events if e.type != VOID and e.id not in voided and e.occurred_at <= now]
    for event in replay_order(happened):
        advance(fold, event.occurred_at, observe)
        outcome = apply_event(fold, event)
        if outcome.refusal is not None:
            refused[event.id] = outcome.refusal
            continue
        applied[event.id] = need(outcome.rule)
        if outcome.cautions:
            cautions[event.id] = outcome.cautions
        fold.events[event.id] = event
        if observe is not None:
            observe(fold, event.occurred_at, event)
    advance(fold, now, observe)
    periodic_deadlines(fold, now)
    return Replayed(fold, applied, refused, voided, cautions)


def _result(replayed: Replayed, now: datetime) -> Derived:
    fold = replayed.fold
    flags = {flag.value for m in fold.measures if m.active for flag in m.flags}
    if fold.hold is not None:
        flags.add("X_HOLD")
    if fold.exempt(now):
        flags.add("X_EXEMPT")  # why no dossier opens: shown on the file
    if fold.intake is not None and fold.intake.phase == "TEST_PENDING":
        flags.add("TEST_PENDING")  # S1 shows alone; under a measure it is a flag
    deadlines = tuple(sorted(fold.obligations.values(), key=lambda d: (d.due_at, d.key)))
    return Derived(
        as_of=now,
        status=person_status(fold),
        flags=frozenset(flags),
        measures=tuple(fold.measures),
        registers=frozenset(s.register for s in fold.spells if s.left_at is None),
        spells=tuple(fold.spells),
        deadlines=deadlines,
        applied=replayed.applied,
        refused=replayed.refused,
        voided=replayed.voided,
        cautions=replayed.cautions,
        last_contact=fold.last_contact,
        released_from_prison=fold.released_from_prison,
        reviews=frozenset(fold.reviews),
        relapses=fold.relapses,
        valid_until=_valid_until(fold, deadlines, now),
        last_event_at=max((e.occurred_at for e in fold.events.values()), default=None),
        missed_checks=tuple(month_label(m) for m in missed_months(fold, now)),
    )


# --- time passing ----------------------------------------------------------------------------


def advance(fold: Fold, until: datetime, observe: Observer | None = None) -> None:
    """Apply what time alone changes up to `until`, earliest first."""
    while True:
        trigger = _next_trigger(fold, until)
        if trigger is None:
            return
        moment, action = trigger
        action(fold, moment)
        if observe is not None:
            observe(fold, moment, None)


def _next_trigger(fold: Fold, until: datetime) -> tuple[datetime, Trigger] | None:
    candidates: list[tuple[datetime, Trigger]] = []
    for deadline in fold.obligations.values():
        if deadline.due_at > until:
            continue
        if deadline.code == "D09" and fold.addicted_at is not None:
            candidates.append((deadline.due_at, _missed_registration(deadline)))
        elif deadline.code == "D12":
            candidates.append((deadline.due_at, _missed_start(deadline)))
    for violation_id, violation in fold.violations.items():
        due = violation["at"] + timedelta(hours=24)
        if due <= until:
            candidates.append((due, _unfixed(violation_id)))
    compulsory = fold.active(MeasureKind.COMPULSORY)
    if compulsory and compulsory.phase in {Phase.DOSSIER, Phase.READING, Phase.AT_COURT}:
        expiry = limitation_end(compulsory)
        if expiry <= until and Flag.ABSCONDED not in compulsory.flags:
            candidates.append((expiry, _limitation_expired))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])


def _missed_registration(deadline: Deadline) -> Trigger:
    def run(fold: Fold, moment: datetime) -> None:
        """T22: not registered within 24 h → compulsory ground a, dossier in 1 working day."""
        fold.done("D09")
        open_ground(fold, "a", moment, event=None, code="D10")

    return run


def _missed_start(deadline: Deadline) -> Trigger:
    def run(fold: Fold, moment: datetime) -> None:
        """T24: not started within 2 working days of the decision → compulsory ground a."""
        fold.done("D12")
        rehab = fold.active(MeasureKind.VOLUNTARY_REHAB)
        if rehab is not None:
            fold.close(rehab, moment, CloseReason.NOT_STARTED)
        open_ground(fold, "a", moment, event=None)

    return run


def _unfixed(violation_id: str) -> Trigger:
    def run(fold: Fold, moment: datetime) -> None:
        """ND163 Art 25(3–4): not fixed within 24 h counts as not complying."""
        del fold.violations[violation_id]
        fold.done("D17", violation_id)
        escalate(fold, moment, None)

    return run


def _limitation_expired(fold: Fold, moment: datetime) -> None:
    """T45: 3 months since the last violation with no court decision: the dossier lapses."""
    measure = need(fold.active(MeasureKind.COMPULSORY))
    fold.close(measure, moment, CloseReason.LIMITATION_EXPIRED)


def _valid_until(fold: Fold, deadlines: tuple[Deadline, ...], now: datetime) -> datetime | None:
    """The next moment the result changes by time alone (the projection's expiry)."""
    moments = [d.due_at for d in deadlines if d.due_at > now]
    moments += [d.visible_from for d in deadlines if d.visible_from and d.visible_from > now]
    if fold.active(MeasureKind.USER_MGMT):  # a new month opens a new residence check
        today = local_day(now)
        moments.append(start_of_day(add_months(date(today.year, today.month, 1), 1)))
    return min(moments) if moments else None
