"""ND163 Art 19(3)–(4): a move of the device on the body and a replaced device are records of
their own (gap D1); a move earlier than a month after the last place asks the chief first."""

from __future__ import annotations

from tests.lifecycle import paths
from tests.lifecycle.life import Life
from tests.lifecycle.paths import plus


def _monitored() -> Life:
    """In home rehab from 04/11/2027 12:00, the device fitted at 22:00 the same day."""
    life = Life()
    start = paths.in_rehab(life, "01/11/2027 08:00")
    life.rec("emon.decided", plus(start, 2), decision_no="02/QĐ", basis="VOL_HOME", officer="An")
    life.rec("emon.fitted", plus(start, 10), device_no="GSĐT-1", position="WRIST")
    return life


def test_a_move_within_a_month_of_the_last_place_asks_the_chief() -> None:
    life = _monitored()
    cautions = life.warned("emon.position_changed", "20/11/2027 09:00", position="ANKLE")
    assert [c.code for c in cautions] == ["position_under_a_month"]
    assert dict(cautions[0].params)["since"] == "04/11/2027"
    later = _monitored()
    assert later.warned("emon.position_changed", "05/12/2027 09:00", position="ANKLE") == ()


def test_the_month_counts_from_the_last_move_and_records_change_no_state() -> None:
    life = _monitored()
    life.rec("emon.position_changed", "05/12/2027 09:00", position="ANKLE")
    assert life.warned("emon.position_changed", "20/12/2027 09:00", position="WRIST")
    life.rec("emon.device_replaced", "21/12/2027 09:00", device_no="GSĐT-2")
    assert life.warned("emon.device_replaced", "22/12/2027 09:00", device_no="GSĐT-3") == ()


def test_records_are_refused_when_no_device_is_worn() -> None:
    life = _monitored()
    life.rec("emon.removed_temporarily", "10/11/2027 08:00", reason="MEDICAL")
    refusal = life.refuse("emon.position_changed", "11/11/2027 09:00", position="ANKLE")
    assert refusal.reason == "not_e_monitored"
    refusal = life.refuse("emon.device_replaced", "11/11/2027 09:00", device_no="GSĐT-2")
    assert refusal.reason == "not_e_monitored"


def _moved_in_on_home_rehab() -> Life:
    life = Life()
    life.rec("person.moved_in", "01/12/2027 08:00", origin="xã Hòa Bình",
             continuing="VOLUNTARY_REHAB", term_end="2029-06-30", form="HOME")  # fmt: skip
    life.rec("rehab.decided", "01/12/2027 16:00", decision_no="05/QĐ-CAX", form="HOME",
             continuation=True, provider="Trạm Y tế")  # fmt: skip
    return life


def test_the_destination_takes_over_e_monitoring_to_the_origins_end() -> None:
    life = _moved_in_on_home_rehab()
    life.rec("emon.received", "02/12/2027 09:00", decision_no="06/QĐ-CAX", basis="VOL_HOME",
             origin_decision="số 12/QĐ-CAX ngày 02/11/2027 của Trưởng Công an xã Hòa Bình",
             officer="Lê Văn Bình", term_end="2029-06-30")  # fmt: skip
    state = life.state("03/12/2027 09:00")
    (emon,) = [m for m in state.measures if m.kind.value == "E_MONITORING" and m.active]
    assert emon.phase.value == "ACTIVE", "the device stays on: no new fitting is due"
    end = emon.term_end()
    assert end is not None and end.date().isoformat() == "2029-06-30"
    assert life.due("03/12/2027 09:00", "D16") == []
    life.rec("emon.violation", "05/12/2027 22:00", code="c")


def test_taking_over_needs_the_measure_it_rests_on_and_no_monitoring_already() -> None:
    bare = Life()
    refusal = bare.refuse("emon.received", "02/12/2027 09:00", decision_no="06/QĐ-CAX",
                          basis="VOL_HOME", origin_decision="số 12", officer="Lê Văn Bình",
                          term_end="2029-06-30")  # fmt: skip
    assert refusal.reason == "basis_missing"
    life = _monitored()
    refusal = life.refuse("emon.received", "10/11/2027 09:00", decision_no="06/QĐ-CAX",
                          basis="VOL_HOME", origin_decision="số 12", officer="Lê Văn Bình",
                          term_end="2029-06-30")  # fmt: skip
    assert refusal.reason == "emon_already"
