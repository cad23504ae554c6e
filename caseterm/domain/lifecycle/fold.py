"""The working state of one person while their events are replayed, and the helpers rules use."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from caseterm.domain.dates import PartialDate, age_on
from caseterm.domain.lifecycle.basis import DEADLINE_BASIS
from caseterm.domain.lifecycle.model import (
    PERSON_TERMS,
    CloseReason,
    Deadline,
    Measure,
    MeasureKind,
    Phase,
    Register,
    RegisterSpell,
    regime_at,
)
from caseterm.domain.lifecycle.payload_base import Payload
from caseterm.domain.lifecycle.timecalc import WorkCalendar, local_day


@dataclass(frozen=True)
class PersonFacts:
    """What the lifecycle needs of the identity block: the birth date (for the age gates).

    And whether drug-induced psychosis was found, which puts a person on the close-watch list.
    """

    birth: PartialDate | None = None
    psychosis: bool = False


@dataclass(frozen=True)
class LifeEvent:
    """One recorded event as the engine sees it."""

    id: str
    type: str
    occurred_at: datetime
    payload: Payload
    recorded_at: datetime | None = None


@dataclass
class Intake:
    """Detection before any measure: test pending, positive, residence verified, notice sent."""

    phase: str
    """TEST_PENDING, POSITIVE, VERIFIED, NOTIFIED, AWAITING_DECISION."""
    since: datetime
    event_id: str
    stable: bool | None = None
    previous: Intake | None = None
    term_end: datetime | None = None
    """A move-in: the end of the remaining term from the origin's file."""
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Fold:
    """Everything derived so far; rules read and change it, `derive` turns it into a result."""

    facts: PersonFacts
    calendar: WorkCalendar
    measures: list[Measure] = field(default_factory=list)
    intake: Intake | None = None
    addicted_at: datetime | None = None
    """When the person was last determined addicted and has not yet entered a measure."""
    gone: CloseReason | None = None
    hold: tuple[str, datetime] | None = None
    absence_since: datetime | None = None
    completed_episodes: int = 0
    obligations: dict[str, Deadline] = field(default_factory=dict)
    spells: list[RegisterSpell] = field(default_factory=list)
    events: dict[str, LifeEvent] = field(default_factory=dict)
    violations: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Open e-monitoring violations by event id: code, measure, when."""
    last_closed: CloseReason | None = None
    addicted_marks: dict[str, bool] = field(default_factory=dict)
    """Facts of the addiction finding (no stable residence → public facility only)."""
    relapses: int = 0
    relapsed_after_episodes: int = 0
    """`completed_episodes` when the last relapse was counted: one relapse per completion."""
    carried_end: datetime | None = None
    """The term end a private → home switch carries over (T33)."""
    moved_out: bool = False
    last_contact: datetime | None = None
    released_from_prison: datetime | None = None
    """The latest release after a prison sentence (the close-watch list)."""
    reviews: set[int] = field(default_factory=set)
    """Years with a completed annual review."""
    exemption: tuple[str, date | None] | None = None
    """An exemption from compulsory rehab (L120 Art 35(2)): its reason and last day, if known."""
    months_checked: set[str] = field(default_factory=set)
    """Months (YYYY-MM, Vietnam time) with a residence check (D05)."""

    # --- measures -----------------------------------------------------------------------------

    def active(self, kind: MeasureKind) -> Measure | None:
        """The open measure of a kind (the latest one if, unusually, there are several)."""
        for measure in reversed(self.measures):
            if measure.kind is kind and measure.active:
                return measure
        return None

    def latest(self, kind: MeasureKind) -> Measure | None:
        """The most recent measure of a kind, open or closed."""
        for measure in reversed(self.measures):
            if measure.kind is kind:
                return measure
        return None

    def open_measure(
        self, kind: MeasureKind, event: LifeEvent, phase: Phase, **extra: Any
    ) -> Measure:
        """Start a measure at an event; its regime follows the event's moment.

        A decision that names the officer in charge (management, post-rehab) marks the measure.
        """
        officer = getattr(event.payload, "officer", None)
        if officer:
            extra.setdefault("marks", {})["officer"] = officer
        measure = Measure(
            id=event.id,
            kind=kind,
            regime=regime_at(event.occurred_at),
            phase=phase,
            opened_at=event.occurred_at,
            **extra,
        )
        self.adopt(measure)
        return measure

    def adopt(self, measure: Measure) -> None:
        """Add a measure; a person's term learns the unit's calendar (Civil Code Art 148(5))."""
        if measure.kind in PERSON_TERMS:
            measure.calendar = self.calendar
        self.measures.append(measure)

    def close(self, measure: Measure, at: datetime, reason: CloseReason) -> None:
        """End a measure and every deadline that belongs to it."""
        measure.close(at, reason)
        self.last_closed = reason
        for key in [k for k, d in self.obligations.items() if d.measure_id == measure.id]:
            del self.obligations[key]

    def in_facility(self) -> bool:
        """True in a public facility, a reformatory, or custody and compulsory rehab (T03)."""
        rehab = self.active(MeasureKind.VOLUNTARY_REHAB)
        if rehab and rehab.phase is Phase.IN_PROGRESS and rehab.form in _FACILITY_FORMS:
            return True
        compulsory = self.active(MeasureKind.COMPULSORY)
        return bool(compulsory and "custody_at" in compulsory.marks)

    # --- deadlines ----------------------------------------------------------------------------

    def due(
        self,
        code: str,
        about: str,
        due_at: datetime,
        *,
        measure: Measure | None = None,
        event: LifeEvent | None = None,
        visible_from: datetime | None = None,
        params: dict[str, str] | None = None,
    ) -> None:
        """Open (or move) deadline `code` about something (an event or measure id, a step)."""
        key = f"{code}:{about}"
        self.obligations[key] = Deadline(
            code=code,
            key=key,
            due_at=due_at,
            measure_id=measure.id if measure else None,
            basis=DEADLINE_BASIS[code],
            opened_by=event.id if event else None,
            visible_from=visible_from,
            params=params or {},
        )

    def done(self, code: str, about: str | None = None) -> None:
        """Close deadline `code` about something, or every open deadline of that code."""
        if about is not None:
            self.obligations.pop(f"{code}:{about}", None)
            return
        for key in [k for k in self.obligations if k.startswith(f"{code}:")]:
            del self.obligations[key]

    def is_open(self, code: str, about: str | None = None) -> bool:
        """True while the deadline is open."""
        if about is not None:
            return f"{code}:{about}" in self.obligations
        return any(k.startswith(f"{code}:") for k in self.obligations)

    # --- registers ----------------------------------------------------------------------------

    def on(self, register: Register) -> bool:
        """True while the person is on the register."""
        return any(s.register is register and s.left_at is None for s in self.spells)

    def enter(self, register: Register, at: datetime, by: str) -> None:
        """Put the person on a register (no-op when already there)."""
        if not self.on(register):
            self.spells.append(RegisterSpell(register, at, by))

    def leave(self, register: Register, at: datetime, reason: str) -> None:
        """Take the person off a register (no-op when not there)."""
        for index, spell in enumerate(self.spells):
            if spell.register is register and spell.left_at is None:
                self.spells[index] = replace(spell, left_at=at, left_reason=reason)

    # --- people -------------------------------------------------------------------------------

    def exempt(self, at: datetime) -> bool:
        """True while an exemption from compulsory rehab holds (L120 Art 35(2))."""
        if self.exemption is None:
            return False
        until = self.exemption[1]
        return until is None or local_day(at) <= until

    def age(self, at: datetime) -> int | None:
        """Age in whole years at a moment (a partial birth date counts at its latest: younger)."""
        if self.facts.birth is None:
            return None
        return age_on(self.facts.birth, local_day(at))

    def is_minor(self, at: datetime) -> bool:
        """Under 18 at the moment (unknown birth date: treated as an adult)."""
        years = self.age(at)
        return years is not None and years < 18

    def birthday(self, years: int) -> date | None:
        """The day the person turns `years` (a partial birth date counts at its latest)."""
        if self.facts.birth is None:
            return None
        born = self.facts.birth.latest()
        try:
            return born.replace(year=born.year + years)
        except ValueError:  # 29 February
            return born.replace(year=born.year + years, day=28) + timedelta(days=1)


_FACILITY_FORMS = {"PUBLIC", "REFORMATORY"}
