"""One test per row T01–T65 of the transition table: the allowed case and a refused case."""

from __future__ import annotations

from caseterm.domain.lifecycle.model import CloseReason, Flag, MeasureKind, Phase, Register, Status
from caseterm.domain.lifecycle.table import RULE_IDS
from tests.lifecycle import paths
from tests.lifecycle.life import Life, local
from tests.lifecycle.paths import URINE, plus

MGMT = {"decision_no": "04/QĐ", "officer": "Trần Văn An"}


def measure(life: Life, when: str, kind: MeasureKind):  # type: ignore[no-untyped-def]
    """The latest measure of a kind at a moment."""
    found = [m for m in life.state(when).measures if m.kind is kind]
    assert found, f"no {kind}"
    return found[-1]


def test_every_transition_has_a_row() -> None:
    assert {f"T{n:02d}" for n in range(1, 66)} <= RULE_IDS


def test_T01_grounds_to_test_puts_the_test_under_way() -> None:
    life = Life()
    life.rec("test.performed", "06/07/2026 08:00", **URINE, result="PENDING")
    assert life.state("06/07/2026 09:00").status is Status.S1
    refusal = life.refuse(
        "test.performed", "06/07/2026 09:00", ground="status_c", sample="URINE", result="PENDING"
    )
    assert (refusal.rule, refusal.reason) == ("T01", "status_ground_without_measure")


def test_T02_negative_returns_to_the_previous_state() -> None:
    life = Life()
    paths.managed(life)
    life.rec(
        "test.performed", "10/07/2026 08:00", ground="status_c", sample="URINE", result="PENDING"
    )
    assert "TEST_PENDING" in life.state("10/07/2026 09:00").flags
    life.rec(
        "test.performed", "10/07/2026 10:00", ground="status_c", sample="URINE", result="NEGATIVE"
    )
    state = life.state("10/07/2026 11:00")
    assert state.status is Status.S3 and "TEST_PENDING" not in state.flags
    minor = Life(birth="2011-03-01")
    refusal = minor.refuse(
        "test.performed", "10/07/2026 10:00", ground="h", sample="BLOOD", result="NEGATIVE"
    )
    assert (refusal.rule, refusal.reason) == ("T02", "parent_witness_required")
    minor.rec(
        "test.performed",
        "10/07/2026 10:00",
        ground="h",
        sample="BLOOD",
        result="NEGATIVE",
        parent_witness=True,
    )


def test_T03_positive_in_a_facility_stays_with_the_facility() -> None:
    life = Life()
    paths.in_facility(life)
    event = life.rec("test.performed", "01/09/2026 08:00", **URINE, result="POSITIVE")
    state = life.state("01/09/2026 09:00")
    assert state.applied[event] == "T03"
    assert state.status is Status.S13 and not state.visible_deadlines()
    refusal = life.refuse(
        "residence.verified", "01/09/2026 10:00", result="STABLE", criterion="REGISTERED_ADDRESS"
    )
    assert refusal.reason == "no_positive_test"


def test_T04_positive_opens_intake_with_a_24h_verification() -> None:
    life = Life()
    paths.positive(life, "06/07/2026 08:00")
    assert life.state("06/07/2026 09:00").status is Status.S2
    assert life.due("06/07/2026 09:00", "D01") == ["07/07/2026 08:00"]
    criminal = Life()
    criminal.rec(
        "test.performed", "06/07/2026 08:00", **URINE, result="POSITIVE", criminal_case=True
    )
    assert criminal.state("06/07/2026 09:00").status is Status.S0
    refusal = Life().refuse(
        "residence.verified", "06/07/2026 09:00", result="STABLE", criterion="REGISTERED_ADDRESS"
    )
    assert (refusal.rule, refusal.reason) == ("T04.1", "no_positive_test")


def test_T05_stable_residence_management_decision_for_one_year() -> None:
    life = Life()
    paths.notified(life)
    refusal = life.refuse("mgmt.decided", "06/07/2026 10:00", reason="NEW", **MGMT)
    assert refusal.reason == "no_notice_of_use"  # the notice was sent at 14:00
    life.rec("mgmt.decided", "06/07/2026 16:00", reason="NEW", **MGMT)
    mgmt = measure(life, "06/07/2026 17:00", MeasureKind.USER_MGMT)
    assert local(mgmt.term_end()) == "07/07/2027 00:00"
    assert Register.USERS in life.state("06/07/2026 17:00").registers
    unstable = Life()
    paths.verified(unstable, stable=False)
    unstable.rec("use.notice_sent", "06/07/2026 14:00", recipient="TCAX")
    refusal = unstable.refuse("mgmt.decided", "06/07/2026 16:00", reason="NEW", **MGMT)
    assert (refusal.rule, refusal.reason) == ("T05", "residence_not_stable")


def test_T06_no_stable_residence_goes_to_determination_case_dd() -> None:
    life = Life()
    paths.verified(life, stable=False)
    life.rec("assessment.requested", "06/07/2026 15:00", case="dd", facility="TTYT")
    assert life.state("06/07/2026 16:00").status is Status.S4
    stable = Life()
    paths.verified(stable)
    refusal = stable.refuse("assessment.requested", "06/07/2026 15:00", case="dd", facility="TTYT")
    assert (refusal.rule, refusal.reason) == ("T06", "residence_stable")


def test_T07_not_addicted_without_residence_is_managed_where_found() -> None:
    life = Life()
    paths.verified(life, stable=False)
    life.rec("assessment.requested", "06/07/2026 15:00", case="dd", facility="TTYT")
    life.rec(
        "assessment.result",
        "08/07/2026 09:00",
        result="NOT_ADDICTED",
        notified_at="08/07/2026 09:00",
    )
    assert life.due("08/07/2026 10:00", "D03") == ["09/07/2026 09:00"]
    life.rec("mgmt.decided", "08/07/2026 15:00", reason="NEW", **MGMT)
    assert life.state("08/07/2026 16:00").status is Status.S3
    refusal = Life().refuse("mgmt.decided", "08/07/2026 15:00", reason="NEW", **MGMT)
    assert (refusal.rule, refusal.reason) == ("T05", "no_notice_of_use")


def test_T08_reuse_during_management_restarts_the_year_and_asks_for_case_c() -> None:
    life = Life()
    paths.managed(life)
    event = paths.positive(life, "10/10/2026 08:00")
    state = life.state("10/10/2026 09:00")
    assert state.applied[event] == "T08"
    assert sorted(d.key.split(":")[1] for d in state.deadlines if d.code == "D07") == [
        "assessment",
        "decision",
    ]
    life.rec("mgmt.decided", "10/10/2026 15:00", reason="REUSE_RESET", **MGMT)
    life.rec("assessment.requested", "10/10/2026 16:00", case="c", facility="TTYT")
    mgmt = measure(life, "10/10/2026 17:00", MeasureKind.USER_MGMT)
    assert local(mgmt.term_end()) == "11/10/2027 00:00"
    refusal = life.refuse("mgmt.decided", "11/10/2026 15:00", reason="REUSE_RESET", **MGMT)
    assert (refusal.rule, refusal.reason) == ("T08.1", "no_reuse_detected")


def _reuse_assessed(life: Life, result: str) -> None:
    paths.managed(life)
    paths.positive(life, "10/10/2026 08:00")
    life.rec("mgmt.decided", "10/10/2026 15:00", reason="REUSE_RESET", **MGMT)
    life.rec("assessment.requested", "10/10/2026 16:00", case="c", facility="TTYT")
    life.rec("assessment.result", "12/10/2026 09:00", result=result, notified_at="12/10/2026 10:00")


def test_T09_addicted_in_management_stops_it() -> None:
    life = Life()
    _reuse_assessed(life, "ADDICTED")
    assert life.state("12/10/2026 11:00").status is Status.S5
    life.rec("mgmt.stopped", "12/10/2026 14:00", reason="ADDICTED", decision_no="08/QĐ")
    state = life.state("12/10/2026 15:00")
    assert Register.USERS not in state.registers and Register.ADDICTS in state.registers
    assert [d.code for d in state.deadlines if d.code == "D04"] == ["D04"]
    other = Life()
    paths.managed(other)
    refusal = other.refuse("mgmt.stopped", "12/10/2026 14:00", reason="ADDICTED", decision_no="8")
    assert (refusal.rule, refusal.reason) == ("T09", "not_determined_addicted")


def test_T10_not_addicted_management_continues_under_the_new_decision() -> None:
    life = Life()
    _reuse_assessed(life, "NOT_ADDICTED")
    state = life.state("12/10/2026 11:00")
    assert state.status is Status.S3 and Register.USERS in state.registers
    refusal = life.refuse(
        "assessment.result",
        "13/10/2026 09:00",
        result="NOT_ADDICTED",
        notified_at="13/10/2026 09:00",
    )
    assert (refusal.rule, refusal.reason) == ("T09.1", "not_in_this_state")


def test_T11_criminal_custody_suspends_management() -> None:
    life = Life()
    paths.managed(life)
    life.rec("mgmt.suspended", "01/08/2026 09:00", decision_no="07/QĐ", sent_at="01/08/2026 10:00")
    assert Flag.SUSPENDED.value in life.state("01/08/2026 11:00").flags
    refusal = life.refuse("mgmt.suspended", "02/08/2026 09:00", decision_no="07b")
    assert (refusal.rule, refusal.reason) == ("T11", "already_suspended")


def test_T12_short_custody_management_continues_to_the_same_end() -> None:
    life = Life()
    paths.managed(life)
    life.rec("mgmt.suspended", "01/08/2026 09:00", decision_no="07/QĐ", sent_at="01/08/2026 10:00")
    life.rec("mgmt.resumed", "20/08/2026 09:00", custody_ended="20/08/2026 08:00")
    mgmt = measure(life, "20/08/2026 10:00", MeasureKind.USER_MGMT)
    assert not mgmt.flags and local(mgmt.term_end()) == "07/07/2027 00:00"
    refusal = life.refuse("mgmt.resumed", "21/08/2026 09:00", custody_ended="21/08/2026 08:00")
    assert (refusal.rule, refusal.reason) == ("T12", "not_suspended")


def test_T13_custody_longer_than_the_term_stops_management() -> None:
    life = Life()
    paths.managed(life)
    life.rec("mgmt.suspended", "01/08/2026 09:00", decision_no="07/QĐ", sent_at="01/08/2026 10:00")
    refusal = life.refuse("mgmt.resumed", "10/07/2027 09:00", custody_ended="10/07/2027 08:00")
    assert refusal.reason == "custody_outlasted_term"
    life.rec("mgmt.stopped", "10/07/2027 09:00", reason="CUSTODY_LONGER", decision_no="08/QĐ")
    assert life.state("10/07/2027 10:00").status is Status.S15
    other = Life()
    paths.managed(other)
    refusal = other.refuse(
        "mgmt.stopped", "01/08/2026 09:00", reason="CUSTODY_LONGER", decision_no="8"
    )
    assert (refusal.rule, refusal.reason) == ("T13", "not_suspended")


def test_T14_prison_stops_management() -> None:
    life = Life()
    paths.managed(life)
    life.rec("mgmt.stopped", "01/09/2026 09:00", reason="PRISON", decision_no="08/QĐ")
    mgmt = measure(life, "01/09/2026 10:00", MeasureKind.USER_MGMT)
    assert mgmt.close_reason is CloseReason.STOPPED
    refusal = Life().refuse("mgmt.stopped", "01/09/2026 09:00", reason="PRISON", decision_no="8")
    assert (refusal.rule, refusal.reason) == ("T14", "not_under_management")


def test_T15_a_clean_year_terminates_management() -> None:
    life = Life()
    paths.managed(life)
    refusal = life.refuse("mgmt.terminated", "05/07/2027 09:00", decision_no="09/QĐ")
    assert (refusal.rule, refusal.reason) == ("T15", "term_not_over")
    life.rec("mgmt.terminated", "07/07/2027 08:00", decision_no="09/QĐ")
    state = life.state("07/07/2027 09:00")
    assert state.status is Status.S15 and not state.registers
    assert state.spells[0].left_reason == "EXPIRED_CLEAN"


def test_T16_moving_away_continues_the_term_at_the_destination() -> None:
    origin = Life()
    paths.managed(origin)
    origin.rec("person.moved_out", "01/09/2026 09:00", destination="Xã Bình An")
    state = origin.state("01/09/2026 10:00")
    assert state.measures[-1].close_reason is CloseReason.TRANSFERRED_OUT
    assert [d.code for d in state.deadlines] == ["D08"]
    destination = Life()
    destination.rec(
        "person.moved_in",
        "02/09/2026 09:00",
        origin="Xã Tân Hòa",
        continuing="USER_MGMT",
        term_end="06/07/2027",
    )
    destination.rec("mgmt.decided", "02/09/2026 15:00", reason="TRANSFER_IN", **MGMT)
    mgmt = measure(destination, "02/09/2026 16:00", MeasureKind.USER_MGMT)
    assert local(mgmt.term_end()) == "07/07/2027 00:00"
    refusal = Life().refuse("mgmt.decided", "02/09/2026 15:00", reason="TRANSFER_IN", **MGMT)
    assert (refusal.rule, refusal.reason) == ("T16.2", "no_transfer_in")


def test_T17_unreported_absence_is_added_to_the_term() -> None:
    life = Life()
    paths.managed(life)
    life.rec(
        "mgmt.absence_reported",
        "20/09/2026 09:00",
        from_date="01/09/2026",
        to_date="10/09/2026",
        reported=False,
    )
    assert local(measure(life, "20/09/2026 10:00", MeasureKind.USER_MGMT).term_end()) == (
        "17/07/2027 00:00"
    )
    refusal = Life().refuse(
        "mgmt.absence_reported", "20/09/2026 09:00", from_date="01/09/2026", reported=False
    )
    assert refusal.rule == "T17" and refusal.reason == "not_in_this_state"


def test_T18_self_referral_asks_for_determination() -> None:
    life = Life()
    life.rec("assessment.requested", "06/07/2026 08:00", case="a", facility="TTYT")
    assert life.state("06/07/2026 09:00").status is Status.S4
    refusal = Life().refuse(
        "assessment.requested",
        "06/07/2026 08:00",
        case="b",
        facility="TTYT",
        certificate_age_months=3,
    )
    assert (refusal.rule, refusal.reason) == ("T18", "certificate_still_valid")
    child = Life(birth="2016-01-01")
    assert (
        child.refuse("assessment.requested", "06/07/2026 08:00", case="a", facility="TTYT").reason
        == "under_12"
    )


def test_T19_deported_person_is_assessed() -> None:
    life = Life()
    life.rec("assessment.requested", "06/07/2026 08:00", case="a", facility="TTYT", deported=True)
    assert life.state("06/07/2026 09:00").status is Status.S4
    busy = Life()
    paths.managed(busy)
    refusal = busy.refuse(
        "assessment.requested", "08/07/2026 08:00", case="a", facility="TTYT", deported=True
    )
    assert (refusal.rule, refusal.reason) == ("T19", "already_in_a_measure")


def test_T20_addicted_must_register_within_24h_of_being_told() -> None:
    life = Life()
    life.rec("assessment.requested", "06/07/2026 08:00", case="a", facility="TTYT")
    life.rec(
        "assessment.result", "08/07/2026 08:00", result="ADDICTED", notified_at="08/07/2026 10:00"
    )
    state = life.state("08/07/2026 11:00")
    assert state.status is Status.S5 and Register.ADDICTS in state.registers
    assert life.due("08/07/2026 11:00", "D09") == ["09/07/2026 10:00"]
    refusal = Life().refuse(
        "assessment.result", "08/07/2026 08:00", result="ADDICTED", notified_at="08/07/2026 10:00"
    )
    assert (refusal.rule, refusal.reason) == ("T09.1", "not_in_this_state")


def test_T21_registration_chooses_a_form() -> None:
    life = Life()
    paths.addicted(life)
    life.rec(
        "rehab.registered", "08/07/2026 11:00", form="PRIVATE", channel="VNEID", registrant="SELF"
    )
    assert life.state("08/07/2026 12:00").status is Status.S5B
    assert life.due("08/07/2026 12:00", "D11") == ["09/07/2026 11:00"]
    homeless = Life()
    paths.verified(homeless, stable=False)
    homeless.rec("assessment.requested", "06/07/2026 15:00", case="dd", facility="TTYT")
    homeless.rec(
        "assessment.result", "08/07/2026 09:00", result="ADDICTED", notified_at="08/07/2026 09:00"
    )
    refusal = homeless.refuse(
        "rehab.registered", "08/07/2026 11:00", form="HOME", channel="IN_PERSON", registrant="SELF"
    )
    assert (refusal.rule, refusal.reason) == ("T21", "no_residence_public_only")


def test_T22_not_registered_within_24h_opens_the_compulsory_dossier() -> None:
    life = Life()
    paths.addicted(life)  # told 08/07/2026 08:00
    assert life.state("09/07/2026 07:59").status is Status.S5
    state = life.state("09/07/2026 08:00")
    assert state.status is Status.S10
    assert life.due("09/07/2026 09:00", "D10") == ["11/07/2026 00:00"]  # Friday, end of day
    refusal = life.refuse(
        "rehab.registered", "09/07/2026 09:00", form="HOME", channel="IN_PERSON", registrant="SELF"
    )
    assert (refusal.rule, refusal.reason) == ("T21", "compulsory_dossier_open")


def test_T23_voluntary_decision_within_24h_with_a_24_month_term() -> None:
    life = Life()
    paths.registered(life)
    life.rec("rehab.decided", "08/07/2026 16:00", decision_no="22/QĐ", form="HOME")
    rehab = measure(life, "08/07/2026 17:00", MeasureKind.VOLUNTARY_REHAB)
    assert (rehab.phase, rehab.episode, rehab.term_months) == (Phase.DECIDED, 1, 24)
    refusal = life.refuse("rehab.decided", "08/07/2026 17:00", decision_no="22", form="HOME")
    assert (refusal.rule, refusal.reason) == ("T23", "not_registered")
    other = Life()
    paths.registered(other)
    refusal = other.refuse(
        "rehab.decided", "08/07/2026 16:00", decision_no="22", form="HOME", term_months=12
    )
    assert refusal.reason == "r2026_term_fixed"


def test_T24_not_starting_within_2_working_days_is_a_compulsory_ground() -> None:
    life = Life()
    decided_at = paths.decided(life)  # Wednesday 08/07/2026 16:00
    assert decided_at == "08/07/2026 16:00"
    assert life.due("08/07/2026 17:00", "D12") == ["11/07/2026 00:00"]  # Thu + Fri
    state = life.state("11/07/2026 00:00")
    assert state.status is Status.S10
    refusal = life.refuse("rehab.started", "11/07/2026 09:00")
    assert (refusal.rule, refusal.reason) == ("T25", "not_in_this_state")


def test_T25_home_rehab_starts_at_the_reception_record() -> None:
    life = Life()
    start = paths.in_rehab(life)
    rehab = measure(life, start, MeasureKind.VOLUNTARY_REHAB)
    assert local(rehab.term_end()) == "10/07/2028 00:00"
    assert life.state(start).status is Status.S6
    assert life.due(start, "D14")  # e-monitoring decision within 12 h
    refusal = Life().refuse("rehab.started", start)
    assert (refusal.rule, refusal.reason) == ("T25", "not_in_this_state")


def test_T26_private_facility_term_starts_at_its_reception() -> None:
    life = Life()
    paths.in_rehab(life, form="PRIVATE")
    assert life.state("10/07/2026 09:00").status is Status.S7
    other = Life()
    paths.registered(other, form="PRIVATE")
    refusal = other.refuse("rehab.started", "08/07/2026 12:00")
    assert (refusal.rule, refusal.reason) == ("T26", "not_decided")


def test_T27_public_facility_goes_through_assignment() -> None:
    life = Life()
    decided_at = paths.decided(life, form="PUBLIC")
    assert life.state(decided_at).status is Status.S5B
    refusal = life.refuse("rehab.started", plus(decided_at, 1))
    assert (refusal.rule, refusal.reason) == ("T27", "facility_not_assigned")
    life.rec("rehab.facility_requested", plus(decided_at, 2))
    assert life.state(plus(decided_at, 3)).status is Status.S8
    life.rec(
        "rehab.facility_assigned",
        plus(decided_at, 10),
        authority="GDCAT",
        decision_no="95",
        facility="Cơ sở 1",
    )
    life.rec("rehab.started", plus(decided_at, 20))
    assert life.state(plus(decided_at, 21)).status is Status.S8


def test_T28_use_during_voluntary_rehab_is_a_compulsory_ground() -> None:
    life = Life()
    paths.in_rehab(life)
    event = paths.positive(life, "01/10/2026 08:00")
    state = life.state("01/10/2026 09:00")
    assert state.applied[event] == "T28" and state.status is Status.S10
    assert [m.case for m in state.measures if m.kind is MeasureKind.COMPULSORY] == ["b"]
    assert life.due("01/10/2026 09:00", "D28") == ["03/10/2026 00:00"]
    refusal = life.refuse("rehab.self_terminated", "02/10/2026 09:00")
    assert refusal.reason == "not_in_voluntary_rehab"


def test_T29_self_termination_is_a_compulsory_ground() -> None:
    life = Life()
    paths.in_rehab(life, form="PRIVATE")
    life.rec("rehab.self_terminated", "01/10/2026 08:00", reported_by="Cơ sở")
    assert life.state("01/10/2026 09:00").status is Status.S10
    refusal = Life().refuse("rehab.self_terminated", "01/10/2026 08:00")
    assert (refusal.rule, refusal.reason) == ("T29", "not_in_voluntary_rehab")


def _monitored_home(life: Life) -> None:
    start = paths.in_rehab(life)
    life.rec("emon.decided", plus(start, 2), decision_no="02/QĐ", basis="VOL_HOME", officer="An")
    life.rec("emon.fitted", plus(start, 10), device_no="GS-001", position="ANKLE")


def test_T30_not_complying_with_e_monitoring_is_a_compulsory_ground() -> None:
    life = Life()
    _monitored_home(life)
    life.rec("emon.violation", "01/09/2026 08:00", code="b")
    assert life.state("01/09/2026 09:00").status is Status.S6  # 1st: reminder, 24 h to fix
    assert life.state("02/09/2026 08:00").status is Status.S10  # not fixed within 24 h
    fixed = Life()
    _monitored_home(fixed)
    violation = fixed.rec("emon.violation", "01/09/2026 08:00", code="d")
    fixed.rec("emon.violation_fixed", "01/09/2026 12:00", violation=violation)
    assert fixed.state("03/09/2026 08:00").status is Status.S6
    refusal = Life().refuse("emon.violation", "01/09/2026 08:00", code="b")
    assert (refusal.rule, refusal.reason) == ("T30", "not_e_monitored")


def test_T31_after_a_commune_education_act_any_further_violation_is_compulsory() -> None:
    life = Life()
    paths.in_rehab(life)
    life.rec("rehab.violation", "01/09/2026 08:00", kind="COMMUNE_EDUCATION_ACT")
    assert life.state("01/09/2026 09:00").status is Status.S6
    life.rec("rehab.violation", "01/10/2026 08:00", kind="OTHER")
    assert life.state("01/10/2026 09:00").status is Status.S10
    refusal = Life().refuse("rehab.violation", "01/09/2026 08:00", kind="COMMUNE_EDUCATION_ACT")
    assert (refusal.rule, refusal.reason) == ("T31", "not_in_home_rehab_or_substitution")


def test_T32_the_third_other_violation_is_compulsory() -> None:
    life = Life()
    paths.in_substitution(life)
    life.rec("rehab.violation", "01/09/2026 08:00", kind="OTHER")
    life.rec("rehab.violation", "01/10/2026 08:00", kind="OTHER")
    assert life.state("01/10/2026 09:00").status is Status.S9
    life.rec("rehab.violation", "01/11/2026 08:00", kind="OTHER")
    assert life.state("01/11/2026 09:00").status is Status.S10
    private = Life()
    paths.in_rehab(private, form="PRIVATE")
    refusal = private.refuse("rehab.violation", "01/09/2026 08:00", kind="OTHER")
    assert (refusal.rule, refusal.reason) == ("T32", "not_in_home_rehab_or_substitution")


def test_T33_three_stages_at_a_private_facility_then_home_for_the_rest() -> None:
    life = Life()
    paths.in_rehab(life, form="PRIVATE")
    refusal = life.refuse(
        "rehab.partially_completed", "01/06/2027 08:00", certificate_no="30", stages_completed=2
    )
    assert (refusal.rule, refusal.reason) == ("T33", "fewer_than_3_stages")
    life.rec(
        "rehab.partially_completed", "01/06/2027 08:00", certificate_no="30", stages_completed=3
    )
    assert life.due("01/06/2027 09:00", "D27") == ["04/06/2027 00:00"]
    life.rec(
        "rehab.registered", "02/06/2027 08:00", form="HOME", channel="IN_PERSON", registrant="SELF"
    )
    life.rec("rehab.decided", "02/06/2027 15:00", decision_no="22b", form="HOME", continuation=True)
    life.rec("rehab.started", "03/06/2027 09:00")
    rehab = measure(life, "03/06/2027 10:00", MeasureKind.VOLUNTARY_REHAB)
    assert rehab.form.value == "HOME" and rehab.episode == 1
    assert local(rehab.term_end()) == "10/07/2028 00:00"


def test_T34_home_rehab_completion_leads_to_one_year_post_rehab() -> None:
    life = Life()
    paths.in_rehab(life)
    refusal = life.refuse("rehab.completed", "01/07/2028 09:00", certificate_no="28")
    assert (refusal.rule, refusal.reason) == ("T34", "term_not_over")
    done = paths.in_post_rehab(Life())
    post = Life()
    completed = paths.in_post_rehab(post)
    assert done == completed
    state = post.state(completed)
    assert state.status is Status.S14 and Register.POST_REHAB in state.registers
    assert Register.ADDICTS not in state.registers
    assert local(state.measures[-1].term_end()) == "10/07/2029 00:00"


def test_T35_private_facility_completion_then_present_within_2_days() -> None:
    life = Life()
    paths.in_rehab(life, form="PRIVATE")
    life.rec("rehab.completed", "09/07/2028 09:00", certificate_no="30")
    assert life.due("09/07/2028 10:00", "D26") == ["12/07/2028 00:00"]
    life.rec("contact.made", "10/07/2028 09:00", kind="PRESENTED")
    assert life.due("10/07/2028 10:00", "D26") == []
    refusal = life.refuse("rehab.completed", "10/07/2028 11:00", certificate_no="30")
    assert (refusal.rule, refusal.reason) == ("T36", "not_in_voluntary_rehab")


def test_T36_public_facility_completion() -> None:
    life = Life()
    paths.in_rehab(life, form="PUBLIC")
    life.rec("rehab.completed", "10/07/2028 09:00", certificate_no="30")
    assert life.state("10/07/2028 10:00").status is Status.S14
    other = Life()
    paths.in_rehab(other, form="PUBLIC")
    refusal = other.refuse("rehab.completed", "01/01/2028 09:00", certificate_no="30")
    assert (refusal.rule, refusal.reason) == ("T36", "term_not_over")


def test_T37_substitution_enrolment_and_its_e_monitoring_clock() -> None:
    life = Life()
    enrolled = paths.in_substitution(life)
    assert life.state(enrolled).status is Status.S9
    assert life.due(enrolled, "D14") == [plus(enrolled, 12)]
    refusal = Life().refuse("subst.enrolled", enrolled, clinic="Methadone")
    assert (refusal.rule, refusal.reason) == ("T37", "not_registered_for_substitution")


def test_T38_terminated_substitution_is_a_compulsory_ground() -> None:
    life = Life()
    paths.in_substitution(life)
    life.rec("subst.terminated", "01/10/2026 08:00", reason="VIOLATION")
    state = life.state("01/10/2026 09:00")
    assert state.status is Status.S10
    assert [m.case for m in state.measures if m.kind is MeasureKind.COMPULSORY] == ["c"]
    refusal = Life().refuse("subst.terminated", "01/10/2026 08:00", reason="VIOLATION")
    assert (refusal.rule, refusal.reason) == ("T38", "not_in_substitution")


def test_T39_substitution_patient_registers_for_voluntary_rehab() -> None:
    life = Life()
    paths.in_substitution(life)
    life.rec(
        "rehab.registered", "01/10/2026 08:00", form="HOME", channel="IN_PERSON", registrant="SELF"
    )
    assert life.state("01/10/2026 09:00").status is Status.S5B
    other = Life()
    paths.in_substitution(other)
    refusal = other.refuse(
        "rehab.registered",
        "01/10/2026 08:00",
        form="SUBSTITUTION",
        channel="IN_PERSON",
        registrant="SELF",
    )
    assert (refusal.rule, refusal.reason) == ("T39", "already_in_substitution")


def test_T40_substitution_completed_leads_to_post_rehab() -> None:
    life = Life()
    paths.in_substitution(life)
    life.rec("subst.completed", "01/10/2027 08:00")
    state = life.state("01/10/2027 09:00")
    post = state.measures[-1]
    assert post.kind is MeasureKind.POST_REHAB and post.phase is Phase.AWAITING_DECISION
    assert local(post.term_end()) == "02/10/2028 00:00"
    refusal = Life().refuse("subst.completed", "01/10/2027 08:00")
    assert (refusal.rule, refusal.reason) == ("T40", "not_in_substitution")


def test_T41_compulsory_ground_opens_the_dossier_with_the_exemption_screen() -> None:
    life = Life()
    paths.in_rehab(life)
    life.rec(
        "compulsory.ground_found",
        "01/10/2026 08:00",
        ground="b",
        last_violation_at="30/09/2026 20:00",
    )
    assert life.state("01/10/2026 09:00").status is Status.S10
    assert life.due("01/10/2026 09:00", "D28") == ["03/10/2026 00:00"]
    pregnant = Life(birth="1995-01-01")
    paths.in_rehab(pregnant)
    refusal = pregnant.refuse(
        "compulsory.ground_found",
        "01/10/2026 08:00",
        ground="b",
        last_violation_at="30/09/2026 20:00",
        pregnant=True,
    )
    assert (refusal.rule, refusal.reason) == ("T41", "adult_exempt")


def test_T42_dossier_notice_gives_three_working_days_to_read() -> None:
    life = Life()
    paths.dossier(life)
    life.rec("compulsory.dossier_notified", "28/08/2026 09:00", delivered_to="PERSON")
    # Fri 28/08: Mon 31/08, Tue 01/09, (Wed 02/09 is National Day), Thu 03/09.
    assert life.due("28/08/2026 10:00", "D30") == ["04/09/2026 00:00"]
    refusal = Life().refuse(
        "compulsory.dossier_notified", "28/08/2026 09:00", delivered_to="PERSON"
    )
    assert (refusal.rule, refusal.reason) == ("T42", "no_dossier")


def test_T43_after_reading_the_dossier_goes_to_court() -> None:
    life = Life()
    paths.dossier(life)
    life.rec("compulsory.dossier_notified", "09/07/2026 09:00", delivered_to="PERSON")
    refusal = life.refuse(
        "compulsory.sent_to_court", "13/07/2026 09:00", decision_no="36", court="TAND khu vực 1"
    )
    assert (refusal.rule, refusal.reason) == ("T43", "reading_period_running")
    life.rec(
        "compulsory.sent_to_court", "15/07/2026 09:00", decision_no="36", court="TAND khu vực 1"
    )
    assert life.state("15/07/2026 10:00").status is Status.S11


def test_T44_court_query_answered_within_two_working_days() -> None:
    life = Life()
    paths.at_court(life)
    life.rec("compulsory.court_query", "17/07/2026 09:00")  # Friday
    assert life.due("17/07/2026 10:00", "D32") == ["22/07/2026 00:00"]
    life.rec("compulsory.court_query_answered", "20/07/2026 09:00")
    assert life.due("20/07/2026 10:00", "D32") == []
    refusal = life.refuse("compulsory.court_query_answered", "21/07/2026 09:00")
    assert (refusal.rule, refusal.reason) == ("T44.1", "no_court_query")


def test_T45_limitation_three_months_after_the_last_violation() -> None:
    life = Life()
    paths.at_court(life)  # ground found 09/07/2026 09:00
    assert life.state("09/10/2026 23:00").status is Status.S11
    state = life.state("10/10/2026 00:00")
    assert state.status is Status.S15
    assert state.measures[-1].close_reason is CloseReason.LIMITATION_EXPIRED
    refusal = life.refuse(
        "compulsory.court_decided",
        "12/10/2026 09:00",
        outcome="ORDERED",
        court="TAND",
        decision_no="12",
    )
    assert (refusal.rule, refusal.reason) == ("T46", "not_at_court")


def test_T46_court_order_then_facility_assignment() -> None:
    life = Life()
    paths.ordered(life)
    compulsory = measure(life, "20/07/2026 10:00", MeasureKind.COMPULSORY)
    assert (compulsory.term_months, compulsory.episode) == (24, 1)
    assert life.due("20/07/2026 10:00", "D33") == ["21/07/2026 09:00"]
    other = Life()
    paths.at_court(other)
    refusal = other.refuse(
        "compulsory.court_decided",
        "20/07/2026 09:00",
        outcome="ORDERED",
        court="TAND",
        decision_no="12",
        term_months=18,
    )
    assert (refusal.rule, refusal.reason) == ("T46", "r2026_term_fixed")


def test_T47_court_rejects_the_person_must_register_voluntarily() -> None:
    life = Life()
    paths.at_court(life)
    life.rec(
        "compulsory.court_decided",
        "20/07/2026 09:00",
        outcome="REJECTED",
        court="TAND",
        decision_no="12",
    )
    state = life.state("20/07/2026 10:00")
    assert state.status is Status.S5 and life.due("20/07/2026 10:00", "D09") == ["21/07/2026 09:00"]
    refusal = Life().refuse(
        "compulsory.court_decided",
        "20/07/2026 09:00",
        outcome="REJECTED",
        court="TAND",
        decision_no="12",
    )
    assert (refusal.rule, refusal.reason) == ("T47", "not_at_court")


def test_T48_transport_puts_the_person_in_the_facility() -> None:
    life = Life()
    paths.in_facility(life)
    state = life.state("21/07/2026 15:00")
    assert state.status is Status.S13
    # 24 months from 21/07/2026 minus custody served 09/07 11:00 → 20/07 09:00 (10 days).
    assert local(state.measures[-1].term_end()) == "12/07/2028 00:00"
    other = Life()
    paths.ordered(other)
    refusal = other.refuse("compulsory.transported", "21/07/2026 14:00")
    assert (refusal.rule, refusal.reason) == ("T48", "facility_not_assigned")


def test_T49_postponement_and_exemption() -> None:
    life = Life()
    paths.ordered(life)
    life.rec("compulsory.postponed", "21/07/2026 09:00", reason="SERIOUS_ILLNESS", decision_no="44")
    assert Flag.POSTPONED.value in life.state("21/07/2026 10:00").flags
    assert life.due("21/07/2026 10:00", "D36") == ["21/08/2026 00:00"]
    life.rec("compulsory.exempted", "01/09/2026 09:00", reason="TERMINAL_ILLNESS", decision_no="45")
    assert life.state("01/09/2026 10:00").status is Status.S15
    refusal = Life().refuse(
        "compulsory.postponed", "21/07/2026 09:00", reason="SERIOUS_ILLNESS", decision_no="44"
    )
    assert (refusal.rule, refusal.reason) == ("T49", "not_ordered")


def test_T50_absconded_time_is_not_counted() -> None:
    life = Life()
    paths.in_facility(life)
    life.rec("compulsory.absconded", "01/09/2026 09:00")
    assert Flag.ABSCONDED.value in life.state("01/09/2026 10:00").flags
    life.rec("compulsory.found", "11/09/2026 09:00")
    assert local(measure(life, "11/09/2026 10:00", MeasureKind.COMPULSORY).term_end()) == (
        "22/07/2028 00:00"
    )
    refusal = life.refuse("compulsory.found", "12/09/2026 09:00")
    assert (refusal.rule, refusal.reason) == ("T50.1", "not_absconded")
    assert Life().refuse("compulsory.absconded", "01/09/2026 09:00").rule == "T50"


def test_T51_sent_home_ill_the_time_counts() -> None:
    life = Life()
    paths.in_facility(life)
    life.rec("compulsory.suspended", "01/09/2026 09:00", decision_no="46", until="01/12/2026")
    state = life.state("01/09/2026 10:00")
    assert Flag.SUSPENDED.value in state.flags
    assert local(state.measures[-1].term_end()) == "12/07/2028 00:00"
    assert life.due("01/09/2026 10:00", "D37") == ["02/12/2026 00:00"]
    refusal = Life().refuse("compulsory.suspended", "01/09/2026 09:00", decision_no="46")
    assert (refusal.rule, refusal.reason) == ("T51", "not_in_facility")


def test_T52_a_minor_turning_18_moves_to_an_adult_facility() -> None:
    life = Life(birth="2009-01-15")
    paths.minor_in_reformatory(life)
    assert life.due("20/12/2026 09:00", "D38") == ["16/01/2027 00:00"]
    refusal = life.refuse(
        "compulsory.facility_assigned",
        "10/01/2027 09:00",
        authority="FACILITY",
        decision_no="2",
        facility="Cơ sở người lớn",
        adult_transfer=True,
    )
    assert (refusal.rule, refusal.reason) == ("T52", "not_yet_18")
    life.rec(
        "compulsory.facility_assigned",
        "16/01/2027 09:00",
        authority="FACILITY",
        decision_no="2",
        facility="Cơ sở người lớn",
        adult_transfer=True,
    )
    assert life.due("16/01/2027 10:00", "D38") == []


def test_T53_compulsory_completion_two_years_post_rehab_for_an_adult() -> None:
    life = Life()
    paths.in_facility(life)
    refusal = life.refuse("compulsory.completed", "01/01/2028 09:00", certificate_no="50")
    assert (refusal.rule, refusal.reason) == ("T53", "term_not_over")
    life.rec("compulsory.completed", "11/07/2028 09:00", certificate_no="50")
    post = measure(life, "11/07/2028 10:00", MeasureKind.POST_REHAB)
    assert local(post.term_end()) == "12/07/2030 00:00"


def test_T54_post_rehab_decision_by_the_chairman() -> None:
    life = Life()
    paths.in_substitution(life)
    life.rec("subst.completed", "01/10/2027 08:00")
    life.rec("postrehab.decided", "02/10/2027 09:00", decision_no="53/QĐ")
    state = life.state("02/10/2027 10:00")
    assert state.status is Status.S14 and Register.POST_REHAB in state.registers
    refusal = Life().refuse("postrehab.decided", "02/10/2027 09:00", decision_no="53")
    assert (refusal.rule, refusal.reason) == ("T54", "no_rehab_to_follow")


def test_T55_use_in_post_rehab_asks_for_case_d() -> None:
    life = Life()
    completed = paths.in_post_rehab(life)
    refusal = life.refuse("assessment.requested", plus(completed, 24), case="d", facility="TTYT")
    assert (refusal.rule, refusal.reason) == ("T55.1", "no_use_in_post_rehab")
    event = paths.positive(life, "01/09/2028 08:00")
    assert life.rule_of(event) == "T55"
    life.rec("assessment.requested", "01/09/2028 10:00", case="d", facility="TTYT")
    assert life.state("01/09/2028 11:00").status is Status.S4


def _post_rehab_case_d(life: Life, result: str) -> None:
    paths.in_post_rehab(life)
    paths.positive(life, "01/09/2028 08:00")
    life.rec("assessment.requested", "01/09/2028 10:00", case="d", facility="TTYT")
    life.rec("assessment.result", "03/09/2028 10:00", result=result, notified_at="03/09/2028 10:00")


def test_T56_addicted_in_post_rehab_goes_to_compulsory() -> None:
    life = Life()
    _post_rehab_case_d(life, "ADDICTED")
    state = life.state("03/09/2028 11:00")
    assert state.status is Status.S10 and Register.POST_REHAB not in state.registers
    refusal = life.refuse(
        "assessment.result", "04/09/2028 10:00", result="ADDICTED", notified_at="04/09/2028 10:00"
    )
    assert (refusal.rule, refusal.reason) == ("T09.1", "not_in_this_state")


def test_T57_not_addicted_in_post_rehab_continues() -> None:
    life = Life()
    _post_rehab_case_d(life, "NOT_ADDICTED")
    assert life.state("03/09/2028 11:00").status is Status.S14
    assert life.refuse("postrehab.decided", "04/09/2028 10:00", decision_no="x").reason == (
        "no_rehab_to_follow"
    )


def test_T58_unreported_absence_in_post_rehab_is_not_counted() -> None:
    life = Life()
    completed = paths.in_post_rehab(life)
    life.rec(
        "mgmt.absence_reported",
        "20/09/2028 09:00",
        from_date="01/09/2028",
        to_date="05/09/2028",
        reported=False,
    )
    post = measure(life, "20/09/2028 10:00", MeasureKind.POST_REHAB)
    assert local(post.term_end()) == "15/07/2029 00:00"
    assert completed == "09/07/2028 09:00"
    refusal = Life().refuse(
        "mgmt.absence_reported", "20/09/2028 09:00", from_date="01/09/2028", reported=False
    )
    assert (refusal.rule, refusal.reason) == ("T17", "not_in_this_state")


def test_T59_moving_during_post_rehab() -> None:
    life = Life()
    paths.in_post_rehab(life)
    event = life.rec("person.moved_out", "01/09/2028 09:00", destination="Xã Bình An")
    assert life.rule_of(event) == "T59"
    assert life.due("01/09/2028 10:00", "D08") == ["02/09/2028 09:00"]
    arrived = Life()
    arrived.rec(
        "person.moved_in",
        "02/09/2028 09:00",
        origin="Xã Tân Hòa",
        continuing="POST_REHAB",
        term_end="09/07/2029",
    )
    arrived.rec("postrehab.decided", "02/09/2028 15:00", decision_no="53b", continuation=True)
    assert arrived.state("02/09/2028 16:00").status is Status.S14
    refusal = arrived.refuse("person.moved_in", "03/09/2028 09:00", origin="X", continuing="NONE")
    assert refusal.reason == "already_in_a_measure"


def test_T60_refusing_e_monitoring_in_post_rehab_is_only_fined() -> None:
    life = Life()
    completed = paths.in_post_rehab(life)
    life.rec("emon.decided", plus(completed, 2), decision_no="02", basis="POST_REHAB", officer="An")
    life.rec("emon.fitted", plus(completed, 5), device_no="GS-9", position="ANKLE")
    event = life.rec("emon.violation", "01/09/2028 08:00", code="b")
    life.rec("emon.violation", "02/09/2028 08:00", code="b")
    state = life.state("05/09/2028 08:00")
    assert state.applied[event] == "T60" and state.status is Status.S14
    refusal = Life().refuse("emon.violation", "01/09/2028 08:00", code="b")
    assert refusal.reason == "not_e_monitored"


def test_T61_post_rehab_completion_three_working_days_before_expiry() -> None:
    life = Life()
    paths.in_post_rehab(life)  # ends at the end of Mon 09/07/2029
    # Three working days before the last day (Fri 06, Thu 05, Wed 04): by the end of Wed 04/07.
    assert life.due("01/07/2029 09:00", "D35") == ["05/07/2029 00:00"]
    refusal = life.refuse("postrehab.completed", "01/06/2029 09:00", certificate_no="56")
    assert (refusal.rule, refusal.reason) == ("T61", "term_not_over")
    life.rec("postrehab.completed", "04/07/2029 09:00", certificate_no="56")
    state = life.state("04/07/2029 10:00")
    assert state.status is Status.S15 and not state.registers


def test_T62_prison_pauses_rehab_and_the_rest_continues_after() -> None:
    life = Life()
    paths.in_rehab(life)
    life.rec("hold.started", "01/09/2026 09:00", kind="PRISON")
    assert "X_HOLD" in life.state("01/09/2026 10:00").flags
    life.rec("hold.ended", "01/12/2026 09:00")
    rehab = measure(life, "01/12/2026 10:00", MeasureKind.VOLUNTARY_REHAB)
    assert local(rehab.term_end()) == "09/10/2028 00:00"  # + 91 days in prison
    refusal = life.refuse("hold.ended", "02/12/2026 09:00")
    assert (refusal.rule, refusal.reason) == ("T62.1", "not_on_hold")


def test_T63_death_closes_everything() -> None:
    life = Life()
    paths.in_rehab(life)
    life.rec("person.died", "01/09/2026 09:00")
    state = life.state("01/09/2026 10:00")
    assert state.status is Status.S15 and not state.registers and not state.deadlines
    refusal = life.refuse("test.performed", "02/09/2026 09:00", **URINE, result="POSITIVE")
    assert (refusal.rule, refusal.reason) == ("T63", "person_gone")
    life.rec("note.added", "02/09/2026 09:00", text="Đã nhận giấy chứng tử.")


def test_T64_relapse_after_completion_is_a_36_month_episode() -> None:
    life = Life()
    paths.in_post_rehab(life)
    life.rec("postrehab.completed", "05/07/2029 09:00", certificate_no="56")
    life.rec("assessment.requested", "01/10/2029 08:00", case="a", facility="TTYT")
    result = life.rec(
        "assessment.result", "03/10/2029 08:00", result="ADDICTED", notified_at="03/10/2029 08:00"
    )
    assert life.rule_of(result) == "T64"
    life.rec(
        "rehab.registered", "03/10/2029 15:00", form="HOME", channel="IN_PERSON", registrant="SELF"
    )
    life.rec("rehab.decided", "03/10/2029 18:00", decision_no="22", form="HOME")
    rehab = measure(life, "03/10/2029 19:00", MeasureKind.VOLUNTARY_REHAB)
    assert (rehab.episode, rehab.term_months) == (2, 36)
    first = Life()
    first.rec("assessment.requested", "01/10/2029 08:00", case="a", facility="TTYT")
    first.rec(
        "assessment.result", "03/10/2029 08:00", result="ADDICTED", notified_at="03/10/2029 08:00"
    )
    assert first.rule_of(first.events[-1].id) == "T20"


def test_T65_moving_while_on_the_addict_list() -> None:
    life = Life()
    paths.in_rehab(life)
    event = life.rec(
        "person.moved_out",
        "01/09/2026 09:00",
        destination="Xã Bình An",
        file_sent_at="01/09/2026 15:00",
    )
    assert life.rule_of(event) == "T65"
    assert life.due("01/09/2026 16:00", "D08") == []
    arrived = Life()
    arrived.rec(
        "person.moved_in",
        "02/09/2026 09:00",
        origin="Xã Tân Hòa",
        continuing="VOLUNTARY_REHAB",
        term_end="09/07/2028",
        form="HOME",
        episode=1,
    )
    arrived.rec(
        "rehab.decided", "02/09/2026 15:00", decision_no="22c", form="HOME", continuation=True
    )
    state = arrived.state("02/09/2026 16:00")
    assert state.status is Status.S6 and Register.ADDICTS in state.registers
    refusal = Life().refuse(
        "person.moved_in", "02/09/2026 09:00", origin="X", continuing="VOLUNTARY_REHAB", form="HOME"
    )
    assert (refusal.rule, refusal.reason) == ("T65.1", "term_end_required")
