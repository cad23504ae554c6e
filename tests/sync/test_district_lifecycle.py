"""Issue 18 item 6: records behind a valid signature still obey the law.

The district replays each file through the commune's engine: an event the commune's program
would have refused when it was recorded refuses the bundle, with an alert. An event that was
lawful when recorded and only broken later by a void (which the commune allows) still applies.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock, utc_iso
from caseterm.crypto.kdf import KdfPolicy
from caseterm.errors import BundleRefused
from caseterm.ids import new_id
from caseterm.services.lifecycle.events import record_event, void_event
from caseterm.services.registry.persons import add_person
from caseterm.services.sync.district import district_status
from tests.conftest import person
from tests.lifecycle import paths
from tests.lifecycle.life import Life
from tests.sync.world import World, one_commune

CODE = "26734"


@pytest.fixture
def world(tmp_path: Path, policy: KdfPolicy, clock: FrozenClock) -> World:
    """A district with commune 26734 enrolled and one person who tested positive there."""
    return one_commune(tmp_path, policy, clock)


def _refusals(world: World) -> list[object]:
    with world.open(world.district) as session, session.transaction(durable=False) as tx:
        return [e.details for e, _hash in tx.audit.entries() if e.action == "bundle.refuse"]


def test_a_stop_with_no_management_to_stop_is_refused_at_the_district(world: World) -> None:
    # A commune that holds its key writes past its own engine, straight into its store.
    with world.open(world.communes[CODE]) as session, session.transaction() as tx:
        [pid] = tx.persons.all_ids()
        tx.events.append(
            event_id=new_id(),
            unit_code=CODE,
            person_id=pid,
            type_="mgmt.stopped",
            occurred_at=utc_iso(world.clock.now() - timedelta(minutes=30)),
            recorded_at=session.now(),
            recorded_by=session.actor.id,
            payload={"reason": "ADDICTED", "decision_no": "08/QĐ"},
        )
    bundle = world.export(CODE, "2026-10")
    before = world.digest()
    with pytest.raises(BundleRefused) as refused:
        world.import_(bundle)
    assert refused.value.code == "illegal_event"
    assert "mgmt.stopped" in str(refused.value)
    assert world.digest() == before
    assert _refusals(world) == [{"code": "illegal_event"}]
    with world.open(world.district) as session:
        alerts = district_status(session).alerts
    assert [(unit, n, code) for unit, n, code, _at in alerts] == [(CODE, 1, "illegal_event")]


def test_an_event_broken_later_by_a_lawful_void_still_applies(world: World) -> None:
    life = Life()
    paths.managed(life)
    life.rec("mgmt.stopped", "07/07/2026 09:00", reason="PRISON", decision_no="08/QĐ")
    with world.open(world.communes[CODE]) as session:
        pid = add_person(session, person("Lê Thị Quản Lý", id_number="001090777777"), confirm=True)
        ids = {}
        for event in life.events:
            payload = event.payload.model_dump(mode="json", exclude_none=True)
            recorded = record_event(
                session, pid, event.type, payload, occurred_at=event.occurred_at
            )
            ids[event.type] = recorded.event_id
        voided = void_event(session, ids["mgmt.decided"], "quyết định ghi nhầm người")
    assert voided.no_longer_fit == [ids["mgmt.stopped"]]  # the commune warned, and allowed it
    [result] = world.import_(world.export(CODE, "2026-10"))
    assert result.outcome == "applied"
    assert _refusals(world) == []
