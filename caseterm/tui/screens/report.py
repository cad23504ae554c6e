"""Báo cáo (F6): the monthly report on screen, one table at a time, and saved as XLSX or CSV."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Static

from caseterm.i18n import N_, _
from caseterm.tui.dialogs.ask import AskDialog
from caseterm.tui.header import ScreenHeader
from caseterm.tui.screens.base import CasetermScreen
from caseterm.tui.table import ListTable

if TYPE_CHECKING:
    from caseterm.services.reports.monthly import MonthlyReport
    from caseterm.services.reports.tables import Table


class ReportScreen(CasetermScreen[None]):
    """The commune's report (a district's: per commune); choose the month, page the tables."""

    HELP_PAGE = "report"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "period", N_("Choose the month"), id="report-period"),
        Binding("right_square_bracket,n", "next_table", N_("Next table"), id="report-next"),
        Binding("left_square_bracket,b", "previous_table", N_("Previous table"), id="report-prev"),
        Binding("x", "save('xlsx')", N_("Save XLSX"), id="report-xlsx"),
        Binding("c", "save('csv')", N_("Save CSV"), id="report-csv"),
        # No room left in the footer at 80 columns: said in the help (F1).
        Binding("w", "save('docx')", N_("Word for the committee"), show=False, id="report-docx"),
        Binding("escape", "back", N_("Back"), id="report-back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.report: MonthlyReport | None = None
        self.tables: list[Table] = []
        self.shown = 0

    def compose(self) -> ComposeResult:
        """The header lines, the table's title and the table."""
        yield ScreenHeader()
        yield Static(_("Making the report…"), id="report-header", markup=False)
        yield Static("", id="report-title", markup=False)
        yield ListTable(id="report-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """Make the report of the last complete month."""
        self.sub_title = _("Monthly report")
        self._make(None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="report")
    def _make(self, period: str | None) -> None:
        from caseterm.services.reports.monthly import district_report, monthly_report
        from caseterm.services.reports.tables import commune_tables, district_tables

        session = self.caseterm.require_session()
        district = session.unit.kind == "district"
        try:
            report = (district_report if district else monthly_report)(session, period)
        except Exception as error:  # shown as a message; the screen keeps what it had
            self.app.call_from_thread(self.caseterm.show_error, error)
            return
        tables = (district_tables if district else commune_tables)(report)
        self.app.call_from_thread(self.show_report, report, tables)

    def show_report(self, report: MonthlyReport, tables: list[Table]) -> None:
        """Show a new report from its first table."""
        from caseterm.services.reports.tables import header

        self.report, self.tables, self.shown = report, tables, 0
        lines = [f"{label}: {value}" for label, value in header(report)]
        # One wrapped paragraph, not a line each: at 24 rows the table needs the room.
        self.query_one("#report-header", Static).update(" · ".join(lines))
        self._show_table()

    def _show_table(self) -> None:
        table = self.tables[self.shown]
        title = _("Table {n} of {count}: {title}   ([ ] or N/B: other tables)").format(
            n=self.shown + 1, count=len(self.tables), title=table.title
        )
        self.query_one("#report-title", Static).update(title)
        grid = self.query_one("#report-table", DataTable)
        grid.clear(columns=True)
        # The row labels stay while the numbers scroll beside them (80 columns hold one or two).
        grid.fixed_columns = 1
        labels = [column.label for column in table.columns[1:]]
        # At 80 columns a label column as wide as its longest label leaves no room for numbers:
        # it is held to LABEL_WIDTH and its labels wrap onto a second line.
        narrow = self.size.width < WIDE_SCREEN
        grid.add_column(labels[0], width=LABEL_WIDTH if narrow else None)
        grid.add_columns(*labels[1:])
        for line in table.lines:
            words = Text(("  " * line.level) + line.label)
            cells = (_shown(value) for value in line.values)
            grid.add_row(words, *cells, key=line.code, height=None if narrow else 1)

    def action_next_table(self) -> None:
        """Show the next table."""
        if self.tables:
            self.shown = (self.shown + 1) % len(self.tables)
            self._show_table()

    def action_previous_table(self) -> None:
        """Show the previous table."""
        if self.tables:
            self.shown = (self.shown - 1) % len(self.tables)
            self._show_table()

    def action_period(self) -> None:
        """Ask for the month (YYYY-MM)."""
        current = self.report.period.label if self.report else ""
        fields = [("period", _("Month (YYYY-MM)"), current)]
        self.app.push_screen(
            AskDialog(_("Report for which month?"), fields, ok=_("Make the report")),
            self._period_asked,
        )

    def _period_asked(self, answer: dict[str, str] | None) -> None:
        if answer is not None:
            self._make(answer["period"].strip())

    def action_save(self, fmt: str) -> None:
        """Ask where to save the report (XLSX or CSV)."""
        if self.report is None:
            return
        name = f"bao-cao-{self.report.unit_code}-{self.report.period.label}.{fmt}"
        fields = [("path", _("File to write"), str(Path.home() / name))]
        title = _("Save the report as {fmt}").format(fmt=fmt.upper())
        self.app.push_screen(
            AskDialog(title, fields, ok=_("Save")), lambda answer: self._save_asked(fmt, answer)
        )

    def _save_asked(self, fmt: str, answer: dict[str, str] | None) -> None:
        if answer is not None and self.report is not None:
            self._save(fmt, Path(answer["path"].strip()).expanduser())

    @work(thread=True, exclusive=True, exit_on_error=False, group="report-save")
    def _save(self, fmt: str, path: Path) -> None:
        from caseterm.services.documents.report_document import make_report_document
        from caseterm.services.reports.export import write_report

        assert self.report is not None  # noqa: S101 - checked before the dialog
        session = self.caseterm.require_session()
        try:
            if fmt == "docx":  # the numbered report to the commune People's Committee
                make_report_document(session, path, self.report.period.label)
            else:
                write_report(session, self.report, self.tables, fmt, path)
        except Exception as error:
            self.app.call_from_thread(self.caseterm.show_error, error)
            return
        message = _("Report {period} written: {path}").format(
            period=self.report.period.label, path=path
        )
        self.app.call_from_thread(self.notify, message, title=_("Saved"), markup=False)

    def action_back(self) -> None:
        """Back to the today screen."""
        self.caseterm.action_today()


LABEL_WIDTH = 40
"""The row labels' column on a narrow screen (the numbers get the rest)."""
WIDE_SCREEN = 120


def _shown(value: object) -> str:
    """A cell on screen: a ratio (the only fractional values) with its per cent sign."""
    from caseterm.services.reports.tables import cell_text

    return f"{value:.2f} %" if isinstance(value, float) else cell_text(value)
