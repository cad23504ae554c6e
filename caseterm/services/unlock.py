"""Unlocking: passphrase → account key → data key → store, with every check on the way."""

from __future__ import annotations

from pathlib import Path

from caseterm.clock import Clock, SystemClock
from caseterm.crypto import DecryptionError, KeyFileError
from caseterm.crypto.kdf import KdfPolicy
from caseterm.crypto.keyfile import KeyFile
from caseterm.crypto.keyring import SlotBelowFloor, Unlocked, open_account
from caseterm.errors import AuthError, IntegrityFailure, NotFound, StoreBusy
from caseterm.i18n import _
from caseterm.services.keys import load_keyfile
from caseterm.services.messages import describe_store_error
from caseterm.services.paths import StoreFiles
from caseterm.services.policy import active_policy
from caseterm.services.rotation import settle_rotation
from caseterm.services.session import CaseSession
from caseterm.store import StoreOpenError
from caseterm.store.database import Store
from caseterm.store.lock import FileLock, LockBusy
from caseterm.store.sqlcipher import read_file_salt

SESSION_LOCK_TIMEOUT = 5.0


def unlock_keys(
    files: StoreFiles, name: str, passphrase: str, policy: KdfPolicy
) -> tuple[KeyFile, Unlocked]:
    """Open an account's slot and grant (the slow step: one key derivation)."""
    if not files.store.exists():
        raise NotFound(describe_store_error("missing") + f" ({files.store})")
    keys = load_keyfile(files)
    entry = keys.account_named(name)
    if entry is None:
        raise AuthError(_("There is no account named {name} in this store.").format(name=name))
    try:
        return keys, open_account(keys, entry, passphrase, policy)
    except SlotBelowFloor as exc:
        raise IntegrityFailure(
            _("The key slot of {name} is weaker than the allowed minimum: refused.").format(
                name=name
            )
        ) from exc
    except DecryptionError as exc:
        raise AuthError(_("Wrong passphrase for {name}.").format(name=name)) from exc
    except KeyFileError as exc:
        raise IntegrityFailure(_("The key file has no key for {name}.").format(name=name)) from exc


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
    keys, unlocked = unlock_keys(files, name, passphrase, policy)
    return attach(files, keys, unlocked, policy=policy, clock=clock or SystemClock())


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
    try:
        _check_file_salt(files, keys)
        store = _open_store(files, unlocked.data_key)
        return _start(files, store, unlocked, policy=policy, clock=clock, lock=lock)
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
        raise IntegrityFailure(describe_store_error(exc.reason)) from exc


def _start(
    files: StoreFiles,
    store: Store,
    unlocked: Unlocked,
    *,
    policy: KdfPolicy,
    clock: Clock,
    lock: FileLock,
) -> CaseSession:
    try:
        with store.transaction() as tx:
            account = tx.accounts.by_id(unlocked.account.account_id)
            unit = tx.units.get()
            if account is None or not account.active:
                raise AuthError(
                    _("The account {name} is disabled.").format(name=unlocked.account.name)
                )
            session = CaseSession(files, store, account, unit, clock, policy, unlocked, lock)
            session.audit(tx, "session.unlock", "account", account.id)
    except StoreOpenError as exc:
        store.close()
        raise IntegrityFailure(describe_store_error(exc.reason)) from exc
    except BaseException:
        store.close()
        raise
    return session
