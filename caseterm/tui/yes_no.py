"""The one yes/no field the forms use: a checkbox whose state is written, not only coloured.

Textual's Checkbox draws "▐X▌" whether it is ticked or not and tells the two apart by colour
alone, and a fixed label "yes" beside an unticked box reads as "yes". On an old laptop's screen,
in a screen capture or for a colour-blind officer, that is a wrong answer waiting to be saved.
This box draws "✓ có" when ticked and "  không" when not.
"""

from __future__ import annotations

from textual.widgets import Checkbox

from caseterm.i18n import _


def yes_no_words(value: bool) -> str:
    """The word beside the box for a value."""
    return _("yes") if value else _("no")


class YesNoBox(Checkbox):
    """A checkbox that shows its state as a mark and a word."""

    BUTTON_INNER = " "

    def __init__(self, value: bool = False, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(yes_no_words(value), value, id=id, compact=True)
        self.BUTTON_INNER = "✓" if value else " "

    def watch_value(self) -> None:
        """Write the state again (the mark and the word), then let Checkbox tell the form."""
        self.BUTTON_INNER = "✓" if self.value else " "
        self.label = yes_no_words(self.value)
        super().watch_value()
