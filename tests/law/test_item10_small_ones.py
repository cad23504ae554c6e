"""Issue 20 item 10: the small ones found on the way (stops by reason, visits, status grounds)."""

from __future__ import annotations

from caseterm.services.reports.rows import FLOWS
from tests.law.reporting import report_counts
from tests.lifecycle import paths
from tests.lifecycle.life import Life, at


def _flows(life: Life, month: str, now: str) -> dict[str, int]:
    found = report_counts([life], month, now)
    return {row: n for row, dims in found.by_row.items() if (n := dims["all"][""])}


def test_item10_a_stop_determined_addicted_lands_in_its_own_f2_row() -> None:
    """T09 (L120 Art 24(5)(a); ND163 Art 63(2)): F2 splits stops by reason; 'determined
    addicted' is F2.ended.ADDICTED, not the generic stop row."""
    life = Life()
    paths.managed(life)
    paths.positive(life, "10/10/2026 08:00")
    life.rec("mgmt.decided", "10/10/2026 15:00", reason="REUSE_RESET", decision_no="4", officer="A")
    life.rec("assessment.requested", "10/10/2026 16:00", case="c", facility="TTYT")
    life.rec(
        "assessment.result", "12/10/2026 09:00", result="ADDICTED", notified_at="12/10/2026 10:00"
    )
    life.rec("mgmt.stopped", "12/10/2026 14:00", reason="ADDICTED", decision_no="08/QĐ")
    flows = _flows(life, "2026-10", "01/11/2026")
    assert flows.get("F2.ended.ADDICTED") == 1 and flows.get("F2.ended") == 1
    assert "F2.ended.STOPPED" not in flows


def test_item10_other_stops_name_their_reason() -> None:
    """T13 (L120 Art 24(5)(b)): a stop because custody outlasts the term counts under its reason,
    and every F2 ending row sums to F2.ended."""
    life = Life()
    paths.managed(life)
    life.rec("mgmt.suspended", "01/08/2026 09:00", decision_no="07/QĐ", sent_at="01/08/2026 10:00")
    life.rec("mgmt.stopped", "05/08/2026 09:00", reason="CUSTODY_LONGER", decision_no="08")
    flows = _flows(life, "2026-08", "01/09/2026")
    assert flows.get("F2.ended.STOPPED_CUSTODY_LONGER") == 1
    endings = sum(n for row, n in flows.items() if row.startswith("F2.ended."))
    assert endings == flows["F2.ended"] == 1


def test_item10_a_home_visit_with_the_person_present_is_a_contact() -> None:
    """ND163 Art 61(1)(a): a residence check by visit that finds the person present counts as a
    contact for the close-watch list; a phone check does not."""
    life = Life()
    paths.managed(life)
    life.rec("mgmt.residence_checked", "22/07/2026 09:00", method="PHONE", finding="PRESENT")
    assert life.state("23/07/2026").last_contact is None
    life.rec("mgmt.residence_checked", "24/07/2026 09:00", method="VISIT", finding="PRESENT")
    assert life.state("25/07/2026").last_contact == at("24/07/2026 09:00")


def test_item10_status_grounds_have_words_in_the_report() -> None:
    """L120 Art 23 (status points c–e) and themed plans: F1 lists them, no raw code is shown."""
    listed = {code for code, _words, _level, _suffix in FLOWS}
    assert {"F1.test.status_c", "F1.test.status_d", "F1.test.status_e"} <= listed
    assert "F1.test.themed_plan" in listed


def test_item10_a_prison_hold_pauses_e_monitoring() -> None:
    """ND163 Art 19; L120 Art 47(1): a person e-monitored with home rehab who is sent to prison
    is not monitored while held: the e-monitoring pauses (no violation duty runs), and after
    release the device is refitted (M05) to resume it."""
    life = Life()
    paths.in_rehab(life)  # home rehab from 09/07/2026
    life.rec("emon.decided", "09/07/2026 10:00", decision_no="02/QĐ", basis="VOL_HOME", officer="A")
    life.rec("emon.fitted", "09/07/2026 14:00", device_no="GS-1", position="ANKLE")
    life.rec("hold.started", "01/09/2026 09:00", kind="PRISON")
    emon = next(m for m in life.state("02/09/2026").measures if m.kind == "E_MONITORING")
    assert emon.phase == "PAUSED"
    life.rec("hold.ended", "01/11/2026 09:00")
    life.rec("emon.refitted", "01/11/2026 15:00")
    emon = next(m for m in life.state("02/11/2026").measures if m.kind == "E_MONITORING")
    assert emon.phase == "ACTIVE"


def test_item10_every_breakdown_sums_to_its_total() -> None:
    """Legal spec §5.3: each breakdown (regime, sex, age, substance, village) of every row sums to
    the row's total — including people counted in a directive row who are no longer under a
    measure at the cut-off (a management stopped in the month is in the re-use base)."""
    stopped = Life()
    paths.managed(stopped)
    stopped.rec("mgmt.suspended", "01/08/2026 09:00", decision_no="07", sent_at="01/08/2026 10:00")
    stopped.rec("mgmt.stopped", "05/08/2026 09:00", reason="CUSTODY_LONGER", decision_no="08")
    managed = Life()
    paths.managed(managed)
    counts = report_counts([stopped, managed], "2026-08", "01/09/2026")
    assert counts.get("D.relapse_base") == 2
    for row, dims in counts.by_row.items():
        total = dims["all"][""]
        for dimension in ("regime", "sex", "age", "substance", "village"):
            assert sum(dims[dimension].values()) == total, (row, dimension)
        assert "" not in dims["regime"], row
