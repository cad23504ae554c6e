"""Gap D5: the chairman's post-rehab support team (Mẫu 55) is recorded once post-rehab is
decided, before or after it starts, and refused before."""

from __future__ import annotations

from tests.lifecycle.life import Life, at

TEAM = {"decision_no": "16/QĐ-UBND", "leader": "Lê Văn Bình", "vice_leader": "Hoàng Thị Na"}


def _home_rehab() -> Life:
    life = Life()
    life.rec("assessment.requested", "01/11/2027 08:00", case="a", facility="Trung tâm Y tế")
    life.rec("assessment.result", "02/11/2027 08:00", result="ADDICTED",
             notified_at=at("02/11/2027 08:00"))  # fmt: skip
    life.rec("rehab.registered", "02/11/2027 11:00", form="HOME", channel="IN_PERSON",
             registrant="SELF")  # fmt: skip
    life.rec("rehab.decided", "02/11/2027 16:00", decision_no="01/QĐ-CAX", form="HOME",
             provider="Trạm Y tế")  # fmt: skip
    life.rec("rehab.started", "03/11/2027 12:00", provider="Trạm Y tế",
             provider_notice_at=at("03/11/2027 12:00"))  # fmt: skip
    return life


def test_the_team_waits_for_the_chairmans_post_rehab_decision() -> None:
    life = _home_rehab()
    refusal = life.refuse("postrehab.team_formed", "01/10/2029 09:00", **TEAM)
    assert refusal.reason == "no_post_rehab_decision"
    life.rec("completion.notice_received", "01/10/2029 09:00", completion_on="2029-11-03")
    life.rec("postrehab.proposed", "02/10/2029 09:00")
    life.rec("postrehab.decided", "10/10/2029 09:00", decision_no="15/QĐ-UBND")
    life.rec("postrehab.team_formed", "12/10/2029 09:00", **TEAM)
    assert life.state("13/10/2029 09:00").status == life.state("11/10/2029 09:00").status
