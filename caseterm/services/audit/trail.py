"""The audit trail of a person, an account or the unit, in words, with the chain checked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from caseterm.clock import VIETNAM, utc_iso
from caseterm.domain.audit import AuditEntry
from caseterm.domain.permissions import Action
from caseterm.errors import NotFound, UsageError
from caseterm.i18n import N_, _
from caseterm.services.lifecycle.person_ids import resolve_person
from caseterm.services.session.case_session import CaseSession
from caseterm.services.words.labels import event_label, file_label
from caseterm.store.database import Tx

UNIT_PREFIXES = (
    "session.",
    "account.",
    "approval.",
    "notice.",
    "key.",
    "backup.",
    "store.",
    "unit.",
    "retention.",
    "audit.",
    "sync.district_set",
    "document.clean",
    "document.register",
    "templates.",
)
"""The unit's own operations: unlocks and their failures, accounts, keys, backups, settings."""

ACTION_WORDS = {
    "person.read": N_("opened the file"),
    "person.create": N_("registered the person"),
    "person.update": N_("changed the identity block"),
    "person.purge": N_("purged the file"),
    "person.duplicate_check": N_("checked for duplicates"),
    "event.record": N_("recorded an event"),
    "event.void": N_("voided an event"),
    "draft.create": N_("drafted a decision for the chief"),
    "draft.approve": N_("approved a draft"),
    "draft.reject": N_("rejected a draft"),
    "draft.withdraw": N_("withdrew a draft"),
    "draft.show": N_("read a draft"),
    "session.unlock": N_("unlocked the store"),
    "session.unlock_failed": N_("failed to unlock (wrong passphrase)"),
    "account.create": N_("created an account"),
    "account.disable": N_("disabled an account"),
    "account.reset": N_("reset a passphrase"),
    "account.passphrase_change": N_("changed their passphrase"),
    "backup.created": N_("made a backup"),
    "backup.verified": N_("verified a backup"),
    "key.recovery_set": N_("set the recovery key"),
    "key.signing_rotate": N_("rotated the signing key"),
    "store.verify": N_("verified the store"),
    "sync.export": N_("made the monthly bundle"),
    "report.export": N_("saved a report"),
    "audit.read": N_("read the audit trail"),
    "document.export": N_("wrote an official document to a file"),
    "document.register": N_("wrote a unit document (the III-10 list, the report) to a file"),
    "document.details": N_("gave details a document needed"),
    "document.clean": N_("deleted the documents written to a folder"),
    "unit.doc_header": N_("changed the document header"),
    "templates.override": N_("set the unit's own form"),
}


@dataclass(frozen=True)
class AuditRow:
    """One entry in words: when, who, what, on which id (never case content)."""

    seq: int
    at: str
    account: str
    action: str
    what: str
    object_type: str
    object_id: str
    details: str


@dataclass(frozen=True)
class AuditTrail:
    """The entries asked for, oldest first, and whether the whole chain verifies."""

    subject: str
    rows: list[AuditRow]
    chain_entries: int
    chain_fault: str | None
    """Where and why the chain stops verifying; None when every entry is intact."""


def person_trail(session: CaseSession, person: str) -> AuditTrail:
    """Who opened, changed, drafted or voided on a person's file, and when.

    A chief sees the person's name; an administrator the file number and id only (need to
    know). Searches are audited for the unit (their words never are), so they are in the
    unit's trail, not a person's.
    """
    session.require(Action.AUDIT_READ)
    with session.transaction(durable=False) as tx:
        pid = resolve_person(tx, person)
        stored = tx.persons.get(pid)
        if stored is None:
            raise NotFound(_("There is no person with id {pid}.").format(pid=person))
        label = file_label(stored.file_no, stored.id, stored.file_unit)
        subject = (
            f"{stored.record.full_name} · {label}"
            if session.may(Action.PERSON_READ)
            else f"{label} ({pid})"
        )
        drafts = [d.id for d in tx.drafts.listed() if d.person_id == pid]
        entries = tx.audit.matching(object_ids=[pid, *drafts])
        return _trail(session, tx, subject, entries, {"kind": "person", "person": pid})


def account_trail(
    session: CaseSession, name: str, *, since: str = "", until: str = ""
) -> AuditTrail:
    """What one account did, in a period (dates dd/mm/yyyy, Vietnam time; until excluded)."""
    session.require(Action.AUDIT_READ)
    start, end = _bounds(since, until)
    with session.transaction(durable=False) as tx:
        account = tx.accounts.by_name(name)
        if account is None:
            raise NotFound(_("There is no account named {name}.").format(name=name))
        entries = tx.audit.matching(account_id=account.id, since=start, until=end)
        subject = _("account {name}").format(name=name) + _period(since, until)
        return _trail(session, tx, subject, entries, {"kind": "account", "account": name})


def unit_trail(session: CaseSession, *, since: str = "", until: str = "") -> AuditTrail:
    """The unit's own operations in a period: unlocks and failures, accounts, keys, backups."""
    session.require(Action.AUDIT_READ)
    start, end = _bounds(since, until)
    with session.transaction(durable=False) as tx:
        entries = [
            entry
            for entry in tx.audit.matching(since=start, until=end)
            if entry.action.startswith(UNIT_PREFIXES)
        ]
        subject = _("unit {code}").format(code=session.unit.code) + _period(since, until)
        return _trail(session, tx, subject, entries, {"kind": "unit"})


def _trail(
    session: CaseSession,
    tx: Tx,
    subject: str,
    entries: list[AuditEntry],
    details: dict[str, str | int],
) -> AuditTrail:
    """The rows in words, the chain verified, and the reading itself audited."""
    names = {account.id: account.name for account in tx.accounts.all()}
    rows = [_row(entry, names) for entry in entries]
    count, fault = tx.audit.verify()
    where = (
        None
        if fault is None
        else _("entry {seq} ({reason})").format(seq=fault.seq, reason=fault.reason)
    )
    session.audit(tx, "audit.read", "unit", session.unit.code, {**details, "count": len(rows)})
    return AuditTrail(subject, rows, count, where)


def _row(entry: AuditEntry, names: dict[str, str]) -> AuditRow:
    words = ACTION_WORDS.get(entry.action)
    what = _(words) if words else entry.action
    event_type = entry.details.get("type")
    if isinstance(event_type, str) and event_type:
        what = f"{what}: {event_label(event_type)}"
    return AuditRow(
        seq=entry.seq,
        at=entry.at,
        account=names.get(entry.account_id, entry.account_id),
        action=entry.action,
        what=what,
        object_type=entry.object_type,
        object_id=entry.object_id,
        details=", ".join(f"{key}={value}" for key, value in sorted(entry.details.items())),
    )


def _bounds(since: str, until: str) -> tuple[str, str]:
    return (_day_start(since) if since else "", _day_start(until) if until else "")


def _day_start(text: str) -> str:
    """Local midnight of a day typed dd/mm/yyyy or yyyy-mm-dd, as the log's UTC text."""
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            day: date = datetime.strptime(text.strip(), pattern).date()  # noqa: DTZ007
        except ValueError:
            continue
        return utc_iso(datetime.combine(day, time(), VIETNAM))
    raise UsageError(_("Not a date: {text} (write dd/mm/yyyy).").format(text=text))


def _period(since: str, until: str) -> str:
    if not since and not until:
        return ""
    return " (" + _("{since} – {until}").format(since=since or "…", until=until or "…") + ")"
