"""One test per deadline D01–D40: its due time, across weekends and public holidays.

Calendar facts used: 02/09/2026 (Wed) is National Day; 30/04 and 01/05/2026 (Thu, Fri) are
holidays; 08–10/02/2027 are Tết days off; every Saturday and Sunday is off.
"""

from __future__ import annotations

from caseterm.domain.lifecycle.timecalc import WEEKENDS_ONLY, after_working_days
from caseterm.domain.lifecycle.unit_deadlines import UnitEvent, unit_deadlines
from tests.lifecycle import paths
from tests.lifecycle.life import CALENDAR, Life, at, local
from tests.lifecycle.paths import plus

MGMT = {"decision_no": "04/QĐ", "officer": "Trần Văn An"}


def test_the_calendar_skips_weekends_and_official_holidays_only() -> None:
    friday = at("01/05/2026 10:00")
    assert local(after_working_days(friday, 1, WEEKENDS_ONLY)) == "05/05/2026 00:00"
    assert local(after_working_days(at("29/04/2026 10:00"), 1, CALENDAR)) == "05/05/2026 00:00"
    # 01/09/2026 is only an estimated day off: it counts as a working day (deadlines stay early).
    assert local(after_working_days(at("31/08/2026 10:00"), 1, CALENDAR)) == "02/09/2026 00:00"
    assert local(after_working_days(at("05/02/2027 10:00"), 1, CALENDAR)) == "12/02/2027 00:00"


def test_D01_verify_residence_within_24h_or_48h_in_remote_areas() -> None:
    life = Life()
    paths.positive(life, "10/07/2026 20:00")  # Friday evening: hours run through the weekend
    assert life.due("10/07/2026 21:00", "D01") == ["11/07/2026 20:00"]
    remote = Life()
    paths.positive(remote, "10/07/2026 20:00", remote_area=True)
    assert remote.due("10/07/2026 21:00", "D01") == ["12/07/2026 20:00"]
    legacy = Life()  # R2021: 3 working days, across 30/04 and 01/05
    paths.positive(legacy, "28/04/2026 10:00")
    assert legacy.due("28/04/2026 11:00", "D01") == ["06/05/2026 00:00"]


def test_D02_notice_within_24h_of_the_verification() -> None:
    life = Life()
    paths.verified(life, "10/07/2026 20:00")
    assert life.due("11/07/2026 01:00", "D02") == ["12/07/2026 00:00"]


def test_D03_decision_within_24h_of_the_notice() -> None:
    life = Life()
    paths.notified(life, "10/07/2026 20:00")
    assert life.due("11/07/2026 03:00", "D03") == ["12/07/2026 02:00"]


def test_D04_stop_decisions_reach_their_recipients_within_24h() -> None:
    life = Life()
    paths.managed(life)
    stop = life.rec("mgmt.stopped", "04/09/2026 16:00", reason="PRISON", decision_no="08/QĐ")
    assert life.due("04/09/2026 17:00", "D04") == ["05/09/2026 16:00"]
    life.rec("document.logged", "05/09/2026 09:00", of_event=stop, document="DECISION_SENT")
    assert life.due("05/09/2026 10:00", "D04") == []


def test_D05_one_residence_check_a_month() -> None:
    life = Life()
    paths.managed(life)  # decided 06/07/2026 16:00
    state = life.state("10/07/2026 09:00")
    assert [d for d in state.visible_deadlines() if d.code == "D05"] == []  # reminder from the 20th
    assert life.due("21/07/2026 09:00", "D05") == ["01/08/2026 00:00"]
    life.rec("mgmt.residence_checked", "22/07/2026 09:00", method="VISIT", finding="PRESENT")
    assert life.due("22/07/2026 10:00", "D05") == []
    # August ended without a check: missed (issue 20 item 6), no longer a duty.
    assert life.due("05/09/2026 10:00", "D05") == ["01/10/2026 00:00"]
    assert life.state("05/09/2026 10:00").missed_checks == ("2026-08",)


def test_D06_termination_at_the_end_of_the_year() -> None:
    life = Life()
    paths.managed(life)
    deadline = next(d for d in life.state("01/07/2027 09:00").deadlines if d.code == "D06")
    assert (local(deadline.due_at), local(deadline.visible_from)) == (
        "07/07/2027 00:00",
        "30/06/2027 00:00",
    )


def test_D07_reuse_new_decision_and_determination_within_24h() -> None:
    life = Life()
    paths.managed(life)
    paths.positive(life, "02/10/2026 17:00")
    assert life.due("02/10/2026 18:00", "D07") == ["03/10/2026 17:00", "03/10/2026 17:00"]


def test_D08_origin_transfers_the_file_within_24h() -> None:
    life = Life()
    paths.managed(life)
    move = life.rec("person.moved_out", "04/09/2026 09:00", destination="Xã Bình An")
    assert life.due("04/09/2026 10:00", "D08") == ["05/09/2026 09:00"]
    life.rec("document.logged", "04/09/2026 15:00", of_event=move, document="FILE_TRANSFERRED")
    assert life.due("04/09/2026 16:00", "D08") == []


def test_D09_register_within_24h_and_force_majeure_restarts_the_clock() -> None:
    life = Life()
    paths.addicted(life, "01/09/2026 08:00")  # told 03/09 08:00
    assert life.due("03/09/2026 09:00", "D09") == ["04/09/2026 08:00"]
    life.rec(
        "force_majeure.recorded",
        "03/09/2026 20:00",
        deadline="D09",
        ended_at="06/09/2026 12:00",
        decision_no="01/QĐ",
        reason="Lũ lụt chia cắt",
    )
    assert life.due("04/09/2026 09:00", "D09") == ["07/09/2026 12:00"]


def test_D10_missed_registration_dossier_within_one_working_day() -> None:
    life = Life()
    paths.addicted(life, "26/08/2026 10:00")  # told Fri 28/08 10:00 → D09 Sat 29/08 10:00
    assert life.due("29/08/2026 11:00", "D10") == ["01/09/2026 00:00"]  # Monday 31/08
    holiday = Life()
    paths.addicted(holiday, "29/08/2026 10:00")  # told Mon 31/08 10:00 → D09 Tue 01/09 10:00
    assert holiday.due("01/09/2026 11:00", "D10") == ["04/09/2026 00:00"]  # 02/09 is a holiday


def test_D11_voluntary_decision_within_24h_of_registration() -> None:
    life = Life()
    registered = paths.registered(life)
    assert life.due(registered, "D11") == [plus(registered, 24)]


def test_D12_start_within_two_working_days_across_a_holiday() -> None:
    life = Life()
    paths.registered(life, "27/08/2026 08:00")  # registered Sat 29/08 11:00
    life.rec("rehab.decided", "01/09/2026 09:00", decision_no="22", form="HOME")  # Tuesday
    assert life.due("01/09/2026 10:00", "D12") == ["05/09/2026 00:00"]  # Thu 03, Fri 04
    weekend = Life()
    paths.registered(weekend, "25/08/2026 08:00")
    weekend.rec("rehab.decided", "28/08/2026 09:00", decision_no="22", form="HOME")  # Friday
    assert weekend.due("28/08/2026 10:00", "D12") == ["02/09/2026 00:00"]  # Mon 31, Tue 01


def test_D13_public_facility_steps_24h_each() -> None:
    life = Life()
    decided = paths.decided(life, form="PUBLIC")
    assert life.due(decided, "D13") == [plus(decided, 24)]
    life.rec("rehab.facility_requested", plus(decided, 2))
    assert life.due(plus(decided, 3), "D13") == [plus(decided, 26)]
    life.rec(
        "rehab.facility_assigned",
        plus(decided, 10),
        authority="C04",
        decision_no="1",
        facility="Cơ sở tỉnh khác",
    )
    assert life.due(plus(decided, 11), "D13") == [plus(decided, 34)]


def test_D14_e_monitoring_decision_within_12h() -> None:
    life = Life()
    decided = paths.decided(life)
    assert life.due(decided, "D14") == [plus(decided, 12)]
    minor = Life(birth="2010-01-01")
    minor.rec("assessment.requested", "06/07/2026 08:00", case="a", facility="TTYT")
    minor.rec(
        "assessment.result", "08/07/2026 08:00", result="ADDICTED", notified_at="08/07/2026 08:00"
    )
    minor.rec(
        "rehab.registered",
        "08/07/2026 10:00",
        form="HOME",
        channel="IN_PERSON",
        registrant="PARENT",
    )
    minor.rec("rehab.decided", "08/07/2026 15:00", decision_no="22", form="HOME")
    assert minor.due("08/07/2026 16:00", "D14") == []  # minors only at a parent's request


def test_D15_parent_request_decision_within_24h() -> None:
    life = Life(birth="2010-01-01")
    life.rec("emon.requested", "10/07/2026 09:00", applicant="Nguyễn Thị Hoa", relationship="Mẹ")
    assert life.due("10/07/2026 10:00", "D15") == ["11/07/2026 09:00"]
    assert (
        Life().refuse("emon.requested", "10/07/2026 09:00", applicant="A", relationship="Mẹ").reason
        == "not_a_minor"
    )


def _fitted_home(life: Life) -> str:
    start = paths.in_rehab(life)
    life.rec("emon.decided", plus(start, 2), decision_no="02", basis="VOL_HOME", officer="An")
    return start


def test_D16_fit_the_device_within_24h() -> None:
    life = Life()
    start = _fitted_home(life)
    assert life.due(plus(start, 3), "D16") == [plus(start, 26)]


def test_D17_fix_a_violation_or_present_within_24h() -> None:
    life = Life()
    start = _fitted_home(life)
    life.rec("emon.fitted", plus(start, 5), device_no="GS-1", position="ANKLE")
    life.rec("emon.violation", "04/09/2026 22:00", code="d")
    assert life.due("04/09/2026 23:00", "D17") == ["05/09/2026 22:00"]
    removal = Life()
    start = _fitted_home(removal)
    removal.rec("emon.fitted", plus(start, 5), device_no="GS-1", position="ANKLE")
    removal.rec(
        "emon.removed_temporarily", "01/09/2026 09:00", reason="MEDICAL", until="05/09/2026 09:00"
    )
    assert removal.due("01/09/2026 10:00", "D17") == ["06/09/2026 09:00"]


def test_D18_review_for_exemption_after_a_clean_year() -> None:
    life = Life()
    start = _fitted_home(life)
    life.rec("emon.fitted", "10/07/2026 09:00", device_no="GS-1", position="ANKLE")
    assert start == "09/07/2026 12:00"  # the year runs from the fitting, not the rehab's start
    assert life.due("05/07/2027 09:00", "D18") == ["11/07/2027 00:00"]
    life.rec("review.completed", "06/07/2027 09:00", scope="EMON_EXEMPTION")
    assert life.due("06/07/2027 10:00", "D18") == []


def test_D19_substitution_e_monitoring_ends_after_two_years() -> None:
    life = Life()
    enrolled = paths.in_substitution(life)
    life.rec(
        "emon.decided", plus(enrolled, 3), decision_no="02", basis="SUBSTITUTION", officer="An"
    )
    life.rec("emon.fitted", "10/07/2026 09:00", device_no="GS-2", position="WRIST")
    assert life.due("05/07/2028 09:00", "D19") == ["11/07/2028 00:00"]


def test_D20_e_monitoring_handed_over_within_24h_of_a_move() -> None:
    life = Life()
    _fitted_home(life)
    life.rec("emon.fitted", "10/07/2026 09:00", device_no="GS-1", position="ANKLE")
    move = life.rec(
        "person.moved_out",
        "04/09/2026 09:00",
        destination="Xã Bình An",
        file_sent_at="04/09/2026 10:00",
    )
    assert life.due("04/09/2026 11:00", "D20") == ["05/09/2026 09:00"]
    life.rec("document.logged", "04/09/2026 15:00", of_event=move, document="EMON_HANDED_OVER")
    assert life.due("04/09/2026 16:00", "D20") == []


def test_D21_the_provider_notifies_the_start_within_24h() -> None:
    life = Life()
    decided = paths.decided(life)
    start = life.rec("rehab.started", plus(decided, 20))
    assert life.due(plus(decided, 21), "D21") == [plus(decided, 44)]
    life.rec("document.logged", plus(decided, 22), of_event=start, document="PROVIDER_NOTICE")
    assert life.due(plus(decided, 23), "D21") == []


def test_D22_pre_completion_notice_30_days_before_the_end() -> None:
    life = Life()
    paths.in_rehab(life)  # ends at the end of 09/07/2028
    assert life.due("05/06/2028 09:00", "D22") == ["10/06/2028 00:00"]


def test_D23_post_rehab_proposal_within_two_working_days_of_the_notice() -> None:
    life = Life()
    paths.in_rehab(life)
    life.rec("completion.notice_received", "09/06/2028 15:00")  # Friday
    assert life.due("09/06/2028 16:00", "D23") == ["14/06/2028 00:00"]  # Mon 12, Tue 13


def test_D24_post_rehab_decision_before_completion() -> None:
    life = Life()
    paths.in_rehab(life)
    assert life.due("01/07/2028 09:00", "D24") == ["09/07/2028 00:00"]


def test_D25_home_completion_certificate_in_the_last_24h() -> None:
    life = Life()
    paths.in_rehab(life)
    deadline = next(d for d in life.state("08/07/2028 09:00").deadlines if d.code == "D25")
    assert (local(deadline.visible_from), local(deadline.due_at)) == (
        "08/07/2028 00:00",
        "10/07/2028 00:00",
    )


def test_D26_present_within_two_days_of_a_private_completion() -> None:
    life = Life()
    paths.in_rehab(life, form="PRIVATE")
    life.rec("rehab.completed", "09/07/2028 09:00", certificate_no="30")
    assert life.due("09/07/2028 10:00", "D26") == ["12/07/2028 00:00"]


def test_D27_register_at_home_within_two_days_of_leaving_early() -> None:
    life = Life()
    paths.in_rehab(life, form="PRIVATE")
    life.rec(
        "rehab.partially_completed", "04/06/2027 09:00", certificate_no="30", stages_completed=4
    )
    assert life.due("04/06/2027 10:00", "D27") == ["07/06/2027 00:00"]  # calendar days


def test_D28_dossier_within_one_working_day_of_the_ground() -> None:
    life = Life()
    paths.in_rehab(life)
    paths.positive(life, "04/09/2026 09:00")  # Friday
    assert life.due("04/09/2026 10:00", "D28") == ["08/09/2026 00:00"]  # Monday 07/09


def test_D29_limitation_three_months_after_the_last_violation() -> None:
    life = Life()
    paths.in_rehab(life)
    paths.positive(life, "30/11/2026 09:00")
    deadline = next(d for d in life.state("30/11/2026 10:00").deadlines if d.code == "D29")
    assert local(deadline.due_at) == "01/03/2027 00:00"  # 28/02 is the last day of February


def test_D30_reading_period_three_working_days() -> None:
    life = Life()
    paths.dossier(life, "26/12/2026 08:00")
    life.rec("compulsory.dossier_notified", "31/12/2026 09:00", delivered_to="PERSON")
    # Thu 31/12: 01/01 holiday, weekend, Mon 04, Tue 05, Wed 06.
    assert life.due("31/12/2026 10:00", "D30") == ["07/01/2027 00:00"]


def test_D31_send_to_court_one_working_day_after_reading() -> None:
    life = Life()
    paths.dossier(life)
    life.rec("compulsory.dossier_notified", "28/08/2026 09:00", delivered_to="PERSON")
    assert life.due("28/08/2026 10:00", "D31") == ["05/09/2026 00:00"]  # Fri 04/09


def test_D32_reply_to_the_court_in_two_working_days() -> None:
    life = Life()
    paths.at_court(life)
    life.rec("compulsory.court_query", "01/09/2026 09:00")  # Tue, then 02/09 holiday
    assert life.due("01/09/2026 10:00", "D32") == ["05/09/2026 00:00"]


def test_D33_facility_assignment_and_transport() -> None:
    life = Life()
    paths.ordered(life)  # 20/07/2026 09:00
    assert life.due("20/07/2026 10:00", "D33") == ["21/07/2026 09:00"]
    life.rec(
        "compulsory.facility_assigned",
        "21/07/2026 09:00",
        authority="GDCAT",
        decision_no="1",
        facility="Cơ sở 1",
    )
    assert life.due("21/07/2026 10:00", "D33") == ["22/07/2026 09:00"] * 2  # forwarding, transport


def test_D34_facility_notice_30_days_before_compulsory_ends() -> None:
    life = Life()
    paths.in_facility(life)  # ends 12/07/2028 00:00
    assert life.due("01/06/2028 09:00", "D34") == ["12/06/2028 00:00"]


def test_D35_post_rehab_certificate_three_working_days_before_expiry() -> None:
    life = Life()
    paths.in_post_rehab(life)  # ends at the end of Mon 09/07/2029
    assert life.due("01/07/2029 09:00", "D35") == ["05/07/2029 00:00"]


def test_D36_postponement_reviewed_monthly() -> None:
    life = Life()
    paths.ordered(life)
    life.rec("compulsory.postponed", "21/07/2026 09:00", reason="FAMILY_HARDSHIP", decision_no="44")
    assert life.due("21/07/2026 10:00", "D36") == ["21/08/2026 00:00"]


def test_D37_return_to_the_facility_on_recovery() -> None:
    life = Life()
    paths.in_facility(life)
    life.rec("compulsory.suspended", "01/09/2026 09:00", decision_no="46", until="30/11/2026")
    assert life.due("01/09/2026 10:00", "D37") == ["01/12/2026 00:00"]
    life.rec("compulsory.resumed", "30/11/2026 09:00")
    assert life.due("30/11/2026 10:00", "D37") == []


def test_D38_eighteenth_birthday_in_compulsory_rehab() -> None:
    life = Life(birth="2009-12-24")
    paths.minor_in_reformatory(life)
    deadline = next(d for d in life.state("01/12/2027 09:00").deadlines if d.code == "D38")
    assert (local(deadline.due_at), local(deadline.visible_from)) == (
        "25/12/2027 00:00",
        "25/11/2027 00:00",
    )


def test_D39_monthly_report_to_the_commune_people_s_committee() -> None:
    now = at("26/09/2026 09:00")
    due = unit_deadlines([], reporting_needed=True, now=now)
    assert [(d.code, local(d.due_at), local(d.visible_from)) for d in due] == [
        ("D39", "01/10/2026 00:00", "25/09/2026 00:00")
    ]
    sent = UnitEvent("r1", "unit.report_sent", at("26/09/2026 08:00"))
    assert unit_deadlines([sent], reporting_needed=True, now=now) == []
    assert unit_deadlines([], reporting_needed=False, now=now) == []


def test_D40_breach_notified_within_72_hours() -> None:
    found = UnitEvent("b1", "breach.discovered", at("04/09/2026 16:00"))
    due = unit_deadlines([found], reporting_needed=False, now=at("04/09/2026 17:00"))
    assert [local(d.due_at) for d in due] == ["07/09/2026 16:00"]  # hours: weekends count
    notified = UnitEvent("n1", "breach.notified", at("05/09/2026 09:00"), refers_to="b1")
    assert (
        unit_deadlines([found, notified], reporting_needed=False, now=at("05/09/2026 10:00")) == []
    )


def test_every_deadline_code_has_a_test() -> None:
    import inspect
    import sys

    names = [n for n, _ in inspect.getmembers(sys.modules[__name__], inspect.isfunction)]
    assert {f"D{n:02d}" for n in range(1, 41)} <= {
        n.split("_")[1] for n in names if n.startswith("test_D")
    }
