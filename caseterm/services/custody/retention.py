"""Retention of closed cases (legal spec P6): read-only, archived, then purged from the laptop.

A case is closed when the lifecycle says so (S15). After `read_only_after_days` its file can be
read but no longer changed. An administrator then archives the read-only files: one age file,
encrypted to the district's key (or to another archive key), holding each file whole. A file is
purged only once it is archived at its current version and the district has acknowledged that
version and every one of its events; the purge is audited per person, ids only.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from caseterm import __version__
from caseterm.crypto.archive import ArchiveKeyError, seal_archive
from caseterm.domain.bundle import canonical
from caseterm.domain.permissions import Action
from caseterm.domain.retention import MAX_READ_ONLY_AFTER_DAYS, Stage, retention_of
from caseterm.errors import RefusedError, UsageError, ValidationFailed
from caseterm.files import atomic_write_bytes
from caseterm.i18n import _
from caseterm.ids import new_id
from caseterm.services.lifecycle.events import stored_state
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.user_files import writing_to
from caseterm.services.sync.bundle_records import event_line, person_line
from caseterm.store.database import Tx
from caseterm.store.records import EventInfo, StoredPerson
from caseterm.store.retention import ArchivedFile, ArchiveInfo

ARCHIVE_FORMAT = "caseterm-archive/1"


@dataclass(frozen=True)
class RetentionStatus:
    """Where the unit's closed cases stand (counts and ids, no names)."""

    read_only_after_days: int
    closed: int
    """Closed, still open to corrections."""
    read_only: list[str]
    """Read-only and not archived at their current version."""
    archived: list[str]
    """Archived at their current version, still here."""
    purgeable: list[str]
    """Of those, the ones the district holds whole: a purge would remove them."""
    purged: int
    archives: list[ArchiveInfo] = field(default_factory=list)


@dataclass(frozen=True)
class ArchiveMade:
    """An archive file written."""

    path: Path
    persons: int
    sha256: str


def set_read_only_after(session: CaseSession, days: int) -> None:
    """Change how long closed cases stay open to corrections (audited)."""
    session.require(Action.RETENTION_MANAGE)
    if not 1 <= days <= MAX_READ_ONLY_AFTER_DAYS:
        raise ValidationFailed(
            _("The setting was not changed:"),
            [_("the period must be 1 to {max} days").format(max=MAX_READ_ONLY_AFTER_DAYS)],
        )
    with session.transaction() as tx:
        tx.retention.set_read_only_after_days(days)
        session.audit(tx, "retention.settings", "unit", session.unit.code, {"days": days})


@dataclass(frozen=True)
class _ClosedFile:
    """A closed file as stored now, and its retention stage."""

    person: StoredPerson
    events: list[EventInfo]
    stage: Stage

    def held_in(self, archived: ArchivedFile | None) -> bool:
        """True when `archived` holds this file as it is now (same version, same events)."""
        return (
            archived is not None
            and archived.version == self.person.version
            and archived.events == len(self.events)
        )

    def event_ids(self) -> list[str]:
        """The ids of its events."""
        return [event.id for event in self.events]


def retention_status(session: CaseSession) -> RetentionStatus:
    """Count the closed files by stage (audited as a read of the registers' state)."""
    session.require(Action.RETENTION_MANAGE)
    with session.transaction() as tx:
        days = tx.retention.read_only_after_days()
        archived = tx.retention.archived()
        closed, read_only, kept, purgeable = 0, [], [], []
        for found in _closed_files(session, tx, days):
            pid = found.person.id
            if found.held_in(archived.get(pid)):
                kept.append(pid)
                if tx.retention.district_holds(pid, found.person.version, found.event_ids()):
                    purgeable.append(pid)
            elif found.stage is Stage.READ_ONLY:
                read_only.append(pid)
            else:
                closed += 1
        purged = sum(1 for f in archived.values() if f.purged_at is not None)
        session.audit(tx, "retention.status", "unit", session.unit.code, {"closed": closed})
        archives = tx.retention.archives()
    return RetentionStatus(days, closed, read_only, kept, purgeable, purged, archives)


def _closed_files(session: CaseSession, tx: Tx, days: int) -> list[_ClosedFile]:
    """Every closed file, its stage computed now."""
    found: list[_ClosedFile] = []
    for person_id in tx.retention.closed_person_ids():
        person, events, state = stored_state(session, tx, person_id)
        stage = retention_of(state, days).stage
        if stage is not Stage.OPEN:
            found.append(_ClosedFile(person, events, stage))
    return found


def archive_closed(session: CaseSession, out: Path, *, recipient: str | None = None) -> ArchiveMade:
    """Write the read-only files not yet archived as they are into one encrypted file."""
    session.require(Action.RETENTION_MANAGE)
    if out.exists():
        raise UsageError(_("{path} already exists; nothing was written.").format(path=out))
    with session.transaction() as tx:
        to = recipient or _district_recipient(tx)
        days, archived = tx.retention.read_only_after_days(), tx.retention.archived()
        waiting = [
            found
            for found in _closed_files(session, tx, days)
            if found.stage is Stage.READ_ONLY and not found.held_in(archived.get(found.person.id))
        ]
        if not waiting:
            raise RefusedError(_("No read-only closed file is waiting to be archived."))
        data = _sealed(session, waiting, to)
        sha256 = hashlib.sha256(data).hexdigest()
        archive = ArchiveInfo(
            new_id(), session.now(), session.actor.id, out.name, sha256, len(waiting)
        )
        files = [(f.person.id, f.person.version, len(f.events)) for f in waiting]
        tx.retention.add_archive(archive, files)
        details: dict[str, str | int] = {"persons": len(waiting), "sha256": sha256}
        session.audit(tx, "retention.archive", "archive", archive.id, details)
        with writing_to(out):  # inside the transaction: no file, no record of one
            atomic_write_bytes(out, data)
    return ArchiveMade(out, len(waiting), sha256)


def _sealed(session: CaseSession, files: list[_ClosedFile], recipient: str) -> bytes:
    """The archive: a header line, then each file whole (its person line, then its events)."""
    header = {
        "format": ARCHIVE_FORMAT,
        "unit": session.unit.code,
        "created_at": session.now(),
        "persons": len(files),
        "app_version": __version__,
    }
    lines = [canonical(header) + b"\n"]
    for found in files:
        lines.append(canonical(person_line(found.person).model_dump(mode="json")) + b"\n")
        lines += [canonical(event_line(e).model_dump(mode="json")) + b"\n" for e in found.events]
    try:
        return seal_archive(b"".join(lines), recipient)
    except ArchiveKeyError as error:
        raise UsageError(
            _("The archive key must be an age recipient (age1…): {key}").format(key=error)
        ) from None


def _district_recipient(tx: Tx) -> str:
    target = tx.sync.target()
    if target is None:
        raise UsageError(
            _(
                "No district is set, so there is no key to encrypt the archive to: set the "
                "district first, or give the archive's key with --recipient age1…"
            )
        )
    return target.recipient


def purge_archived(session: CaseSession) -> list[str]:
    """Remove from this store every archived file the district holds whole; return the ids.

    Each purge is audited (`person.purge`, the id only). The ledger keeps the ids purged.
    """
    session.require(Action.RETENTION_MANAGE)
    purged: list[str] = []
    with session.transaction() as tx:
        archived = tx.retention.archived()
        days = tx.retention.read_only_after_days()
        for found in _closed_files(session, tx, days):
            pid, held = found.person.id, archived.get(found.person.id)
            if held is None or not found.held_in(held):
                continue  # not archived, or changed since: the archive would not hold it whole
            if not tx.retention.district_holds(pid, found.person.version, found.event_ids()):
                continue
            tx.persons.purge(pid)
            tx.retention.mark_purged(pid, session.now())
            details: dict[str, str | int] = {"archive": held.archive_id, "events": held.events}
            session.audit(tx, "person.purge", "person", pid, details)
            purged.append(pid)
        if purged:
            tx.persons.compact_search_index()
        session.audit(tx, "retention.purge", "unit", session.unit.code, {"persons": len(purged)})
    session.store.checkpoint()  # fold the overwritten pages into the main file now
    return purged


def archive_records(plaintext: bytes) -> tuple[dict[str, object], list[dict[str, object]]]:
    """An archive's header and records, from its decrypted bytes (for checks and the archive)."""
    first, *rest = plaintext.decode("utf-8").splitlines()
    return json.loads(first), [json.loads(line) for line in rest]
