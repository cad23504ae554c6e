"""Retention ledgers: archives made of closed cases, and which files were purged (ids only)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, func, select

from caseterm.store.sync import EVENT, PERSON
from caseterm.store.tables import PersonState, RetentionArchive, RetentionPerson, Unit
from caseterm.store.tables_sync import SyncAcked


@dataclass(frozen=True)
class ArchiveInfo:
    """One archive file made."""

    id: str
    created_at: str
    created_by: str
    file_name: str
    sha256: str
    persons: int


@dataclass(frozen=True)
class ArchivedFile:
    """A file recorded in an archive, at the version archived."""

    person_id: str
    archive_id: str
    version: int
    events: int
    purged_at: str | None


class RetentionRepo:
    """The unit's retention period, the archives and the purges."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def read_only_after_days(self) -> int:
        """How long the own unit keeps a closed case open to corrections."""
        return self._session.exec(select(Unit).where(col(Unit.own))).one().read_only_after_days

    def set_read_only_after_days(self, days: int) -> None:
        """Change that period."""
        unit = self._session.exec(select(Unit).where(col(Unit.own))).one()
        unit.read_only_after_days = days
        self._session.add(unit)
        self._session.flush()

    def closed_person_ids(self) -> list[str]:
        """The persons whose projection says their case is closed (status S15)."""
        query = select(PersonState.person_id).where(col(PersonState.status) == "S15")
        return list(self._session.exec(query.order_by(col(PersonState.person_id))))

    def add_archive(self, archive: ArchiveInfo, files: list[tuple[str, int, int]]) -> None:
        """Record an archive and the (person, version, events) it holds of each file."""
        self._session.add(RetentionArchive(**archive.__dict__))
        for person_id, version, events in files:
            row = self._session.get(RetentionPerson, person_id) or RetentionPerson(
                person_id=person_id, archive_id=archive.id, version=version, events=events
            )
            row.archive_id, row.version, row.events = archive.id, version, events
            self._session.add(row)
        self._session.flush()

    def archived(self) -> dict[str, ArchivedFile]:
        """Every file ever archived here, purged or not."""
        rows = self._session.exec(select(RetentionPerson))
        return {
            row.person_id: ArchivedFile(
                row.person_id, row.archive_id, row.version, row.events, row.purged_at
            )
            for row in rows
        }

    def archives(self) -> list[ArchiveInfo]:
        """The archives made, oldest first."""
        rows = self._session.exec(
            select(RetentionArchive).order_by(col(RetentionArchive.created_at))
        )
        return [
            ArchiveInfo(r.id, r.created_at, r.created_by, r.file_name, r.sha256, r.persons)
            for r in rows
        ]

    def mark_purged(self, person_id: str, at: str) -> None:
        """Record that a file was purged from this store."""
        row = self._session.get(RetentionPerson, person_id)
        if row is None:
            raise LookupError(person_id)
        row.purged_at = at
        self._session.add(row)
        self._session.flush()

    def district_holds(self, person_id: str, version: int, event_ids: list[str]) -> bool:
        """True when the district acknowledged this version of the person and every event."""
        acked = self._session.get(SyncAcked, (PERSON, person_id))
        if acked is None or acked.version < version:
            return False
        held = 0
        for start in range(0, len(event_ids), 500):  # SQLite's bound-parameter limit
            chunk = event_ids[start : start + 500]
            query = (
                select(func.count())
                .select_from(SyncAcked)
                .where(col(SyncAcked.kind) == EVENT, col(SyncAcked.record_id).in_(chunk))
            )
            held += int(self._session.exec(query).one())
        return held == len(set(event_ids))
