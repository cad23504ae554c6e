"""Issue 20 item 11: Civil Code Art 148(5) is a unit setting (legal spec §9, decision 2).

A period whose last day is a day off ends at the end of the next working day (BLDS 2015 Art
148(5)). Off by default: nothing moves, every deadline falls on or before the legal day, and a
term ending on a day off says where the Civil Code would move it. On: the person's terms
(management, rehab, post-rehab, the dossier's limitation) and the duties that follow from their
end move; the officer's own duties never do.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.bundle import read_header
from caseterm.crypto.kdf import KdfPolicy
from caseterm.domain.bundle import BundleRejected, manifest_bytes, parse_manifest
from caseterm.domain.codes import Role
from caseterm.domain.lifecycle import Derived
from caseterm.domain.lifecycle.model import CloseReason, MeasureKind
from caseterm.errors import PermissionDenied, UsageError
from caseterm.services.accounts.manage import add_account
from caseterm.services.keys.opening import open_session
from caseterm.services.lifecycle.events import lifecycle_of, record_event
from caseterm.services.lifecycle.term_setting import set_term_ends_moved, term_ends_moved
from caseterm.services.registry.persons import add_person
from caseterm.services.words.lifecycle import day_off_note
from tests.conftest import OFFICER, OFFICER_PASSPHRASE, person
from tests.lifecycle import paths
from tests.lifecycle.life import CALENDAR, Life, at, local
from tests.sync.test_bundle_format import BUNDLE
from tests.sync.world import World

MOVED = CALENDAR.with_term_ends_moved(True)
SATURDAY_END = "03/07/2026 08:00"
"""Tested then: management decided at 16:00, its year's last day is Saturday 03/07/2027."""


def _d06(state: Derived) -> tuple[str, dict[str, str]]:
    [duty] = [d for d in state.deadlines if d.code == "D06"]
    return local(duty.due_at), dict(duty.params)


def test_item11_off_by_default_a_saturday_term_end_stays_and_says_it_could_move() -> None:
    """ND163 Art 63(3), BLDS Art 148(5), §9 decision 2: with the setting off, the management
    term ending Saturday 03/07/2027 is due then (the safe side), and its text names Monday
    05/07/2027 as where the Civil Code would move it."""
    life = Life()
    paths.managed(life, SATURDAY_END)
    due, params = _d06(life.state("01/06/2027"))
    assert (due, params) == ("04/07/2027 00:00", {"could_move_to": "2027-07-05"})
    note = day_off_note(params)
    assert "05/07/2027" in note and "148(5)" in note


def test_item11_on_the_management_term_ends_on_monday() -> None:
    """BLDS Art 148(5): with the setting on, the term (and D06, the termination it calls for)
    ends at the end of Monday 05/07/2027, and the text says it was moved from Saturday."""
    life = Life(calendar=MOVED)
    paths.managed(life, SATURDAY_END)
    state = life.state("01/06/2027")
    due, params = _d06(state)
    assert (due, params) == ("06/07/2027 00:00", {"moved_from": "2027-07-03"})
    [mgmt] = [m for m in state.measures if m.kind is MeasureKind.USER_MGMT]
    assert local(mgmt.term_end()) == "06/07/2027 00:00"
    assert "03/07/2027" in day_off_note(params)
    # On the Sunday the term still runs: no expiry duty (D41 is not user management's, D06 is
    # not yet overdue), where with the setting off D06 is already overdue.
    sunday = life.state("04/07/2027 10:00")
    assert not [d for d in sunday.deadlines if d.code == "D06" and d.due_at <= sunday.as_of]
    plain = Life()
    paths.managed(plain, SATURDAY_END)
    late = plain.state("04/07/2027 10:00")
    assert [d.code for d in late.deadlines if d.code == "D06" and d.due_at <= late.as_of]


def test_item11_officer_duties_never_move() -> None:
    """§9 decision 2: only the person's terms move. A positive test on Friday 10/07/2026 10:00
    gives D01 (24 h, ND163 Art 58(1)) due Saturday 10:00 under either setting, and every duty
    of a managed person other than the term's D06 is the same under both."""
    off, on = Life(), Life(calendar=MOVED)
    for life in (off, on):
        paths.positive(life, "10/07/2026 10:00")
    [d01_off] = [d for d in off.state("10/07/2026 11:00").deadlines if d.code == "D01"]
    [d01_on] = [d for d in on.state("10/07/2026 11:00").deadlines if d.code == "D01"]
    assert local(d01_off.due_at) == local(d01_on.due_at) == "11/07/2026 10:00"
    off, on = Life(), Life(calendar=MOVED)
    for life in (off, on):
        paths.managed(life, SATURDAY_END)
    others_off = {(d.key, d.due_at) for d in off.state("01/06/2027").deadlines if d.code != "D06"}
    others_on = {(d.key, d.due_at) for d in on.state("01/06/2027").deadlines if d.code != "D06"}
    assert others_off == others_on and others_off


def test_item11_the_limitation_moves_past_the_may_holidays() -> None:
    """L120 Art 35(4), BLDS Art 148(5): the last violation on 30/01/2027 sets a limitation ending
    Friday 30/04/2027 (Victory Day), followed by a Saturday, a Sunday and Monday 03/05 (the day
    in lieu of 1 May): on, the dossier runs to the end of Tuesday 04/05/2027; off, it lapses at
    the end of 30/04 (T45) and D29 says it could have run to 04/05."""
    off, on = Life(), Life(calendar=MOVED)
    for life in (off, on):
        paths.dossier(life, "27/01/2027 08:00")
    [d29_off] = [d for d in off.state("10/03/2027").deadlines if d.code == "D29"]
    [d29_on] = [d for d in on.state("10/03/2027").deadlines if d.code == "D29"]
    assert (local(d29_off.due_at), d29_off.params) == (
        "01/05/2027 00:00",
        {"could_move_to": "2027-05-04"},
    )
    assert (local(d29_on.due_at), d29_on.params) == (
        "05/05/2027 00:00",
        {"moved_from": "2027-04-30"},
    )
    lapsed = [m for m in off.state("03/05/2027 12:00").measures if m.kind is MeasureKind.COMPULSORY]
    running = [m for m in on.state("03/05/2027 12:00").measures if m.kind is MeasureKind.COMPULSORY]
    assert lapsed[0].close_reason is CloseReason.LIMITATION_EXPIRED
    assert running[0].active


def test_item11_rehab_and_post_rehab_terms_move_too() -> None:
    """L120 Art 29, 42; ND163 Art 138; BLDS Art 148(5): a home rehab from 09/07/2026 for 24
    months ends on Sunday 09/07/2028; on, it runs to the end of Monday 10/07 (the person may
    still complete it on the Sunday: the move extends a term, it does not forbid its counted
    end). The post-rehab's year ends on Monday 09/07/2029, a working day: it stays."""
    ends = {}
    for name, life in (("off", Life()), ("on", Life(calendar=MOVED))):
        paths.in_post_rehab(life)
        state = life.state("01/06/2029")
        ends[name] = {m.kind: local(m.term_end()) for m in state.measures if m.term_end()}
    assert ends["off"] == {
        MeasureKind.VOLUNTARY_REHAB: "10/07/2028 00:00",
        MeasureKind.POST_REHAB: "10/07/2029 00:00",
    }
    assert ends["on"] == {
        MeasureKind.VOLUNTARY_REHAB: "11/07/2028 00:00",
        MeasureKind.POST_REHAB: "10/07/2029 00:00",
    }


def test_item11_the_setting_is_the_units_audited_and_followed_by_the_district(
    tmp_path: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    """§9 decision 2 through the services: an officer cannot change it; the administrator's
    change is audited and recomputes the stored projections; the commune's bundle declares it
    and the district derives the commune's persons as the commune does (and refuses to set it
    itself)."""
    world = World(tmp_path, policy, clock)
    code = "26734"
    world.add_commune(code)
    life = Life()
    paths.managed(life, SATURDAY_END)
    with world.open(world.communes[code]) as session:
        clock.current = at("01/07/2026 07:00")
        pid = add_person(session, person("Phạm Thị Cuối Tuần"), confirm=True)
        for event in life.events:
            clock.current = max(clock.current, event.occurred_at + timedelta(minutes=1))
            payload = event.payload.model_dump(mode="json", exclude_none=True)
            record_event(session, pid, event.type, payload, occurred_at=event.occurred_at)
        clock.current = at("05/08/2026 09:00")
        add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
        assert term_ends_moved(session) is False
        assert _d06(lifecycle_of(session, pid))[0] == "04/07/2027 00:00"
    officer = open_session(
        world.communes[code], OFFICER, OFFICER_PASSPHRASE, policy=policy, clock=clock
    )
    try:
        with pytest.raises(PermissionDenied):
            set_term_ends_moved(officer, True)
    finally:
        officer.close()
    with world.open(world.communes[code]) as session:
        assert set_term_ends_moved(session, True) is True
        assert _d06(lifecycle_of(session, pid))[0] == "06/07/2027 00:00"
        with session.transaction(durable=False) as tx:
            stored = tx.states.get(pid)
            changes = [e.details for e, _h in tx.audit.entries() if e.action.endswith("setting")]
        assert stored is not None and stored.calendar_version.endswith("+bl148")
        assert changes == [{"old": 0, "new": 1, "files": 1}]
    world.import_(world.export(code, "2026-07"))
    with world.open(world.district) as session:
        with session.transaction(durable=False) as tx:
            held = tx.states.get(pid)
            assert tx.units.moves_term_ends(code) is True
        with pytest.raises(UsageError):
            set_term_ends_moved(session, False)
    assert held is not None and stored is not None
    assert held.calendar_version == stored.calendar_version
    d06 = [d for d in held.summary["deadlines"] if d["code"] == "D06"]
    assert [d["params"] for d in d06] == [{"moved_from": "2027-07-03"}]


def test_item11_the_manifest_declares_the_setting_only_when_on() -> None:
    """§9 decision 2: a commune that never set it sends the manifest of before, byte for byte;
    one that did declares `"term_ends_moved":true`; `false` (a second spelling of "off") and any
    other value are refused."""
    raw = read_header(BUNDLE).manifest_raw
    assert b"term_ends_moved" not in raw
    declared = manifest_bytes(
        read_header(BUNDLE).manifest.model_copy(update={"term_ends_moved": True})
    )
    assert parse_manifest(declared).term_ends_moved is True
    for bad in (b"false", b"1", b'"yes"'):
        with pytest.raises(BundleRejected) as rejected:
            parse_manifest(raw[:-1] + b',"term_ends_moved":' + bad + b"}")
        assert rejected.value.code in {"manifest_field", "manifest_not_canonical"}
