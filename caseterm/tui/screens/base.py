"""The base of caseterm's screens, and the application as the screens see it.

Screens reach the application through `CasetermHost`, a protocol the application satisfies
(`caseterm.tui.app` checks it), instead of importing the application's module: the application
imports the screens, so the reverse import would close a circle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeVar, cast

from textual import events
from textual.screen import Screen
from textual.widgets import Input

if TYPE_CHECKING:
    from pathlib import Path

    from caseterm.clock import Clock
    from caseterm.services.session.case_session import CaseSession
    from caseterm.services.session.policy import KdfPolicy

ResultT = TypeVar("ResultT")


class CasetermHost(Protocol):
    """What a screen may ask of the application: its store, clock, session and navigation."""

    store_path: Path
    preselected_account: str | None
    clock: Clock
    policy: KdfPolicy | None
    session: CaseSession | None
    failed_unlocks: int

    def require_session(self) -> CaseSession:
        """The open session (a screen that needs one is only shown while unlocked)."""
        ...

    def unlocked(self, session: CaseSession) -> None:
        """Take the session an unlock opened and show the day."""
        ...

    def show_error(self, error: Exception) -> None:
        """Tell the user what went wrong, in words."""
        ...

    def action_today(self) -> None:
        """Go to Hôm nay."""
        ...

    def action_registers(self) -> None:
        """Go to the registers."""
        ...

    def action_sync(self) -> None:
        """Go to the sync screen."""
        ...

    def action_reports(self) -> None:
        """Go to the reports."""
        ...

    def action_approvals(self) -> None:
        """Go to the chief's desk."""
        ...

    def action_audit(self) -> None:
        """Open the unit's audit trail."""
        ...

    def action_lock(self) -> None:
        """Lock now and drop the keys."""
        ...

    def action_help(self) -> None:
        """Show the help of the current screen."""
        ...

    async def action_quit(self) -> None:
        """Quit caseterm (Textual's own action)."""
        ...


def host_of(app: object) -> CasetermHost:
    """The running application as a `CasetermHost` (screens only run inside `CasetermApp`)."""
    return cast("CasetermHost", app)


class CasetermScreen(Screen[ResultT]):
    """A screen of caseterm: `self.caseterm` is the application, typed."""

    @property
    def caseterm(self) -> CasetermHost:
        """The application, as the screens see it."""
        return host_of(self.app)

    def on_key(self, event: events.Key) -> None:
        """Give a letter typed while this screen was opening to the field that now has focus.

        An officer types the name right after Ctrl+N. The keys that arrive before the new
        screen has mounted and focused its first field are sent to the screen itself, not to a
        field, and were lost. An input that has focus takes its own letters, so a letter that
        reaches the screen while an input has focus is one of those early keys.
        """
        focused = self.focused
        if isinstance(focused, Input) and event.is_printable and event.character:
            focused.insert_text_at_cursor(event.character)
            event.stop()
