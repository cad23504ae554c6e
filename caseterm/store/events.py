"""Events: appended, copied from a bundle, and read back per person."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, select

from caseterm.store.engine import fetch_all
from caseterm.store.records import EventInfo
from caseterm.store.tables import Event


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
        row = event_row(
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
            event_row(
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


def event_row(
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
