"""`users reset`: a one-time code that expires; the owner chooses the new passphrase, so an
administrator never learns or sets it; the forgotten passphrase and the used code open nothing."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Input

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.crypto.reset_code import ALPHABET, new_reset_code, normalise_code
from caseterm.domain.codes import Role
from caseterm.errors import (
    AuthError,
    NewPassphraseNeeded,
    NotFound,
    PermissionDenied,
    RefusedError,
    UsageError,
)
from caseterm.services.accounts.manage import add_account
from caseterm.services.accounts.reset import redeem_reset_code, reset_account
from caseterm.services.keys.opening import open_session
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.paths import StoreFiles
from caseterm.tui.app import make_app
from caseterm.tui.dialogs.ask import AskDialog
from caseterm.tui.screens.today import TodayScreen
from caseterm.tui.screens.unlock import UnlockScreen
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, OFFICER, OFFICER_PASSPHRASE

CHOSEN = "buoi sang tren canh dong lua chin"


@pytest.fixture
def reset_officer(session: CaseSession) -> str:
    """An officer who forgot the passphrase, and the code the administrator was given."""
    add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    code = reset_account(session, OFFICER).code
    session.close()
    return code


def test_codes_are_random_grouped_and_forgiving_to_type() -> None:
    code = new_reset_code()
    assert len(code) == 29 and code.count("-") == 4
    assert set(code.replace("-", "")) <= set(ALPHABET)
    assert new_reset_code() != code
    assert normalise_code(" abcde-fghjk ooill ") == "ABCDEFGHJK00111"


def test_the_code_opens_once_and_only_to_choose_a_new_passphrase(
    reset_officer: str, new_store: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    with pytest.raises(AuthError, match="Wrong one-time code"):
        open_session(new_store, OFFICER, OFFICER_PASSPHRASE, policy=policy, clock=clock)
    with pytest.raises(NewPassphraseNeeded):
        open_session(new_store, OFFICER, reset_officer.lower(), policy=policy, clock=clock)
    with pytest.raises(RefusedError):  # the passphrase policy still holds; the code still works
        redeem_reset_code(new_store, OFFICER, reset_officer, "short", policy=policy, clock=clock)
    session = redeem_reset_code(
        new_store, OFFICER, reset_officer, CHOSEN, policy=policy, clock=clock
    )
    with session.transaction() as tx:
        actions = [(e.action, e.account_id) for e in tx.audit.recent(20)]
        officer_id = session.actor.id
    session.close()
    assert ("account.reset_used", officer_id) in actions
    assert [a for a, _ in actions].count("account.reset") == 1
    with pytest.raises(AuthError, match="Wrong passphrase"):
        open_session(new_store, OFFICER, reset_officer, policy=policy, clock=clock)
    with pytest.raises(AuthError, match="no one-time code"):
        redeem_reset_code(new_store, OFFICER, reset_officer, CHOSEN, policy=policy, clock=clock)
    open_session(new_store, OFFICER, CHOSEN, policy=policy, clock=clock).close()


def test_an_expired_code_is_refused_and_editing_the_key_file_cannot_extend_it(
    reset_officer: str, new_store: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    clock.advance(timedelta(hours=73).total_seconds())
    with pytest.raises(AuthError, match="expired"):
        open_session(new_store, OFFICER, reset_officer, policy=policy, clock=clock)
    keyfile = StoreFiles(new_store).keyfile
    raw = json.loads(keyfile.read_text())
    for account in raw["accounts"].values():
        if "expires" in account["slot"]:
            account["slot"]["expires"] = "2099-01-01T00:00:00Z"
    keyfile.write_text(json.dumps(raw))
    with pytest.raises(AuthError, match="Wrong one-time code"):
        open_session(new_store, OFFICER, reset_officer, policy=policy, clock=clock)


def test_only_an_administrator_resets_and_never_their_own_account(
    session: CaseSession, new_store: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    with pytest.raises(RefusedError):
        reset_account(session, ADMIN)
    with pytest.raises(NotFound):
        reset_account(session, "nobody")
    with pytest.raises(UsageError):
        reset_account(session, OFFICER, timedelta(days=30))
    session.close()
    officer = open_session(new_store, OFFICER, OFFICER_PASSPHRASE, policy=policy, clock=clock)
    try:
        with pytest.raises(PermissionDenied):
            reset_account(officer, ADMIN)
    finally:
        officer.close()
    open_session(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock).close()


async def test_the_unlock_screen_asks_for_the_new_passphrase_after_a_right_code(
    reset_officer: str, new_store: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    app = make_app(new_store, policy=policy, clock=clock, idle_seconds=300)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        app.screen.query_one("#account", Input).value = OFFICER
        app.screen.query_one("#passphrase", Input).value = reset_officer
        app.screen.query_one("#passphrase", Input).focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, AskDialog)
        assert all(field.password for field in app.screen.query(Input))
        app.screen.query_one("#ask-new", Input).value = CHOSEN
        app.screen.query_one("#ask-again", Input).value = CHOSEN
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    open_session(new_store, OFFICER, CHOSEN, policy=policy, clock=clock).close()
