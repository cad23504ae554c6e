"""A yes/no question with the reasons listed (warnings, duplicates, unsaved changes)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Label, Static

from caseterm.i18n import N_, _


class ConfirmDialog(ModalScreen[bool]):
    """Ask a question; dismiss with True (yes) or False (no, Escape)."""

    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 90%;
        border: thick $warning; background: $panel; padding: 1 2;
    }
    ConfirmDialog .title { text-style: bold; margin-bottom: 1; }
    ConfirmDialog .reason { margin-left: 2; }
    ConfirmDialog Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    ConfirmDialog Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(False)", N_("No"), id="confirm-no")
    ]

    def __init__(self, question: str, reasons: list[str], *, yes: str, no: str) -> None:
        super().__init__()
        self._question, self._reasons, self._yes, self._no = question, reasons, yes, no

    def compose(self) -> ComposeResult:
        """Lay out the question, the reasons and the two buttons."""
        with Vertical():
            yield Label(self._question, classes="title", markup=False)
            for reason in self._reasons:
                yield Static(f"• {reason}", classes="reason", markup=False)
            with Horizontal():
                yield Button(self._no, id="no")
                yield Button(self._yes, id="yes", variant="warning")

    def on_mount(self) -> None:
        """Focus 'no': a tired officer's Enter must not save by accident."""
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        """Dismiss with the given answer."""
        self.dismiss(answer)


def leave_unless_typed(screen: Screen[Any], *, typed: bool, unsaved: str, result: object) -> None:
    """Dismiss a form with `result`; when something was typed, ask first (nothing lost by mistake).

    `unsaved` says what was not saved ("The event was not saved.").
    """
    if not typed:
        screen.dismiss(result)
        return

    def answered(leave: bool | None) -> None:
        if leave:
            screen.dismiss(result)

    screen.app.push_screen(
        ConfirmDialog(
            _("Discard what you typed?"), [unsaved], yes=_("Discard"), no=_("Keep editing")
        ),
        answered,
    )
