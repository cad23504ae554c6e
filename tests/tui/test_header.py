"""A screen left at once must not stop the program: its title may arrive after its header is
gone (seen under load: Textual 8.2's header catches NoScreen there, not NoMatches)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.css.query import NoMatches
from textual.widgets import Header
from textual.widgets._header import HeaderTitle

from caseterm.tui.header import ScreenHeader


class _Titled(App[None]):
    def __init__(self, header: type[Header]) -> None:
        super().__init__()
        self.header_type = header

    def compose(self) -> ComposeResult:
        yield self.header_type()


async def _title_after_the_header_is_gone(header: type[Header]) -> None:
    app = _Titled(header)
    async with app.run_test() as pilot:
        await app.query_one(HeaderTitle).remove()  # the fault: the header's parts are gone
        app.screen.sub_title = "Hồ sơ"  # …and then the title changes
        await pilot.pause()


async def test_the_title_of_a_closed_screen_goes_unsaid() -> None:
    await _title_after_the_header_is_gone(ScreenHeader)


async def test_textuals_own_header_fails_there_which_is_why_ours_exists() -> None:
    with pytest.raises(NoMatches):
        await _title_after_the_header_is_gone(Header)


async def test_the_title_is_still_shown() -> None:
    app = _Titled(ScreenHeader)
    async with app.run_test() as pilot:
        app.screen.sub_title = "Danh sách"
        await pilot.pause()
        assert "Danh sách" in str(app.query_one(HeaderTitle).render())
