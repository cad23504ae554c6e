"""The lifecycle projection (`person_state`) and the unit-level events."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import delete, insert, text
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, or_, select

from caseterm.store.engine import fetch_all
from caseterm.store.records import (
    BASIS_SEPARATOR,
    DueRow,
    OpenDeadline,
    ProjectionRow,
    ReportRow,
    UnitEventInfo,
    UnreviewedRow,
    WatchRow,
)
from caseterm.store.tables import Person, PersonDeadline, PersonState, UnitEvent

_EXPIRED = "SELECT person_id FROM person_state WHERE valid_until <= ?"
_OTHER_EDITION = (
    "SELECT person_id FROM person_state WHERE calendar_version < ? AND unit_code = ?",
    "SELECT person_id FROM person_state WHERE calendar_version > ? AND unit_code = ?",
)


class StateRepo:
    """Read and replace projections within one transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def put(self, row: ProjectionRow, *, unit_code: str) -> None:
        """Insert or replace a person's projection."""
        values = _columns(row, unit_code)
        existing = self._session.get(PersonState, row.person_id)
        if existing is None:
            self._session.add(PersonState(**values))
        else:
            for key, value in values.items():
                setattr(existing, key, value)
        self._session.flush()
        connection = self._session.connection()
        connection.execute(
            delete(PersonDeadline).where(col(PersonDeadline.person_id) == row.person_id)
        )
        if row.deadlines:
            connection.execute(_INSERT_DEADLINE, _deadline_columns(row))

    def put_many(self, rows: list[ProjectionRow], *, unit_code: str) -> None:
        """Insert many new projections at once (bulk imports, demo data)."""
        values = [_columns(row, unit_code) for row in rows]
        deadlines = [value for row in rows for value in _deadline_columns(row)]
        connection = self._session.connection()
        if values:
            connection.execute(insert(PersonState), values)
        if deadlines:
            connection.execute(_INSERT_DEADLINE, deadlines)

    def replace_many(self, rows: list[ProjectionRow], *, unit_code: str) -> None:
        """Replace many projections at once (a district applying a month of events)."""
        ids = json.dumps([row.person_id for row in rows])
        connection = self._session.connection()
        for table in ("person_deadline", "person_state"):
            connection.execute(
                text(f"DELETE FROM {table} WHERE person_id IN (SELECT value FROM json_each(:ids))"),  # noqa: S608
                {"ids": ids},
            )
        self.put_many(rows, unit_code=unit_code)

    def get(self, person_id: str) -> ProjectionRow | None:
        """A person's projection, if it was ever computed."""
        found = self._session.get(PersonState, person_id)
        return None if found is None else _row(found, self._deadlines_of(person_id))

    def _deadlines_of(self, person_id: str) -> tuple[OpenDeadline, ...]:
        query = (
            select(PersonDeadline)
            .where(col(PersonDeadline.person_id) == person_id)
            .order_by(col(PersonDeadline.due_at), col(PersonDeadline.key))
        )
        return tuple(_deadline(found) for found in self._session.exec(query))

    def stale_ids(self, *, now: str, editions: dict[str, str]) -> list[str]:
        """Projections that time, a new holiday calendar or a unit's setting made out of date.

        `editions` maps each unit to the calendar edition its persons must be derived under.
        Range queries rather than one with OR and "!=": SQLite answers each from an index,
        where the single query made it read the whole table and every summary in it. Run on
        every open of the today list, so straight on the connection.
        """
        found = {pid for (pid,) in fetch_all(self._session, _EXPIRED, (now,))}
        for unit_code, edition in editions.items():
            for statement in _OTHER_EDITION:
                rows = fetch_all(self._session, statement, (edition, unit_code))
                found.update(pid for (pid,) in rows)
        return sorted(found)

    def due(self, *, before: str, visible_at: str, limit: int | None = None) -> list[DueRow]:
        """Open deadlines due by `before`, or shown early from `visible_at` (the today list).

        In display order: due moment, then name in Vietnamese order; the first `limit` only if
        given. The first query walks the table's clustered key; the second finds the few
        deadlines that warn early (the limitation, an 18th birthday), all due after the first's.
        """
        cap = -1 if limit is None else limit  # SQLite reads LIMIT -1 as no limit
        near = fetch_all(
            self._session, _DUE_SQL.format(where="due_at <= ?") + " LIMIT ?", (before, cap)
        )
        if limit is not None and len(near) >= limit:
            return list(map(DueRow._make, near))
        early = fetch_all(
            self._session,
            _DUE_SQL.format(where="due_at > ? AND visible_from <= ?") + " LIMIT ?",
            (before, visible_at, cap if limit is None else limit - len(near)),
        )
        return list(map(DueRow._make, near + early))

    def due_counts(self, *, bounds: list[str], visible_at: str) -> tuple[list[int], int]:
        """The today list's totals, counted without reading the rows out.

        How many open deadlines are due by each bound, and how many due after the last bound
        are shown early from `visible_at`.
        """
        counts = [int(fetch_all(self._session, _COUNT_SQL, (bound,))[0][0]) for bound in bounds]
        early = fetch_all(self._session, _COUNT_EARLY_SQL, (bounds[-1], visible_at))
        return counts, int(early[0][0])

    def watched(self) -> list[WatchRow]:
        """Everyone with a lasting reason for the close-watch list, longest unseen first."""
        rows = fetch_all(
            self._session,
            "SELECT s.person_id, p.full_name, s.watch, s.released_at, s.last_contact "
            "FROM person_state AS s JOIN person AS p ON p.id = s.person_id "
            "WHERE s.watch > '' ORDER BY s.last_contact IS NOT NULL, s.last_contact, p.sort_key",
            (),
        )
        return [
            WatchRow(pid, name, tuple(watch.split(",")), released, contact)
            for pid, name, watch, released, contact in rows
        ]

    def unreviewed(self, year: int, *, limit: int) -> tuple[list[UnreviewedRow], int]:
        """People on a register without an annual review in `year`, and how many in all.

        The first `limit` (none if 0), in Vietnamese name order. The count is two range queries
        answered from the (reviewed_year, registers) index alone, never the rows themselves.
        """
        total = sum(
            int(fetch_all(self._session, statement, params)[0][0])
            for statement, params in (
                (_COUNT_GAP_SQL.format(review="s.reviewed_year IS NULL"), ()),
                (_COUNT_GAP_SQL.format(review="s.reviewed_year < ?"), (year,)),
            )
        )
        if limit <= 0:
            return [], total
        rows = fetch_all(self._session, _GAP_SQL, (year, limit))
        found = [
            UnreviewedRow(pid, name, tuple(registers.split(",")), reviewed)
            for pid, name, registers, reviewed in rows
        ]
        return found, total

    def names_of_deadlines_out_of_date(self) -> list[str]:
        """Persons whose name in their deadline rows differs from the register (verification)."""
        query = (
            sa_select(col(PersonDeadline.person_id))
            .join(Person, col(Person.id) == col(PersonDeadline.person_id))
            .where(
                or_(
                    col(Person.full_name) != col(PersonDeadline.full_name),
                    col(Person.sort_key) != col(PersonDeadline.sort_key),
                )
            )
            .distinct()
        )
        return list(self._session.connection().execute(query).scalars())

    def all(self, *, batch: int = 1000) -> Iterator[ProjectionRow]:
        """Every projection, in batches (verification)."""
        offset = 0
        while True:
            query = (
                select(PersonState).order_by(col(PersonState.person_id)).offset(offset).limit(batch)
            )
            rows = list(self._session.exec(query))
            if not rows:
                return
            yield from (_row(found, self._deadlines_of(found.person_id)) for found in rows)
            offset += batch

    def report_rows(self, *, start: str, end: str) -> list[ReportRow]:
        """The people who can count over [start, end), with what the report reads of them.

        The span index leaves out closed files and people never counted; the register's plain
        columns are read, never the identity block's JSON, and fetched in C (P7).
        """
        return list(map(ReportRow._make, fetch_all(self._session, _REPORT_SQL, (start, end))))

    def counted_ids(self, *, start: str, end: str) -> list[str]:
        """The ids of the people whose counted span meets [start, end) (as `report_rows`)."""
        statement = "SELECT person_id FROM person_state WHERE report_until >= ? AND report_from < ?"
        return [row[0] for row in fetch_all(self._session, statement, (start, end))]

    def count_by(self) -> dict[str, int]:
        """How many persons are on each register (the counts of the today screen)."""
        counts: dict[str, int] = {}
        statement = "SELECT registers, count(*) FROM person_state GROUP BY registers"
        for registers, count in fetch_all(self._session, statement, ()):
            for name in filter(None, registers.split(",")):
                counts[name] = counts.get(name, 0) + count
        return counts


class UnitEventRepo:
    """Unit-level events (append-only)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def append(self, event: UnitEventInfo, *, unit_code: str) -> None:
        """Record a unit event."""
        self._session.add(
            UnitEvent(
                id=event.id,
                unit_code=unit_code,
                type=event.type,
                occurred_at=event.occurred_at,
                recorded_at=event.recorded_at,
                recorded_by=event.recorded_by,
                payload=json.dumps(event.payload, ensure_ascii=False, sort_keys=True),
            )
        )
        self._session.flush()

    def all(self) -> list[UnitEventInfo]:
        """Every unit event, oldest first."""
        query = select(UnitEvent).order_by(col(UnitEvent.occurred_at))
        return [
            UnitEventInfo(
                e.id, e.type, e.occurred_at, e.recorded_at, e.recorded_by, json.loads(e.payload)
            )
            for e in self._session.exec(query)
        ]


def _columns(row: ProjectionRow, unit_code: str) -> dict[str, Any]:
    """The column values of a projection row (one place for the ORM and the bulk path)."""
    return {
        "person_id": row.person_id,
        "unit_code": unit_code,
        "status": row.status,
        "registers": ",".join(row.registers),
        "measures": ",".join(row.measures),
        "officer": row.officer,
        "watch": ",".join(row.watch),
        "released_at": row.released_at,
        "last_contact": row.last_contact,
        "reviewed_year": row.reviewed_year,
        "next_due_at": row.next_due_at,
        "valid_until": row.valid_until,
        "as_of": row.as_of,
        "calendar_version": row.calendar_version,
        "summary": json.dumps(row.summary, ensure_ascii=False, sort_keys=True),
        "report": json.dumps(row.report, ensure_ascii=False, separators=(",", ":"))
        if row.report
        else "",
        "report_from": row.report_span[0] if row.report_span else None,
        "report_until": row.report_span[1] if row.report_span else None,
    }


# The column names come from the record's own fields, never from input; values are bound.
_DUE_SQL = (
    f"SELECT {', '.join(DueRow._fields)} FROM person_deadline WHERE {{where}} "  # noqa: S608
    "ORDER BY due_at, sort_key, person_id, key"
)
"""The columns of a `DueRow`, in the table's clustered order (so SQLite does not sort)."""
_COUNT_GAP_SQL = "SELECT count(*) FROM person_state AS s WHERE {review} AND s.registers > ''"
_GAP_SQL = (
    "SELECT s.person_id, p.full_name, s.registers, s.reviewed_year "
    "FROM person_state AS s JOIN person AS p ON p.id = s.person_id "
    "WHERE s.registers > '' AND (s.reviewed_year IS NULL OR s.reviewed_year < ?) "
    "ORDER BY p.sort_key LIMIT ?"
)
_REPORT_SQL = (
    "SELECT p.unit_code, p.sex, p.birth, p.village, s.officer, s.report "
    "FROM person_state AS s JOIN person AS p ON p.id = s.person_id "
    "WHERE s.report_until >= ? AND s.report_from < ?"
)
_COUNT_SQL = "SELECT count(*) FROM person_deadline WHERE due_at <= ?"
_COUNT_EARLY_SQL = "SELECT count(*) FROM person_deadline WHERE due_at > ? AND visible_from <= ?"
_INSERT_DEADLINE = text(
    "INSERT INTO person_deadline (due_at, sort_key, person_id, key, full_name, code, "
    "visible_from, measure_id, measure_kind, basis) "
    "SELECT :due_at, p.sort_key, p.id, :key, p.full_name, :code, :visible_from, :measure_id, "
    ":measure_kind, :basis FROM person AS p WHERE p.id = :person_id"
)
"""One deadline row, with the name copied from the register in the same statement."""


def _deadline_columns(row: ProjectionRow) -> list[dict[str, Any]]:
    return [
        {
            "person_id": row.person_id,
            "key": deadline.key,
            "code": deadline.code,
            "due_at": deadline.due_at,
            "visible_from": deadline.visible_from,
            "measure_id": deadline.measure_id,
            "measure_kind": deadline.measure_kind,
            "basis": BASIS_SEPARATOR.join(deadline.basis),
        }
        for deadline in row.deadlines
    ]


def _basis(stored: str) -> tuple[str, ...]:
    return tuple(filter(None, stored.split(BASIS_SEPARATOR)))


def _deadline(found: PersonDeadline) -> OpenDeadline:
    return OpenDeadline(
        found.key,
        found.code,
        found.due_at,
        found.visible_from,
        found.measure_id,
        found.measure_kind,
        _basis(found.basis),
    )


def _row(found: PersonState, deadlines: tuple[OpenDeadline, ...]) -> ProjectionRow:
    summary: dict[str, Any] = json.loads(found.summary)
    return ProjectionRow(
        person_id=found.person_id,
        status=found.status,
        registers=tuple(filter(None, found.registers.split(","))),
        next_due_at=found.next_due_at,
        valid_until=found.valid_until,
        as_of=found.as_of,
        calendar_version=found.calendar_version,
        summary=summary,
        measures=tuple(filter(None, found.measures.split(","))),
        officer=found.officer,
        deadlines=deadlines,
        watch=tuple(filter(None, found.watch.split(","))),
        released_at=found.released_at,
        last_contact=found.last_contact,
        reviewed_year=found.reviewed_year,
        report=json.loads(found.report) if found.report else {},
        report_span=(found.report_from, found.report_until)
        if found.report_from and found.report_until
        else None,
    )
