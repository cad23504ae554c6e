"""Persons: registered, corrected, copied from a bundle, purged, and read one at a time."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, insert, text
from sqlmodel import col, select

from caseterm.domain.person import PersonRecord
from caseterm.store.convert import person_columns, record_from_row, search_text
from caseterm.store.engine import fetch_all
from caseterm.store.events import event_row
from caseterm.store.person_search import PersonSearch
from caseterm.store.records import StoredPerson
from caseterm.store.tables import Event, Person, Unit

PersonTagFields = tuple[str, str, str | None, int | None, str | None]
"""Birth, village, ID number, file number, and the file's commune when not this store's."""


class PersonRepo(PersonSearch):
    """Persons of one transaction."""

    def insert(
        self, *, person_id: str, unit_code: str, record: PersonRecord, at: str, by: str
    ) -> None:
        """Add a person and index their names."""
        num = (self._session.exec(select(func.max(Person.num))).one() or 0) + 1
        row = Person(**_person_row(person_id, num, record, unit_code=unit_code, at=at, by=by))
        row.file_no = self._next_file_nos(unit_code, 1)
        self._session.add(row)
        self._session.flush()
        self._index(num, record)

    def update(
        self, *, person_id: str, record: PersonRecord, at: str, expected_version: int
    ) -> bool:
        """Replace a person's record; False when someone else changed it first."""
        row = self._session.get(Person, person_id)
        if row is None or row.version != expected_version:
            return False
        for key, value in person_columns(record).items():
            setattr(row, key, value)
        row.version += 1
        row.updated_at = at
        self._session.add(row)
        self._session.flush()
        self._unindex(row.num)
        self._index(row.num, record)
        return True

    def insert_many(
        self,
        *,
        rows: list[tuple[str, PersonRecord]],
        unit_code: str,
        at: str,
        by: str,
        event_ids: list[str],
    ) -> None:
        """Add many persons with their `person.registered` events in bulk (demo data, imports)."""
        first = (self._session.exec(select(func.max(Person.num))).one() or 0) + 1
        first_file = self._next_file_nos(unit_code, len(rows))
        people = [
            {
                **_person_row(pid, first + i, record, unit_code=unit_code, at=at, by=by),
                "file_no": first_file + i,
            }
            for i, (pid, record) in enumerate(rows)
        ]
        registered: dict[str, Any] = {"overridden_warnings": []}
        events = [
            event_row(eid, pid, "person.registered", registered, unit_code=unit_code, at=at, by=by)
            for eid, (pid, _) in zip(event_ids, rows, strict=True)
        ]
        connection = self._session.connection()
        connection.execute(insert(Person), people)
        connection.execute(insert(Event), events)
        connection.execute(
            text("INSERT INTO person_fts(rowid, names) VALUES (:num, :names)"),
            [
                {"num": first + i, "names": search_text(record)}
                for i, (_, record) in enumerate(rows)
            ],
        )

    def _next_file_nos(self, unit_code: str, count: int) -> int:
        """Reserve `count` file numbers of a unit; return the first (never reused)."""
        unit = self._session.get(Unit, unit_code)
        if unit is None:
            raise LookupError(unit_code)
        first = unit.last_file_no + 1
        unit.last_file_no += count
        self._session.add(unit)
        return first

    def file_holders(self, unit_code: str, numbers: list[int]) -> dict[int, str]:
        """Which person of a unit holds each of these file numbers (those that are held)."""
        found: dict[int, str] = {}
        for start in range(0, len(numbers), 5000):
            for number, pid in fetch_all(
                self._session,
                "SELECT file_no, id FROM person WHERE unit_code = ?"
                " AND file_no IN (SELECT value FROM json_each(?))",
                (unit_code, json.dumps(numbers[start : start + 5000])),
            ):
                found[int(number)] = str(pid)
        return found

    def clear_file_numbers(self, ids: list[str]) -> None:
        """Take these persons' file numbers away (a district: their commune gave them anew)."""
        if ids:
            self._sql(
                "UPDATE person SET file_no = NULL WHERE id IN (SELECT value FROM json_each(:ids))",
                ids=json.dumps(ids),
            )

    def insert_copies(self, persons: list[StoredPerson]) -> None:
        """Add other units' persons exactly as sent, in bulk (a district receiving a bundle)."""
        if not persons:
            return
        first = (self._session.exec(select(func.max(Person.num))).one() or 0) + 1
        rows = []
        for offset, person in enumerate(persons):
            row = _person_row(
                person.id,
                first + offset,
                person.record,
                unit_code=person.unit_code,
                at=person.created_at,
                by=person.created_by,
            )
            row.update(version=person.version, updated_at=person.updated_at, file_no=person.file_no)
            rows.append(row)
        connection = self._session.connection()
        connection.execute(insert(Person), rows)
        connection.execute(
            text("INSERT INTO person_fts(rowid, names) VALUES (:num, :names)"),
            [{"num": first + i, "names": search_text(p.record)} for i, p in enumerate(persons)],
        )

    def versions(self, ids: list[str]) -> dict[str, tuple[str, int]]:
        """(unit, version) of those of these persons the store holds, in one query per 5,000."""
        found: dict[str, tuple[str, int]] = {}
        for start in range(0, len(ids), 5000):
            chunk = json.dumps(ids[start : start + 5000])
            for pid, unit, version in fetch_all(
                self._session,
                "SELECT id, unit_code, version FROM person "
                "WHERE id IN (SELECT value FROM json_each(?))",
                (chunk,),
            ):
                found[pid] = (unit, version)
        return found

    def tags(self, ids: list[str]) -> dict[str, PersonTagFields]:
        """What tells two namesakes apart on a list, for these persons (`PersonTagFields`).

        One query per 5,000 persons.
        """
        found: dict[str, PersonTagFields] = {}
        for start in range(0, len(ids), 5000):
            rows = fetch_all(
                self._session,
                "SELECT id, birth, village, id_number, file_no, CASE WHEN unit_code IN"
                " (SELECT code FROM unit WHERE own) THEN NULL ELSE unit_code END FROM person "
                "WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(ids[start : start + 5000]),),
            )
            for pid, birth, village, number, file_no, file_unit in rows:
                found[str(pid)] = (str(birth), str(village), number, file_no, file_unit)
        return found

    def get_many(self, ids: list[str]) -> dict[str, StoredPerson]:
        """Those of these persons the store holds, in one query per 5,000."""
        found: dict[str, StoredPerson] = {}
        for start in range(0, len(ids), 5000):
            rows = fetch_all(
                self._session,
                "SELECT id, unit_code, full_name, sex, birth, id_type, id_number, village, "
                "details, version, created_at, created_by, updated_at FROM person "
                "WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(ids[start : start + 5000]),),
            )
            for row in rows:
                found[row[0]] = stored_person(row)
        return found

    def put_copy(self, person: StoredPerson) -> None:
        """Store another unit's person exactly as sent (a district receiving a bundle).

        A new person is added; a known one is overwritten in place, keeping its search number.
        """
        row = self._session.get(Person, person.id)
        if row is None:
            num = (self._session.exec(select(func.max(Person.num))).one() or 0) + 1
            row = Person(
                **_person_row(
                    person.id,
                    num,
                    person.record,
                    unit_code=person.unit_code,
                    at=person.created_at,
                    by=person.created_by,
                )
            )
        else:
            self._unindex(row.num)
            for key, value in person_columns(person.record).items():
                setattr(row, key, value)
        row.version, row.updated_at = person.version, person.updated_at
        row.file_no = person.file_no
        self._session.add(row)
        self._session.flush()
        self._index(row.num, person.record)

    def purge(self, person_id: str) -> list[str]:
        """Delete a person's file whole: record, events, projection, deadlines, search entry.

        Returns the ids of the events deleted. With `secure_delete` on, SQLite overwrites the
        freed content; the audit entries (ids only) stay.
        """
        row = self._session.get(Person, person_id)
        if row is None:
            return []
        events = [
            str(found[0])
            for found in self._sql("SELECT id FROM event WHERE person_id = :p", p=person_id)
        ]
        self._unindex(row.num)
        for table in ("person_deadline", "person_state", "event"):
            self._sql(f"DELETE FROM {table} WHERE person_id = :p", p=person_id)  # noqa: S608
        self._sql("DELETE FROM person WHERE id = :p", p=person_id)
        self._session.expunge(row)
        return events

    def get(self, person_id: str) -> StoredPerson | None:
        """Return a person's full record."""
        row = self._session.get(Person, person_id)
        if row is None:
            return None
        columns = {
            "full_name": row.full_name,
            "sex": row.sex,
            "birth": row.birth,
            "id_type": row.id_type,
            "id_number": row.id_number,
            "village": row.village,
        }
        return StoredPerson(
            row.id,
            row.unit_code,
            record_from_row(columns, row.details),
            row.version,
            row.created_at,
            row.created_by,
            row.updated_at,
            row.file_no,
            None if self._is_own(row.unit_code) else row.unit_code,
        )

    def _is_own(self, unit_code: str) -> bool:
        unit = self._session.get(Unit, unit_code)
        return unit is not None and unit.own

    def exists(self, person_id: str) -> bool:
        """True when the person exists."""
        return self._session.get(Person, person_id) is not None

    def ids_with_prefix(self, prefix: str, *, limit: int) -> list[str]:
        """Return the ids that start with `prefix` (the primary key's index range)."""
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        query = (
            select(Person.id).where(col(Person.id) >= prefix, col(Person.id) < upper).limit(limit)
        )
        return list(self._session.exec(query))

    def all_ids(self) -> list[str]:
        """Every person's id, in id order (checks that walk the whole register)."""
        return list(self._session.exec(select(Person.id).order_by(col(Person.id))))

    def count(self) -> int:
        """Return the number of persons."""
        return int(self._session.exec(select(func.count()).select_from(Person)).one())


def stored_person(row: tuple[Any, ...]) -> StoredPerson:
    """A person from a raw row.

    The row: id, unit, the six columns, details, version, created at, created by, updated at.
    """
    pid, unit, name, sex, birth, id_type, id_number, village, details = row[:9]
    columns = {
        "full_name": name,
        "sex": sex,
        "birth": birth,
        "id_type": id_type,
        "id_number": id_number,
        "village": village,
    }
    version, created_at, created_by, updated_at = row[9:]
    return StoredPerson(
        str(pid),
        str(unit),
        record_from_row(columns, str(details)),
        int(version),
        str(created_at),
        str(created_by),
        str(updated_at),
    )


def _person_row(
    person_id: str, num: int, record: PersonRecord, *, unit_code: str, at: str, by: str
) -> dict[str, Any]:
    """The column values of a new person row (one place for the ORM and the bulk path)."""
    return {
        "id": person_id,
        "num": num,
        "unit_code": unit_code,
        "created_at": at,
        "created_by": by,
        "updated_at": at,
        "version": 1,
        **person_columns(record),
    }
