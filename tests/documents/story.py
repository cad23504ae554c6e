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


def _record(session: CaseSession, clock: FrozenClock, lives: dict[str, Life]) -> None:
    """Record several lives in time order, the clock following (it never goes back)."""
    merged = sorted(((e, pid) for pid, life in lives.items() for e in life.events),
                    key=lambda pair: pair[0].occurred_at)  # fmt: skip
    for event, pid in merged:
        clock.current = max(clock.current, event.occurred_at + timedelta(minutes=1))
        payload = event.payload.model_dump(mode="json", exclude_none=True)
        record_event(session, pid, event.type, payload, occurred_at=event.occurred_at)


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
             condition="Hoạt động bình thường")  # fmt: skip
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
    _record(session, clock, {anh: anh_life(), binh: binh_life(), cuong: cuong_life()})
    clock.current = at("20/10/2027 10:00")
    return {"anh": anh, "binh": binh, "cuong": cuong}


@pytest.fixture
def out_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The officer's own folder (the temp-folder refusal is tested on its own)."""
    monkeypatch.setattr(making, "temp_folders", lambda: ())
    folder = tmp_path / "Văn bản"
    folder.mkdir()
    return folder
