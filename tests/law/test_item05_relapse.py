"""Issue 20 item 5: relapse (tái nghiện) counts whichever way it is found, as a cohort rate."""

from __future__ import annotations

from tests.law.reporting import report_counts
from tests.lifecycle import paths
from tests.lifecycle.life import Life


def _completed_then_post_rehab_over() -> Life:
    """Addicted 2026, home rehab completed 09/07/2028, post-rehab completed 10/07/2029."""
    life = Life()
    paths.in_post_rehab(life)
    life.rec("postrehab.completed", "10/07/2029 09:00", certificate_no="56/GCN")
    return life


def _via_reuse_under_management(life: Life) -> None:
    paths.managed(life, "01/09/2029 08:00")
    paths.positive(life, "10/10/2029 08:00")
    life.rec("mgmt.decided", "10/10/2029 15:00", reason="REUSE_RESET", decision_no="4", officer="A")
    life.rec("assessment.requested", "10/10/2029 16:00", case="c", facility="TTYT")
    life.rec(
        "assessment.result", "12/10/2029 09:00", result="ADDICTED", notified_at="12/10/2029 10:00"
    )


def test_item05_relapse_found_through_reuse_under_management_is_counted() -> None:
    """T09.1 (ND163 Art 4(11); L120 Art 29(1)): completed an episode, later under user management,
    re-used and determined addicted: one relapse."""
    life = _completed_then_post_rehab_over()
    _via_reuse_under_management(life)
    assert life.state("13/10/2029").relapses == 1


def test_item05_relapse_found_during_post_rehab_is_counted() -> None:
    """T56 (ND163 Art 4(11); L120 Art 35(1)(d)): addicted again during post-rehab is a relapse."""
    life = Life()
    paths.in_post_rehab(life)
    paths.positive(life, "01/10/2028 07:00")
    life.rec("assessment.requested", "01/10/2028 08:00", case="d", facility="TTYT")
    life.rec(
        "assessment.result", "03/10/2028 08:00", result="ADDICTED", notified_at="03/10/2028 08:00"
    )
    assert life.state("04/10/2028").relapses == 1


def test_item05_relapse_through_self_referral_counts_once_per_completed_episode() -> None:
    """T64 (ND163 Art 4(11)): a self-referral after completion is a relapse; a second finding with
    no new completion in between is not a second relapse."""
    life = _completed_then_post_rehab_over()
    paths.addicted(life, "01/09/2029 08:00")
    assert life.state("04/09/2029").relapses == 1
    life.rec(
        "rehab.registered", "03/09/2029 12:00", form="HOME", channel="IN_PERSON", registrant="SELF"
    )
    life.rec("rehab.decided", "03/09/2029 16:00", decision_no="22", form="HOME", term_months=36)
    start = "04/09/2029 09:00"
    life.rec("rehab.started", start, provider="Trạm Y tế", provider_notice_at=start)
    life.rec("rehab.self_terminated", "20/09/2029 09:00")
    assert life.state("21/09/2029").relapses == 1


def test_item05_relapse_rate_is_a_cohort_rate_monthly_and_rolling() -> None:
    """ND163 Art 4(11); directive ratio: relapsed ÷ people who had completed an episode and were
    in the base at the period's start, for the month and for the rolling 12 months. A person
    relapsing who was never in the cohort does not count; a cohort member who did not relapse
    is in the denominator."""
    relapsed = _completed_then_post_rehab_over()
    _via_reuse_under_management(relapsed)
    steady = _completed_then_post_rehab_over()
    fresh = Life()  # first-time addict: not in the cohort
    paths.addicted(fresh, "05/10/2029 08:00")
    counts = report_counts([relapsed, steady, fresh], "2029-10", "01/11/2029 00:00")
    assert (counts.get("D.cohort"), counts.get("D.cohort_relapsed")) == (2, 1)
    assert (counts.get("D.cohort_12m"), counts.get("D.cohort_12m_relapsed")) == (2, 1)
    assert counts.get("F7.relapse") == 1
