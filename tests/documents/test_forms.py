"""Issue 23: every shipped form rendered from the scripted case, opened with python-docx, and
checked field by field — nothing unrendered, nothing the law requires left blank."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm

from caseterm.clock import FrozenClock
from caseterm.services.documents.making import make_document
from caseterm.services.documents.render import LEFTOVER_MARKS, document_text
from caseterm.services.documents.templates import active_set
from caseterm.services.session.case_session import CaseSession
from tests.documents.legacy_story import LEGACY, seed_legacy_story
from tests.documents.story import (
    COURT,
    CUSTODY,
    FACILITY,
    ORIGIN_EMON,
    SUMMARY,
    TEAM,
    seed_later_story,
    seed_story,
)

ANH_ID = [
    "NGUYỄN THỊ NGỌC ÁNH",
    "Giới tính: Nữ",
    "05/03/1990",
    "027190001234",
    "ngày cấp: 10/08/2021",
    "Thôn Đông, xã Tân An, tỉnh Bắc Ninh",
]
BINH_ID = ["TRẦN VĂN BÌNH", "Giới tính: Nam", "20/11/1995", "027095004321"]
HEADER = ["CÔNG AN TỈNH BẮC NINH", "CÔNG AN XÃ TÂN AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "Độc lập - Tự do - Hạnh phúc"]  # fmt: skip
ND163 = "Nghị định số 163/2026/NĐ-CP ngày 15 tháng 5 năm 2026"
LAW = "Luật Phòng, chống ma túy số 120/2025/QH15"
OFFICER = {"officer_title": "Cảnh sát khu vực", "officer_rank": "Trung úy"}

CUONG_ID = ["LÊ VĂN CƯỜNG", "02/02/1996", "027096005555"]
EXPECTED: dict[str, tuple[str, dict[str, str], list[str]]] = {
    "III-02": (
        "anh",
        {"summary": "Sử dụng trái phép chất ma túy tại bãi sông Đông."},
        [
            *ANH_ID,
            *HEADER,
            "Số: 01/TB-CAX",
            "THÔNG BÁO",
            "Kính gửi: Trưởng Công an xã Tân An",
            "Sử dụng trái phép chất ma túy tại bãi sông Đông.",
            "của Nguyễn Thị Ngọc Ánh ngày 06/07/2026 là dương tính",
        ],
    ),
    "III-08": (
        "cuong",
        {},
        [
            *CUONG_ID,
            *HEADER,
            "Số: 04/QĐ-CAX",
            "Dừng quản lý người sử dụng trái phép chất ma túy",
            "kể từ ngày 03/10/2027",
            "số 03/QĐ-CAX ngày 01/10/2027 của Trưởng Công an xã Tân An",
            "☒ Kết quả xác định tình trạng nghiện là có nghiện",
            "☐ Thi hành án phạt tù",
            "Tổ quản lý người sử dụng trái phép chất ma túy thành lập theo Quyết định áp dụng "
            "biện pháp quản lý người sử dụng trái phép chất ma túy số 03/QĐ-CAX",
        ],
    ),
    "III-01": (
        "anh",
        {},
        [
            *ANH_ID,
            *HEADER,
            "Số: 15/PKQ",
            "Tân An, ngày 06 tháng 7 năm 2026",
            SUMMARY,
            "Trung úy Lê Văn Bình",
            "Xét nghiệm nước tiểu",
            "Dương tính (Methamphetamine)",
            "☒ Dương tính",
            "☐ Âm tính",
            "Trụ sở Công an xã Tân An",
            "Thiếu tá Nguyễn Văn Hùng",
        ],
    ),
    "III-03": ("anh", {}, [*ANH_ID, "BẢN TƯỜNG TRÌNH", "Tân An, ngày 20 tháng 10 năm 2027"]),
    "III-04": (
        "anh",
        {},
        [
            *ANH_ID,
            *HEADER,
            "Số: 01/QĐ-CAX",
            "Tân An, ngày 06 tháng 7 năm 2026",
            "TRƯỞNG CÔNG AN XÃ TÂN AN",
            LAW,
            ND163,
            SUMMARY,
            "dương tính với chất ma túy trong cơ thể ngày 06/07/2026",
            "là 12 tháng, kể từ ngày 06/07/2026",
            f"Ông/bà: {TEAM[0]} - Đại diện Thôn/Tổ dân phố - Tổ phó",
            f"3. Ông/bà: {TEAM[1]} - Tổ viên",
            f"4. Ông/bà: {TEAM[2]} - Tổ viên",
            "- Ủy ban nhân dân xã Tân An;",
            "Thiếu tá Nguyễn Văn Hùng",
        ],
    ),
    "III-05": (
        "anh",
        {},
        [
            ANH_ID[0],
            *ANH_ID[2:],
            "Giới tính (Nam/Nữ): Nữ",
            "BẢN TÓM TẮT LÝ LỊCH",
            "Họ tên cha: Nguyễn Văn Tám",
            "Kinh: ☒",
            "Quốc tịch: Việt Nam",
        ],
    ),
    "III-09": (
        "anh",
        {},
        [
            *ANH_ID,
            *HEADER,
            "Số: 01/QĐ-CAX",
            "Tân An, ngày 07 tháng 7 năm 2027",
            "theo Quyết định số 01/QĐ-CAX ngày 06/07/2026 của Trưởng Công an xã Tân An",
            LAW,
            ND163,
        ],
    ),
    "V-33": ("anh", {}, [*ANH_ID[:5], "Họ, tên bố: Nguyễn Văn Tám; Tuổi: 65", "XÁC NHẬN"]),
    "V-23": (
        "anh",
        {**OFFICER, "officer": "Trung úy Lê Văn Bình"},
        [
            *ANH_ID[:5],
            "Quyết định số 01/QĐ-CAX ngày 07/07/2027 (Quyết định chấm dứt quản lý",
            "Chức vụ: Cảnh sát khu vực",
            "Quan hệ với người nghiện ma túy được quản lý: Bản thân",
        ],
    ),
    "V-22": (
        "binh",
        {},
        [
            *BINH_ID,
            *HEADER,
            "Số: 02/QĐ-CAX",
            "Tân An, ngày 03 tháng 8 năm 2026",
            "Theo đề nghị của Cán bộ phụ trách địa bàn",
            "từ ngày 03/08/2026 đến ngày 03/08/2028",
            "Tại gia đình, cộng đồng (Trạm Y tế xã Tân An)",
            "KT. TRƯỞNG CÔNG AN",
            "PHÓ TRƯỞNG CÔNG AN",
            "Đại úy Đỗ Minh Quân",
            "Phòng PC04 Công an tỉnh Bắc Ninh",
        ],
    ),
    "I-02": (
        "binh",
        OFFICER,
        [
            *BINH_ID,
            *HEADER,
            "Số: 03/QĐ-CAX",
            LAW,
            ND163,
            "Quyết định cai nghiện ma túy tự nguyện tại gia đình, cộng đồng số 02/QĐ-CAX",
            "theo Quyết định số 02/QĐ-CAX, kể từ ngày 04/08/2026",
            "Cấp bậc: Trung úy",
            "Chức vụ: Cảnh sát khu vực",
        ],
    ),
    "I-03": (
        "binh",
        {**OFFICER, "place": "Trụ sở Công an xã Tân An"},
        [
            *BINH_ID,
            "số 03/QĐ-CAX",
            "Số thiết bị: GSĐT-00123",
            "Vị trí đeo thiết bị: Cổ chân",
            "Hoạt động bình thường",
            "Phụ kiện kèm theo thiết bị: 01 bộ sạc, 01 dây đeo.",
            "hồi 09 giờ 00 phút, ngày 04 tháng 8 năm 2026",
        ],
    ),
    "I-04": (
        "binh",
        {},
        [
            *BINH_ID,
            "số 03/QĐ-CAX ngày 03/08/2026 của Trưởng Công an xã Tân An",
            "Kính gửi: Công an xã Tân An",
        ],
    ),
}

DUNG_ID = ["PHẠM VĂN DŨNG", "09/04/1997", "027097006666", "Tên gọi khác: Dũng Còi"]
HA_ID = ["ĐỖ THỊ HÀ", "Giới tính: Nữ", "01/06/1998", "027198007777"]
GROUND_A = ("Không đăng ký, không thực hiện hoặc tự ý chấm dứt cai nghiện ma túy tự nguyện "
            "(điểm a khoản 1 Điều 35 Luật Phòng, chống ma túy)")  # fmt: skip
WITNESS = "Ông Lò Văn Sáu, làm ruộng, Thôn Đông"
LATER: dict[str, tuple[str, dict[str, str], list[str]]] = {
    "I-18": (
        "ha",
        {
            "place": "Thôn Đông, xã Tân An",
            "officer_title": "Cảnh sát khu vực",
            "second_officer": "Hạ sĩ Vũ Văn Khánh",
            "witnesses": WITNESS,
            "summary": "Lúc 22 giờ 30 phút, Hà tự tháo thiết bị ra khỏi cổ tay.",
        },
        [
            *HA_ID,
            "BIÊN BẢN",
            "hồi 22 giờ 30 phút, ngày 20 tháng 11 năm 2027, tại Thôn Đông, xã Tân An",
            "Họ và tên: Trung úy Lê Văn Bình; Chức vụ: Cảnh sát khu vực",
            "Họ và tên: Hạ sĩ Vũ Văn Khánh",
            f"Với sự chứng kiến của: {WITNESS}",
            "Quyết định số 06/QĐ-CAX ngày 02/11/2027 của Trưởng Công an xã Tân An",
            "điểm c khoản 1 Điều 24 Nghị định số 163/2026/NĐ-CP",
            "Tự ý tháo thiết bị giám sát điện tử",
            "Hà tự tháo thiết bị ra khỏi cổ tay.",
        ],
    ),
    "V-32": (
        "dung",
        {"summary": "Không đăng ký cai nghiện trong thời hạn sau khi có kết quả xác định."},
        [
            *DUNG_ID[:3],
            *HEADER,
            "Số: 07/QĐ-CAX",
            "ngày 04 tháng 11 năm 2027",
            f"cho {FACILITY} quản lý trong thời gian lập hồ sơ",
            "đến khi có quyết định của Tòa án",
            f"Lý do: {GROUND_A}.",
            f"- {FACILITY};",
            LAW,
            ND163,
        ],
    ),
    "V-34": (
        "dung",
        {
            "place": "Trụ sở Công an xã Tân An",
            "officer": "Trung úy Lê Văn Bình",
            "officer_title": "Cảnh sát khu vực",
            "witnesses": WITNESS,
            "summary": "Không đến đăng ký cai nghiện tự nguyện.",
        },
        [
            *DUNG_ID,
            "BIÊN BẢN VI PHẠM",
            "hồi 09 giờ 00 phút, ngày 04 tháng 11 năm 2027, tại Trụ sở Công an xã Tân An",
            "Quốc tịch: Việt Nam",
            WITNESS,
            "thuộc trường hợp quy định tại điểm a khoản 1 Điều 35 Luật Phòng, chống ma túy",
            "thời điểm vi phạm: 09 giờ 00 phút, ngày 04/11/2027",
            "Không đến đăng ký cai nghiện tự nguyện.",
        ],
    ),
    "V-36": (
        "dung",
        {},
        [
            *DUNG_ID,
            *HEADER,
            "Số: 08/QĐ-CAX",
            f"Kính gửi: {COURT}",
            f"Lý do: {GROUND_A}.",
            "1. Bản tóm tắt lý lịch;",
            "2. Phiếu kết quả xác định tình trạng nghiện ma túy (02/11/2027);",
            "3. Quyết định giao người nghiện ma túy cho cơ sở quản lý trong thời gian lập hồ sơ "
            "(07/QĐ-CAX — 04/11/2027);",
            "4. Biên bản vi phạm (04/11/2027);",
            "(05/11/2027).",
            f"- {COURT};",
        ],
    ),
    "V-37": (
        "dung",
        {"recipient_name": "Ông Phạm Văn Dũng"},
        [
            "PHẠM VĂN DŨNG",
            "027097006666",
            *HEADER,
            "Số: 01/TB-CAX",
            "Kính gửi: Ông Phạm Văn Dũng (Người bị đề nghị áp dụng biện pháp)",
            "Trong thời hạn 03 ngày làm việc",
            GROUND_A,
        ],
    ),
    "V-52": (
        "ha",
        {
            "proposed_measures": "Tổ công tác giúp đỡ do Công an xã chủ trì.",
            "family_member": "Bà Đỗ Thị Mai (mẹ)",
        },
        [
            *HA_ID,
            *HEADER,
            "Số: 01/ĐN-CAX",
            "Kính gửi: Chủ tịch Ủy ban nhân dân xã Tân An",
            "Căn cứ thông báo ngày 01/10/2029",
            "Thời hạn quản lý sau cai nghiện ma túy: 12 tháng, kể từ ngày hoàn thành cai nghiện "
            "ma túy (05/11/2029).",
            "Thân nhân phối hợp quản lý: Bà Đỗ Thị Mai (mẹ).",
            "Tổ công tác giúp đỡ do Công an xã chủ trì.",
        ],
    ),
    "V-57": (
        "ha",
        {},
        [
            *HA_ID,
            *HEADER,
            "Số: 01/QĐ-CAX",
            "Đưa ra khỏi danh sách người bị quản lý sau cai nghiện ma túy kể từ ngày 05/11/2030",
            "số 15/QĐ-UBND ngày 10/10/2029 của Chủ tịch Ủy ban nhân dân xã Tân An",
            "số 56/GCN-UBND",
            "điểm a khoản 4 Điều 48",
            "- Ông/bà Đỗ Thị Hà;",
        ],
    ),
}
KHANH_ID = ["NGÔ VĂN KHÁNH", "07/07/1999", "027099002222"]
LATER["III-07"] = (
    "khanh",
    {"custody_term": "03 ngày"},
    [*KHANH_ID, *HEADER, "Tạm đình chỉ quản lý người sử dụng", "kể từ ngày 01/03/2028",
     f"Căn cứ Quyết định tạm giữ {CUSTODY}.", "khoản 7 Điều 24",
     "☒ Bị tạm giữ trong thời hạn 03 ngày từ ngày 01/03/2028 đến ngày 03/03/2028.",
     "☐ Bị tạm giam.", "số 01/QĐ-CAX ngày 01/02/2028 của Trưởng Công an xã Tân An",
     "Thiếu tá Nguyễn Văn Hùng"],
)  # fmt: skip
LATER["III-06"] = (
    "khanh",
    {},
    [*KHANH_ID, *HEADER, "Kính gửi: Trưởng Công an xã Hòa Bình, tỉnh Bắc Ninh",
     "theo Quyết định số 01/QĐ-CAX ngày 01/02/2028 của Trưởng Công an xã Tân An",
     "Thời gian quản lý từ ngày 01/02/2028 đến ngày", "Nơi chuyển đến: xã Hòa Bình",
     "DANH MỤC TÀI LIỆU TRONG HỒ SƠ QUẢN LÝ",
     "1. Phiếu kết quả xét nghiệm chất ma túy trong cơ thể số 31/PKQ ngày 01/02/2028",
     "2. Thông báo về hành vi sử dụng trái phép chất ma túy ngày 01/02/2028",
     "3. Quyết định áp dụng biện pháp quản lý người sử dụng trái phép chất ma túy số "
     "01/QĐ-CAX ngày 01/02/2028",
     "4. Quyết định tạm đình chỉ quản lý người sử dụng trái phép chất ma túy số 02/QĐ-CAX "
     "ngày 01/03/2028",
     "5. Bản tóm tắt lý lịch", "6. Bản tường trình",
     "- Trưởng Công an xã Hòa Bình, tỉnh Bắc Ninh;"],
)  # fmt: skip
EXPECTED["I-15"] = (
    "binh",
    {"basis_documents": "Quyết định số 12/QĐ-TA ngày 15/10/2026 của Tòa án nhân dân khu vực 1",
     **OFFICER},
    [*BINH_ID, *HEADER, "Chấm dứt áp dụng biện pháp giám sát điện tử",
     "Căn cứ tài liệu có liên quan: Quyết định số 12/QĐ-TA ngày 15/10/2026",
     "Đ/c Trung úy Lê Văn Bình; Cấp bậc: Trung úy; Chức vụ: Cảnh sát khu vực",
     "Thiếu tá Nguyễn Văn Hùng"],
)  # fmt: skip
EXPECTED["I-11"] = (
    "binh",
    {"basis_documents": "Bản án số 88/2026/HS-ST ngày 05/10/2026 của Tòa án nhân dân khu vực 1",
     **OFFICER},
    [*BINH_ID, *HEADER, "Tạm dừng áp dụng biện pháp giám sát điện tử",
     "Căn cứ tài liệu có liên quan: Bản án số 88/2026/HS-ST",
     "Trong thời gian chấp hành án phạt tù, kể từ ngày 10/10/2026",
     "Điều 2. Quyết định này có hiệu lực kể từ ngày 10 tháng 10 năm 2026",
     "Đ/c Trung úy Lê Văn Bình; Cấp bậc: Trung úy; Chức vụ: Cảnh sát khu vực"],
)  # fmt: skip
COMMITTEE_HEAD = ["ỦY BAN NHÂN DÂN XÃ TÂN AN", "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN AN"]
DEVICE_VALUES = {**OFFICER, "place": "Trụ sở Công an xã Tân An"}
LATER["I-07"] = (
    "ha",
    DEVICE_VALUES,
    [*HA_ID, "Tháo tạm thời thiết bị giám sát điện tử", "(khám bệnh, chữa bệnh)",
     "số GSĐT-00456 (Cổ tay)", "2. Đại diện cơ quan thi hành quyết định tạm giữ hình sự, tạm "
     "giam: Không.", "để được đeo lại thiết bị giám sát điện tử trước ngày 12/12/2027"],
)  # fmt: skip
LATER["I-08"] = (
    "ha",
    DEVICE_VALUES,
    [*HA_ID, "Đeo lại thiết bị giám sát điện tử", "Vị trí đeo thiết bị: Cổ tay.",
     "Số thiết bị: GSĐT-00456.", "Phụ kiện kèm theo thiết bị: 01 bộ sạc."],
)  # fmt: skip
LATER["I-09"] = (
    "ha",
    DEVICE_VALUES,
    [*HA_ID, "Vị trí đeo thiết bị trước khi thay đổi: Cổ tay.",
     "Vị trí đeo thiết bị sau khi thay đổi: Cổ chân.", "Số thiết bị: GSĐT-00456."],
)  # fmt: skip
LATER["I-10"] = (
    "ha",
    DEVICE_VALUES,
    [*HA_ID, "+ Tháo và thu hồi thiết bị giám sát điện tử số GSĐT-00456",
     "+ Thu hồi: thiết bị GSĐT-00456 bị hỏng.", "+ Vị trí đeo thiết bị: Cổ chân.",
     "+ Số thiết bị: GSĐT-00789.", "+ Phụ kiện kèm theo thiết bị: 01 bộ sạc mới."],
)  # fmt: skip
LATER["I-17"] = (
    "lam",
    OFFICER,
    ["PHÙNG VĂN LÂM", "11/01/1991", "027091004444", *HEADER,
     "Phân công cán bộ tiếp nhận và thực hiện biện pháp giám sát điện tử",
     "Họ và tên: Trung úy Lê Văn Bình; Cấp bậc: Trung úy;", "Chức vụ: Cảnh sát khu vực;",
     f"theo Quyết định áp dụng biện pháp giám sát điện tử {ORIGIN_EMON}, đến hết ngày 01/12/2029",
     "Điều 2. Thời gian tiếp nhận và thực hiện biện pháp giám sát điện tử: kể từ ngày 02/06/2028."],
)  # fmt: skip
LATER["V-53"] = (
    "ha",
    {"officer": "Trung úy Lê Văn Bình", "family_member": "Bà Đỗ Thị Mai (mẹ)"},
    [*HA_ID, "ỦY BAN NHÂN DÂN XÃ TÂN AN", "Số: 15/QĐ-UBND",
     "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN AN", "Theo đề nghị của Trưởng Công an xã Tân An.",
     "2. Thời hạn quản lý: từ ngày 05/11/2029 đến ngày", "Thân nhân phối hợp quản lý: Bà Đỗ Thị "
     "Mai (mẹ).", "Giao cho: Trung úy Lê Văn Bình, Công an xã Tân An", "Trần Văn Chủ"],
)  # fmt: skip
LATER["V-55"] = (
    "ha",
    {},
    [*COMMITTEE_HEAD, "Số: 16/QĐ-UBND", "Phân công Tổ quản lý, hỗ trợ xã hội",
     "1. Đồng chí Trung úy Lê Văn Bình, Công an xã Tân An - Tổ trưởng.",
     "2. Đồng chí Y sĩ Hoàng Thị Na, Trạm Y tế xã - Tổ phó.",
     "3. Đồng chí Nguyễn Văn Hải - Đoàn Thanh niên xã - Thành viên.", "(Đỗ Thị Hà, sinh ngày "
     "01/06/1998)", "Trần Văn Chủ"],
)  # fmt: skip
LATER["V-42"] = (
    "dung",
    {**OFFICER, "officer": "Trung úy Lê Văn Bình"},
    ["PHẠM VĂN DŨNG", "09/04/1997", "027097006666", "Dũng Còi",
     "Giao, nhận hồ sơ, người vào cơ sở cai nghiện công lập",
     f"Căn cứ Quyết định số 25/2027/QĐ-TA ngày 20/11/2027 của {COURT}",
     f"tại {FACILITY}, chúng tôi gồm:", "Cơ quan: Công an xã Tân An.",
     "1) Bản tóm tắt lý lịch", "4) Biên bản vi phạm (04/11/2027)",
     "6) Quyết định của Tòa án nhân dân áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc",
     "ĐẠI DIỆN BÊN GIAO"],
)  # fmt: skip
LATER["V-58"] = (
    "dung",
    {"place": "Trụ sở Công an xã Tân An", "officer": "Trung úy Lê Văn Bình"},
    ["PHẠM VĂN DŨNG", "Ghi lời khai của người cai nghiện ma túy",
     "Tôi: Trung úy Lê Văn Bình, thuộc Công an xã Tân An, và ông/bà: Hạ sĩ Vũ Văn Khánh",
     "Sinh ngày 09/04/1997", "HỎI VÀ ĐÁP", "NGƯỜI KHAI"],
)  # fmt: skip
MINOR_RECORD = {"place": "Trụ sở Công an xã Tân An", "officer": "Lê Văn Bình",
                "officer_title": "Cảnh sát khu vực",
                "parent_name": "Ông Ngô Văn Bảy (bố)"}  # fmt: skip
LATER["V-40"] = (
    "ti",
    MINOR_RECORD,
    ["NGÔ VĂN TÍ", "05/05/2012", "Với sự chứng kiến của: Ông Lò Văn Sáu, làm ruộng, Thôn Đông.",
     "2. Họ và tên của cha/mẹ/người giám hộ/người đại diện hợp pháp: Ông Ngô Văn Bảy (bố).",
     "NGƯỜI VI PHẠM"],
)  # fmt: skip
LATER["V-41"] = (
    "ti",
    MINOR_RECORD,
    ["NGÔ VĂN TÍ", "1. Họ và tên: Ông Ngô Văn Bảy (bố), cha, mẹ, người giám hộ",
     "Với sự chứng kiến của: Bà Lê Thị Hoa, buôn bán, Thôn Đông.",
     "2. Không nhận thông báo đọc hồ sơ đề nghị áp dụng biện pháp đưa đi cai nghiện bắt buộc"],
)  # fmt: skip
LATER["V-38"] = (
    "dung",
    {},
    ["BẢN TƯỜNG TRÌNH", "1. Họ và tên người bị đề nghị (viết in hoa): PHẠM VĂN DŨNG",
     "Tên gọi khác (nếu có): Dũng Còi.", "NGƯỜI TƯỜNG TRÌNH"],
)  # fmt: skip
LATER["V-39"] = (
    "ti",
    {},
    ["BẢN XÁC NHẬN", "Kính gửi: Công an xã Tân An", "Họ và tên (viết in hoa): NGÔ VĂN TÍ",
     "Ngày, tháng, năm sinh: 05/05/2012.", "NGƯỜI XÁC NHẬN"],
)  # fmt: skip
LATER["V-31"] = (
    "quy",
    {**OFFICER, "officer": "Trung úy Lê Văn Bình"},
    ["HỒ VĂN QUÝ", "09/09/1990", "Căn cứ Quyết định số 95/QĐ-CNMTTN ngày 04/09/2028",
     f"tại {FACILITY}, chúng tôi gồm:", "1) Bản tóm tắt lý lịch",
     "2) Quyết định cai nghiện ma túy tự nguyện (", "ĐẠI DIỆN BÊN GIAO"],
)  # fmt: skip
LATER["V-60"] = (
    "ha",
    {},
    [*COMMITTEE_HEAD, "Số: 17/QĐ-UBND", "Căn cứ Quyết định số 03/QĐ-UBND ngày 05/01/2029",
     "Điều 1. Phân công ông/bà Nguyễn Thị Hạnh, Hội Phụ nữ xã", "ĐỖ THỊ HÀ", "Trần Văn Chủ"],
)  # fmt: skip
LATER["V-56"] = (
    "ha",
    {"signer": "Trần Văn Chủ"},
    [*HA_ID, "ỦY BAN NHÂN DÂN XÃ TÂN AN", "Số: 56/GCN-UBND", "GIẤY XÁC NHẬN",
     "Căn cứ Quyết định số 15/QĐ-UBND ngày 10/10/2029 của Chủ tịch Ủy ban nhân dân xã Tân An",
     "Thời gian: từ ngày 05/11/2029 đến ngày 05/11/2030.", "Trần Văn Chủ"],
)  # fmt: skip
LATER["I-13"] = (
    "ha",
    {"basis_documents": "Báo cáo kết quả giám sát điện tử ngày 25/11/2028", **OFFICER},
    [*HA_ID, "Miễn áp dụng biện pháp giám sát điện tử", "kể từ ngày 01/12/2028",
     "Căn cứ tài liệu có liên quan: Báo cáo kết quả giám sát điện tử ngày 25/11/2028",
     "Quyết định áp dụng biện pháp giám sát điện tử số",
     "Điều 2. Quyết định này có hiệu lực kể từ ngày 01 tháng 12 năm 2028"],
)  # fmt: skip
EXPECTED.update(LATER)
EXPECTED.update(LEGACY)


@pytest.fixture
def story(session: CaseSession, clock: FrozenClock) -> dict[str, str]:
    return seed_story(session, clock)


def test_every_shipped_form_has_a_scripted_expectation() -> None:
    forms = active_set().forms
    assert {f for f, info in forms.items() if info.scope == "person"} == set(EXPECTED)
    unit_forms = {f for f, info in forms.items() if info.scope == "unit"}
    assert unit_forms == {"III-10", "BC-UBND"}, "test_register.py, test_report_document.py"


@pytest.mark.parametrize("form", sorted(EXPECTED))
def test_form_renders_every_field_from_the_file(
    form: str, session: CaseSession, clock: FrozenClock, out_folder: Path
) -> None:
    who, values, expected = EXPECTED[form]
    # The later forms need years more of the story; the earlier ones print "today" in 2027.
    if form in LEGACY:
        ids = seed_legacy_story(session, clock)
    else:
        ids = seed_later_story(session, clock) if form in LATER else seed_story(session, clock)
    made = make_document(session, form, ids[who], out_folder / f"{form}.docx", values=values)
    data = made.path.read_bytes()
    text = document_text(data)
    missing = [snippet for snippet in expected if snippet not in text]
    assert missing == [], f"{form} lacks {missing}\n{text}"
    assert not any(mark in text for mark in LEFTOVER_MARKS)
    assert "None" not in text
    info = active_set().form(form)
    assert info.required, "every form names what it cannot do without"


def test_page_is_a4_with_decree_30_margins_and_times_new_roman(
    session: CaseSession, story: dict[str, str], out_folder: Path
) -> None:
    made = make_document(session, "III-04", story["anh"], out_folder / "qd.docx")
    document = Document(io.BytesIO(made.path.read_bytes()))
    section = document.sections[0]
    sizes = [section.page_width, section.page_height, section.left_margin, section.right_margin,
             section.top_margin, section.bottom_margin]  # fmt: skip
    wanted = [Mm(210), Mm(297), Mm(30), Mm(15), Mm(20), Mm(20)]
    assert all(abs(int(a or 0) - int(b)) < Mm(0.1) for a, b in zip(sizes, wanted, strict=True))
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert section.different_first_page_header_footer, "no page number on page 1 (ND30)"
    signature = document.tables[-1]
    row_properties = signature.rows[0]._tr.trPr
    assert row_properties is not None
    no_split = row_properties.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit"
    )
    assert no_split is not None, "the signature block never splits across pages"
    assert document.paragraphs[-1].paragraph_format.keep_with_next or any(
        p.paragraph_format.keep_with_next for p in document.paragraphs[-3:]
    )
