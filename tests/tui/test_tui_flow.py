"""The TUI driven with Pilot: unlock → search → open a file → add a person with a duplicate
warning → idle lock (T27: the lock closes the session and drops the keys)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from textual.widgets import Button, DataTable, Input, Label, Select

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.services.registry.persons import add_person
from caseterm.services.session.case_session import CaseSession
from caseterm.tui.app import CasetermApp, make_app
from caseterm.tui.dialogs import ConfirmDialog
from caseterm.tui.screens.new_person import NewPersonScreen
from caseterm.tui.screens.person import PersonScreen
from caseterm.tui.screens.registers import RegistersScreen
from caseterm.tui.screens.today import TodayScreen
from caseterm.tui.screens.unlock import UnlockScreen, delay_after
from tests.conftest import ADMIN_PASSPHRASE, person
from tests.tui.officer import registers_loaded, settle, until

SIZE = (100, 32)


def _app(store: Path, policy: KdfPolicy, clock: FrozenClock) -> CasetermApp:
    return make_app(store, policy=policy, clock=clock, idle_seconds=300)


async def _unlock(app: CasetermApp, pilot: object, passphrase: str = ADMIN_PASSPHRASE) -> None:
    """Unlock, then go from the today screen (where the day starts) to the registers."""
    assert isinstance(app.screen, UnlockScreen)
    app.screen.query_one("#passphrase", Input).value = passphrase
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(app, pilot)
    if isinstance(app.screen, TodayScreen):
        await pilot.press("f3")  # type: ignore[attr-defined]
        await registers_loaded(app, pilot)


@asynccontextmanager
async def _unlocked_app(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock, seen: list[object] | None = None
) -> AsyncIterator[tuple[CasetermApp, Any]]:
    """Close the fixture's session, start the app on its store and unlock it."""
    store = session.files.store
    session.close()
    app = _app(store, policy, clock)
    hook = seen.append if seen is not None else None
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await pilot.pause()
        await _unlock(app, pilot)
        yield app, pilot


def _seed(session: CaseSession) -> None:
    add_person(session, person("Nguyễn Văn An", aliases=("Tí",)))
    add_person(session, person("Trần Thị Bình", id_number="036190000001", sex=person().sex.FEMALE))
    session.close()


async def test_officer_day_unlock_search_open_add_and_idle_lock(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    store = session.files.store
    _seed(session)
    app = _app(store, policy, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        unlock = app.screen
        assert isinstance(unlock, UnlockScreen)
        assert unlock.query_one("#account", Input).value == "quantri"  # the only account
        await _unlock(app, pilot)
        assert isinstance(app.screen, RegistersScreen)
        assert app.session is not None

        # search as you type: folded, any word order
        await pilot.press(*"an nguyen")
        registers = app.screen
        assert isinstance(registers, RegistersScreen)
        found = ["Nguyễn Văn An"]
        await until(pilot, lambda: [p.full_name for p in registers.shown] == found, "the match")
        await settle(app, pilot)
        assert [p.full_name for p in registers.shown] == ["Nguyễn Văn An"]

        # open the file from the list
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen)
        assert app.screen.person_file is not None
        assert app.screen.person_file.person.record.full_name == "Nguyễn Văn An"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RegistersScreen)

        # a new person who looks like a duplicate: the warning comes before anything is saved
        app.screen.query_one(DataTable).focus()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NewPersonScreen)
        form.query_one("#full_name", Input).value = "Nguyen Van An"
        form.query_one("#birth", Input).value = "1991"
        form.query_one("#sex", Select).value = "male"
        await pilot.press("ctrl+s")
        # The save worker now waits for the officer's answer: do not wait for workers.
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the warning")
        assert isinstance(app.screen, ConfirmDialog)
        reasons = [str(widget.render()) for widget in app.screen.query(".reason")]
        assert any("possible duplicate" in reason for reason in reasons)
        app.screen.query_one("#yes", Button).press()
        await until(pilot, lambda: isinstance(app.screen, PersonScreen), "the new file")
        assert isinstance(app.screen, PersonScreen)
        assert app.screen.person_file is not None
        assert app.screen.person_file.person.record.full_name == "Nguyen Van An"

        # idle lock: nothing touched for the idle time → locked, keys dropped, unlock screen
        held = app.session
        assert held is not None
        clock.advance(301)
        app.lock_if_idle()
        await pilot.pause()
        assert app.session is None
        assert held.closed
        assert isinstance(app.screen, UnlockScreen)
        assert len(app.screen_stack) == 2  # the default screen and the unlock screen, nothing else


async def test_idle_lock_in_the_middle_of_a_form_saves_nothing(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    async with _unlocked_app(session, policy, clock) as (app, pilot):
        app.screen.query_one(DataTable).focus()
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#full_name", Input).value = "Lê Văn Chưa Lưu"
        clock.advance(299)
        app.lock_if_idle()
        assert app.session is not None  # not yet
        clock.advance(2)
        app.lock_if_idle()
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        await _unlock(app, pilot)
        registers = app.screen
        assert isinstance(registers, RegistersScreen)
        assert registers.shown == []


async def test_wrong_passphrase_says_so_and_waits_longer_each_time(
    new_store: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    app = _app(new_store, policy, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _unlock(app, pilot, "this is not the passphrase")
        assert isinstance(app.screen, UnlockScreen)
        assert "Wrong passphrase" in str(app.screen.query_one("#status", Label).render())
        assert app.screen.query_one("#passphrase", Input).value == ""
        await _unlock(app, pilot, "still not the passphrase")
        assert app.failed_unlocks == 2
        assert "Wait 2 s" in str(app.screen.query_one("#status", Label).render())
        assert app.screen.query_one("#passphrase", Input).disabled
    assert [delay_after(n) for n in (1, 2, 3, 4, 10)] == [0, 2, 4, 8, 60]


async def test_cancelling_a_typed_form_asks_first(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    async with _unlocked_app(session, policy, clock) as (app, pilot):
        app.screen.query_one(DataTable).focus()
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#full_name", Input).value = "Đỗ Văn Gõ Dở"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # "no": keep editing
        await pilot.pause()
        assert isinstance(app.screen, NewPersonScreen)
        assert app.screen.query_one("#full_name", Input).value == "Đỗ Văn Gõ Dở"


async def test_vietnamese_interface_and_help(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    from caseterm.i18n import set_language

    store = session.files.store
    session.close()
    set_language("vi")
    app = _app(store, policy, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#unlock").label.plain == "Mở khóa"  # type: ignore[attr-defined]
        await _unlock(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert "Danh sách" in app.screen.query_one("Markdown").source  # type: ignore[attr-defined]


async def test_no_store_yet_says_how_to_make_one(
    tmp_path: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    app = _app(tmp_path / "nothing-here.db", policy, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        status = str(app.screen.query_one("#status", Label).render())
        assert "caseterm-admin init" in status
        assert "caseterm demo" in status
        assert app.screen.query_one("#unlock", Button).disabled


async def test_a_refused_save_says_why_where_it_is_seen(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    from textual.notifications import Notify

    seen: list[object] = []
    async with _unlocked_app(session, policy, clock, seen) as (app, pilot):
        await pilot.press("ctrl+n")
        await pilot.pause()
        app.screen.query_one("#full_name", Input).value = "Lê Văn Sai Ngày"
        app.screen.query_one("#birth", Input).value = "31/02/1978"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, NewPersonScreen)  # nothing saved
        notices = [m for m in seen if isinstance(m, Notify)]
        assert any("not a date" in m.notification.message for m in notices)


async def test_typing_keeps_the_session_open_and_idleness_locks_it(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    """T27 (timers on a simulated clock): activity resets the idle timer; idleness locks."""
    async with _unlocked_app(session, policy, clock) as (app, pilot):
        clock.advance(200)
        await pilot.press("n", "g")  # typing in the search box is activity
        clock.advance(200)
        app.lock_if_idle()
        assert app.session is not None  # 200 s since the last key, under the 300 s limit
        clock.advance(101)
        app.lock_if_idle()
        await pilot.pause()
        assert app.session is None
        assert isinstance(app.screen, UnlockScreen)


async def test_a_busy_session_still_ends_after_twelve_hours(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    async with _unlocked_app(session, policy, clock) as (app, pilot):
        clock.advance(12 * 3600 - 10)
        await pilot.press("2")  # the officer is typing: not idle
        app.lock_if_idle()
        assert app.session is not None
        clock.advance(11)
        await pilot.press("1")
        app.lock_if_idle()
        await pilot.pause()
        assert app.session is None
        assert isinstance(app.screen, UnlockScreen)
