"""Applying a bundle's records at the district, inside the import's one transaction.

The importer is the authority on what enters the district store (ASVS 2.2.1): every record must
belong to the sending commune, every event to a person the district holds for that commune, and
a record already received must be received again unchanged. The first record that breaks a rule
refuses the whole bundle, naming its line; the transaction is then rolled back (T18).

New persons and events, the usual case, are written in bulk, and new persons' lifecycles are
derived from the bundle's own lines; only persons the district already held are read back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from pydantic import ValidationError

from caseterm.domain.bundle import BundleRejected, canonical
from caseterm.domain.issues import errors_of
from caseterm.domain.lifecycle import LifeEvent, PersonFacts, check_new_event
from caseterm.domain.lifecycle.timecalc import WorkCalendar
from caseterm.domain.person import PersonRecord, validate_person
from caseterm.domain.sync import RecordCounts
from caseterm.errors import CasetermError
from caseterm.services.bundle_records import EventLine, PayloadRecords, PersonLine, person_line
from caseterm.services.calendar import active_calendar
from caseterm.services.lifecycle import life_event
from caseterm.services.lifecycle_views import project
from caseterm.services.session import CaseSession
from caseterm.store.convert import record_from_json
from caseterm.store.database import Tx
from caseterm.store.records import EventInfo, ProjectionRow, StoredPerson


@dataclass
class _Plan:
    """What the bundle adds, decided before anything is written."""

    new_persons: list[StoredPerson] = field(default_factory=list)
    changed_persons: list[StoredPerson] = field(default_factory=list)
    new_events: list[EventInfo] = field(default_factory=list)
    present: int = 0


def apply_records(
    session: CaseSession, tx: Tx, unit_code: str, records: PayloadRecords
) -> RecordCounts:
    """Write the records new to the district; count those it already had."""
    plan = _Plan()
    owners = _plan_persons(tx, unit_code, records.persons, plan, session.clock.now().date())
    _plan_events(tx, unit_code, records, owners, plan)
    tx.persons.insert_copies(plan.new_persons)
    for changed in plan.changed_persons:
        tx.persons.put_copy(changed)
    tx.events.insert_copies([(unit_code, event) for event in plan.new_events])
    _project(session, tx, unit_code, plan)
    exported = len(records.persons) + len(records.events)
    applied = exported - plan.present
    return RecordCounts(
        exported=exported, applied=applied, already_present=plan.present, rejected=0
    )


def _plan_persons(
    tx: Tx, unit_code: str, lines: list[PersonLine], plan: _Plan, today: date
) -> dict[str, str]:
    """Check every person line and sort it into new, changed or already present."""
    held = tx.persons.versions([line.id for line in lines])
    for number, line in enumerate(lines, start=1):
        where = f"line {number}: person {line.id}"
        if line.unit_code != unit_code:
            raise BundleRejected("record", f"{where} belongs to unit {line.unit_code}")
        unit, version = held.get(line.id, (unit_code, 0))
        if unit != unit_code:
            raise BundleRejected("record", f"{where} is held by unit {unit}")
        if version >= line.version:
            if version == line.version:
                _same_as_stored(tx, line, where)
            plan.present += 1
            continue
        stored = _stored(line, unit_code, where, today)
        (plan.changed_persons if version else plan.new_persons).append(stored)
    return {pid: unit for pid, (unit, _) in held.items()} | {line.id: unit_code for line in lines}


def _same_as_stored(tx: Tx, line: PersonLine, where: str) -> None:
    stored = tx.persons.get(line.id)
    if stored is None or _line_bytes(person_line(stored)) != _line_bytes(line):
        raise BundleRejected("record", f"{where} differs from version {line.version} received")


def _stored(line: PersonLine, unit_code: str, where: str, today: date) -> StoredPerson:
    """The person as the district stores it, once the same rules as at the commune pass."""
    try:
        record: PersonRecord = record_from_json(line.record.model_dump(mode="json"))
    except (KeyError, TypeError, ValueError, ValidationError):
        raise BundleRejected("record", f"{where}: record") from None
    problems = errors_of(validate_person(record, today=today))
    if problems:
        raise BundleRejected("record", f"{where}: {problems[0].field} ({problems[0].code})")
    return StoredPerson(
        line.id, unit_code, record, line.version, line.created_at, line.created_by, line.updated_at
    )


def _plan_events(
    tx: Tx, unit_code: str, records: PayloadRecords, owners: dict[str, str], plan: _Plan
) -> None:
    """Check every event line: its person is this commune's, and it is new or unchanged."""
    lines = records.events
    missing = sorted({e.person_id for e in lines} - owners.keys())
    owners |= {pid: unit for pid, (unit, _) in tx.persons.versions(missing).items()}
    known = tx.events.known([e.id for e in lines])
    first = len(records.persons) + 1
    for number, line in enumerate(lines, start=first):
        where = f"line {number}: event {line.id}"
        owner = owners.get(line.person_id)
        if owner is None:
            raise BundleRejected("record", f"{where} is for a person never received")
        if owner != unit_code:
            raise BundleRejected("record", f"{where} is for a person held by unit {owner}")
        event = _info(line)
        stored = known.get(line.id)
        if stored is None:
            plan.new_events.append(event)
        elif _event_bytes(stored) != _event_bytes(event):
            raise BundleRejected("record", f"{where} differs from the one received")
        else:
            plan.present += 1


def _project(session: CaseSession, tx: Tx, unit_code: str, plan: _Plan) -> None:
    """Store the lifecycle of every person the bundle touched, read and written in bulk.

    Each file is replayed through the commune's own engine: an event of the bundle that the
    engine refuses, and that it would have refused when the commune recorded it, refuses the
    bundle (a valid signature does not make an event lawful).
    """
    calendar, now = active_calendar(), session.clock.now()
    new_ids = {p.id for p in plan.new_persons}
    arriving = {e.id for e in plan.new_events}
    events_of: dict[str, list[EventInfo]] = {pid: [] for pid in new_ids}
    for event in plan.new_events:
        if event.person_id in new_ids:
            events_of[event.person_id].append(event)
    rows = [_checked(p, events_of[p.id], arriving, calendar, now) for p in plan.new_persons]
    tx.states.put_many(rows, unit_code=unit_code)
    others = sorted(
        {p.id for p in plan.changed_persons}
        | {e.person_id for e in plan.new_events if e.person_id not in new_ids}
    )
    held, histories = tx.persons.get_many(others), tx.events.of_persons(others)
    rows = [_checked(held[pid], histories[pid], arriving, calendar, now) for pid in others]
    tx.states.replace_many(rows, unit_code=unit_code)


def _checked(
    person: StoredPerson,
    events: list[EventInfo],
    arriving: set[str],
    calendar: WorkCalendar,
    now: datetime,
) -> ProjectionRow:
    """A person's lifecycle, once no event of the bundle breaks the law (`BundleRejected`)."""
    try:
        history = [life_event(e) for e in events]
        state, row = project(person.id, person.record, history, calendar, now)
        for event_id in sorted(arriving & state.refused.keys()):
            _lawful_when_recorded(person, history, event_id, calendar)
    except (CasetermError, ValueError, KeyError) as error:
        raise BundleRejected("record", f"person {person.id}: {type(error).__name__}") from None
    return row


def _lawful_when_recorded(
    person: StoredPerson, history: list[LifeEvent], event_id: str, calendar: WorkCalendar
) -> None:
    """Refuse an event the engine would have refused when the commune recorded it.

    An event refused now may have been lawful then and broken later by a void (which the
    commune allows, with a warning); only what the commune's own check could not have let
    through is refused.
    """
    [new] = [e for e in history if e.id == event_id]
    recorded = new.recorded_at or new.occurred_at
    before = [e for e in history if _recorded(e) < (recorded, new.id)]
    facts = PersonFacts(person.record.birth, bool(person.record.profile.psychosis))
    refusal = check_new_event(facts, before, new, calendar, recorded)
    if refusal is not None:
        raise BundleRejected(
            "illegal_event", f"event {event_id} ({new.type}): {refusal.rule} {refusal.reason}"
        )


def _recorded(event: LifeEvent) -> tuple[datetime, str]:
    return event.recorded_at or event.occurred_at, event.id


def _info(line: EventLine) -> EventInfo:
    return EventInfo(
        line.id,
        line.person_id,
        line.type,
        line.occurred_at,
        line.recorded_at,
        line.recorded_by,
        line.payload,
    )


def _event_bytes(event: EventInfo) -> bytes:
    return canonical(
        {
            "person_id": event.person_id,
            "type": event.type,
            "occurred_at": event.occurred_at,
            "recorded_at": event.recorded_at,
            "recorded_by": event.recorded_by,
            "payload": event.payload,
        }
    )


def _line_bytes(line: PersonLine) -> bytes:
    return canonical(line.model_dump(mode="json"))
