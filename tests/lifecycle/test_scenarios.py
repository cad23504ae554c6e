"""Scenarios written from the law, end to end through the services and the encrypted store.

Each records events as an officer would, with the clock at the moment they happen, and ends with
`caseterm-admin verify`'s check that the stored projection equals a full recomputation.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from caseterm.clock import FrozenClock
from caseterm.domain.dates import PartialDate
from caseterm.domain.lifecycle.model import CloseReason, MeasureKind, Register, Status
from caseterm.errors import RefusedError
from caseterm.services.custody.verify import verify_store
from caseterm.services.lifecycle.due import due_list
from caseterm.services.lifecycle.events import lifecycle_of, record_event, void_event
from caseterm.services.registry.persons import add_person
from caseterm.services.session.case_session import CaseSession
from tests.conftest import person
from tests.lifecycle.life import at, local

URINE = {"ground": "h", "sample": "URINE"}
MGMT = {"decision_no": "04/QĐ-CAX", "officer": "Trần Văn An"}


class Officer:
    """Records events at the moment they happen (the clock moves to each moment)."""

    def __init__(self, session: CaseSession, clock: FrozenClock, birth: str = "1990-03-12") -> None:
        self.session, self.clock = session, clock
        clock.current = at("01/07/2026 07:00")
        self.pid = add_person(session, person(birth=PartialDate.parse(birth)), confirm=True)

    def rec(self, event_type: str, when: str, **payload: Any) -> str:
        moment = at(when)
        self.clock.current = max(self.clock.current, moment + timedelta(minutes=1))
        values = {k: at(v).isoformat() if k in _MOMENTS else v for k, v in payload.items()}
        return record_event(self.session, self.pid, event_type, values, occurred_at=moment).event_id

    def state(self, when: str) -> Any:
        self.clock.current = max(self.clock.current, at(when))
        return lifecycle_of(self.session, self.pid)

    def due(self, when: str, code: str) -> list[str]:
        return [local(d.due_at) for d in self.state(when).deadlines if d.code == code]


_MOMENTS = {"notified_at", "last_violation_at", "custody_ended", "reception_notice_at"}


@pytest.fixture
def officer(session: CaseSession, clock: FrozenClock) -> Officer:
    return Officer(session, clock)


def _verified(session: CaseSession) -> None:
    report = verify_store(session)
    assert report.ok, (report.projection_mismatches, report.projections_missing)


def _managed(o: Officer, when: str = "06/07/2026 08:00") -> None:
    o.rec("test.performed", when, **URINE, result="POSITIVE")
    o.rec("residence.verified", "06/07/2026 20:00", result="STABLE", criterion="REGISTERED_ADDRESS")
    o.rec("use.notice_sent", "07/07/2026 09:00", recipient="Trưởng Công an xã")
    o.rec("mgmt.decided", "07/07/2026 15:00", reason="NEW", **MGMT)


def test_first_positive_to_a_clean_year_and_termination(officer: Officer) -> None:
    officer.rec("test.performed", "06/07/2026 08:00", **URINE, result="POSITIVE")
    assert officer.due("06/07/2026 09:00", "D01") == ["07/07/2026 08:00"]
    officer.rec(
        "residence.verified", "06/07/2026 20:00", result="STABLE", criterion="REGISTERED_ADDRESS"
    )
    officer.rec("use.notice_sent", "07/07/2026 09:00", recipient="Trưởng Công an xã")
    assert officer.due("07/07/2026 10:00", "D03") == ["08/07/2026 09:00"]
    officer.rec("mgmt.decided", "07/07/2026 15:00", reason="NEW", **MGMT)
    state = officer.state("08/07/2026 09:00")
    assert state.status is Status.S3 and Register.USERS in state.registers
    for month in range(7, 13):
        officer.rec(
            "mgmt.residence_checked",
            f"15/{month:02d}/2026 09:00",
            method="VISIT",
            finding="PRESENT",
        )
    for month in range(1, 8):
        officer.rec(
            "mgmt.residence_checked",
            f"02/{month:02d}/2027 09:00",
            method="VISIT",
            finding="PRESENT",
        )
    assert officer.due("02/07/2027 10:00", "D06") == ["08/07/2027 00:00"]
    officer.rec("mgmt.terminated", "07/07/2027 16:00", decision_no="09/QĐ-CAX")
    state = officer.state("08/07/2027 09:00")
    assert state.status is Status.S15 and not state.registers
    assert state.measures[-1].close_reason is CloseReason.MGMT_EXPIRED_CLEAN
    _verified(officer.session)


def test_reuse_then_addicted_then_missed_registration_opens_the_dossier(officer: Officer) -> None:
    _managed(officer)
    officer.rec("test.performed", "10/11/2026 08:00", **URINE, result="POSITIVE")
    officer.rec("mgmt.decided", "10/11/2026 14:00", reason="REUSE_RESET", **MGMT)
    officer.rec("assessment.requested", "10/11/2026 15:00", case="c", facility="TTYT khu vực")
    mgmt = next(
        m for m in officer.state("10/11/2026 16:00").measures if m.kind is MeasureKind.USER_MGMT
    )
    assert local(mgmt.term_end()) == "11/11/2027 00:00"  # a new year from the new decision
    officer.rec(
        "assessment.result", "12/11/2026 10:00", result="ADDICTED", notified_at="12/11/2026 11:00"
    )
    officer.rec("mgmt.stopped", "12/11/2026 15:00", reason="ADDICTED", decision_no="08/QĐ-CAX")
    state = officer.state("13/11/2026 10:59")
    assert state.status is Status.S5 and Register.USERS not in state.registers
    # Not registered within 24 h (Friday 13/11 11:00): the dossier is due in 1 working day.
    assert officer.due("13/11/2026 11:00", "D10") == ["17/11/2026 00:00"]  # Monday 16/11
    assert officer.state("13/11/2026 11:00").status is Status.S10
    with pytest.raises(RefusedError, match="T21"):
        officer.rec(
            "rehab.registered",
            "13/11/2026 12:00",
            form="HOME",
            channel="IN_PERSON",
            registrant="SELF",
        )
    _verified(officer.session)


def _home_rehab(o: Officer) -> None:
    o.rec("assessment.requested", "06/07/2026 08:00", case="a", facility="TTYT khu vực")
    o.rec(
        "assessment.result", "08/07/2026 08:00", result="ADDICTED", notified_at="08/07/2026 08:00"
    )
    o.rec(
        "rehab.registered", "08/07/2026 11:00", form="HOME", channel="IN_PERSON", registrant="SELF"
    )
    o.rec("rehab.decided", "08/07/2026 16:00", decision_no="22/QĐ-CAX", form="HOME")
    o.rec("rehab.started", "09/07/2026 09:00", provider="Trạm Y tế xã", provider_notice_at=None)


def test_home_rehab_two_years_then_post_rehab_then_completion(officer: Officer) -> None:
    _home_rehab(officer)
    rehab = officer.state("09/07/2026 10:00").measures[-1]
    assert (rehab.term_months, local(rehab.term_end())) == (24, "10/07/2028 00:00")
    assert officer.due("01/06/2028 09:00", "D22") == ["10/06/2028 00:00"]
    officer.rec("completion.notice_received", "05/06/2028 09:00", sender="Trạm Y tế xã")  # Monday
    assert officer.due("05/06/2028 10:00", "D23") == ["08/06/2028 00:00"]  # Tue, Wed
    officer.rec("postrehab.proposed", "06/06/2028 09:00")
    officer.rec("postrehab.decided", "20/06/2028 09:00", decision_no="53/QĐ-UBND")
    officer.rec("rehab.completed", "09/07/2028 10:00", certificate_no="28/GCN")
    state = officer.state("09/07/2028 11:00")
    assert state.status is Status.S14 and Register.POST_REHAB in state.registers
    post = state.measures[-1]
    assert local(post.term_end()) == "10/07/2029 00:00"
    officer.rec("postrehab.completed", "04/07/2029 09:00", certificate_no="56/GCN")
    assert officer.state("05/07/2029 09:00").status is Status.S15
    _verified(officer.session)


def _compulsory(o: Officer) -> None:
    o.rec("assessment.requested", "06/07/2026 08:00", case="a", facility="TTYT khu vực")
    o.rec(
        "assessment.result", "08/07/2026 08:00", result="ADDICTED", notified_at="08/07/2026 08:00"
    )
    o.rec(
        "compulsory.ground_found",
        "09/07/2026 09:00",
        ground="a",
        last_violation_at="09/07/2026 08:00",
        no_capacity=False,
        pregnant=False,
        carer_of_child_under_36_months=False,
    )
    o.rec("compulsory.custody_decided", "09/07/2026 11:00", decision_no="32", facility="Cơ sở 1")
    o.rec("compulsory.dossier_notified", "09/07/2026 15:00", delivered_to="PERSON")
    o.rec("compulsory.sent_to_court", "15/07/2026 09:00", decision_no="36", court="TAND khu vực 1")
    o.rec(
        "compulsory.court_decided",
        "20/07/2026 09:00",
        outcome="ORDERED",
        court="TAND khu vực 1",
        decision_no="12/QĐ-TA",
    )
    o.rec(
        "compulsory.facility_assigned",
        "21/07/2026 09:00",
        authority="GDCAT",
        decision_no="106",
        facility="Cơ sở cai nghiện số 1",
    )
    o.rec("compulsory.transported", "21/07/2026 14:00")


def test_compulsory_path_gives_two_years_post_rehab_to_an_adult(officer: Officer) -> None:
    _compulsory(officer)
    state = officer.state("21/07/2026 15:00")
    assert state.status is Status.S13
    end = state.measures[-1].term_end()
    officer.rec("compulsory.completed", local(end - timedelta(hours=12)), certificate_no="50")
    post = officer.state(local(end)).measures[-1]
    assert post.kind is MeasureKind.POST_REHAB and post.term_months == 24
    _verified(officer.session)


def test_compulsory_path_gives_one_year_post_rehab_to_a_minor(
    session: CaseSession, clock: FrozenClock
) -> None:
    minor = Officer(session, clock, birth="2011-05-01")
    _compulsory(minor)
    end = minor.state("21/07/2026 15:00").measures[-1].term_end()
    minor.rec("compulsory.completed", local(end - timedelta(hours=12)), certificate_no="50")
    post = minor.state(local(end)).measures[-1]
    assert post.term_months == 12
    _verified(session)


def test_relapse_after_completion_is_a_36_month_term(officer: Officer) -> None:
    _home_rehab(officer)
    officer.rec("postrehab.decided", "20/06/2028 09:00", decision_no="53/QĐ-UBND")
    officer.rec("rehab.completed", "09/07/2028 10:00", certificate_no="28/GCN")
    officer.rec("postrehab.completed", "04/07/2029 09:00", certificate_no="56/GCN")
    officer.rec("assessment.requested", "01/10/2029 08:00", case="a", facility="TTYT")
    officer.rec(
        "assessment.result", "03/10/2029 08:00", result="ADDICTED", notified_at="03/10/2029 08:00"
    )
    officer.rec(
        "rehab.registered", "03/10/2029 10:00", form="HOME", channel="IN_PERSON", registrant="SELF"
    )
    officer.rec("rehab.decided", "03/10/2029 15:00", decision_no="22b", form="HOME")
    officer.rec("rehab.started", "04/10/2029 09:00")
    rehab = officer.state("04/10/2029 10:00").measures[-1]
    assert (rehab.episode, rehab.term_months, local(rehab.term_end())) == (
        2,
        36,
        "05/10/2032 00:00",
    )
    assert officer.state("04/10/2029 10:00").relapses == 1
    _verified(officer.session)


def test_a_minor_turning_18_in_compulsory_rehab(session: CaseSession, clock: FrozenClock) -> None:
    minor = Officer(session, clock, birth="2008-12-20")
    _compulsory(minor)
    assert minor.due("25/11/2026 09:00", "D38") == ["21/12/2026 00:00"]
    minor.rec(
        "compulsory.facility_assigned",
        "21/12/2026 09:00",
        authority="FACILITY",
        decision_no="7",
        facility="Cơ sở người thành niên",
        adult_transfer=True,
    )
    assert minor.due("21/12/2026 10:00", "D38") == []
    _verified(session)


def test_moving_during_management_continues_the_term_at_the_destination(
    session: CaseSession, clock: FrozenClock
) -> None:
    origin = Officer(session, clock)
    _managed(origin)
    term_end = origin.state("01/09/2026 08:00").measures[-1].term_end()
    origin.rec("person.moved_out", "01/09/2026 09:00", destination="Xã Bình An")
    assert origin.due("01/09/2026 10:00", "D08") == ["02/09/2026 09:00"]
    destination = Officer(session, clock)
    destination.rec(
        "person.moved_in",
        "02/09/2026 09:00",
        origin="Xã Tân An",
        continuing="USER_MGMT",
        term_end="2027-07-07",
    )
    destination.rec("mgmt.decided", "02/09/2026 14:00", reason="TRANSFER_IN", **MGMT)
    moved = destination.state("02/09/2026 15:00").measures[-1]
    assert local(moved.term_end()) == local(term_end)
    _verified(session)


def test_a_legacy_r2021_measure_keeps_its_old_durations(officer: Officer) -> None:
    officer.clock.current = at("01/03/2026 07:00")
    officer.rec("test.performed", "03/03/2026 09:00", **URINE, result="POSITIVE")
    assert officer.due("03/03/2026 10:00", "D01") == ["07/03/2026 00:00"]  # 3 working days
    officer.rec("assessment.requested", "05/03/2026 09:00", case="a", facility="TTYT")
    officer.rec(
        "assessment.result", "07/03/2026 09:00", result="ADDICTED", notified_at="07/03/2026 09:00"
    )
    assert officer.due("07/03/2026 10:00", "D09") == ["12/03/2026 09:00"]  # 5 days (R2021)
    officer.rec(
        "rehab.registered", "09/03/2026 09:00", form="HOME", channel="IN_PERSON", registrant="SELF"
    )
    with pytest.raises(RefusedError, match="T23"):
        officer.rec("rehab.decided", "09/03/2026 15:00", decision_no="22", form="HOME")
    officer.rec("rehab.decided", "09/03/2026 15:00", decision_no="22", form="HOME", term_months=9)
    officer.rec("rehab.started", "10/03/2026 09:00")
    rehab = officer.state("10/03/2026 10:00").measures[-1]
    assert (rehab.regime.value, local(rehab.term_end())) == ("R2021", "11/12/2026 00:00")
    _verified(officer.session)


def test_an_e_monitoring_violation_escalates_to_compulsory(officer: Officer) -> None:
    _home_rehab(officer)
    officer.rec(
        "emon.decided",
        "09/07/2026 15:00",
        decision_no="02/QĐ-CAX",
        basis="VOL_HOME",
        officer="Trần Văn An",
    )
    officer.rec("emon.fitted", "10/07/2026 09:00", device_no="GS-001", position="ANKLE")
    first = officer.rec("emon.violation", "01/09/2026 08:00", code="c")
    officer.rec("emon.violation_fixed", "01/09/2026 15:00", violation=first)
    assert officer.state("02/09/2026 09:00").status is Status.S6
    officer.rec("emon.violation", "10/09/2026 08:00", code="c")  # the 2nd removal: not complying
    state = officer.state("10/09/2026 09:00")
    assert state.status is Status.S10
    assert [m.case for m in state.measures if m.kind is MeasureKind.COMPULSORY] == ["dd"]
    _verified(officer.session)


def test_voiding_a_wrong_record_recomputes_the_file(officer: Officer) -> None:
    wrong = officer.rec("test.performed", "06/07/2026 08:00", **URINE, result="POSITIVE")
    assert officer.state("06/07/2026 09:00").status is Status.S2
    done = void_event(officer.session, wrong, "Nhập nhầm người")
    assert done.state.status is Status.S0 and not done.state.deadlines
    with pytest.raises(RefusedError):
        void_event(officer.session, wrong, "lần nữa")
    _verified(officer.session)


def test_the_due_list_groups_overdue_today_and_upcoming(officer: Officer) -> None:
    officer.rec("test.performed", "06/07/2026 08:00", **URINE, result="POSITIVE")
    officer.clock.current = at("07/07/2026 09:00")
    found = due_list(officer.session)
    assert [item.code for item in found.overdue] == ["D01"]
    officer.rec(
        "residence.verified", "07/07/2026 09:30", result="STABLE", criterion="REGISTERED_ADDRESS"
    )
    found = due_list(officer.session)
    assert not found.overdue and [item.code for item in found.upcoming + found.today] == ["D02"]
