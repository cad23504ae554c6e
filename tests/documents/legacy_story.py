"""A file begun under the legacy rules (before 1/7/2026): the Decree 105/2021 forms.

Mai is tested in March 2025, notified to the People's Committee chairman, who decides a year of
management (his number, 12/QĐ-UBND) and ends it in March 2026. Nam is decided on in April 2025,
found addicted in August, and a vice chairman stops his management. Every value a form prints
is set here, so each test names the exact text it expects.
"""

from __future__ import annotations

import dataclasses

from caseterm.clock import FrozenClock
from caseterm.domain.dates import PartialDate
from caseterm.services.documents.header import set_header
from caseterm.services.registry.persons import add_person
from caseterm.services.session.case_session import CaseSession
from tests.documents.story import ANH, BINH, HEADER, TEAM, record_lives
from tests.lifecycle.life import Life, at

MAI = dataclasses.replace(
    ANH, full_name="Đỗ Thị Mai", id_number="027192003333", birth=PartialDate(1992, 9, 14),
    family=(),
)  # fmt: skip
NAM = dataclasses.replace(
    BINH, full_name="Vũ Văn Nam", id_number="027093008888", birth=PartialDate(1993, 1, 30)
)
CHAIR = "Trần Văn Chủ"
OFFICER = "Thiếu úy Phan Văn Tư"
VICE_CHAIR = "Lê Thị Phó"
LEGACY_SUMMARY = "Ngày 10/3/2025, Công an xã phát hiện Mai sử dụng ma túy tại nhà riêng."
MAI_ID = ["ĐỖ THỊ MAI", "14/09/1992", "027192003333", "Số CMND/CCCD/Hộ chiếu: 027192003333"]
NAM_ID = ["VŨ VĂN NAM", "30/01/1993", "027093008888"]
COMMITTEE = ["ỦY BAN NHÂN DÂN XÃ TÂN AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
OLD_LAW = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"
NEW_LAW = "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15"
ND105 = "Căn cứ Nghị định số 105/2021/NĐ-CP ngày 04 tháng 12 năm 2021"


def mai_life() -> Life:
    """Tested, notified to the chairman, a year of management he decided and ended."""
    life = Life()
    life.rec("test.performed", "10/03/2025 08:00", ground="h", sample="URINE", result="POSITIVE",
             substances=["Heroine"], slip_no="07/PKQ", tester="Thiếu úy Phan Văn Tư",
             place="Trụ sở Công an xã Tân An", summary=LEGACY_SUMMARY)  # fmt: skip
    life.rec("residence.verified", "10/03/2025 12:00", result="STABLE",
             criterion="REGISTERED_ADDRESS")  # fmt: skip
    life.rec("use.notice_sent", "11/03/2025 09:00",
             recipient="Chủ tịch Ủy ban nhân dân xã Tân An")  # fmt: skip
    life.rec("mgmt.decided", "13/03/2025 10:00", reason="NEW", decision_no="12/QĐ-UBND",
             signer=CHAIR, officer=OFFICER, team=TEAM, summary=LEGACY_SUMMARY)  # fmt: skip
    life.rec("mgmt.terminated", "16/03/2026 09:00", decision_no="31/QĐ-UBND", signer=CHAIR)
    return life


def nam_life() -> Life:
    """Decided on, used again, found addicted: a vice chairman stops management."""
    life = Life()
    life.rec("test.performed", "02/04/2025 08:00", ground="h", sample="URINE", result="POSITIVE")
    life.rec("residence.verified", "02/04/2025 12:00", result="STABLE",
             criterion="REGISTERED_ADDRESS")  # fmt: skip
    life.rec("use.notice_sent", "03/04/2025 09:00",
             recipient="Chủ tịch Ủy ban nhân dân xã Tân An")  # fmt: skip
    life.rec("mgmt.decided", "07/04/2025 10:00", reason="NEW", decision_no="20/QĐ-UBND",
             signer=CHAIR, officer=OFFICER, team=TEAM[:1], summary=LEGACY_SUMMARY)  # fmt: skip
    life.rec("test.performed", "01/08/2025 08:00", ground="h", sample="URINE", result="POSITIVE")
    life.rec("assessment.requested", "01/08/2025 16:00", case="c", facility="Trung tâm Y tế")
    life.rec("assessment.result", "05/08/2025 09:00", result="ADDICTED",
             notified_at=at("05/08/2025 10:00"))  # fmt: skip
    life.rec("mgmt.stopped", "06/08/2025 14:00", decision_no="45/QĐ-UBND", reason="ADDICTED",
             signer=VICE_CHAIR, deputy=True)  # fmt: skip
    return life


OANH = dataclasses.replace(
    ANH, full_name="Lê Thị Oanh", id_number="027194002222", birth=PartialDate(1994, 4, 4),
    family=(),
)  # fmt: skip


def oanh_life() -> Life:
    """Decided on in May 2025, moves to another commune in September: the chairman sends the
    file on (ND105 Mẫu 08)."""
    life = Life()
    life.rec("test.performed", "05/05/2025 08:00", ground="h", sample="URINE", result="POSITIVE")
    life.rec("residence.verified", "05/05/2025 12:00", result="STABLE",
             criterion="REGISTERED_ADDRESS")  # fmt: skip
    life.rec("use.notice_sent", "06/05/2025 09:00",
             recipient="Chủ tịch Ủy ban nhân dân xã Tân An")  # fmt: skip
    life.rec("mgmt.decided", "08/05/2025 10:00", reason="NEW", decision_no="22/QĐ-UBND",
             signer=CHAIR, officer=OFFICER, team=TEAM[:1], summary=LEGACY_SUMMARY)  # fmt: skip
    life.rec("person.moved_out", "01/09/2025 09:00", destination="xã Hòa Bình, tỉnh Bắc Ninh")
    return life


def seed_legacy_story(session: CaseSession, clock: FrozenClock) -> dict[str, str]:
    """Mai and Nam in the store, recorded as their paper files say: name → person id."""
    clock.current = at("01/03/2025 07:00")
    set_header(session, HEADER)
    mai = add_person(session, MAI, confirm=True)
    nam = add_person(session, NAM, confirm=True)
    oanh = add_person(session, OANH, confirm=True)
    record_lives(session, clock, {mai: mai_life(), nam: nam_life(), oanh: oanh_life()})
    clock.current = at("20/04/2026 10:00")
    return {"mai": mai, "nam": nam, "oanh": oanh}


LEGACY: dict[str, tuple[str, dict[str, str], list[str]]] = {
    "ND105-08": (
        "oanh",
        {"notice_no": "07/TB-UBND", "signer": CHAIR},
        [
            "LÊ THỊ OANH",
            *COMMITTEE,
            "Số: 07/TB-UBND",
            "Kính gửi: Chủ tịch Ủy ban nhân dân xã Hòa Bình, tỉnh Bắc Ninh",
            "theo Quyết định số 22/QĐ-UBND ngày 08/05/2025 của Chủ tịch Ủy ban nhân dân xã Tân An",
            "Thời gian quản lý từ ngày 08/05/2025 đến ngày",
            "DANH MỤC TÀI LIỆU TRONG HỒ SƠ QUẢN LÝ",
            "Quyết định áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy số "
            "22/QĐ-UBND ngày 08/05/2025",
            "- Chủ tịch Ủy ban nhân dân xã Hòa Bình, tỉnh Bắc Ninh;",
            CHAIR,
        ],
    ),
    "ND105-03": (
        "mai",
        {},
        [
            *MAI_ID,
            "PHIẾU KẾT QUẢ",
            LEGACY_SUMMARY,
            "Thiếu úy Phan Văn Tư",
            "☒ Dương tính",
            "☐ Âm tính",
            "NGƯỜI TIẾN HÀNH XÉT NGHIỆM",
            "THỦ TRƯỞNG CƠ QUAN",
            "Thiếu tá Nguyễn Văn Hùng",
        ],
    ),
    "ND105-04": (
        "mai",
        {"summary": "Sử dụng ma túy tại nhà riêng."},
        [
            *MAI_ID,
            "CÔNG AN XÃ TÂN AN",
            "Số: 01/TB-CAX",
            "Kính gửi: Chủ tịch Ủy ban nhân dân xã Tân An",
            "ngày 10/03/2025 là dương tính",
            "Sử dụng ma túy tại nhà riêng.",
            "ngày 11 tháng 3 năm 2025",
        ],
    ),
    "ND105-05": (
        "mai",
        {},
        [
            "1. Họ và tên: ĐỖ THỊ MAI",
            "Ảnh 3x4",
            "8. Số CMND/CCCD/Hộ chiếu: 027192003333",
            "NGƯỜI LẬP BẢN TÓM TẮT LÝ LỊCH",
            "Thiếu tá Nguyễn Văn Hùng",
        ],
    ),
    "ND105-06": (
        "mai",
        {},
        ["Tên tôi là: ĐỖ THỊ MAI", "giáo dục tại xã, phường, thị trấn", "NGƯỜI TƯỜNG TRÌNH"],
    ),
    "ND105-07": (
        "mai",
        {},
        [
            *MAI_ID,
            *COMMITTEE,
            "Số: 12/QĐ-UBND",
            OLD_LAW,
            ND105,
            "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN AN",
            "Xét đề nghị của Trưởng Công an xã Tân An",
            "là 01 năm, kể từ ngày 13/03/2025",
            LEGACY_SUMMARY,
            "Đ/c Thiếu úy Phan Văn Tư, Công an xã Tân An - Tổ trưởng",
            "ngày 13 tháng 3 năm 2025",
            CHAIR,
            "- Công an xã Tân An;",
        ],
    ),
    "ND105-09": (
        "nam",
        {},
        [
            *NAM_ID,
            *COMMITTEE,
            "Số: 45/QĐ-UBND",
            NEW_LAW,
            "số 20/QĐ-UBND ngày 07/04/2025 của Chủ tịch Ủy ban nhân dân xã Tân An",
            "☒ Kết quả xác định tình trạng nghiện là có nghiện",
            "☐ Phải thi hành án phạt tù",
            "kể từ ngày 06/08/2025",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            VICE_CHAIR,
            "- Gia đình người có tên tại Điều 1;",
        ],
    ),
    "ND105-10": (
        "mai",
        {},
        [
            *MAI_ID,
            *COMMITTEE,
            "Số: 31/QĐ-UBND",
            NEW_LAW,
            "theo Quyết định số 12/QĐ-UBND ngày 13/03/2025 của Chủ tịch Ủy ban nhân dân xã Tân An",
            CHAIR,
        ],
    ),
}
"""Each legacy form: whose file, the values given, the text it must print."""
