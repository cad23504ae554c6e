"""The audit chain: each entry's hash covers its content and the previous entry's hash.

Entries carry who, what and when, never personal data: ids, action names and counts only. Editing,
deleting, inserting or reordering entries breaks the chain at the first touched entry. Dropping
entries from the very end cannot be seen locally; sync bundles anchor the head upstream.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

GENESIS = "0" * 64
"""The `prev_hash` of the first entry of every chain."""


@dataclass(frozen=True)
class AuditEntry:
    """One audit record as it is chained (all strings; `details` holds non-personal values)."""

    seq: int
    at: str
    account_id: str
    action: str
    object_type: str
    object_id: str
    details: dict[str, str | int] = field(default_factory=dict)
    prev_hash: str = GENESIS

    def canonical(self) -> bytes:
        """Return the canonical, unambiguous byte encoding that is hashed."""
        body = {
            "seq": self.seq,
            "at": self.at,
            "account": self.account_id,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "details": self.details,
            "prev": self.prev_hash,
        }
        return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()

    def digest(self) -> str:
        """Return the entry's chain hash (hex SHA-256 with a domain-separation prefix)."""
        return hashlib.sha256(b"caseterm/audit/v1\x00" + self.canonical()).hexdigest()


@dataclass(frozen=True)
class ChainFault:
    """Where and why a chain stops verifying."""

    seq: int
    """The sequence number of the first bad entry (or the expected one, if missing)."""
    reason: str
    """`sequence` (a gap, insertion or reorder), `link` (prev hash) or `hash` (content edited)."""


def verify_chain(
    entries: Iterable[tuple[AuditEntry, str]], *, after: tuple[int, str] = (0, GENESIS)
) -> tuple[int, ChainFault | None]:
    """Verify (entry, stored hash) pairs in seq order; return the count and the first fault.

    `after` is the (seq, hash) the entries must continue: the genesis for a whole chain, or
    the head a district accepted last for the segment a bundle carries.
    """
    expected_seq, prev = after[0] + 1, after[1]
    count = 0
    for entry, stored_hash in entries:
        if entry.seq != expected_seq:
            return count, ChainFault(expected_seq, "sequence")
        if entry.prev_hash != prev:
            return count, ChainFault(entry.seq, "link")
        if entry.digest() != stored_hash:
            return count, ChainFault(entry.seq, "hash")
        prev, expected_seq, count = stored_hash, expected_seq + 1, count + 1
    return count, None


@dataclass(frozen=True)
class SegmentFault:
    """Why a bundle's audit segment does not continue the head the district holds."""

    code: str
    """`audit_rewritten` (the chain does not continue) or `audit_head` (not the signed head)."""
    seq: int
    """The first entry at fault, or the head's seq."""


@dataclass
class ChainSegment:
    """A run of entries checked one at a time as they are read, keeping only its two ends.

    A bundle's audit tail may hold millions of entries: the district needs to know that they
    link to each other, where the run starts (to join it to the head it holds) and where it
    ends, never the entries themselves.
    """

    first: tuple[int, str] | None = None
    """The (seq, prev_hash) of the first entry."""
    last: tuple[int, str] | None = None
    """The (seq, hash) of the last entry that verified."""
    count: int = 0
    fault: int | None = None
    """The seq of the first entry that does not follow the one before it, or whose hash lies."""

    def add(self, entry: AuditEntry, stored_hash: str) -> None:
        """Check one more entry against the one before it (nothing after a fault counts)."""
        if self.fault is not None:
            return
        if self.last is None:
            self.first = (entry.seq, entry.prev_hash)
        elif entry.seq != self.last[0] + 1:
            self.fault = self.last[0] + 1
            return
        elif entry.prev_hash != self.last[1]:
            self.fault = entry.seq
            return
        if entry.digest() != stored_hash:
            self.fault = entry.seq
            return
        self.last, self.count = (entry.seq, stored_hash), self.count + 1


def continue_chain(
    known: tuple[int, str] | None,
    segment: list[tuple[AuditEntry, str]],
    signed_head: str,
) -> tuple[int, str] | SegmentFault | None:
    """The new head once `segment` is checked to continue `known`, or the fault (T36)."""
    checked = ChainSegment()
    for entry, stored_hash in segment:
        checked.add(entry, stored_hash)
    return continue_segment(known, checked, signed_head)


def continue_segment(
    known: tuple[int, str] | None, segment: ChainSegment, signed_head: str
) -> tuple[int, str] | SegmentFault | None:
    """The new head once `segment` is checked to continue `known`, or the fault (T36).

    `known` is None for a commune whose bundles never carried entries: its first segment is
    then taken as it starts (from the genesis, if it starts at entry 1). None comes back only
    when there is nothing to hold yet: no head known and no entry sent.
    """
    if segment.first is None:
        if known is not None and known[1] != signed_head:
            return SegmentFault("audit_rewritten", known[0])
        return known
    first_seq, first_prev = segment.first
    start = known or (first_seq - 1, GENESIS if first_seq == 1 else first_prev)
    if first_seq != start[0] + 1:
        return SegmentFault("audit_rewritten", start[0] + 1)
    if first_prev != start[1]:
        return SegmentFault("audit_rewritten", first_seq)
    if segment.fault is not None or segment.last is None:
        return SegmentFault("audit_rewritten", segment.fault or first_seq)
    if segment.last[1] != signed_head:
        return SegmentFault("audit_head", segment.last[0])
    return segment.last
