"""Textual's command palette, in the user's language.

Textual writes its palette's placeholder and its "No matches found" line in English; the palette
is where a tired officer looks for what a key does, so it speaks the officer's language. The
Select widget's dropdown binding ("Dismiss menu" in the footer) is translated the same way.
"""

from __future__ import annotations

from typing import Any

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets._select import SelectOverlay
from textual.widgets.option_list import Option

from caseterm.i18n import N_, _
from caseterm.tui.translate import translate_class_bindings

PLACEHOLDER = N_("Search for an action…")
NO_MATCHES = N_("Nothing matches")
N_("Dismiss menu")  # SelectOverlay's binding: listed so that the catalogs carry it


class Palette(CommandPalette):
    """The command palette with its own words through the catalogs."""

    def __init__(self, **options: Any) -> None:
        """As Textual's palette, with a translated placeholder."""
        super().__init__(placeholder=_(PLACEHOLDER), **options)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """As Textual's, but the line it adds says "nothing matches" in the user's language."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if not search_value:
                self._list_visible = False
                return
            self.query_one(CommandList).add_option(
                Option(
                    Align.center(Text(_(NO_MATCHES), style="not bold")),
                    disabled=True,
                    id=self._NO_MATCHES,
                )
            )
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def translate_widgets() -> None:
    """Translate the footer words of Textual's own widgets that caseterm shows."""
    translate_class_bindings(SelectOverlay)
