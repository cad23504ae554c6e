"""Issue 20 item 9: who counts as a user — a self-referral awaiting its finding is not in K1."""

from __future__ import annotations

from tests.law.reporting import report_counts
from tests.lifecycle import paths
from tests.lifecycle.life import Life

ROWS = ("K1", "K1.assessment", "KA", "KA.a", "D.registered")


def _counts(life: Life, month: str, now: str) -> dict[str, int]:
    found = report_counts([life], month, now)
    return {row: found.get(row) for row in ROWS}


def test_item09_a_self_referral_awaiting_its_finding_counts_apart() -> None:
    """L120 Art 31(1)(a); legal spec §9 decision 6: a person who asked for a determination on
    29/10/2026 and has no result at the cut-off is counted in KA ("awaiting determination"), not
    in K1 and not among the people on the registers (so not in K5 either)."""
    life = Life()
    life.rec("assessment.requested", "29/10/2026 08:00", case="a", facility="TTYT")
    assert _counts(life, "2026-10", "05/11/2026") == {
        "K1": 0, "K1.assessment": 0, "KA": 1, "KA.a": 1, "D.registered": 0,
    }  # fmt: skip


def test_item09_a_reuse_determination_under_management_stays_in_k1() -> None:
    """L120 Art 31(1)(c): the control — a user under management whose re-use is being
    determined is still a user under management (K1.assessment)."""
    life = Life()
    paths.managed(life)
    paths.positive(life, "10/10/2026 08:00")
    life.rec("mgmt.decided", "10/10/2026 15:00", reason="REUSE_RESET", decision_no="4", officer="A")
    life.rec("assessment.requested", "10/10/2026 16:00", case="c", facility="TTYT")
    found = _counts(life, "2026-10", "05/11/2026")
    assert (found["K1"], found["KA"], found["D.registered"]) == (1, 0, 1)
