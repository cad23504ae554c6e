"""A bundle applied to a commune's chain at the district: the chain checks and the receipt.

Shared by the import (a new bundle, or a held one whose turn came) and the rebaseline of a
restored commune; both call it inside their one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from caseterm.crypto.bundle import BundleHeader
from caseterm.domain.audit import ChainSegment, SegmentFault, continue_segment
from caseterm.domain.bundle import BundleRejected, canonical
from caseterm.domain.sync import RecordCounts
from caseterm.services.session.case_session import CaseSession
from caseterm.services.sync.bundle_records import RecordSink
from caseterm.services.sync.district_apply import BundleApplier
from caseterm.store.database import Tx
from caseterm.store.district import ReceivedBundle

APPLIED = "applied"
QUARANTINED = "quarantined"
REFUSED = "refused"
"""A held bundle refused when its turn came; it waits for `district held drop|release`."""
HELD_REFUSED = "held_refused"


@dataclass(frozen=True)
class Imported:
    """What became of one bundle."""

    unit_code: str
    sequence: int
    period: str
    outcome: str
    """applied, already_applied, quarantined or already_quarantined."""
    counts: RecordCounts | None
    ack_path: Path | None
    missing: tuple[int, ...] = ()
    warnings: tuple[str, ...] = field(default=())


def apply_bundle(
    session: CaseSession,
    tx: Tx,
    header: BundleHeader,
    digest: str,
    read: Callable[[RecordSink], ChainSegment],
    warnings: tuple[str, ...],
) -> Imported:
    """Check that the bundle continues the commune's chains, apply its records, move the heads.

    `read` streams the payload's records into the applier (a batch at a time) and returns its
    audit segment; anything wrong found on the way rolls the whole transaction back.
    """
    manifest = header.manifest
    commune = tx.district.commune(manifest.sender_unit)
    assert commune is not None  # noqa: S101 - checked by the caller
    if manifest.previous_bundle_sha256 != commune.last_bundle_sha256:
        raise BundleRejected("broken_chain", f"{manifest.sender_unit} #{manifest.sequence}")
    if commune.last_period and manifest.period < commune.last_period:
        raise BundleRejected("period_backwards", f"{manifest.period} < {commune.last_period}")
    # The commune's Art 148(5) setting, as this bundle declares it, before any file is derived.
    tx.units.set_moves_term_ends(bool(manifest.term_ends_moved), manifest.sender_unit)
    applier = BundleApplier(session, tx, manifest.sender_unit)
    segment = read(applier)
    audit_head = continue_segment(commune.audit_head, segment, manifest.audit_head)
    if isinstance(audit_head, SegmentFault):
        raise BundleRejected(audit_head.code, f"{manifest.sender_unit} #{manifest.sequence}")
    counts = applier.finish()
    summary = canonical(counts.model_dump()).decode()
    done = ReceivedBundle(
        manifest.sender_unit,
        manifest.sequence,
        digest,
        manifest.previous_bundle_sha256,
        manifest.period,
        APPLIED,
        summary,
        None,
    )
    now = session.now()
    tx.district.put_bundle(done, created_at=manifest.created_at, at=now)
    tx.held.set_audit_head(manifest.sender_unit, manifest.sequence, audit_head)
    tx.district.advance(
        manifest.sender_unit,
        sequence=manifest.sequence,
        sha256=digest,
        period=manifest.period,
        created_at=manifest.created_at,
        at=now,
        audit_head=audit_head,
    )
    session.audit(
        tx,
        "bundle.import",
        "unit",
        manifest.sender_unit,
        {
            "sequence": manifest.sequence,
            "applied": counts.applied,
            "present": counts.already_present,
        },
    )
    return Imported(
        manifest.sender_unit,
        manifest.sequence,
        manifest.period,
        APPLIED,
        counts,
        None,
        (),
        warnings,
    )
