"""Before a document is written: the values it lacks (kept in the file) and where to save it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from caseterm.i18n import N_, _

if TYPE_CHECKING:
    from caseterm.services.documents.making import DocumentChoice


@dataclass(frozen=True)
class SaveRequest:
    """What the officer answered: the file to write and the values the form lacked."""

    out: Path
    values: dict[str, str]


def file_name(choice: DocumentChoice) -> str:
    """A name that says which document, never whose: `III-04_01-QĐ-CAX.docx`."""
    number = re.sub(r"[^\w-]+", "-", choice.number).strip("-")
    return f"{choice.form}_{number}.docx" if number else f"{choice.form}.docx"


class DocumentDialog(ModalScreen[SaveRequest | None]):
    """One box per value the officer can give, the folder and the file name."""

    DEFAULT_CSS = """
    DocumentDialog { align: center middle; }
    DocumentDialog > Vertical {
        width: 78; max-width: 100%; height: auto; max-height: 100%; border: thick $accent;
        background: $panel; padding: 0 1;
    }
    DocumentDialog VerticalScroll { height: auto; max-height: 16; }
    DocumentDialog .title { text-style: bold; }
    DocumentDialog .cannot { color: $warning; }
    DocumentDialog Horizontal { height: auto; align-horizontal: right; }
    DocumentDialog Button { margin-left: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", N_("Cancel"), id="document-cancel"),
        Binding("ctrl+s", "save", N_("Save"), id="document-save"),
    ]

    def __init__(
        self, choice: DocumentChoice, folder: Path, prefill: dict[str, str] | None = None
    ) -> None:
        super().__init__()
        self.choice = choice
        self.folder = folder
        self.prefill = prefill or {}
        self.fillable = [m for m in choice.missing if m.fill]
        self.cannot = [m for m in choice.missing if not m.fill]

    def compose(self) -> ComposeResult:
        """The form's name, the values asked for, then the folder and the name."""
        with Vertical():
            yield Label(f"{self.choice.form} — {self.choice.title}", classes="title")
            with VerticalScroll():
                for missing in self.cannot:
                    yield Static(f"✗ {missing.label}: {missing.how}", classes="cannot",
                                 markup=False)  # fmt: skip
                for missing in self.fillable:
                    yield Label(f"{missing.label} *")
                    yield Input(self.prefill.get(missing.fill, ""), id=f"fill-{missing.fill}",
                                compact=True)  # fmt: skip
                yield Label(_("Folder (yours, not a temporary one)"))
                yield Input(str(self.folder), id="document-folder", compact=True)
                yield Label(_("File name"))
                yield Input(file_name(self.choice), id="document-name", compact=True)
            yield Static("", id="document-problem", markup=False)
            with Horizontal():
                yield Button(_("Cancel"), id="document-no")
                yield Button(_("Save"), id="document-yes", variant="primary",
                             disabled=bool(self.cannot))  # fmt: skip

    def on_mount(self) -> None:
        """Start in the first box to fill."""
        self.query(Input).first().focus()

    @on(Button.Pressed, "#document-no")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#document-yes")
    @on(Input.Submitted)
    def action_save(self) -> None:
        """Check every box is filled, then answer."""
        if self.cannot:
            return
        values = {m.fill: self.query_one(f"#fill-{m.fill}", Input).value.strip()
                  for m in self.fillable}  # fmt: skip
        empty = [m.label for m in self.fillable if not values[m.fill]]
        name = self.query_one("#document-name", Input).value.strip()
        folder = self.query_one("#document-folder", Input).value.strip()
        if empty or not name or not folder:
            missing = [*empty] + ([_("File name")] if not name else [])
            missing += [_("Folder")] if not folder else []
            self.query_one("#document-problem", Static).update(
                _("Still to fill: {names}").format(names=", ".join(missing))
            )
            return
        where = Path(folder).expanduser()
        if not where.is_dir():  # said here, so what was typed above is not lost
            self.query_one("#document-problem", Static).update(
                _("The folder {path} does not exist.").format(path=where)
            )
            return
        self.dismiss(SaveRequest(where / name, values))
