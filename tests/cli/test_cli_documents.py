"""Issue 23 on the command line: the header, a decision with an automatic number, its document,
the values a form asks for, the audit of the export, and cleaning the folder."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from caseterm.errors import EXIT_REFUSED, EXIT_USAGE
from caseterm.services.documents.render import document_text
from tests.programs import Programs


def _setup(run: Programs) -> str:
    run("caseterm-admin", "unit", "header", "--province-police", "Công an tỉnh Bắc Ninh",
        "--commune", "xã Tân An", "--place", "Tân An", "--chief-name", "Nguyễn Văn Hùng",
        "--chief-rank", "Thiếu tá")  # fmt: skip
    added = run("caseterm", "person", "add", "--name", "Nguyễn Thị Ngọc Ánh", "--sex", "nu",
                "--dob", "05/03/1990", "--id-type", "CCCD", "--id-number", "027190001234",
                "--village", "Thôn Đông", "--confirm", "--json")  # fmt: skip
    return str(json.loads(added.stdout)["id"])


def _managed(run: Programs, pid: str) -> None:
    """A positive test, the residence, the notice and a management decision numbered auto."""
    for event_type, when, fields in (
        ("test.performed", "06/07/2026 08:00", ["ground=h", "sample=URINE", "result=POSITIVE"]),
        ("residence.verified", "06/07/2026 12:00", ["result=STABLE",
                                                   "criterion=REGISTERED_ADDRESS"]),
        ("use.notice_sent", "06/07/2026 14:00", ["recipient=TCAX"]),
        ("mgmt.decided", "06/07/2026 16:00", ["reason=NEW", "decision_no=auto",
                                             "officer=Trung úy Lê Văn Bình", "team=Phạm Văn Sơn"]),
    ):  # fmt: skip
        args = [a for f in fields for a in ("-f", f)]
        run("caseterm", "event", "record", pid, event_type, "--at", when, *args)


def test_a_decision_numbered_auto_is_printed_and_cleaned(run: Programs, tmp_path: Path) -> None:
    system_temp = tmp_path / "system-temp"  # the system's temp folder is refused: not this one
    system_temp.mkdir()
    run.env["TMPDIR"] = str(system_temp)
    shown = run("caseterm-admin", "unit", "header").stdout
    assert "Công an tỉnh Bắc Ninh" not in shown and "{number:02d}/{kind}-{symbol}" in shown
    pid = _setup(run)
    _managed(run, pid)
    listed = run("caseterm", "doc", "list", pid).stdout
    assert "III-04" in listed and "01/QĐ-CAX" in listed
    docs = tmp_path / "docs"
    docs.mkdir()
    out = docs / "qd.docx"
    refused = run("caseterm", "doc", "make", "III-04", pid, "--out", str(out), expect=EXIT_REFUSED)
    assert "Summary of the facts" in refused.stderr and "--set summary=" in refused.stderr
    assert "Place of birth" in refused.stderr
    assert not out.exists()
    values = ["summary=Phát hiện sử dụng ma túy.", "birth_place=Bắc Ninh",
              "origin_place=Bắc Ninh", "permanent_address=Thôn Đông", "current_address=Thôn Đông",
              "ethnicity=Kinh", "education=12/12", "occupation=Làm ruộng"]  # fmt: skip
    args = [a for v in values for a in ("--set", v)]
    made = run("caseterm", "doc", "make", "III-04", pid, "--out", str(out), *args)
    assert "01/QĐ-CAX" in made.stdout and "delete" in made.stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = document_text(out.read_bytes())
    assert "NGUYỄN THỊ NGỌC ÁNH" in text and "Số: 01/QĐ-CAX" in text
    assert "Tân An, ngày 06 tháng 7 năm 2026" in text and "Thiếu tá Nguyễn Văn Hùng" in text
    trail = run("caseterm-admin", "audit", "show", "--person", pid).stdout
    assert "wrote an official document to a file" in trail and "form=III-04" in trail
    cleaned = run("caseterm", "doc", "clean", str(docs)).stdout
    assert "1 document(s) deleted" in cleaned
    assert not out.exists()


def test_templates_show_lists_the_shipped_set(run: Programs) -> None:
    shown = run("caseterm-admin", "templates", "show", secret=None, user=None).stdout
    for form in ("III-01", "III-04", "III-05", "I-02", "V-22", "V-23", "V-33", "III-09"):
        assert form in shown


def test_a_document_is_refused_in_the_system_temp_folder(run: Programs, tmp_path: Path) -> None:
    pid = _setup(run)
    run.env["TMPDIR"] = str(tmp_path)
    out = tmp_path / "docs" / "tt.docx"
    out.parent.mkdir()
    refused = run("caseterm", "doc", "make", "III-03", pid, "--out", str(out), expect=EXIT_USAGE)
    assert "temporary folder" in refused.stderr
    assert not out.exists()


def test_the_register_is_made_without_a_person_for_a_period(run: Programs, tmp_path: Path) -> None:
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    run.env["TMPDIR"] = str(system_temp)
    pid = _setup(run)
    _managed(run, pid)
    docs = tmp_path / "docs"
    docs.mkdir()
    out = docs / "danh sach.docx"
    wrong = run("caseterm", "doc", "make", "III-10", pid, "--out", str(out), expect=EXIT_USAGE)
    assert "III-10" in wrong.stderr and not out.exists()
    nobody = run("caseterm", "doc", "make", "III-04", "--out", str(out), expect=EXIT_USAGE)
    assert "III-04" in nobody.stderr
    bad = run("caseterm", "doc", "make", "III-10", "--from", "31/02/2026", "--out", str(out),
              expect=EXIT_USAGE)  # fmt: skip
    assert "dd/mm/yyyy" in bad.stderr and not out.exists()
    made = run("caseterm", "doc", "make", "III-10", "--from", "01/07/2026", "--to", "31/07/2026",
               "--out", str(out), "--json")  # fmt: skip
    assert json.loads(made.stdout)["form"] == "III-10"
    text = document_text(out.read_bytes())
    assert "Từ ngày 01/07/2026 đến ngày 31/07/2026" in text
    assert "Nguyễn Thị Ngọc Ánh | 05/03/1990 | Nữ | 027190001234" in text
    assert "01/QĐ-CAX ngày 06/07/2026" in text and "Tổng số: 1 người." in text
    trail = run("caseterm-admin", "audit", "show").stdout  # the unit's own operations
    assert "wrote a unit document (the III-10 list, the report) to a file" in trail
    cleaned = run("caseterm", "doc", "clean", str(docs)).stdout
    assert "1 document(s) deleted" in cleaned and not out.exists()


def test_the_monthly_report_to_the_committee_is_a_numbered_document(
    run: Programs, tmp_path: Path
) -> None:
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    run.env["TMPDIR"] = str(system_temp)
    _setup(run)
    docs = tmp_path / "docs"
    docs.mkdir()
    out = docs / "bc.docx"
    bad = run("caseterm", "doc", "report", "--period", "11/2026", "--out", str(out),
              expect=EXIT_USAGE)  # fmt: skip
    assert "YYYY-MM" in bad.stderr and not out.exists()
    made = run("caseterm", "doc", "report", "--period", "2026-07", "--out", str(out))
    assert "01/BC-CAX" in made.stdout
    text = document_text(out.read_bytes())
    assert "Số: 01/BC-CAX" in text and "từ ngày 01/07/2026 đến ngày 31/07/2026" in text
    assert "K1 " in text


def test_the_roster_of_officers_is_set_shown_and_refused_in_words(run: Programs) -> None:
    empty = run("caseterm-admin", "unit", "officer").stdout
    assert "No officer on the roster" in empty
    run("caseterm-admin", "unit", "officer", "Lê Văn Bình", "--rank", "Trung úy",
        "--title", "Cảnh sát khu vực")  # fmt: skip
    listed = run("caseterm-admin", "unit", "officer").stdout
    assert "Lê Văn Bình" in listed and "Trung úy" in listed and "Cảnh sát khu vực" in listed
    assert "Officers (caseterm-admin unit officer): 1" in run("caseterm-admin", "unit",
                                                              "header").stdout  # fmt: skip
    refused = run("caseterm-admin", "unit", "officer", "Ai đó", expect=EXIT_REFUSED)
    assert "--rank" in refused.stderr
