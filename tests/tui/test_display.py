"""How the screens hold up on plain terminals: NO_COLOR, and the smallest size (80×24)."""

from __future__ import annotations

import re

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.services.session.case_session import CaseSession
from caseterm.tui.screens.today import TodayScreen
from tests.lifecycle import paths
from tests.lifecycle.life import Life
from tests.tui.officer import seeded_store, unlocked, until

NOW = "02/11/2026 09:00"
COLOUR = re.compile(r"fill(?:=\"|: )#([0-9a-fA-F]{6})")
WINDOW = re.compile(r"<circle[^>]*>")
"""The screenshot's window buttons (red, amber, green) are Rich's frame, not the app."""


def _hues(svg: str) -> set[str]:
    """The colours of the app in a screenshot that are not (nearly) a shade of grey."""
    found = set()
    for colour in COLOUR.findall(WINDOW.sub("", svg)):
        channels = [int(colour[i : i + 2], 16) for i in (0, 2, 4)]
        if max(channels) - min(channels) > 8:  # Rich's default foreground is #c5c8c6
            found.add(colour.lower())
    return found


async def _today_screenshot(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock, size: tuple[int, int]
) -> tuple[str, list[str]]:
    life = Life()
    paths.positive(life, "01/11/2026 07:00")  # an overdue line, drawn in red where colour is
    store, _pid = seeded_store(session, clock, life, NOW)
    async with unlocked(store, policy, clock, size=size) as (app, _pilot):
        assert isinstance(app.screen, TodayScreen)
        table = app.screen.query_one("#due")
        first = [str(cell) for cell in table.get_row_at(0)]  # type: ignore[attr-defined]
        return app.export_screenshot(), first


async def test_no_color_draws_in_greys_and_the_status_is_still_written(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    svg, first = await _today_screenshot(session, policy, clock, (100, 32))
    assert _hues(svg) == set()
    assert first[0].startswith("⚠ overdue by")


async def test_with_colour_the_same_screen_has_hues(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check above can fail: the same screen in colour has non-grey colours."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    svg, _first = await _today_screenshot(session, policy, clock, (100, 32))
    assert _hues(svg)


async def test_80x24_shows_the_status_person_and_what_is_due(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    svg, first = await _today_screenshot(session, policy, clock, (80, 24))
    for text in (first[0].replace(" ", "&#160;"), "Nguyễn&#160;Văn&#160;An", "D01"):
        assert text in svg, text


async def test_the_palette_finds_vietnamese_commands_typed_without_tones(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    from caseterm.i18n import set_language

    life = Life()
    paths.positive(life, "01/11/2026 07:00")
    store, _pid = seeded_store(session, clock, life, NOW)
    set_language("vi")
    async with unlocked(store, policy, clock) as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*["space" if c == " " else c for c in "quan ly chat"])
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        options = palette.query_one(OptionList)

        def hits() -> list[str]:
            return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]

        # The palette searches in the background.
        await until(pilot, lambda: any("Quản lý chặt" in hit for hit in hits()), "the match")
        assert any("hôm nay: Quản lý chặt" in hit for hit in hits()), hits()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert app.screen.query_one("#watch").has_focus
