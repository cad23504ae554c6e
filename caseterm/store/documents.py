"""The unit's document header, its yearly number register and the documents written in clear."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from caseterm.store.tables import DecisionNumber, DocumentDetail, DocumentExport, Unit


@dataclass(frozen=True)
class NumberHeld:
    """A number of the register and what holds it."""

    written: str
    person_id: str | None
    event_id: str | None
    form: str | None
    typed: bool


@dataclass(frozen=True)
class ExportInfo:
    """A document written to a file (`tables.DocumentExport`)."""

    id: str
    person_id: str | None
    form: str
    event_id: str | None
    decision_no: str | None
    sha256: str
    file_name: str
    written_at: str
    removed_at: str | None


class DocumentRepo:
    """Documents of one transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def header(self) -> dict[str, Any]:
        """The own unit's document header (empty until set)."""
        unit = self._session.exec(select(Unit).where(col(Unit.own))).one()
        return dict(json.loads(unit.doc_header)) if unit.doc_header else {}

    def set_header(self, header: dict[str, Any]) -> None:
        """Replace the own unit's document header."""
        unit = self._session.exec(select(Unit).where(col(Unit.own))).one()
        unit.doc_header = json.dumps(header, ensure_ascii=False, sort_keys=True)
        self._session.add(unit)
        self._session.flush()

    def highest(self, unit_code: str, year: int, kind: str) -> int:
        """The highest number given in a year for a kind (0 before the first)."""
        query = select(func.max(DecisionNumber.number)).where(
            DecisionNumber.unit_code == unit_code,
            DecisionNumber.year == year,
            DecisionNumber.kind == kind,
        )
        return int(self._session.exec(query).one() or 0)

    def holder(self, unit_code: str, year: int, kind: str, number: int) -> NumberHeld | None:
        """What holds a number, if it was given."""
        row = self._session.get(DecisionNumber, (unit_code, year, kind, number))
        if row is None:
            return None
        return NumberHeld(row.written, row.person_id, row.event_id, row.form, row.typed)

    def of_event(self, event_id: str, kind: str) -> str | None:
        """The number of `kind` already given for an event (a document made twice keeps it)."""
        query = select(DecisionNumber.written).where(
            DecisionNumber.event_id == event_id, DecisionNumber.kind == kind
        )
        return self._session.exec(query).first()

    def give(self, row: DecisionNumber) -> None:
        """Record a number as given (the primary key refuses a number given twice)."""
        self._session.add(row)
        self._session.flush()

    def numbers(self, unit_code: str, year: int) -> list[DecisionNumber]:
        """The register of a year, in order."""
        query = (
            select(DecisionNumber)
            .where(DecisionNumber.unit_code == unit_code, DecisionNumber.year == year)
            .order_by(col(DecisionNumber.kind), col(DecisionNumber.number))
        )
        return list(self._session.exec(query))

    def details(self, event_id: str) -> dict[str, str]:
        """The document details kept for an event: field → value."""
        query = select(DocumentDetail).where(DocumentDetail.event_id == event_id)
        return {row.field: row.value for row in self._session.exec(query)}

    def set_detail(self, row: DocumentDetail) -> None:
        """Keep (or replace) one document detail of an event."""
        self._session.merge(row)
        self._session.flush()

    def add_export(self, row: DocumentExport) -> None:
        """Record a document written in clear."""
        self._session.add(row)
        self._session.flush()

    def exports(self, ids: list[str] | None = None) -> list[ExportInfo]:
        """Documents written (all, or those with the given ids)."""
        query = select(DocumentExport).order_by(col(DocumentExport.written_at))
        if ids is not None:
            query = query.where(col(DocumentExport.id).in_(ids))
        return [_export(row) for row in self._session.exec(query)]

    def mark_removed(self, export_id: str, at: str) -> None:
        """Record that the file of a document was deleted."""
        row = self._session.get(DocumentExport, export_id)
        if row is not None:
            row.removed_at = at
            self._session.add(row)
            self._session.flush()


def _export(row: DocumentExport) -> ExportInfo:
    return ExportInfo(
        row.id,
        row.person_id,
        row.form,
        row.event_id,
        row.decision_no,
        row.sha256,
        row.file_name,
        row.written_at,
        row.removed_at,
    )
