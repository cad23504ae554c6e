"""The district's screen: each commune's bundles, who is late, alerts, shared ID numbers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

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
    from caseterm.services.sync.district import CommuneStatus, DistrictStatus
    from caseterm.services.sync.district_chain import Imported


class DistrictScreen(CasetermScreen[None]):
    """The district's morning: which commune sent what, and what needs a person's eye."""

    HELP_PAGE = "district"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("i", "import_bundles", N_("Import bundles"), id="district-import"),
        Binding("r", "reload", N_("Refresh"), id="district-reload"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.status: DistrictStatus | None = None

    def compose(self) -> ComposeResult:
        """The communes, then the alerts and the ID numbers two communes hold."""
        yield ScreenHeader()
        yield Static("", id="district-address", markup=False)
        yield ListTable(id="communes", cursor_type="row", zebra_stripes=True)
        yield Static("", id="district-notes", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Set the columns and read the status."""
        self.sub_title = _("District")
        self.query_one("#communes", DataTable).add_columns(
            _("Commune"), _("Last bundle"), _("Month"), _("Days since"), _("Sync state")
        )
        self.query_one("#communes", DataTable).focus()
        self.action_reload()

    @work(thread=True, exclusive=True, exit_on_error=False, group="district-status")
    def action_reload(self) -> None:
        """Read the status again."""
        from caseterm.services.sync.district import district_status

        try:
            found = district_status(self.caseterm.require_session())
        except Exception as error:
            self.app.call_from_thread(self.caseterm.show_error, error)
            return
        self.app.call_from_thread(self.show_status, found)

    def show_status(self, found: DistrictStatus) -> None:
        """Fill the table and the notes; every state is written, not only coloured."""
        self.status = found
        self.query_one("#district-address", Static).update(
            _("Address for the communes: {address}").format(address=found.address.text())
        )
        table = self.query_one("#communes", DataTable)
        table.clear()
        for commune in found.communes:
            table.add_row(
                f"{commune.unit_code} {commune.name}",
                f"#{commune.last_sequence}" if commune.last_sequence else "—",
                commune.last_period or "—",
                str(commune.days_since),
                commune_state(commune),
            )
        notes = [
            _("⚠ ALERT {code}: {unit} #{n} at {at}").format(code=code, unit=unit, n=n, at=at)
            for unit, n, code, at in found.alerts
        ]
        notes += [
            _("⚠ ID number {end} is held by several communes: {holders}").format(
                end=shared.id_number_end,
                holders=", ".join(f"{unit} {pid}" for unit, pid in shared.holders),
            )
            for shared in found.shared
        ]
        self.query_one("#district-notes", Static).update(
            "\n".join(notes) or _("No alerts, and no ID number held by two communes.")
        )

    def action_import_bundles(self) -> None:
        """Ask for a bundle file, or a folder of them (the USB stick)."""
        fields = [("path", _("Bundle file (.ctb), or a folder of them"), str(Path.home()))]
        self.app.push_screen(
            AskDialog(_("Import communes' bundles"), fields, ok=_("Import")), self._asked
        )

    def _asked(self, answer: dict[str, str] | None) -> None:
        if answer is not None:
            self._import(Path(answer["path"].strip()).expanduser())

    @work(thread=True, exclusive=True, exit_on_error=False, group="district-import")
    def _import(self, path: Path) -> None:
        from caseterm.services.sync.district_import import import_bundle

        files = sorted(path.glob("*.ctb")) if path.is_dir() else [path]
        session = self.caseterm.require_session()
        lines: list[str] = []
        for file in files:
            try:
                lines += [imported_line(result) for result in import_bundle(session, file)]
            except Exception as error:
                self.app.call_from_thread(self.caseterm.show_error, error)
        if lines:
            self.app.call_from_thread(
                self.notify, "\n".join(lines), title=_("Imported"), markup=False, timeout=20
            )
        if not files:
            self.app.call_from_thread(
                self.notify, _("No bundle (.ctb) there."), severity="warning", markup=False
            )
        self.app.call_from_thread(self.action_reload)


def commune_state(commune: CommuneStatus) -> str:
    """A commune's state in words, worst first."""
    if commune.quarantined:
        return _("⚠ waiting for bundle {missing}").format(
            missing=", ".join(map(str, commune.missing))
        )
    if commune.stale:
        return _("⚠ no bundle for {days} days").format(days=commune.days_since)
    revoked = [key for key, gone in commune.keys if gone]
    if revoked and len(revoked) == len(commune.keys):
        return _("⚠ no trusted key")
    if not commune.last_sequence:
        return _("… no bundle yet")
    return _("✓ up to date")


def imported_line(result: Imported) -> str:
    """One imported bundle, as a line of the notification."""
    where = f"{result.unit_code} #{result.sequence} ({result.period})"
    if result.outcome == "quarantined":
        return _("{where}: quarantined until bundle {missing} from {unit} arrives.").format(
            where=where, missing=", ".join(map(str, result.missing)), unit=result.unit_code
        )
    if result.outcome == "already_quarantined":
        return _("{where}: already quarantined.").format(where=where)
    if result.outcome == "already_applied":
        return _("{where}: already applied; nothing changed.").format(where=where)
    counts = result.counts
    return _("{where}: applied: {applied} records new, {present} already present.").format(
        where=where,
        applied=counts.applied if counts else 0,
        present=counts.already_present if counts else 0,
    )
