"""The district's side of the exchange: its age keys, the communes, their keys, bundles, alerts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from caseterm.store.engine import fetch_all
from caseterm.store.tables import Unit
from caseterm.store.tables_sync import (
    DistrictAlert,
    DistrictBundle,
    DistrictCommune,
    DistrictCommuneKey,
    DistrictKey,
)


@dataclass(frozen=True)
class CommuneInfo:
    """(District) An enrolled commune and the head of its chain."""

    unit_code: str
    name: str
    enrolled_at: str
    last_sequence: int
    last_bundle_sha256: str
    last_period: str | None
    last_created_at: str | None
    last_received_at: str | None
    audit_head: tuple[int, str] | None = None
    """The (seq, hash) of the commune's audit chain its last applied bundle ended at."""


@dataclass(frozen=True)
class CommuneKeyInfo:
    """(District) A commune's signing key."""

    key_id: str
    unit_code: str
    public_key: bytes
    revoked_at: str | None
    introduced_by: str | None = None
    """The key whose statement introduced this one (None: enrolled by hand)."""
    superseded_from: int | None = None
    """The first bundle sequence this key may no longer sign (None: not replaced)."""


@dataclass(frozen=True)
class ReceivedBundle:
    """(District) A bundle that was applied or is quarantined."""

    unit_code: str
    sequence: int
    bundle_sha256: str
    previous_sha256: str
    period: str
    status: str
    summary: str
    bundle: bytes | None


class DistrictRepo:
    """(District) Its age keys, the enrolled communes, their keys and their bundles."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add_key(self, *, key_id: str, identity: str, recipient: str, at: str) -> None:
        """Keep a new age identity (secret; it never leaves the encrypted store)."""
        self._session.add(
            DistrictKey(key_id=key_id, identity=identity, recipient=recipient, created_at=at)
        )
        self._session.flush()

    def age_keys(self) -> list[tuple[str, str, str]]:
        """(key id, identity, recipient) of every age key not retired, newest first."""
        rows = self._session.exec(
            select(DistrictKey)
            .where(col(DistrictKey.retired_at).is_(None))
            .order_by(col(DistrictKey.created_at).desc())
        )
        return [(row.key_id, row.identity, row.recipient) for row in rows]

    def enroll(self, *, unit_code: str, name: str, at: str) -> None:
        """Add a commune (as a unit this store holds records of, not its own)."""
        self._session.add(Unit(code=unit_code, name=name, kind="commune", created_at=at, own=False))
        self._session.flush()
        self._session.add(DistrictCommune(unit_code=unit_code, enrolled_at=at))
        self._session.flush()

    def add_commune_key(self, key: CommuneKeyInfo, *, at: str) -> None:
        """Trust a commune's signing key."""
        self._session.add(
            DistrictCommuneKey(
                key_id=key.key_id,
                unit_code=key.unit_code,
                public_key=key.public_key,
                enrolled_at=at,
                introduced_by=key.introduced_by,
            )
        )
        self._session.flush()

    def supersede_key(self, key_id: str, *, from_sequence: int) -> None:
        """Retire a key replaced by a key change carried in bundle `from_sequence`."""
        row = self._session.get(DistrictCommuneKey, key_id)
        if row is not None and row.superseded_from is None:
            row.superseded_from = from_sequence
            self._session.add(row)
            self._session.flush()

    def revoke_key(self, key_id: str, *, at: str) -> list[str]:
        """Stop trusting a key and every key it introduced, directly or not.

        Returns the ids revoked now (empty if there is no such key or it was already revoked).
        """
        row = self._session.get(DistrictCommuneKey, key_id)
        if row is None or row.revoked_at is not None:
            return []
        revoked, pending = [], [row]
        while pending:
            current = pending.pop()
            if current.revoked_at is None:
                current.revoked_at = at
                self._session.add(current)
                revoked.append(current.key_id)
            pending.extend(
                self._session.exec(
                    select(DistrictCommuneKey).where(
                        col(DistrictCommuneKey.introduced_by) == current.key_id
                    )
                )
            )
        self._session.flush()
        return revoked

    def commune_key(self, key_id: str) -> CommuneKeyInfo | None:
        """A key by id, revoked or not."""
        row = self._session.get(DistrictCommuneKey, key_id)
        return _key_info(row) if row is not None else None

    def commune_keys(self) -> list[CommuneKeyInfo]:
        """Every commune key, revoked or not."""
        rows = self._session.exec(
            select(DistrictCommuneKey).order_by(col(DistrictCommuneKey.unit_code))
        )
        return [_key_info(row) for row in rows]

    def commune(self, unit_code: str) -> CommuneInfo | None:
        """An enrolled commune."""
        row = self._session.get(DistrictCommune, unit_code)
        if row is None:
            return None
        unit = self._session.get(Unit, unit_code)
        return _commune(row, unit.name if unit else "")

    def communes(self) -> list[CommuneInfo]:
        """Every enrolled commune, by code."""
        query = (
            select(DistrictCommune, Unit)
            .join(Unit, col(Unit.code) == col(DistrictCommune.unit_code))
            .order_by(col(DistrictCommune.unit_code))
        )
        return [_commune(row, unit.name) for row, unit in self._session.exec(query)]

    def advance(
        self,
        unit_code: str,
        *,
        sequence: int,
        sha256: str,
        period: str,
        created_at: str,
        at: str,
        audit_head: tuple[int, str] | None,
    ) -> None:
        """Move a commune's chain heads (bundles and audit) to a bundle just applied."""
        row = self._session.get(DistrictCommune, unit_code)
        if row is None:
            raise LookupError(unit_code)
        row.last_sequence, row.last_bundle_sha256 = sequence, sha256
        row.audit_seq, row.audit_hash = audit_head or (None, None)
        row.last_period, row.last_created_at, row.last_received_at = period, created_at, at
        self._session.add(row)
        self._session.flush()

    def periods_applied(self, period: str) -> set[str]:
        """The communes with an applied bundle for `period` (YYYY-MM)."""
        query = select(DistrictBundle.unit_code).where(
            col(DistrictBundle.period) == period, col(DistrictBundle.status) == "applied"
        )
        return set(self._session.exec(query))

    def bundle(self, unit_code: str, sequence: int) -> ReceivedBundle | None:
        """A received bundle by commune and sequence."""
        row = self._session.get(DistrictBundle, (unit_code, sequence))
        return None if row is None else _received(row)

    def quarantined(self, unit_code: str | None = None) -> list[ReceivedBundle]:
        """Bundles waiting for the one before them, by commune and sequence."""
        query = select(DistrictBundle).where(col(DistrictBundle.status) == "quarantined")
        if unit_code is not None:
            query = query.where(col(DistrictBundle.unit_code) == unit_code)
        rows = self._session.exec(
            query.order_by(col(DistrictBundle.unit_code), col(DistrictBundle.sequence))
        )
        return [_received(row) for row in rows]

    def put_bundle(self, bundle: ReceivedBundle, *, created_at: str, at: str) -> None:
        """Record a bundle as applied or quarantined (replacing its quarantine row)."""
        row = self._session.get(DistrictBundle, (bundle.unit_code, bundle.sequence))
        row = row or DistrictBundle(
            unit_code=bundle.unit_code,
            sequence=bundle.sequence,
            bundle_sha256=bundle.bundle_sha256,
            previous_sha256=bundle.previous_sha256,
            period=bundle.period,
            created_at=created_at,
            received_at=at,
            status=bundle.status,
        )
        row.status, row.summary, row.bundle = bundle.status, bundle.summary, bundle.bundle
        row.applied_at = at if bundle.status == "applied" else None
        self._session.add(row)
        self._session.flush()

    def add_alert(self, *, unit_code: str, sequence: int, code: str, sha256: str, at: str) -> None:
        """Raise an alert for a person to look at."""
        self._session.add(
            DistrictAlert(
                unit_code=unit_code, sequence=sequence, code=code, bundle_sha256=sha256, at=at
            )
        )
        self._session.flush()

    def alerts(self) -> list[tuple[str, int, str, str]]:
        """(unit, sequence, code, at) of every alert, oldest first."""
        rows = self._session.exec(select(DistrictAlert).order_by(col(DistrictAlert.id)))
        return [(r.unit_code, r.sequence, r.code, r.at) for r in rows]

    def shared_id_numbers(self) -> list[tuple[str, str, str]]:
        """(ID number, unit, person id) of persons whose ID number two communes both hold.

        A person "held" is one whose file is not closed (status S15: moved out, ended, died).
        """
        rows = fetch_all(
            self._session,
            "WITH held AS (SELECT p.id, p.unit_code, p.id_number FROM person p"
            " LEFT JOIN person_state s ON s.person_id = p.id"
            " WHERE p.id_number IS NOT NULL AND p.id_number != ''"
            " AND coalesce(s.status, '') != 'S15')"
            " SELECT h.id_number, h.unit_code, h.id FROM held h WHERE h.id_number IN"
            " (SELECT id_number FROM held GROUP BY id_number HAVING count(DISTINCT unit_code) > 1)"
            " ORDER BY h.id_number, h.unit_code, h.id",
            (),
        )
        return [(str(a), str(b), str(c)) for a, b, c in rows]


def _commune(row: DistrictCommune, name: str) -> CommuneInfo:
    return CommuneInfo(
        row.unit_code,
        name,
        row.enrolled_at,
        row.last_sequence,
        row.last_bundle_sha256,
        row.last_period,
        row.last_created_at,
        row.last_received_at,
        None
        if row.audit_seq is None or row.audit_hash is None
        else (row.audit_seq, row.audit_hash),
    )


def _received(row: DistrictBundle) -> ReceivedBundle:
    return ReceivedBundle(
        row.unit_code,
        row.sequence,
        row.bundle_sha256,
        row.previous_sha256,
        row.period,
        row.status,
        row.summary,
        row.bundle,
    )


def _key_info(row: DistrictCommuneKey) -> CommuneKeyInfo:
    return CommuneKeyInfo(
        row.key_id,
        row.unit_code,
        row.public_key,
        row.revoked_at,
        row.introduced_by,
        row.superseded_from,
    )
