"""(District) Bundles held back from a commune's chain, and rebaselines of a restored commune."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from caseterm.store.tables_sync import DistrictBundle, DistrictCommune

HELD = ("quarantined", "refused")
"""Statuses of a bundle received but not applied."""


@dataclass(frozen=True)
class HeldBundle:
    """A bundle waiting (quarantined) or refused when its turn came."""

    unit_code: str
    sequence: int
    bundle_sha256: str
    period: str
    status: str
    received_at: str
    refusal: str | None


@dataclass(frozen=True)
class Receipt:
    """An applied bundle as the district remembers it."""

    sequence: int
    bundle_sha256: str
    audit_head: tuple[int, str] | None


class HeldRepo:
    """Held bundles: list, mark refused, drop; receipts and rebaselines."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def held(self, unit_code: str | None = None) -> list[HeldBundle]:
        """Held bundles, by commune and sequence."""
        query = select(DistrictBundle).where(col(DistrictBundle.status).in_(HELD))
        if unit_code is not None:
            query = query.where(DistrictBundle.unit_code == unit_code)
        rows = self._session.exec(
            query.order_by(col(DistrictBundle.unit_code), col(DistrictBundle.sequence))
        )
        return [
            HeldBundle(
                row.unit_code,
                row.sequence,
                row.bundle_sha256,
                row.period,
                row.status,
                row.received_at,
                row.refusal,
            )
            for row in rows
        ]

    def mark_refused(self, unit_code: str, sequence: int, code: str) -> None:
        """A held bundle was refused at its turn: it blocks nothing and waits for a person."""
        row = self._session.get(DistrictBundle, (unit_code, sequence))
        if row is None:
            raise LookupError((unit_code, sequence))
        row.status, row.refusal = "refused", code
        self._session.add(row)
        self._session.flush()

    def drop(self, unit_code: str, sequence: int) -> HeldBundle | None:
        """Forget a held bundle (never an applied one); return what it was."""
        found = [h for h in self.held(unit_code) if h.sequence == sequence]
        row = self._session.get(DistrictBundle, (unit_code, sequence))
        if not found or row is None:
            return None
        self._session.delete(row)
        self._session.flush()
        return found[0]

    def set_audit_head(self, unit_code: str, sequence: int, head: tuple[int, str] | None) -> None:
        """Remember where the commune's audit chain stood after an applied bundle."""
        row = self._session.get(DistrictBundle, (unit_code, sequence))
        if row is None:
            raise LookupError((unit_code, sequence))
        row.audit_seq, row.audit_hash = head or (None, None)
        self._session.add(row)
        self._session.flush()

    def receipt(self, unit_code: str, sequence: int) -> Receipt | None:
        """The applied bundle `sequence` of a commune, if the district has it."""
        row = self._session.get(DistrictBundle, (unit_code, sequence))
        if row is None or row.status != "applied":
            return None
        head = (
            None
            if row.audit_seq is None or row.audit_hash is None
            else (row.audit_seq, row.audit_hash)
        )
        return Receipt(row.sequence, row.bundle_sha256, head)

    def forget_from(self, unit_code: str, sequence: int) -> list[tuple[int, str]]:
        """Remove a commune's bundle rows from `sequence` on; return (sequence, sha-256) of each.

        Only for a rebaseline: the records they brought stay, their receipts give way to the
        restored commune's new bundles of the same numbers.
        """
        rows = list(
            self._session.exec(
                select(DistrictBundle)
                .where(DistrictBundle.unit_code == unit_code, DistrictBundle.sequence >= sequence)
                .order_by(col(DistrictBundle.sequence))
            )
        )
        gone = [(row.sequence, row.bundle_sha256) for row in rows]
        for row in rows:
            self._session.delete(row)
        self._session.flush()
        return gone

    def request_rebaseline(self, unit_code: str, *, at: str, reason: str) -> None:
        """Let the commune's next bundle start its chain again (once)."""
        row = self._session.get(DistrictCommune, unit_code)
        if row is None:
            raise LookupError(unit_code)
        row.rebaseline_at, row.rebaseline_reason = at, reason
        self._session.add(row)
        self._session.flush()

    def rebaseline_requested(self, unit_code: str) -> str | None:
        """When a rebaseline was asked for and not yet used, if it was."""
        row = self._session.get(DistrictCommune, unit_code)
        return None if row is None else row.rebaseline_at

    def rewind(
        self,
        unit_code: str,
        *,
        sequence: int,
        sha256: str,
        audit_head: tuple[int, str] | None,
    ) -> None:
        """Set a commune's chain head back to a receipt (a rebaseline being applied)."""
        row = self._session.get(DistrictCommune, unit_code)
        if row is None:
            raise LookupError(unit_code)
        row.last_sequence, row.last_bundle_sha256 = sequence, sha256
        row.audit_seq, row.audit_hash = audit_head or (None, None)
        row.last_period = None  # the restored commune may send an earlier period again
        row.rebaseline_at, row.rebaseline_reason = None, None
        self._session.add(row)
        self._session.flush()
