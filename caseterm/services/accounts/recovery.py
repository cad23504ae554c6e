"""The offline recovery key: giving it a grant, and opening the store with it.

When every passphrase is lost, the recovery key's holder opens the store and gives an
administrator a new passphrase (a new key pair and slot for that account). Nobody learns anyone's
old passphrase, and the use is audited.
"""

from __future__ import annotations

from pathlib import Path

from caseterm.clock import Clock, SystemClock, utc_iso
from caseterm.crypto import DecryptionError, KeyFileError
from caseterm.crypto.kdf import KdfPolicy, enrolment_params
from caseterm.crypto.keyfile_auth import fingerprint
from caseterm.crypto.keyring import enrol, grant_recovery
from caseterm.crypto.recovery import (
    PUBLIC_PREFIX,
    SECRET_PREFIX,
    new_recovery_pair,
    open_with_recovery,
    parse_line,
)
from caseterm.domain.codes import Role
from caseterm.domain.permissions import AccountChange, Action
from caseterm.errors import (
    AuthError,
    IntegrityFailure,
    NotFound,
    RefusedError,
    StoreBusy,
    UsageError,
)
from caseterm.files import atomic_write_bytes
from caseterm.i18n import _
from caseterm.services.accounts.approvals import approve, refusal_audited, tell_chiefs
from caseterm.services.keys.keyfile import (
    editing_keyfile,
    load_keyfile,
    parse_public,
    settle_key_file_tags,
)
from caseterm.services.keys.rotation import settle_locked
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.paths import StoreFiles
from caseterm.services.session.policy import active_policy
from caseterm.services.session.validation import require_good_passphrase
from caseterm.store import StoreOpenError
from caseterm.store.database import Store
from caseterm.store.lock import LockBusy, exclusively


def new_recovery_key(out: Path) -> str:
    """Make a recovery key; return its public line, its secret half written to `out`.

    An existing file is never overwritten: it may be another store's recovery key.
    """
    public, secret = new_recovery_pair()
    save_recovery_secret(out, secret)
    return public


def new_store_recovery_key() -> tuple[bytes, str]:
    """A recovery key for a store whose district has none to give yet: (public key, secret line).

    The secret line is shown once or written with `save_recovery_secret`, after the store exists.
    """
    public, secret = new_recovery_pair()
    return parse_line(public, PUBLIC_PREFIX), secret


def save_recovery_secret(out: Path, secret: str) -> None:
    """Write a recovery key's secret line to `out` (never over an existing file)."""
    if out.exists():
        raise UsageError(_("{path} already exists; nothing was written.").format(path=out))
    atomic_write_bytes(out, (secret + "\n").encode())


def set_recovery_key(
    session: CaseSession, public_line: str, *, approval: str | None = None
) -> None:
    """Give the recovery key a grant of the current data key (replacing any earlier one).

    Its holder can open every file, so a chief approves it for this key's fingerprint.
    """
    session.require(Action.KEYS_MANAGE)
    public = parse_public(public_line)
    subject = fingerprint(public)
    with refusal_audited(session, AccountChange.RECOVERY, subject), session.transaction() as tx:
        approved_by = approve(session, tx, AccountChange.RECOVERY, subject, code=approval)
        session.audit(tx, "key.recovery_set", "unit", session.unit.code, {"key": subject})
        tell_chiefs(session, tx, AccountChange.RECOVERY, subject, approved_by=approved_by)
        with editing_keyfile(session.files, signer=session.signer) as keys:
            if keys.current != session.unlocked.version:
                raise RefusedError(_("The data key changed since you unlocked; unlock again."))
            keys.recovery_public_key = public
            grant_recovery(keys, session.unlocked.data_key)


def recover_account(
    store: Path,
    secret_text: str,
    name: str,
    new_passphrase: str,
    *,
    policy: KdfPolicy | None = None,
    clock: Clock | None = None,
) -> None:
    """Open the store with the recovery key and give administrator `name` a new passphrase."""
    try:
        secret = parse_line(secret_text, SECRET_PREFIX)
    except ValueError:
        raise UsageError(_("This file does not hold a caseterm recovery key.")) from None
    files, policy, clock = StoreFiles(store), policy or active_policy(), clock or SystemClock()
    if not files.store.exists():
        raise NotFound(_("There is no store at {path}.").format(path=store))
    try:
        with exclusively(files.session_lock, timeout=0):
            settle_locked(files)
            _recover(files, secret, name, new_passphrase, policy, clock)
    except LockBusy as exc:
        raise StoreBusy(
            _("Close caseterm everywhere on this computer first: the store must be used alone.")
        ) from exc


def _recover(
    files: StoreFiles, secret: bytes, name: str, passphrase: str, policy: KdfPolicy, clock: Clock
) -> None:
    keys = load_keyfile(files)
    try:
        data_key = open_with_recovery(keys, secret)
    except (DecryptionError, KeyFileError) as exc:
        raise AuthError(_("This recovery key does not open this store.")) from exc
    try:
        store = Store(files.store, data_key)
    except StoreOpenError as exc:
        raise IntegrityFailure(_("The store does not open with its current key.")) from exc
    try:
        with store.transaction() as tx:
            account = tx.accounts.by_name(name)
            unit = tx.units.get()
            if account is None or not account.active or Role.ADMIN not in account.roles:
                raise RefusedError(
                    _("{name} is not an active administrator of this store.").format(name=name)
                )
            require_good_passphrase(passphrase, [unit.code, unit.name, name])
            tx.audit.append(
                at=utc_iso(clock.now()),
                account_id=account.id,
                action="key.recovery_used",
                object_type="account",
                object_id=account.id,
            )
            tx.approvals.notify(
                kind=AccountChange.RECOVERY_USED.value,
                subject=name,
                roles="",
                actor_id=account.id,
                approved_by=None,
                at=utc_iso(clock.now()),
            )
            signer = (data_key, keys.current)
            settle_key_file_tags(files, tx, signer)  # refused if its tags were stripped
            with editing_keyfile(files, signer=signer) as editing:
                enrol(
                    editing,
                    account_id=account.id,
                    name=name,
                    passphrase=passphrase,
                    kdf=enrolment_params(policy),
                    data_key=data_key,
                    created_at=utc_iso(clock.now()),
                )
                editing.clear_failures(account.id)
    finally:
        store.close()
