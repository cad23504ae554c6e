"""Hôm nay: what is overdue, due today and due in the next 7 days; Enter opens the file at it."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from caseterm.i18n import N_, _
from caseterm.services.lifecycle_text import MEASURE, REGISTER, deadline_label, label
from caseterm.services.today import today_banners, today_basis, when_label

if TYPE_CHECKING:
    from caseterm.services.due import DueItem, DueList
    from caseterm.tui.app import CasetermApp

SHOWN = 500
"""Lines drawn at most: more than a morning's work is summarised, never drawn row by row."""
GROUPS = (
    ("overdue", "⚠", "error"),
    ("today", "●", "warning"),
    ("upcoming", "○", ""),
)
"""Each group's text marker and style: status is written, the colour only repeats it."""


class TodayScreen(Screen[None]):
    """The officer's morning: the deadlines, most urgent first."""

    HELP_PAGE = "today"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "reload", N_("Refresh"), id="today-reload"),
        Binding("f3", "app.registers", N_("Registers"), id="today-registers"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[DueItem] = []
        """The deadlines on screen, in table order."""

    @property
    def caseterm(self) -> CasetermApp:
        """The typed application."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        """Banner, counts, the deadlines table."""
        yield Header()
        yield Static("", id="banner", markup=False)
        yield Static("", id="counts", markup=False)
        yield DataTable(id="due", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """Set the columns and read the list in a worker (it may refresh stale projections)."""
        self.sub_title = _("Today")
        table = self.query_one(DataTable)
        table.add_columns(
            _("Status"), _("Due"), _("Person"), _("What is due"), _("Measure"), _("Legal basis")
        )
        table.focus()
        self.action_reload()

    def action_reload(self) -> None:
        """Read the list again."""
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="today")
    def _load(self) -> None:
        from caseterm.services.due import due_list

        try:
            found = due_list(self.caseterm.require_session())
        except Exception as error:  # shown as a message with an id, never a traceback
            self.app.call_from_thread(self.caseterm.show_error, error)
            return
        self.app.call_from_thread(self.show_list, found)

    def show_list(self, found: DueList) -> None:
        """Fill the banner, the counts and the table."""
        banners = today_banners(found)
        banner = self.query_one("#banner", Static)
        banner.update("\n".join(f"⚠ {line}" for line in banners))
        banner.display = bool(banners)
        self.query_one("#counts", Static).update(_counts_line(found))
        table = self.query_one(DataTable)
        table.clear()
        self.items = []
        hidden = 0
        for group, marker, style in GROUPS:
            for item in getattr(found, group):
                if len(self.items) >= SHOWN:
                    hidden += 1
                    continue
                table.add_row(*_cells(item, group, marker, style, found), key=str(len(self.items)))
                self.items.append(item)
        if hidden:
            more = _("{n} more deadlines are not drawn: open the registers (F3) and filter.")
            table.add_row(Text(more.format(n=hidden)), "", "", "", "", "")
        if not self.items:
            table.add_row(Text(_("Nothing is due in the next 7 days.")), "", "", "", "", "")

    @on(DataTable.RowSelected, "#due")
    def _open(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is None or not event.row_key.value.isdigit():
            return
        item = self.items[int(event.row_key.value)]
        if item.person_id is None:
            self.notify(
                _("This deadline is the commune's: record it with “caseterm unit-event”."),
                markup=False,
            )
            return
        from caseterm.tui.screens.person import PersonScreen

        self.app.push_screen(PersonScreen(item.person_id, focus_deadline=item.key))


def _cells(item: DueItem, group: str, marker: str, style: str, found: DueList) -> tuple[Text, ...]:
    """One line; the first cell says the status in words, the colour only repeats it."""
    from caseterm.services.labels import relative_label

    relative = relative_label(item.due_at, found.now)
    status = _("today, {relative}").format(relative=relative) if group == "today" else relative
    if item.person_id is None:
        measure = _("the commune")
    else:
        measure = label(MEASURE, item.measure) if item.measure else "—"
    return (
        Text(f"{marker} {status}", style=style),
        Text(when_label(item.due_at)),
        Text(item.full_name or _("(the commune)")),
        Text(f"{item.code} {deadline_label(item.code, item.key)}"),
        Text(measure),
        Text(today_basis(item)),
    )


def _counts_line(found: DueList) -> str:
    counts = " · ".join(
        f"{label(REGISTER, code)}: {found.registers.get(code, 0)}" for code in sorted(REGISTER)
    )
    totals = _("{overdue} overdue, {today} today, {upcoming} in the next 7 days").format(
        overdue=len(found.overdue), today=len(found.today), upcoming=len(found.upcoming)
    )
    return f"{totals}\n{counts}"
