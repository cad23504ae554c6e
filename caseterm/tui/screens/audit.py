"""Nhật ký truy cập: who opened, changed or drafted on a file (or the unit's own operations).

For a chief and an administrator; reading it is itself audited. The chain's integrity is
written above the list, in words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Static

from caseterm.i18n import N_, _
from caseterm.services.words.labels import moment_label
from caseterm.tui.header import ScreenHeader
from caseterm.tui.screens.base import CasetermScreen
from caseterm.tui.table import ListTable

if TYPE_CHECKING:
    from caseterm.services.audit.trail import AuditTrail


class AuditScreen(CasetermScreen[None]):
    """The audit trail of one person (or of the unit when no person is given), oldest first."""

    HELP_PAGE = "audit"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", N_("Back"), id="audit-back"),
    ]

    def __init__(self, person_id: str | None = None) -> None:
        super().__init__()
        self.person_id = person_id
        self.trail: AuditTrail | None = None

    def compose(self) -> ComposeResult:
        """The subject and the chain's state, then the entries."""
        yield ScreenHeader()
        yield Static("", id="audit-summary", markup=False)
        yield ListTable(id="audit", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """Set the columns and read the trail."""
        self.sub_title = _("Audit trail")
        self.query_one("#audit", DataTable).add_columns(
            _("No."), _("When"), _("Account"), _("What"), _("Details")
        )
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="audit")
    def _load(self) -> None:
        from caseterm.services.audit.trail import person_trail, unit_trail

        session = self.caseterm.require_session()
        try:
            trail = person_trail(session, self.person_id) if self.person_id else unit_trail(session)
        except Exception as error:  # shown as a message with an id, never a traceback
            self.app.call_from_thread(self.caseterm.show_error, error)
            return
        self.app.call_from_thread(self.show_trail, trail)

    def show_trail(self, trail: AuditTrail) -> None:
        """Fill the summary and the list, the newest entry highlighted."""
        self.trail = trail
        chain = (
            _("✓ the audit chain is intact ({n} entries)").format(n=trail.chain_entries)
            if trail.chain_fault is None
            else _("✗ the audit chain is broken at {where}").format(where=trail.chain_fault)
        )
        summary = _("Audit trail of {subject}").format(subject=trail.subject)
        self.query_one("#audit-summary", Static).update(f"{summary}\n{chain}")
        table = self.query_one("#audit", DataTable)
        table.clear()
        for row in trail.rows:
            table.add_row(str(row.seq), moment_label(row.at), row.account, row.what, row.details)
        if trail.rows:
            table.move_cursor(row=len(trail.rows) - 1)
        else:
            table.add_row("", "", "", _("No entries."), "")
