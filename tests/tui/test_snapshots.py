"""SVG snapshots of the officer's screens (frozen clock, fixed data, 100×32), in vi and en.

A change to what the officer sees shows up as a failing snapshot: look at the new SVG, and when
it is right, accept it with `pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.image import SVGImageSnapshotExtension

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.i18n import set_language
from caseterm.services.session.case_session import CaseSession
from caseterm.tui.screens.today import TodayScreen
from tests.lifecycle import paths
from tests.lifecycle.life import Life, at
from tests.tui.officer import open_file, open_form, seed_life, settle, unlocked

SNAPSHOT_SIZE = (100, 32)
NOW = "02/11/2026 09:00"
LANGUAGES = ["vi", "en"]


@pytest.fixture
def svg(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """Snapshots stored as SVG files beside the tests."""
    return snapshot.use_extension(SVGImageSnapshotExtension)


def _seed(session: CaseSession, clock: FrozenClock) -> str:
    """Three people: one in voluntary rehab at home who also has e-monitoring pending, one
    positive today, one under management. Returns the first one's id."""
    rehab = Life()
    paths.in_rehab(rehab, "20/10/2026 08:00")
    first = seed_life(session, clock, rehab, "Nguyễn Văn An")
    positive = Life()
    paths.positive(positive, "01/11/2026 07:00")
    seed_life(session, clock, positive, "Trần Thị Bình")
    managed = Life()
    paths.managed(managed, "15/10/2026 08:00")
    seed_life(session, clock, managed, "Lê Văn Cường")
    clock.current = at(NOW)
    return first


async def _shot(language: str, session: CaseSession, policy: KdfPolicy, clock: FrozenClock,
                then: Any, size: tuple[int, int] = SNAPSHOT_SIZE) -> str:  # fmt: skip
    person_id = _seed(session, clock)
    store = session.files.store
    session.close()
    set_language(language)
    async with unlocked(store, policy, clock, size=size) as (app, pilot):
        assert isinstance(app.screen, TodayScreen)
        await then(app, pilot, person_id)
        await settle(app, pilot)
        return app.export_screenshot()


@pytest.mark.parametrize("language", LANGUAGES)
async def test_today_screen(
    language: str, svg: SnapshotAssertion, session: CaseSession, policy: KdfPolicy,
    clock: FrozenClock,
) -> None:  # fmt: skip
    async def nothing(*_args: Any) -> None:
        return None

    assert await _shot(language, session, policy, clock, nothing) == svg


async def test_today_screen_at_80x24_in_vietnamese(
    svg: SnapshotAssertion, session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    """The smallest terminal the officer's laptop may have."""

    async def nothing(*_args: Any) -> None:
        return None

    assert await _shot("vi", session, policy, clock, nothing, size=(80, 24)) == svg


@pytest.mark.parametrize("language", LANGUAGES)
async def test_person_file_with_several_measures(
    language: str, svg: SnapshotAssertion, session: CaseSession, policy: KdfPolicy,
    clock: FrozenClock,
) -> None:  # fmt: skip
    async def file(app: Any, pilot: Any, person_id: str) -> None:
        await open_file(app, pilot, person_id)

    assert await _shot(language, session, policy, clock, file) == svg


@pytest.mark.parametrize("language", LANGUAGES)
async def test_event_form_with_its_preview(
    language: str, svg: SnapshotAssertion, session: CaseSession, policy: KdfPolicy,
    clock: FrozenClock,
) -> None:  # fmt: skip
    async def form(app: Any, pilot: Any, person_id: str) -> None:
        await open_file(app, pilot, person_id)
        await open_form(app, pilot, "rehab.stage_reported")

    assert await _shot(language, session, policy, clock, form) == svg


async def _registers_dropdown(app: Any, pilot: Any, _person_id: str) -> None:
    await pilot.press("f3")
    await settle(app, pilot)
    await pilot.press("f4", "enter")


async def _person(app: Any, pilot: Any, person_id: str) -> None:
    await open_file(app, pilot, person_id)


async def _form(app: Any, pilot: Any, person_id: str) -> None:
    await open_file(app, pilot, person_id)
    await open_form(app, pilot, "test.performed")


async def _report(app: Any, pilot: Any, _person_id: str) -> None:
    await pilot.press("f6")


async def _help(app: Any, pilot: Any, _person_id: str) -> None:
    await pilot.press("f1")


NARROW_VIEWS = {
    "registers_dropdown": _registers_dropdown,
    "person": _person,
    "event_form": _form,
    "report": _report,
    "help": _help,
}
"""Issue 21 item 1: the screens at the smallest terminal an officer's laptop may have. The sync
screen shows the commune's random signing-key id and the palette a live search, so neither is
an image snapshot; `test_vietnamese_widgets` checks the palette's text at 80×24."""


@pytest.mark.parametrize("view", sorted(NARROW_VIEWS))
async def test_screen_at_80x24_in_vietnamese(
    view: str, svg: SnapshotAssertion, session: CaseSession, policy: KdfPolicy,
    clock: FrozenClock,
) -> None:  # fmt: skip
    assert await _shot("vi", session, policy, clock, NARROW_VIEWS[view], size=(80, 24)) == svg


async def test_unlock_without_a_store_at_80x24(
    svg: SnapshotAssertion, policy: KdfPolicy, clock: FrozenClock
) -> None:
    """The instruction and the full path are shown whole, wrapped, at 80 columns (a fixed path
    that does not exist, so that the snapshot is the same on every machine)."""
    from caseterm.tui.app import make_app

    set_language("vi")
    missing = Path("/nonexistent/a-commune-folder-with-a-long-name/caseterm/caseterm.db")
    app = make_app(missing, policy=policy, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        status = str(app.screen.query_one("#status").render())
        assert "caseterm-admin init" in status and "caseterm demo" in status
        assert str(missing) in str(app.screen.query_one("#store").render())
        assert app.export_screenshot() == svg
