"""Who may do what: the role × action matrix, checked in the services (never only in the UI)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from caseterm.domain.codes import Role


class AccountChange(StrEnum):
    """Changes to who can open the store that a chief approves, or at least is told of."""

    CREATE = "account.create"
    """A new account with a role that reads case files (officer or chief)."""
    RESET = "account.reset"
    """Another person's passphrase replaced by a one-time code."""
    RECOVERY = "key.recovery_set"
    """A recovery key given a grant of the data key."""
    RECOVERY_USED = "key.recovery_used"
    """The recovery key opened the store and gave an administrator a new passphrase (told of
    only: nobody is unlocked to approve it)."""


READS_CASE_FILES = frozenset({Role.OFFICER, Role.CHIEF})
"""Roles whose new accounts need a chief's approval: they open every case file."""


def separation_of_duties_lost(roles: Iterable[Role]) -> bool:
    """True for an account that both manages accounts and approves them (admin and chief)."""
    held = set(roles)
    return Role.ADMIN in held and Role.CHIEF in held


class Action(StrEnum):
    """Things an account can ask the services to do."""

    PERSON_READ = "person.read"
    PERSON_CREATE = "person.create"
    PERSON_UPDATE = "person.update"
    OVERRIDE_SUPERVISED_WARNING = "warning.override_supervised"
    ACCOUNT_MANAGE = "account.manage"
    STORE_VERIFY = "store.verify"
    DEMO_DATA = "store.demo_data"
    EVENT_RECORD = "event.record"
    DECISION_RECORD = "event.record_decision"
    """Decisions of the commune police chief (TCAX), and records only a chief may correct."""
    EVENT_VOID_ANY = "event.void_any"
    """Void an event someone else recorded (an officer may void their own)."""
    UNIT_EVENT_RECORD = "unit_event.record"
    SYNC_CONFIGURE = "sync.configure"
    """Set the district a commune sends to."""
    SYNC_EXPORT = "sync.export"
    """Make the monthly bundle (encrypted to the district) and read its acknowledgement."""
    DISTRICT_MANAGE = "district.manage"
    """Enrol communes and revoke their keys."""
    DISTRICT_IMPORT = "district.import"
    KEYS_MANAGE = "keys.manage"
    """Rotate the data key or the signing key, make and restore backups."""
    DISTRICT_READ = "district.read"
    """See the communes' sync status and alerts (no case file)."""
    REPORT_READ = "report.read"
    """Make the periodic report: counts only, never a name (legal spec §5.3)."""
    UNIT_CONFIGURE = "unit.configure"
    """Set the unit's population (K5) and the day its reporting period starts."""
    RETENTION_MANAGE = "retention.manage"
    """Set how long closed cases stay open to corrections; archive (encrypted) and purge them."""
    AUDIT_READ = "audit.read"
    """Read who did what (the audit trail): ids and actions, never case content."""
    DOCUMENT_EXPORT = "document.export"
    """Write an official document of a person to a file, in clear (audited, with its digest)."""
    ACCOUNT_APPROVE = "account.approve"
    """(Chief) Approve a new officer or chief account, a passphrase reset or a recovery key,
    and acknowledge the notices of such changes: the administrator cannot do them alone."""


_OFFICER = {
    Action.PERSON_READ,
    Action.PERSON_CREATE,
    Action.PERSON_UPDATE,
    Action.EVENT_RECORD,
    Action.UNIT_EVENT_RECORD,
    Action.REPORT_READ,
    Action.DOCUMENT_EXPORT,
}
_CHIEF = _OFFICER | {
    Action.OVERRIDE_SUPERVISED_WARNING,
    Action.DECISION_RECORD,
    Action.EVENT_VOID_ANY,
    Action.SYNC_EXPORT,
    Action.ACCOUNT_APPROVE,
    Action.AUDIT_READ,
}
# The administrator keeps the system, not the case files: need-to-know (legal spec §6.4 P1).
# Exporting reads no file in clear: the bundle is encrypted to the district as it is made.
_ADMIN = {
    Action.ACCOUNT_MANAGE,
    Action.STORE_VERIFY,
    Action.DEMO_DATA,
    Action.KEYS_MANAGE,
    Action.SYNC_CONFIGURE,
    Action.SYNC_EXPORT,
    Action.DISTRICT_MANAGE,
    Action.DISTRICT_IMPORT,
    Action.DISTRICT_READ,
    Action.REPORT_READ,
    Action.UNIT_CONFIGURE,
    Action.RETENTION_MANAGE,
    Action.AUDIT_READ,
}
_ANALYST = {Action.DISTRICT_IMPORT, Action.DISTRICT_READ, Action.REPORT_READ}

MATRIX: dict[Role, frozenset[Action]] = {
    Role.OFFICER: frozenset(_OFFICER),
    Role.CHIEF: frozenset(_CHIEF),
    Role.ADMIN: frozenset(_ADMIN),
    Role.DISTRICT_ANALYST: frozenset(_ANALYST),
}


def allowed(roles: Iterable[Role], action: Action) -> bool:
    """Return True when any of the roles grants the action."""
    return any(action in MATRIX[role] for role in roles)


DECISION_EVENTS = frozenset(
    {
        "mgmt.decided",
        "mgmt.suspended",
        "mgmt.resumed",
        "mgmt.stopped",
        "mgmt.terminated",
        "rehab.decided",
        "compulsory.custody_decided",
        "compulsory.sent_to_court",
        "compulsory.facility_requested",
        "emon.decided",
        "emon.received",
        "emon.paused",
        "emon.exempted",
        "emon.ended",
        "force_majeure.recorded",
    }
)
"""Event types that record a decision of the commune police chief (R2026: TCAX decides them)."""
