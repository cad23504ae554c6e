"""Danh sách: the registers, with filters and search as you type.

Filters: register, measure, state, officer, village. Search: folded names, aliases, ID
prefixes. Pages load as the cursor reaches the end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Input, Label, Select

from caseterm.errors import CasetermError
from caseterm.i18n import N_, _, ngettext
from caseterm.services.registry.persons import ListFilter
from caseterm.services.words.labels import code_label, date_label, file_label
from caseterm.services.words.lifecycle import MEASURE, REGISTER, label, status_label
from caseterm.tui.header import ScreenHeader
from caseterm.tui.screens.base import CasetermScreen
from caseterm.tui.table import ListTable

if TYPE_CHECKING:
    from caseterm.services.documents.making import Made
    from caseterm.services.registry.persons import PersonSummary
    from caseterm.tui.dialogs.document import SaveRequest

PAGE = 200
DEBOUNCE_SECONDS = 0.15


class RegistersScreen(CasetermScreen[None]):
    """The list of persons and the search box."""

    HELP_PAGE = "registers"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "new_person", N_("New person"), id="new-person", priority=True),
        Binding("n", "new_person", N_("New person"), show=False, id="new-person-n"),
        Binding("slash", "focus_search", N_("Search"), id="search"),
        Binding("down", "focus_table", N_("List"), show=False, id="to-list"),
        Binding("f4", "focus_filters", N_("Filters"), id="filters"),
        # Not in the footer (no room at 80 columns): in the help (F1) and the palette.
        Binding("f8", "register_document", N_("List (Mẫu 10)"), show=False, id="register-doc"),
    ]
    FILTERS = ("register", "measure", "status", "officer", "village")

    def __init__(self) -> None:
        super().__init__()
        self._debounce: Timer | None = None
        self.shown: list[PersonSummary] = []
        """The persons on screen, in table order."""
        self.total = 0
        self._loading_more = False

    def compose(self) -> ComposeResult:
        """Search box, result count, table."""
        yield ScreenHeader()
        yield Input(
            id="search", placeholder=_("Search: name without tones, other name, or ID number")
        )
        with Horizontal(id="filters"):
            for name in self.FILTERS:
                yield Select[str](
                    [], id=f"filter-{name}", prompt=_filter_prompt(name), compact=True
                )
        yield Label("", id="count", markup=False)
        yield ListTable(id="persons", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """Set the columns and show the first page in register order."""
        self.sub_title = _("Registers")
        table = self.query_one(DataTable)
        table.add_columns(
            _("Full name"), _("Sex"), _("Born"), _("ID number"), _("Village"), _("File")
        )
        self.query_one("#search", Input).focus()
        self._fill_filters()
        self._load("")

    def _fill_filters(self) -> None:
        from caseterm.services.registry.persons import filter_choices

        try:
            choices = filter_choices(self.caseterm.require_session())
        except Exception as error:  # shown as a message with an id, never a traceback
            self.caseterm.show_error(error)
            return
        choices["register"] = sorted(REGISTER)
        for name in self.FILTERS:
            options = [(_filter_words(name, value), value) for value in choices.get(name, [])]
            self.query_one(f"#filter-{name}", Select).set_options(options)

    def where(self) -> ListFilter:
        """The filters as chosen (an unchosen one does not filter)."""
        chosen = {}
        for name in self.FILTERS:
            value = self.query_one(f"#filter-{name}", Select).value
            chosen[name] = value if isinstance(value, str) else ""
        return ListFilter(**chosen)

    @on(Select.Changed)
    def _filtered(self) -> None:
        self._load(self.query_one("#search", Input).value)

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
        from caseterm.services.registry.persons import find_persons, list_persons

        where = self.app.call_from_thread(self.where)
        try:
            session = self.caseterm.require_session()
            complete = True
            if query.strip():
                matches = find_persons(session, query, where=where)
                found, total, complete = matches.persons, len(matches.persons), matches.complete
            else:
                found, total = list_persons(session, limit=PAGE, where=where)
        except Exception as error:  # shown as a message with an id, never a traceback
            self.app.call_from_thread(self.caseterm.show_error, error)
            return
        self.app.call_from_thread(self.show_results, found, total, bool(query.strip()), complete)

    @on(DataTable.RowHighlighted)
    def _near_end(self, event: DataTable.RowHighlighted) -> None:
        """Load the next page when the cursor reaches the last rows of an unfiltered list."""
        searching = bool(self.query_one("#search", Input).value.strip())
        at_end = event.cursor_row >= len(self.shown) - 5
        if at_end and not searching and len(self.shown) < self.total and not self._loading_more:
            self._loading_more = True
            self._load_more(len(self.shown))

    @work(thread=True, exclusive=True, exit_on_error=False, group="more")
    def _load_more(self, offset: int) -> None:
        from caseterm.services.registry.persons import list_persons

        where = self.app.call_from_thread(self.where)
        try:
            page, _total = list_persons(
                self.caseterm.require_session(), offset=offset, limit=PAGE, where=where
            )
        except Exception as error:  # shown as a message with an id, never a traceback
            self.app.call_from_thread(self.caseterm.show_error, error)
            return
        self.app.call_from_thread(self._append, page)

    def _append(self, page: list[PersonSummary]) -> None:
        self._loading_more = False
        known = {p.id for p in self.shown}
        fresh = [p for p in page if p.id not in known]
        self.shown += fresh
        self._add_rows(fresh)
        self._count_line(self.total, searching=False, complete=True)

    def show_results(
        self, found: list[PersonSummary], total: int, searching: bool, complete: bool = True
    ) -> None:
        """Replace the table's rows."""
        self.shown = found
        self.total = total
        self._loading_more = False
        self.query_one(DataTable).clear()
        self._add_rows(found)
        self._count_line(total, searching=searching, complete=complete)

    def _add_rows(self, found: list[PersonSummary]) -> None:
        table = self.query_one(DataTable)
        for item in found:
            document = f"{item.id_type} {item.id_number}" if item.id_number else "—"
            table.add_row(
                item.full_name,
                code_label(item.sex),
                date_label(item.birth),
                document,
                item.village,
                file_label(item.file_no, item.id, item.file_unit),
                key=item.id,
            )

    def _count_line(self, total: int, *, searching: bool, complete: bool) -> None:
        found = self.shown
        if searching and not complete:
            text = _("More than 1,000 persons match; only some are shown. Type more letters.")
        elif searching:
            text = ngettext("{n} person found.", "{n} persons found.", total).format(n=total)
        else:
            text = _(
                "{shown} of {total} persons, in register order (given name first). Type to search."
            ).format(shown=len(found), total=total)
        chosen = [_filter_words(name, value) for name, value in vars(self.where()).items() if value]
        if chosen:  # the dropdowns are narrow at 80 columns: the whole choice is said here
            text += "\n" + _("Filtered by: {filters}").format(filters="; ".join(chosen))
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

    def action_focus_filters(self) -> None:
        """Go to the first filter."""
        self.query_one(f"#filter-{self.FILTERS[0]}", Select).focus()

    def action_register_document(self) -> None:
        """Save the list of persons under user management (Mẫu III-10) for a period."""
        from caseterm.tui.dialogs.document import DocumentDialog
        from caseterm.tui.screens.documents import DocumentsScreen, default_folder
        from caseterm.tui.screens.register_document import register_choice

        today = self.caseterm.require_session().clock.now().date()
        prefill = {"from": f"01/01/{today.year}", "to": today.strftime("%d/%m/%Y")}

        def answered(request: SaveRequest | None) -> None:
            if request is not None:
                DocumentsScreen.last_folder = request.out.parent
                self._write_register(request)

        folder = DocumentsScreen.last_folder or default_folder()
        self.app.push_screen(DocumentDialog(register_choice(), folder, prefill), answered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="register-document")
    def _write_register(self, request: SaveRequest) -> None:
        from caseterm.services.documents.registers import make_register, parse_period

        session = self.caseterm.require_session()
        try:
            today = session.clock.now().date()
            period = parse_period(request.values["from"], request.values["to"], today)
            made = make_register(session, "III-10", request.out, period)
        except Exception as error:  # shown as a message with an id, never a traceback
            self.app.call_from_thread(self.caseterm.show_error, error)
            return
        self.app.call_from_thread(self._register_written, made)

    def _register_written(self, made: Made) -> None:
        self.notify(_("Saved {form} to {path}. Print it, then delete it.").format(
            form=made.form, path=made.path), timeout=15)  # fmt: skip


def _filter_prompt(name: str) -> str:
    return {
        "register": _("Register: all"),
        "measure": _("Measure: all"),
        "status": _("State: all"),
        "officer": _("Officer: all"),
        "village": _("Village: all"),
    }[name]


def _filter_words(name: str, value: str) -> str:
    if name == "register":
        return label(REGISTER, value)
    if name == "measure":
        return label(MEASURE, value)
    if name == "status":
        return status_label(value)
    return value
