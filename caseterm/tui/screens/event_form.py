"""The form of one event: the fields the law needs, checked as you type, and what saving causes.

Saving goes through `record_event`, which checks everything again in one transaction; the
preview is the same check made early, so the officer reads the consequence before saving.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
)

from caseterm.domain.permissions import Action
from caseterm.errors import NeedsConfirmation
from caseterm.i18n import N_, _
from caseterm.services.lifecycle.event_form import FormField, Value, form_fields
from caseterm.services.lifecycle.today import when_label
from caseterm.tui.dialogs.confirm import ConfirmDialog, leave_unless_typed
from caseterm.tui.header import ScreenHeader
from caseterm.tui.screens.base import CasetermScreen
from caseterm.tui.yes_no import YesNoBox

if TYPE_CHECKING:
    from caseterm.services.registry.actions import ActionOption, Preview
    from caseterm.services.registry.persons import PersonFile

OCCURRED = "occurred_at"
PLACEHOLDER = {
    "moment": "dd/mm/yyyy HH:MM",
    "date": "dd/mm/yyyy",
    "number": "0",
    "list": "…; …",
}
PREVIEW_DELAY = 0.2


class EventFormScreen(CasetermScreen[bool]):
    """Record one event for a person; dismisses True when saved, False when left unsaved."""

    HELP_PAGE = "event_form"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), id="form-save"),
        Binding("escape", "cancel", N_("Cancel"), id="form-cancel"),
        Binding(
            "ctrl+o",
            "save_and_documents",
            N_("Save, then its documents"),
            id="form-save-documents",
            show=False,
        ),
    ]

    def __init__(self, person_file: PersonFile, action: ActionOption) -> None:
        super().__init__()
        self.person_file = person_file
        self.action = action
        self.fields: list[FormField] = []
        self.preview: Preview | None = None
        self._initial: dict[str, Value] = {}
        self._timer: Timer | None = None
        self.then_documents = False
        """Set by Ctrl+O: once saved, the person file opens this event's documents."""

    def compose(self) -> ComposeResult:
        """The event's name and basis, the moment, one row per field, the preview, buttons."""
        session = self.caseterm.require_session()
        references = [(e.id, e.type, e.occurred_at) for e in reversed(self.person_file.events)]
        self.fields = form_fields(
            self.action.event_type, events=references, officer=session.actor.display_name
        )
        record = self.person_file.person.record
        yield ScreenHeader()
        with VerticalScroll(id="event-form"):
            yield Static(f"{self.action.label} — {record.full_name}", id="form-title", markup=False)
            if self.action.draft:
                yield Static(
                    _("⧗ A draft for the commune police chief: saving it changes nothing until "
                      "the chief approves it."),
                    id="form-draft",
                    markup=False,
                )  # fmt: skip
            yield Static(_("Legal basis: {basis}").format(basis=self.action.basis), markup=False)
            now = when_label(session.clock.now())
            yield from self._row(
                OCCURRED,
                _("When it happened") + " *",
                Input(now, id=f"f-{OCCURRED}", placeholder=PLACEHOLDER["moment"], compact=True),
            )
            for spec in self.fields:
                yield from self._row(spec.name, spec.label + (" *" if spec.required else ""),
                                     _widget(spec))  # fmt: skip
            yield Label(_("What saving will do"), classes="section")
            yield Static("", id="preview", markup=False)
            offered = self._documents_line()
            if offered:
                yield Static(offered, id="form-documents", markup=False)
            with Horizontal(id="form-buttons"):
                yield Button(_("Cancel"), id="cancel")
                save = _("Send to the chief (Ctrl+S)") if self.action.draft else _("Save (Ctrl+S)")
                yield Button(save, id="save", variant="primary")
        yield Footer()

    def _documents_line(self) -> str:
        """The official documents this event makes (Xuất văn bản), when it makes any."""
        from caseterm.services.documents.selection import forms_of_event

        if self.action.draft:
            return ""  # a draft makes no document until the chief approves it
        session = self.caseterm.require_session()
        forms = forms_of_event(self.action.event_type, session.clock.now())
        if not forms:
            return ""
        return _("Documents (Xuất văn bản): {forms}. Ctrl+O saves, then opens them.").format(
            forms=", ".join(forms)
        )

    def action_save_and_documents(self) -> None:
        """Save, then go straight to this event's documents (Mẫu 04 after a decision…)."""
        self.then_documents = not self.action.draft
        self.action_save()

    def _row(self, name: str, text: str, widget: Widget) -> ComposeResult:
        with Horizontal(classes="field"):
            yield Label(text, classes="field-label", markup=False)
            yield widget
        yield Label("", id=f"p-{name}", classes="problem", markup=False)

    def on_mount(self) -> None:
        """Remember the untouched values, start in the first field, show the first preview."""
        self.sub_title = _("Record an event")
        self._initial = self.values()
        first = self.fields[0].name if self.fields else OCCURRED
        self.query_one(f"#f-{first}").focus()
        self.update_preview()

    # --- values and the preview ---------------------------------------------------------------

    def values(self) -> dict[str, Value]:
        """What every field holds (text, a yes/no, the codes ticked, or None)."""
        found: dict[str, Value] = {}
        for spec in self.fields:
            widget = self.query_one(f"#f-{spec.name}")
            found[spec.name] = _value_of(widget)
        found[OCCURRED] = self.query_one(f"#f-{OCCURRED}", Input).value
        return found

    def is_dirty(self) -> bool:
        """True when something was typed or chosen."""
        return self.values() != self._initial

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    @on(SelectionList.SelectedChanged)
    def _changed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(PREVIEW_DELAY, self.update_preview)

    def update_preview(self) -> None:
        """Check the form now and show the problems beside their fields, and the consequence."""
        from caseterm.services.registry.actions import preview_event

        values = self.values()
        occurred = str(values.pop(OCCURRED) or "")
        try:
            preview = preview_event(
                self.caseterm.require_session(),
                self.person_file,
                self.action.event_type,
                values,
                occurred,
            )
        except Exception as error:  # shown as a message with an id, never a traceback
            self.caseterm.show_error(error)
            return
        self.preview = preview
        for spec in [OCCURRED, *(f.name for f in self.fields)]:
            self._problem(spec, preview.problems.get(spec, ""))
        self.query_one("#preview", Static).update(_preview_text(preview))

    def _problem(self, name: str, text: str) -> None:
        line = self.query_one(f"#p-{name}", Label)
        line.update(f"⚠ {text}" if text else "")
        line.set_class(bool(text), "-shown")

    # --- saving and leaving -------------------------------------------------------------------

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        """Save when the check passes; otherwise point at what stands in the way."""
        from caseterm.services.lifecycle.event_form import build_payload
        from caseterm.services.lifecycle.event_input import parse_moment

        self.update_preview()
        if self.preview is None or not self.preview.savable:
            self.notify(_("Not saved: see the form."), severity="error", markup=False)
            return
        values = self.values()
        occurred = parse_moment(str(values.pop(OCCURRED)))
        built = build_payload(self.action.event_type, values)
        self._save(built.payload, occurred)

    @work(exclusive=True, exit_on_error=False, group="save")
    async def _save(self, payload: dict[str, Any], occurred: datetime) -> None:
        """Record the event; cautions (a term the engine would not have chosen) ask first."""
        from caseterm.services.lifecycle.events import record_event

        session = self.caseterm.require_session()
        person_id, event_type = self.person_file.person.id, self.action.event_type
        try:
            if self.action.draft:
                await self._send_to_chief(payload, occurred)
                return
            try:
                record_event(session, person_id, event_type, payload, occurred_at=occurred)
            except NeedsConfirmation as caution:
                if not session.may(Action.OVERRIDE_SUPERVISED_WARNING):
                    # Only a chief may confirm these: offer the chief's desk, not "save anyway".
                    dialog = ConfirmDialog(
                        _("Only the commune police chief may confirm these. Send to the chief?"),
                        caution.warnings,
                        yes=_("Send to the chief"),
                        no=_("Go back"),
                    )
                    if await self.app.push_screen_wait(dialog):
                        await self._send_to_chief(payload, occurred)
                    return
                dialog = ConfirmDialog(
                    _("Save anyway?"), caution.warnings, yes=_("Save anyway"), no=_("Go back")
                )
                if not await self.app.push_screen_wait(dialog):
                    return
                record_event(
                    session, person_id, event_type, payload, occurred_at=occurred, confirm=True
                )
        except Exception as error:  # shown as a message with an id, never a traceback
            self.caseterm.show_error(error)
            return
        self.notify(_("Saved: {event}.").format(event=self.action.label), markup=False)
        self.dismiss(True)

    async def _send_to_chief(self, payload: dict[str, Any], occurred: datetime) -> None:
        """Keep the form as a draft for the chief, then leave (the file itself is unchanged)."""
        from caseterm.services.drafts.making import draft_event

        session = self.caseterm.require_session()
        draft_event(
            session,
            self.person_file.person.id,
            self.action.event_type,
            payload,
            occurred_at=occurred,
        )
        self.notify(
            _("Sent to the chief: {event}. It waits on the Approvals list (F7).").format(
                event=self.action.label
            ),
            markup=False,
        )
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Leave; ask first when something was typed, so nothing is lost by mistake."""
        leave_unless_typed(
            self, typed=self.is_dirty(), unsaved=_("The event was not saved."), result=False
        )


def _widget(spec: FormField) -> Widget:
    """The input of one field."""
    widget_id = f"f-{spec.name}"
    if spec.kind in ("choice", "event"):
        default = spec.default if isinstance(spec.default, str) else Select.NULL
        return Select(
            [(words, value) for words, value in spec.choices],
            id=widget_id,
            prompt=_("Choose"),
            value=default,
            compact=True,
        )
    if spec.kind == "yesno":
        return YesNoBox(bool(spec.default), id=widget_id)
    if spec.kind == "many":
        return SelectionList[str](*[(w, v) for w, v in spec.choices], id=widget_id, compact=True)
    text = spec.default if isinstance(spec.default, str) else ""
    return Input(text, id=widget_id, placeholder=PLACEHOLDER.get(spec.kind, ""), compact=True)


def _value_of(widget: Any) -> Value:
    if isinstance(widget, Select):
        chosen = widget.value
        return chosen if isinstance(chosen, str) else None
    if isinstance(widget, Checkbox):
        return bool(widget.value)
    if isinstance(widget, SelectionList):
        return [str(value) for value in widget.selected]
    return str(widget.value)


def _preview_text(preview: Preview) -> str:
    if preview.refusal:
        return "✗ " + _("CANNOT BE SAVED: ") + preview.refusal
    if preview.problems:
        return "✗ " + _("Not ready: fill in or correct the fields marked ⚠.")
    return "\n".join("✓ " + line for line in preview.consequences)
