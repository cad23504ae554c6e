"""Unlocking: passphrase → account key → data key → store, with every check on the way."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from pathlib import Path

from caseterm.clock import Clock, SystemClock, utc_iso
from caseterm.crypto import DecryptionError, KeyFileError
from caseterm.crypto.kdf import KdfPolicy, enrolment_params
from caseterm.crypto.keyfile import AccountEntry, KeyFile
from caseterm.crypto.keyfile_auth import is_signed
from caseterm.crypto.keyring import SlotBelowFloor, Unlocked, open_account, rewrap
from caseterm.crypto.reset_code import normalise_code
from caseterm.domain.throttle import LOCK_AFTER, Failures, locked_out, wait_needed
from caseterm.errors import AuthError, IntegrityFailure, NewPassphraseNeeded, NotFound, StoreBusy
from caseterm.i18n import _
from caseterm.services.damage import refuse_if_damaged
from caseterm.services.keys import (
    editing_keyfile,
    load_keyfile,
    require_authentic,
    settle_key_file_tags,
)
from caseterm.services.labels import moment_label
from caseterm.services.messages import describe_store_error
from caseterm.services.paths import StoreFiles
from caseterm.services.policy import active_policy
from caseterm.services.rotation import settle_rotation
from caseterm.services.session import CaseSession, store_failure
from caseterm.store import StoreOpenError
from caseterm.store.database import Store
from caseterm.store.lock import FileLock, LockBusy
from caseterm.store.sqlcipher import read_file_salt

SESSION_LOCK_TIMEOUT = 5.0


def unlock_keys(
    files: StoreFiles,
    name: str,
    passphrase: str,
    policy: KdfPolicy,
    clock: Clock | None = None,
    *,
    redeeming: bool = False,
) -> tuple[KeyFile, Unlocked]:
    """Open an account's slot and grant (the slow step: one key derivation).

    Wrong passphrases are counted in the key file: after 5 in a row the next try must wait
    (30 s, doubling, at most an hour), after 100 the account stays locked until an
    administrator lets it in again. The count is cleared by a successful unlock, which audits it.

    An account reset by an administrator opens with its one-time code until the code expires;
    a right code raises `NewPassphraseNeeded` unless `redeeming` (the caller sets a passphrase).
    """
    if not files.store.exists():
        raise NotFound(describe_store_error("missing") + f" ({files.store})")
    now = (clock or SystemClock()).now()
    keys = load_keyfile(files)
    entry = keys.account_named(name)
    if entry is None:
        raise AuthError(_("There is no account named {name} in this store.").format(name=name))
    _refuse_while_throttled(keys, entry.account_id, name, now)
    reset = _reset_pending(entry, name, now, redeeming=redeeming)
    try:
        unlocked = open_account(
            keys, entry, normalise_code(passphrase) if reset else passphrase, policy
        )
    except SlotBelowFloor as exc:
        raise IntegrityFailure(
            _("The key slot of {name} is weaker than the allowed minimum: refused.").format(
                name=name
            )
        ) from exc
    except DecryptionError as exc:
        _count_failure(files, entry.account_id, now)
        if reset:
            raise AuthError(_("Wrong one-time code for {name}.").format(name=name)) from exc
        raise AuthError(_("Wrong passphrase for {name}.").format(name=name)) from exc
    except KeyFileError as exc:
        raise IntegrityFailure(_("The key file has no key for {name}.").format(name=name)) from exc
    if is_signed(keys, keys.current):  # unsigned: only a store from before tags (see `_start`)
        require_authentic(keys, (unlocked.data_key, keys.current))
    if entry.account_id in keys.failures:
        with editing_keyfile(files) as editing:
            editing.clear_failures(entry.account_id)
    if reset and not redeeming:
        raise NewPassphraseNeeded(
            _(
                "The one-time code for {name} is right: now choose your own passphrase (in the "
                "unlock screen, or with: caseterm-admin users passwd --user {name})."
            ).format(name=name)
        )
    return keys, unlocked


def _reset_pending(entry: AccountEntry, name: str, now: datetime, *, redeeming: bool) -> bool:
    """True when the account opens with a one-time code (refused once it has expired)."""
    expires = entry.slot.expires
    if expires is None:
        if redeeming:
            raise AuthError(_("{name} has no one-time code to use.").format(name=name))
        return False
    if now > datetime.fromisoformat(expires):
        raise AuthError(
            _(
                "The one-time code for {name} expired at {moment}; ask an administrator for "
                "a new one."
            ).format(name=name, moment=moment_label(expires))
        )
    return True


def _failures(keys: KeyFile, account_id: str) -> Failures | None:
    found = keys.failures.get(account_id)
    return Failures(found[0], datetime.fromisoformat(found[1])) if found else None


def _refuse_while_throttled(keys: KeyFile, account_id: str, name: str, now: datetime) -> None:
    failures = _failures(keys, account_id)
    if locked_out(failures):
        raise AuthError(
            _(
                "{name} is locked after {n} wrong passphrases in a row. An administrator lets "
                "it in again with: caseterm-admin users unlock {name}"
            ).format(name=name, n=LOCK_AFTER)
        )
    wait = wait_needed(failures, now)
    if wait > timedelta(0):
        seconds = int(wait.total_seconds()) + 1
        raise AuthError(
            _(
                "Too many wrong passphrases for {name}: wait {minutes} min {seconds} s before "
                "the next try."
            ).format(name=name, minutes=seconds // 60, seconds=seconds % 60)
        )


def _count_failure(files: StoreFiles, account_id: str, now: datetime) -> None:
    with editing_keyfile(files) as editing:
        editing.count_failure(account_id, utc_iso(now))


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
    except StoreOpenError as exc:
        store.close()
        raise store_failure(exc) from exc
    except BaseException:
        store.close()
        raise
    return session
