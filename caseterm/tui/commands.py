"""Command palette: every action by name (Ctrl+P)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from caseterm.domain.names import fold
from caseterm.i18n import _
from caseterm.tui.screens.base import host_of

Command = tuple[str, str, Callable[[], object]]


class CasetermCommands(Provider):
    """The officer's actions, named in the active language; the screen's own come first.

    It is the palette's only provider (Textual's system commands, which repeat Help and Lock,
    are left out), so that the list is in the same order every time it opens: with two
    providers, the order followed whichever answered first.
    """

    def _commands(self) -> list[Command]:
        app = host_of(self.app)
        commands: list[Command] = []
        if app.session is not None:
            commands = _screen_commands(self.screen)
            commands += [
                (_("go: Today"), _("Overdue, due today, next 7 days (F2)"), app.action_today),
                (
                    _("go: Registers"),
                    _("The list of persons, with filters (F3)"),
                    app.action_registers,
                ),
                (_("go: Sync"), _("The monthly bundle to the district (F5)"), app.action_sync),
                (_("go: Reports"), _("The monthly report K1–K5, F1–F9 (F6)"), app.action_reports),
                (_("app: Lock"), _("Lock now and drop the keys"), app.action_lock),
                (
                    _("app: Audit trail of the unit"),
                    _("Unlocks, failed unlocks, accounts, keys, backups (chief, admin)"),
                    app.action_audit,
                ),
                (_("go: Approvals"), _("Drafts waiting for the chief (F7)"), app.action_approvals),
            ]
        commands += [
            (_("app: Help"), _("Show the help of this screen"), app.action_help),
            (_("app: Quit"), _("Quit caseterm"), app.action_quit),
        ]
        return commands

    async def discover(self) -> Hits:
        """List the commands before anything is typed."""
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """Fuzzy-match the commands, as typed or without tones ("hom nay" finds "Hôm nay")."""
        matcher = self.matcher(query)
        toneless = self.matcher(fold(query))
        for name, help_text, callback in self._commands():
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
            elif (score := toneless.match(fold(name))) > 0:
                # Folding changes the letters, so the hit is shown without highlights.
                yield Hit(score * 0.9, name, callback, help=help_text)


def _screen_commands(screen: object) -> list[Command]:
    """The commands of the screen the palette was opened on (not the palette itself)."""
    from caseterm.tui.screens.district import DistrictScreen
    from caseterm.tui.screens.event_form import EventFormScreen
    from caseterm.tui.screens.person import PersonScreen
    from caseterm.tui.screens.registers import RegistersScreen
    from caseterm.tui.screens.sync import SyncScreen
    from caseterm.tui.screens.today import TodayScreen

    if isinstance(screen, TodayScreen):
        return [
            (_("today: Refresh"), _("Read the list again (R)"), screen.action_reload),
            (
                _("today: Deadlines"),
                _("Overdue, due today, next 7 days (1)"),
                partial(screen.action_show_list, "due"),
            ),
            (
                _("today: Close watch"),
                _("After rehab, psychosis, released from prison: days since contact (2)"),
                partial(screen.action_show_list, "watch"),
            ),
            (
                _("today: Not reviewed this year"),
                _("Who has no annual review yet (3)"),
                partial(screen.action_show_list, "unreviewed"),
            ),
        ]
    if isinstance(screen, RegistersScreen):
        return [
            (_("person: New person"), _("Open the registration form"), screen.action_new_person),
            (_("registers: Search"), _("Go to the search box"), screen.action_focus_search),
            (_("registers: Filters"), _("Go to the filters"), screen.action_focus_filters),
            (
                _("registers: List Mẫu 10"),
                _("Save the list of persons under user management for a period (F8)"),
                screen.action_register_document,
            ),
        ]
    if isinstance(screen, PersonScreen):
        found: list[Command] = [
            (
                _("record: {action}").format(action=option.label),
                option.basis,
                partial(screen.open_action, index),
            )
            for index, option in enumerate(screen.actions)
            if option.allowed
        ]
        found.append((_("file: Void an event"), _("Choose it in the timeline"), screen.action_void))
        return found
    if isinstance(screen, SyncScreen):
        return [
            (
                _("sync: Export the month"),
                _("Write the bundle for the district (E)"),
                screen.action_export,
            ),
            (
                _("sync: Read an acknowledgement"),
                _("The district's signed receipt (A)"),
                screen.action_read_ack,
            ),
        ]
    if isinstance(screen, DistrictScreen):
        return [
            (
                _("district: Import bundles"),
                _("A bundle file or a folder of them (I)"),
                screen.action_import_bundles,
            ),
        ]
    if isinstance(screen, EventFormScreen):
        return [
            (_("form: Save"), _("Save the event (Ctrl+S)"), screen.action_save),
            (_("form: Cancel"), _("Leave without saving (Escape)"), screen.action_cancel),
        ]
    return []
