"""Importing a commune's bundle at the district: every check before any write, all or nothing.

The order of the checks follows what each one needs: the clear header (sizes, format), the
registry (is the sender enrolled, is its key trusted, does the signature hold, is the bundle for
this district), the chain (applied already, replayed, two bundles with one sequence, a gap), and
only then decryption and the records. A bundle after a gap is checked as far as it can be and
kept, still encrypted, until the missing one arrives; then both are applied in order.

Each applied bundle is one transaction: its records, the projections of the persons it touches,
the chain head and the audit entry commit together or not at all (T02, T18). A refusal is
audited in a transaction of its own, after the one that found it was rolled back.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

from caseterm.crypto.bundle import (
    MAX_BUNDLE_BYTES,
    BundleHeader,
    read_header,
    recipient_key_id,
)
from caseterm.crypto.signing import SigningKey
from caseterm.domain.audit import ChainSegment
from caseterm.domain.bundle import BundleRejected
from caseterm.domain.permissions import Action
from caseterm.domain.sync import Ack, RecordCounts, ack_bytes, ack_file_name, ack_message
from caseterm.errors import BundleRefused, CasetermError, IntegrityFailure, UsageError
from caseterm.files import atomic_write_bytes, read_regular_file
from caseterm.i18n import _
from caseterm.services.session.case_session import CaseSession
from caseterm.services.sync.bundle_records import CheckOnly, RecordSink, stream_records
from caseterm.services.sync.district import STALE_AFTER_DAYS, require_district
from caseterm.services.sync.district_chain import (
    APPLIED,
    HELD_REFUSED,
    QUARANTINED,
    REFUSED,
    Imported,
    apply_bundle,
)
from caseterm.services.sync.district_rebaseline import rebaseline
from caseterm.services.sync.messages import refusal, refused
from caseterm.services.words.messages import read_failure
from caseterm.store.database import Tx
from caseterm.store.district import CommuneKeyInfo, ReceivedBundle


def import_bundle(
    session: CaseSession, path: Path, *, ack_dir: Path | None = None
) -> list[Imported]:
    """Import one bundle file; the list also holds quarantined bundles it lets through."""
    session.require(Action.DISTRICT_IMPORT)
    require_district(session)
    try:
        data = _read(path)
    except BundleRefused as too_large:
        _audit_refusal(session, "-", too_large.code, None)
        raise
    digest = hashlib.sha256(data).hexdigest()
    header: BundleHeader | None = None
    try:
        header = read_header(data)
        outcome = _import(session, data, header, digest)
    except BundleRejected as rejection:
        _audit_refusal(session, digest, rejection.code, header)
        raise refused(rejection) from None
    results = [outcome]
    if outcome.outcome == APPLIED:
        results += release_held(session, outcome.unit_code, outcome.sequence)
    target = ack_dir or path.parent
    return [write_ack(session, result, target) for result in results]


def _read(path: Path) -> bytes:
    """The file's bytes; one larger than any bundle can be is refused before it is read."""
    try:
        data, size = read_regular_file(path, MAX_BUNDLE_BYTES + 1)
        data = b"" if size > MAX_BUNDLE_BYTES else data
    except OSError as error:
        raise UsageError(
            _("Cannot read {path}: {reason}.").format(path=path, reason=read_failure(error))
        ) from error
    if not data and size:
        raise refusal("bundle_too_large")
    return data


def _import(session: CaseSession, data: bytes, header: BundleHeader, digest: str) -> Imported:
    manifest = header.manifest

    def reading(identity: str, sink: RecordSink) -> ChainSegment:
        return stream_records(data, header, identity, sink)

    with session.transaction() as tx:
        identity = _check_sender(session, tx, header)
        known = tx.district.bundle(manifest.sender_unit, manifest.sequence)
        commune = tx.district.commune(manifest.sender_unit)
        assert commune is not None  # noqa: S101 - _check_sender refused unknown communes
        if _rebaselining(tx, header, known, digest, commune.last_sequence):
            return rebaseline(session, tx, header, digest, partial(reading, identity))
        if known is not None:
            seen = _seen_before(known, digest, commune.last_sequence)
            details: dict[str, str | int] = {"sequence": known.sequence, "outcome": seen.outcome}
            session.audit(tx, "bundle.seen_again", "unit", known.unit_code, details)
            return seen
        if manifest.sequence <= commune.last_sequence:
            raise BundleRejected("replay", f"{manifest.sender_unit} #{manifest.sequence}")
        warnings = _age_warnings(session, manifest.created_at)
        if manifest.sequence > commune.last_sequence + 1:
            stream_records(data, header, identity, CheckOnly())  # held only if it is valid
            return _quarantine(session, tx, header, digest, data, commune.last_sequence, warnings)
        return apply_bundle(session, tx, header, digest, partial(reading, identity), warnings)


def _rebaselining(
    tx: Tx, header: BundleHeader, known: ReceivedBundle | None, digest: str, last: int
) -> bool:
    """Whether this bundle starts a restored commune's chain again (asked for by a person)."""
    manifest = header.manifest
    if tx.held.rebaseline_requested(manifest.sender_unit) is None:
        return False
    return (known is None or known.bundle_sha256 != digest) and manifest.sequence <= last + 1


def _check_sender(session: CaseSession, tx: Tx, header: BundleHeader) -> str:
    """The district identity that opens the bundle, once its sender and signature check out."""
    manifest = header.manifest
    if tx.district.commune(manifest.sender_unit) is None:
        raise BundleRejected("unknown_unit", manifest.sender_unit)
    key = tx.district.commune_key(manifest.sender_key_id)
    if key is None and header.key_change is not None:
        key = _introduced(session, tx, header)
    if key is None or key.unit_code != manifest.sender_unit:
        raise BundleRejected("untrusted_key", f"{manifest.sender_key_id} (unknown)")
    if key.revoked_at is not None:
        raise BundleRejected("untrusted_key", f"{manifest.sender_key_id} (revoked)")
    if key.superseded_from is not None and manifest.sequence >= key.superseded_from:
        # A replaced key signs only what it signed before the change (a late earlier bundle).
        raise BundleRejected("untrusted_key", f"{manifest.sender_key_id} (superseded)")
    header.verify(key.public_key)
    identities = {
        recipient_key_id(recipient): identity for _, identity, recipient in tx.district.age_keys()
    }
    identity = identities.get(manifest.recipient_key_id)
    if manifest.recipient_unit != session.unit.code or identity is None:
        raise BundleRejected("wrong_recipient", manifest.recipient_unit)
    return identity


def _introduced(session: CaseSession, tx: Tx, header: BundleHeader) -> CommuneKeyInfo:
    """Trust the bundle's new key, introduced by a statement a trusted key of the commune signed.

    Runs in the import's transaction: if the bundle is refused later, the key is not kept.
    """
    statement = header.key_change
    assert statement is not None  # noqa: S101 - the caller checked
    old = tx.district.commune_key(statement.old_key_id)
    if old is None or old.unit_code != header.manifest.sender_unit:
        raise BundleRejected("untrusted_key", f"{statement.old_key_id} (unknown)")
    if old.revoked_at is not None:
        raise BundleRejected("untrusted_key", f"{statement.old_key_id} (revoked)")
    if old.superseded_from is not None:  # a replaced key never introduces another
        raise BundleRejected("untrusted_key", f"{statement.old_key_id} (superseded)")
    public = header.introduced_key(old.public_key)
    header.verify(public)  # before the new key is trusted for anything
    key = CommuneKeyInfo(statement.new_key_id, old.unit_code, public, None, old.key_id)
    tx.district.add_commune_key(key, at=session.now())
    tx.district.supersede_key(old.key_id, from_sequence=header.manifest.sequence)
    session.audit(
        tx,
        "district.key_change",
        "unit",
        old.unit_code,
        {"old_key_id": old.key_id, "new_key_id": key.key_id},
    )
    return key


def _seen_before(known: ReceivedBundle, digest: str, last_sequence: int) -> Imported:
    """The same sequence again: the same bytes are harmless, other bytes are equivocation."""
    where = f"{known.unit_code} #{known.sequence}"
    if known.bundle_sha256 != digest:
        raise BundleRejected("equivocation", where)
    if known.status == REFUSED:  # held, then refused at its turn: `district held` decides
        raise BundleRejected("held_refused", where)
    if known.status == QUARANTINED:
        return Imported(
            known.unit_code, known.sequence, known.period, "already_quarantined", None, None
        )
    if known.sequence < last_sequence:
        raise BundleRejected("replay", where)
    counts = RecordCounts.model_validate_json(known.summary)
    return Imported(known.unit_code, known.sequence, known.period, "already_applied", counts, None)


def _age_warnings(session: CaseSession, created_at: str) -> tuple[str, ...]:
    made = datetime.fromisoformat(created_at)
    if session.clock.now() - made > timedelta(days=STALE_AFTER_DAYS):
        return (
            _("The bundle was made on {day}, more than {n} days ago.").format(
                day=created_at[:10], n=STALE_AFTER_DAYS
            ),
        )
    return ()


def _quarantine(
    session: CaseSession,
    tx: Tx,
    header: BundleHeader,
    digest: str,
    data: bytes,
    last_sequence: int,
    warnings: tuple[str, ...],
) -> Imported:
    manifest = header.manifest
    held = ReceivedBundle(
        manifest.sender_unit,
        manifest.sequence,
        digest,
        manifest.previous_bundle_sha256,
        manifest.period,
        QUARANTINED,
        "",
        data,
    )
    tx.district.put_bundle(held, created_at=manifest.created_at, at=session.now())
    missing = tuple(range(last_sequence + 1, manifest.sequence))
    session.audit(
        tx, "bundle.quarantine", "unit", manifest.sender_unit, {"sequence": manifest.sequence}
    )
    return Imported(
        manifest.sender_unit,
        manifest.sequence,
        manifest.period,
        QUARANTINED,
        None,
        None,
        missing,
        warnings,
    )


def release_held(
    session: CaseSession,
    unit_code: str,
    sequence: int,
    statuses: tuple[str, ...] = (QUARANTINED,),
) -> list[Imported]:
    """Apply, in order, the held bundles that now follow the chain's head.

    The first one refused is marked refused (audited, with an alert) and ends the run.
    """
    results: list[Imported] = []
    while True:
        with session.transaction(durable=False) as tx:
            held = tx.district.bundle(unit_code, sequence + 1)
        if held is None or held.status not in statuses or held.bundle is None:
            return results
        try:
            header = read_header(held.bundle)
            results.append(_import_held(session, held.bundle, header, held.bundle_sha256))
        except BundleRejected as rejection:
            # What was applied before stays applied and acknowledged; this one stops waiting.
            results.append(_refuse_held(session, held, rejection))
            return results
        sequence += 1


def _refuse_held(session: CaseSession, held: ReceivedBundle, rejection: BundleRejected) -> Imported:
    """Mark a held bundle refused at its turn, audit it and raise an alert for a person."""
    with session.transaction() as tx:
        tx.held.mark_refused(held.unit_code, held.sequence, rejection.code)
        details: dict[str, str | int] = {"code": rejection.code, "sequence": held.sequence}
        session.audit(tx, "bundle.held_refuse", "unit", held.unit_code, details)
        tx.district.add_alert(
            unit_code=held.unit_code,
            sequence=held.sequence,
            code=HELD_REFUSED,
            sha256=held.bundle_sha256,
            at=session.now(),
        )
    return Imported(
        held.unit_code,
        held.sequence,
        held.period,
        HELD_REFUSED,
        None,
        None,
        warnings=(str(refused(rejection)),),
    )


def _import_held(session: CaseSession, data: bytes, header: BundleHeader, digest: str) -> Imported:
    with session.transaction() as tx:
        identity = _check_sender(session, tx, header)

        def reading(sink: RecordSink) -> ChainSegment:
            return stream_records(data, header, identity, sink)

        return apply_bundle(session, tx, header, digest, reading, ())


ALERTING = frozenset({"equivocation", "audit_rewritten", "illegal_event"})
"""Refusals that are not mistakes in transit but a commune's history told two ways."""


def _audit_refusal(
    session: CaseSession, digest: str, code: str, header: BundleHeader | None
) -> None:
    """Record a refused bundle (and raise an alert for equivocation); no record changes."""
    with session.transaction() as tx:
        session.audit(tx, "bundle.refuse", "bundle", digest[:16], {"code": code})
        if code in ALERTING and header is not None:
            tx.district.add_alert(
                unit_code=header.manifest.sender_unit,
                sequence=header.manifest.sequence,
                code=code,
                sha256=digest,
                at=session.now(),
            )


def write_ack(session: CaseSession, result: Imported, directory: Path) -> Imported:
    """Write the signed acknowledgement of an applied bundle beside it."""
    if result.counts is None:
        return result
    with session.transaction(durable=False) as tx:
        keys = tx.keys.signer()
        known = tx.district.bundle(result.unit_code, result.sequence)
    if keys is None or known is None:
        raise IntegrityFailure(
            _("This district store has no signing key; run caseterm-admin verify.")
        )
    signer = SigningKey(*keys)
    ack = Ack(
        format="caseterm-ack/1",
        district_unit=session.unit.code,
        district_key_id=signer.key_id,
        commune_unit=result.unit_code,
        sequence=result.sequence,
        period=result.period,
        bundle_sha256=known.bundle_sha256,
        outcome="applied" if result.outcome == APPLIED else "already_applied",
        records=result.counts,
        imported_at=session.now(),
    )
    path = directory / ack_file_name(result.unit_code, result.period, result.sequence)
    try:
        atomic_write_bytes(path, ack_bytes(ack, signer.sign(ack_message(ack))))
    except OSError as error:
        raise CasetermError(
            _(
                "The bundle is imported, but its acknowledgement cannot be written to {path}: "
                "{reason}. Import it again to write it."
            ).format(path=path, reason=error.strerror or type(error).__name__)
        ) from error
    return Imported(
        result.unit_code,
        result.sequence,
        result.period,
        result.outcome,
        result.counts,
        path,
        result.missing,
        result.warnings,
    )
