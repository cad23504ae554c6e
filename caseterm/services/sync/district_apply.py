"""Applying a bundle's records at the district, inside the import's one transaction.

The importer is the authority on what enters the district store (ASVS 2.2.1): every record must
belong to the sending commune, every event to a person the district holds for that commune, and
a record already received must be received again unchanged. The first record that breaks a rule
refuses the whole bundle, naming its line; the transaction is then rolled back (T18).

Records are applied in batches as the payload is decrypted and read (`BundleApplier`), so the
import holds a batch, not the bundle: its memory stays near the file's size, whatever the
bundle holds. Lifecycles are computed at the end, a batch of persons at a time, from what the
store then holds, and each file is replayed through the commune's engine on the way.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import ValidationError

from caseterm.domain.bundle import BundleRejected, canonical
from caseterm.domain.issues import errors_of
from caseterm.domain.lifecycle import LifeEvent, PersonFacts, check_new_event
from caseterm.domain.lifecycle.timecalc import WorkCalendar
from caseterm.domain.person import PersonRecord, validate_person
from caseterm.domain.sync import RecordCounts
from caseterm.errors import CasetermError
from caseterm.services.lifecycle.calendar import unit_calendar
from caseterm.services.lifecycle.events import life_event
from caseterm.services.lifecycle.projection import project
from caseterm.services.session.case_session import CaseSession
from caseterm.services.sync.bundle_records import EventLine, PersonLine, person_line
from caseterm.store.convert import record_from_json
from caseterm.store.database import Tx
from caseterm.store.records import EventInfo, ProjectionRow, StoredPerson

BATCH = 2000
"""Records planned and written at a time."""
PROJECT_BATCH = 500
"""Persons whose lifecycle is computed at a time, at the end."""


class BundleApplier:
    """Receives a bundle's records in order and applies them a batch at a time."""

    def __init__(self, session: CaseSession, tx: Tx, unit_code: str) -> None:
        self._session, self._tx, self._unit = session, tx, unit_code
        self._today = session.clock.now().date()
        self._persons: list[tuple[int, PersonLine]] = []
        self._events: list[tuple[int, EventLine]] = []
        self._owners: dict[str, str] = {}
        """Person id → its unit, for the persons of this bundle and those its events name."""
        self._new_persons: set[str] = set()
        self._touched: set[str] = set()
        """Persons whose lifecycle must be computed again (changed, or with new events)."""
        self._arriving: set[str] = set()
        """Ids of the events this bundle adds (checked against the law at the end)."""
        self._exported = 0
        self._present = 0

    def person(self, number: int, line: PersonLine) -> None:
        """A person line (`number`: its line in the payload)."""
        self._persons.append((number, line))
        if len(self._persons) >= BATCH:
            self._write_persons()

    def event(self, number: int, line: EventLine) -> None:
        """An event line; the persons before it are written first."""
        self._write_persons()
        self._events.append((number, line))
        if len(self._events) >= BATCH:
            self._write_events()

    def finish(self) -> RecordCounts:
        """Write what is left, compute the lifecycles, and count."""
        self._write_persons()
        self._write_events()
        self._project()
        return RecordCounts(
            exported=self._exported,
            applied=self._exported - self._present,
            already_present=self._present,
            rejected=0,
        )

    def _write_persons(self) -> None:
        batch, self._persons = self._persons, []
        if not batch:
            return
        self._exported += len(batch)
        held = self._tx.persons.versions([line.id for _n, line in batch])
        self._check_file_numbers(batch)
        new: list[StoredPerson] = []
        for number, line in batch:
            where = f"line {number}: person {line.id}"
            if line.unit_code != self._unit:
                raise BundleRejected("record", f"{where} belongs to unit {line.unit_code}")
            unit, version = held.get(line.id, (self._unit, 0))
            if unit != self._unit:
                raise BundleRejected("record", f"{where} is held by unit {unit}")
            self._owners[line.id] = unit
            if version >= line.version:
                if version == line.version:
                    _same_as_stored(self._tx, line, where)
                self._present += 1
                continue
            stored = _stored(line, self._unit, where, self._today)
            self._touched.add(line.id)
            if version:
                self._tx.persons.put_copy(stored)
            else:
                new.append(stored)
                self._new_persons.add(line.id)
        self._tx.persons.insert_copies(new)

    def _check_file_numbers(self, batch: list[tuple[int, PersonLine]]) -> None:
        """A file number names one person of the commune, as the commune last said.

        A bundle that gives one number to two persons is refused: no commune makes one. A
        number that an earlier bundle gave to another person is taken from that person (its
        file is then named by its id): a commune restored from an older backup numbers its new
        files again from where the backup stood, and its latest word is the one kept.
        """
        numbered = [(n, line, line.file_no) for n, line in batch if line.file_no is not None]
        given: dict[int, str] = {}
        for number, line, file_no in numbered:
            holder = given.setdefault(file_no, line.id)
            if holder != line.id:
                raise BundleRejected(
                    "record",
                    f"line {number}: person {line.id} has file number {file_no},"
                    f" as has person {holder} in the same bundle",
                )
        held = self._tx.persons.file_holders(self._unit, list(given))
        self._tx.persons.clear_file_numbers(
            [pid for number, pid in held.items() if given[number] != pid]
        )

    def _write_events(self) -> None:
        batch, self._events = self._events, []
        if not batch:
            return
        self._exported += len(batch)
        missing = sorted({line.person_id for _n, line in batch} - self._owners.keys())
        self._owners |= {pid: u for pid, (u, _v) in self._tx.persons.versions(missing).items()}
        known = self._tx.events.known([line.id for _n, line in batch])
        new: list[tuple[str, EventInfo]] = []
        for number, line in batch:
            where = f"line {number}: event {line.id}"
            owner = self._owners.get(line.person_id)
            if owner is None:
                raise BundleRejected("record", f"{where} is for a person never received")
            if owner != self._unit:
                raise BundleRejected("record", f"{where} is for a person held by unit {owner}")
            event = _info(line)
            stored = known.get(line.id)
            if stored is None:
                new.append((self._unit, event))
                self._arriving.add(event.id)
                self._touched.add(event.person_id)
            elif _event_bytes(stored) != _event_bytes(event):
                raise BundleRejected("record", f"{where} differs from the one received")
            else:
                self._present += 1
        self._tx.events.insert_copies(new)

    def _project(self) -> None:
        """Store the lifecycle of every person the bundle touched, a batch at a time.

        Each file is replayed through the commune's own engine: an event of the bundle that
        the engine refuses, and that it would have refused when the commune recorded it,
        refuses the bundle (a valid signature does not make an event lawful).
        """
        tx, now = self._tx, self._session.clock.now()
        calendar = unit_calendar(tx, self._unit)
        touched = sorted(self._touched)
        for start in range(0, len(touched), PROJECT_BATCH):
            ids = touched[start : start + PROJECT_BATCH]
            held, histories = tx.persons.get_many(ids), tx.events.of_persons(ids)
            rows = [
                _checked(held[pid], histories[pid], self._arriving, calendar, now) for pid in ids
            ]
            tx.states.put_many(
                [row for row in rows if row.person_id in self._new_persons], unit_code=self._unit
            )
            tx.states.replace_many(
                [row for row in rows if row.person_id not in self._new_persons],
                unit_code=self._unit,
            )


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
        line.id,
        unit_code,
        record,
        line.version,
        line.created_at,
        line.created_by,
        line.updated_at,
        line.file_no,
    )


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
