"""T35 (hash-chain tamper detection) on the pure chain: edit, delete, insert, reorder, swap."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from caseterm.domain.audit import GENESIS, AuditEntry, verify_chain


def chain(length: int) -> list[tuple[AuditEntry, str]]:
    out: list[tuple[AuditEntry, str]] = []
    prev = GENESIS
    for seq in range(1, length + 1):
        entry = AuditEntry(
            seq,
            f"2026-11-02T01:{seq % 60:02d}:00.000000Z",
            "acct",
            "person.read",
            "person",
            f"id-{seq}",
            {"results": seq % 7},
            prev,
        )
        prev = entry.digest()
        out.append((entry, prev))
    return out


def test_clean_chain_verifies() -> None:
    assert verify_chain(chain(500)) == (500, None)


def test_edit_is_found_at_the_edited_entry() -> None:
    entries = chain(50)
    entry, stored = entries[20]
    entries[20] = (replace(entry, object_id="someone-else"), stored)
    count, fault = verify_chain(entries)
    assert fault is not None
    assert (count, fault.seq, fault.reason) == (20, 21, "hash")


def test_delete_insert_reorder_swap_and_relink() -> None:
    base = chain(30)
    deleted = base[:10] + base[11:]
    reordered = [*base[:10], base[11], base[10], *base[12:]]
    inserted = [*base[:5], base[3], *base[5:]]
    entry, _stored = base[7]
    relinked = [*base[:7], (entry, "f" * 64), *base[8:]]
    for tampered, first_bad in ((deleted, 11), (reordered, 11), (inserted, 6), (relinked, 8)):
        _count, fault = verify_chain(tampered)
        assert fault is not None
        assert fault.seq == first_bad


@pytest.mark.parametrize("seed", range(5))
def test_random_tamperings_are_all_found(seed: int) -> None:
    """T35: 200 random tamperings per seed (1,000 in all), each detected at the first bad entry."""
    rng = random.Random(seed)
    base = chain(120)
    for _ in range(200):
        entries = list(base)
        index = rng.randrange(1, len(entries) - 1)
        kind = rng.choice(["edit", "delete", "swap", "detail"])
        entry, stored = entries[index]
        if kind == "edit":
            entries[index] = (replace(entry, action="person.update"), stored)
        elif kind == "detail":
            entries[index] = (replace(entry, details={"results": 999}), stored)
        elif kind == "delete":
            del entries[index]
        else:
            entries[index], entries[index + 1] = entries[index + 1], entries[index]
        _count, fault = verify_chain(entries)
        assert fault is not None
        assert fault.seq == index + 1
