"""The unlock screen: account and passphrase; the key derivation runs in a worker thread.

Nothing of the store is visible here, and the store modules are imported only by the worker,
so this screen paints before SQLModel is even loaded.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static

from caseterm.errors import CasetermError, NewPassphraseNeeded, RefusedError
from caseterm.i18n import N_, _
from caseterm.services.session.error_log import log_unexpected, unexpected_text
from caseterm.tui.screens.base import CasetermScreen

MAX_DELAY_SECONDS = 60


def delay_after(failures: int) -> int:
    """Seconds to wait before the next try: none after the first failure, then 2, 4, 8… ≤ 60."""
    return 0 if failures < 2 else min(2 ** (failures - 1), MAX_DELAY_SECONDS)


class UnlockScreen(CasetermScreen[None]):
    """Choose an account, type the passphrase."""

    HELP_PAGE = "unlock"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.quit", N_("Quit"), id="unlock-quit")
    ]

    def __init__(self) -> None:
        super().__init__()
        self.account_names: list[str] = []
        """The accounts the key file knows (offered as suggestions while typing)."""

    def compose(self) -> ComposeResult:
        """The unlock form."""
        with Center(), Vertical(id="unlock-box"):
            yield Static("caseterm", id="unlock-title")
            yield Label(
                _("Store: {path}").format(path=self.caseterm.store_path), id="store", markup=False
            )
            yield Label(_("Account"), id="account-label")
            yield Input(id="account", placeholder=_("your account name"))
            yield Label(_("Passphrase"), id="passphrase-label")
            yield Input(password=True, id="passphrase", placeholder=_("your passphrase"))
            yield Button(_("Unlock"), id="unlock", variant="primary")
            yield Label("", id="status", markup=False)
        # A plain hint instead of a Footer: the unlock screen must paint fast (P2).
        yield Static(_("F1 help · Enter unlock · Escape quit"), id="unlock-keys", markup=False)

    def on_mount(self) -> None:
        """Offer the accounts of the key file (names only; nothing is decrypted)."""
        if not self.caseterm.store_path.exists():
            self._say(
                _(
                    "There is no store at {path} yet. An administrator creates one with "
                    "'caseterm-admin init'; to try caseterm, run 'caseterm demo'."
                ).format(path=self.caseterm.store_path)
            )
            self.query_one("#unlock", Button).disabled = True
            # Nothing to unlock: the fields would only push the instruction off a 24-row screen.
            for field in ("#account-label", "#account", "#passphrase-label", "#passphrase"):
                self.query_one(field).display = False
            self.query_one("#unlock", Button).display = False
            return
        try:
            from caseterm.services.keys.keyfile import account_names
            from caseterm.services.session.paths import StoreFiles

            names = account_names(StoreFiles(self.caseterm.store_path))
        except CasetermError as error:
            self._say(str(error))
            self.query_one("#unlock", Button).disabled = True
            return
        self.account_names = names
        account = self.query_one("#account", Input)
        account.suggester = SuggestFromList(names, case_sensitive=False)
        chosen = self.caseterm.preselected_account
        if chosen in names or len(names) == 1:
            account.value = chosen if chosen in names else names[0]
            self.query_one("#passphrase", Input).focus()
        else:
            account.focus()

    def _say(self, text: str) -> None:
        self.query_one("#status", Label).update(text)

    @on(Input.Submitted, "#passphrase")
    @on(Button.Pressed, "#unlock")
    def _submit(self) -> None:
        account = self.query_one("#account", Input).value.strip()
        passphrase = self.query_one("#passphrase", Input).value
        if not account:
            self._say(_("Type your account name first."))
            self.query_one("#account", Input).focus()
            return
        if not passphrase:
            self._say(_("Type your passphrase."))
            return
        self._busy(True)
        self._say(_("Checking the passphrase…"))
        self._unlock(account, passphrase)

    def _busy(self, busy: bool) -> None:
        for selector in ("#unlock", "#passphrase", "#account"):
            self.query_one(selector).disabled = busy

    @work(thread=True, exclusive=True, exit_on_error=False, group="unlock")
    def _unlock(self, account: str, passphrase: str) -> None:
        from caseterm.services.keys.opening import open_session

        try:
            session = open_session(
                self.caseterm.store_path,
                account,
                passphrase,
                policy=self.caseterm.policy,
                clock=self.caseterm.clock,
            )
        except NewPassphraseNeeded:
            title = _("The one-time code is right. Choose your own passphrase:")
            self.app.call_from_thread(self._choose_passphrase, account, passphrase, title)
            return
        except CasetermError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        except Exception as error:  # shown as a message with an id, never a traceback
            self.app.call_from_thread(self._failed, unexpected_text(log_unexpected(error)))
            return
        self.app.call_from_thread(self.caseterm.unlocked, session)

    def _choose_passphrase(self, account: str, code: str, message: str) -> None:
        """The one-time code was right: ask for the new passphrase, twice, hidden."""
        from caseterm.tui.dialogs.ask import AskDialog

        def chosen(answer: dict[str, str] | None) -> None:
            if answer is None:
                self._busy(False)
                self._say(_("Nothing was changed; the one-time code still works."))
                return
            if answer["new"] != answer["again"]:
                self._choose_passphrase(account, code, _("The two passphrases differ."))
                return
            self._say(_("Saving the new passphrase…"))
            self._redeem(account, code, answer["new"])

        fields = [("new", _("New passphrase"), ""), ("again", _("Type it again"), "")]
        self.app.push_screen(AskDialog(message, fields, ok=_("Save"), secret=True), chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="unlock")
    def _redeem(self, account: str, code: str, new_passphrase: str) -> None:
        from caseterm.services.accounts.reset import redeem_reset_code

        try:
            session = redeem_reset_code(
                self.caseterm.store_path,
                account,
                code,
                new_passphrase,
                policy=self.caseterm.policy,
                clock=self.caseterm.clock,
            )
        except RefusedError as refused:  # the passphrase policy: choose another
            self.app.call_from_thread(self._choose_passphrase, account, code, str(refused))
        except CasetermError as error:
            self.app.call_from_thread(self._failed, str(error))
        except Exception as error:  # shown as a message with an id, never a traceback
            self.app.call_from_thread(self._failed, unexpected_text(log_unexpected(error)))
        else:
            self.app.call_from_thread(self.caseterm.unlocked, session)

    def _failed(self, message: str) -> None:
        self.caseterm.failed_unlocks += 1
        self.query_one("#passphrase", Input).value = ""
        wait = delay_after(self.caseterm.failed_unlocks)
        if wait == 0:
            self._busy(False)
            self._say(message)
            self.query_one("#passphrase", Input).focus()
            return
        self._say(message + " " + _("Wait {seconds} s before the next try.").format(seconds=wait))
        self.set_timer(wait, self._ready_again)

    def _ready_again(self) -> None:
        self._busy(False)
        self._say(_("You may try again."))
        self.query_one("#passphrase", Input).focus()
