"""T14: the district's state does not depend on the order in which communes' bundles arrive.

caseterm's devices are the communes: each keeps its own store and is the only writer of its
persons (several officers' processes on one laptop share one store; see T19 for their
concurrent edits), and the district never edits a commune's records. So the stateful model of
the checklist becomes: three communes make random creates, corrections, test results and voids
over three months, and one person is registered by two communes at once (the district's
"held by two communes" list is its conflict list). Each commune exports a bundle a month. The
district then imports the nine bundles in many orders that keep each commune's own sequence:
every order must give the same records and chain heads (digest) and the same conflict list.

30 orders in CI, drawn from the 1,680 possible; `CASETERM_T14_ORDERS` sets the count.
"""

from __future__ import annotations

import hashlib
import os
import random
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.services.lifecycle.events import record_event, void_event
from caseterm.services.registry.persons import show_person, update_person
from caseterm.services.session.case_session import CaseSession
from caseterm.services.sync.district import district_status
from caseterm.services.sync.district_import import import_bundle
from tests.sync.world import DATA_TABLES, World, copy_store

ORDERS = int(os.environ.get("CASETERM_T14_ORDERS", "30"))
COMMUNES = ("26734", "26737", "26740")
MONTHS = ("2026-08", "2026-09", "2026-10")
SHARED_ID = "001090555555"
Shared = tuple[tuple[str, tuple[str, ...]], ...]
"""The conflict list: an ID number's last digits and the communes that hold it."""


def _month_of_work(world: World, code: str, rng: random.Random, number: list[int]) -> None:
    """Random creates, corrections, test results and voids at one commune."""
    persons: list[str] = []
    for _ in range(rng.randint(2, 4)):
        number[0] += 1
        persons.append(
            world.add_person(code, f"Người Số{number[0]}", id_number=f"0010{number[0]:08d}")
        )
    with world.open(world.communes[code]) as session:
        for pid in rng.sample(persons, 2):
            found = show_person(session, pid).person
            changed = replace(found.record, occupation=rng.choice(("Làm ruộng", "Thợ xây")))
            update_person(session, pid, changed, expected_version=found.version, confirm=True)
        result = record_event(
            session,
            persons[0],
            "test.performed",
            {"ground": "h", "sample": "URINE", "result": "NEGATIVE"},
            occurred_at=world.clock.now() - timedelta(minutes=30),
        )
        if rng.random() < 0.5:
            void_event(session, result.event_id, "ghi nhầm")


def _synced_state(session: CaseSession) -> str:
    """SHA-256 of the district's records and chain heads, without the person's `num`: a local
    integer key of the search index, given in order of arrival and never synced."""
    digest = hashlib.sha256()
    with session.store._engine.connect() as connection:
        raw: Any = connection.connection.driver_connection
        for table in DATA_TABLES:
            columns = [row[1] for row in raw.execute(f"PRAGMA table_info({table})")]
            kept = ", ".join(c for c in columns if (table, c) != ("person", "num"))
            digest.update(table.encode())
            for row in raw.execute(f"SELECT {kept} FROM {table} ORDER BY 1, 2"):  # noqa: S608
                digest.update(repr(row).encode())
    return digest.hexdigest()


def _interleaving(rng: random.Random, queues: list[list[Path]]) -> list[Path]:
    """A random merge of the queues that keeps each one's order."""
    pending = [list(queue) for queue in queues]
    merged: list[Path] = []
    while any(pending):
        queue = rng.choice([q for q in pending if q])
        merged.append(queue.pop(0))
    return merged


@pytest.mark.slow
def test_t14_every_order_of_arrival_gives_the_same_district(
    tmp_path: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    clock.current = clock.current.replace(month=8, day=3)
    world = World(tmp_path / "world", policy, clock)
    for code in COMMUNES:
        world.add_commune(code)
    rng, number = random.Random(14), [0]
    queues: dict[str, list[Path]] = {code: [] for code in COMMUNES}
    for month_index, month in enumerate(MONTHS):
        for code in COMMUNES:
            _month_of_work(world, code, rng, number)
        if month_index == 0:  # the same person registered by two communes
            world.add_person("26734", "Phạm Văn Hai", id_number=SHARED_ID)
            world.add_person("26740", "Phạm Văn Hai", id_number=SHARED_ID)
        clock.advance(28 * 24 * 3600)
        for code in COMMUNES:
            queues[code].append(world.export(code, month))
        clock.advance(3 * 24 * 3600)
    pristine = copy_store(world.district, tmp_path / "pristine" / "caseterm.db")
    outcomes: dict[tuple[str, Shared], int] = {}
    seen_orders: set[tuple[str, ...]] = set()
    for trial in range(ORDERS):
        order = _interleaving(rng, list(queues.values()))
        seen_orders.add(tuple(p.name for p in order))
        district = copy_store(pristine, tmp_path / f"order-{trial}" / "caseterm.db")
        with world.open(district) as session:
            for bundle in order:
                assert [r.outcome for r in import_bundle(session, bundle)] == ["applied"]
            digest = _synced_state(session)
            shared: Shared = tuple(
                (s.id_number_end, tuple(code for code, _pid in s.holders))
                for s in district_status(session).shared
            )
        outcomes[(digest, shared)] = outcomes.get((digest, shared), 0) + 1
    assert len(seen_orders) > ORDERS // 2  # really different orders, not one order again
    assert len(outcomes) == 1, outcomes
    [(_digest, shared)] = outcomes
    assert shared == (("…5555", ("26734", "26740")),)  # the conflict is listed, whatever the order
