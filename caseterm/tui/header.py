"""The screens' header: Textual's, made safe against a screen closed before its title is shown.

Textual's `Header` updates its title from a watcher that runs a moment after the screen's title
changes. When the officer leaves a screen at once (Escape on a slow laptop, right after it
opened), the watcher can run after the header's children are gone, and Textual 8.2 catches
only `NoScreen` there: the `NoMatches` that follows would stop the program. This header sets
the same watchers and lets a title for a screen no longer shown go unsaid.
"""

from __future__ import annotations

from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Mount
from textual.widget import Widget
from textual.widgets import Header
from textual.widgets._header import HeaderTitle

__all__ = ["ScreenHeader"]


class ScreenHeader(Header):
    """Textual's header, whose title update tolerates a screen already closed."""

    def _on_mount(self, event: Mount) -> None:
        # Textual runs every class's `_on_mount` up the hierarchy: Header's own would set the
        # unsafe watchers again, so the event stops here, after the widget's own step.
        event.prevent_default()
        Widget._on_mount(self, event)

        async def set_title() -> None:
            try:
                self.query_one(HeaderTitle).update(self.format_title())
            except (NoMatches, NoScreen):  # the screen closed before its title was shown
                return

        self.watch(self.app, "title", set_title)
        self.watch(self.app, "sub_title", set_title)
        self.watch(self.screen, "title", set_title)
        self.watch(self.screen, "sub_title", set_title)
