"""Issue 21 item 1: the today list's detail line names every duty of the highlighted person,
whole, at 80 columns (a long citation of the first duty once pushed the second one out)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from caseterm.i18n import set_language
from caseterm.services.lifecycle.due import DueItem, DueList
from caseterm.tui.screens.today_detail import DETAIL_DUTIES, detail_text

NOW = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
CODES = ["D14", "D01", "D06", "D22", "D24"]


def _duty(code: str, hours: int) -> DueItem:
    return DueItem(
        person_id="p1",
        full_name="Nguyễn Văn An",
        key=f"{code}:m1",
        code=code,
        due_at=(NOW - timedelta(hours=hours)).isoformat(),
        visible_from=None,
        measure_id="m1",
        measure_kind=None,
        basis="ND163 16(2)(a)",
    )


def _found() -> DueList:
    return DueList(now=NOW, tags={"p1": "HS-000001 · 12/03/1990 · Thôn Đông · …3456"})


def test_one_duty_is_shown_with_its_legal_basis() -> None:
    set_language("vi")
    text = detail_text(_duty("D14", 1), [], _found())
    who, duty = text.split("\n")
    assert who == "Nguyễn Văn An — HS-000001 · 12/03/1990 · Thôn Đông · …3456"
    assert duty.startswith("02/11/2026 08:00  D14 ") and "Nghị định 163/2026" in duty


def test_several_duties_one_to_a_row_and_the_rest_counted() -> None:
    set_language("vi")
    duties = [_duty(code, hours) for hours, code in enumerate(CODES, start=1)]
    lines = detail_text(duties[0], duties[1:], _found()).split("\n")
    assert len(lines) == 1 + DETAIL_DUTIES  # who, the first duties, the count of the rest
    assert [line.split()[2] for line in lines[1:DETAIL_DUTIES]] == CODES[: DETAIL_DUTIES - 1]
    assert lines[-1] == f"… và {len(CODES) - DETAIL_DUTIES + 1} việc nữa: Enter để mở hồ sơ"
    assert all(len(line) <= 78 for line in lines[1:DETAIL_DUTIES]), lines  # one row each


def test_up_to_three_duties_are_all_named() -> None:
    set_language("vi")
    duties = [_duty(code, hours) for hours, code in enumerate(CODES[:3], start=1)]
    lines = detail_text(duties[0], duties[1:], _found()).split("\n")
    assert [line.split()[2] for line in lines[1:]] == CODES[:3]
