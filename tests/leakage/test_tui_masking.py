"""T29/T31 in the TUI: sensitive fields stay in the person file, the title and the lock screen
carry no case data, nothing reaches the terminal's clipboard (OSC 52) and the in-app copy is
gone at the lock, and an unexpected error shows a generic message with an id.

The people carry canaries in ethnicity and religion and have a positive drug test. The lists
(today, registers, search results) may show names — they are the officer's work lists — but
never ethnicity, religion or a test result; the person file shows them.
"""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input, Static

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.services.lifecycle.events import record_event
from caseterm.services.registry.persons import add_person
from caseterm.services.session.case_session import CaseSession
from caseterm.tui.app import CasetermApp, make_app
from caseterm.tui.screens.person import PersonScreen
from caseterm.tui.screens.registers import RegistersScreen
from caseterm.tui.screens.today import TodayScreen
from caseterm.tui.screens.unlock import UnlockScreen
from tests.conftest import ADMIN_PASSPHRASE
from tests.leakage.canaries import CANARIES, canary_record, hits_in
from tests.tui.officer import registers_loaded, settle, until

PEOPLE = 4


def _sensitive(index: int) -> str:
    """The canary `canary_record(index)` puts in ethnicity, religion and the notes."""
    return CANARIES[(index * 3 + 2) % len(CANARIES)]


def _name(index: int) -> str:
    return CANARIES[(index * 3) % len(CANARIES)]


def _seed(session: CaseSession, clock: FrozenClock) -> None:
    for index in range(PEOPLE):
        pid = add_person(session, canary_record(index), confirm=True)
        positive = {"ground": "h", "sample": "URINE", "result": "POSITIVE"}
        record_event(
            session, pid, "test.performed", positive, occurred_at=clock.now() - timedelta(hours=2)
        )
    session.close()


def _screen_text(app: CasetermApp) -> str:
    return app.export_screenshot() + f"{app.title} {app.sub_title}"


def _sensitive_hits(text: str) -> list[str]:
    return [c for c in hits_in(text.encode()) if c in {_sensitive(i) for i in range(PEOPLE)}]


async def test_t29_t31_lists_mask_sensitive_fields_and_the_title_and_lock_carry_nothing(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    store = session.files.store
    _seed(session, clock)
    app = make_app(store, policy=policy, clock=clock, idle_seconds=300)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        app.screen.query_one("#passphrase", Input).value = ADMIN_PASSPHRASE
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, TodayScreen)
        today = _screen_text(app)
        assert _name(0) in today  # the work list names people…
        assert _sensitive_hits(today) == []  # …but no ethnicity, religion or result
        assert "Dương tính" not in today and "POSITIVE" not in today

        await pilot.press("f3")
        await registers_loaded(app, pilot)
        assert isinstance(app.screen, RegistersScreen)
        registers = _screen_text(app)
        assert _name(1) in registers and _sensitive_hits(registers) == []
        await pilot.press(*_name(2).lower())
        searching = app.screen
        assert isinstance(searching, RegistersScreen)
        wanted = [f"Nguyễn Văn {_name(2)}"]
        await until(pilot, lambda: [p.full_name for p in searching.shown] == wanted, "the match")
        await settle(app, pilot)
        assert [p.full_name for p in app.screen.shown] == [f"Nguyễn Văn {_name(2)}"]
        found = _screen_text(app)
        assert _name(2) in found and _sensitive_hits(found) == []

        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PersonScreen)
        shown = " ".join(str(widget.render()) for widget in app.screen.query(Static))
        assert _sensitive(2) in shown  # shown in the file (scrolled to), where it belongs
        assert hits_in(f"{app.title} {app.sub_title}".encode()) == []

        app.show_error(RuntimeError(f"{CANARIES[7]} in a local variable"))
        await pilot.pause()
        [notice] = list(app._notifications)[-1:]
        assert "id " in notice.message and hits_in(notice.message.encode()) == []

        driver = app._driver
        assert driver is not None
        written: list[str] = []
        original = driver.write

        def recording(data: str) -> None:
            written.append(data)
            original(data)

        driver.write = recording  # type: ignore[method-assign]
        app.copy_to_clipboard(_sensitive(1))  # as Input's ctrl+c does
        await pilot.pause()
        assert not any("\x1b]52" in data for data in written)  # never to the terminal
        assert app.clipboard == _sensitive(1)  # for pasting inside caseterm…
        assert not app.ALLOW_SELECT  # …and no mouse selection of the screen at all

        await app.run_action("lock")
        await settle(app, pilot)
        assert app.clipboard == ""  # the in-app copy went with the keys
        assert isinstance(app.screen, UnlockScreen)
        assert hits_in(_screen_text(app).encode()) == []  # the lock screen shows no record
