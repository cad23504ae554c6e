"""Hand-computed tables for a small fixed population, in Vietnamese words (issue 7).

Fifteen people, each brought by the scenario paths to one place of the lifecycle in July 2026
(every K2 sub-status, K1 new and suspended, K4, and flows of F1–F5, F7, F8, F9), and one whose
home rehab ends in July 2028 (K3, F6). The expected numbers below were counted by hand from the
paths' events, row by row; the report must print exactly them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from caseterm.domain.dates import PartialDate
from caseterm.domain.report.monthly import ReportPerson, count
from caseterm.domain.report.period import month_period
from caseterm.domain.report.trace import trace_person
from caseterm.i18n import set_language
from caseterm.services.reports.monthly import MonthlyReport
from caseterm.services.reports.tables import commune_tables
from tests.lifecycle import paths
from tests.lifecycle.life import CALENDAR, Life


def _suspended(life: Life) -> None:
    paths.managed(life)
    life.rec("mgmt.suspended", "10/07/2026 09:00", decision_no="7/QĐ")


def _late_addict(life: Life) -> None:
    paths.addicted(life, "29/07/2026 10:00")  # told 31/07 10:00: the 24 h run past the cut-off


def _held(life: Life) -> None:
    paths.in_facility(life)
    life.rec("hold.started", "25/07/2026 09:00", kind="PRISON")


def _absconded(life: Life) -> None:
    paths.in_facility(life)
    life.rec("compulsory.absconded", "26/07/2026 09:00")


def _monitored(life: Life) -> None:
    paths.in_rehab(life)
    life.rec("emon.decided", "10/07/2026 09:00", decision_no="2/QĐ", basis="VOL_HOME", officer="A")
    life.rec("emon.fitted", "10/07/2026 15:00", device_no="G-1", position="ANKLE")


def _moved_out(life: Life) -> None:
    paths.managed(life)
    life.rec("person.moved_out", "20/07/2026 09:00", destination="Xã Bình An")


def _reused(life: Life) -> None:
    paths.managed(life)
    life.rec("test.performed", "20/07/2026 08:00", **paths.URINE, result="POSITIVE")


JULY_2026: list[tuple[str, str, Callable[[Life], object]]] = [
    ("male", "1990-05-01", paths.managed),  # K1 new; F1 test h +, F2 new
    ("female", "2009-06-15", _suspended),  # K1 suspended, new; F1, F2 new
    ("male", "1990-05-01", _late_addict),  # K2 a; F3 requested a, result addicted
    ("male", "1990-05-01", lambda life: paths.in_rehab(life, form="HOME")),  # K2 b; F3, F4 home
    ("male", "2000-01-20", lambda life: paths.in_rehab(life, form="PRIVATE")),  # K2 c
    ("female", "1990-05-01", lambda life: paths.in_rehab(life, form="PUBLIC")),  # K2 d
    ("male", "1990-05-01", paths.in_substitution),  # K2 e; F3, F4 registered subst., enrolled
    ("male", "1990-05-01", paths.dossier),  # K2 f; F3, F5 ground a (missed window), dossier
    (
        "male",
        "1990-05-01",
        paths.in_facility,
    ),  # K2 g; F3, F5 ground, dossier, court, ordered, taken
    ("male", "2000-01-20", _held),  # K2 h; as above
    ("male", "1990-05-01", _absconded),  # K2 i; as above
    ("female", "2000-01-20", _monitored),  # K2 b and K4 worn, basis home rehab; F3, F4, F8
    ("male", "1990-05-01", _moved_out),  # nowhere; F1, F2 new, F2 ended moved out, F9 moved out
    ("male", "1990-05-01", _reused),  # K1 new; F1 twice (2 positive), F2 new, F7 re-use
]
"""(sex, birth, how the life goes); every event of the paths falls in July 2026."""

EXPECTED_JULY_2026 = {
    "K1 Người sử dụng trái phép chất ma túy đang quản lý": 3,
    "K1 Người sử dụng trái phép chất ma túy đang quản lý › mới trong kỳ": 3,
    "K1 Người sử dụng trái phép chất ma túy đang quản lý › chuyển tiếp từ kỳ trước": 0,
    "K1 Người sử dụng trái phép chất ma túy đang quản lý › đang quản lý, có mặt": 2,
    "K1 Người sử dụng trái phép chất ma túy đang quản lý › tạm đình chỉ (tạm giữ, tạm giam, phạt tù)": 1,
    "K2 Người nghiện ma túy có hồ sơ quản lý": 10,
    "K2 Người nghiện ma túy có hồ sơ quản lý › (a) đã xác định nghiện, chưa áp dụng biện pháp": 1,
    "K2 Người nghiện ma túy có hồ sơ quản lý › (b) cai nghiện tự nguyện tại gia đình, cộng đồng": 2,
    "K2 Người nghiện ma túy có hồ sơ quản lý › (c) cai nghiện tự nguyện tại cơ sở tư nhân": 1,
    "K2 Người nghiện ma túy có hồ sơ quản lý › (d) cai nghiện tự nguyện tại cơ sở công lập, trường giáo dưỡng": 1,
    "K2 Người nghiện ma túy có hồ sơ quản lý › (e) điều trị thay thế": 1,
    "K2 Người nghiện ma túy có hồ sơ quản lý › (f) đang lập hồ sơ cai nghiện bắt buộc (quản lý tại cơ sở)": 1,
    "K2 Người nghiện ma túy có hồ sơ quản lý › (g) đang cai nghiện bắt buộc": 1,
    "K2 Người nghiện ma túy có hồ sơ quản lý › (h) đang ở trại giam, tạm giam, cơ sở giáo dục bắt buộc, trường giáo dưỡng": 1,
    "K2 Người nghiện ma túy có hồ sơ quản lý › (i) bỏ trốn, không rõ nơi cư trú": 1,
    "K3 Người đang quản lý sau cai nghiện": 0,
    "K4 Người đang giám sát điện tử": 1,
    "K4 Người đang giám sát điện tử › đang đeo thiết bị": 1,
    "K4 Người đang giám sát điện tử › kèm cai nghiện tự nguyện tại gia đình": 1,
    "F1 Số lượt xét nghiệm chất ma túy": 5,
    "F1 Số lượt xét nghiệm chất ma túy › căn cứ h": 5,
    "F1 Số lượt dương tính": 5,
    "F2 Quyết định quản lý người sử dụng": 4,
    "F2 Kết thúc quản lý người sử dụng": 1,
    "F3 Số lượt đề nghị xác định tình trạng nghiện": 10,
    "F3 Số lượt đề nghị xác định tình trạng nghiện › trường hợp a": 10,
    "F3 Kết quả xác định tình trạng nghiện": 10,
    "F4 Đăng ký cai nghiện tự nguyện": 5,
    "F4 Quyết định cai nghiện tự nguyện": 4,
    "F4 Tham gia điều trị thay thế": 1,
    "F5 Phát hiện căn cứ cai nghiện bắt buộc": 4,
    "F5 Phát hiện căn cứ cai nghiện bắt buộc › căn cứ a": 4,
    "F5 Lập hồ sơ (quyết định quản lý tại cơ sở)": 4,
    "F5 Hồ sơ chuyển Tòa án": 3,
    "F5 Quyết định của Tòa án": 3,
    "F5 Đưa vào cơ sở cai nghiện": 3,
    "F6 Hoàn thành cai nghiện": 0,
    "F7 Tái sử dụng trong thời gian quản lý": 1,
    "F8 Quyết định giám sát điện tử": 1,
    "F8 Gắn thiết bị": 1,
    "F9 Chuyển đi": 1,
    "F9 Chết": 0,
}


def _report(people: list[tuple[str, str, Callable[[Life], object]]], label: str) -> MonthlyReport:
    period = month_period(label)
    persons = []
    for index, (sex, birth, build) in enumerate(people):
        life = Life(birth=birth)
        build(life)
        _state, trace = trace_person(
            life.facts, life.events, CALENDAR, period.end + timedelta(days=3)
        )
        village = "Thôn Đông" if index % 2 else "Thôn Đoài"
        born = PartialDate.from_iso(birth)
        persons.append(
            ReportPerson("26734", sex, born, village, "", "ats", index % 3 != 0, False, trace)
        )
    return MonthlyReport(
        "26734",
        "Xã Tân An",
        period,
        1000,
        count(persons, period),
        count(persons, period.year_before()),
        "2026-08-01T01:00:00.000000Z",
        "canbo",
        "0.1.0",
        {},
    )


@pytest.fixture(autouse=True)
def _vietnamese() -> None:
    set_language("vi")


def _totals(report: MonthlyReport) -> dict[str, object]:
    """Indicator words → total for the stock and flow tables; a sub-item under its indicator."""
    found: dict[str, object] = {}
    parent = ""
    for table in commune_tables(report)[:2]:
        for line in table.lines:
            parent = line.label if line.level == 0 else parent
            words = line.label if line.level == 0 else f"{parent} › {line.label}"
            found.setdefault(words, line.values[0])
    return found


def test_july_2026_matches_the_hand_count_in_vietnamese_words() -> None:
    totals = _totals(_report(JULY_2026, "2026-07"))
    assert {words: totals.get(words) for words in EXPECTED_JULY_2026} == EXPECTED_JULY_2026


def test_a_home_rehab_ending_in_july_2028_counts_in_k3_and_f6() -> None:
    totals = _totals(_report([("male", "1990-05-01", paths.in_post_rehab)], "2028-07"))
    k3 = "K3 Người đang quản lý sau cai nghiện"
    f6 = "F6 Hoàn thành cai nghiện"
    assert totals[k3] == 1
    assert totals[f"{k3} › sau cai nghiện tự nguyện"] == 1
    assert totals[f"{f6} › tại gia đình, cộng đồng"] == 1
    assert totals["F6 Quyết định quản lý sau cai nghiện"] == 0  # decided in June
