"""One scripted case for the documents: two persons, their records and lives, the unit header.

Ánh goes through user management: a positive test, the management decision, its end a year
later. Bình registers for voluntary rehab at home and is put under e-monitoring. Cường is
found addicted while under management, which stops it. Every value a form prints is set here,
so each test can name the exact text it expects.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.domain.codes import IdType, Sex
from caseterm.domain.dates import PartialDate
from caseterm.domain.person import FamilyMember
from caseterm.services.documents import making
from caseterm.services.documents.header import set_header
from caseterm.services.lifecycle.events import record_event
from caseterm.services.registry.persons import add_person
from caseterm.services.session.case_session import CaseSession
from tests.conftest import person
from tests.lifecycle.life import Life, at

HEADER = {
    "province_police": "Công an tỉnh Bắc Ninh",
    "commune": "xã Tân An",
    "place": "Tân An",
    "advising_unit": "Cán bộ phụ trách địa bàn",
    "chief_name": "Nguyễn Văn Hùng",
    "chief_rank": "Thiếu tá",
}
ANH = person(
    "Nguyễn Thị Ngọc Ánh",
    sex=Sex.FEMALE,
    birth=PartialDate(1990, 3, 5),
    id_type=IdType.CCCD,
    id_number="027190001234",
    id_issue_date=PartialDate(2021, 8, 10),
    id_issue_place="Cục Cảnh sát QLHC về TTXH",
    birth_place="Bắc Ninh",
    origin_place="xã Tân An, tỉnh Bắc Ninh",
    permanent_address="Thôn Đông, xã Tân An, tỉnh Bắc Ninh",
    current_address="Số 12 Thôn Đông, xã Tân An",
    ethnicity="Kinh",
    education="12/12",
    occupation="Lao động tự do",
    family=(
        FamilyMember("father", "Nguyễn Văn Tám", 1962, "027062000111", "Làm ruộng", "Thôn Đông"),
        FamilyMember("mother", "Lê Thị Hoa", 1965),
    ),
)
BINH = person(
    "Trần Văn Bình",
    birth=PartialDate(1995, 11, 20),
    id_number="027095004321",
    id_issue_date=PartialDate(2022, 1, 15),
    id_issue_place="Cục Cảnh sát QLHC về TTXH",
    birth_place="Hà Nội",
    origin_place="Hà Nội",
    permanent_address="Thôn Tây, xã Tân An, tỉnh Bắc Ninh",
    current_address="Thôn Tây, xã Tân An",
    ethnicity="Tày",
    religion="Phật giáo",
    education="9/12",
    occupation="Thợ xây",
)
CUONG = dataclasses.replace(
    BINH, full_name="Lê Văn Cường", id_number="027096005555", birth=PartialDate(1996, 2, 2)
)
TEAM = ["Phạm Văn Sơn", "Nguyễn Văn Tám", "Hoàng Thị Lan"]
SUMMARY = "Ngày 06/7/2026, tổ tuần tra phát hiện Ánh có biểu hiện sử dụng ma túy tại bãi sông."


def record_lives(session: CaseSession, clock: FrozenClock, lives: dict[str, Life]) -> None:
    """Record several lives in time order, the clock following (it never goes back)."""
    merged = sorted(((e, pid) for pid, life in lives.items() for e in life.events),
                    key=lambda pair: pair[0].occurred_at)  # fmt: skip
    stored: dict[str, str] = {}  # the scripted life's event ids → the store's
    for event, pid in merged:
        clock.current = max(clock.current, event.occurred_at + timedelta(minutes=1))
        payload = event.payload.model_dump(mode="json", exclude_none=True)
        payload = {k: stored.get(v, v) if isinstance(v, str) else v for k, v in payload.items()}
        made = record_event(session, pid, event.type, payload, occurred_at=event.occurred_at)
        stored[event.id] = made.event_id


def anh_life() -> Life:
    """Tested positive, decided on with an automatic number, ended after the year."""
    life = Life()
    life.rec("test.performed", "06/07/2026 08:00", ground="h", sample="URINE", result="POSITIVE",
             substances=["Methamphetamine"], slip_no="15/PKQ", tester="Trung úy Lê Văn Bình",
             place="Trụ sở Công an xã Tân An", summary=SUMMARY)  # fmt: skip
    life.rec("residence.verified", "06/07/2026 12:00", result="STABLE",
             criterion="REGISTERED_ADDRESS")  # fmt: skip
    life.rec("use.notice_sent", "06/07/2026 14:00", recipient="Trưởng Công an xã Tân An")
    life.rec("mgmt.decided", "06/07/2026 16:00", reason="NEW", decision_no="auto",
             officer="Trung úy Lê Văn Bình", team=TEAM, summary=SUMMARY)  # fmt: skip
    life.rec("mgmt.terminated", "07/07/2027 09:00", decision_no="auto")
    return life


def binh_life() -> Life:
    """Addicted, voluntary rehab at home, e-monitored, the device fitted."""
    life = Life()
    life.rec("assessment.requested", "01/08/2026 08:00", case="a", facility="Trung tâm Y tế")
    life.rec("assessment.result", "03/08/2026 08:00", result="ADDICTED",
             notified_at=at("03/08/2026 08:00"))  # fmt: skip
    life.rec("rehab.registered", "03/08/2026 11:00", form="HOME", channel="IN_PERSON",
             registrant="SELF")  # fmt: skip
    life.rec("rehab.decided", "03/08/2026 16:00", decision_no="auto", form="HOME",
             provider="Trạm Y tế xã Tân An", deputy=True, signer="Đỗ Minh Quân",
             signer_rank="Đại úy")  # fmt: skip
    life.rec("emon.decided", "03/08/2026 20:00", decision_no="auto", basis="VOL_HOME",
             officer="Trung úy Lê Văn Bình")  # fmt: skip
    life.rec("emon.fitted", "04/08/2026 09:00", device_no="GSĐT-00123", position="ANKLE",
             condition="Hoạt động bình thường", accessories="01 bộ sạc, 01 dây đeo")  # fmt: skip
    life.rec("emon.paused", "10/10/2026 09:00", reason="PRISON", decision_no="auto")
    life.rec("emon.ended", "20/10/2026 09:00", reason="ENTERED_FACILITY", decision_no="auto")
    return life


def cuong_life() -> Life:
    """Under management, used again, found addicted: management stops (III-08)."""
    life = Life()
    life.rec("test.performed", "10/08/2027 08:00", ground="h", sample="URINE", result="POSITIVE")
    life.rec("residence.verified", "10/08/2027 12:00", result="STABLE",
             criterion="REGISTERED_ADDRESS")  # fmt: skip
    life.rec("use.notice_sent", "10/08/2027 14:00", recipient="Trưởng Công an xã Tân An")
    life.rec("mgmt.decided", "10/08/2027 16:00", reason="NEW", decision_no="auto",
             officer="Trung úy Lê Văn Bình", team=TEAM[:1], summary=SUMMARY)  # fmt: skip
    life.rec("test.performed", "01/10/2027 08:00", ground="h", sample="URINE", result="POSITIVE")
    life.rec("mgmt.decided", "01/10/2027 15:00", reason="REUSE_RESET", decision_no="auto",
             officer="Trung úy Lê Văn Bình", team=TEAM[:1], summary=SUMMARY)  # fmt: skip
    life.rec("assessment.requested", "01/10/2027 16:00", case="c", facility="Trung tâm Y tế")
    life.rec("assessment.result", "03/10/2027 09:00", result="ADDICTED",
             notified_at=at("03/10/2027 10:00"))  # fmt: skip
    life.rec("mgmt.stopped", "03/10/2027 14:00", decision_no="auto", reason="ADDICTED")
    return life


def seed_story(session: CaseSession, clock: FrozenClock) -> dict[str, str]:
    """Ánh, Bình and Cường in the store, the unit header set: name → person id."""
    clock.current = at("01/07/2026 07:00")
    set_header(session, HEADER)
    anh = add_person(session, ANH, confirm=True)
    binh = add_person(session, BINH, confirm=True)
    cuong = add_person(session, CUONG, confirm=True)
    record_lives(session, clock, {anh: anh_life(), binh: binh_life(), cuong: cuong_life()})
    clock.current = at("20/10/2027 10:00")
    return {"anh": anh, "binh": binh, "cuong": cuong}


@pytest.fixture
def out_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The officer's own folder (the temp-folder refusal is tested on its own)."""
    monkeypatch.setattr(making, "temp_folders", lambda: ())
    folder = tmp_path / "Văn bản"
    folder.mkdir()
    return folder


DUNG = dataclasses.replace(
    BINH,
    full_name="Phạm Văn Dũng",
    id_number="027097006666",
    birth=PartialDate(1997, 4, 9),
    aliases=("Dũng Còi",),
)
HA = dataclasses.replace(
    ANH,
    full_name="Đỗ Thị Hà",
    id_number="027198007777",
    birth=PartialDate(1998, 6, 1),
    family=(),
)
FACILITY = "Cơ sở cai nghiện ma túy số 1 tỉnh Bắc Ninh"
COURT = "Tòa án nhân dân khu vực 1 - Bắc Ninh"
NO_EXEMPTION = {"no_capacity": False, "pregnant": False, "carer_of_child_under_36_months": False}


def dung_life() -> Life:
    """Addicted, never registers: the compulsory dossier is built and sent to the court."""
    life = Life()
    life.rec("assessment.requested", "01/11/2027 08:00", case="a", facility="Trung tâm Y tế")
    life.rec("assessment.result", "02/11/2027 08:00", result="ADDICTED",
             notified_at=at("02/11/2027 08:00"))  # fmt: skip
    life.rec("compulsory.ground_found", "04/11/2027 09:00", ground="a",
             last_violation_at=at("04/11/2027 09:00"), **NO_EXEMPTION)  # fmt: skip
    life.rec("compulsory.custody_decided", "04/11/2027 11:00", decision_no="auto",
             facility=FACILITY)  # fmt: skip
    life.rec("compulsory.record_made", "05/11/2027 09:00", kind="ORAL_STATEMENT",
             second_officer="Hạ sĩ Vũ Văn Khánh")  # fmt: skip
    life.rec("compulsory.dossier_notified", "05/11/2027 15:00", delivered_to="PERSON", pages=24)
    life.rec("compulsory.sent_to_court", "11/11/2027 09:00", decision_no="auto", court=COURT)
    life.rec("compulsory.court_decided", "20/11/2027 09:00", outcome="ORDERED", court=COURT,
             decision_no="25/2027/QĐ-TA", term_months=24)  # fmt: skip
    life.rec("compulsory.facility_requested", "20/11/2027 15:00")
    life.rec("compulsory.facility_assigned", "22/11/2027 09:00", authority="GDCAT",
             decision_no="30/QĐ-CAT", facility=FACILITY)  # fmt: skip
    life.rec("compulsory.transported", "25/11/2027 09:00", facility=FACILITY)
    return life


def ha_life() -> Life:
    """Home rehab for 24 months under e-monitoring (one violation, I-18), then a year of
    post-rehab, completed (V-52, V-57)."""
    life = Life()
    life.rec("assessment.requested", "01/11/2027 08:00", case="a", facility="Trung tâm Y tế")
    life.rec("assessment.result", "02/11/2027 08:00", result="ADDICTED",
             notified_at=at("02/11/2027 08:00"))  # fmt: skip
    life.rec("rehab.registered", "02/11/2027 11:00", form="HOME", channel="IN_PERSON",
             registrant="SELF")  # fmt: skip
    life.rec("rehab.decided", "02/11/2027 16:00", decision_no="auto", form="HOME",
             provider="Trạm Y tế xã Tân An")  # fmt: skip
    life.rec("emon.decided", "02/11/2027 20:00", decision_no="auto", basis="VOL_HOME",
             officer="Trung úy Lê Văn Bình")  # fmt: skip
    life.rec("emon.fitted", "03/11/2027 09:00", device_no="GSĐT-00456", position="WRIST")
    life.rec("rehab.started", "03/11/2027 12:00", provider="Trạm Y tế xã Tân An",
             provider_notice_at=at("03/11/2027 12:00"))  # fmt: skip
    violation = life.rec("emon.violation", "20/11/2027 22:30", code="c")
    life.rec("emon.violation_fixed", "21/11/2027 08:00", violation=violation)
    life.rec("emon.removed_temporarily", "10/12/2027 08:00", reason="MEDICAL",
             until=at("12/12/2027 17:00"))  # fmt: skip
    life.rec("emon.refitted", "12/12/2027 10:00", accessories="01 bộ sạc")
    life.rec("emon.position_changed", "15/01/2028 09:00", position="ANKLE")
    life.rec("emon.device_replaced", "20/02/2028 09:00", device_no="GSĐT-00789",
             returned="thiết bị GSĐT-00456 bị hỏng", accessories="01 bộ sạc mới")  # fmt: skip
    life.rec("emon.exempted", "01/12/2028 09:00", decision_no="auto")
    life.rec("completion.notice_received", "01/10/2029 09:00", completion_on="2029-11-05")
    life.rec("postrehab.proposed", "02/10/2029 09:00")
    life.rec("postrehab.decided", "10/10/2029 09:00", decision_no="15/QĐ-UBND",
             signer="Trần Văn Chủ")  # fmt: skip
    life.rec("postrehab.team_formed", "12/10/2029 09:00", decision_no="16/QĐ-UBND",
             signer="Trần Văn Chủ", leader="Trung úy Lê Văn Bình", vice_leader="Y sĩ Hoàng Thị Na",
             members=["Nguyễn Văn Hải - Đoàn Thanh niên xã"])  # fmt: skip
    life.rec("postrehab.helper_assigned", "13/10/2029 09:00", decision_no="17/QĐ-UBND",
             signer="Trần Văn Chủ", helper="Nguyễn Thị Hạnh, Hội Phụ nữ xã",
             helpers_decision="03/QĐ-UBND ngày 05/01/2029")  # fmt: skip
    life.rec("rehab.completed", "05/11/2029 09:00", certificate_no="28/GCN")
    life.rec("postrehab.completed", "05/11/2030 10:00", certificate_no="56/GCN-UBND")
    return life


KHANH = dataclasses.replace(
    BINH, full_name="Ngô Văn Khánh", id_number="027099002222", birth=PartialDate(1999, 7, 7)
)
CUSTODY = "số 05/QĐ-TG ngày 01/03/2028 của Cơ quan Cảnh sát điều tra Công an tỉnh Bắc Ninh"
DESTINATION = "xã Hòa Bình, tỉnh Bắc Ninh"


def khanh_life() -> Life:
    """Under management, held in custody for 3 days (III-07), then moves away (III-06)."""
    life = Life()
    life.rec("test.performed", "01/02/2028 08:00", ground="h", sample="URINE",
             result="POSITIVE", slip_no="31/PKQ")  # fmt: skip
    life.rec("residence.verified", "01/02/2028 12:00", result="STABLE",
             criterion="REGISTERED_ADDRESS")  # fmt: skip
    life.rec("use.notice_sent", "01/02/2028 14:00", recipient="Trưởng Công an xã Tân An")
    life.rec("mgmt.decided", "01/02/2028 16:00", reason="NEW", decision_no="auto",
             officer="Trung úy Lê Văn Bình", team=TEAM[:1], summary=SUMMARY)  # fmt: skip
    life.rec("mgmt.suspended", "01/03/2028 15:00", decision_no="auto",
             custody_started=at("01/03/2028 10:00"), custody_kind="DETENTION",
             custody_until="2028-03-03", custody_decision=CUSTODY)  # fmt: skip
    life.rec("mgmt.resumed", "03/03/2028 18:00", custody_ended=at("03/03/2028 17:00"))
    life.rec("person.moved_out", "10/04/2028 09:00", destination=DESTINATION)
    return life


LAM = dataclasses.replace(
    BINH, full_name="Phùng Văn Lâm", id_number="027091004444", birth=PartialDate(1991, 1, 11)
)
ORIGIN_EMON = "số 12/QĐ-CAX ngày 02/11/2027 của Trưởng Công an xã Hòa Bình"


def lam_life() -> Life:
    """Moves in under home rehab with a device on: the commune takes over (I-17)."""
    life = Life()
    life.rec("person.moved_in", "01/06/2028 08:00", origin="xã Hòa Bình",
             continuing="VOLUNTARY_REHAB", term_end="2029-12-01", form="HOME")  # fmt: skip
    life.rec("rehab.decided", "01/06/2028 16:00", decision_no="auto", form="HOME",
             continuation=True, provider="Trạm Y tế xã Tân An")  # fmt: skip
    life.rec("emon.received", "02/06/2028 09:00", decision_no="auto", basis="VOL_HOME",
             origin_decision=ORIGIN_EMON, officer="Trung úy Lê Văn Bình",
             term_end="2029-12-01")  # fmt: skip
    return life


QUY = dataclasses.replace(
    BINH, full_name="Hồ Văn Quý", id_number="027090006666", birth=PartialDate(1990, 9, 9)
)


def quy_life() -> Life:
    """Voluntary rehab in a public facility: handed over with his file (V-31)."""
    life = Life()
    life.rec("assessment.requested", "01/09/2028 08:00", case="a", facility="Trung tâm Y tế")
    life.rec("assessment.result", "02/09/2028 08:00", result="ADDICTED",
             notified_at=at("02/09/2028 08:00"))  # fmt: skip
    life.rec("rehab.registered", "02/09/2028 11:00", form="PUBLIC", channel="IN_PERSON",
             registrant="SELF")  # fmt: skip
    life.rec("rehab.decided", "02/09/2028 16:00", decision_no="auto", form="PUBLIC")
    life.rec("rehab.facility_requested", "02/09/2028 18:00")
    life.rec("rehab.facility_assigned", "04/09/2028 09:00", authority="GDCAT",
             decision_no="95/QĐ-CNMTTN", facility=FACILITY)  # fmt: skip
    life.rec("rehab.started", "05/09/2028 09:00", provider=FACILITY,
             provider_notice_at=at("05/09/2028 09:00"))  # fmt: skip
    return life


TI = dataclasses.replace(
    KHANH, full_name="Ngô Văn Tí", id_number="027212001111", birth=PartialDate(2012, 5, 5)
)


def ti_life() -> Life:
    """A minor's compulsory dossier: no statement from the parents (V-40), notice refused
    (V-41)."""
    life = Life(birth="2012-05-05")
    life.rec("assessment.requested", "01/03/2028 08:00", case="a", facility="Trung tâm Y tế")
    life.rec("assessment.result", "02/03/2028 08:00", result="ADDICTED",
             notified_at=at("02/03/2028 08:00"))  # fmt: skip
    life.rec("compulsory.ground_found", "04/03/2028 09:00", ground="a",
             last_violation_at=at("04/03/2028 09:00"), **NO_EXEMPTION)  # fmt: skip
    life.rec("compulsory.record_made", "05/03/2028 09:00", kind="NO_STATEMENT",
             witnesses="Ông Lò Văn Sáu, làm ruộng, Thôn Đông")  # fmt: skip
    life.rec("compulsory.record_made", "06/03/2028 09:00", kind="NOTICE_REFUSED",
             witnesses="Bà Lê Thị Hoa, buôn bán, Thôn Đông")  # fmt: skip
    return life


def seed_later_story(session: CaseSession, clock: FrozenClock) -> dict[str, str]:
    """The scripted case, then Dũng's compulsory dossier, Hà's rehab and post-rehab, and
    Khánh's custody and move."""
    ids = seed_story(session, clock)
    ids["dung"] = add_person(session, DUNG, confirm=True)
    ids["ha"] = add_person(session, HA, confirm=True)
    ids["khanh"] = add_person(session, KHANH, confirm=True)
    ids["lam"] = add_person(session, LAM, confirm=True)
    ids["ti"] = add_person(session, TI, confirm=True)
    ids["quy"] = add_person(session, QUY, confirm=True)
    lives = {ids["dung"]: dung_life(), ids["ha"]: ha_life(), ids["khanh"]: khanh_life(),
             ids["lam"]: lam_life(), ids["ti"]: ti_life(), ids["quy"]: quy_life()}  # fmt: skip
    record_lives(session, clock, lives)
    clock.current = at("20/11/2030 10:00")
    return ids
