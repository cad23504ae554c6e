"""The Báo cáo screen (F6), driven with Pilot: the month, the tables, saving, errors, back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from textual.widgets import DataTable, Input, Static

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.services.documents import making
from caseterm.tui.app import CasetermApp
from caseterm.tui.dialogs.ask import AskDialog
from caseterm.tui.screens.report import ReportScreen
from caseterm.tui.screens.today import TodayScreen
from tests.sync.world import one_commune
from tests.tui.officer import settle, unlocked, until


def _row(table: DataTable[object], code: str) -> list[str]:
    return [str(cell) for cell in table.get_row(code)]


async def _answer(app: CasetermApp, pilot: Any, field: str, value: str) -> None:
    """Type into the open dialog's field and press Enter."""
    dialog = app.screen
    assert isinstance(dialog, AskDialog)
    box = dialog.query_one(f"#ask-{field}", Input)
    box.value = value
    box.focus()
    await pilot.press("enter")
    await settle(app, pilot)


async def test_the_officer_makes_pages_and_saves_the_monthly_report(
    tmp_path: Path, policy: KdfPolicy, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(making, "temp_folders", lambda: ())  # tmp_path stands for own folder
    world = one_commune(tmp_path, policy, clock)
    world.add_person(
        "26734", "Trần Văn Bình", id_number="001090654321"
    )  # with the world's first: two positive tests
    async with unlocked(world.communes["26734"], policy, clock) as (app, pilot):
        await pilot.press("f6")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        header = str(screen.query_one("#report-header", Static).render())
        assert "2026-10: 01/10/2026 – 31/10/2026" in header  # the last complete month

        await pilot.press("p")
        await settle(app, pilot)
        await _answer(app, pilot, "period", "2026-13")
        assert any("YYYY-MM" in n.message for n in app._notifications)  # refused in words
        assert isinstance(app.screen, ReportScreen)
        assert screen.report is not None and screen.report.period.label == "2026-10"

        await pilot.press("p")
        await settle(app, pilot)
        await _answer(app, pilot, "period", "2026-11")
        assert screen.report is not None and screen.report.period.label == "2026-11"
        assert "1 of 6" in str(screen.query_one("#report-title", Static).render())
        await pilot.press("right_square_bracket")
        await pilot.pause()
        table = screen.query_one("#report-table", DataTable)
        assert _row(table, "F1.test")[:2] == ["F1 Drug tests performed", "2"]
        assert _row(table, "F1.positive")[1] == "2"

        await pilot.press("x")
        await settle(app, pilot)
        out = tmp_path / "bao-cao.xlsx"
        await _answer(app, pilot, "path", str(out))
        assert load_workbook(out).sheetnames[1].startswith("Flows in the period")

        await pilot.press("w")  # the numbered Word report for the commune People's Committee
        await settle(app, pilot)
        word = tmp_path / "bao-cao.docx"
        await _answer(app, pilot, "path", str(word))
        # This unit has no document header yet: the signer is asked for, nothing is written
        # (the written report itself: tests/documents/test_report_document.py).
        needs = "caseterm-admin unit header --chief-name"
        await until(pilot, lambda: any(needs in n.message for n in app._notifications), "asked")
        assert not word.exists()

        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, TodayScreen)


async def test_the_district_sees_its_communes_and_the_missing_ones(
    tmp_path: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    world = one_commune(tmp_path, policy, clock)
    async with unlocked(world.district, policy, clock) as (app, pilot):
        await pilot.press("f6")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        header = str(screen.query_one("#report-header", Static).render())
        assert header.startswith("Communes with no data for this period: Xã 26734 (26734)")
        columns = [
            str(c.label) for c in screen.query_one("#report-table", DataTable).columns.values()
        ]
        assert columns[-1] == "Xã 26734 (26734)"
