"""Opening a session on a store: unlock, lock the store for this process, check and start.

An interrupted rotation is settled first (forward or back), so the keys read are the store's.
"""

from __future__ import annotations

import time
from pathlib import Path

from caseterm.clock import Clock, SystemClock
from caseterm.crypto.kdf import KdfPolicy, enrolment_params
from caseterm.crypto.keyfile import KeyFile
from caseterm.crypto.keyring import Unlocked, rewrap
from caseterm.errors import AuthError, DiskError, IntegrityFailure, StoreBusy
from caseterm.i18n import _
from caseterm.services.keys.keyfile import (
    editing_keyfile,
    settle_key_file_tags,
)
from caseterm.services.keys.rotation import settle_rotation
from caseterm.services.keys.unlock import unlock_keys
from caseterm.services.session.case_session import CaseSession, store_failure
from caseterm.services.session.damage import refuse_if_damaged
from caseterm.services.session.paths import StoreFiles
from caseterm.services.session.pending_audit import chain_pending, forget_pending
from caseterm.services.session.policy import active_policy
from caseterm.services.words.messages import unwritable_store
from caseterm.store import StoreOpenError
from caseterm.store.database import Store
from caseterm.store.lock import FileLock, LockBusy
from caseterm.store.sqlcipher import read_file_salt

SESSION_LOCK_TIMEOUT = 5.0


def open_session(
    store: Path,
    name: str,
    passphrase: str,
    *,
    policy: KdfPolicy | None = None,
    clock: Clock | None = None,
) -> CaseSession:
    """Unlock the store for an account and return the session (audited)."""
    files = StoreFiles(store)
    policy = policy or active_policy()
    if files.store.exists():
        settle_rotation(files)  # a rotation a crash interrupted: forward or back, before the keys
    clock = clock or SystemClock()
    started = time.perf_counter()
    keys, unlocked = unlock_keys(files, name, passphrase, policy, clock)
    quick = time.perf_counter() - started < policy.target_seconds[0]
    session = attach(files, keys, unlocked, policy=policy, clock=clock)
    # Only when this machine opened the slot faster than the target: a slot calibrated lower on
    # a slow machine is as strong as that machine allows, and is left alone.
    if quick and not unlocked.account.slot.kdf.at_least(policy.start):
        try:
            _strengthen(session, passphrase)
        except BaseException:
            session.close()
            raise
    return session


def _strengthen(session: CaseSession, passphrase: str) -> None:
    """Rewrap a slot weaker than the policy at its owner's unlock (audited).

    The unlock is the only moment the passphrase is at hand; the key pair stays the same.
    """
    params = enrolment_params(session.policy)
    with session.transaction() as tx:
        session.audit(
            tx,
            "account.slot_strengthened",
            "account",
            session.actor.id,
            {"m_kib": params.memory_kib, "t": params.iterations, "p": params.lanes},
        )
        with editing_keyfile(session.files) as keys:
            rewrap(keys, session.unlocked, passphrase, params)


def attach(
    files: StoreFiles, keys: KeyFile, unlocked: Unlocked, *, policy: KdfPolicy, clock: Clock
) -> CaseSession:
    """Open the store with an already unlocked data key and start the session."""
    lock = FileLock(files.session_lock)
    try:
        lock.acquire(exclusive=False, timeout=SESSION_LOCK_TIMEOUT)
    except LockBusy as exc:
        raise StoreBusy(
            _("The store is being maintained by an administrator; try again later.")
        ) from exc
    except OSError as exc:  # a read-only or full disk, a folder without write permission
        raise DiskError(unwritable_store(files.store, exc)) from exc
    try:
        refuse_if_damaged(files)
        _check_file_salt(files, keys)
        store = _open_store(files, unlocked.data_key)
        failed = keys.failed_unlocks(unlocked.account.account_id)
        return _start(files, store, unlocked, policy=policy, clock=clock, lock=lock, failed=failed)
    except BaseException:
        lock.release()
        raise


def _check_file_salt(files: StoreFiles, keys: KeyFile) -> None:
    expected = keys.versions[keys.current].file_salt
    if expected is not None and read_file_salt(files.store) != expected:
        raise IntegrityFailure(
            _(
                "The store file does not belong to this key file (it was replaced or restored "
                "without its keys)."
            )
        )


def _open_store(files: StoreFiles, data_key: bytes) -> Store:
    try:
        return Store(files.store, data_key)
    except StoreOpenError as exc:
        raise store_failure(exc) from exc


def _start(
    files: StoreFiles,
    store: Store,
    unlocked: Unlocked,
    *,
    policy: KdfPolicy,
    clock: Clock,
    lock: FileLock,
    failed: list[str] | None = None,
) -> CaseSession:
    try:
        with store.transaction() as tx:
            account = tx.accounts.by_id(unlocked.account.account_id)
            unit = tx.units.get()
            if account is None or not account.active:
                raise AuthError(
                    _("The account {name} is disabled.").format(name=unlocked.account.name)
                )
            adopted = settle_key_file_tags(files, tx, (unlocked.data_key, unlocked.version))
            session = CaseSession(files, store, account, unit, clock, policy, unlocked, lock)
            if adopted:
                session.audit(tx, "key.keyfile_tagged", "key", str(unlocked.version))
            # Failures cannot be audited when they happen (the store is locked): the next
            # success records how many there were.
            failed = failed or []
            session.audit_failed_unlocks(tx, account.id, failed)
            details: dict[str, str | int] = {"failed_before": len(failed)} if failed else {}
            session.audit(tx, "session.unlock", "account", account.id, details or None)
            noted = chain_pending(session, tx)
    except StoreOpenError as exc:
        store.close()
        raise store_failure(exc) from exc
    except BaseException:
        store.close()
        raise
    if noted:
        forget_pending(files)  # committed with the unlock: the note has done its work
    return session
