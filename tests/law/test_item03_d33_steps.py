"""Issue 20 item 3: D33 tracks each step after a court order, 24 h each (ND163 Art 106–107)."""

from __future__ import annotations

from tests.lifecycle import paths
from tests.lifecycle.life import Life, local

ASSIGNED = {"authority": "GDCAT", "decision_no": "106/QĐ", "facility": "Cơ sở 1"}


def _steps(life: Life, when: str) -> list[tuple[str, str]]:
    state = life.state(when)
    return [(d.key, local(d.due_at)) for d in state.deadlines if d.code == "D33"]


def test_item03_d33_request_assignment_forwarding_transport_each_24h() -> None:
    """D33 / T46.0–T46.2 (L120 Art 38; ND163 Art 106–107): the chief's request to the provincial
    police director is due 24 h after the order (its own event), the assignment 24 h after the
    request, then forwarding and transport 24 h after the assignment."""
    life = Life()
    paths.ordered(life)  # 20/07/2026 09:00
    assert _steps(life, "20/07/2026 10:00") == [("D33:request", "21/07/2026 09:00")]
    life.rec("compulsory.facility_requested", "20/07/2026 16:00", request_no="12/CV")
    assert _steps(life, "20/07/2026 17:00") == [("D33:assignment", "21/07/2026 16:00")]
    refusal = life.refuse("compulsory.facility_requested", "20/07/2026 17:00")
    assert (refusal.rule, refusal.reason) == ("T46.0", "facility_already_requested")
    life.rec("compulsory.facility_assigned", "21/07/2026 09:00", **ASSIGNED)
    assert sorted(_steps(life, "21/07/2026 10:00")) == [
        ("D33:forwarding", "22/07/2026 09:00"),
        ("D33:transport", "22/07/2026 09:00"),
    ]
    life.rec("compulsory.assignment_forwarded", "21/07/2026 11:00", recipients="the person")
    assert _steps(life, "21/07/2026 12:00") == [("D33:transport", "22/07/2026 09:00")]
    life.rec("compulsory.transported", "21/07/2026 14:00")
    assert _steps(life, "21/07/2026 15:00") == []


def test_item03_the_request_is_a_duty_that_falls_overdue_on_its_own() -> None:
    """D33 step 1 (ND163 Art 106(1)): not requested within 24 h of the order is overdue by
    itself, not hidden inside a 48 h assignment deadline."""
    life = Life()
    paths.ordered(life)
    overdue = [d for d in life.state("21/07/2026 10:00").deadlines if d.key == "D33:request"]
    assert overdue and overdue[0].due_at < life.state("21/07/2026 10:00").as_of
