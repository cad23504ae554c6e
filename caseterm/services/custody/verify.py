"""`caseterm-admin verify`: SQLite and SQLCipher integrity, then the audit chain."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from caseterm.domain.audit import ChainFault
from caseterm.domain.permissions import Action
from caseterm.errors import DiskError, IntegrityFailure
from caseterm.services.lifecycle.calendar import unit_calendar
from caseterm.services.lifecycle.events import life_event
from caseterm.services.lifecycle.projection import project
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.damage import mark_damaged
from caseterm.store.database import Tx


@dataclass(frozen=True)
class VerifyReport:
    """What the checks found."""

    integrity_problems: list[str]
    audit_entries: int
    audit_fault: ChainFault | None
    cipher: dict[str, str]
    projections_checked: int = 0
    projection_mismatches: list[str] = field(default_factory=list)
    """Persons whose stored lifecycle differs from a full recomputation of their events."""
    projections_missing: int = 0

    @property
    def ok(self) -> bool:
        """True when every check passed."""
        return (
            not self.integrity_problems
            and self.audit_fault is None
            and not self.projection_mismatches
            and not self.projections_missing
        )


def verify_store(session: CaseSession) -> VerifyReport:
    """Run every check; the run itself is audited after the chain was read.

    Damaged pages end the run: the chain and the projections are not read through them, the
    store is marked damaged (`services.session.damage`) and no session writes to it any more.
    """
    session.require(Action.STORE_VERIFY)
    problems = session.store.integrity_problems()
    if problems:
        _record_damage(session, problems)
        return VerifyReport(problems, 0, None, session.store.cipher_report())
    with session.transaction() as tx:
        count, fault = tx.audit.verify()
        checked, mismatches = _check_projections(tx)
        missing = tx.persons.count() - checked
        session.audit(
            tx,
            "store.verify",
            "unit",
            session.unit.code,
            {"ok": int(not problems and fault is None and not mismatches and not missing)},
        )
    return VerifyReport(
        problems, count, fault, session.store.cipher_report(), checked, mismatches, missing
    )


def _record_damage(session: CaseSession, problems: list[str]) -> None:
    """Audit the failed check if the store still takes a write, then mark it damaged."""
    try:
        with session.transaction() as tx:
            session.audit(tx, "store.verify", "unit", session.unit.code, {"ok": 0})
    except (IntegrityFailure, DiskError):
        pass  # SQLCipher writes nothing more after a failed page: the marker records it
    mark_damaged(session.files, problems, session.now())


def _check_projections(tx: Tx) -> tuple[int, list[str]]:
    """Recompute every person's lifecycle at the projection's own moment and compare.

    Every stored column is compared (summary, deadline rows, close-watch facts…), and the
    names the deadline rows copy from the register.
    """
    calendars = {code: unit_calendar(tx, code) for code in tx.units.settings_by_unit()}
    checked, mismatches = 0, []
    for row in tx.states.all():
        checked += 1
        person = tx.persons.get(row.person_id)
        if person is None:
            mismatches.append(row.person_id)
            continue
        calendar = calendars[person.unit_code]
        events = [life_event(info) for info in tx.events.of_person(row.person_id)]
        moment = datetime.fromisoformat(row.as_of)
        _state, expected = project(row.person_id, person.record, events, calendar, moment)
        if row.calendar_version == calendar.version and expected != row:
            mismatches.append(row.person_id)
    renamed = set(tx.states.names_of_deadlines_out_of_date()) - set(mismatches)
    return checked, mismatches + sorted(renamed)
