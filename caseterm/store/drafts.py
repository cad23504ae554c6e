"""Drafts for the chief: prepared by an officer, approved or rejected by the chief."""

from __future__ import annotations

import json

from sqlmodel import Session, col, select

from caseterm.store.records import DraftInfo
from caseterm.store.tables import Draft

WAITING = "waiting"


class DraftRepo:
    """The drafts of one transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, draft: DraftInfo) -> None:
        """Keep a new draft (waiting)."""
        self._session.add(
            Draft(
                id=draft.id,
                kind=draft.kind,
                person_id=draft.person_id,
                event_type=draft.event_type,
                content=json.dumps(draft.content, ensure_ascii=False, sort_keys=True),
                warnings=json.dumps(list(draft.warnings), ensure_ascii=False),
                drafted_by=draft.drafted_by,
                drafted_at=draft.drafted_at,
                status=draft.status,
            )
        )
        self._session.flush()

    def get(self, draft_id: str) -> DraftInfo | None:
        """One draft, if it exists."""
        row = self._session.get(Draft, draft_id)
        return None if row is None else _info(row)

    def listed(
        self, *, status: str | None = None, drafted_by: str | None = None, since: str = ""
    ) -> list[DraftInfo]:
        """Drafts, oldest first: of one status, of one officer, decided or made since a moment."""
        query = select(Draft).order_by(col(Draft.drafted_at), col(Draft.id))
        if status is not None:
            query = query.where(Draft.status == status)
        if drafted_by is not None:
            query = query.where(Draft.drafted_by == drafted_by)
        if since:
            query = query.where((col(Draft.status) == WAITING) | (col(Draft.decided_at) >= since))
        return [_info(row) for row in self._session.exec(query)]

    def waiting_by_person(self) -> dict[str, list[str]]:
        """Person id → the event types of their waiting drafts (the today list marks them)."""
        query = select(Draft.person_id, Draft.event_type).where(
            Draft.status == WAITING, col(Draft.person_id).is_not(None)
        )
        found: dict[str, list[str]] = {}
        for person_id, event_type in self._session.exec(query):
            if person_id is not None:
                found.setdefault(person_id, []).append(event_type or "")
        return found

    def decide(
        self,
        draft_id: str,
        *,
        status: str,
        by: str,
        at: str,
        reason: str | None = None,
        result_id: str | None = None,
    ) -> bool:
        """Close a waiting draft; False when it was no longer waiting (decided meanwhile)."""
        row = self._session.get(Draft, draft_id)
        if row is None or row.status != WAITING:
            return False
        row.status, row.decided_by, row.decided_at = status, by, at
        row.reason, row.result_id = reason, result_id
        self._session.add(row)
        self._session.flush()
        return True

    def by_result(self, result_ids: list[str]) -> dict[str, DraftInfo]:
        """The approved drafts that made these events or persons, by what they made."""
        if not result_ids:
            return {}
        query = select(Draft).where(col(Draft.result_id).in_(result_ids))
        return {row.result_id or "": _info(row) for row in self._session.exec(query)}


def _info(row: Draft) -> DraftInfo:
    return DraftInfo(
        id=row.id,
        kind=row.kind,
        person_id=row.person_id,
        event_type=row.event_type,
        content=json.loads(row.content),
        warnings=tuple(json.loads(row.warnings)),
        drafted_by=row.drafted_by,
        drafted_at=row.drafted_at,
        status=row.status,
        decided_by=row.decided_by,
        decided_at=row.decided_at,
        reason=row.reason,
        result_id=row.result_id,
    )
