"""Issue 21 item 7: an officer who types the name right after Ctrl+N finds it in the name field.

Keys from a real terminal arrive in a burst, not one at a time as `pilot.press` sends them
(it waits for each to be handled). The burst is posted to the app here at once, before any
of it is handled, which is when a slow laptop used to put the name in the search box.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.services.session.case_session import CaseSession
from caseterm.tui.screens.new_person import NewPersonScreen
from caseterm.tui.screens.registers import RegistersScreen
from tests.lifecycle import paths
from tests.lifecycle.life import Life
from tests.tui.officer import seeded_store, settle, unlocked

NAME = "Nguyễn Văn"


async def test_a_name_typed_right_after_ctrl_n_lands_in_the_name_field(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    life = Life()
    paths.positive(life, "01/11/2026 07:00")
    store, _pid = seeded_store(session, clock, life, "02/11/2026 09:00")
    async with unlocked(store, policy, clock, size=(80, 24)) as (app, pilot):
        await pilot.press("f3")
        await settle(app, pilot)
        registers = app.screen
        assert isinstance(registers, RegistersScreen)
        search = registers.query_one("#search", Input)
        assert search.has_focus  # where the letters used to go
        burst = [events.Key("ctrl+n", None)]
        burst += [events.Key("space" if c == " " else c.lower(), c) for c in NAME]
        for key in burst:
            app.post_message(key)
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, NewPersonScreen)
        assert form.query_one("#full_name", Input).value == NAME
        assert search.value == ""
