"""SVG snapshots of the officer's screens (frozen clock, fixed data, 100×32), in vi and en.

A change to what the officer sees shows up as a failing snapshot: look at the new SVG, and when
it is right, accept it with `pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.image import SVGImageSnapshotExtension
from textual.widgets import Input, Static

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.i18n import set_language
from caseterm.services.session.case_session import CaseSession
from caseterm.services.sync.commune import sync_status
from caseterm.tui.screens.district import DistrictScreen
from caseterm.tui.screens.sync import SyncScreen
from caseterm.tui.screens.today import TodayScreen
from tests.lifecycle import paths
from tests.lifecycle.life import Life, at
from tests.sync.world import one_commune
from tests.tui.officer import open_file, open_form, seed_life, settle, unlocked

SNAPSHOT_SIZE = (100, 32)
NOW = "02/11/2026 09:00"
LANGUAGES = ["vi", "en"]


@pytest.fixture
def svg(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """Snapshots stored as SVG files beside the tests."""
    return snapshot.use_extension(SVGImageSnapshotExtension)


def _seed(session: CaseSession, clock: FrozenClock) -> dict[str, str]:
    """Three people: one in voluntary rehab at home who also has e-monitoring pending, one
    positive today, one under management. Returns their ids by those words."""
    rehab = Life()
    paths.in_rehab(rehab, "20/10/2026 08:00")
    ids = {"rehab": seed_life(session, clock, rehab, "Nguyễn Văn An")}
    positive = Life()
    paths.positive(positive, "01/11/2026 07:00")
    ids["positive"] = seed_life(session, clock, positive, "Trần Thị Bình")
    managed = Life()
    paths.managed(managed, "15/10/2026 08:00")
    ids["managed"] = seed_life(session, clock, managed, "Lê Văn Cường")
    clock.current = at(NOW)
    return ids


async def steady_screenshot(app: Any, pilot: Any) -> str:
    """The screen with every text cursor shown steadily: a blinking cursor is drawn or not
    depending on when, to the half second, the picture is taken (it made snapshots flaky)."""
    for field in app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()
    return str(app.export_screenshot())


async def _shot(language: str, session: CaseSession, policy: KdfPolicy, clock: FrozenClock,
                then: Any, size: tuple[int, int] = SNAPSHOT_SIZE) -> str:  # fmt: skip
    ids = _seed(session, clock)
    store = session.files.store
    session.close()
    set_language(language)
    async with unlocked(store, policy, clock, size=size) as (app, pilot):
        assert isinstance(app.screen, TodayScreen)
        await then(app, pilot, ids)
        await settle(app, pilot)
        return await steady_screenshot(app, pilot)


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
    async def file(app: Any, pilot: Any, ids: dict[str, str]) -> None:
        await open_file(app, pilot, ids["rehab"])

    assert await _shot(language, session, policy, clock, file) == svg


@pytest.mark.parametrize("language", LANGUAGES)
async def test_event_form_with_its_preview(
    language: str, svg: SnapshotAssertion, session: CaseSession, policy: KdfPolicy,
    clock: FrozenClock,
) -> None:  # fmt: skip
    async def form(app: Any, pilot: Any, ids: dict[str, str]) -> None:
        await open_file(app, pilot, ids["rehab"])
        await open_form(app, pilot, "rehab.stage_reported")

    assert await _shot(language, session, policy, clock, form) == svg


async def _registers_dropdown(app: Any, pilot: Any, _ids: dict[str, str]) -> None:
    await pilot.press("f3")
    await settle(app, pilot)
    await pilot.press("f4", "enter")


async def _person(app: Any, pilot: Any, ids: dict[str, str]) -> None:
    await open_file(app, pilot, ids["rehab"])


async def _form(app: Any, pilot: Any, ids: dict[str, str]) -> None:
    await open_file(app, pilot, ids["rehab"])
    await open_form(app, pilot, "test.performed")


def _form_of(event_type: str, who: str) -> Any:
    async def form(app: Any, pilot: Any, ids: dict[str, str]) -> None:
        await open_file(app, pilot, ids[who])
        await open_form(app, pilot, event_type)

    return form


async def _palette(app: Any, pilot: Any, _ids: dict[str, str]) -> None:
    await pilot.press("ctrl+p")
    await settle(app, pilot)


async def _report(app: Any, pilot: Any, _ids: dict[str, str]) -> None:
    await pilot.press("f6")


async def _help(app: Any, pilot: Any, _ids: dict[str, str]) -> None:
    await pilot.press("f1")


NARROW_VIEWS = {
    "registers_dropdown": _registers_dropdown,
    "person": _person,
    "event_form": _form,
    "form_assessment": _form_of("assessment.requested", "positive"),
    "form_management": _form_of("mgmt.suspended", "managed"),
    "form_emonitoring": _form_of("emon.decided", "rehab"),
    "form_postrehab": _form_of("postrehab.decided", "rehab"),
    "form_compulsory": _form_of("compulsory.ground_found", "positive"),
    "form_document": _form_of("document.logged", "managed"),
    "palette": _palette,
    "report": _report,
    "help": _help,
}
"""Issue 21 item 1: the screens at the smallest terminal an officer's laptop may have, with one
form of each family (a test, an assessment's yes/no fields, a management step, the e-monitoring
choices, post-rehab, a compulsory-rehab ground, a document). The sync and district screens, which
show random keys, are below."""


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
        assert await steady_screenshot(app, pilot) == svg


def _without_random_keys(screenshot: str, keys: list[str]) -> str:
    """The screenshot with each random key id replaced by a fixed one of the same length, and
    the SVG's content-derived id made fixed too, so that the picture is the same on every run
    (the keys are made fresh for every store; everything else on these screens is fixed)."""
    for number, key in enumerate(keys):
        screenshot = screenshot.replace(key, f"{number}".rjust(len(key), "0"))
    return re.sub(r"terminal-\d+", "terminal-0", screenshot)


def _sync_keys(session: CaseSession) -> list[str]:
    key = sync_status(session).signing_key_id
    assert key is not None
    return [key]


async def test_sync_screen_at_80x24_in_vietnamese(
    svg: SnapshotAssertion, tmp_path: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    """The commune's sync screen after one bundle was made and before it was acknowledged."""
    world = one_commune(tmp_path, policy, clock)
    world.export("26734", "2026-10")
    with world.open(world.communes["26734"]) as session:
        keys = _sync_keys(session)
    set_language("vi")
    async with unlocked(world.communes["26734"], policy, clock, size=(80, 24)) as (app, pilot):
        await pilot.press("f5")
        await settle(app, pilot)
        assert isinstance(app.screen, SyncScreen)
        assert _without_random_keys(await steady_screenshot(app, pilot), keys) == svg


async def test_district_screen_at_80x24_in_vietnamese(
    svg: SnapshotAssertion, tmp_path: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    """The district's communes after one month was imported, and one commune still silent."""
    world = one_commune(tmp_path, policy, clock)
    world.add_commune("26737")
    world.import_(world.export("26734", "2026-10"))
    keys = [world.address.recipient, world.address.signing_public_key.hex()]
    set_language("vi")
    async with unlocked(world.district, policy, clock, size=(80, 24)) as (app, pilot):
        assert isinstance(app.screen, DistrictScreen)
        # The address wraps inside its keys, so they are made fixed before it is drawn.
        address = app.screen.query_one("#district-address", Static)
        address.update(_without_random_keys(str(address.render()), keys))
        await settle(app, pilot)
        assert _without_random_keys(await steady_screenshot(app, pilot), keys) == svg


async def test_approvals_screen_at_80x24_in_vietnamese(
    svg: SnapshotAssertion, session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    """The chief's desk with one officer's draft waiting (issue 22)."""
    from caseterm.domain.codes import Role
    from caseterm.services.accounts.approvals import acknowledge_notices, pending_notices
    from caseterm.services.accounts.manage import add_account
    from caseterm.services.drafts.making import draft_event
    from caseterm.services.keys.opening import open_session
    from caseterm.tui.screens.approvals import ApprovalsScreen
    from tests.conftest import OFFICER, OFFICER_PASSPHRASE

    add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    acknowledge_notices(session, [n.id for n in pending_notices(session)])
    life = Life()
    paths.notified(life, "01/11/2026 07:00")
    pid = seed_life(session, clock, life)
    clock.current = at("01/11/2026 16:00")
    store = session.files.store
    session.close()
    officer = open_session(store, OFFICER, OFFICER_PASSPHRASE, policy=policy, clock=clock)
    try:
        decision = {"reason": "NEW", "decision_no": "04/QĐ-CAX", "officer": "Trần Văn An"}
        draft_event(officer, pid, "mgmt.decided", decision)
    finally:
        officer.close()
    set_language("vi")
    async with unlocked(store, policy, clock, size=(80, 24), account="quantri") as (app, pilot):
        await pilot.press("f7")
        await settle(app, pilot)
        assert isinstance(app.screen, ApprovalsScreen)
        assert await steady_screenshot(app, pilot) == svg
