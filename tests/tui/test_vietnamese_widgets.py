"""Issue 21 item 4: Textual's own words on caseterm's screens are Vietnamese too — the command
palette's placeholder and "no matches" line, its footer key, and the open dropdown's key."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.i18n import set_language
from caseterm.services.session.case_session import CaseSession
from caseterm.tui.palette import Palette
from caseterm.tui.yes_no import YesNoBox
from tests.english import english_words
from tests.lifecycle import paths
from tests.lifecycle.life import Life
from tests.tui.officer import open_file, open_form, seeded_store, settle, unlocked

NOW = "02/11/2026 09:00"


class _Done:
    def stop(self) -> None:
        """Nothing is pending."""


def _at_once(_self: object, _delay: float, callback: Callable[[], object], **_: object) -> _Done:
    callback()
    return _Done()


def _text(app: object) -> str:
    from rich.console import Console

    console = Console(record=True, width=80, file=open("/dev/null", "w"))  # noqa: SIM115
    screen = app.screen  # type: ignore[attr-defined]
    console.print(screen._compositor.render_update(full=True))
    return console.export_text()


async def test_palette_and_dropdown_speak_vietnamese(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    life = Life()
    paths.positive(life, "01/11/2026 07:00")
    store, _pid = seeded_store(session, clock, life, NOW)
    set_language("vi")
    # The "nothing matches" line waits for typing to stop: here it comes at once, decided by
    # the test rather than by a clock (the palette's busy spinner is not drawn meanwhile).
    monkeypatch.setattr(Palette, "set_timer", _at_once)
    async with unlocked(store, policy, clock, size=(80, 24)) as (app, pilot):
        footer = _text(app)
        assert "Mọi thao tác" in footer and "palette" not in footer
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        assert isinstance(app.screen, Palette)
        assert "Tìm một thao tác…" in _text(app)
        await pilot.press(*"qqzzxx")
        await settle(app, pilot)
        await pilot.pause()
        shown = _text(app)
        assert "Không có gì khớp" in shown
        assert english_words(shown) == []
        await pilot.press("escape")
        await pilot.press("f3")
        await settle(app, pilot)
        await pilot.press("f4", "enter")
        await settle(app, pilot)
        shown = _text(app)
        assert "Đóng danh sách" in shown
        assert english_words(shown) == []


async def test_a_yes_no_field_writes_its_state_not_only_its_colour(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    """Issue 21 item 1: a form's yes/no box says "không" until ticked, then "✓ có" (Textual's
    own box draws the same "X" either way and a fixed "yes" beside it)."""
    life = Life()
    paths.positive(life, "01/11/2026 07:00")
    store, pid = seeded_store(session, clock, life, NOW)
    set_language("vi")
    async with unlocked(store, policy, clock, size=(80, 24)) as (app, pilot):
        await open_file(app, pilot, pid)
        form = await open_form(app, pilot, "assessment.requested")
        box = form.query_one("#f-deported", YesNoBox)
        assert "▐ ▌ không" in _text(app) and "✓" not in _text(app)
        box.focus()
        await pilot.press("space")
        await settle(app, pilot)
        assert box.value is True
        assert "▐✓▌ có" in _text(app)
        await pilot.press("space")
        await settle(app, pilot)
        assert box.value is False
        assert "▐ ▌ không" in _text(app) and "✓" not in _text(app)
