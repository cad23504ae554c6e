"""Issue 20 item 6: a month of management that ended without a residence check closes as missed."""

from __future__ import annotations

from caseterm.services.words.lifecycle import deadline_label
from tests.law.reporting import report_counts
from tests.lifecycle import paths
from tests.lifecycle.life import Life


def test_item06_a_missed_month_closes_and_the_today_list_keeps_only_the_current_one() -> None:
    """D05 (ND163 Art 61(1)(a), 61(2); legal spec §9 decision 3): July checked, August and
    September not: on 15/10 only October's check is a duty; August and September are kept in
    the file as missed, and a check recorded now satisfies October, not an old month."""
    life = Life()
    paths.managed(life)  # decided 06/07/2026
    life.rec("mgmt.residence_checked", "22/07/2026 09:00", method="VISIT", finding="PRESENT")
    state = life.state("15/10/2026 09:00")
    assert [d.key for d in state.deadlines if d.code == "D05"] == ["D05:2026-10"]
    assert state.missed_checks == ("2026-08", "2026-09")
    life.rec("mgmt.residence_checked", "15/10/2026 10:00", method="VISIT", finding="PRESENT")
    later = life.state("15/10/2026 11:00")
    assert [d for d in later.deadlines if d.code == "D05"] == []
    assert later.missed_checks == ("2026-08", "2026-09")


def test_item06_the_form_names_the_month_a_check_satisfies() -> None:
    """D05: the deadline's words name its month, so the preview's 'Done: …' says which month."""
    assert deadline_label("D05", "D05:2026-10").endswith("10/2026")


def test_item06_missed_checks_are_counted_in_the_month_that_ended() -> None:
    """D05 in the report: one missed month counts in that month's report (F2.missed_check),
    not in the next one's, and a checked month counts nothing."""
    life = Life()
    paths.managed(life)
    life.rec("mgmt.residence_checked", "22/07/2026 09:00", method="VISIT", finding="PRESENT")
    life.rec("mgmt.residence_checked", "03/09/2026 09:00", method="VISIT", finding="PRESENT")
    by_month = {
        m: report_counts([life], m, "15/10/2026").get("F2.missed_check")
        for m in ("2026-07", "2026-08", "2026-09")
    }
    assert by_month == {"2026-07": 0, "2026-08": 1, "2026-09": 0}
