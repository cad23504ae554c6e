"""Void an event: the reason is required; nothing is deleted, the event stays struck through."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from caseterm.i18n import N_, _


class VoidDialog(ModalScreen[str | None]):
    """Ask for the reason; dismiss with it, or None (Escape, Cancel)."""

    DEFAULT_CSS = """
    VoidDialog { align: center middle; }
    VoidDialog > Vertical {
        width: 76; max-width: 100%; height: auto; border: thick $warning; background: $panel;
        padding: 1 2;
    }
    VoidDialog .title { text-style: bold; }
    VoidDialog #void-problem { color: $warning; height: auto; }
    VoidDialog Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    VoidDialog Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", N_("Cancel"), id="void-cancel")
    ]

    def __init__(self, what: str) -> None:
        super().__init__()
        self._what = what

    def compose(self) -> ComposeResult:
        """The event, the reason box, the buttons."""
        with Vertical():
            yield Label(_("Void this event?"), classes="title")
            yield Static(self._what, markup=False)
            yield Static(
                _("It stays in the file, struck through, with your reason. The file is "
                  "recomputed without it."),
                markup=False,
            )  # fmt: skip
            yield Input(id="void-reason", placeholder=_("Reason (required)"))
            yield Static("", id="void-problem", markup=False)
            with Horizontal():
                yield Button(_("Cancel"), id="void-no")
                yield Button(_("Void"), id="void-yes", variant="warning")

    def on_mount(self) -> None:
        """Start in the reason box."""
        self.query_one("#void-reason", Input).focus()

    @on(Input.Submitted, "#void-reason")
    @on(Button.Pressed, "#void-yes")
    def _confirm(self) -> None:
        reason = self.query_one("#void-reason", Input).value.strip()
        if not reason:
            self.query_one("#void-problem", Static).update("⚠ " + _("a reason is required"))
            return
        self.dismiss(reason)

    @on(Button.Pressed, "#void-no")
    def _cancel(self) -> None:
        self.dismiss(None)
