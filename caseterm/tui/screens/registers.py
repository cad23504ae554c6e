"""Danh sách: the registers, with search as you type (folded names, aliases, ID prefixes)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Input, Label

from caseterm.errors import CasetermError
from caseterm.i18n import _, ngettext
from caseterm.services.labels import code_label, date_label

if TYPE_CHECKING:
    from caseterm.services.persons import PersonSummary
    from caseterm.tui.app import CasetermApp

PAGE = 200
DEBOUNCE_SECONDS = 0.15


class RegistersScreen(Screen[None]):
    """The list of persons and the search box."""

    HELP_PAGE = "registers"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "new_person", _("New person"), id="new-person"),
        Binding("n", "new_person", _("New person"), show=False, id="new-person-n"),
        Binding("slash", "focus_search", _("Search"), id="search"),
        Binding("down", "focus_table", _("List"), show=False, id="to-list"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._debounce: Timer | None = None
        self.shown: list[PersonSummary] = []
        """The persons on screen, in table order."""

    @property
    def caseterm(self) -> CasetermApp:
        """The typed application."""
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        """Search box, result count, table."""
        yield Header()
        yield Input(
            id="search", placeholder=_("Search: name without tones, other name, or ID number")
        )
        yield Label("", id="count", markup=False)
        yield DataTable(id="persons", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """Set the columns and show the first page in register order."""
        self.sub_title = _("Registers")
        table = self.query_one(DataTable)
        table.add_columns(_("Full name"), _("Sex"), _("Born"), _("ID number"), _("Village"))
        self.query_one("#search", Input).focus()
        self._load("")

    @on(Input.Changed, "#search")
    def _typed(self, event: Input.Changed) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        query = event.value
        self._debounce = self.set_timer(DEBOUNCE_SECONDS, lambda: self._load(query))

    @on(Input.Submitted, "#search")
    def _submitted(self) -> None:
        self.action_focus_table()

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def _load(self, query: str) -> None:
        from caseterm.services.persons import find_persons, list_persons

        try:
            session = self.caseterm.require_session()
            complete = True
            if query.strip():
                matches = find_persons(session, query)
                found, total, complete = matches.persons, len(matches.persons), matches.complete
            else:
                found, total = list_persons(session, limit=PAGE)
        except Exception as error:  # shown as a message with an id, never a traceback
            self.app.call_from_thread(self.caseterm.show_error, error)
            return
        self.app.call_from_thread(self.show_results, found, total, bool(query.strip()), complete)

    def show_results(
        self, found: list[PersonSummary], total: int, searching: bool, complete: bool = True
    ) -> None:
        """Replace the table's rows."""
        self.shown = found
        table = self.query_one(DataTable)
        table.clear()
        for item in found:
            document = f"{item.id_type} {item.id_number}" if item.id_number else "—"
            table.add_row(
                item.full_name,
                code_label(item.sex),
                date_label(item.birth),
                document,
                item.village,
                key=item.id,
            )
        if searching and not complete:
            text = _("More than 1,000 persons match; only some are shown. Type more letters.")
        elif searching:
            text = ngettext("{n} person found.", "{n} persons found.", total).format(n=total)
        else:
            text = _(
                "{shown} of {total} persons, in register order (given name first). Type to search."
            ).format(shown=len(found), total=total)
        self.query_one("#count", Label).update(text)

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.open_person(event.row_key.value)

    def open_person(self, person_id: str) -> None:
        """Open a person's file."""
        from caseterm.tui.screens.person import PersonScreen

        try:
            self.app.push_screen(PersonScreen(person_id))
        except CasetermError as error:
            self.caseterm.show_error(error)

    def action_new_person(self) -> None:
        """Open the new-person form; refresh the list when a person was added."""
        from caseterm.tui.screens.new_person import NewPersonScreen

        def added(person_id: str | None) -> None:
            if person_id and self.is_attached:
                self._load(self.query_one("#search", Input).value)
                self.open_person(person_id)

        self.app.push_screen(NewPersonScreen(), added)

    def action_focus_search(self) -> None:
        """Go to the search box."""
        self.query_one("#search", Input).focus()

    def action_focus_table(self) -> None:
        """Go to the list."""
        self.query_one(DataTable).focus()
