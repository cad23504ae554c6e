"""The commune's side of the exchange: its district, its exported bundles, what is unsent.

A commune store uses `SyncRepo`; a district store uses `DistrictRepo` (`store.district`). Both
only record what the services decided: the checks on a bundle are made before anything here is
called.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text, update
from sqlmodel import Session, col, select

from caseterm.store.engine import fetch_all
from caseterm.store.tables_sync import SyncExport, SyncTarget

PERSON = "person"
EVENT = "event"


@dataclass(frozen=True)
class TargetInfo:
    """(Commune) The district bundles are made for."""

    district_code: str
    recipient: str
    signing_public_key: bytes
    set_at: str


@dataclass(frozen=True)
class ExportInfo:
    """(Commune) One line of the export ledger."""

    sequence: int
    period: str
    created_at: str
    bundle_sha256: str
    previous_sha256: str
    file_name: str
    persons: int
    events: int
    acked_at: str | None
    ack_summary: str | None
    audit_seq: int | None = None
    """The audit head it carried (None for bundles made before audit anchoring)."""


class SyncRepo:
    """(Commune) The district to send to, the bundles sent, what the district acknowledged."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def target(self) -> TargetInfo | None:
        """The district in force, if one was set."""
        query = select(SyncTarget).where(col(SyncTarget.retired_at).is_(None))
        row = self._session.exec(query.order_by(col(SyncTarget.id).desc())).first()
        if row is None:
            return None
        return TargetInfo(row.district_code, row.recipient, row.signing_public_key, row.set_at)

    def set_target(self, target: TargetInfo) -> None:
        """Put a district in force (the previous one is kept, retired)."""
        self._session.execute(
            update(SyncTarget)
            .where(col(SyncTarget.retired_at).is_(None))
            .values(retired_at=target.set_at)
        )
        self._session.add(
            SyncTarget(
                district_code=target.district_code,
                recipient=target.recipient,
                signing_public_key=target.signing_public_key,
                set_at=target.set_at,
            )
        )
        self._session.flush()

    def exports(self) -> list[ExportInfo]:
        """Every bundle made, oldest first."""
        rows = self._session.exec(select(SyncExport).order_by(col(SyncExport.sequence)))
        return [_export(row) for row in rows]

    def last_export(self) -> ExportInfo | None:
        """The newest bundle made."""
        row = self._session.exec(
            select(SyncExport).order_by(col(SyncExport.sequence).desc())
        ).first()
        return None if row is None else _export(row)

    def export(self, sequence: int) -> tuple[ExportInfo, bytes | None] | None:
        """One bundle of the ledger, with its bytes while it is unacknowledged."""
        row = self._session.get(SyncExport, sequence)
        return None if row is None else (_export(row), row.bundle)

    def add_export(
        self, info: ExportInfo, bundle: bytes, persons: list[tuple[str, int]], events: list[str]
    ) -> None:
        """Record a new bundle, its bytes and the record versions it carries."""
        carried = json.dumps({PERSON: persons, EVENT: events}, separators=(",", ":"))
        self._session.add(
            SyncExport(
                sequence=info.sequence,
                period=info.period,
                created_at=info.created_at,
                bundle_sha256=info.bundle_sha256,
                previous_sha256=info.previous_sha256,
                file_name=info.file_name,
                persons=info.persons,
                events=info.events,
                bundle=bundle,
                audit_seq=info.audit_seq,
                carried=carried.encode(),
            )
        )
        self._session.flush()

    def acknowledge(self, sequence: int, *, at: str, summary: str) -> int:
        """Mark bundles up to `sequence` acknowledged; return how many were newly marked.

        The district applies a commune's bundles strictly in order, so acknowledging one
        acknowledges every bundle before it. Their bytes are no longer kept.
        """
        waiting = list(
            self._session.exec(
                select(SyncExport).where(
                    col(SyncExport.sequence) <= sequence, col(SyncExport.acked_at).is_(None)
                )
            )
        )
        connection = self._session.connection()
        for export in waiting:
            carried = json.loads(export.carried)
            rows = [{"k": PERSON, "r": pid, "v": version} for pid, version in carried[PERSON]]
            rows += [{"k": EVENT, "r": eid, "v": 1} for eid in carried[EVENT]]
            if rows:
                connection.execute(
                    text(
                        "INSERT INTO sync_acked(kind, record_id, version) VALUES (:k, :r, :v) "
                        "ON CONFLICT(kind, record_id) DO UPDATE SET version = "
                        "max(version, excluded.version)"
                    ),
                    rows,
                )
            export.acked_at, export.bundle = at, None
            self._session.add(export)
        self._session.flush()
        self._session.execute(
            update(SyncExport)
            .where(col(SyncExport.sequence) == sequence)
            .values(ack_summary=summary)
        )
        return len(waiting)

    def unsent_person_rows(self, *, batch: int = 2000) -> Iterator[tuple[Any, ...]]:
        """Persons whose current version the district has not acknowledged, by id, as rows.

        A bundle is built from them without the domain objects. Each row: id, unit, the six
        columns, details, version, created at, created by, updated at, file number.
        """
        return self._pages(
            "SELECT p.id, p.unit_code, p.full_name, p.sex, p.birth, p.id_type, p.id_number,"
            " p.village, p.details, p.version, p.created_at, p.created_by, p.updated_at,"
            " p.file_no FROM person p"
            " LEFT JOIN sync_acked a ON a.kind = 'person' AND a.record_id = p.id"
            " WHERE p.id > ? AND (a.version IS NULL OR a.version < p.version)"
            " ORDER BY p.id LIMIT ?",
            batch,
        )

    def unsent_event_rows(self, *, batch: int = 5000) -> Iterator[tuple[Any, ...]]:
        """Events the district has not acknowledged, by id (UUIDv7: the order they were made).

        Raw rows, the payload still the stored JSON text.
        """
        return self._pages(
            "SELECT e.id, e.person_id, e.type, e.occurred_at, e.recorded_at, e.recorded_by,"
            " e.payload FROM event e"
            " WHERE e.id > ? AND NOT EXISTS (SELECT 1 FROM sync_acked a"
            " WHERE a.kind = 'event' AND a.record_id = e.id)"
            " ORDER BY e.id LIMIT ?",
            batch,
        )

    def _pages(self, statement: str, batch: int) -> Iterator[tuple[Any, ...]]:
        """Every row of a statement that pages by id (`id > ?` … `LIMIT ?`), `batch` at a time."""
        after = ""
        while True:
            rows = fetch_all(self._session, statement, (after, batch))
            yield from rows
            if len(rows) < batch:
                return
            after = rows[-1][0]

    def unsent_counts(self) -> tuple[int, int]:
        """How many persons and events the next bundle would carry."""
        persons = fetch_all(
            self._session,
            "SELECT count(*) FROM person p LEFT JOIN sync_acked a"
            " ON a.kind = 'person' AND a.record_id = p.id"
            " WHERE a.version IS NULL OR a.version < p.version",
            (),
        )[0][0]
        events = fetch_all(
            self._session,
            "SELECT count(*) FROM event e WHERE NOT EXISTS (SELECT 1 FROM sync_acked a"
            " WHERE a.kind = 'event' AND a.record_id = e.id)",
            (),
        )[0][0]
        return int(persons), int(events)


def _export(row: SyncExport) -> ExportInfo:
    return ExportInfo(
        row.sequence,
        row.period,
        row.created_at,
        row.bundle_sha256,
        row.previous_sha256,
        row.file_name,
        row.persons,
        row.events,
        row.acked_at,
        row.ack_summary,
        row.audit_seq,
    )
