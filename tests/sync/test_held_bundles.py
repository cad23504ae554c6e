"""Issue 18 item 7: a held bundle never blocks a commune for good.

A bundle held for a wrong previous hash is set aside when its turn comes (the one before it stays
applied, and acknowledged); a person lists, drops or releases held bundles; a commune restored
from a backup older than its last bundle gets through after a rebaseline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.errors import BundleRefused, NotFound, UsageError
from caseterm.services.sync.commune import import_ack
from caseterm.services.sync.district import district_status
from caseterm.services.sync.district_held import drop_held, held_bundles, release_held_bundles
from caseterm.services.sync.district_rebaseline import request_rebaseline
from tests.sync.world import World, copy_store, forge, one_commune

CODE = "26734"
DAY = 24 * 3600


@pytest.fixture
def world(tmp_path: Path, policy: KdfPolicy, clock: FrozenClock) -> World:
    """A district with commune 26734 enrolled."""
    return one_commune(tmp_path, policy, clock)


def _import_file(world: World, data: bytes, name: str) -> Path:
    path = world.root / name
    path.write_bytes(data)
    return path


def _audit(world: World, action: str) -> list[object]:
    with world.open(world.district) as session, session.transaction(durable=False) as tx:
        return [entry.details for entry, _hash in tx.audit.entries() if entry.action == action]


def _held_for_a_wrong_previous_hash(world: World) -> tuple[Path, Path]:
    """Bundle 1 applied; a signed #3 with a wrong previous hash held; the real #2 exported."""
    world.import_(world.export(CODE, "2026-10"))
    wrong = forge(world, CODE, b"", sequence=3, period="2026-12", previous_bundle_sha256="ee" * 32)
    held_path = _import_file(world, wrong, "held.ctb")
    [held] = world.import_(held_path)
    assert (held.outcome, held.missing) == ("quarantined", (2,))
    world.clock.advance(31 * DAY)
    world.add_person(CODE, "Trần Văn Hai", id_number="001090222222")
    return held_path, world.export(CODE, "2026-11")


def test_a_held_bundle_refused_at_its_turn_does_not_swallow_the_acknowledgement(
    world: World,
) -> None:
    _held_path, real = _held_for_a_wrong_previous_hash(world)
    applied, set_aside = world.import_(real)  # no exception: #2 is in, and says so
    assert (applied.sequence, applied.outcome) == (2, "applied")
    assert applied.ack_path is not None and applied.ack_path.exists()
    with world.open(world.communes[CODE]) as session:
        assert import_ack(session, applied.ack_path).sequence == 2  # the commune learns it
    assert (set_aside.sequence, set_aside.outcome, set_aside.ack_path) == (3, "held_refused", None)
    assert "broken_chain" in set_aside.warnings[0]
    with world.open(world.district) as session:
        [line] = district_status(session).communes
        alerts = district_status(session).alerts
        [view] = held_bundles(session)
    assert (line.last_sequence, line.quarantined) == (2, ())
    assert [(unit, n, code) for unit, n, code, _at in alerts] == [(CODE, 3, "held_refused")]
    assert (view.bundle.sequence, view.bundle.status, view.bundle.refusal) == (
        3,
        "refused",
        "broken_chain",
    )
    assert _audit(world, "bundle.held_refuse") == [{"code": "broken_chain", "sequence": 3}]


def test_a_person_drops_a_held_bundle_and_the_real_one_gets_through(world: World) -> None:
    held_path, real = _held_for_a_wrong_previous_hash(world)
    world.import_(real)
    world.clock.advance(31 * DAY)
    world.add_person(CODE, "Lê Văn Ba", id_number="001090333333")
    real_3 = world.export(CODE, "2026-12")
    with pytest.raises(BundleRefused) as blocked:  # two #3 signed by the commune: look first
        world.import_(real_3)
    assert blocked.value.code == "equivocation"
    with world.open(world.district) as session:
        assert [r.outcome for r in release_held_bundles(session, world.root)] == ["held_refused"]
        with pytest.raises(UsageError):
            drop_held(session, CODE, 3, "short")
        with pytest.raises(NotFound):
            drop_held(session, CODE, 2, "bundle two was applied, not held")
        dropped = drop_held(session, CODE, 3, "forged #3 checked with the commune by phone")
    assert dropped.status == "refused"
    [drop] = _audit(world, "bundle.held_drop")
    assert isinstance(drop, dict) and drop["sha256"] == dropped.bundle_sha256
    with pytest.raises(BundleRefused) as again:  # the dropped bytes are not welcome back
        world.import_(held_path)
    assert again.value.code == "broken_chain"
    [result] = world.import_(real_3)
    assert (result.sequence, result.outcome) == (3, "applied")
    with world.open(world.district) as session:
        assert held_bundles(session) == []
        assert release_held_bundles(session, world.root) == []


def test_a_commune_restored_from_an_older_backup_is_rebaselined(
    world: World, tmp_path: Path
) -> None:
    first = world.export(CODE, "2026-10")
    world.import_(first)
    backup = copy_store(world.communes[CODE], tmp_path / "backup" / "caseterm.db")
    world.clock.advance(31 * DAY)
    world.add_person(CODE, "Người Mất Theo Máy", id_number="001090444444")
    lost = world.export(CODE, "2026-11")
    world.import_(lost)  # #2, then the laptop dies, its outbox with it
    lost.unlink()
    world.communes[CODE] = backup  # restored from the backup made after #1
    world.clock.advance(DAY)
    world.add_person(CODE, "Người Sau Khôi Phục", id_number="001090555555")
    again = world.export(CODE, "2026-11")  # its #2, another history
    before = world.digest()
    with pytest.raises(BundleRefused) as refused:
        world.import_(again)
    assert refused.value.code == "equivocation"
    assert world.digest() == before
    with world.open(world.district) as session:
        with pytest.raises(NotFound):
            request_rebaseline(session, "99999", "restored from the backup of October")
        request_rebaseline(session, CODE, "laptop died; restored from the backup of October")
    [result] = world.import_(again)
    assert (result.sequence, result.outcome) == (2, "applied")
    assert result.ack_path is not None
    [rebased] = _audit(world, "district.rebaseline")
    assert isinstance(rebased, dict) and str(rebased["superseded"]).startswith("2:")
    with world.open(world.district) as session:
        [line] = district_status(session).communes
        with session.transaction(durable=False) as tx:
            ids = tx.persons.all_ids()
            names = set(tx.persons.names(ids).values())
    assert line.last_sequence == 2
    assert {
        "Người Mất Theo Máy",
        "Người Sau Khôi Phục",
    } <= names  # nothing the district had is lost
    world.clock.advance(31 * DAY)
    world.add_person(CODE, "Người Tháng Mười Hai", id_number="001090666666")
    [next_one] = world.import_(world.export(CODE, "2026-12"))  # the chain goes on as usual
    assert (next_one.sequence, next_one.outcome) == (3, "applied")
    with pytest.raises(BundleRefused):  # the rebaseline was used once
        world.import_(first)
