"""Persons, their search index, and their events."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, insert, text
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, or_, select

from caseterm.domain.person import PersonRecord
from caseterm.store.convert import person_columns, record_from_row, search_text
from caseterm.store.engine import fetch_all
from caseterm.store.records import EventInfo, ListFilter, Matches, PersonSummary, StoredPerson
from caseterm.store.tables import Event, Person, PersonState

_SUMMARY = (
    col(Person.id),
    col(Person.full_name),
    col(Person.sex),
    col(Person.birth),
    col(Person.id_type),
    col(Person.id_number),
    col(Person.village),
)
"""The columns of a list line (`PersonSummary`), in its field order."""
MAX_ORDERED_MATCHES = 1000
"""More matches than this are not ordered as a whole (see `_in_register_order`)."""


class PersonRepo:
    """Persons of one transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def insert(
        self, *, person_id: str, unit_code: str, record: PersonRecord, at: str, by: str
    ) -> None:
        """Add a person and index their names."""
        num = (self._session.exec(select(func.max(Person.num))).one() or 0) + 1
        row = Person(**_person_row(person_id, num, record, unit_code=unit_code, at=at, by=by))
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
        people = [
            _person_row(pid, first + i, record, unit_code=unit_code, at=at, by=by)
            for i, (pid, record) in enumerate(rows)
        ]
        registered: dict[str, Any] = {"overridden_warnings": []}
        events = [
            _event_row(eid, pid, "person.registered", registered, unit_code=unit_code, at=at, by=by)
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
            row.update(version=person.version, updated_at=person.updated_at)
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

    def compact_search_index(self) -> None:
        """Merge the search index into one segment, dropping deleted rows' tokens for good.

        The index is contentless: a deleted row's tokens stay in older segments, marked
        deleted, until a merge rewrites them. A purge must not leave a name there (T33).
        """
        self._sql("INSERT INTO person_fts(person_fts) VALUES ('optimize')")

    def _index(self, num: int, record: PersonRecord) -> None:
        self._sql(
            "INSERT INTO person_fts(rowid, names) VALUES (:num, :names)",
            num=num,
            names=search_text(record),
        )

    def _unindex(self, num: int) -> None:
        self._sql("DELETE FROM person_fts WHERE rowid = :num", num=num)

    def _rows(self, query: Any) -> Any:
        """Run a Core select on this transaction's connection."""
        return self._session.connection().execute(query)

    def _sql(self, statement: str, **params: Any) -> Any:
        return self._session.connection().execute(text(statement), params)

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
        )

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

    def page(self, *, offset: int, limit: int, village: str | None = None) -> list[PersonSummary]:
        """Return one page of the register in Vietnamese order."""
        query = sa_select(*_SUMMARY).order_by(col(Person.sort_key), col(Person.id))
        if village:
            query = query.where(col(Person.village) == village)
        return [PersonSummary(*row) for row in self._rows(query.offset(offset).limit(limit))]

    def page_filtered(
        self, where: ListFilter, *, offset: int, limit: int
    ) -> tuple[list[PersonSummary], int]:
        """One page of the persons the filters keep, in Vietnamese order, and how many there are."""
        conditions = _filter_conditions(where)
        query = (
            sa_select(*_SUMMARY)
            .join(PersonState, col(PersonState.person_id) == col(Person.id))
            .where(*conditions)
            .order_by(col(Person.sort_key), col(Person.id))
            .offset(offset)
            .limit(limit)
        )
        counted = (
            sa_select(func.count())
            .select_from(Person)
            .join(PersonState, col(PersonState.person_id) == col(Person.id))
            .where(*conditions)
        )
        total = int(self._session.connection().execute(counted).scalar_one())
        return [PersonSummary(*row) for row in self._rows(query)], total

    def names(self, ids: list[str]) -> dict[str, str]:
        """Full names by person id, in one query per thousand ids (no record is decoded)."""
        found: dict[str, str] = {}
        for start in range(0, len(ids), 1000):
            chunk = ids[start : start + 1000]
            query = sa_select(col(Person.id), col(Person.full_name)).where(
                col(Person.id).in_(chunk)
            )
            found.update({row[0]: row[1] for row in self._rows(query)})
        return found

    def keep_filtered(self, ids: list[str], where: ListFilter) -> set[str]:
        """The ids among `ids` that the filters keep (to filter a search's results)."""
        query = (
            sa_select(col(Person.id))
            .join(PersonState, col(PersonState.person_id) == col(Person.id))
            .where(col(Person.id).in_(ids), *_filter_conditions(where))
        )
        return {row[0] for row in self._rows(query)}

    def filter_values(self) -> dict[str, list[str]]:
        """The values present for each filter (statuses, officers, villages, measures)."""
        connection = self._session.connection()
        statuses = connection.execute(sa_select(col(PersonState.status)).distinct()).scalars()
        officers = connection.execute(
            sa_select(col(PersonState.officer)).where(col(PersonState.officer) != "").distinct()
        ).scalars()
        measures: set[str] = set()
        for joined in connection.execute(sa_select(col(PersonState.measures)).distinct()).scalars():
            measures.update(filter(None, joined.split(",")))
        return {
            "status": sorted(statuses),
            "officer": sorted(officers),
            "measure": sorted(measures),
            "village": [village for village, _count in self.villages()],
        }

    def search_names(self, words: list[str], *, limit: int) -> Matches:
        """Persons whose name or alias has every word as a word prefix, in register order."""
        match = " AND ".join(f'"{word}"*' for word in words)
        found = self._raw(
            "SELECT rowid FROM person_fts WHERE person_fts MATCH ? LIMIT ?",
            (match, MAX_ORDERED_MATCHES + 1),
        )
        return self._in_register_order([row[0] for row in found], limit=limit)

    def search_id_prefix(self, prefix: str, *, limit: int) -> Matches:
        """Persons whose id-document number starts with `prefix` (a covering index range)."""
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        found = self._raw(
            "SELECT num FROM person WHERE id_number >= ? AND id_number < ? LIMIT ?",
            (prefix, upper, MAX_ORDERED_MATCHES + 1),
        )
        return self._in_register_order([row[0] for row in found], limit=limit)

    def _in_register_order(self, nums: list[int], *, limit: int) -> Matches:
        """The first `limit` of the matched persons in register order.

        Up to MAX_ORDERED_MATCHES matches are ordered from a covering index (no row is read
        until the page is known). Beyond that, ordering every match would cost more than a
        keystroke may: the first `limit` found are shown, in order, and flagged incomplete.
        """
        complete = len(nums) <= MAX_ORDERED_MATCHES
        if not nums:
            return Matches([], True)
        candidates = nums if complete else nums[:limit]
        ordered = self._raw(
            "SELECT id FROM person INDEXED BY ix_person_num_order "
            "WHERE num IN (SELECT value FROM json_each(?)) ORDER BY sort_key, id LIMIT ?",
            (json.dumps(candidates), limit),
        )
        ids = [row[0] for row in ordered]
        query = (
            sa_select(*_SUMMARY)
            .where(col(Person.id).in_(ids))
            .order_by(col(Person.sort_key), col(Person.id))
        )
        return Matches([PersonSummary(*row) for row in self._rows(query)], complete)

    def _raw(self, statement: str, params: tuple[object, ...]) -> list[tuple[Any, ...]]:
        return fetch_all(self._session, statement, params)

    def duplicate_candidates(
        self, record: PersonRecord, *, exclude: str | None = None
    ) -> list[PersonSummary]:
        """Same id-document number; or same folded name and birth year within one year."""
        year = record.birth.year
        same_name = (col(Person.name_folded) == record.folded_name()) & col(
            Person.birth_year
        ).between(year - 1, year + 1)
        condition = (
            or_(same_name, col(Person.id_number) == record.id_number)
            if record.id_number
            else same_name
        )
        query = sa_select(*_SUMMARY).where(condition).order_by(col(Person.sort_key)).limit(20)
        if exclude:
            query = query.where(col(Person.id) != exclude)
        return [PersonSummary(*row) for row in self._rows(query)]

    def villages(self) -> list[tuple[str, int]]:
        """Return each village with its number of persons."""
        query = (
            select(Person.village, func.count())
            .group_by(col(Person.village))
            .order_by(col(Person.village))
        )
        return [(village, int(count)) for village, count in self._session.exec(query)]


def _filter_conditions(where: ListFilter) -> list[Any]:
    """SQL conditions for the filters; registers and measures are comma-joined codes."""
    conditions: list[Any] = []
    if where.register:
        conditions.append(("," + col(PersonState.registers) + ",").contains(f",{where.register},"))
    if where.measure:
        conditions.append(("," + col(PersonState.measures) + ",").contains(f",{where.measure},"))
    if where.status:
        conditions.append(col(PersonState.status) == where.status)
    if where.officer:
        conditions.append(col(PersonState.officer) == where.officer)
    if where.village:
        conditions.append(col(Person.village) == where.village)
    return conditions


class EventRepo:
    """Append-only events of one transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def append(
        self,
        *,
        event_id: str,
        unit_code: str,
        person_id: str,
        type_: str,
        occurred_at: str,
        recorded_at: str,
        recorded_by: str,
        payload: dict[str, Any],
    ) -> None:
        """Record an event."""
        row = _event_row(
            event_id,
            person_id,
            type_,
            payload,
            unit_code=unit_code,
            at=occurred_at,
            by=recorded_by,
            recorded_at=recorded_at,
        )
        self._session.add(Event(**row))
        self._session.flush()

    def insert_copies(self, events: list[tuple[str, EventInfo]]) -> None:
        """Add (unit, event) pairs exactly as sent, in bulk (a district receiving a bundle)."""
        rows = [
            _event_row(
                e.id,
                e.person_id,
                e.type,
                e.payload,
                unit_code=unit,
                at=e.occurred_at,
                by=e.recorded_by,
                recorded_at=e.recorded_at,
            )
            for unit, e in events
        ]
        if rows:
            self._session.connection().execute(insert(Event), rows)

    def of_persons(self, ids: list[str]) -> dict[str, list[EventInfo]]:
        """Each of these persons' events, in one query per 5,000 persons."""
        found: dict[str, list[EventInfo]] = {pid: [] for pid in ids}
        for start in range(0, len(ids), 5000):
            rows = fetch_all(
                self._session,
                "SELECT id, person_id, type, occurred_at, recorded_at, recorded_by, payload "
                "FROM event WHERE person_id IN (SELECT value FROM json_each(?))",
                (json.dumps(ids[start : start + 5000]),),
            )
            for eid, pid, type_, occurred, recorded, by, payload in rows:
                info = EventInfo(eid, pid, type_, occurred, recorded, by, json.loads(payload))
                found[pid].append(info)
        return found

    def known(self, ids: list[str]) -> dict[str, EventInfo]:
        """Those of these events the store holds, in one query per 5,000."""
        found: dict[str, EventInfo] = {}
        for start in range(0, len(ids), 5000):
            chunk = json.dumps(ids[start : start + 5000])
            rows = fetch_all(
                self._session,
                "SELECT id, person_id, type, occurred_at, recorded_at, recorded_by, payload "
                "FROM event WHERE id IN (SELECT value FROM json_each(?))",
                (chunk,),
            )
            for eid, pid, type_, occurred, recorded, by, payload in rows:
                found[eid] = EventInfo(eid, pid, type_, occurred, recorded, by, json.loads(payload))
        return found

    def get(self, event_id: str) -> EventInfo | None:
        """One event by id."""
        row = self._session.get(Event, event_id)
        return None if row is None else _event_info(row)

    def of_person(self, person_id: str) -> list[EventInfo]:
        """Return a person's events in the order they happened."""
        query = (
            select(Event)
            .where(Event.person_id == person_id)
            .order_by(col(Event.occurred_at), col(Event.recorded_at), col(Event.id))
        )
        return [_event_info(e) for e in self._session.exec(query)]


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


def _event_info(row: Event) -> EventInfo:
    return EventInfo(
        row.id,
        row.person_id,
        row.type,
        row.occurred_at,
        row.recorded_at,
        row.recorded_by,
        json.loads(row.payload),
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


def _event_row(
    event_id: str,
    person_id: str,
    type_: str,
    payload: dict[str, Any],
    *,
    unit_code: str,
    at: str,
    by: str,
    recorded_at: str | None = None,
) -> dict[str, Any]:
    """The column values of a new event row (one place for the ORM and the bulk path)."""
    return {
        "id": event_id,
        "unit_code": unit_code,
        "person_id": person_id,
        "type": type_,
        "occurred_at": at,
        "recorded_at": recorded_at or at,
        "recorded_by": by,
        "payload": json.dumps(payload, ensure_ascii=False, sort_keys=True),
    }
