"""The commune's side of the monthly sync: the district to send to, bundles, acknowledgements.

A bundle carries everything the district has not acknowledged: persons at a newer version than
the one acknowledged, and events it has not acknowledged (voids are events). Its bytes are kept
(encrypted to the district) until the acknowledgement comes, so sending it again gives the same
file: the district would otherwise see two bundles with one sequence (equivocation).

The ledger row is committed before the file is written. A crash in between leaves a sequence
recorded and no file, and the next export writes that same bundle; a sequence is never skipped
and never made twice (T03).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from caseterm.crypto.bundle import recipient_key_id, seal, valid_recipient
from caseterm.crypto.signing import SigningKey, verify_signature
from caseterm.domain.bundle import (
    FORMAT,
    SCHEMA_VERSION,
    BundleRejected,
    Manifest,
    first_previous_hash,
)
from caseterm.domain.lifecycle.timecalc import local_day
from caseterm.domain.permissions import Action
from caseterm.domain.sync import (
    MAX_ACK_BYTES,
    DistrictAddress,
    SignedAck,
    bundle_file_name,
    export_due,
    parse_ack,
    valid_period,
)
from caseterm.errors import CasetermError, IntegrityFailure, NotFound, UsageError
from caseterm.files import atomic_write_bytes, read_regular_file
from caseterm.i18n import _
from caseterm.services.session.case_session import CaseSession
from caseterm.services.sync.bundle_records import audit_bytes, event_bytes, person_bytes
from caseterm.services.sync.messages import refusal, refused
from caseterm.services.words.messages import read_failure
from caseterm.store.database import Tx
from caseterm.store.sync import ExportInfo, TargetInfo

Progress = Callable[[int, int], None]
T = TypeVar("T")


class ExportCancelled(CasetermError):
    """Raised by a progress callback to stop an export; nothing is recorded or written."""

    def __init__(self) -> None:
        super().__init__(_("The export was cancelled: nothing was recorded or written."))


@dataclass(frozen=True)
class Exported:
    """A bundle written to disk."""

    sequence: int
    period: str
    path: Path
    persons: int
    events: int
    again: bool
    """True when an unacknowledged bundle was written again, unchanged."""


@dataclass(frozen=True)
class AckImported:
    """What an acknowledgement said and did."""

    sequence: int
    period: str
    newly_acknowledged: int
    exported: int
    applied: int
    already_present: int


@dataclass(frozen=True)
class SyncStatus:
    """The commune's sync at a glance."""

    district: TargetInfo | None
    signing_key_id: str | None
    signing_public_key: bytes | None
    exports: list[ExportInfo]
    unsent_persons: int
    unsent_events: int
    due_period: str | None
    """The last month, when no bundle was made for it yet (the "export due" banner)."""


def set_district(session: CaseSession, address_text: str) -> DistrictAddress:
    """Make the district named by its one-line address the one bundles are encrypted to."""
    session.require(Action.SYNC_CONFIGURE)
    address = parse_address(address_text)
    with session.transaction() as tx:
        save_district(tx, address, at=session.now())
        session.audit(tx, "sync.district_set", "unit", address.district_code)
    return address


def parse_address(text: str) -> DistrictAddress:
    """The district address an administrator typed, or a clear error."""
    try:
        address = DistrictAddress.parse(text)
    except ValueError:
        raise UsageError(
            _(
                "This is not a district address. It is one line that starts with ctd1: and is "
                "printed by caseterm-admin district init at the district."
            )
        ) from None
    if not valid_recipient(address.recipient):
        raise refusal("bad_recipient")
    return address


def save_district(tx: Tx, address: DistrictAddress, *, at: str) -> None:
    """Record the district in the transaction (store creation uses this too)."""
    tx.sync.set_target(
        TargetInfo(address.district_code, address.recipient, address.signing_public_key, at)
    )


def export_bundle(
    session: CaseSession,
    period: str,
    out: Path,
    *,
    again: int | None = None,
    progress: Progress | None = None,
) -> Exported:
    """Write the bundle for `period` (or bundle number `again`) to `out` (a file or a folder).

    `progress(done, total)` is called as records are gathered; raising `ExportCancelled` from
    it stops the export before anything is recorded or written.
    """
    session.require(Action.SYNC_EXPORT)
    if again is None:
        _check_period(session, period)
    with session.transaction() as tx:
        target = tx.sync.target()
        if target is None:
            raise UsageError(
                _(
                    "No district is set, so no bundle can be made: an administrator sets it "
                    "with caseterm-admin set-district ctd1:…"
                )
            )
        found = _existing(tx, period, again)
        if found is None:
            info, data = _make(session, tx, target, period, progress or _quiet)
            session.audit(tx, "sync.export", "bundle", str(info.sequence), _counts(info))
        else:
            info, data = found
            session.audit(tx, "sync.export_again", "bundle", str(info.sequence), _counts(info))
    path = out / info.file_name if out.is_dir() else out
    _write(path, data)
    return Exported(info.sequence, info.period, path, info.persons, info.events, found is not None)


def _check_period(session: CaseSession, period: str) -> None:
    if not valid_period(period):
        raise UsageError(_("The month must be written YYYY-MM, e.g. 2026-10."))
    if period > session.clock.now().strftime("%Y-%m"):
        raise UsageError(_("The month {period} has not begun yet.").format(period=period))


def _existing(tx: Tx, period: str, again: int | None) -> tuple[ExportInfo, bytes] | None:
    """The unacknowledged bundle to write again, if the request names one."""
    if again is not None:
        return _kept(tx, again)
    last = tx.sync.last_export()
    if last is not None and period < last.period:
        raise UsageError(_period_backwards(last))
    if last is not None and last.acked_at is None and period == last.period:
        return _kept(tx, last.sequence)
    return None


def _kept(tx: Tx, sequence: int) -> tuple[ExportInfo, bytes]:
    found = tx.sync.export(sequence)
    if found is None:
        raise NotFound(_("No bundle number {n} was made.").format(n=sequence))
    info, data = found
    if data is None:
        raise UsageError(
            _("Bundle {n} is acknowledged by the district; it is no longer kept.").format(
                n=sequence
            )
        )
    return info, data


def _period_backwards(last: ExportInfo) -> str:
    return _("A bundle for {period} was already made; a bundle cannot go back in time.").format(
        period=last.period
    )


def _make(
    session: CaseSession, tx: Tx, target: TargetInfo, period: str, progress: Progress
) -> tuple[ExportInfo, bytes]:
    """Make, sign, encrypt and record the next bundle (the plaintext stays in memory)."""
    keys = tx.keys.signer()
    if keys is None:
        raise IntegrityFailure(_("This store has no signing key; run caseterm-admin verify."))
    signer = SigningKey(*keys)
    total = sum(tx.sync.unsent_counts())
    progress(0, total)
    persons: list[tuple[str, int]] = []
    lines: list[bytes] = []
    for row in _counted(tx.sync.unsent_person_rows(), progress, 0, total):
        persons.append((row[0], row[9]))
        lines.append(person_bytes(row))
    events: list[str] = []
    for row in _counted(tx.sync.unsent_event_rows(), progress, len(persons), total):
        events.append(row[0])
        lines.append(event_bytes(row))
    last = tx.sync.last_export()
    sequence = last.sequence + 1 if last else 1
    previous = last.bundle_sha256 if last else first_previous_hash()
    # The audit entries since the last bundle's head (the whole chain if none was carried), so
    # the district can check that the chain only grows (T36).
    for entry, stored_hash in tx.audit.entries(after=(last.audit_seq or 0) if last else 0):
        lines.append(audit_bytes(entry, stored_hash))
    head_seq, head_hash = tx.audit.head()
    draft = Manifest(
        format=FORMAT,
        schema_version=SCHEMA_VERSION,
        sender_unit=session.unit.code,
        sender_key_id=signer.key_id,
        recipient_unit=target.district_code,
        recipient_key_id=recipient_key_id(target.recipient),
        sequence=sequence,
        period=period,
        created_at=session.now(),
        previous_bundle_sha256=previous,
        payload_sha256="0" * 64,
        audit_head=head_hash,
        term_ends_moved=True if tx.units.moves_term_ends() else None,
    )
    try:
        data = seal(draft, b"".join(lines), target.recipient, signer, tx.keys.key_change())
    except BundleRejected as rejection:
        raise refused(rejection) from None
    info = ExportInfo(
        sequence,
        period,
        draft.created_at,
        hashlib.sha256(data).hexdigest(),
        previous,
        bundle_file_name(session.unit.code, period, sequence),
        len(persons),
        len(events),
        None,
        None,
        head_seq,
    )
    tx.sync.add_export(info, data, persons, events)
    return info, data


def _counted(items: Iterable[T], progress: Progress, start: int, total: int) -> Iterator[T]:
    """Pass the items through, reporting every 500th to `progress` (which may cancel)."""
    done = start
    for item in items:
        done += 1
        if done % 500 == 0:
            progress(done, total)
        yield item
    progress(done, total)


def _quiet(_done: int, _total: int) -> None:
    """No progress to show."""


def _counts(info: ExportInfo) -> dict[str, str | int]:
    return {"period": info.period, "persons": info.persons, "events": info.events}


def _write(path: Path, data: bytes) -> None:
    """Write the bundle under its name atomically, after clearing leftovers of killed writes."""
    for leftover in path.parent.glob(f".{path.name}.tmp-*"):
        with contextlib.suppress(OSError):
            leftover.unlink()
    if path.exists() and path.read_bytes() != data:
        raise UsageError(
            _("{path} already exists and is another file; choose another name.").format(path=path)
        )
    try:
        atomic_write_bytes(path, data)
    except OSError as error:
        raise CasetermError(
            _(
                "Cannot write {path}: {reason}. The bundle is kept; export again to write it."
            ).format(path=path, reason=error.strerror or type(error).__name__)
        ) from error


def import_ack(session: CaseSession, path: Path) -> AckImported:
    """Read the district's signed acknowledgement and mark the bundles it covers as received."""
    session.require(Action.SYNC_EXPORT)
    signed = _read_ack(path)
    ack = signed.ack
    with session.transaction() as tx:
        target = tx.sync.target()
        if target is None or not verify_signature(
            target.signing_public_key, signed.signature, signed.raw
        ):
            raise refusal("ack_signature")
        if ack.district_unit != target.district_code or ack.commune_unit != session.unit.code:
            raise refusal("ack_other_unit", ack.commune_unit)
        found = tx.sync.export(ack.sequence)
        if found is None or found[0].bundle_sha256 != ack.bundle_sha256:
            raise refusal("ack_unknown_bundle", str(ack.sequence))
        summary = json.dumps(ack.records.model_dump(), sort_keys=True)
        newly = tx.sync.acknowledge(ack.sequence, at=session.now(), summary=summary)
        session.audit(tx, "sync.ack_import", "bundle", str(ack.sequence), {"newly": newly})
    counts = ack.records
    return AckImported(
        ack.sequence, ack.period, newly, counts.exported, counts.applied, counts.already_present
    )


def _read_ack(path: Path) -> SignedAck:
    try:
        data, _size = read_regular_file(path, MAX_ACK_BYTES + 1)
    except OSError as error:
        raise UsageError(
            _("Cannot read {path}: {reason}.").format(path=path, reason=read_failure(error))
        ) from error
    try:
        return parse_ack(data)
    except BundleRejected as rejection:
        raise refused(rejection) from None


def sync_status(session: CaseSession) -> SyncStatus:
    """The district, the bundles made and acknowledged, and what the next bundle would carry.

    Counts and dates only, no case data: every account that works in the commune may see it.
    """
    if not session.may(Action.PERSON_READ):
        session.require(Action.SYNC_EXPORT)
    with session.transaction(durable=False) as tx:
        target = tx.sync.target()
        exports = tx.sync.exports()
        persons, events = tx.sync.unsent_counts()
        keys = tx.keys.signer()
    signing = SigningKey(*keys) if keys else None
    return SyncStatus(
        target,
        signing.key_id if signing else None,
        signing.public_bytes if signing else None,
        exports,
        persons,
        events,
        export_due(exports[-1].period if exports else None, local_day(session.clock.now())),
    )
