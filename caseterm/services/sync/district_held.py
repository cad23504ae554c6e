"""`district held list|drop|release`: what the district holds back from a commune's chain.

A bundle is held when it arrives before the one it follows (quarantined), or was refused when its
turn came (refused: say a wrong previous hash). A held bundle never blocks what follows for good:
a refused one is set aside at once (the bundles before it stay applied and acknowledged), and a
person decides what becomes of it — drop it (with a reason, audited), after which the commune's
next bundle of that number is welcome, or release it, which tries again the held bundles that
follow the commune's chain head (after a missing key was enrolled, or after a rebaseline).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from caseterm.domain.permissions import Action
from caseterm.errors import NotFound, UsageError
from caseterm.i18n import _
from caseterm.services.session.case_session import CaseSession
from caseterm.services.sync.district import require_district
from caseterm.services.sync.district_chain import QUARANTINED, REFUSED, Imported
from caseterm.services.sync.district_import import release_held, write_ack
from caseterm.store.held import HeldBundle


@dataclass(frozen=True)
class HeldView:
    """A held bundle with what it waits for."""

    bundle: HeldBundle
    missing: tuple[int, ...]
    """(Quarantined) The sequences that must be applied first."""


def held_bundles(session: CaseSession, unit_code: str | None = None) -> list[HeldView]:
    """Every held bundle (or one commune's), by commune and sequence."""
    session.require(Action.DISTRICT_READ)
    require_district(session)
    with session.transaction(durable=False) as tx:
        held = tx.held.held(unit_code)
        heads = {c.unit_code: c.last_sequence for c in tx.district.communes()}
        session.audit(tx, "district.held_list", "unit", unit_code or "*", {"count": len(held)})
    return [
        HeldView(
            bundle,
            tuple(range(heads.get(bundle.unit_code, 0) + 1, bundle.sequence))
            if bundle.status == QUARANTINED
            else (),
        )
        for bundle in held
    ]


def drop_held(session: CaseSession, unit_code: str, sequence: int, reason: str) -> HeldBundle:
    """Forget a held bundle, with a reason (audited with its hash); never an applied one."""
    session.require(Action.DISTRICT_MANAGE)
    require_district(session)
    reason = " ".join(reason.split())
    if not 10 <= len(reason) <= 200:
        raise UsageError(_("Say why in 10 to 200 characters (--reason)."))
    with session.transaction() as tx:
        dropped = tx.held.drop(unit_code, sequence)
        if dropped is None:
            raise NotFound(
                _("{unit} #{n} is not held (only held bundles can be dropped).").format(
                    unit=unit_code, n=sequence
                )
            )
        details: dict[str, str | int] = {
            "sequence": sequence,
            "status": dropped.status,
            "sha256": dropped.bundle_sha256,
            "reason": reason,
        }
        session.audit(tx, "bundle.held_drop", "unit", unit_code, details)
    return dropped


def release_held_bundles(
    session: CaseSession, ack_dir: Path, unit_code: str | None = None
) -> list[Imported]:
    """Try again the held bundles that follow each commune's head; acknowledge what applies."""
    session.require(Action.DISTRICT_IMPORT)
    require_district(session)
    with session.transaction(durable=False) as tx:
        heads = {
            c.unit_code: c.last_sequence
            for c in tx.district.communes()
            if unit_code is None or c.unit_code == unit_code
        }
    if unit_code is not None and unit_code not in heads:
        raise NotFound(_("No commune {code} is enrolled.").format(code=unit_code))
    results: list[Imported] = []
    for unit, head in sorted(heads.items()):
        released = release_held(session, unit, head, (QUARANTINED, REFUSED))
        results += [write_ack(session, result, ack_dir) for result in released]
    with session.transaction() as tx:
        details: dict[str, str | int] = {"released": sum(r.counts is not None for r in results)}
        session.audit(tx, "bundle.held_release", "unit", unit_code or "*", details)
    return results
