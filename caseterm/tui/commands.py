"""Command palette: every action by name (Ctrl+P)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from caseterm.i18n import _

if TYPE_CHECKING:
    from caseterm.tui.app import CasetermApp


class CasetermCommands(Provider):
    """The officer's actions, named in the active language."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app: CasetermApp = self.app  # type: ignore[assignment]
        if app.session is None:
            return []
        from caseterm.tui.screens.registers import RegistersScreen

        commands: list[tuple[str, str, Callable[[], object]]] = []
        screen = app.screen
        if isinstance(screen, RegistersScreen):
            commands += [
                (
                    _("person: New person"),
                    _("Open the registration form"),
                    screen.action_new_person,
                ),
                (_("registers: Search"), _("Go to the search box"), screen.action_focus_search),
            ]
        commands.append((_("app: Lock"), _("Lock now and drop the keys"), app.action_lock))
        commands.append((_("app: Help"), _("Show the help of this screen"), app.action_help))
        return commands

    async def discover(self) -> Hits:
        """List the commands before anything is typed."""
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """Fuzzy-match the commands."""
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
