"""Issue 23 item 3: the list of persons under user management (Mẫu III-10), made from the
registers for a period, written like every document and audited once for the unit."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT

from caseterm.clock import FrozenClock
from caseterm.errors import UsageError
from caseterm.services.audit.trail import person_trail, unit_trail
from caseterm.services.documents.making import document_choices, make_document
from caseterm.services.documents.registers import Period, make_register, parse_period
from caseterm.services.documents.render import LEFTOVER_MARKS, document_text
from caseterm.services.lifecycle.events import record_event
from caseterm.services.session.case_session import CaseSession
from tests.documents.story import seed_story
from tests.lifecycle.life import at

YEAR_2027 = Period(at("01/01/2027 00:00").date(), at("20/10/2027 00:00").date())


def _rows(data: bytes) -> list[list[str]]:
    table = next(t for t in Document(io.BytesIO(data)).tables if len(t.columns) == 10)
    return [[cell.text for cell in row.cells] for row in table.rows]


@pytest.fixture
def story(session: CaseSession, clock: FrozenClock) -> dict[str, str]:
    ids = seed_story(session, clock)
    record_event(session, ids["cuong"], "mgmt.residence_checked",
                 {"method": "VISIT", "finding": "PRESENT"},
                 occurred_at=at("20/08/2027 09:00"))  # fmt: skip
    return ids


def test_the_register_lists_each_management_of_the_period_with_its_decision_and_end(
    session: CaseSession, story: dict[str, str], out_folder: Path
) -> None:
    made = make_register(session, "III-10", out_folder / "danh sách.docx", YEAR_2027)
    data = made.path.read_bytes()
    rows = _rows(data)
    assert rows[0][:3] == ["STT", "Họ và tên", "Ngày sinh"]
    by_name: dict[str, list[list[str]]] = {}
    for row in rows[1:]:
        by_name.setdefault(row[1], []).append(row)
    assert set(by_name) == {"Nguyễn Thị Ngọc Ánh", "Lê Văn Cường"}, "Bình was never a user"
    anh = by_name["Nguyễn Thị Ngọc Ánh"][0]
    assert anh[2:6] == ["05/03/1990", "Nữ", "027190001234", "Thôn Đông, xã Tân An, tỉnh Bắc Ninh"]
    assert anh[6] == "01/QĐ-CAX ngày 06/07/2026"
    assert anh[7].startswith("06/07/2026 – ")
    assert anh[8] == "Chưa kiểm tra", "no residence check recorded in the period"
    assert anh[9] == "Chấm dứt quản lý ngày 07/07/2027"
    cuong = by_name["Lê Văn Cường"]
    assert cuong[0][6] == "02/QĐ-CAX ngày 10/08/2027; 03/QĐ-CAX ngày 01/10/2027", (
        "re-use: new decision"
    )
    assert cuong[0][8] == "Có mặt"
    assert cuong[-1][9].startswith(("Dừng quản lý ngày 03/10/2027", "Tái sử dụng"))
    assert [row[0] for row in rows[1:]] == [str(n) for n in range(1, len(rows))]
    assert [row[1] for row in rows[1:]] == ["Nguyễn Thị Ngọc Ánh", "Lê Văn Cường"], "by given name"
    text = document_text(data)
    assert "Từ ngày 01/01/2027 đến ngày 20/10/2027" in text
    assert f"Tổng số: {len(rows) - 1} người." in text
    assert "CÔNG AN XÃ TÂN AN" in text and "Thiếu tá Nguyễn Văn Hùng" in text
    assert not any(mark in text for mark in LEFTOVER_MARKS)
    section = Document(io.BytesIO(data)).sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600


def test_a_register_is_audited_once_for_the_unit_and_each_file_it_read(
    session: CaseSession, story: dict[str, str], out_folder: Path
) -> None:
    made = make_register(session, "III-10", out_folder / "ds.docx", YEAR_2027)
    entries = [r for r in unit_trail(session).rows if r.action == "document.register"]
    assert len(entries) == 1
    details = entries[0].details
    assert "form=III-10" in details and f"sha256={made.sha256}" in details
    assert "from=2027-01-01" in details and "to=2027-10-20" in details
    assert "Ánh" not in details
    for who in ("anh", "cuong"):
        reads = [r for r in person_trail(session, story[who]).rows if r.action == "person.read"]
        assert reads, f"the register read {who}'s file: the read is audited"
    with session.transaction(durable=False) as tx:
        [export] = tx.documents.exports([made.export_id])
    assert export.person_id is None and export.form == "III-10", "clean finds it like any other"


def test_a_period_outside_any_management_gives_an_empty_list_not_an_error(
    session: CaseSession, story: dict[str, str], out_folder: Path
) -> None:
    early = Period(at("01/07/2026 00:00").date(), at("02/07/2026 00:00").date())
    made = make_register(session, "III-10", out_folder / "rỗng.docx", early)
    assert len(_rows(made.path.read_bytes())) == 1
    assert "Tổng số: 0 người." in document_text(made.path.read_bytes())


def test_the_register_is_not_a_person_form_and_a_person_form_is_not_a_register(
    session: CaseSession, story: dict[str, str], out_folder: Path
) -> None:
    assert "III-10" not in {c.form for c in document_choices(session, story["anh"])}
    with pytest.raises(UsageError, match="III-10"):
        make_document(session, "III-10", story["anh"], out_folder / "x.docx")
    with pytest.raises(UsageError, match="III-04"):
        make_register(session, "III-04", out_folder / "y.docx", YEAR_2027)
    assert list(out_folder.iterdir()) == []


def test_period_parsing_defaults_to_the_year_so_far_and_refuses_nonsense() -> None:
    today = at("20/10/2027 10:00").date()
    assert parse_period(None, None, today) == Period(today.replace(month=1, day=1), today)
    assert parse_period("01/03/2027", "31/03/2027", today).end.day == 31
    for start, end in (("2027", None), ("31/02/2027", None), ("01/05/2027", "01/04/2027")):
        with pytest.raises(UsageError):
            parse_period(start, end, today)
