"""Gaps D4–D5: the chairman's post-rehab support team (Mẫu 55) once post-rehab is decided, and
the compulsory dossier's records (Mẫu 40, 41, 58) only while a dossier is built."""

from __future__ import annotations

from tests.lifecycle import paths
from tests.lifecycle.life import Life, at

TEAM = {"decision_no": "16/QĐ-UBND", "leader": "Lê Văn Bình", "vice_leader": "Hoàng Thị Na"}


def _home_rehab() -> Life:
    life = Life()
    paths.in_rehab(life, "01/11/2027 08:00")
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


def test_a_minors_dossier_records_are_refused_for_an_adult_and_outside_a_dossier() -> None:
    adult = Life()
    refusal = adult.refuse("compulsory.record_made", "05/03/2028 09:00", kind="ORAL_STATEMENT")
    assert refusal.reason == "no_dossier"
    paths.addicted(adult, "01/03/2028 08:00")
    adult.rec("compulsory.ground_found", "04/03/2028 09:00", ground="a",
              last_violation_at=at("04/03/2028 09:00"), no_capacity=False, pregnant=False,
              carer_of_child_under_36_months=False)  # fmt: skip
    refusal = adult.refuse("compulsory.record_made", "05/03/2028 09:00", kind="NO_STATEMENT")
    assert refusal.reason == "not_a_minor"
    adult.rec("compulsory.record_made", "05/03/2028 10:00", kind="ORAL_STATEMENT")
