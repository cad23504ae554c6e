"""A small form in a dialog: a few labelled text fields, OK or Escape."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from caseterm.i18n import N_, _

Field = tuple[str, str, str]
"""(key, label, starting value)."""


class AskDialog(ModalScreen[dict[str, str] | None]):
    """Ask for a few values; dismiss with them (Enter, OK) or with None (Escape, Cancel)."""

    DEFAULT_CSS = """
    AskDialog { align: center middle; }
    AskDialog > Vertical {
        width: 76; max-width: 100%; height: auto; border: thick $primary; background: $panel;
        padding: 1 2;
    }
    AskDialog .title { text-style: bold; margin-bottom: 1; width: 100%; }
    AskDialog Input { margin-bottom: 1; }
    AskDialog Horizontal { height: auto; align-horizontal: right; }
    AskDialog Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="ask-cancel")
    ]

    def __init__(self, title: str, fields: list[Field], *, ok: str, secret: bool = False) -> None:
        super().__init__()
        self._title, self._fields, self._ok = title, fields, ok
        self._secret = secret
        """Hide what is typed (passphrases)."""

    def compose(self) -> ComposeResult:
        """The title, one labelled input per field, and the buttons."""
        with Vertical():
            yield Label(self._title, classes="title", markup=False)
            for key, label, value in self._fields:
                yield Label(label, markup=False)
                yield Input(value, id=f"ask-{key}", password=self._secret)
            with Horizontal():
                yield Button(_("Cancel"), id="cancel")
                yield Button(self._ok, id="ok", variant="primary")

    def action_cancel(self) -> None:
        """Close without an answer."""
        self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _done(self) -> None:
        self.dismiss(
            {key: self.query_one(f"#ask-{key}", Input).value for key, _, _ in self._fields}
        )

    @on(Button.Pressed, "#cancel")
    def _cancelled(self) -> None:
        self.dismiss(None)
