"""End to end: three communes and one district over three months, with a person who moves.

Each month every commune exports, the district imports every bundle (in a shuffled order that
includes a gap), each commune reads its acknowledgement, and the district's picture is checked:
chain heads, counts, the person held by two communes while the move is half-recorded, and not
once it is complete.
"""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.services.custody.verify import verify_store
from caseterm.services.lifecycle.events import record_event
from caseterm.services.sync.commune import import_ack, sync_status
from caseterm.services.sync.district import district_status
from tests.sync.world import World

COMMUNES = ("26734", "26737", "26740")
MONTHS = ("2026-08", "2026-09", "2026-10")
MOVER_ID = "001090777777"


def _number(n: int) -> str:
    return f"001090{n:06d}"


def test_three_communes_three_months_and_a_person_who_moves(
    tmp_path: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    clock.current = clock.current.replace(month=8, day=3)
    world = World(tmp_path, policy, clock)
    for code in COMMUNES:
        world.add_commune(code)
    rng = random.Random(7)
    counter = iter(range(1, 10_000))
    mover = world.add_person("26734", "Phạm Văn Đi", id_number=MOVER_ID)
    arrived = ""
    for month_index, month in enumerate(MONTHS):
        for code in COMMUNES:
            for _ in range(2):
                world.add_person(code, f"Người {next(counter)}", id_number=_number(next(counter)))
        if month_index == 1:  # he arrives in 26737 before 26734 has recorded that he left
            arrived = world.add_person("26737", "Phạm Văn Đi", id_number=MOVER_ID)
        if month_index == 2:
            with world.open(world.communes["26734"]) as session:
                record_event(
                    session,
                    mover,
                    "person.moved_out",
                    {"destination": "Xã 26737"},
                    occurred_at=clock.now() - timedelta(days=40),
                )
        clock.advance(28 * 24 * 3600)
        bundles = [world.export(code, month) for code in COMMUNES]
        order = bundles[:]
        rng.shuffle(order)
        if month_index == 1:  # 26740's bundle is held back until after the others
            order.remove(bundles[2])
            order.append(bundles[2])
        for bundle in order:
            for result in world.import_(bundle):
                assert result.outcome == "applied"
                assert result.ack_path is not None
                code = result.unit_code
                with world.open(world.communes[code]) as session:
                    import_ack(session, result.ack_path)
        with world.open(world.district) as session:
            status = district_status(session)
        assert [c.last_sequence for c in status.communes] == [month_index + 1] * 3
        assert not any(c.stale or c.quarantined for c in status.communes)
        shared = {s.id_number_end: s.holders for s in status.shared}
        if month_index == 1:
            assert shared == {"…7777": (("26734", mover), ("26737", arrived))}
        else:
            assert shared == {}
        clock.advance(5 * 24 * 3600)

    for code in COMMUNES:
        with world.open(world.communes[code]) as session:
            mine = sync_status(session)
        assert [e.acked_at is not None for e in mine.exports] == [True, True, True]
        assert (mine.unsent_persons, mine.unsent_events) == (0, 0)
    with world.open(world.district) as session, session.transaction() as tx:
        assert tx.persons.count() == 3 * 3 * 2 + 2  # two a month each, and the mover twice
        assert tx.district.shared_id_numbers() == []
        moved = tx.states.get(mover)
    assert moved is not None
    assert moved.status == "S15"
    with world.open(world.district) as session:
        report = verify_store(session)  # every projection equals a recomputation
    assert report.ok, report
    assert report.projections_checked == 3 * 3 * 2 + 2
