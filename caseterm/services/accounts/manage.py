"""Accounts: add, list, disable, change one's own passphrase."""

from __future__ import annotations

from dataclasses import dataclass

from caseterm.crypto.kdf import enrolment_params
from caseterm.crypto.keyring import enrol, remove_account, rewrap
from caseterm.domain.codes import Role
from caseterm.domain.permissions import AccountChange, Action
from caseterm.errors import NotFound, RefusedError, UsageError
from caseterm.i18n import _
from caseterm.ids import new_id
from caseterm.services.accounts.approvals import (
    approve,
    needs_approval,
    refusal_audited,
    tell_chiefs,
)
from caseterm.services.keys.keyfile import editing_keyfile, load_keyfile
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.validation import check_account_name, require_good_passphrase
from caseterm.store.database import Tx
from caseterm.store.records import AccountInfo


@dataclass(frozen=True)
class AccountView:
    """An account with its key-slot cost, for `users list`."""

    account: AccountInfo
    kdf_memory_mib: int | None
    kdf_iterations: int | None
    has_slot: bool


def add_account(
    session: CaseSession,
    *,
    name: str,
    roles: tuple[Role, ...],
    passphrase: str,
    display_name: str = "",
    approval: str | None = None,
) -> AccountInfo:
    """Create an account with its own passphrase (typed by its owner) and a grant of the key.

    An officer or chief account needs a chief's approval (`services.accounts.approvals`); every new
    account is a notice to the chiefs.
    """
    session.require(Action.ACCOUNT_MANAGE)
    check_account_name(name)
    if not roles:
        raise UsageError(_("Give the account at least one role."))
    require_good_passphrase(passphrase, [session.unit.code, session.unit.name, name])
    account_id, now = new_id(), session.now()
    with (
        refusal_audited(session, AccountChange.CREATE, name, roles),
        session.transaction() as tx,
    ):
        if tx.accounts.by_name(name) is not None:
            raise RefusedError(_("An account named {name} already exists.").format(name=name))
        approved_by = _approve_new_account(session, tx, name, roles, approval)
        tx.accounts.add(
            account_id=account_id,
            name=name,
            display_name=display_name,
            roles=roles,
            unit_code=session.unit.code,
            created_at=now,
        )
        session.audit(
            tx, "account.create", "account", account_id, {"roles": ",".join(r.value for r in roles)}
        )
        tell_chiefs(session, tx, AccountChange.CREATE, name, roles=roles, approved_by=approved_by)
        # The key file changes inside the transaction: if it fails, the account row rolls back.
        with editing_keyfile(session.files, signer=session.signer) as keys:
            enrol(
                keys,
                account_id=account_id,
                name=name,
                passphrase=passphrase,
                kdf=enrolment_params(session.policy),
                data_key=session.unlocked.data_key,
                created_at=now,
            )
        created = tx.accounts.by_id(account_id)
    assert created is not None  # noqa: S101 - inserted just above
    return created


def _approve_new_account(
    session: CaseSession, tx: Tx, name: str, roles: tuple[Role, ...], code: str | None
) -> str | None:
    """Who approved a new account (None: its roles read no case file, or it is the first chief).

    A unit without an active chief cannot approve anything, so its first chief account is
    created without one; the notice then tells that chief, and every later one.
    """
    if not needs_approval(roles):
        return None
    if Role.CHIEF in roles and not _active_chiefs(tx.accounts.all()):
        return None
    return approve(session, tx, AccountChange.CREATE, name, roles, code)


def list_accounts(session: CaseSession) -> list[AccountView]:
    """Return every account with its key-slot parameters."""
    session.require(Action.ACCOUNT_MANAGE)
    keys = load_keyfile(session.files)
    with session.transaction(durable=False) as tx:
        accounts = tx.accounts.all()
        session.audit(tx, "account.list", "unit", session.unit.code, {"count": len(accounts)})
    views = []
    for account in accounts:
        entry = keys.accounts.get(account.id)
        kdf = entry.slot.kdf if entry else None
        views.append(
            AccountView(
                account,
                kdf.memory_kib // 1024 if kdf else None,
                kdf.iterations if kdf else None,
                entry is not None,
            )
        )
    return views


def disable_account(session: CaseSession, name: str) -> AccountInfo:
    """Disable an account and remove its key slot and grants (then rotate the data key)."""
    session.require(Action.ACCOUNT_MANAGE)
    with session.transaction() as tx:
        account = tx.accounts.by_name(name)
        if account is None:
            raise NotFound(_("There is no account named {name}.").format(name=name))
        if account.id == session.actor.id:
            raise RefusedError(_("You cannot disable your own account."))
        if Role.ADMIN in account.roles and _active_admins(tx.accounts.all()) <= 1:
            raise RefusedError(_("This is the last active administrator; add another first."))
        if Role.CHIEF in account.roles and len(_active_chiefs(tx.accounts.all())) <= 1:
            # Without a chief, the next chief account would need nobody's approval.
            raise RefusedError(
                _(
                    "This is the last active chief: add the new chief first (this chief "
                    "approves it), then disable this account."
                )
            )
        tx.accounts.disable(account.id, at=session.now())
        session.audit(tx, "account.disable", "account", account.id)
        with editing_keyfile(session.files, signer=session.signer) as keys:
            remove_account(keys, account.id)
        disabled = tx.accounts.by_id(account.id)
    assert disabled is not None  # noqa: S101 - read just above
    return disabled


def let_in_again(session: CaseSession, name: str) -> bool:
    """Clear an account's count of wrong passphrases (after 100 it is locked until this)."""
    session.require(Action.ACCOUNT_MANAGE)
    with session.transaction() as tx:
        account = tx.accounts.by_name(name)
        if account is None:
            raise NotFound(_("There is no account named {name}.").format(name=name))
        with editing_keyfile(session.files) as keys:
            cleared = keys.clear_failures(account.id)
        session.audit_failed_unlocks(tx, account.id, cleared)
        session.audit(tx, "account.unlock_reset", "account", account.id, {"failures": len(cleared)})
    return bool(cleared)


def _active_admins(accounts: list[AccountInfo]) -> int:
    return sum(1 for a in accounts if a.active and Role.ADMIN in a.roles)


def _active_chiefs(accounts: list[AccountInfo]) -> list[AccountInfo]:
    return [a for a in accounts if a.active and Role.CHIEF in a.roles]


def change_own_passphrase(session: CaseSession, new_passphrase: str) -> None:
    """Rewrap the session's own slot under a new passphrase; the database is not touched."""
    require_good_passphrase(
        new_passphrase, [session.unit.code, session.unit.name, session.actor.name]
    )
    with session.transaction() as tx:
        session.audit(tx, "account.passphrase_change", "account", session.actor.id)
        # Saved atomically before the audit entry commits: a crash in between leaves the new
        # passphrase working, never neither.
        with editing_keyfile(session.files) as keys:
            rewrap(keys, session.unlocked, new_passphrase, enrolment_params(session.policy))
