"""The sync screens, driven with Pilot: the commune's export and acknowledgement, the district."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.services.sync.commune import ExportCancelled, export_bundle, sync_status
from caseterm.tui.dialogs.ask import AskDialog
from caseterm.tui.screens.district import DistrictScreen
from caseterm.tui.screens.sync import SyncScreen
from caseterm.tui.screens.today import TodayScreen
from tests.sync.world import World, one_commune
from tests.tui.officer import settle, unlocked


@pytest.fixture
def world(tmp_path: Path, policy: KdfPolicy, clock: FrozenClock) -> World:
    return one_commune(tmp_path, policy, clock)


def _cells(table: DataTable[object]) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


async def test_the_commune_exports_its_month_and_reads_the_acknowledgement(
    world: World, policy: KdfPolicy, clock: FrozenClock, tmp_path: Path
) -> None:
    outbox = tmp_path / "usb"
    outbox.mkdir()
    async with unlocked(world.communes["26734"], policy, clock) as (app, pilot):
        assert isinstance(app.screen, TodayScreen)
        banner = str(app.screen.query_one("#banner", Static).render())
        assert "2026-10" in banner
        assert "F5" in banner
        await pilot.press("f5")
        await settle(app, pilot)
        assert isinstance(app.screen, SyncScreen)
        assert "⚠" in str(app.screen.query_one("#sync-banner", Static).render())
        await pilot.press("e")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, AskDialog)
        assert dialog.query_one("#ask-period", Input).value == "2026-10"
        dialog.query_one("#ask-folder", Input).value = str(outbox)
        dialog.query_one("#ask-folder", Input).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, SyncScreen)
        [bundle] = list(outbox.glob("*.ctb"))
        rows = _cells(screen.query_one("#sync-history", DataTable))
        assert rows[0][:2] == ["1", "2026-10"]
        assert rows[0][-1].startswith("⚠")
        assert not screen.query_one("#sync-banner", Static).display

        [result] = world.import_(bundle)
        assert result.ack_path is not None
        await pilot.press("a")
        await settle(app, pilot)
        assert isinstance(app.screen, AskDialog)
        app.screen.query_one("#ask-path", Input).value = str(result.ack_path)
        await pilot.press("enter")
        await settle(app, pilot)
        rows = _cells(screen.query_one("#sync-history", DataTable))
        assert rows[0][-1].startswith("✓")


def test_a_cancelled_export_records_and_writes_nothing(world: World, tmp_path: Path) -> None:
    def cancel(_done: int, _total: int) -> None:
        raise ExportCancelled

    with world.open(world.communes["26734"]) as session:
        with pytest.raises(ExportCancelled):
            export_bundle(session, "2026-10", tmp_path, progress=cancel)
        assert sync_status(session).exports == []
    assert not list(tmp_path.glob("*.ctb"))


async def test_the_district_opens_on_its_communes_and_imports_a_folder(
    world: World, policy: KdfPolicy, clock: FrozenClock
) -> None:
    bundle = world.export("26734", "2026-10")
    async with unlocked(world.district, policy, clock) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, DistrictScreen)
        [row] = _cells(screen.query_one("#communes", DataTable))
        assert row[0].startswith("26734")
        assert row[1] == "—"
        await pilot.press("i")
        await settle(app, pilot)
        assert isinstance(app.screen, AskDialog)
        app.screen.query_one("#ask-path", Input).value = str(bundle.parent)
        await pilot.press("enter")
        await settle(app, pilot)
        [row] = _cells(screen.query_one("#communes", DataTable))
        assert row[1:3] == ["#1", "2026-10"]
        assert row[-1].startswith("✓")
        assert list(bundle.parent.glob("*.ack"))
        for key in ("f5", "f2"):  # a district's morning is its communes
            await pilot.press(key)
            await settle(app, pilot)
            assert isinstance(app.screen, DistrictScreen)
