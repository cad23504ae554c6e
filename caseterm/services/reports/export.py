"""The report written out: JSON, CSV or XLSX (legal spec §5.3: a frozen, hashed snapshot).

Every format carries the unit, the period, the cut-off, who made it, the app version and a
SHA-256 over the tables' canonical JSON, so a printed or forwarded copy can be checked against
the one the commune kept. Files are written atomically (0600): a failed write leaves nothing.
Counts only, never a name.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from caseterm.errors import UsageError
from caseterm.files import atomic_write_bytes
from caseterm.i18n import _
from caseterm.services.reports.monthly import MonthlyReport
from caseterm.services.reports.tables import Table, header
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.user_files import writing_to

FORMATS = ("table", "json", "csv", "xlsx")
SHEET_TITLE_MAX = 31
"""Excel refuses a longer sheet name."""


def report_json(report: MonthlyReport, tables: list[Table]) -> dict[str, Any]:
    """The report as JSON: header, tables and the snapshot hash."""
    body = [_table_json(table) for table in tables]
    return {
        "schema": "caseterm-report.v1",
        "unit": {"code": report.unit_code, "name": report.unit_name},
        "period": {
            "label": report.period.label,
            "start": report.period.start_iso,
            "cut_off": report.period.end_iso,
        },
        "population": report.population,
        "generated_at": report.generated_at,
        "generated_by": report.generated_by,
        "app_version": report.app_version,
        "missing_communes": list(report.missing),
        "tables": body,
        "sha256": snapshot_hash(body),
    }


def snapshot_hash(tables_json: list[dict[str, Any]]) -> str:
    """SHA-256 of the tables' canonical JSON (sorted keys, no spaces, UTF-8)."""
    canonical = json.dumps(tables_json, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def write_report(
    session: CaseSession, report: MonthlyReport, tables: list[Table], fmt: str, out: Path
) -> None:
    """Write the report to `out` in `fmt` (json, csv or xlsx), audited as `report.export`.

    The file is written inside the transaction that records it: a write that fails leaves
    neither the file nor the entry.
    """
    if fmt not in FORMATS[1:]:
        raise UsageError(
            _("Unknown format {fmt}: use one of {choices}.").format(
                fmt=fmt, choices=", ".join(FORMATS[1:])
            )
        )
    data = {"json": _json_bytes, "csv": _csv_bytes, "xlsx": _xlsx_bytes}[fmt](report, tables)
    details: dict[str, str | int] = {
        "period": report.period.label,
        "format": fmt,
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    with session.transaction() as tx, writing_to(out):
        session.audit(tx, "report.export", "unit", report.unit_code, details)
        atomic_write_bytes(out, data)


def _table_json(table: Table) -> dict[str, Any]:
    keys = [column.key for column in table.columns]
    return {
        "key": table.key,
        "title": table.title,
        "columns": [{"key": c.key, "label": c.label} for c in table.columns],
        "rows": [
            dict(zip(keys, (line.code, line.label, *line.values), strict=True))
            for line in table.lines
        ],
    }


def _json_bytes(report: MonthlyReport, tables: list[Table]) -> bytes:
    text = json.dumps(report_json(report, tables), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def _csv_bytes(report: MonthlyReport, tables: list[Table]) -> bytes:
    """One CSV: the header lines, then each table under its title (UTF-8 with a BOM for Excel)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for label, value in header(report):
        writer.writerow([label, value])
    writer.writerow([_("Check code (SHA-256)"), report_json(report, tables)["sha256"]])
    for table in tables:
        writer.writerow([])
        writer.writerow([table.title])
        writer.writerow([column.label for column in table.columns])
        for line in table.lines:
            writer.writerow([line.code, line.label, *("" if v is None else v for v in line.values)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx_bytes(report: MonthlyReport, tables: list[Table]) -> bytes:
    """A workbook, one sheet per table, printable on A4 landscape, fitted to the page width."""
    book = Workbook()
    book.remove(book.active)
    check = report_json(report, tables)["sha256"]
    for table in tables:
        _sheet(book, report, table, check)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


_BOLD = Font(bold=True)
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _sheet(book: Workbook, report: MonthlyReport, table: Table, check: str) -> None:
    sheet = book.create_sheet(_sheet_name(table.title))
    sheet.append([table.title])
    sheet["A1"].font = Font(bold=True, size=13)
    for label, value in header(report):
        sheet.append([label, value])
    sheet.append([_("Check code (SHA-256)"), check])
    sheet.append([])
    head_row = sheet.max_row + 1
    sheet.append([column.label for column in table.columns])
    for cell in sheet[head_row]:
        cell.font, cell.border = _BOLD, _BOX
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for line in table.lines:
        label = ("    " * line.level) + line.label
        sheet.append([line.code, label, *line.values])
        for cell in sheet[sheet.max_row]:
            cell.border = _BOX
            if line.level == 0:
                cell.font = _BOLD
    _print_setup(sheet, head_row, len(table.columns))


def _print_setup(sheet: Any, head_row: int, width: int) -> None:
    sheet.column_dimensions["A"].width = 18
    sheet.column_dimensions["B"].width = 52
    for index in range(3, width + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 10
    sheet.freeze_panes = sheet.cell(row=head_row + 1, column=3)
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{head_row}:{head_row}"
    sheet.print_options.gridLines = False


def _sheet_name(title: str) -> str:
    """The title cut at a word within Excel's 31 characters, without the characters it bans."""
    name = title.translate(str.maketrans("/\\?*[]:", "-------"))
    if len(name) > SHEET_TITLE_MAX:
        name = name[: SHEET_TITLE_MAX + 1].rsplit(" ", 1)[0]
    return name
