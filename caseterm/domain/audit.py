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


def verify_chain(entries: Iterable[tuple[AuditEntry, str]]) -> tuple[int, ChainFault | None]:
    """Verify (entry, stored hash) pairs in seq order; return the count and the first fault."""
    expected_seq, prev = 1, GENESIS
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
