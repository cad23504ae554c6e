"""T36: each bundle carries the audit entries since the last one and is anchored at their head;
the district refuses a commune whose chain no longer continues what it already accepted.

The attacker here holds the commune's data key and rewrites its audit log so that it verifies
locally (renumbered and re-hashed). Only the district, which kept the head, can tell.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from caseterm.domain.audit import GENESIS, AuditEntry
from caseterm.errors import BundleRefused
from caseterm.services.custody.verify import verify_store
from caseterm.services.registry.persons import find_persons
from caseterm.services.session.case_session import CaseSession
from caseterm.services.sync.commune import import_ack
from caseterm.services.sync.district import district_status
from tests.sync.world import World

DAY = 24 * 3600
COMMUNE = "26734"


def _first_month(world: World) -> int:
    """October sent, applied and acknowledged; returns the audit seq the district holds."""
    world.add_person(COMMUNE)
    with world.open(world.communes[COMMUNE]) as session:
        find_persons(session, "nguyen")  # an October search, sent with October's bundle
    [applied] = world.import_(world.export(COMMUNE, "2026-10"))
    assert applied.ack_path is not None
    with world.open(world.communes[COMMUNE]) as session:
        import_ack(session, applied.ack_path)
        find_persons(session, "nguyen")  # some November activity
    with world.open(world.district) as session, session.transaction() as tx:
        known = tx.district.commune(COMMUNE)
    assert known is not None and known.audit_head is not None
    return known.audit_head[0]


def _rewrite(session: CaseSession, where: str) -> None:
    """Delete audit rows matching `where`, then renumber and re-hash the rest (verifies locally)."""
    with session.store.transaction() as tx:
        connection = tx.audit._session.connection()
        connection.execute(text(f"DELETE FROM audit_log WHERE {where}"))  # noqa: S608 - test SQL
        rows = connection.execute(
            text(
                "SELECT seq, at, account_id, action, object_type, object_id, details "
                "FROM audit_log ORDER BY seq"
            )
        ).all()
        connection.execute(text("UPDATE audit_log SET seq = -seq"))
        prev = GENESIS
        for number, row in enumerate(rows, start=1):
            entry = AuditEntry(
                number, row[1], row[2], row[3], row[4], row[5], json.loads(row[6]), prev
            )
            prev = entry.digest()
            connection.execute(
                text("UPDATE audit_log SET seq = :n, prev_hash = :p, hash = :h WHERE seq = :old"),
                {"n": number, "p": entry.prev_hash, "h": prev, "old": -row[0]},
            )
    assert verify_store(session).ok  # the rewrite is invisible on the laptop


def _november(world: World) -> Path:
    world.clock.advance(31 * DAY)
    return world.export(COMMUNE, "2026-11")


def test_t36_bundles_carry_the_chain_and_the_district_holds_its_head(world: World) -> None:
    held = _first_month(world)
    [applied] = world.import_(_november(world))
    assert applied.outcome == "applied"
    with world.open(world.district) as session, session.transaction() as tx:
        commune = tx.district.commune(COMMUNE)
    assert commune is not None and commune.audit_head is not None
    assert commune.audit_head[0] > held
    with world.open(world.communes[COMMUNE]) as session, session.transaction() as tx:
        last = tx.sync.last_export()
        assert last is not None and last.audit_seq is not None
        stored = {entry.seq: digest for entry, digest in tx.audit.entries()}
    assert commune.audit_head == (last.audit_seq, stored[last.audit_seq])


@pytest.mark.parametrize(
    "where",
    [
        "seq = 3",  # one entry of history already sent
        "action = 'person.search'",  # every search, as someone hiding their look-ups would
        "seq > 2",  # everything after the second entry: a truncation of sent history
    ],
)
def test_t36_history_already_sent_cannot_be_rewritten(world: World, where: str) -> None:
    _first_month(world)
    with world.open(world.communes[COMMUNE]) as session:
        _rewrite(session, where)
    bundle = _november(world)
    before = world.digest()
    with pytest.raises(BundleRefused) as refused:
        world.import_(bundle)
    assert refused.value.code == "audit_rewritten"
    assert world.digest() == before
    with world.open(world.district) as session:
        alerts = district_status(session).alerts
    assert [(alert[0], alert[2]) for alert in alerts] == [(COMMUNE, "audit_rewritten")]


def test_t36_the_tail_after_the_last_anchor_can_be_cut_unseen(world: World) -> None:
    """The documented limitation, tested as expected-undetectable: entries made after the last
    bundle can be dropped from the end before the next one (nothing upstream has seen them)."""
    held = _first_month(world)
    with world.open(world.communes[COMMUNE]) as session:
        _rewrite(session, f"seq > {held}")
    [applied] = world.import_(_november(world))
    assert applied.outcome == "applied"
