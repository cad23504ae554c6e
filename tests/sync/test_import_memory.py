"""Issue 18 item 8: the import reads a payload as it streams and keeps no copy of it.

A signed bundle whose payload is a long audit tail once cost the district four copies of itself
(the file, the ciphertext, the plaintext, its lines, then every parsed line). The reader now
decrypts in chunks and checks the audit entries as they pass, keeping the chain's two ends.
What Python allocates while reading is measured here (tracemalloc counts allocations, not time,
so it is not noisy); the process's whole peak is P11 of scripts/bench.py.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.bundle import read_header
from caseterm.crypto.kdf import KdfPolicy
from caseterm.services.sync.bundle_records import CheckOnly, stream_records
from tests.sync.world import World, one_commune

CODE = "26734"
ENTRIES = 40_000


@pytest.fixture
def world(tmp_path: Path, policy: KdfPolicy, clock: FrozenClock) -> World:
    """A district with commune 26734 enrolled."""
    return one_commune(tmp_path, policy, clock)


def _long_audit_tail(world: World) -> Path:
    with world.open(world.communes[CODE]) as session, session.transaction() as tx:
        for n in range(ENTRIES):
            tx.audit.append(
                at=session.now(),
                account_id=session.actor.id,
                action="person.read",
                object_type="person",
                object_id=f"01900000-0000-7000-8000-{n:012d}",
                details={"n": n},
            )
    return world.export(CODE, "2026-10")


def test_an_audit_tail_is_read_without_a_copy_of_it(world: World) -> None:
    bundle = _long_audit_tail(world)
    data = bundle.read_bytes()
    header = read_header(data)
    with world.open(world.district) as session, session.transaction() as tx:
        [(_key, identity, _recipient)] = tx.district.age_keys()
    tracemalloc.start()
    try:
        segment = stream_records(data, header, identity, CheckOnly())
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert segment.count >= ENTRIES and segment.fault is None
    assert len(data) > 8_000_000  # the tail is large enough for a copy of it to show
    assert peak < len(data) // 20, (peak, len(data))  # not a copy: a few chunks and lines
    [result] = world.import_(bundle)  # and the district applies it, its chain checked
    assert result.outcome == "applied"
