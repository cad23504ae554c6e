"""Xuất văn bản: the official documents a person's file can fill, and writing one to a file.

Offered from the person file (x) and right after a decision is saved (its own documents
first). A document holds personal data in clear: the officer chooses the folder, and is told
where the file is and that it must be printed and then deleted.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Static

from caseterm.i18n import N_, _
from caseterm.tui.header import ScreenHeader
from caseterm.tui.screens.base import CasetermScreen
from caseterm.tui.table import ListTable

if TYPE_CHECKING:
    from caseterm.services.documents.making import DocumentChoice, Made
    from caseterm.tui.dialogs.document import SaveRequest


class DocumentsScreen(CasetermScreen[None]):
    """The forms this file fills: ready ones marked ✓, others with what they lack."""

    HELP_PAGE = "documents"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", N_("Back"), id="documents-back"),
        Binding("enter", "write", N_("Save as a file"), id="documents-write", show=True),
    ]
    last_folder: ClassVar[Path | None] = None
    """The folder the officer chose last (kept while the program runs, never on disk)."""

    def __init__(self, person_id: str, event_type: str | None = None) -> None:
        super().__init__()
        self.person_id = person_id
        self.event_type = event_type
        self.choices: list[DocumentChoice] = []

    def compose(self) -> ComposeResult:
        """A line on what a document is, then the list."""
        yield ScreenHeader()
        yield Static(
            _("A document holds personal data in clear: save it to your own folder, print it, "
              "then delete it (caseterm doc clean)."),
            id="documents-note", markup=False,
        )  # fmt: skip
        yield ListTable(id="documents", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """Set the columns and read the choices."""
        self.sub_title = _("Official documents")
        self.query_one("#documents", DataTable).add_columns(
            _("Form no."), _("Readiness"), _("Date"), _("Number"), _("Document")
        )
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="documents")
    def _load(self) -> None:
        from caseterm.services.documents.making import document_choices

        try:
            choices = document_choices(self.caseterm.require_session(), self.person_id)
        except Exception as error:  # shown as a message with an id, never a traceback
            self.app.call_from_thread(self.caseterm.show_error, error)
            return
        self.app.call_from_thread(self.show_choices, choices)

    def show_choices(self, choices: list[DocumentChoice]) -> None:
        """Fill the list: the saved decision's own documents first when there is one."""
        if self.event_type is not None:
            from caseterm.services.documents.templates import active_set

            own = {f.form for f in active_set().forms.values() if self.event_type in f.events}
            newest = [c for c in choices if c.form in own]
            choices = newest + [c for c in choices if c not in newest]
        self.choices = choices
        table = self.query_one("#documents", DataTable)
        table.clear()
        for choice in choices:
            state = (
                _("✓ ready")
                if not choice.missing
                else _("… needs {n}").format(n=len(choice.missing))
            )
            table.add_row(choice.form, state, choice.when, choice.number, choice.title)
        table.focus()

    @on(DataTable.RowSelected, "#documents")
    def _selected(self, _event: DataTable.RowSelected) -> None:
        self.action_write()

    def action_write(self) -> None:
        """Ask for what the form lacks and where to save it, then write it."""
        table = self.query_one("#documents", DataTable)
        if not self.choices:
            return
        choice = self.choices[table.cursor_row]
        from caseterm.tui.dialogs.document import DocumentDialog

        def answered(request: SaveRequest | None) -> None:
            if request is not None:
                DocumentsScreen.last_folder = request.out.parent
                self._write(choice, request)

        folder = self.last_folder or default_folder()
        self.app.push_screen(DocumentDialog(choice, folder), answered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="documents-write")
    def _write(self, choice: DocumentChoice, request: SaveRequest) -> None:
        from caseterm.services.documents.making import make_document

        session = self.caseterm.require_session()
        try:
            made = make_document(session, choice.form, self.person_id, request.out,
                                 event_id=choice.event_id, values=request.values)  # fmt: skip
        except Exception as error:  # shown as a message with an id, never a traceback
            self.app.call_from_thread(self.caseterm.show_error, error)
            return
        self.app.call_from_thread(self._written, made)

    def _written(self, made: Made) -> None:
        self.notify(
            _("Saved {form} to {path}. Print it, then delete it.").format(
                form=made.form, path=made.path
            ),
            timeout=15,
        )
        self._load()


def default_folder() -> Path:
    """The officer's Documents folder when there is one, else the home folder."""
    home = Path.home()
    documents = home / "Documents"
    return documents if documents.is_dir() else home
