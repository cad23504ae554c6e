"""T27: at a lock, the real program ends the process that held the keys and starts a new one
on the unlock screen (`exec`: nothing of the old address space survives), saying why."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from textual.widgets import Input

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.services.session.case_session import CaseSession
from caseterm.tui.app import LOCK_REASON_ENV, make_app, restart_locked
from caseterm.tui.screens.unlock import UnlockScreen
from tests.conftest import ADMIN, ADMIN_PASSPHRASE


async def test_t27_a_lock_ends_the_app_with_its_reason(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    store = session.files.store
    session.close()
    app = make_app(store, policy=policy, clock=clock, restart_on_lock=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        app.screen.query_one("#passphrase", Input).value = ADMIN_PASSPHRASE
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.session is not None
        await app.run_action("lock")
        await pilot.pause()
    assert app.return_value == "Locked."  # in English: the test's language
    assert app.session is None


def test_t27_the_new_process_is_the_same_program_on_the_same_store(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    called: list[list[str]] = []

    def fake_exec(path: str, argv: list[str]) -> None:
        called.append([path, *argv])
        raise SystemExit(0)

    monkeypatch.setattr(os, "execv", fake_exec)
    # Set first, so that monkeypatch puts back what restart_locked changes: nothing leaks.
    monkeypatch.setenv(LOCK_REASON_ENV, "")
    monkeypatch.setenv("CASETERM_LANG", "en")
    store = tmp_path / "caseterm.db"
    with pytest.raises(SystemExit):
        restart_locked(store, ADMIN, "Locked.")
    assert called == [
        [sys.executable, sys.executable, "-m", "caseterm", "--store", str(store), "--user", ADMIN]
    ]
    assert os.environ[LOCK_REASON_ENV] == "Locked."


async def test_t27_the_new_process_says_why_it_locked(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = session.files.store
    session.close()
    monkeypatch.setenv(LOCK_REASON_ENV, "Locked after 5 minutes without activity.")
    app = make_app(store, policy=policy, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        messages = [notice.message for notice in app._notifications]
    assert messages == ["Locked after 5 minutes without activity."]
    assert LOCK_REASON_ENV not in os.environ
