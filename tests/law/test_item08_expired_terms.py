"""Issue 20 item 8: a term that ran out with no closing record is visible and counted apart."""

from __future__ import annotations

from tests.law.reporting import report_counts
from tests.lifecycle import paths
from tests.lifecycle.life import Life


def _counts(life: Life, month: str, now: str) -> dict[str, int]:
    found = report_counts([life], month, now)
    return {row: found.get(row) for row in ("K1", "K3", "KX", "KX.mgmt", "KX.post")}


def test_item08_user_management_past_its_year_counts_in_kx_not_k1() -> None:
    """L120 Art 27(3); ND163 Art 63(3); legal spec §9 decision 5: management decided 06/07/2026
    ran out 07/07/2027 with no termination recorded: July 2027 counts the person in KX (not K1),
    D06 stays the duty, and June 2027 still counts them in K1."""
    life = Life()
    paths.managed(life)
    assert _counts(life, "2027-06", "01/09/2027")["K1"] == 1
    july = _counts(life, "2027-07", "01/09/2027")
    assert (july["K1"], july["KX"], july["KX.mgmt"]) == (0, 1, 1)
    assert [d.code for d in life.state("01/09/2027").deadlines if d.code == "D06"] == ["D06"]


def test_item08_a_late_termination_ends_the_kx_span() -> None:
    """ND163 Art 63(3): the termination recorded on 20/08/2027 takes the person out of KX from
    then on; July stays KX (the term had ended), September counts nothing."""
    life = Life()
    paths.managed(life)
    life.rec("mgmt.terminated", "20/08/2027 09:00", decision_no="09/QĐ")
    assert _counts(life, "2027-07", "01/10/2027")["KX"] == 1
    assert _counts(life, "2027-09", "01/10/2027") == dict.fromkeys(
        ("K1", "K3", "KX", "KX.mgmt", "KX.post"), 0
    )


def test_item08_post_rehab_past_its_term_gets_a_duty_and_counts_in_kx() -> None:
    """L120 Art 48(3); ND163 Art 138: post-rehab from 09/07/2028 for 12 months, never completed:
    from the day after its end the file owes D41 ('term ended: record the completion or the
    reason') and the person counts in KX.post, not K3."""
    life = Life()
    paths.in_post_rehab(life)
    state = life.state("15/08/2029")
    duty = [d for d in state.visible_deadlines() if d.code == "D41"]
    assert len(duty) == 1 and duty[0].due_at < state.as_of
    august = _counts(life, "2029-08", "01/09/2029")
    assert (august["K3"], august["KX"], august["KX.post"]) == (0, 1, 1)
