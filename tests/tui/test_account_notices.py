"""Issue 18 item 3: a new account or a reset shows on the chief's Hôm nay until acknowledged."""

from __future__ import annotations

from textual.widgets import Static

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.domain.codes import Role
from caseterm.services.accounts.approvals import pending_notices
from caseterm.services.accounts.manage import add_account
from caseterm.services.keys.opening import open_session
from caseterm.services.session.case_session import CaseSession
from caseterm.tui.screens.today import TodayScreen
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, OFFICER, OFFICER_PASSPHRASE
from tests.tui.officer import settle, unlocked, until


def _notices(screen: TodayScreen) -> str:
    shown = screen.query_one("#notices", Static)
    return str(shown.render()) if shown.display else ""


async def test_the_chief_sees_a_new_account_until_pressing_a(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    store = session.files.store
    session.close()
    async with unlocked(store, policy, clock, account=ADMIN) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        await until(pilot, lambda: bool(_notices(screen)), "the account notice")
        text = _notices(screen)
        assert f"new account {OFFICER} (officer), by {ADMIN}, approved by {ADMIN}" in text
        assert "Press a" in text
        await pilot.press("a")
        await settle(app, pilot)
        assert _notices(screen) == ""
    chief = open_session(store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    try:
        assert pending_notices(chief) == []
    finally:
        chief.close()


async def test_an_officer_sees_no_account_notice(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    store = session.files.store
    session.close()
    async with unlocked(store, policy, clock, account=OFFICER, passphrase=OFFICER_PASSPHRASE) as (
        app,
        pilot,
    ):
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        await settle(app, pilot)
        assert _notices(screen) == ""
        assert not screen.notices
        await pilot.press("a")  # not offered: nothing happens, nothing is acknowledged
        await settle(app, pilot)
    chief = open_session(store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    try:
        assert [n.subject for n in pending_notices(chief)] == [OFFICER]
    finally:
        chief.close()
