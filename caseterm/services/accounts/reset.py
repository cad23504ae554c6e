"""`users reset`: a one-time code for an officer who forgot the passphrase.

The administrator never learns or sets anyone's passphrase. The reset gives the account a new
key pair whose slot opens with a random one-time code until it expires (72 hours unless said
otherwise); the forgotten passphrase's slot is gone. The first unlock with the code must choose
a new passphrase, which replaces the code's slot: the code then opens nothing. Both steps are
audited. The expiry is bound into the slot's AAD, so editing the key file cannot extend it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from caseterm.clock import Clock, SystemClock, utc_iso
from caseterm.crypto.kdf import KdfPolicy, enrolment_params
from caseterm.crypto.keyring import reset_slot
from caseterm.crypto.reset_code import new_reset_code, normalise_code
from caseterm.domain.permissions import AccountChange, Action
from caseterm.errors import NotFound, RefusedError, UsageError
from caseterm.i18n import _
from caseterm.services.accounts.approvals import approve, refusal_audited, tell_chiefs
from caseterm.services.accounts.manage import change_own_passphrase
from caseterm.services.keys.keyfile import editing_keyfile
from caseterm.services.keys.rotation import settle_rotation
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.paths import StoreFiles
from caseterm.services.session.policy import active_policy

DEFAULT_VALID = timedelta(hours=72)
LONGEST_VALID = timedelta(days=7)


@dataclass(frozen=True)
class ResetCode:
    """What the administrator hands over, in person: the code and until when it works."""

    name: str
    code: str
    expires: str


def reset_account(
    session: CaseSession,
    name: str,
    valid: timedelta = DEFAULT_VALID,
    *,
    approval: str | None = None,
) -> ResetCode:
    """Replace an account's slot by one that opens with a new one-time code until it expires.

    Whoever holds the code chooses the account's next passphrase, so a chief approves the
    reset (`services.accounts.approvals`), and the chiefs are told of it.
    """
    session.require(Action.ACCOUNT_MANAGE)
    if not timedelta(hours=1) <= valid <= LONGEST_VALID:
        raise UsageError(_("A reset code is valid between 1 hour and 7 days."))
    code = new_reset_code()
    expires = utc_iso(session.clock.now() + valid)
    with refusal_audited(session, AccountChange.RESET, name), session.transaction() as tx:
        account = tx.accounts.by_name(name)
        if account is None or not account.active:
            raise NotFound(_("There is no active account named {name}.").format(name=name))
        if account.id == session.actor.id:
            raise RefusedError(_("Change your own passphrase with: caseterm-admin users passwd"))
        approved_by = approve(session, tx, AccountChange.RESET, name, code=approval)
        session.audit(tx, "account.reset", "account", account.id, {"expires": expires})
        tell_chiefs(session, tx, AccountChange.RESET, name, approved_by=approved_by)
        with editing_keyfile(session.files, signer=session.signer) as keys:
            if account.id not in keys.accounts:
                raise NotFound(_("{name} has no key slot in this store.").format(name=name))
            reset_slot(
                keys,
                account.id,
                normalise_code(code),
                enrolment_params(session.policy),
                session.unlocked.data_key,
                expires=expires,
            )
            cleared = keys.clear_failures(account.id)
        session.audit_failed_unlocks(tx, account.id, cleared)
    return ResetCode(name, code, expires)


def redeem_reset_code(
    store: Path,
    name: str,
    code: str,
    new_passphrase: str,
    *,
    policy: KdfPolicy | None = None,
    clock: Clock | None = None,
) -> CaseSession:
    """Unlock with a one-time code, set the owner's new passphrase, return the open session."""
    from caseterm.services.keys.opening import attach
    from caseterm.services.keys.unlock import unlock_keys

    files, policy, clock = StoreFiles(store), policy or active_policy(), clock or SystemClock()
    if files.store.exists():
        settle_rotation(files)
    keys, unlocked = unlock_keys(files, name, code, policy, clock, redeeming=True)
    session = attach(files, keys, unlocked, policy=policy, clock=clock)
    try:
        change_own_passphrase(session, new_passphrase)
        with session.transaction() as tx:
            session.audit(tx, "account.reset_used", "account", session.actor.id)
    except BaseException:
        session.close()
        raise
    return session
