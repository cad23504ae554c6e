"""Unlocking: passphrase → account key → data key → store, with every check on the way."""

from __future__ import annotations

from datetime import datetime, timedelta

from caseterm.clock import Clock, SystemClock, utc_iso
from caseterm.crypto import DecryptionError, KeyFileError
from caseterm.crypto.kdf import KdfPolicy
from caseterm.crypto.keyfile import AccountEntry, KeyFile
from caseterm.crypto.keyfile_auth import is_signed
from caseterm.crypto.keyring import SlotBelowFloor, Unlocked, open_account
from caseterm.crypto.reset_code import normalise_code
from caseterm.domain.throttle import LOCK_AFTER, Failures, locked_out, wait_needed
from caseterm.errors import AuthError, IntegrityFailure, NewPassphraseNeeded, NotFound
from caseterm.i18n import _
from caseterm.services.keys.keyfile import (
    editing_keyfile,
    load_keyfile,
    require_authentic,
)
from caseterm.services.session.paths import StoreFiles
from caseterm.services.words.labels import moment_label
from caseterm.services.words.messages import describe_store_error


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
