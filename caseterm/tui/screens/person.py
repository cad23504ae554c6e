"""Hồ sơ: a person's file, and the actions the law allows now.

Status, measures, open deadlines, actions, the timeline (voided events struck through),
identity, drug-use profile and family.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from caseterm.i18n import N_, _
from caseterm.services.registry.person_view import (
    DeadlineRow,
    TimelineRow,
    deadline_rows,
    measure_rows,
    missed_checks_line,
    missing_documents_line,
    retention_line,
    timeline_rows,
    waiting_line,
)
from caseterm.services.words.labels import code_label, file_label
from caseterm.services.words.lifecycle import FLAG, REGISTER, label, status_label
from caseterm.tui.header import ScreenHeader
from caseterm.tui.person_rows import identity_rows, profile_rows
from caseterm.tui.screens.base import CasetermScreen
from caseterm.tui.table import ListTable

if TYPE_CHECKING:
    from caseterm.domain.lifecycle import Derived
    from caseterm.services.registry.actions import ActionOption
    from caseterm.services.registry.persons import PersonFile


class PersonScreen(CasetermScreen[None]):
    """One person's file. Opening it is audited as a read."""

    HELP_PAGE = "person"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", N_("Back"), id="back"),
        Binding("a", "focus_actions", N_("Actions"), id="person-actions"),
        Binding("t", "focus_timeline", N_("Timeline"), id="person-timeline"),
        Binding("v", "void", N_("Void event"), id="person-void"),
        Binding("h", "audit", N_("Who opened it"), id="person-audit"),
        Binding("x", "documents", N_("Documents"), id="person-documents"),
    ]

    def __init__(self, person_id: str, *, focus_deadline: str | None = None) -> None:
        super().__init__()
        self.person_id = person_id
        self.focus_deadline = focus_deadline
        self.person_file: PersonFile | None = None
        self.actions: list[ActionOption] = []
        self.timeline: list[TimelineRow] = []
        self.offered_documents: str | None = None
        """The event type just saved whose documents are offered first (x)."""
        self.deadline_rows: dict[str, DeadlineRow] = {}
        """The open deadlines by key (the detail line under the table reads them)."""

    def compose(self) -> ComposeResult:
        """Sections are filled once the file is read."""
        yield ScreenHeader()
        with VerticalScroll(id="file"):
            yield Static("", id="name", markup=False)
            yield Static("", id="status", markup=False)
            yield Label(_("Measures"), classes="section")
            yield ListTable(id="measures", cursor_type="row", show_cursor=False)
            yield Label(_("Open deadlines"), classes="section")
            yield ListTable(id="deadlines", cursor_type="row")
            yield Static("", id="deadline-detail", markup=False)
            yield Label(_("Actions the law allows now (Enter to record)"), classes="section")
            yield OptionList(id="actions")
            yield Label(_("Timeline (v: void the selected event)"), classes="section")
            yield ListTable(id="timeline", cursor_type="row")
            yield Label(_("Identity"), classes="section")
            yield Static("", id="identity", markup=False)
            yield Label(_("Drug-use profile"), classes="section")
            yield Static("", id="profile", markup=False)
            yield Label(_("Family"), classes="section")
            yield Static("", id="family", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Set the columns, then read the file (a fast, audited read) and fill the sections."""
        self.sub_title = _("Person file")
        self.query_one("#measures", DataTable).add_columns(
            _("Measure"), _("State"), _("From"), _("To"), _("Remaining"), _("Flags")
        )
        self.query_one("#deadlines", DataTable).add_columns(
            _("Status"), _("Due"), _("How long"), _("What is due"), _("Legal basis")
        )
        self.query_one("#timeline", DataTable).add_columns(_("When"), _("What"), _("Note"))
        self.reload()

    def reload(self) -> None:
        """Read the file again (after recording or voiding) and refill every section."""
        from caseterm.services.registry.actions import person_actions
        from caseterm.services.registry.persons import show_person

        try:
            session = self.caseterm.require_session()
            self.person_file = show_person(session, self.person_id)
            self.actions = person_actions(session, self.person_file)
        except Exception as error:  # shown as a message with an id, never a traceback
            self.caseterm.show_error(error)
            self.app.pop_screen()
            return
        self._fill(self.person_file)

    def _fill(self, person_file: PersonFile) -> None:
        record = person_file.person.record
        state = person_file.lifecycle
        person = person_file.person
        shown = file_label(person.file_no, person.id, person.file_unit)
        self.query_one("#name", Static).update(
            f"{record.full_name.upper()}  ·  {record.birth.display()}  ·  {record.village}"
            f"  ·  {shown}"
        )
        self.query_one("#status", Static).update(
            "  ·  ".join(
                filter(
                    None,
                    (
                        status_line(state),
                        missed_checks_line(state),
                        missing_documents_line(person_file),
                        retention_line(person_file),
                        waiting_line(person_file),
                    ),
                )
            )
        )
        self._fill_measures(person_file)
        self._fill_deadlines(person_file)
        self._fill_actions()
        self._fill_timeline(person_file)
        self.query_one("#identity", Static).update(_table(identity_rows(record)))
        self.query_one("#profile", Static).update(
            _table(profile_rows(record)) or _("Nothing recorded.")
        )
        family = [(code_label(m.relation), m.name) for m in record.family]
        self.query_one("#family", Static).update(_table(family) or _("Nothing recorded."))

    def _fill_measures(self, person_file: PersonFile) -> None:
        table = self.query_one("#measures", DataTable)
        table.clear()
        for row in measure_rows(person_file.lifecycle):
            style = "" if row.active else "dim"
            cells = (row.what, row.state, row.start, row.end, row.remaining, row.flags)
            table.add_row(*(Text(cell, style=style) for cell in cells))
        if not table.row_count:
            table.add_row(Text(_("No measure.")), "", "", "", "", "")

    @on(DataTable.RowHighlighted, "#deadlines")
    def _deadline_detail(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted deadline in full, wrapped: its table cells are cut at 80 columns."""
        key = event.row_key.value
        shown = self.deadline_rows.get(key or "")
        detail = self.query_one("#deadline-detail", Static)
        if shown is None:
            detail.update("")
            return
        lines = [f"{shown.due} ({shown.relative})  {shown.what}", shown.note, shown.basis]
        detail.update("\n".join(line for line in lines if line))

    def _fill_deadlines(self, person_file: PersonFile) -> None:
        self.deadline_rows = {row.key: row for row in deadline_rows(person_file.lifecycle)}
        table = self.query_one("#deadlines", DataTable)
        table.clear()
        for row in deadline_rows(person_file.lifecycle):
            marker = Text(f"⚠ {_('OVERDUE')}", style="bold") if row.overdue else Text(_("open"))
            what = Text(row.what)
            if row.note:  # a term end on a day off: its own line, so narrow screens keep it
                what.append(f"\n{row.note}", style="italic")
            cells = (marker, row.due, row.relative, what, row.basis)
            table.add_row(*cells, key=row.key, height=None if row.note else 1)
        if not table.row_count:
            table.add_row(Text(_("Nothing due.")), "", "", "", "")
        elif self.focus_deadline is not None:
            with contextlib.suppress(KeyError):  # done meanwhile: the table stays at the top
                table.move_cursor(row=table.get_row_index(self.focus_deadline))
                table.focus()
            self.focus_deadline = None

    def _fill_actions(self) -> None:
        actions = self.query_one("#actions", OptionList)
        actions.clear_options()
        for index, action in enumerate(self.actions):
            text = Text(action.label, style="bold" if action.allowed else "dim")
            text.append(f"  — {action.first_basis}", style="dim")
            if action.draft:
                text.append("  " + _("[draft for the chief]"))
            if not action.allowed:
                text.append(f"  [{action.why_not}]")
            actions.add_option(Option(text, id=str(index), disabled=not action.allowed))

    def _fill_timeline(self, person_file: PersonFile) -> None:
        table = self.query_one("#timeline", DataTable)
        table.clear()
        self.timeline = timeline_rows(person_file)
        for row in self.timeline:
            style = "strike dim" if row.voided else ("italic" if row.refused else "")
            table.add_row(
                Text(row.when, style=style),
                Text(row.what, style=style),
                Text(row.note),
                key=row.event_id,
            )

    # --- actions ------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#actions")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.open_action(int(event.option.id))

    def open_action(self, index: int) -> None:
        """Open the form of one of the actions offered."""
        action = self.actions[index]
        if self.person_file is None or not action.allowed:
            return
        from caseterm.tui.screens.event_form import EventFormScreen

        form = EventFormScreen(self.person_file, action)

        def saved(done: bool | None) -> None:
            if done and self.is_attached:
                self.reload()
                self._offer_documents(action.event_type, now=form.then_documents)

        self.app.push_screen(form, saved)

    def _offer_documents(self, event_type: str, *, now: bool = False) -> None:
        """After an event is saved, offer its documents (Mẫu 04 and the handover record…).

        With Ctrl+O in the form they open at once; otherwise a notice says x opens them.
        """
        from caseterm.services.documents.selection import forms_of_event

        session = self.caseterm.require_session()
        forms = forms_of_event(event_type, session.clock.now())
        if forms and now:
            self.offered_documents = event_type
            self.action_documents()
        elif forms:
            self.offered_documents = event_type
            self.notify(
                _("Documents of this event: {forms}. Press x to save them (Xuất văn bản).").format(
                    forms=", ".join(forms)
                ),
                timeout=10,
            )

    def action_documents(self) -> None:
        """Xuất văn bản: the official documents this file can fill.

        The documents of the event just saved come first.
        """
        from caseterm.tui.screens.documents import DocumentsScreen

        self.app.push_screen(DocumentsScreen(self.person_id, self.offered_documents))

    def action_focus_actions(self) -> None:
        """Go to the list of actions, the first allowed one highlighted."""
        actions = self.query_one("#actions", OptionList)
        if actions.highlighted is None:
            allowed = [n for n, action in enumerate(self.actions) if action.allowed]
            actions.highlighted = allowed[0] if allowed else None
        actions.focus()

    def action_focus_timeline(self) -> None:
        """Go to the timeline."""
        self.query_one("#timeline", DataTable).focus()

    def action_audit(self) -> None:
        """(Chief) Who opened, changed or drafted on this file, and when."""
        from caseterm.domain.permissions import Action
        from caseterm.tui.screens.audit import AuditScreen

        if not self.caseterm.require_session().may(Action.AUDIT_READ):
            self.notify(_("Only a chief or an administrator reads the audit trail."))
            return
        self.app.push_screen(AuditScreen(self.person_id))

    def action_void(self) -> None:
        """Void the event selected in the timeline, with a reason."""
        table = self.query_one("#timeline", DataTable)
        if not self.timeline or self.focused is not table:
            self.notify(_("Choose the event in the timeline first (t), then press v."))
            return
        row = self.timeline[table.cursor_row]
        if not row.voidable:
            self.notify(_("This event cannot be voided."), severity="warning")
            return
        from caseterm.tui.dialogs.void import VoidDialog

        def answered(reason: str | None) -> None:
            if reason:
                self._void(row.event_id, reason)

        self.app.push_screen(VoidDialog(f"{row.when} {row.what}"), answered)

    def _void(self, event_id: str, reason: str) -> None:
        from caseterm.services.lifecycle.events import void_event

        try:
            voided = void_event(self.caseterm.require_session(), event_id, reason)
        except Exception as error:  # shown as a message with an id, never a traceback
            self.caseterm.show_error(error)
            return
        message = _("The event is void.")
        if voided.no_longer_fit:
            message += " " + _("{n} later events no longer fit: see the timeline.").format(
                n=len(voided.no_longer_fit)
            )
        self.notify(message, markup=False)
        self.reload()


def status_line(state: Derived) -> str:
    """Status, registers and flags in words (never by colour alone)."""
    parts = [_("Status: {status}").format(status=status_label(state.status.value))]
    if state.registers:
        names = ", ".join(label(REGISTER, r.value) for r in sorted(state.registers))
        parts.append(_("on the {registers}").format(registers=names))
    if state.flags:
        parts.append(", ".join(label(FLAG, flag).upper() for flag in sorted(state.flags)))
    return "  ·  ".join(parts)


def _table(rows: list[tuple[str, str]]) -> str:
    width = max((len(label) for label, _value in rows), default=0)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in rows)
