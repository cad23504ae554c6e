"""`backup verify` and `backup restore`: check a backup whole, restore it under a new data key.

A backup opens with an administrator's passphrase as it was when the backup was made, or with
the offline recovery key.

A restore never writes over anything: the target store and its key file must not exist. The
database is re-encrypted into a staged file beside the target, the restore is audited inside it,
the key file is written, and the staged file is renamed into place last (the commit point).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from caseterm.clock import Clock, SystemClock, utc_iso
from caseterm.crypto import DecryptionError, KeyFileError
from caseterm.crypto.backup import (
    BackupFormatError,
    BackupHeader,
    open_as_account,
    open_as_recovery,
)
from caseterm.crypto.grants import seal
from caseterm.crypto.kdf import KdfPolicy
from caseterm.crypto.keyfile import RECOVERY, DataKeyVersion, KeyFile
from caseterm.crypto.keyfile_auth import sign_key_file
from caseterm.crypto.keyring import SlotBelowFloor, new_data_key
from caseterm.crypto.recovery import SECRET_PREFIX, parse_line
from caseterm.errors import AuthError, IntegrityFailure, NotFound, UsageError
from caseterm.files import fsync_dir
from caseterm.i18n import _
from caseterm.services.custody.backup_file import extract_database, read_header
from caseterm.services.session.damage import forget_damage
from caseterm.services.session.paths import StoreFiles
from caseterm.services.session.pending_audit import note_pending
from caseterm.services.session.policy import active_policy
from caseterm.services.session.user_files import writing_to
from caseterm.store import StoreOpenError
from caseterm.store.database import Store
from caseterm.store.sqlcipher import export_copy, read_file_salt


@dataclass(frozen=True)
class Opener:
    """Who opens a backup: an account's name and passphrase, or the recovery key's secret line."""

    name: str | None = None
    passphrase: str | None = None
    recovery_secret: str | None = None


@dataclass(frozen=True)
class BackupReport:
    """What `verify_backup` found (it raises instead of reporting a backup that fails)."""

    backup_id: str
    unit_code: str
    unit_name: str
    created_at: str
    persons: int
    audit_entries: int
    accounts: list[str]
    administrators: list[str]
    recovery_key: bool


def _open_key(path: Path, opener: Opener, policy: KdfPolicy) -> tuple[BackupHeader, bytes]:
    """Read the header and open the backup key; every failure is a clear error."""
    if not path.is_file():
        raise NotFound(_("There is no file at {path}.").format(path=path))
    try:
        header = read_header(path)
    except BackupFormatError as exc:
        raise IntegrityFailure(_("{path} is not a caseterm backup.").format(path=path)) from exc
    try:
        if opener.recovery_secret is not None:
            try:
                secret = parse_line(opener.recovery_secret, SECRET_PREFIX)
            except ValueError:
                raise UsageError(_("This file does not hold a caseterm recovery key.")) from None
            return header, open_as_recovery(header, secret)
        if opener.name is None or opener.passphrase is None:
            raise UsageError(_("Give an administrator's account, or the recovery key."))
        return header, open_as_account(header, opener.name, opener.passphrase, policy)
    except SlotBelowFloor as exc:
        raise IntegrityFailure(
            _("The key slot in this backup is weaker than the allowed minimum: refused.")
        ) from exc
    except KeyFileError as exc:
        raise AuthError(_("This backup has no key for {who}.").format(who=_who(opener))) from exc
    except DecryptionError as exc:
        raise AuthError(
            _(
                "This backup does not open for {who} (a wrong passphrase or key, or a changed "
                "backup). The passphrase is the one in force when the backup was made."
            ).format(who=_who(opener))
        ) from exc


def _who(opener: Opener) -> str:
    return opener.name if opener.recovery_secret is None and opener.name else RECOVERY


@contextlib.contextmanager
def _extracted(path: Path, header: BackupHeader, folder: Path) -> Iterator[Path]:
    """The backup's database, streamed into `folder` (encrypted; removed afterwards)."""
    database = folder / f".{path.name}.restore-src-{os.getpid()}"
    try:
        try:
            extract_database(path, header, database)
        except BackupFormatError as exc:
            raise IntegrityFailure(
                _("The database in {path} is damaged or was changed.").format(path=path)
            ) from exc
        yield database
    finally:
        for leftover in _with_sidecars(database):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _with_sidecars(database: Path) -> list[Path]:
    return [database, *(database.with_name(database.name + s) for s in ("-wal", "-shm"))]


def _open_store(database: Path, key: bytes) -> Store:
    try:
        return Store(database, key)
    except StoreOpenError as exc:
        raise IntegrityFailure(_("The database in this backup does not open.")) from exc


def verify_backup_noted(
    path: Path,
    opener: Opener,
    store: Path,
    *,
    clock: Clock | None = None,
    policy: KdfPolicy | None = None,
) -> tuple[BackupReport, bool]:
    """`verify_backup`, its outcome noted for `store`'s audit log at the next unlock.

    Returns the report and whether it was noted (False when there is no store there: a backup
    checked on another computer). A damaged backup is noted too, then refused.
    """
    files = StoreFiles(store)
    noted = files.store.exists()
    at = utc_iso((clock or SystemClock()).now())
    try:
        report = verify_backup(path, opener, policy=policy)
    except IntegrityFailure:
        if noted:
            note_pending(files, "backup.verified", at, {"outcome": "damaged"})
        raise
    if noted:
        details: dict[str, str | int] = {"backup": report.backup_id, "outcome": "whole"}
        details |= {"persons": report.persons, "audit_entries": report.audit_entries}
        note_pending(files, "backup.verified", at, details)
    return report, noted


def verify_backup(path: Path, opener: Opener, *, policy: KdfPolicy | None = None) -> BackupReport:
    """Open the backup, check its header, hash, integrity and audit chain; report what it holds."""
    header, key = _open_key(path, opener, policy or active_policy())
    with (
        tempfile.TemporaryDirectory(prefix="caseterm-verify-") as folder,
        _extracted(path, header, Path(folder)) as database,
    ):
        store = _open_store(database, key)
        try:
            problems = store.integrity_problems()
            with store.transaction() as tx:
                entries, fault = tx.audit.verify()
                persons = tx.persons.count()
        finally:
            store.close()
    if fault is not None:
        problems.append(_("audit entry {seq}").format(seq=fault.seq))
    if problems:
        raise IntegrityFailure(
            _("The backup's database is damaged: {problem}").format(problem=problems[0])
        )
    names = {a.account_id: a.name for a in header.keys.accounts.values()}
    return BackupReport(
        header.backup_id,
        header.unit_code,
        header.unit_name,
        header.created_at,
        persons,
        entries,
        sorted(names.values()),
        sorted(names[who] for who in header.grants if who in names),
        RECOVERY in header.grants,
    )


@dataclass(frozen=True)
class Restored:
    """What `restore_backup` made."""

    store: Path
    backup_id: str
    data_key_version: int
    accounts: list[str]


def restore_backup(
    path: Path,
    store: Path,
    opener: Opener,
    *,
    policy: KdfPolicy | None = None,
    clock: Clock | None = None,
) -> Restored:
    """Restore a backup into a new store at `store`, under a new data key."""
    files, clock = StoreFiles(store), clock or SystemClock()
    for existing in (files.store, files.keyfile):
        if existing.exists():
            raise UsageError(
                _("{path} already exists: a backup is restored only into a new store.").format(
                    path=existing
                )
            )
    if not files.store.parent.is_dir():
        raise UsageError(_("The folder {path} does not exist.").format(path=files.store.parent))
    header, backup_key = _open_key(path, opener, policy or active_policy())
    with writing_to(files.store):
        return _restore(path, files, header, backup_key, opener, clock)


def _restore(
    path: Path,
    files: StoreFiles,
    header: BackupHeader,
    backup_key: bytes,
    opener: Opener,
    clock: Clock,
) -> Restored:
    """Stage, audit, write the key file, then rename into place; on any failure, undo."""
    staged = files.store.with_name(f".{files.store.name}.restore-new-{os.getpid()}")
    wrote_keys = False
    try:
        with _extracted(path, header, files.store.parent) as database:
            try:
                export_copy(database, backup_key, staged, data_key := new_data_key())
            except StoreOpenError as exc:
                raise IntegrityFailure(_("The database in this backup does not open.")) from exc
        _audit_restore(staged, data_key, header, opener, clock)
        keys = _new_keys(header, data_key, read_file_salt(staged), utc_iso(clock.now()))
        keys.save(files.keyfile)
        wrote_keys = True
        os.replace(staged, files.store)
        fsync_dir(files.store.parent)
        forget_damage(files)  # the damaged store's marker, if it was left behind
    except BaseException:
        for leftover in _with_sidecars(staged):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        if wrote_keys and not files.store.exists():
            files.keyfile.unlink(missing_ok=True)
        raise
    return Restored(
        files.store, header.backup_id, keys.current, sorted(a.name for a in keys.accounts.values())
    )


def _audit_restore(
    staged: Path, key: bytes, header: BackupHeader, opener: Opener, clock: Clock
) -> None:
    """Record the restore inside the restored store, then leave it as one closed file."""
    entry = header.keys.account_named(opener.name) if opener.name else None
    actor = entry.account_id if entry and opener.recovery_secret is None else RECOVERY
    store = _open_store(staged, key)
    try:
        with store.transaction() as tx:
            tx.audit.append(
                at=utc_iso(clock.now()),
                account_id=actor,
                action="backup.restore",
                object_type="backup",
                object_id=header.backup_id,
                details={"backup_made_at": header.created_at},
            )
        store.checkpoint()
    finally:
        store.close()
    for sidecar in _with_sidecars(staged)[1:]:
        sidecar.unlink(missing_ok=True)


def _new_keys(header: BackupHeader, data_key: bytes, salt: str, now: str) -> KeyFile:
    """A key file for the restored store: every account of the backup keeps its passphrase."""
    version = header.data_key_version + 1
    keys = KeyFile(
        store_id=header.store_id,
        cipher=header.keys.cipher,
        current=version,
        versions={version: DataKeyVersion(version, salt, now)},
        accounts=dict(header.keys.accounts),
        grants={version: {}},
        recovery_public_key=header.keys.recovery_public_key,
    )
    recipients = {a: e.public_key for a, e in keys.accounts.items()}
    if keys.recovery_public_key is not None:
        recipients[RECOVERY] = keys.recovery_public_key
    for recipient, public_key in recipients.items():
        keys.grants[version][recipient] = seal(
            data_key, public_key, store_id=keys.store_id, recipient=recipient, version=version
        )
    sign_key_file(keys, data_key, version)  # the header's recipients are under the backup's MAC
    return keys
