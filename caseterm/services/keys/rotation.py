"""Data-key rotation: a new key for the whole store, crash-safe at every step.

The steps (anchors-crypto §5), under the store's lock held exclusively, so no session is open:

1. the new key is sealed to every account and the recovery key, and recorded as *pending* in the
   key file (durable before the database changes);
2. the store is exported under the new key into a temporary file, checked and fsynced, and that
   file's salt is recorded for the pending version;
3. the temporary file replaces the store (the commit point), and the directory is fsynced;
4. the pending version becomes current and the old version's grants are dropped.

Whatever a crash leaves is settled at the next open (`settle_rotation`): if the store file's salt
is the pending version's, the rotation rolls forward (step 4); otherwise it rolls back (the
pending version and the temporary file are dropped). The store opens under exactly one key.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from caseterm.clock import Clock, SystemClock, utc_iso
from caseterm.crypto.kdf import KdfPolicy
from caseterm.crypto.keyfile_auth import is_signed, sign_key_file
from caseterm.crypto.keyring import (
    abandon_rotation,
    begin_rotation,
    finish_rotation,
    new_data_key,
)
from caseterm.domain.permissions import Action, allowed
from caseterm.errors import DiskError, IntegrityFailure, NotFound, PermissionDenied, StoreBusy
from caseterm.files import fsync_dir
from caseterm.i18n import _
from caseterm.services.keys.keyfile import editing_keyfile, load_keyfile, sweep_keyfile_temporaries
from caseterm.services.session.case_session import store_failure
from caseterm.services.session.paths import StoreFiles
from caseterm.services.session.policy import active_policy
from caseterm.services.words.messages import describe_store_error
from caseterm.store import StoreOpenError
from caseterm.store.database import Store
from caseterm.store.lock import LockBusy, exclusively
from caseterm.store.sqlcipher import export_copy, read_file_salt


@dataclass(frozen=True)
class Rotated:
    """What a rotation did."""

    old_version: int
    new_version: int
    store_bytes: int


def rotation_temporary(files: StoreFiles) -> Path:
    """Where the store is re-encrypted before it replaces the original."""
    return files.store.with_name(f".{files.store.name}.rotate-tmp")


def settle_rotation(files: StoreFiles) -> str | None:
    """Finish or undo a rotation a crash interrupted; "forward", "back" or None (nothing to do).

    Runs at every open. It needs the store alone: if the lock is taken, a rotation is running
    (sessions cannot open during one), and the store is busy.
    """
    sweep_keyfile_temporaries(files)
    if load_keyfile(files).pending is None:
        return None
    try:
        with exclusively(files.session_lock, timeout=0):
            return settle_locked(files)
    except LockBusy as exc:
        raise StoreBusy(
            _("The store is being maintained by an administrator; try again later.")
        ) from exc


def settle_locked(files: StoreFiles) -> str | None:
    """`settle_rotation` for a caller that already holds the store alone."""
    with editing_keyfile(files) as keys:
        if keys.pending is None:
            return None
        pending_salt = keys.versions[keys.pending].file_salt
        if pending_salt is not None and read_file_salt(files.store) == pending_salt:
            finish_rotation(keys)
            outcome = "forward"
        else:
            abandon_rotation(keys)
            outcome = "back"
    rotation_temporary(files).unlink(missing_ok=True)
    return outcome


def rotate_data_key(
    store: Path,
    admin: str,
    passphrase: str,
    *,
    policy: KdfPolicy | None = None,
    clock: Clock | None = None,
    started: Callable[[], None] | None = None,
) -> Rotated:
    """Re-encrypt the whole store under a new data key (an administrator's passphrase).

    `started` is called once the store is held alone and the passphrase opened it, so that
    "re-encrypting…" is never said before "the store is busy" or "wrong passphrase".
    """
    from caseterm.services.keys.unlock import unlock_keys

    files, policy, clock = StoreFiles(store), policy or active_policy(), clock or SystemClock()
    if not files.store.exists():  # not "the disk refused a write"
        raise NotFound(describe_store_error("missing") + f" ({files.store})")
    try:
        with exclusively(files.session_lock, timeout=0):
            settle_locked(files)
            keys, unlocked = unlock_keys(files, admin, passphrase, policy, clock)
            old = keys.current
            if not is_signed(keys, old):
                raise IntegrityFailure(
                    _(
                        "This store's key file carries no authentication: unlock the store with "
                        "caseterm first (if that refuses too, restore the key file from a backup)."
                    )
                )
            if started is not None:
                started()
            _audit(files, unlocked.data_key, unlocked.account.account_id, clock, "start", old)
            data_key = new_data_key()
            # Sealed only to recipients the current data key tagged; the new version is tagged
            # with the new key in the same save.
            with editing_keyfile(files, signer=(unlocked.data_key, old)) as editing:
                new = begin_rotation(editing, data_key, created_at=utc_iso(clock.now()))
                sign_key_file(editing, data_key, new)
            _export(files, unlocked.data_key, data_key, new)
            _swap(files)
            with editing_keyfile(files) as editing:
                finish_rotation(editing)
            _audit(files, data_key, unlocked.account.account_id, clock, "done", new)
    except LockBusy as exc:
        raise StoreBusy(
            _("Close caseterm everywhere on this computer first: the store must be used alone.")
        ) from exc
    except StoreOpenError as exc:
        raise store_failure(exc) from exc
    except OSError as exc:
        raise DiskError(
            _(
                "The rotation stopped: the disk refused a write ({reason}). The store still opens "
                "under one key: the old one, or the new one if the switch was already made."
            ).format(reason=exc.strerror or type(exc).__name__)
        ) from exc
    return Rotated(old, new, files.store.stat().st_size)


def _audit(files: StoreFiles, key: bytes, account_id: str, clock: Clock, step: str, v: int) -> None:
    """Record a step of the rotation, once the account is checked to be an administrator.

    The start is recorded before the export, so the new file carries it; the end after the
    swap, in the new file. A start with no end is the trace of a rotation that rolled back.
    """
    store = _open(files, key)
    try:
        with store.transaction() as tx:
            account = tx.accounts.by_id(account_id)
            if account is None or not allowed(account.roles, Action.KEYS_MANAGE):
                raise PermissionDenied(_("Only an administrator may rotate the data key."))
            tx.audit.append(
                at=utc_iso(clock.now()),
                account_id=account_id,
                action=f"key.rotate_{step}",
                object_type="key",
                object_id=str(v),
            )
        store.checkpoint()
    finally:
        store.close()


def _open(files: StoreFiles, key: bytes) -> Store:
    try:
        return Store(files.store, key)
    except StoreOpenError as exc:
        raise IntegrityFailure(_("The store does not open with its current key.")) from exc


def _export(files: StoreFiles, old_key: bytes, new_key: bytes, version: int) -> None:
    """Step 2: the re-encrypted copy, checked and fsynced, its salt recorded as pending."""
    temporary = rotation_temporary(files)
    temporary.unlink(missing_ok=True)
    export_copy(files.store, old_key, temporary, new_key)
    with editing_keyfile(files, signer=(new_key, version)) as editing:
        editing.versions[version].file_salt = read_file_salt(temporary)


def _swap(files: StoreFiles) -> None:
    """Step 3, the commit point: the copy replaces the store.

    Every connection is closed and the WAL was folded in, so the old -wal and -shm hold
    nothing; they are removed so that they can never be read against the new file.
    """
    for suffix in ("-wal", "-shm"):
        side = files.store.with_name(files.store.name + suffix)
        if side.exists() and suffix == "-wal" and side.stat().st_size:
            raise IntegrityFailure(_("The store's journal is not empty; nothing was changed."))
        with contextlib.suppress(FileNotFoundError):
            side.unlink()
    os.replace(rotation_temporary(files), files.store)
    fsync_dir(files.store.parent)
