"""The caseterm Textual application: unlock first, then the registers; idle lock drops the keys."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NoReturn

from rich.segment import Segments
from rich.text import Text
from textual import events, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.screen import Screen

from caseterm.clock import Clock, SystemClock
from caseterm.errors import CasetermError
from caseterm.i18n import N_, _, current_language
from caseterm.services.session.error_log import log_unexpected, unexpected_text
from caseterm.tui.commands import CasetermCommands
from caseterm.tui.palette import Palette, translate_widgets
from caseterm.tui.screens.base import CasetermHost
from caseterm.tui.translate import translate_bindings

if TYPE_CHECKING:
    from caseterm.services.lifecycle.due import DueList
    from caseterm.services.session.case_session import CaseSession
    from caseterm.services.session.policy import KdfPolicy

IDLE_LOCK_SECONDS = 300
SESSION_LIFETIME_SECONDS = 12 * 3600
"""However busy, a session ends after this long: the passphrase is asked again."""
STYLES = Path(__file__).parent / "styles"


LOCK_REASON_ENV = "CASETERM_LOCK_REASON"
"""Why the process before this one locked (a sentence of ours, never case data)."""


class CasetermApp(App[str | None]):
    """The officer's application. Build it with `make_app` (tests pass a clock and a policy)."""

    TITLE = "caseterm"
    """Never personal data in the terminal title."""
    ALLOW_SELECT = False
    """No mouse selection of the screen: it would copy case data to the system clipboard (T31)."""
    CSS_PATH = str(STYLES / "base.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", N_("Help"), id="help"),
        Binding("question_mark", "help", N_("Help"), show=False, id="help-alt"),
        Binding("f2", "today", N_("Today"), id="today"),
        Binding("f3", "registers", N_("Registers"), id="registers"),
        Binding("f5", "sync", N_("Sync"), id="sync"),
        Binding("f6", "reports", N_("Reports"), id="reports"),
        Binding("f7", "approvals", N_("Approvals"), id="approvals"),
        Binding("ctrl+l", "lock", N_("Lock"), id="lock"),
        Binding("ctrl+q", "quit", N_("Quit"), priority=True, id="quit"),
        # Textual adds this one itself, described in English ("palette"), unless it is here.
        Binding(
            "ctrl+p",
            "command_palette",
            N_("All actions"),
            show=False,
            priority=True,
            tooltip=N_("Every action by name"),
            id="palette",
        ),
    ]

    # The only provider: see CasetermCommands.
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {CasetermCommands}

    def __init__(
        self,
        store: Path,
        *,
        account: str | None = None,
        clock: Clock | None = None,
        policy: KdfPolicy | None = None,
        idle_seconds: float = IDLE_LOCK_SECONDS,
        restart_on_lock: bool = False,
    ) -> None:
        super().__init__()
        self.store_path = store
        self.restart_on_lock = restart_on_lock
        """Leave at the lock so that `run_tui` starts a new process (the real program does)."""
        self.preselected_account = account
        self.clock: Clock = clock or SystemClock()
        self.policy = policy
        self.idle_seconds = idle_seconds
        self.session: CaseSession | None = None
        self.failed_unlocks = 0
        self._last_activity = self.clock.monotonic()
        self._unlocked_at = self._last_activity
        translate_bindings(self)
        translate_widgets()

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        """Show a screen, its footer keys in the chosen language."""
        if isinstance(screen, Screen):
            translate_bindings(screen)
        return super().push_screen(screen, *args, **kwargs)

    def switch_screen(self, screen: Any) -> Any:
        """Replace the top screen, its footer keys in the chosen language."""
        if isinstance(screen, Screen):
            translate_bindings(screen)
        return super().switch_screen(screen)

    def on_mount(self) -> None:
        """Show the unlock screen and start the idle timer."""
        self.set_interval(1.0, self.lock_if_idle)
        self._show_unlock()
        reason = os.environ.pop(LOCK_REASON_ENV, None)  # the process this one replaced
        if reason:
            self.notify(reason, title=_("caseterm"), markup=False)

    def _show_unlock(self) -> None:
        from caseterm.tui.screens.unlock import UnlockScreen

        self.push_screen(UnlockScreen())

    # --- activity and locking -------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """Every key press, click or paste counts as activity for the idle lock."""
        if isinstance(event, events.Key | events.MouseDown | events.Paste | events.MouseScrollDown):
            self._last_activity = self.clock.monotonic()
        await super().on_event(event)

    def lock_if_idle(self) -> None:
        """Lock when nobody touched the keyboard or mouse for `idle_seconds`, or after 12 hours."""
        if self.session is None:
            return
        now = self.clock.monotonic()
        if now - self._unlocked_at >= SESSION_LIFETIME_SECONDS:
            self.lock_store(
                reason=_("Locked: a session lasts at most {hours} hours.").format(
                    hours=SESSION_LIFETIME_SECONDS // 3600
                )
            )
            return
        idle = now - self._last_activity
        if idle >= self.idle_seconds:
            self.lock_store(
                reason=_("Locked after {minutes} idle minutes.").format(
                    minutes=max(1, round(self.idle_seconds / 60))
                )
            )

    def action_lock(self) -> None:
        """Lock now."""
        if self.session is not None:
            self.lock_store(reason=_("Locked."))

    def copy_to_clipboard(self, text: str) -> None:
        """Keep a copy for pasting inside caseterm only (cut and paste in a form).

        Textual would also send it to the terminal's clipboard (OSC 52), where case data would
        outlive the lock and the program: never (T31).
        """
        self._clipboard = text

    def lock_store(self, *, reason: str) -> None:
        """Close the session (the keys go with it), drop every screen, show the unlock screen.

        A form that was open is discarded unsaved: nothing half-written reaches the store.
        """
        self._clipboard = ""  # what was cut or copied in a form goes with the keys
        session, self.session = self.session, None
        if session is not None:
            with contextlib.suppress(CasetermError):  # the keys are dropped all the same
                session.close()
        if self.restart_on_lock:
            # Python cannot wipe what it freed: the process that held the keys ends, and a new
            # one shows the unlock screen (T27).
            self.exit(result=reason)
            return
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self._show_unlock()
        self.notify(reason, title=_("caseterm"), markup=False)

    def unlocked(self, session: CaseSession) -> None:
        """Called by the unlock screen: the day starts on what is due.

        The first page of the due list is read before the today screen is built. Read while
        the screen is being drawn, it waited for the drawing: both need Python's one lock.
        """
        self.session = session
        self.failed_unlocks = 0
        self._last_activity = self._unlocked_at = self.clock.monotonic()
        self._open_day()

    @work(thread=True, exclusive=True, exit_on_error=False, group="open-day")
    def _open_day(self) -> None:
        from caseterm.services.lifecycle.due import due_list
        from caseterm.tui.screens.today import PAGE

        found = None
        try:
            session = self.require_session()
            if session.unit.kind != "district":  # a district's morning is its communes
                found = due_list(session, limit=PAGE)
        except Exception as error:  # shown as a message with an id; the screen reads again
            self.call_from_thread(self.show_error, error)
        self.call_from_thread(self._start_day, found)

    def _start_day(self, found: DueList | None) -> None:
        from caseterm.tui.screens.district import DistrictScreen
        from caseterm.tui.screens.today import TodayScreen

        if self.session is None:  # locked meanwhile
            return
        if self.session.unit.kind == "district":
            self.switch_screen(DistrictScreen())
        else:
            self.switch_screen(TodayScreen(first=found))

    def action_today(self) -> None:
        """Go to the today screen (from anywhere after unlock); a district's is its communes."""
        from caseterm.tui.screens.today import TodayScreen

        if self.session is not None and self.session.unit.kind == "district":
            self.action_sync()
            return
        self._go_to(TodayScreen)

    def action_registers(self) -> None:
        """Go to the registers (from anywhere after unlock)."""
        from caseterm.tui.screens.registers import RegistersScreen

        self._go_to(RegistersScreen)

    def action_sync(self) -> None:
        """Go to the sync screen: the commune's bundles, or the district's communes."""
        from caseterm.tui.screens.district import DistrictScreen
        from caseterm.tui.screens.sync import SyncScreen

        district = self.session is not None and self.session.unit.kind == "district"
        self._go_to(DistrictScreen if district else SyncScreen)

    def action_reports(self) -> None:
        """Go to the monthly report (a commune's, or a district's per commune)."""
        from caseterm.tui.screens.report import ReportScreen

        self._go_to(ReportScreen)

    def action_audit(self) -> None:
        """The unit's audit trail (a chief or an administrator)."""
        from caseterm.tui.screens.audit import AuditScreen

        if self.session is not None:
            self.push_screen(AuditScreen())

    def action_approvals(self) -> None:
        """Go to the chief's desk: drafts waiting, and account changes to see."""
        from caseterm.tui.screens.approvals import ApprovalsScreen

        self._go_to(ApprovalsScreen)

    def _go_to(self, screen_type: type[Screen[None]]) -> None:
        """Leave any open file or form (a form with typed text asks first) for a main screen."""
        if self.session is None:
            return
        from caseterm.tui.screens.event_form import EventFormScreen

        if any(isinstance(s, EventFormScreen) and s.is_dirty() for s in self.screen_stack):
            self.notify(_("Save or cancel the form first."), severity="warning", markup=False)
            return
        while len(self.screen_stack) > 2:  # Textual's default screen, then the main screen
            self.pop_screen()
        if not isinstance(self.screen, screen_type):
            self.switch_screen(screen_type())

    def require_session(self) -> CaseSession:
        """Return the open session (screens after unlock may rely on it)."""
        if self.session is None:
            raise CasetermError(_("The store is locked."))
        return self.session

    # --- help, palette, errors ------------------------------------------------------------

    def action_help(self) -> None:
        """Open the help page of the current screen."""
        from caseterm.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(getattr(self.screen, "HELP_PAGE", "")))

    def action_command_palette(self) -> None:
        """Textual's palette, with its words in the user's language (`tui.palette`)."""
        if self.use_command_palette and not Palette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(Palette(id="--command-palette"))

    def show_error(self, error: Exception) -> None:
        """Show an error: our own text as is; anything else as a generic message with an id."""
        if isinstance(error, CasetermError):
            self.notify(str(error), title=_("Refused"), severity="error", markup=False, timeout=10)
            return
        self.notify(
            unexpected_text(log_unexpected(error)),
            title=_("Error"),
            severity="error",
            markup=False,
            timeout=15,
        )

    def _fatal_error(self) -> None:
        """Replace Textual's crash report: it prints a traceback *with local variables*.

        Locals can hold case data, so the crash shows only a generic message and an id.
        """
        logged = log_unexpected(self._exception or RuntimeError())
        message = Text(
            _(
                "caseterm stopped because of an unexpected error (id {error_id}). "
                "Nothing was half-saved."
            ).format(error_id=logged.error_id)
        )
        if logged.log is not None:
            where = _("A technician finds this id, without any personal data, in {path}.")
            message.append("\n" + where.format(path=logged.log))
        self._exit_renderables.append(Segments(self.console.render(message, self.console.options)))
        self._close_messages_no_wait()

    async def action_quit(self) -> None:
        """Close the session (audited) before leaving."""
        session, self.session = self.session, None
        if session is not None:
            session.close()
        self.exit()


def make_app(store: Path, **options: Any) -> CasetermApp:
    """Build the app (tests pass `clock=`, `policy=`, `idle_seconds=`)."""
    return CasetermApp(store, **options)


def run_tui(store: Path, *, account: str | None = None) -> None:
    """Run the app on a store until the officer quits; after a lock, in a new process."""
    from caseterm.services.session.hardening import disable_core_dumps

    disable_core_dumps()
    locked = make_app(store, account=account, restart_on_lock=True).run()
    if locked:
        # If the new process cannot start, this one still ends: locked, keys gone, no trace.
        with contextlib.suppress(OSError):
            restart_locked(store, account, locked)


def restart_locked(store: Path, account: str | None, reason: str) -> NoReturn:
    """Replace this process with a new caseterm on the same store, showing why it locked.

    `exec` replaces the whole address space: nothing of the unlocked session survives in it.
    """
    os.environ[LOCK_REASON_ENV] = reason
    os.environ["CASETERM_LANG"] = current_language()
    chosen = ["--user", account] if account else []
    argv = [sys.executable, "-m", "caseterm", "--store", str(store), *chosen]
    os.execv(sys.executable, argv)  # noqa: S606 - exec of our own program, no shell involved


def _satisfies_host(app: CasetermApp) -> CasetermHost:
    """A static check (mypy): the application offers everything `CasetermHost` promises."""
    return app
