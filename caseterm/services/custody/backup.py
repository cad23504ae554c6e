"""`backup create`: an online copy of the store under a fresh backup key, in one file.

The copy goes through SQLite's backup API on an open session, so officers can go on working
meanwhile (T09); the live files are never copied as files. The backup key is random and new for
every backup, sealed to each active administrator and to the offline recovery key: never the live
data key, which a rotation would replace and so orphan every older backup.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

from caseterm.crypto.backup import BackupHeader, seal_backup_key, with_mac
from caseterm.crypto.keyfile import RECOVERY, KeyFile
from caseterm.crypto.keyring import new_data_key
from caseterm.domain.codes import Role
from caseterm.domain.permissions import Action
from caseterm.errors import UsageError
from caseterm.i18n import _
from caseterm.ids import new_id
from caseterm.services.custody.backup_file import file_sha256, write_backup
from caseterm.services.keys.keyfile import load_keyfile, require_authentic
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.user_files import writing_to


@dataclass(frozen=True)
class BackupMade:
    """What `create_backup` wrote."""

    path: Path
    backup_id: str
    size: int
    administrators: list[str]
    recovery_key: bool
    seconds: float


def create_backup(session: CaseSession, out: Path) -> BackupMade:
    """Write a backup of the open store to `out` (never over an existing file)."""
    session.require(Action.KEYS_MANAGE)
    if out.exists():
        raise UsageError(_("{path} already exists; nothing was written.").format(path=out))
    if not out.parent.is_dir():
        raise UsageError(_("The folder {path} does not exist.").format(path=out.parent))
    started = time.monotonic()
    backup_id = new_id()
    with session.transaction() as tx:
        # Recorded before the copy, so the backup carries the trace of its own making.
        session.audit(tx, "backup.start", "backup", backup_id)
        admins = {a.id: a.name for a in tx.accounts.all() if a.active and Role.ADMIN in a.roles}
    backup_key = new_data_key()
    database = out.with_name(f".{out.name}.db-tmp-{os.getpid()}")
    with writing_to(out):
        try:
            session.store.backup_into(database, backup_key)
            header = _header(session, backup_id, database)
            recipients = _recipients(header.keys, admins)
            seal_backup_key(header, backup_key, recipients)
            write_backup(out, with_mac(header, backup_key), database)
        finally:
            with contextlib.suppress(FileNotFoundError):
                database.unlink()
    with session.transaction() as tx:
        session.audit(tx, "backup.created", "backup", backup_id, {"bytes": out.stat().st_size})
    return BackupMade(
        out,
        backup_id,
        out.stat().st_size,
        sorted(name for account_id, name in admins.items() if account_id in recipients),
        RECOVERY in recipients,
        time.monotonic() - started,
    )


def _header(session: CaseSession, backup_id: str, database: Path) -> BackupHeader:
    live = load_keyfile(session.files)
    require_authentic(live, session.signer)  # nothing is sealed to a key caseterm did not write
    current = live.versions[live.current]
    # The accounts and the recovery public key only: no grant of the live data key.
    keys = KeyFile(
        store_id=live.store_id,
        cipher=live.cipher,
        current=live.current,
        versions={live.current: current},
        accounts=dict(live.accounts),
        grants={live.current: {}},
        recovery_public_key=live.recovery_public_key,
    )
    return BackupHeader(
        backup_id=backup_id,
        store_id=live.store_id,
        unit_code=session.unit.code,
        unit_name=session.unit.name,
        created_at=session.now(),
        created_by=session.actor.id,
        data_key_version=live.current,
        database_bytes=database.stat().st_size,
        database_sha256=file_sha256(database),
        keys=keys,
    )


def _recipients(keys: KeyFile, admins: dict[str, str]) -> dict[str, bytes]:
    recipients = {
        account_id: entry.public_key
        for account_id, entry in keys.accounts.items()
        if account_id in admins
    }
    if keys.recovery_public_key is not None:
        recipients[RECOVERY] = keys.recovery_public_key
    return recipients


def last_backup(session: CaseSession) -> str | None:
    """When the last backup was made (UTC, stored form), if ever."""
    with session.transaction(durable=False) as tx:
        entry = tx.audit.last_of("backup.created")
    return entry.at if entry else None
