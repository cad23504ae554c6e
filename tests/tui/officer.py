"""Helpers for driving the officer's day with Pilot: seed lives, open files, fill event forms."""

from __future__ import annotations

import html
import re
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from textual.widgets import Checkbox, Input, Select, SelectionList

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.services.lifecycle.events import record_event
from caseterm.services.registry.persons import add_person
from caseterm.services.session.case_session import CaseSession
from caseterm.tui.app import CasetermApp, make_app
from caseterm.tui.screens.event_form import EventFormScreen
from caseterm.tui.screens.person import PersonScreen
from caseterm.tui.screens.unlock import UnlockScreen
from tests.conftest import ADMIN_PASSPHRASE, person
from tests.lifecycle.life import Life, at

SIZE = (100, 40)


def seed_life(
    session: CaseSession, clock: FrozenClock, life: Life, name: str = "Nguyễn Văn An"
) -> str:
    """Register a person and record a scripted life through the services, clock following."""
    clock.current = at("01/07/2026 07:00")
    pid = add_person(session, person(name), confirm=True)
    for event in life.events:
        clock.current = max(clock.current, event.occurred_at + timedelta(minutes=1))
        payload = event.payload.model_dump(mode="json", exclude_none=True)
        record_event(session, pid, event.type, payload, occurred_at=event.occurred_at)
    return pid


def seeded_store(
    session: CaseSession, clock: FrozenClock, life: Life, now: str
) -> tuple[Path, str]:
    """Record a life, set the clock to `now` and close the fixture's session: (store, person)."""
    pid = seed_life(session, clock, life)
    clock.current = at(now)
    store = session.files.store
    session.close()
    return store, pid


async def settle(app: CasetermApp, pilot: Any) -> None:
    """Let workers finish and the screen repaint."""
    for _ in range(2):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def registers_loaded(app: CasetermApp, pilot: Any) -> None:
    """Wait until the register screen shows its first page (its count line is written then):
    the page loads in a worker that may start after `settle` returned."""
    from textual.widgets import Label

    from caseterm.tui.screens.registers import RegistersScreen

    def loaded() -> bool:
        screen = app.screen
        return isinstance(screen, RegistersScreen) and bool(
            str(screen.query_one("#count", Label).render())
        )

    await until(pilot, loaded, "the register's first page")
    await settle(app, pilot)
    # The table sizes its columns on a later refresh: until then a busy machine can draw the
    # names cut short. Wait for the first name to be drawn whole.
    await until(pilot, lambda: _first_name_drawn(app), "the register's names drawn whole")


def drawn_text(app: CasetermApp) -> str:
    """What the terminal shows, as text (the screenshot without its markup)."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def _first_name_drawn(app: CasetermApp) -> bool:
    from caseterm.tui.screens.registers import RegistersScreen

    screen = app.screen
    if not isinstance(screen, RegistersScreen) or not screen.shown:
        return True
    return screen.shown[0].full_name in drawn_text(app)


async def until(
    pilot: Any, condition: Callable[[], bool], what: str, *, seconds: float = 60
) -> None:
    """Let the app run (messages, timers, workers) until `condition()` holds on its own state.

    For what the app does after a timer (search as you type, the command palette) or while a
    worker waits for an answer (a confirmation dialog), where `settle` would wait for a worker
    that is waiting for us. The bound only turns a hang into a failure naming `what`; a slow
    machine just takes more turns.
    """
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"{what}: not after {seconds} s"
        await pilot.pause()


@asynccontextmanager
async def unlocked(
    store: Path,
    policy: KdfPolicy,
    clock: FrozenClock,
    *,
    account: str | None = None,
    passphrase: str = ADMIN_PASSPHRASE,
    size: tuple[int, int] = SIZE,
) -> AsyncIterator[tuple[CasetermApp, Any]]:
    """Start the app on a store and unlock it (the today screen is then on top)."""
    app = make_app(store, policy=policy, clock=clock, idle_seconds=300, account=account)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        if account is not None:
            app.screen.query_one("#account", Input).value = account
        app.screen.query_one("#passphrase", Input).value = passphrase
        await pilot.press("enter")
        await settle(app, pilot)
        yield app, pilot


async def open_file(app: CasetermApp, pilot: Any, person_id: str) -> PersonScreen:
    """Open a person's file directly."""
    app.push_screen(PersonScreen(person_id))
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, PersonScreen)
    return screen


def offered(screen: PersonScreen) -> dict[str, bool]:
    """The actions the file offers: event type → whether this account may record it."""
    return {action.event_type: action.allowed for action in screen.actions}


async def open_form(app: CasetermApp, pilot: Any, event_type: str) -> EventFormScreen:
    """Choose an action in the file's action list (by keyboard) and return its form."""
    screen = app.screen
    assert isinstance(screen, PersonScreen)
    index = [a.event_type for a in screen.actions].index(event_type)
    await pilot.press("a")
    screen.query_one("#actions").highlighted = index  # type: ignore[attr-defined]
    await pilot.press("enter")
    await settle(app, pilot)
    form = app.screen
    assert isinstance(form, EventFormScreen), type(form)
    assert form.action.event_type == event_type
    return form


async def fill(app: CasetermApp, pilot: Any, form: EventFormScreen, /, **values: Any) -> None:
    """Set fields by name (text, a code, a yes/no, or a list of codes), then let the preview run."""
    for name, value in values.items():
        widget = form.query_one(f"#f-{name}")
        if isinstance(widget, Select):
            widget.value = value
        elif isinstance(widget, Checkbox):
            widget.value = bool(value)
        elif isinstance(widget, SelectionList):
            for code in value:
                widget.select(code)
        else:
            assert isinstance(widget, Input)
            widget.value = str(value)
    await pilot.pause()
    form.update_preview()  # now, not after the form's typing delay
    await pilot.pause()


async def save(app: CasetermApp, pilot: Any, clock: FrozenClock) -> PersonScreen:
    """Ctrl+S, back on the refreshed file; the clock then moves on ten minutes."""
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, PersonScreen), type(screen)
    clock.advance(600)
    return screen


def preview_text(form: EventFormScreen) -> str:
    """What the preview box says."""
    return str(form.query_one("#preview").render())
