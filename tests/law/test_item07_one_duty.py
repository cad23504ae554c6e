"""Issue 20 item 7: one duty per legal obligation — no duplicate D07 rows."""

from __future__ import annotations

from tests.lifecycle import paths
from tests.lifecycle.life import Life


def test_item07_a_second_positive_while_d07_is_open_adds_no_second_pair() -> None:
    """D07 / T08 (ND163 Art 59(1); L120 Art 31(1)(c)): re-use detected 02/10 17:00 opens the new
    decision and the determination request, 24 h each; a second positive test at 03/10 08:00,
    before either is done, leaves two duties (not four), still due from the first detection."""
    life = Life()
    paths.managed(life)
    paths.positive(life, "02/10/2026 17:00")
    paths.positive(life, "03/10/2026 08:00")
    state = life.state("03/10/2026 09:00")
    duties = sorted(d.key for d in state.deadlines if d.code == "D07")
    assert duties == ["D07:assessment", "D07:decision"]
    assert life.due("03/10/2026 09:00", "D07") == ["03/10/2026 17:00", "03/10/2026 17:00"]


def test_item07_the_new_decision_and_the_request_close_their_own_duty() -> None:
    """D07: the REUSE_RESET decision closes the decision duty, the request the assessment duty."""
    life = Life()
    paths.managed(life)
    paths.positive(life, "02/10/2026 17:00")
    life.rec("mgmt.decided", "03/10/2026 09:00", reason="REUSE_RESET", decision_no="4", officer="A")
    assert [d.key for d in life.state("03/10/2026 10:00").deadlines if d.code == "D07"] == [
        "D07:assessment"
    ]
    life.rec("assessment.requested", "03/10/2026 11:00", case="c", facility="TTYT")
    assert [d for d in life.state("03/10/2026 12:00").deadlines if d.code == "D07"] == []
