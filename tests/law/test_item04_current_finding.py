"""Issue 20 item 4: stopping user management as "determined addicted" needs a current finding."""

from __future__ import annotations

from caseterm.domain.lifecycle.model import Register
from tests.lifecycle import paths
from tests.lifecycle.life import Life


def test_item04_a_finding_from_a_completed_earlier_episode_does_not_stop_management() -> None:
    """T09 (L120 Art 24(5)(a), 27(3)(b); ND163 Art 63(2)): the finding that stops management must
    be made during it. A person determined addicted in 2026, whose rehab and post-rehab were
    completed, later put under user management, cannot be stopped on the 2026 finding: they
    would leave every register without ever being counted as an addict."""
    life = Life()
    paths.in_post_rehab(life)  # determined addicted 08/07/2026, rehab completed 09/07/2028
    life.rec("postrehab.completed", "10/07/2029 09:00", certificate_no="56/GCN")
    paths.managed(life, "01/09/2029 08:00")
    refusal = life.refuse("mgmt.stopped", "05/09/2029 09:00", reason="ADDICTED", decision_no="8")
    assert (refusal.rule, refusal.reason) == ("T09", "finding_before_this_management")
    assert Register.USERS in life.state("05/09/2029 10:00").registers


def test_item04_a_finding_made_during_this_management_stops_it() -> None:
    """T09: the control — a determination requested and concluded during the management."""
    life = Life()
    paths.managed(life)  # decided 06/07/2026 16:00
    paths.positive(life, "10/10/2026 08:00")
    life.rec("mgmt.decided", "10/10/2026 15:00", reason="REUSE_RESET", decision_no="4", officer="A")
    life.rec("assessment.requested", "10/10/2026 16:00", case="c", facility="TTYT")
    life.rec(
        "assessment.result", "12/10/2026 09:00", result="ADDICTED", notified_at="12/10/2026 10:00"
    )
    life.rec("mgmt.stopped", "12/10/2026 14:00", reason="ADDICTED", decision_no="08/QĐ")
    state = life.state("12/10/2026 15:00")
    assert Register.USERS not in state.registers and Register.ADDICTS in state.registers
