"""Applying a bundle's records at the district, inside the import's one transaction.

The importer is the authority on what enters the district store (ASVS 2.2.1): every record must
belong to the sending commune, every event to a person the district holds for that commune, and
a record already received must be received again unchanged. The first record that breaks a rule
refuses the whole bundle, naming its line; the transaction is then rolled back (T18).
"""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError

from caseterm.domain.bundle import BundleRejected, canonical
from caseterm.domain.issues import errors_of
from caseterm.domain.person import PersonRecord, validate_person
from caseterm.domain.sync import RecordCounts
from caseterm.errors import CasetermError
from caseterm.services.bundle_records import EventLine, PayloadRecords, PersonLine, person_line
from caseterm.services.lifecycle import refresh_projection
from caseterm.services.session import CaseSession
from caseterm.store.convert import record_from_json
from caseterm.store.database import Tx
from caseterm.store.records import StoredPerson


def apply_records(
    session: CaseSession, tx: Tx, unit_code: str, records: PayloadRecords
) -> RecordCounts:
    """Write the records new to the district; count those it already had."""
    applied = present = 0
    touched: set[str] = set()
    today = session.clock.now().date()
    for number, line in enumerate(records.persons, start=1):
        if _apply_person(tx, unit_code, line, number, today):
            applied += 1
            touched.add(line.id)
        else:
            present += 1
    for number, event in enumerate(records.events, start=len(records.persons) + 1):
        if _apply_event(tx, unit_code, event, number):
            applied += 1
            touched.add(event.person_id)
        else:
            present += 1
    for person_id in sorted(touched):
        try:
            refresh_projection(session, tx, person_id)
        except (CasetermError, ValueError, KeyError) as error:
            raise BundleRejected("record", f"person {person_id}: {type(error).__name__}") from None
    exported = len(records.persons) + len(records.events)
    return RecordCounts(exported=exported, applied=applied, already_present=present, rejected=0)


def _apply_person(tx: Tx, unit_code: str, line: PersonLine, number: int, today: date) -> bool:
    """Store a person's newer version; False when the district already has this one or later."""
    where = f"line {number}: person {line.id}"
    if line.unit_code != unit_code:
        raise BundleRejected("record", f"{where} belongs to unit {line.unit_code}")
    stored = tx.persons.get(line.id)
    if stored is not None and stored.unit_code != unit_code:
        raise BundleRejected("record", f"{where} is held by unit {stored.unit_code}")
    if stored is not None and stored.version >= line.version:
        if stored.version == line.version and _line_bytes(person_line(stored)) != _line_bytes(line):
            raise BundleRejected("record", f"{where} differs from version {line.version} received")
        return False
    record = _record(line, where)
    problems = errors_of(validate_person(record, today=today))
    if problems:
        raise BundleRejected("record", f"{where}: {problems[0].field} ({problems[0].code})")
    tx.persons.put_copy(
        StoredPerson(
            line.id,
            unit_code,
            record,
            line.version,
            line.created_at,
            line.created_by,
            line.updated_at,
        )
    )
    return True


def _record(line: PersonLine, where: str) -> PersonRecord:
    try:
        return record_from_json(line.record.model_dump(mode="json"))
    except (KeyError, TypeError, ValueError, ValidationError):
        raise BundleRejected("record", f"{where}: record") from None


def _apply_event(tx: Tx, unit_code: str, line: EventLine, number: int) -> bool:
    """Store an event new to the district; False when it already has it, unchanged."""
    where = f"line {number}: event {line.id}"
    owner = tx.persons.get(line.person_id)
    if owner is None:
        raise BundleRejected("record", f"{where} is for a person never received")
    if owner.unit_code != unit_code:
        raise BundleRejected("record", f"{where} is for a person held by unit {owner.unit_code}")
    known = tx.events.get(line.id)
    if known is not None:
        if (
            known.person_id != line.person_id
            or canonical(known.payload) != canonical(line.payload)
            or (known.type, known.occurred_at, known.recorded_at, known.recorded_by)
            != (
                line.type,
                line.occurred_at,
                line.recorded_at,
                line.recorded_by,
            )
        ):
            raise BundleRejected("record", f"{where} differs from the one received")
        return False
    tx.events.append(
        event_id=line.id,
        unit_code=unit_code,
        person_id=line.person_id,
        type_=line.type,
        occurred_at=line.occurred_at,
        recorded_at=line.recorded_at,
        recorded_by=line.recorded_by,
        payload=line.payload,
    )
    return True


def _line_bytes(line: PersonLine) -> bytes:
    return canonical(line.model_dump(mode="json"))
