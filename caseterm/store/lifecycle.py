"""The lifecycle projection (`person_state`) and the unit-level events."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlmodel import Session, col, or_, select

from caseterm.store.records import ProjectionRow, UnitEventInfo
from caseterm.store.tables import PersonState, UnitEvent


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

    def put_many(self, rows: list[ProjectionRow], *, unit_code: str) -> None:
        """Insert many new projections at once (bulk imports, demo data)."""
        from sqlalchemy import insert

        values = [_columns(row, unit_code) for row in rows]
        if values:
            self._session.connection().execute(insert(PersonState), values)

    def get(self, person_id: str) -> ProjectionRow | None:
        """A person's projection, if it was ever computed."""
        found = self._session.get(PersonState, person_id)
        return None if found is None else _row(found)

    def stale_ids(self, *, now: str, calendar_version: str) -> list[str]:
        """Projections that time or a new holiday calendar has made out of date."""
        query = select(PersonState.person_id).where(
            or_(
                col(PersonState.valid_until) <= now,
                col(PersonState.calendar_version) != calendar_version,
            )
        )
        return list(self._session.exec(query))

    def due_before(self, moment: str) -> list[ProjectionRow]:
        """Projections with a deadline due before `moment` (the today list)."""
        query = (
            select(PersonState)
            .where(col(PersonState.next_due_at) <= moment)
            .order_by(col(PersonState.next_due_at))
        )
        return [_row(found) for found in self._session.exec(query)]

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
            yield from (_row(found) for found in rows)
            offset += batch

    def count_by(self) -> dict[str, int]:
        """How many persons are on each register (the counts of the today screen)."""
        counts: dict[str, int] = {}
        for registers in self._session.exec(select(PersonState.registers)):
            for name in filter(None, registers.split(",")):
                counts[name] = counts.get(name, 0) + 1
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
        "next_due_at": row.next_due_at,
        "valid_until": row.valid_until,
        "as_of": row.as_of,
        "calendar_version": row.calendar_version,
        "summary": json.dumps(row.summary, ensure_ascii=False, sort_keys=True),
    }


def _row(found: PersonState) -> ProjectionRow:
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
    )
