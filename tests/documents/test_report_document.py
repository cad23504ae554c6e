"""Issue 23 item 3: the monthly report to the commune People's Committee, as a numbered Word
document whose figures are the report screen's, in Vietnamese whatever the screen's language."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document

from caseterm.clock import FrozenClock
from caseterm.i18n import current_language, set_language
from caseterm.services.audit.trail import unit_trail
from caseterm.services.documents.render import LEFTOVER_MARKS, document_text
from caseterm.services.documents.report_document import make_report_document
from caseterm.services.reports.monthly import monthly_report
from caseterm.services.session.case_session import CaseSession
from tests.documents.story import seed_story


@pytest.fixture
def in_english() -> Iterator[None]:
    before = current_language()
    set_language("en")
    yield
    set_language(before)


def _rows(data: bytes) -> list[list[str]]:
    table = next(t for t in Document(io.BytesIO(data)).tables if len(t.columns) == 5)
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_report_prints_the_screens_figures_in_vietnamese_with_a_number(
    session: CaseSession, clock: FrozenClock, out_folder: Path, in_english: None
) -> None:
    seed_story(session, clock)
    made = make_report_document(session, out_folder / "bao cao.docx", "2027-08")
    report = monthly_report(session, "2027-08")
    rows = _rows(made.path.read_bytes())
    assert rows[0] == ["Mã", "Chỉ tiêu", "Kỳ này", "Cùng kỳ năm trước", "Tăng, giảm"]
    coded = {row[0]: row for row in rows[1:] if row[0]}
    assert {"K1", "K2", "F1.test", "F2.decided", "D.registered"} <= set(coded)
    for code, row in coded.items():
        now, before = report.current.get(code), report.last_year.get(code)
        assert row[2:] == [str(now), str(before), f"{now - before:+d}"], code
    assert coded["K1"][1].startswith("K1 "), "the indicator's own words"
    assert "Drug users" not in coded["K1"][1], "Vietnamese on paper even in an English session"
    assert int(coded["K1"][2]) >= 1, "Ánh and Cường were under management in August 2027"
    assert made.decision_no == "01/BC-CAX"
    text = document_text(made.path.read_bytes())
    assert "Số: 01/BC-CAX" in text and "Kính gửi: Ủy ban nhân dân xã Tân An" in text
    assert "từ ngày 01/08/2027 đến ngày 31/08/2027" in text
    assert not any(mark in text for mark in LEFTOVER_MARKS)
    again = make_report_document(session, out_folder / "bao cao 2.docx", "2027-08")
    assert again.decision_no == "02/BC-CAX", "a number given is never given again"
    entries = [r for r in unit_trail(session).rows if r.action == "document.register"]
    assert len(entries) == 2 and "period=2027-08" in entries[0].details
