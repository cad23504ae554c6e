"""Issue 20 item 1: the court's term is the court's; the engine's episode count only warns."""

from __future__ import annotations

from tests.lifecycle import paths
from tests.lifecycle.life import Life

COURT = {"outcome": "ORDERED", "court": "TAND khu vực 1", "decision_no": "12/QĐ-TA"}


def _abandoned_voluntary_then_at_court(life: Life) -> None:
    """A voluntary home rehab started and abandoned after 17 days, then a compulsory dossier."""
    start = paths.in_rehab(life)  # 06/07/2026: started 09/07/2026 04:00
    life.rec("rehab.self_terminated", paths.plus(start, 17 * 24))
    life.rec(
        "compulsory.ground_found",
        "27/07/2026 09:00",
        ground="c",
        last_violation_at="27/07/2026 09:00",
    )
    life.rec("compulsory.dossier_notified", "28/07/2026 09:00", delivered_to="PERSON")
    life.rec("compulsory.sent_to_court", "03/08/2026 09:00", decision_no="36/QĐ", court="TAND")


def test_item01_court_term_of_24_months_stands_after_an_abandoned_voluntary_rehab() -> None:
    """T46 (L120 Art 29(1), Art 38; ND163 Art 106; legal spec §2.4 [U] 16): the court decided 24
    months although a voluntary rehab was started before; the engine would say 36 (episode 2).
    The order is accepted with the court's 24 months and a caution naming what was counted."""
    life = Life()
    _abandoned_voluntary_then_at_court(life)
    cautions = life.warned("compulsory.court_decided", "10/08/2026 09:00", **COURT, term_months=24)
    assert [(c.rule, c.code) for c in cautions] == [("T46", "court_term_differs")]
    params = cautions[0].params
    assert (params["stated"], params["believed"], params["episode"]) == ("24", "36", "2")
    assert params["counted"] == "VOLUNTARY_REHAB:2026-07-09:SELF_TERMINATED"
    measure = next(m for m in life.state("11/08/2026").measures if m.kind == "COMPULSORY")
    assert measure.term_months == 24


def test_item01_agreeing_court_term_raises_no_caution() -> None:
    """T46: the court's 36 months agrees with the engine's count: no caution, 36 months."""
    life = Life()
    _abandoned_voluntary_then_at_court(life)
    assert life.warned("compulsory.court_decided", "10/08/2026", **COURT, term_months=36) == ()


def test_item01_unstated_term_on_a_later_episode_is_a_caution_not_a_silent_36() -> None:
    """T46 [U] 16: with no term entered on a later episode, the engine's 36 is a caution."""
    life = Life()
    _abandoned_voluntary_then_at_court(life)
    cautions = life.warned("compulsory.court_decided", "10/08/2026", **COURT)
    assert [c.code for c in cautions] == ["court_term_not_stated"]


def test_item01_a_term_the_law_does_not_know_is_still_refused() -> None:
    """T46 (L120 Art 29(1)): an R2026 term is 24 or 36 months; 18 is refused under T46."""
    life = Life()
    _abandoned_voluntary_then_at_court(life)
    refusal = life.refuse("compulsory.court_decided", "10/08/2026", **COURT, term_months=18)
    assert (refusal.rule, refusal.reason) == ("T46", "r2026_term_fixed")


def test_item01_voluntary_decision_term_is_the_decisions_with_a_caution() -> None:
    """T23 (ND163 Art 91; L120 Art 29(1) [U] 16): a second voluntary rehab, after a completed
    one, decided for 24 months is accepted with the decision's term and a caution that the engine
    counts it as episode 2 (36 months)."""
    life = Life()
    paths.in_post_rehab(life)  # the first home rehab completed 09/07/2028
    paths.registered(life, "01/09/2028 08:00")
    cautions = life.warned(
        "rehab.decided", "03/09/2028 16:00", decision_no="22b/QĐ", form="HOME", term_months=24
    )
    assert [(c.rule, c.code) for c in cautions] == [("T23", "decision_term_differs")]
    assert cautions[0].params["counted"] == "VOLUNTARY_REHAB:2026-07-09:COMPLETED"
    rehab = [m for m in life.state("04/09/2028").measures if m.kind == "VOLUNTARY_REHAB"][-1]
    assert rehab.term_months == 24
