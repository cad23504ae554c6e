"""Issue 20 item 2: exemptions from compulsory rehab (L120 Art 35(2)) can be recorded."""

from __future__ import annotations

from caseterm.domain.lifecycle.model import CloseReason, MeasureKind, Status
from tests.lifecycle import paths
from tests.lifecycle.life import Life

CARER = {
    "reason": "CARER_OF_CHILD_UNDER_36_MONTHS",
    "certificate_no": "15/XN-UBND",
    "certified_by": "UBND xã Tân An",
}
CUSTODY = {"decision_no": "32/QĐ", "facility": "Cơ sở 1"}


def _window_lapsed(life: Life) -> None:
    """Determined addicted 08/07/2026 08:00 and never registered: T22 opened the dossier (D10)."""
    paths.addicted(life)
    assert life.state("10/07/2026").status is Status.S10
    assert life.due("10/07/2026", "D10")


def test_item02_exemption_closes_the_dossier_and_its_deadlines() -> None:
    """T41.2 (L120 Art 35(2)): a woman caring for a child under 36 months, certified by the
    commune People's Committee, is exempt: the dossier opened when her registration window lapsed
    closes as EXEMPT_PERSON, D10 and D29 close, and the file says why (X_EXEMPT)."""
    life = Life(birth="1996-02-01")
    _window_lapsed(life)
    life.rec("compulsory.exemption_found", "10/07/2026 09:00", **CARER, until="2028-01-15")
    state = life.state("10/07/2026 10:00")
    compulsory = next(m for m in state.measures if m.kind is MeasureKind.COMPULSORY)
    assert compulsory.close_reason is CloseReason.EXEMPT_PERSON
    assert not [d for d in state.deadlines if d.code in {"D10", "D28", "D29"}]
    assert "X_EXEMPT" in state.flags
    assert state.status is not Status.S10


def test_item02_custody_and_a_new_ground_are_refused_while_the_exemption_holds() -> None:
    """T41 / T41.1 (L120 Art 35(2); ND163 Art 98–99): no ground and no custody (Mẫu 32) for an
    exempt adult until the exemption's last day; after it, a ground may be found again."""
    life = Life(birth="1996-02-01")
    _window_lapsed(life)
    life.rec("compulsory.exemption_found", "10/07/2026 09:00", **CARER, until="2026-12-31")
    ground = {"ground": "a", "last_violation_at": "11/07/2026 09:00", **paths.NOT_EXEMPT}
    refusal = life.refuse("compulsory.ground_found", "11/07/2026 09:00", **ground)
    assert (refusal.rule, refusal.reason) == ("T41", "adult_exempt")
    refusal = life.refuse("compulsory.custody_decided", "11/07/2026 10:00", **CUSTODY)
    assert (refusal.rule, refusal.reason) == ("T41.1", "no_dossier")
    later = {"ground": "a", "last_violation_at": "05/01/2027 09:00", **paths.NOT_EXEMPT}
    life.rec("compulsory.ground_found", "05/01/2027 09:00", **later)
    assert life.state("05/01/2027 10:00").status is Status.S10


def test_item02_a_missed_window_opens_no_dossier_for_an_exempt_adult() -> None:
    """T22 (L120 Art 35(1)(a), 35(2)): exempt before the 24 h window ends, no dossier opens."""
    life = Life(birth="1996-02-01")
    paths.addicted(life)  # told 08/07/2026 08:00
    life.rec(
        "compulsory.exemption_found",
        "08/07/2026 12:00",
        reason="PREGNANT",
        certificate_no="07/BV",
        certified_by="Bệnh viện huyện",
    )
    state = life.state("15/07/2026")
    assert not [m for m in state.measures if m.kind is MeasureKind.COMPULSORY]
    assert not [d for d in state.deadlines if d.code == "D10"]


def test_item02_custody_needs_a_recorded_ground_with_the_exemption_screen_answered() -> None:
    """T41.1 (L120 Art 35(2), 37; ND163 Art 98): custody is refused on a dossier the engine
    opened by itself until the officer records the ground, and on a ground whose exemption
    questions were not answered."""
    life = Life()
    _window_lapsed(life)
    refusal = life.refuse("compulsory.custody_decided", "10/07/2026 09:00", **CUSTODY)
    assert (refusal.rule, refusal.reason) == ("T41.1", "ground_not_recorded")
    life.rec(
        "compulsory.ground_found",
        "10/07/2026 09:00",
        ground="a",
        last_violation_at="09/07/2026 08:00",
    )
    refusal = life.refuse("compulsory.custody_decided", "10/07/2026 10:00", **CUSTODY)
    assert (refusal.rule, refusal.reason) == ("T41.1", "exemption_not_screened")
    life.rec(
        "compulsory.ground_found",
        "10/07/2026 11:00",
        ground="a",
        last_violation_at="09/07/2026 08:00",
        **paths.NOT_EXEMPT,
    )
    life.rec("compulsory.custody_decided", "10/07/2026 12:00", **CUSTODY)


def test_item02_minors_have_no_such_exemption() -> None:
    """T41.2 (L120 Art 36): the exemptions of Art 35(2) are for adults only."""
    life = Life(birth="2010-01-01")
    paths.addicted(life)
    refusal = life.refuse("compulsory.exemption_found", "10/07/2026 09:00", **CARER)
    assert (refusal.rule, refusal.reason) == ("T41.2", "exemption_adults_only")
