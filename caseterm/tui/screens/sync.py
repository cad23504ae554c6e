"""Đồng bộ (commune): the monthly bundle to the district, its progress, the acknowledgements."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, ProgressBar, Static

from caseterm.i18n import N_, _
from caseterm.services.words.labels import day_label
from caseterm.tui.dialogs.ask import AskDialog
from caseterm.tui.header import ScreenHeader
from caseterm.tui.screens.base import CasetermScreen
from caseterm.tui.table import ListTable

if TYPE_CHECKING:
    from caseterm.services.sync.commune import Exported, SyncStatus


class SyncScreen(CasetermScreen[None]):
    """Where the bundles stand, and the keys to make one or read an acknowledgement."""

    HELP_PAGE = "sync"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "export", N_("Export the month"), id="sync-export"),
        Binding("a", "read_ack", N_("Read an acknowledgement"), id="sync-ack"),
        Binding("escape", "cancel_export", N_("Cancel / back"), id="sync-cancel"),
        Binding("r", "reload", N_("Refresh"), id="sync-reload"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.status: SyncStatus | None = None
        self._cancel = threading.Event()
        self._exporting = False

    def compose(self) -> ComposeResult:
        """The district and what is waiting, the progress of an export, the history."""
        yield ScreenHeader()
        yield Static("", id="sync-banner", markup=False)
        yield Static("", id="sync-summary", markup=False)
        yield ProgressBar(id="sync-progress", show_eta=False)
        yield Static("", id="sync-history-title", markup=False)
        yield ListTable(id="sync-history", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """Set the columns and read the status."""
        self.sub_title = _("Sync with the district")
        self.query_one("#sync-progress").display = False
        self.query_one("#sync-history-title", Static).update(_("Bundles made"))
        self.query_one("#sync-history", DataTable).add_columns(
            _("No."), _("Month"), _("Made on"), _("Persons"), _("Events"), _("Acknowledged")
        )
        self.action_reload()

    @work(thread=True, exclusive=True, exit_on_error=False, group="sync-status")
    def action_reload(self) -> None:
        """Read the status again."""
        from caseterm.services.sync.commune import sync_status

        try:
            found = sync_status(self.caseterm.require_session())
        except Exception as error:  # shown as a message; the screen stays
            self.app.call_from_thread(self.caseterm.show_error, error)
            return
        self.app.call_from_thread(self.show_status, found)

    def show_status(self, found: SyncStatus) -> None:
        """Fill the summary and the history (status in words, colour only repeats it)."""
        self.status = found
        banner = self.query_one("#sync-banner", Static)
        if found.due_period:
            banner.update(_("⚠ The bundle for {period} is due.").format(period=found.due_period))
        banner.display = bool(found.due_period)
        lines = [
            _("District: {code}").format(code=found.district.district_code)
            if found.district
            else _("No district is set: bundles cannot be made yet."),
            _("Not yet acknowledged by the district: {persons} persons, {events} events.").format(
                persons=found.unsent_persons, events=found.unsent_events
            ),
        ]
        if found.signing_key_id:
            lines.append(
                _("This commune's signing key: {key_id}").format(key_id=found.signing_key_id)
            )
        self.query_one("#sync-summary", Static).update("\n".join(lines))
        table = self.query_one("#sync-history", DataTable)
        table.clear()
        for made in reversed(found.exports):
            table.add_row(
                str(made.sequence),
                made.period,
                day_label(made.created_at),
                str(made.persons),
                str(made.events),
                _("✓ {day}").format(day=day_label(made.acked_at))
                if made.acked_at
                else _("⚠ not yet"),
            )

    def action_export(self) -> None:
        """Ask for the month and the folder (a USB stick), then export."""
        if self._exporting:
            return
        month = self.status.due_period if self.status and self.status.due_period else ""
        fields = [
            ("period", _("Month (YYYY-MM)"), month),
            ("folder", _("Folder to write the bundle in (e.g. the USB stick)"), str(Path.home())),
        ]
        self.app.push_screen(
            AskDialog(_("Export the monthly bundle"), fields, ok=_("Export")), self._export_asked
        )

    def _export_asked(self, answer: dict[str, str] | None) -> None:
        if answer is None:
            return
        self._cancel.clear()
        self._exporting = True
        bar = self.query_one("#sync-progress", ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True
        self._export(answer["period"].strip(), Path(answer["folder"].strip()).expanduser())

    @work(thread=True, exclusive=True, exit_on_error=False, group="sync-export")
    def _export(self, period: str, folder: Path) -> None:
        from caseterm.services.sync.commune import ExportCancelled, export_bundle

        def progress(done: int, total: int) -> None:
            if self._cancel.is_set():
                raise ExportCancelled
            self.app.call_from_thread(self._advance, done, total)

        try:
            made = export_bundle(self.caseterm.require_session(), period, folder, progress=progress)
        except Exception as error:
            self.app.call_from_thread(self._finished, None, error)
            return
        self.app.call_from_thread(self._finished, made, None)

    def _advance(self, done: int, total: int) -> None:
        self.query_one("#sync-progress", ProgressBar).update(total=max(total, 1), progress=done)

    def _finished(self, made: Exported | None, error: Exception | None) -> None:
        self._exporting = False
        self.query_one("#sync-progress").display = False
        if error is not None:
            self.caseterm.show_error(error)
        elif made is not None:
            text = (
                _("Bundle {n} ({period}) written again, unchanged: {path}")
                if made.again
                else _("Bundle {n} ({period}) written: {path}")
            )
            self.notify(
                text.format(n=made.sequence, period=made.period, path=made.path),
                title=_("Exported"),
                markup=False,
                timeout=15,
            )
        self.action_reload()

    def action_cancel_export(self) -> None:
        """Stop an export in progress (nothing is recorded or written), or go back."""
        if self._exporting:
            self._cancel.set()
        else:
            self.caseterm.action_today()

    def action_read_ack(self) -> None:
        """Ask for the acknowledgement file the district sent back."""
        fields = [("path", _("Acknowledgement file (.ack)"), str(Path.home()))]
        self.app.push_screen(
            AskDialog(_("Read the district's acknowledgement"), fields, ok=_("Read")),
            self._ack_asked,
        )

    def _ack_asked(self, answer: dict[str, str] | None) -> None:
        if answer is not None:
            self._read_ack(Path(answer["path"].strip()).expanduser())

    @work(thread=True, exclusive=True, exit_on_error=False, group="sync-ack")
    def _read_ack(self, path: Path) -> None:
        from caseterm.services.sync.commune import import_ack

        try:
            ack = import_ack(self.caseterm.require_session(), path)
        except Exception as error:
            self.app.call_from_thread(self.caseterm.show_error, error)
            return
        message = _(
            "The district applied bundle {n} ({period}): {applied} records new to it, "
            "{present} it already had."
        ).format(
            n=ack.sequence, period=ack.period, applied=ack.applied, present=ack.already_present
        )
        self.app.call_from_thread(self.notify, message, title=_("Acknowledged"), markup=False)
        self.app.call_from_thread(self.action_reload)
