"""Đăng ký mới: register a person; likely duplicates and warnings are shown before saving."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Footer, Input, Label, Select, Static

from caseterm.domain.dates import DateFormatError, PartialDate
from caseterm.errors import NeedsConfirmation, ValidationFailed
from caseterm.i18n import N_, _
from caseterm.services.words.messages import field_label
from caseterm.tui.dialogs import ConfirmDialog
from caseterm.tui.dialogs.confirm import leave_unless_typed
from caseterm.tui.header import ScreenHeader
from caseterm.tui.screens.base import CasetermScreen

if TYPE_CHECKING:
    from caseterm.domain.person import PersonRecord
    from caseterm.services.session.case_session import CaseSession

TEXT_INPUTS = (
    "full_name",
    "aliases",
    "birth",
    "id_number",
    "village",
    "current_address",
    "permanent_address",
    "phone",
    "occupation",
    "ethnicity",
    "religion",
)
REQUIRED = ("full_name", "birth", "sex")
PLACEHOLDERS = {"birth": "dd/mm/yyyy", "aliases": _("separate with ;"), "id_number": "001090123456"}


class NewPersonScreen(CasetermScreen[str | None]):
    """The form; dismisses with the new person's id, or None when cancelled."""

    HELP_PAGE = "new_person"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), id="save"),
        Binding("escape", "cancel", N_("Cancel"), id="cancel"),
    ]

    def compose(self) -> ComposeResult:
        """One line per field (label, then a borderless input), so the form fits 80×24."""
        yield ScreenHeader()
        with VerticalScroll(id="form"):
            for name in TEXT_INPUTS[:3]:
                yield from self._text_field(name)
            yield from self._row(
                "sex", Select([(_("male"), "male"), (_("female"), "female")], id="sex",
                              prompt=_("Choose"), compact=True),
            )  # fmt: skip
            id_types = [("CCCD", "CCCD"), ("CC", "CC"), ("CMND", "CMND"),
                        (_("passport"), "PASSPORT"), ("VNeID", "VNEID")]  # fmt: skip
            yield from self._row(
                "id_type", Select(id_types, id="id_type", prompt=_("none"), compact=True)
            )
            for name in TEXT_INPUTS[3:]:
                yield from self._text_field(name)
            yield Static("", id="problems", markup=False)
            with Horizontal(id="form-buttons"):
                yield Button(_("Cancel"), id="cancel")
                yield Button(_("Save (Ctrl+S)"), id="save", variant="primary")
        yield Footer()

    def _text_field(self, name: str) -> ComposeResult:
        yield from self._row(
            name, Input(id=name, placeholder=PLACEHOLDERS.get(name, ""), compact=True)
        )

    def _row(self, name: str, widget: Input | Select[str]) -> ComposeResult:
        required = " *" if name in REQUIRED else ""
        with Horizontal(classes="field"):
            yield Label(field_label(name) + required, classes="field-label")
            yield widget
        yield Label("", id=f"{name}-problem", classes="problem", markup=False)

    def on_mount(self) -> None:
        """Start in the name field."""
        self.sub_title = _("New person")
        self.query_one("#full_name", Input).focus()

    # --- validation as you type -----------------------------------------------------------

    @on(Input.Changed, "#birth")
    def _check_birth(self, event: Input.Changed) -> None:
        problem = ""
        if event.value.strip():
            try:
                PartialDate.parse(event.value)
            except DateFormatError:
                problem = _("not a date yet: dd/mm/yyyy, or the year alone")
        self._problem("birth", problem)

    @on(Input.Changed, "#id_number")
    def _check_id(self, event: Input.Changed) -> None:
        value = event.value.strip()
        kind = self.query_one("#id_type", Select).value
        problem = ""
        if kind in ("CCCD", "CC") and value and (not value.isdigit() or len(value) != 12):
            problem = _("{n} of 12 digits").format(n=sum(ch.isdigit() for ch in value))
        self._problem("id_number", problem)

    def _problem(self, name: str, text: str) -> None:
        line = self.query_one(f"#{name}-problem", Label)
        line.update(f"⚠ {text}" if text else "")
        line.set_class(bool(text), "-shown")

    def values(self) -> dict[str, Any]:
        """What the form holds, as form values for `services.registry.forms.build_record`."""
        values: dict[str, Any] = {
            name: self.query_one(f"#{name}", Input).value for name in TEXT_INPUTS
        }
        for name in ("sex", "id_type"):
            chosen = self.query_one(f"#{name}", Select).value
            values[name] = chosen if isinstance(chosen, str) else ""
        return values

    def nothing_typed(self) -> bool:
        """True when nothing was typed or chosen."""
        return not any(str(value).strip() for value in self.values().values())

    # --- saving and cancelling ------------------------------------------------------------

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        """Validate, show warnings and duplicates, then save on an explicit yes."""
        self._save()

    @work(exclusive=True, exit_on_error=False, group="save")
    async def _save(self) -> None:
        from caseterm.services.registry.forms import build_record
        from caseterm.services.registry.persons import add_person

        try:
            record = build_record(self.values())
            session = self.caseterm.require_session()
            try:
                person_id = add_person(session, record)
            except NeedsConfirmation as warning:
                only_chief = chief_must_confirm(session, record)
                if only_chief:
                    await self._send_to_chief(record, [*only_chief, *warning.warnings])
                    return
                dialog = ConfirmDialog(
                    _("Save anyway?"), warning.warnings, yes=_("Save anyway"), no=_("Go back")
                )
                if not await self.app.push_screen_wait(dialog):
                    return
                person_id = add_person(session, record, confirm=True)
        except ValidationFailed as refused:
            # Said twice on purpose: as a notice the officer sees at once, and beside the form.
            problems = "\n".join(["⚠ " + refused.message, *refused.issues])
            box = self.query_one("#problems", Static)
            box.update(problems)
            box.scroll_visible()
            self.notify(
                "\n".join(refused.issues), title=refused.message, severity="error", markup=False
            )
            return
        except Exception as error:  # shown as a message with an id, never a traceback
            self.caseterm.show_error(error)
            return
        self.dismiss(person_id)

    async def _send_to_chief(self, record: PersonRecord, warnings: list[str]) -> None:
        """Only a chief may confirm these warnings: offer to leave the record for the chief."""
        from caseterm.services.drafts.making import draft_person

        dialog = ConfirmDialog(
            _("Only the commune police chief may confirm these. Send to the chief?"),
            warnings,
            yes=_("Send to the chief"),
            no=_("Go back"),
        )
        if not await self.app.push_screen_wait(dialog):
            return
        draft_person(self.caseterm.require_session(), record)
        self.notify(
            _("Sent to the chief: the person is registered when the chief approves (F7)."),
            markup=False,
        )
        self.dismiss(None)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Leave; ask first when something was typed, so nothing is lost by mistake."""
        leave_unless_typed(
            self,
            typed=not self.nothing_typed(),
            unsaved=_("The person was not saved."),
            result=None,
        )


def chief_must_confirm(session: CaseSession, record: PersonRecord) -> list[str]:
    """For an officer, the record's warnings that only a chief may confirm (none for a chief)."""
    from caseterm.domain.permissions import Action
    from caseterm.services.registry.persons import review

    if session.may(Action.OVERRIDE_SUPERVISED_WARNING):
        return []
    return review(session, record).supervisor_texts()
