"""Separation of duties: a chief approves what would let the administrator read case files.

The administrator keeps the system and does not see case files. Three changes would let them
see every file anyway: creating an officer or chief account (for themselves), resetting another
person's passphrase (and choosing the new one), and giving a recovery key a grant of the data
key. Each needs a chief's approval: either the actor is a chief (the chief's own unlock is the
approval), or the actor brings a one-time code that a chief's account issued for exactly this
change (its kind, the account name or the recovery key's fingerprint, the roles). The code is
kept only as a hash, works once and expires. Every such change, and every use of the recovery
key, is also a notice on the chiefs' Hôm nay until a chief acknowledges it.

The administrator holds the data key, so someone who edits the database by hand with it can
forge an approval: this is a rule of the application, and the audit chain and the notices
(written in the change's own transaction) are what show such a bypass.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from caseterm.clock import utc_iso
from caseterm.crypto.keyfile_auth import fingerprint
from caseterm.crypto.reset_code import new_reset_code, normalise_code
from caseterm.domain.codes import Role
from caseterm.domain.permissions import READS_CASE_FILES, AccountChange, Action
from caseterm.errors import ApprovalNeeded, NotFound, UsageError
from caseterm.i18n import _
from caseterm.ids import new_id
from caseterm.services.keys.keyfile import parse_public
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.validation import check_account_name
from caseterm.store.database import Tx
from caseterm.store.records import ApprovalInfo

DEFAULT_VALID = timedelta(hours=24)
LONGEST_VALID = timedelta(days=7)
APPROVABLE = (AccountChange.CREATE, AccountChange.RESET, AccountChange.RECOVERY)


@dataclass(frozen=True)
class IssuedApproval:
    """What the chief hands to the administrator: the code, and what and until when it approves."""

    kind: AccountChange
    subject: str
    roles: tuple[Role, ...]
    code: str
    expires: str


@dataclass(frozen=True)
class Notice:
    """An account change the chiefs have not acknowledged, with names instead of ids."""

    id: int
    kind: AccountChange
    subject: str
    roles: str
    actor: str
    approved_by: str | None
    at: str


def roles_text(roles: tuple[Role, ...]) -> str:
    """Roles as stored in an approval: sorted, comma-separated codes."""
    return ",".join(sorted({role.value for role in roles}))


def needs_approval(roles: tuple[Role, ...]) -> bool:
    """Whether a new account with these roles would open case files."""
    return any(role in READS_CASE_FILES for role in roles)


def issue_approval(
    session: CaseSession,
    kind: AccountChange,
    subject: str,
    roles: tuple[Role, ...] = (),
    valid: timedelta = DEFAULT_VALID,
) -> IssuedApproval:
    """(Chief) A one-time code approving one account change, for the administrator to use."""
    session.require(Action.ACCOUNT_APPROVE)
    if kind not in APPROVABLE:
        raise UsageError(_("This change needs no approval."))
    if not timedelta(hours=1) <= valid <= LONGEST_VALID:
        raise UsageError(_("An approval is valid between 1 hour and 7 days."))
    if kind is AccountChange.CREATE:
        check_account_name(subject)
        if not needs_approval(roles):
            raise UsageError(_("Only an officer or chief account needs an approval."))
    code = new_reset_code()
    expires = utc_iso(session.clock.now() + valid)
    with session.transaction() as tx:
        if kind is AccountChange.RESET:
            account = tx.accounts.by_name(subject)
            if account is None or not account.active:
                raise NotFound(_("There is no active account named {name}.").format(name=subject))
        approval_id = new_id()
        tx.approvals.add(
            approval_id=approval_id,
            kind=kind.value,
            subject=subject,
            roles=roles_text(roles),
            code_sha256=_digest(code),
            issued_by=session.actor.id,
            issued_at=session.now(),
            expires_at=expires,
        )
        details: dict[str, str | int] = {"kind": kind.value, "subject": subject}
        details |= {"roles": roles_text(roles), "expires": expires}
        session.audit(tx, "approval.issue", "approval", approval_id, details)
    return IssuedApproval(kind, subject, roles, code, expires)


def approve_recovery_key(
    session: CaseSession, public_line: str, valid: timedelta = DEFAULT_VALID
) -> IssuedApproval:
    """(Chief) Approve giving this recovery public key a grant (bound to its fingerprint)."""
    subject = fingerprint(parse_public(public_line))
    return issue_approval(session, AccountChange.RECOVERY, subject, (), valid)


def approve(
    session: CaseSession,
    tx: Tx,
    kind: AccountChange,
    subject: str,
    roles: tuple[Role, ...] = (),
    code: str | None = None,
) -> str:
    """The id of the chief who approves this change, or `ApprovalNeeded`; spends the code."""
    if Role.CHIEF in session.actor.roles:
        return session.actor.id  # a chief acting is a chief approving, at the chief's unlock
    found = _valid_approval(session, tx, kind, subject, roles, code)
    tx.approvals.mark_used(found.id, by=session.actor.id, at=session.now())
    return found.issued_by


def check_approval(
    session: CaseSession,
    kind: AccountChange,
    subject: str,
    roles: tuple[Role, ...] = (),
    code: str | None = None,
) -> None:
    """Refuse early, before anyone types a passphrase, a change that would not be approved.

    Nothing is spent: `approve` checks again, and spends the code, in the change's transaction.
    """
    if Role.CHIEF in session.actor.roles or (
        kind is AccountChange.CREATE and not needs_approval(roles)
    ):
        return
    with refusal_audited(session, kind, subject, roles), session.transaction(durable=False) as tx:
        if kind is AccountChange.CREATE and Role.CHIEF in roles and not _any_chief(tx):
            return  # the unit's first chief (see `accounts._approve_new_account`)
        _valid_approval(session, tx, kind, subject, roles, code)


def _any_chief(tx: Tx) -> bool:
    return any(a.active and Role.CHIEF in a.roles for a in tx.accounts.all())


def _valid_approval(
    session: CaseSession,
    tx: Tx,
    kind: AccountChange,
    subject: str,
    roles: tuple[Role, ...],
    code: str | None,
) -> ApprovalInfo:
    """The unused, unexpired approval of a chief for exactly this change, or `ApprovalNeeded`."""
    if not code:
        raise ApprovalNeeded(_needed(kind))
    found = tx.approvals.by_code(_digest(code))
    if found is None:
        raise ApprovalNeeded(_("This approval code is not known to this store."))
    if found.used_at is not None:
        raise ApprovalNeeded(_("This approval code was already used; ask the chief for a new one."))
    if found.expires_at <= session.now():
        raise ApprovalNeeded(_("This approval code has expired; ask the chief for a new one."))
    if (found.kind, found.subject, found.roles) != (kind.value, subject, roles_text(roles)):
        raise ApprovalNeeded(
            _("This approval code approves something else: {what}.").format(
                what=describe_change(AccountChange(found.kind), found.subject, found.roles)
            )
        )
    issuer = tx.accounts.by_id(found.issued_by)
    if issuer is None or not issuer.active or Role.CHIEF not in issuer.roles:
        raise ApprovalNeeded(_("The chief who issued this approval code is no longer a chief."))
    return found


@contextmanager
def refusal_audited(
    session: CaseSession, kind: AccountChange, subject: str, roles: tuple[Role, ...] = ()
) -> Iterator[None]:
    """Audit a change refused for want of an approval (its own transaction rolled back).

    The change is also put on the chiefs' Approvals list, where a chief can issue its code.
    """
    try:
        yield
    except ApprovalNeeded:
        with session.transaction() as tx:
            details: dict[str, str | int] = {"kind": kind.value, "subject": subject}
            session.audit(tx, "approval.refused", "unit", session.unit.code, details)
            tx.approvals.request(
                request_id=new_id(),
                kind=kind.value,
                subject=subject,
                roles=roles_text(roles),
                by=session.actor.id,
                at=session.now(),
            )
        raise


@dataclass(frozen=True)
class Request:
    """An account change waiting for a chief, with the requester's name."""

    id: str
    kind: AccountChange
    subject: str
    roles: str
    requested_by: str
    at: str


def waiting_requests(session: CaseSession) -> list[Request]:
    """(Chief) The account changes an administrator asked for and no chief has answered."""
    session.require(Action.ACCOUNT_APPROVE)
    with session.transaction(durable=False) as tx:
        found = tx.approvals.waiting_requests()
        names = {account.id: account.name for account in tx.accounts.all()}
    return [
        Request(r.id, AccountChange(r.kind), r.subject, r.roles,
                names.get(r.requested_by, r.requested_by), r.requested_at)
        for r in found
    ]  # fmt: skip


def requests_for(session: CaseSession) -> list[Request]:
    """The waiting requests for a chief; none for anyone else (they cannot answer them)."""
    return waiting_requests(session) if session.may(Action.ACCOUNT_APPROVE) else []


def find_request(session: CaseSession, prefix: str) -> Request | None:
    """The waiting request whose id starts with `prefix` (8+ characters), for a chief."""
    if len(prefix) < 8 or not session.may(Action.ACCOUNT_APPROVE):
        return None
    found = [r for r in waiting_requests(session) if r.id.startswith(prefix.lower())]
    return found[0] if len(found) == 1 else None


def approve_request(session: CaseSession, request: Request) -> IssuedApproval:
    """(Chief) Issue the one-time code for a waiting request (the administrator then uses it)."""
    roles = tuple(Role(code) for code in request.roles.split(",") if code)
    issued = issue_approval(session, request.kind, request.subject, roles)
    with session.transaction() as tx:
        tx.approvals.close_request(request.id, status="issued", by=session.actor.id,
                                   at=session.now())  # fmt: skip
    return issued


def tell_chiefs(
    session: CaseSession,
    tx: Tx,
    kind: AccountChange,
    subject: str,
    *,
    roles: tuple[Role, ...] = (),
    approved_by: str | None = None,
) -> None:
    """A notice on the chiefs' Hôm nay, in the change's own transaction."""
    tx.approvals.notify(
        kind=kind.value,
        subject=subject,
        roles=roles_text(roles),
        actor_id=session.actor.id,
        approved_by=approved_by,
        at=session.now(),
    )


def pending_notices(session: CaseSession) -> list[Notice]:
    """(Chief) The account changes no chief has acknowledged yet."""
    session.require(Action.ACCOUNT_APPROVE)
    with session.transaction(durable=False) as tx:
        found = tx.approvals.pending_notices()
        names = {account.id: account.name for account in tx.accounts.all()}
        session.audit(tx, "notice.list", "unit", session.unit.code, {"count": len(found)})
    return [
        Notice(
            notice.id,
            AccountChange(notice.kind),
            notice.subject,
            notice.roles,
            names.get(notice.actor_id, _("the recovery key")),
            names.get(notice.approved_by or "") or None,
            notice.at,
        )
        for notice in found
    ]


def acknowledge_notices(session: CaseSession, notice_ids: list[int]) -> int:
    """(Chief) Mark notices as seen; return how many were still waiting."""
    session.require(Action.ACCOUNT_APPROVE)
    with session.transaction() as tx:
        done = tx.approvals.acknowledge(notice_ids, by=session.actor.id, at=session.now())
        session.audit(tx, "notice.acknowledge", "unit", session.unit.code, {"count": done})
    return done


def describe_change(kind: AccountChange, subject: str, roles: str = "") -> str:
    """An account change in words, for a notice or a refusal."""
    if kind is AccountChange.CREATE:
        return _("new account {name} ({roles})").format(name=subject, roles=roles)
    if kind is AccountChange.RESET:
        return _("passphrase reset of {name}").format(name=subject)
    if kind is AccountChange.RECOVERY:
        return _("recovery key {fingerprint} given the data key").format(fingerprint=subject)
    return _("recovery key used to give {name} a new passphrase").format(name=subject)


def notice_line(notice: Notice) -> str:
    """A notice in one line: what changed, who did it, who approved it."""
    what = describe_change(notice.kind, notice.subject, notice.roles)
    if notice.approved_by is None:
        return _("{what}, by {actor}, approved by nobody").format(what=what, actor=notice.actor)
    return _("{what}, by {actor}, approved by {chief}").format(
        what=what, actor=notice.actor, chief=notice.approved_by
    )


def _needed(kind: AccountChange) -> str:
    command = {
        AccountChange.CREATE: "caseterm-admin approve add NAME --role ROLE",
        AccountChange.RESET: "caseterm-admin approve reset NAME",
        AccountChange.RECOVERY: "caseterm-admin approve recovery PUBLIC-KEY",
    }.get(kind, "caseterm-admin approve")
    return _(
        "A chief must approve this: the chief runs “{command}” and gives you the code, which "
        "you pass with --approval."
    ).format(command=command)


def _digest(code: str) -> str:
    """The stored form of a code: its normalised text hashed (125 random bits: no salt needed)."""
    return hashlib.sha256(b"caseterm-approval/1\0" + normalise_code(code).encode()).hexdigest()
