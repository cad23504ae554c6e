"""Plain records the store hands to the services (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from caseterm.domain.codes import Role
from caseterm.domain.person import PersonRecord


@dataclass(frozen=True)
class UnitInfo:
    """The unit that owns the store."""

    code: str
    name: str
    kind: str


@dataclass(frozen=True)
class AccountInfo:
    """An account as the services see it."""

    id: str
    name: str
    display_name: str
    roles: tuple[Role, ...]
    unit_code: str
    active: bool
    created_at: str
    disabled_at: str | None


@dataclass(frozen=True)
class StoredPerson:
    """A person's full record with its bookkeeping."""

    id: str
    unit_code: str
    record: PersonRecord
    version: int
    created_at: str
    created_by: str
    updated_at: str
    file_no: int | None = None
    """The commune's file number (None for persons received before numbers existed)."""
    file_unit: str | None = None
    """The commune whose file number it is, when the store is not that commune's (a district)."""


@dataclass(frozen=True)
class PersonSummary:
    """One line of a list: enough to recognise a person, nothing sensitive."""

    id: str
    full_name: str
    sex: str
    birth: str
    id_type: str | None
    id_number: str | None
    village: str
    file_no: int | None = None
    file_unit: str | None = None
    """The commune whose file number it is, when the store is not that commune's (a district)."""


@dataclass(frozen=True)
class ListFilter:
    """The list's filters; an empty value does not filter."""

    register: str = ""
    measure: str = ""
    status: str = ""
    officer: str = ""
    village: str = ""

    def active(self) -> bool:
        """True when any filter is set."""
        return any((self.register, self.measure, self.status, self.officer, self.village))


@dataclass(frozen=True)
class Matches:
    """A search's answer: the persons shown, and whether every match is among them in order."""

    persons: list[PersonSummary]
    complete: bool
    """False when more matched than can be ordered at typing speed: the officer types more."""


@dataclass(frozen=True)
class EventInfo:
    """One recorded event."""

    id: str
    person_id: str
    type: str
    occurred_at: str
    recorded_at: str
    recorded_by: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class OpenDeadline:
    """One open deadline of a projection, stored as columns so the today list needs no JSON."""

    key: str
    code: str
    due_at: str
    visible_from: str | None
    measure_id: str | None
    measure_kind: str | None
    basis: tuple[str, ...]


BASIS_SEPARATOR = "\n"
"""Between the citation codes of a stored deadline (a code may contain commas)."""


class DueRow(NamedTuple):
    """An open deadline with the person it belongs to (the today list).

    A named tuple, not a dataclass: the list can hold tens of thousands, and building frozen
    dataclasses for them costs more than reading them from the store. Moments are UTC ISO
    strings, which sort like the moments they name.
    """

    person_id: str | None
    full_name: str
    key: str
    code: str
    due_at: str
    visible_from: str | None
    measure_id: str | None
    measure_kind: str | None
    basis: str
    """The citation codes, one per line."""

    @property
    def due_moment(self) -> datetime:
        """When it is due."""
        return datetime.fromisoformat(self.due_at)

    @property
    def citations(self) -> list[str]:
        """Its legal basis, as compact citation codes ("L120 35(1)(a)")."""
        return self.basis.split(BASIS_SEPARATOR) if self.basis else []


@dataclass(frozen=True)
class ProjectionRow:
    """A person's stored lifecycle projection."""

    person_id: str
    status: str
    registers: tuple[str, ...]
    next_due_at: str | None
    valid_until: str | None
    as_of: str
    calendar_version: str
    summary: dict[str, Any]
    measures: tuple[str, ...] = ()
    officer: str = ""
    deadlines: tuple[OpenDeadline, ...] = ()
    """The open deadlines again, as rows (`summary` holds them too, with their parameters)."""
    watch: tuple[str, ...] = ()
    """Lasting reasons for the close-watch list (POST_REHAB, PSYCHOSIS, RELEASED)."""
    released_at: str | None = None
    """The latest release from prison."""
    last_contact: str | None = None
    reviewed_year: int | None = None
    """The latest year with a completed annual review."""
    report: dict[str, Any] = field(default_factory=dict)
    """The report's trace and facts (`domain.report`); empty until computed."""
    report_span: tuple[str, str] | None = None
    """When the person can count in a report at all (None: never)."""


class ReportRow(NamedTuple):
    """A person as the report reads them (`report` is the stored trace JSON, "" if not made)."""

    unit_code: str
    sex: str
    birth: str
    village: str
    officer: str
    report: str


@dataclass(frozen=True)
class WatchRow:
    """A person on the close-watch list, as stored (the moment decides the rest)."""

    person_id: str
    full_name: str
    watch: tuple[str, ...]
    released_at: str | None
    last_contact: str | None


@dataclass(frozen=True)
class UnreviewedRow:
    """A person on a register with no annual review in the year asked about."""

    person_id: str
    full_name: str
    registers: tuple[str, ...]
    reviewed_year: int | None


@dataclass(frozen=True)
class UnitEventInfo:
    """One unit-level event."""

    id: str
    type: str
    occurred_at: str
    recorded_at: str
    recorded_by: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class ApprovalInfo:
    """A chief's approval of one account change (never the code itself)."""

    id: str
    kind: str
    subject: str
    roles: str
    issued_by: str
    issued_at: str
    expires_at: str
    used_at: str | None


@dataclass(frozen=True)
class NoticeInfo:
    """A change to the unit's accounts that the chiefs have not acknowledged yet."""

    id: int
    kind: str
    subject: str
    roles: str
    actor_id: str
    approved_by: str | None
    at: str


@dataclass(frozen=True)
class DraftInfo:
    """A draft for the chief, as stored (`tables.Draft`)."""

    id: str
    kind: str
    person_id: str | None
    event_type: str | None
    content: dict[str, Any]
    warnings: tuple[str, ...]
    drafted_by: str
    drafted_at: str
    status: str
    decided_by: str | None = None
    decided_at: str | None = None
    reason: str | None = None
    result_id: str | None = None


@dataclass(frozen=True)
class RequestInfo:
    """An account change waiting for a chief's approval (`tables.AccountRequest`)."""

    id: str
    kind: str
    subject: str
    roles: str
    requested_by: str
    requested_at: str
