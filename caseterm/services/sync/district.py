"""The district's side of sync, apart from importing: its address, enrolment, status.

A district store is an ordinary caseterm store whose own unit is of kind "district". It holds the
communes it receives from as units of their own, their signing keys, the head of each one's
chain of bundles, and the records they sent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from caseterm.crypto.bundle import DistrictKey, recipient_key_id
from caseterm.crypto.signing import is_public_key, key_id_of
from caseterm.domain.bundle import UNIT_CODE
from caseterm.domain.permissions import Action
from caseterm.domain.sync import DistrictAddress
from caseterm.errors import IntegrityFailure, NotFound, RefusedError, UsageError
from caseterm.i18n import _
from caseterm.services.session.case_session import CaseSession
from caseterm.services.sync.messages import refusal
from caseterm.store.database import Tx
from caseterm.store.district import CommuneInfo, CommuneKeyInfo

STALE_AFTER_DAYS = 35
"""A commune with no new bundle for longer than this is flagged (monthly, plus 5 days' grace)."""
_UNIT = re.compile(UNIT_CODE)


@dataclass(frozen=True)
class CommuneStatus:
    """One commune's line of the district status."""

    unit_code: str
    name: str
    last_sequence: int
    last_period: str | None
    last_received_at: str | None
    days_since: int
    """Days since its last bundle was applied (since enrolment if none was)."""
    stale: bool
    quarantined: tuple[int, ...]
    missing: tuple[int, ...]
    """The sequences that must arrive before the quarantined ones can be applied."""
    keys: tuple[tuple[str, bool], ...]
    """(key id, revoked) of each of its signing keys."""


@dataclass(frozen=True)
class SharedPerson:
    """An ID number held by more than one commune (the number is shown only by its end)."""

    id_number_end: str
    holders: tuple[tuple[str, str], ...]
    """(commune, person id) of each holder."""


@dataclass(frozen=True)
class DistrictStatus:
    """Every commune, the alerts, and the persons two communes hold."""

    address: DistrictAddress
    communes: list[CommuneStatus]
    shared: list[SharedPerson]
    alerts: list[tuple[str, int, str, str]]


def add_district_key(tx: Tx, *, at: str) -> DistrictKey:
    """Make and keep the district's age key (store creation calls this)."""
    key = DistrictKey.generate()
    tx.district.add_key(
        key_id=recipient_key_id(key.recipient),
        identity=key.identity,
        recipient=key.recipient,
        at=at,
    )
    return key


def district_address(session: CaseSession) -> DistrictAddress:
    """The one line the communes are given: code, age recipient, signing key."""
    session.require(Action.DISTRICT_READ)
    require_district(session)
    with session.transaction(durable=False) as tx:
        return _address(session, tx)


def _address(session: CaseSession, tx: Tx) -> DistrictAddress:
    keys, signing = tx.district.age_keys(), tx.keys.signer()
    if not keys or signing is None:
        raise IntegrityFailure(_("This district store has no keys; run caseterm-admin verify."))
    return DistrictAddress(session.unit.code, keys[0][2], signing[1])


def require_district(session: CaseSession) -> None:
    """Refuse district work on a commune's store."""
    if session.unit.kind != "district":
        raise refusal("not_district")


def enroll_commune(
    session: CaseSession, unit_code: str, name: str, signing_key_hex: str
) -> CommuneKeyInfo:
    """Trust a commune's signing key (enrolling the commune first if it is new)."""
    session.require(Action.DISTRICT_MANAGE)
    require_district(session)
    if not _UNIT.match(unit_code):
        raise UsageError(_("A unit code has 1 to 16 letters, digits, dots, dashes or underscores."))
    public = _public_key(signing_key_hex)
    key = CommuneKeyInfo(key_id_of(public), unit_code, public, None)
    with session.transaction() as tx:
        if tx.district.commune_key(key.key_id) is not None:
            raise UsageError(_("This signing key is already enrolled."))
        if tx.district.commune(unit_code) is None:
            if unit_code == session.unit.code:
                raise UsageError(_("That is this district's own code."))
            tx.district.enroll(
                unit_code=unit_code, name=name.strip() or unit_code, at=session.now()
            )
        tx.district.add_commune_key(key, at=session.now())
        session.audit(tx, "district.enroll", "unit", unit_code, {"key_id": key.key_id})
    return key


def _public_key(text: str) -> bytes:
    """An Ed25519 public key given as 64 hex digits, checked to be a usable key."""
    cleaned = text.strip().lower()
    if not re.fullmatch(r"[0-9a-f]{64}", cleaned):
        raise UsageError(
            _("A signing key is 64 hexadecimal digits, as caseterm sync status prints it.")
        )
    public = bytes.fromhex(cleaned)
    if not is_public_key(public):
        raise UsageError(_("These 64 digits are not a signing key."))
    return public


def revoke_commune_key(session: CaseSession, key_id: str) -> list[str]:
    """Stop trusting a signing key (a lost laptop) and every key it introduced.

    Their bundles are refused from now on. Returns the ids revoked, the given key first.
    """
    session.require(Action.DISTRICT_MANAGE)
    require_district(session)
    with session.transaction() as tx:
        if tx.district.commune_key(key_id) is None:
            raise NotFound(_("No signing key {key_id} is enrolled.").format(key_id=key_id))
        revoked = tx.district.revoke_key(key_id, at=session.now())
        if not revoked:
            raise RefusedError(_("The key {key_id} is already revoked.").format(key_id=key_id))
        for each in revoked:
            session.audit(tx, "district.revoke_key", "key", each)
    return revoked


def district_status(session: CaseSession) -> DistrictStatus:
    """Where every commune stands, the alerts, and ID numbers held by two communes."""
    session.require(Action.DISTRICT_READ)
    require_district(session)
    now = session.clock.now()
    with session.transaction() as tx:
        address = _address(session, tx)
        keys = tx.district.commune_keys()
        waiting = tx.district.quarantined()
        communes = [
            _commune_status(
                info, now, keys, [b.sequence for b in waiting if b.unit_code == info.unit_code]
            )
            for info in tx.district.communes()
        ]
        shared = _shared(tx.district.shared_id_numbers())
        alerts = tx.district.alerts()
        session.audit(tx, "district.status", "unit", session.unit.code, {"shared": len(shared)})
    return DistrictStatus(address, communes, shared, alerts)


def _commune_status(
    info: CommuneInfo, now: datetime, keys: list[CommuneKeyInfo], waiting: list[int]
) -> CommuneStatus:
    since = info.last_received_at or info.enrolled_at
    days = (now - datetime.fromisoformat(since)).days
    missing = tuple(range(info.last_sequence + 1, min(waiting))) if waiting else ()
    return CommuneStatus(
        info.unit_code,
        info.name,
        info.last_sequence,
        info.last_period,
        info.last_received_at,
        days,
        days > STALE_AFTER_DAYS,
        tuple(waiting),
        missing,
        tuple((k.key_id, k.revoked_at is not None) for k in keys if k.unit_code == info.unit_code),
    )


def _shared(rows: list[tuple[str, str, str]]) -> list[SharedPerson]:
    groups: dict[str, list[tuple[str, str]]] = {}
    for number, unit, person_id in rows:
        groups.setdefault(number, []).append((unit, person_id))
    return [SharedPerson("…" + number[-4:], tuple(holders)) for number, holders in groups.items()]
