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


def continue_chain(
    known: tuple[int, str] | None,
    segment: list[tuple[AuditEntry, str]],
    signed_head: str,
) -> tuple[int, str] | SegmentFault | None:
    """The new head once `segment` is checked to continue `known`, or the fault (T36).

    `known` is None for a commune whose bundles never carried entries: its first segment is
    then taken as it starts (from the genesis, if it starts at entry 1). None comes back only
    when there is nothing to hold yet: no head known and no entry sent.
    """
    if not segment:
        if known is not None and known[1] != signed_head:
            return SegmentFault("audit_rewritten", known[0])
        return known
    first = segment[0][0]
    start = known or (first.seq - 1, GENESIS if first.seq == 1 else first.prev_hash)
    count, fault = verify_chain(segment, after=start)
    if fault is not None:
        return SegmentFault("audit_rewritten", fault.seq)
    head_seq, head_hash = start[0] + count, segment[-1][1]
    if head_hash != signed_head:
        return SegmentFault("audit_head", head_seq)
    return head_seq, head_hash
