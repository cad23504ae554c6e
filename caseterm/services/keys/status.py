"""`keys status`: where every key of the store stands, with what needs doing.

Cryptoperiods follow NIST SP 800-57 Part 1 (anchors-crypto §9): the data key and the signing
key are rotated at most every 2 years. A slot weaker than the policy's starting cost is rewrapped
at its owner's next unlock (when this machine can afford it); one below the floor is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from caseterm.crypto.keyfile_auth import fingerprint
from caseterm.domain.codes import Role
from caseterm.domain.permissions import Action, separation_of_duties_lost
from caseterm.services.keys.keyfile import load_keyfile, require_authentic
from caseterm.services.session.case_session import CaseSession

CRYPTOPERIOD = timedelta(days=2 * 365)
BACKUP_EVERY = timedelta(days=31)
"""A month: the district's copy is up to a month old, so the backup must not be older."""


@dataclass(frozen=True)
class SlotStatus:
    """One account's key slot."""

    name: str
    memory_mib: int
    iterations: int
    lanes: int
    below_floor: bool
    below_policy: bool


@dataclass(frozen=True)
class KeyStatus:
    """The store's keys at a glance (no secret in it)."""

    store_id: str
    cipher: dict[str, str]
    data_key_version: int
    data_key_since: str
    data_key_due: bool
    rotation_pending: bool
    signing_key_id: str | None
    signing_key_since: str | None
    signing_key_due: bool
    recovery_key: bool
    slots: list[SlotStatus]
    last_backup: str | None = None
    backup_due: bool = True
    """No backup yet, or none for more than `BACKUP_EVERY`."""
    recovery_fingerprint: str | None = None
    """SHA-256 of the recovery public key, 16 hex digits: compare it with the envelope's."""
    admin_and_chief: tuple[str, ...] = ()
    """Active accounts that both manage accounts and approve them: no separation of duties."""
    chiefs: int = 0
    """Active chief accounts (none: the next chief account is created without an approval)."""


def key_status(session: CaseSession) -> KeyStatus:
    """Read the key file and the signing key; audited as a key-management read."""
    session.require(Action.KEYS_MANAGE)
    keys = load_keyfile(session.files)
    require_authentic(keys, session.signer)  # a planted recipient is named, never shown as ours
    with session.transaction(durable=False) as tx:
        signing = tx.keys.active()
        backup = tx.audit.last_of("backup.created")
        accounts = [account for account in tx.accounts.all() if account.active]
        session.audit(tx, "key.status", "unit", session.unit.code)
    now = session.clock.now()
    since = keys.versions[keys.current].created_at
    floor, start = session.policy.floor, session.policy.start
    slots = [
        SlotStatus(
            entry.name,
            entry.slot.kdf.memory_kib // 1024,
            entry.slot.kdf.iterations,
            entry.slot.kdf.lanes,
            not entry.slot.kdf.at_least(floor),
            not entry.slot.kdf.at_least(start),
        )
        for entry in sorted(keys.accounts.values(), key=lambda e: e.name)
    ]
    return KeyStatus(
        keys.store_id,
        dict(keys.cipher),
        keys.current,
        since,
        _older_than(since, now),
        keys.pending is not None,
        signing[0] if signing else None,
        signing[2] if signing else None,
        signing is not None and _older_than(signing[2], now),
        keys.recovery_public_key is not None,
        slots,
        backup.at if backup else None,
        backup is None or now - datetime.fromisoformat(backup.at) > BACKUP_EVERY,
        fingerprint(keys.recovery_public_key) if keys.recovery_public_key else None,
        tuple(a.name for a in accounts if separation_of_duties_lost(a.roles)),
        sum(1 for a in accounts if Role.CHIEF in a.roles),
    )


def _older_than(moment: str, now: datetime) -> bool:
    return now - datetime.fromisoformat(moment) > CRYPTOPERIOD
