"""The officer's day with Pilot, one test per workflow family (issue 4).

Each test records through the screens as an officer would (keys, the action list, the forms) and
checks the result through the services: what the screen says must be what the store holds.
"""

from __future__ import annotations

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.services.keys.opening import open_session
from caseterm.services.lifecycle.events import lifecycle_of, record_event
from caseterm.services.registry.persons import add_person, show_person
from caseterm.services.session.case_session import CaseSession
from caseterm.tui.dialogs.void import VoidDialog
from caseterm.tui.screens.event_form import EventFormScreen
from caseterm.tui.screens.person import PersonScreen
from caseterm.tui.screens.today import TodayScreen
from caseterm.tui.screens.unlock import UnlockScreen
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, person
from tests.lifecycle import paths
from tests.lifecycle.life import Life, at
from tests.tui.officer import (
    fill,
    offered,
    open_file,
    open_form,
    preview_text,
    save,
    seeded_store,
    settle,
    unlocked,
)

NOW = "02/11/2026 09:00"
URINE = {"ground": "h", "sample": "URINE", "result": "POSITIVE"}


def _status(session: CaseSession, pid: str) -> str:
    return lifecycle_of(session, pid).status.value


async def test_today_lists_the_overdue_first_and_enter_opens_the_file_at_it(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    life = Life()
    paths.positive(life, "01/11/2026 07:00")  # residence check due within 24 h: now overdue
    store, pid = seeded_store(session, clock, life, NOW)
    async with unlocked(store, policy, clock) as (app, pilot):
        today = app.screen
        assert isinstance(today, TodayScreen)
        assert today.items, "the overdue deadline is listed"
        first = today.items[0]
        assert first.person_id == pid
        assert first.due_moment <= at(NOW)
        cells = [str(cell) for cell in today.query_one("#due").get_row_at(0)]  # type: ignore[attr-defined]
        assert cells[0].startswith("⚠ overdue by")  # the status in words, not colour alone
        # Namesakes told apart (issue 21 item 2): file number, birth date, village, ID's end.
        assert "Nguyễn Văn An · HS-000001 · 12/03/1990 · Thôn Đông · …3456" in cells
        assert "Art" in cells[-1]  # the legal basis
        detail = str(today.query_one("#due-detail").render())
        assert "HS-000001" in detail and "D01 verify residence after the positive test" in detail
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, PersonScreen)
        assert screen.person_id == pid
        deadlines = screen.query_one("#deadlines")
        assert deadlines.has_focus
        assert deadlines.cursor_row == deadlines.get_row_index(first.key)  # type: ignore[attr-defined]


async def test_a_long_today_list_is_drawn_a_page_ahead_of_the_cursor(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    """Hundreds of overdue deadlines: the first page paints at once, the rest as the cursor
    gets there, and the counts always say how many there are in all."""
    from caseterm.services.demo.demo_store import generate_persons
    from caseterm.tui.screens.today import PAGE

    generate_persons(session, 2 * PAGE)
    clock.current = at("01/11/2026 08:00")
    with session.transaction() as tx:
        everyone = [p.id for p in tx.persons.page(offset=0, limit=3 * PAGE)]
    for pid in everyone:  # a positive test each: the residence check is overdue by NOW
        record_event(session, pid, "test.performed", URINE, occurred_at=at("01/11/2026 07:00"))
    clock.current = at(NOW)
    store = session.files.store
    session.close()
    async with unlocked(store, policy, clock) as (app, pilot):
        today = app.screen
        assert isinstance(today, TodayScreen)
        total = sum(today._found.totals.values())  # type: ignore[union-attr]
        assert total >= 2 * PAGE
        assert len(today.items) == PAGE
        counts = str(today.query_one("#counts").render())
        assert f"{today._found.totals['overdue']} overdue" in counts  # type: ignore[union-attr]
        for _page in range(total // PAGE + 1):
            await pilot.press("ctrl+end")
            await settle(app, pilot)
        assert len(today.items) == total
        assert len({(item.person_id, item.key) for item in today.items}) == total
        assert [item.due_at for item in today.items] == sorted(i.due_at for i in today.items)


async def test_the_close_watch_list_says_how_long_since_contact_and_opens_the_file(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    life = Life()
    paths.in_post_rehab(life)
    store, pid = seeded_store(session, clock, life, "20/08/2028 09:00")
    async with unlocked(store, policy, clock) as (app, pilot):
        today = app.screen
        assert isinstance(today, TodayScreen)
        await pilot.press("2")
        await settle(app, pilot)
        table = today.query_one("#watch")
        assert table.has_focus
        cells = [str(cell) for cell in table.get_row_at(0)]  # type: ignore[attr-defined]
        assert cells[0] == "⚠ never contacted"  # in words; the colour only repeats it
        assert cells[1:] == ["Nguyễn Văn An", "after rehab"]
        counts = str(today.query_one("#counts").render())
        assert "Close watch: 1 (1 unseen for over 30 days) · Not reviewed in 2028: 1" in counts
        await pilot.press("3")  # the names of the unreviewed are read when their tab opens
        await settle(app, pilot)
        unreviewed = today.query_one("#unreviewed")
        assert str(unreviewed.get_row_at(0)[0]) == "Nguyễn Văn An"  # type: ignore[attr-defined]
        await pilot.press("2")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PersonScreen)
        assert app.screen.person_id == pid


async def test_positive_test_then_management_decision_then_residence_check(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    pid = add_person(session, person(), confirm=True)
    store = session.files.store
    session.close()
    async with unlocked(store, policy, clock) as (app, pilot):
        screen = await open_file(app, pilot, pid)
        assert "mgmt.decided" not in offered(screen)  # nothing to decide on yet: not offered
        form = await open_form(app, pilot, "test.performed")
        assert "Not ready" in preview_text(form)
        await fill(app, pilot, form, ground="h", sample="URINE", result="POSITIVE")
        assert "New deadline" in preview_text(form)
        screen = await save(app, pilot, clock)
        form = await open_form(app, pilot, "residence.verified")
        await fill(app, pilot, form, result="STABLE", criterion="REGISTERED_ADDRESS")
        screen = await save(app, pilot, clock)
        form = await open_form(app, pilot, "use.notice_sent")
        await fill(app, pilot, form, recipient="Trưởng Công an xã")
        screen = await save(app, pilot, clock)
        form = await open_form(app, pilot, "mgmt.decided")
        await fill(app, pilot, form, reason="NEW", decision_no="04/QĐ-CAX", officer="Trần Văn An")
        assert "Opens: user management" in preview_text(form)
        screen = await save(app, pilot, clock)
        assert "mgmt.residence_checked" in offered(screen)
        form = await open_form(app, pilot, "mgmt.residence_checked")
        await fill(app, pilot, form, method="VISIT", finding="PRESENT")
        screen = await save(app, pilot, clock)
        assert screen.person_file is not None
        assert app.session is not None
        assert _status(app.session, pid) == "S3"
        types = [e.type for e in screen.person_file.events]
        assert types[-5:] == [
            "test.performed",
            "residence.verified",
            "use.notice_sent",
            "mgmt.decided",
            "mgmt.residence_checked",
        ]


async def test_registering_for_voluntary_rehab(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    life = Life()
    paths.addicted(life, "31/10/2026 08:00")  # told on 02/11 08:00: 24 hours to register
    store, pid = seeded_store(session, clock, life, NOW)
    async with unlocked(store, policy, clock) as (app, pilot):
        await open_file(app, pilot, pid)
        form = await open_form(app, pilot, "rehab.registered")
        await fill(app, pilot, form, form="HOME", channel="IN_PERSON", registrant="SELF")
        assert "S5b" in preview_text(form)
        await save(app, pilot, clock)
        assert app.session is not None
        assert _status(app.session, pid) == "S5b"


async def test_opening_a_compulsory_dossier_says_what_it_opens_before_saving(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    life = Life()
    paths.managed(life, "20/10/2026 08:00")
    store, pid = seeded_store(session, clock, life, NOW)
    async with unlocked(store, policy, clock) as (app, pilot):
        await open_file(app, pilot, pid)
        form = await open_form(app, pilot, "compulsory.ground_found")
        await fill(app, pilot, form, ground="a", last_violation_at="02/11/2026 08:30")
        text = preview_text(form)
        assert "Opens: compulsory rehab" in text
        assert "New deadline" in text
        await save(app, pilot, clock)
        assert app.session is not None
        assert _status(app.session, pid) == "S10"


async def test_post_rehab_decision_for_a_person_in_a_facility(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    life = Life()
    paths.in_facility(life)
    store, pid = seeded_store(session, clock, life, NOW)
    async with unlocked(store, policy, clock) as (app, pilot):
        await open_file(app, pilot, pid)
        form = await open_form(app, pilot, "postrehab.decided")
        await fill(app, pilot, form, decision_no="53/QĐ")
        assert form.preview is not None and form.preview.savable, preview_text(form)
        screen = await save(app, pilot, clock)
        assert screen.person_file is not None
        assert screen.person_file.events[-1].type == "postrehab.decided"


async def test_voiding_an_event_strikes_it_through_with_the_reason(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    life = Life()
    paths.positive(life, "02/11/2026 07:00")
    store, pid = seeded_store(session, clock, life, NOW)
    async with unlocked(store, policy, clock) as (app, pilot):
        screen = await open_file(app, pilot, pid)
        await pilot.press("t", "down")  # the registration, then the test
        await pilot.press("v")
        await settle(app, pilot)
        assert isinstance(app.screen, VoidDialog)
        await pilot.press("enter")  # no reason: refused, the dialog stays
        assert isinstance(app.screen, VoidDialog)
        await pilot.press(*"wrong person")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is screen  # type: ignore[comparison-overlap]  # the dialog closed
        row = next(r for r in screen.timeline if r.what == "Drug test")
        assert row.voided
        assert row.note == "VOID: wrong person"
        index = screen.timeline.index(row)
        cell = screen.query_one("#timeline").get_row_at(index)[0]  # type: ignore[attr-defined]
        assert "strike" in str(cell.style)
        assert app.session is not None
        assert _status(app.session, pid) == "S0"


async def test_idle_lock_in_the_middle_of_an_event_form_saves_nothing_and_drops_the_keys(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    pid = add_person(session, person(), confirm=True)
    record_event(session, pid, "note.added", {"text": "một ghi chú"})
    store = session.files.store
    session.close()
    async with unlocked(store, policy, clock) as (app, pilot):
        await open_file(app, pilot, pid)
        form = await open_form(app, pilot, "test.performed")
        await fill(app, pilot, form, ground="h", sample="URINE", result="POSITIVE")
        held = app.session
        assert held is not None
        clock.advance(301)
        app.lock_if_idle()
        await pilot.pause()
        assert app.session is None
        assert held.closed
        assert isinstance(app.screen, UnlockScreen)
        assert not any(isinstance(s, EventFormScreen) for s in app.screen_stack)
    again = open_session(store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    try:
        assert [e.type for e in show_person(again, pid).events] == [
            "person.registered",
            "note.added",
        ]
    finally:
        again.close()
