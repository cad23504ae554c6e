"""The report through the services: XLSX read back with openpyxl, CSV, JSON, audit (issue 7)."""

from __future__ import annotations

import csv
import json
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from caseterm.clock import FrozenClock
from caseterm.domain.codes import Sex
from caseterm.errors import UsageError, ValidationFailed
from caseterm.i18n import set_language
from caseterm.services.lifecycle.events import record_event
from caseterm.services.registry.persons import add_person
from caseterm.services.reports.export import write_report
from caseterm.services.reports.monthly import MonthlyReport, monthly_report, set_report_settings
from caseterm.services.reports.tables import commune_tables
from caseterm.services.session.case_session import CaseSession
from tests.conftest import person

URINE = {"ground": "h", "sample": "URINE", "result": "POSITIVE"}


def _november(session: CaseSession, clock: FrozenClock) -> MonthlyReport:
    """Two people tested positive and taken under management on 2/11/2026; reported on 5/12."""
    for name, sex in (("Nguyễn Văn An", Sex.MALE), ("Trần Thị Bình", Sex.FEMALE)):
        pid = add_person(session, person(name, sex=sex), confirm=True)
        at = clock.now() - timedelta(hours=1)
        record_event(session, pid, "test.performed", URINE, occurred_at=at)
        record_event(
            session,
            pid,
            "residence.verified",
            {"result": "STABLE", "criterion": "REGISTERED_ADDRESS"},
        )
        record_event(session, pid, "use.notice_sent", {"recipient": "TCAX"})
        decision = {"reason": "NEW", "decision_no": "1/QĐ", "officer": "Lê Văn Cường"}
        record_event(session, pid, "mgmt.decided", decision)
    set_report_settings(session, population=8000)
    clock.current += timedelta(days=33)
    return monthly_report(session, "2026-11")


def test_the_xlsx_reads_back_with_vietnamese_headers_and_the_totals(
    session: CaseSession, clock: FrozenClock, tmp_path: Path
) -> None:
    set_language("vi")
    report = _november(session, clock)
    out = tmp_path / "bao-cao.xlsx"
    write_report(session, report, commune_tables(report), "xlsx", out)
    book = load_workbook(out)
    assert book.sheetnames[:3] == [
        "Số hiện quản lý tại thời điểm",
        "Phát sinh trong kỳ (F1–F9)",
        "Chỉ tiêu theo chỉ thị",
    ]
    stock = book.worksheets[0]
    cells = {row[0]: row for row in stock.iter_rows(values_only=True) if row and row[0]}
    assert cells["Đơn vị"][1] == "Xã Tân An (26734)"
    assert cells["Kỳ báo cáo"][1] == "2026-11: 01/11/2026 – 30/11/2026"
    assert cells["Mã"][:5] == ("Mã", "Chỉ tiêu", "Tổng số", "Cùng kỳ năm trước", "Tăng, giảm")
    assert cells["Mã"][5:7] == ("nam", "nữ")
    k1 = cells["K1"]
    assert k1[1] == "K1 Người sử dụng trái phép chất ma túy đang quản lý"
    assert k1[2:7] == (2, 0, 2, 1, 1)
    assert cells["K1.new"][2] == 2
    assert int(stock.page_setup.paperSize) == int(stock.PAPERSIZE_A4)  # 9: A4
    assert stock.page_setup.orientation == "landscape"
    ratios = {row[0]: row for row in book["Các tỷ lệ (%)"].iter_rows(values_only=True) if row}
    assert ratios["K5"][2] == 0.03  # 2 of 8,000 people, in per cent
    village = {
        row[0]: row for row in book["Theo thôn, tổ dân phố"].iter_rows(values_only=True) if row
    }
    assert village["Mã"][3] == "Thôn Đông"
    assert village["K1"][2:4] == (2, 2)


def test_csv_and_json_carry_the_same_numbers_and_hash(
    session: CaseSession, clock: FrozenClock, tmp_path: Path
) -> None:
    report = _november(session, clock)
    tables = commune_tables(report)
    write_report(session, report, tables, "json", tmp_path / "r.json")
    write_report(session, report, tables, "csv", tmp_path / "r.csv")
    data = json.loads((tmp_path / "r.json").read_text("utf-8"))
    flows = next(t for t in data["tables"] if t["key"] == "flows")
    decided = next(r for r in flows["rows"] if r["code"] == "F2.decided.NEW")
    assert (decided["total"], decided["sex:male"], decided["regime:R2026"]) == (2, 1, 2)
    text = (tmp_path / "r.csv").read_text("utf-8-sig")
    rows = list(csv.reader(text.splitlines()))
    assert ["Check code (SHA-256)", data["sha256"]] in rows
    assert next(r for r in rows if r and r[0] == "F2.decided.NEW")[2] == "2"
    assert "Nguyễn" not in text and "Nguyễn" not in json.dumps(data, ensure_ascii=False)


def test_making_a_report_is_audited_and_bad_input_is_refused(
    session: CaseSession, clock: FrozenClock, tmp_path: Path
) -> None:
    _november(session, clock)
    with session.transaction(durable=False) as tx:
        assert tx.audit.last_of("report.monthly") is not None
    with pytest.raises(UsageError, match="YYYY-MM"):
        monthly_report(session, "11/2026")
    with pytest.raises(ValidationFailed):
        set_report_settings(session, population=0)
    with pytest.raises(UsageError):
        write_report(session, monthly_report(session, "2026-11"), [], "pdf", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
