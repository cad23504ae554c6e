"""The vocabulary of the lifecycle: measures, phases, statuses, registers, deadlines, refusals."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from caseterm.domain.lifecycle import timecalc

R2026_START = datetime(2026, 6, 30, 17, 0, tzinfo=UTC)
"""1/7/2026 00:00 in Vietnam: measures decided from then on follow L120 and ND163."""


class Regime(StrEnum):
    """The legal regime a measure was decided under (per measure, never per person)."""

    R2021 = "R2021"
    R2026 = "R2026"


def regime_at(moment: datetime) -> Regime:
    """The regime of a measure decided at `moment` (L120 Art 55, 56)."""
    return Regime.R2026 if moment >= R2026_START else Regime.R2021


class MeasureKind(StrEnum):
    """The legal measures a person can be under (product.md §2)."""

    USER_MGMT = "USER_MGMT"
    ADDICTION_ASSESSMENT = "ADDICTION_ASSESSMENT"
    VOLUNTARY_REHAB = "VOLUNTARY_REHAB"
    SUBSTITUTION_TX = "SUBSTITUTION_TX"
    COMPULSORY = "COMPULSORY"
    POST_REHAB = "POST_REHAB"
    E_MONITORING = "E_MONITORING"


class RehabForm(StrEnum):
    """Where voluntary rehab happens; SUBSTITUTION is the other choice at registration."""

    HOME = "HOME"
    PRIVATE = "PRIVATE"
    PUBLIC = "PUBLIC"
    REFORMATORY = "REFORMATORY"
    SUBSTITUTION = "SUBSTITUTION"


class Phase(StrEnum):
    """Every phase of every measure; `PHASES` says which belong to which measure."""

    ACTIVE = "ACTIVE"
    REQUESTED = "REQUESTED"
    REGISTERED = "REGISTERED"
    DECIDED = "DECIDED"
    FACILITY_REQUESTED = "FACILITY_REQUESTED"
    FACILITY_ASSIGNED = "FACILITY_ASSIGNED"
    IN_PROGRESS = "IN_PROGRESS"
    DOSSIER = "DOSSIER"
    READING = "READING"
    AT_COURT = "AT_COURT"
    ORDERED = "ORDERED"
    IN_FACILITY = "IN_FACILITY"
    AWAITING_DECISION = "AWAITING_DECISION"
    TEMP_REMOVED = "TEMP_REMOVED"
    PAUSED = "PAUSED"
    CLOSED = "CLOSED"


PHASES: dict[MeasureKind, frozenset[Phase]] = {
    MeasureKind.USER_MGMT: frozenset({Phase.ACTIVE, Phase.CLOSED}),
    MeasureKind.ADDICTION_ASSESSMENT: frozenset({Phase.REQUESTED, Phase.CLOSED}),
    MeasureKind.VOLUNTARY_REHAB: frozenset(
        {
            Phase.REGISTERED,
            Phase.DECIDED,
            Phase.FACILITY_REQUESTED,
            Phase.FACILITY_ASSIGNED,
            Phase.IN_PROGRESS,
            Phase.CLOSED,
        }
    ),
    MeasureKind.SUBSTITUTION_TX: frozenset({Phase.REGISTERED, Phase.ACTIVE, Phase.CLOSED}),
    MeasureKind.COMPULSORY: frozenset(
        {
            Phase.DOSSIER,
            Phase.READING,
            Phase.AT_COURT,
            Phase.ORDERED,
            Phase.FACILITY_ASSIGNED,
            Phase.IN_FACILITY,
            Phase.CLOSED,
        }
    ),
    MeasureKind.POST_REHAB: frozenset({Phase.AWAITING_DECISION, Phase.ACTIVE, Phase.CLOSED}),
    MeasureKind.E_MONITORING: frozenset(
        {
            Phase.REQUESTED,
            Phase.DECIDED,
            Phase.ACTIVE,
            Phase.TEMP_REMOVED,
            Phase.PAUSED,
            Phase.CLOSED,
        }
    ),
}


class Flag(StrEnum):
    """Sub-states shown next to a measure's phase."""

    SUSPENDED = "SUSPENDED"
    ABSENT = "ABSENT"
    POSTPONED = "POSTPONED"
    ABSCONDED = "ABSCONDED"
    ON_HOLD = "ON_HOLD"
    REUSE_PENDING = "REUSE_PENDING"


class CloseReason(StrEnum):
    """Why a measure ended (legal spec S15 reasons, and the measures' own endings)."""

    MGMT_EXPIRED_CLEAN = "MGMT_EXPIRED_CLEAN"
    STOPPED = "STOPPED"
    POST_REHAB_COMPLETED = "POST_REHAB_COMPLETED"
    COMPLETED = "COMPLETED"
    ADDICTED = "ADDICTED"
    NOT_ADDICTED = "NOT_ADDICTED"
    SELF_TERMINATED = "SELF_TERMINATED"
    TERMINATED_VIOLATION = "TERMINATED_VIOLATION"
    NOT_STARTED = "NOT_STARTED"
    USE_DETECTED = "USE_DETECTED"
    SWITCHED = "SWITCHED"
    COURT_REJECTED = "COURT_REJECTED"
    DIED = "DIED"
    DECLARED_MISSING = "DECLARED_MISSING"
    PRISON = "PRISON"
    COMPULSORY_EDUCATION = "COMPULSORY_EDUCATION"
    REFORMATORY = "REFORMATORY"
    EXEMPTED = "EXEMPTED"
    EXEMPT_PERSON = "EXEMPT_PERSON"
    """An adult not subject to compulsory rehab at all (L120 Art 35(2)), unlike a court's T49."""
    LIMITATION_EXPIRED = "LIMITATION_EXPIRED"
    TRANSFERRED_OUT = "TRANSFERRED_OUT"
    ENDED = "ENDED"


class Status(StrEnum):
    """The person-level status S0–S15, derived from the measures."""

    S0 = "S0"
    S1 = "S1"
    S2 = "S2"
    S3 = "S3"
    S4 = "S4"
    S5 = "S5"
    S5B = "S5b"
    S6 = "S6"
    S7 = "S7"
    S8 = "S8"
    S9 = "S9"
    S10 = "S10"
    S11 = "S11"
    S12 = "S12"
    S13 = "S13"
    S14 = "S14"
    S15 = "S15"


class Register(StrEnum):
    """The three lists the commune keeps (L120 Art 27, 48)."""

    USERS = "USERS"
    ADDICTS = "ADDICTS"
    POST_REHAB = "POST_REHAB"


@dataclass(frozen=True)
class Cite:
    """One legal reference: instrument, article, clause, point (e.g. L120 Art 35(1)(a))."""

    instrument: str
    article: int
    clause: int | None = None
    point: str | None = None


_CITE = re.compile(r"^(\w+) (\d+)(?:\((\d+)\))?(?:\((\w+)\))?$")


def cites(text: str) -> tuple[Cite, ...]:
    """Parse "L120 35(1)(a); ND163 100" into citations (the table's compact notation)."""
    found = []
    for part in text.split(";"):
        match = _CITE.match(part.strip())
        if match is None:
            raise ValueError(f"bad citation {part!r}")
        instrument, article, clause, point = match.groups()
        found.append(Cite(instrument, int(article), int(clause) if clause else None, point))
    return tuple(found)


@dataclass(frozen=True)
class Refusal:
    """Why the transition table refused an event: the rule, a reason code and the law."""

    rule: str
    reason: str
    basis: tuple[Cite, ...]
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Caution:
    """A disagreement the law leaves to people: shown, and saved only once a chief confirms it.

    The table never refuses what a court or a decision states on an uncertain point ([U] items);
    it says what the engine believes instead, and why.
    """

    rule: str
    code: str
    basis: tuple[Cite, ...]
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Deadline:
    """Something the law says must happen by `due_at`."""

    code: str
    """D01…D40."""
    key: str
    """Unique per person: the code plus what it is about."""
    due_at: datetime
    measure_id: str | None
    basis: tuple[Cite, ...]
    opened_by: str | None = None
    """The event that started the clock (None for periodic and term deadlines)."""
    visible_from: datetime | None = None
    """Before this moment the item is not yet worth showing (term ends, anniversaries)."""
    params: dict[str, str] = field(default_factory=dict)


@dataclass
class Measure:
    """One legal measure and its state; built by the fold, read by everyone else."""

    id: str
    kind: MeasureKind
    regime: Regime
    phase: Phase
    opened_at: datetime
    form: RehabForm | None = None
    case: str | None = None
    """Assessment case letter (a–đ), compulsory ground letter, or e-monitoring basis."""
    flags: set[Flag] = field(default_factory=set)
    term_start: datetime | None = None
    term_months: int | None = None
    excluded: timedelta = field(default_factory=timedelta)
    """Time not counted in the term (unreported absence, absconding, holds)."""
    deducted: timedelta = field(default_factory=timedelta)
    """Time already served that shortens the term (custody while the dossier was built)."""
    fixed_end: datetime | None = None
    """A term end carried over from another commune's file (a move) instead of start + months."""
    episode: int | None = None
    closed_at: datetime | None = None
    close_reason: CloseReason | None = None
    counters: dict[str, int] = field(default_factory=dict)
    marks: dict[str, Any] = field(default_factory=dict)
    """Moments and facts later rules need (decision time, last violation, custody start…)."""
    calendar: timecalc.WorkCalendar | None = field(default=None, repr=False, compare=False)
    """The unit's calendar, for a person's term that Civil Code Art 148(5) may move (set by the
    fold on the kinds in `PERSON_TERMS`)."""

    @property
    def active(self) -> bool:
        """True until the measure is closed."""
        return self.phase is not Phase.CLOSED

    def term_end(self) -> datetime | None:
        """The end of the term with excluded time added back and served custody deducted.

        Moved to the end of the next working day when the unit applies Civil Code Art 148(5)
        and the counted last day is a day off.
        """
        end = self.counted_term_end()
        if end is None or self.calendar is None:
            return end
        return timecalc.civil_term_end(end, self.calendar)

    def term_end_params(self) -> dict[str, str]:
        """What the term end's deadline text says of a day off (`timecalc.day_off_params`)."""
        end = self.counted_term_end()
        if end is None or self.calendar is None:
            return {}
        return timecalc.day_off_params(end, self.calendar)

    def counted_term_end(self) -> datetime | None:
        """The term end as counted, before any day-off move."""
        if self.fixed_end is not None:
            return self.fixed_end + _days(self.excluded)
        if self.term_start is None or self.term_months is None:
            return None
        return timecalc.term_end(self.term_start, self.term_months, self.excluded) - _days(
            self.deducted
        )

    def close(self, at: datetime, reason: CloseReason) -> None:
        """End the measure."""
        self.phase, self.closed_at, self.close_reason = Phase.CLOSED, at, reason
        self.flags.clear()


PERSON_TERMS = frozenset(
    {
        MeasureKind.USER_MGMT,
        MeasureKind.VOLUNTARY_REHAB,
        MeasureKind.COMPULSORY,
        MeasureKind.POST_REHAB,
    }
)
"""The person's terms Civil Code Art 148(5) moves when the unit applies it (legal spec §9, 2).

E-monitoring ends with the measure it serves; its review anniversaries are the officer's."""


def _days(span: timedelta) -> timedelta:
    return timedelta(days=span.days)


@dataclass(frozen=True)
class RegisterSpell:
    """A stay on one register: entered when and why, left when and why."""

    register: Register
    entered_at: datetime
    entered_by: str
    left_at: datetime | None = None
    left_reason: str | None = None
