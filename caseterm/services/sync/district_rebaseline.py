"""Rebaselining a commune restored from a backup older than its last bundle.

After such a restore, the commune numbers its next bundle after the last one its backup knew,
and its audit chain goes on from there: the district, which holds later bundles, would refuse it
twice (a replayed sequence, a rewritten audit chain), and nothing would ever get through. A
district officer who has checked the story asks for a rebaseline (`district rebaseline`, with a
reason, audited); the commune's next bundle is then accepted if it continues a bundle the
district applied (its previous hash, and the audit head at that bundle). The receipts of the
later bundles give way to the new ones and are named in the audit; the records they brought stay.
"""

from __future__ import annotations

from collections.abc import Callable

from caseterm.crypto.bundle import BundleHeader
from caseterm.domain.audit import ChainSegment
from caseterm.domain.bundle import BundleRejected
from caseterm.domain.permissions import Action
from caseterm.errors import NotFound, UsageError
from caseterm.i18n import _
from caseterm.services.session.case_session import CaseSession
from caseterm.services.sync.bundle_records import RecordSink
from caseterm.services.sync.district import require_district
from caseterm.services.sync.district_chain import Imported, apply_bundle
from caseterm.store.database import Tx

GENESIS = "0" * 64
"""The previous hash of a commune's first bundle."""


def request_rebaseline(session: CaseSession, unit_code: str, reason: str) -> None:
    """Accept that a commune was restored: its next bundle starts its chain again (once)."""
    session.require(Action.DISTRICT_MANAGE)
    require_district(session)
    reason = " ".join(reason.split())
    if not 10 <= len(reason) <= 200:
        raise UsageError(_("Say why in 10 to 200 characters (--reason)."))
    with session.transaction() as tx:
        if tx.district.commune(unit_code) is None:
            raise NotFound(_("No commune {code} is enrolled.").format(code=unit_code))
        tx.held.request_rebaseline(unit_code, at=session.now(), reason=reason)
        session.audit(tx, "district.rebaseline_request", "unit", unit_code, {"reason": reason})


def rebaseline(
    session: CaseSession,
    tx: Tx,
    header: BundleHeader,
    digest: str,
    read: Callable[[RecordSink], ChainSegment],
) -> Imported:
    """Apply a restored commune's bundle over the receipts of the bundles its restore lost."""
    manifest = header.manifest
    unit, sequence = manifest.sender_unit, manifest.sequence
    where = f"{unit} #{sequence}"
    base = tx.held.receipt(unit, sequence - 1) if sequence > 1 else None
    if sequence > 1 and base is None:
        raise BundleRejected("broken_chain", where)  # it continues nothing the district has
    previous = base.bundle_sha256 if base is not None else GENESIS
    if manifest.previous_bundle_sha256 != previous:
        raise BundleRejected("broken_chain", where)
    gone = tx.held.forget_from(unit, sequence)
    tx.held.rewind(
        unit,
        sequence=sequence - 1,
        sha256=previous,
        audit_head=base.audit_head if base is not None else None,
    )
    result = apply_bundle(session, tx, header, digest, read, ())
    details: dict[str, str | int] = {
        "from_sequence": sequence,
        "superseded": ",".join(f"{n}:{sha[:16]}" for n, sha in gone),
    }
    session.audit(tx, "district.rebaseline", "unit", unit, details)
    return result
