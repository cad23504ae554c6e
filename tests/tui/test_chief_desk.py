"""Issue 22, through the screens: an officer drafts a management decision, the chief's list
shows it, the chief approves it (and rejects another), the file counts it as the chief's."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, DataTable, Input, Static

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.domain.codes import Role
from caseterm.services.accounts.manage import add_account
from caseterm.services.drafts.desk import list_drafts
from caseterm.services.keys.opening import open_session
from caseterm.services.lifecycle.events import lifecycle_of
from caseterm.services.registry.persons import show_person
from caseterm.services.session.case_session import CaseSession
from caseterm.tui.dialogs.ask import AskDialog
from caseterm.tui.dialogs.confirm import ConfirmDialog
from caseterm.tui.screens.approvals import ApprovalsScreen
from caseterm.tui.screens.event_form import EventFormScreen
from caseterm.tui.screens.person import PersonScreen
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, OFFICER, OFFICER_PASSPHRASE
from tests.lifecycle import paths
from tests.lifecycle.life import Life
from tests.tui.officer import (
    fill,
    offered,
    open_file,
    open_form,
    seed_life,
    settle,
    unlocked,
    until,
)

NOW = "01/11/2026 16:00"
DECISION = {"decision_no": "04/QĐ-CAX", "reason": "NEW", "officer": "Trần Văn An"}


def _store(session: CaseSession, clock: FrozenClock) -> tuple[Path, list[str]]:
    """Two persons tested, verified and told: each now needs a management decision (D03)."""
    from tests.lifecycle.life import at

    add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    ids = []
    for name in ("Nguyễn Văn An", "Lê Thị Hoa"):
        life = Life()
        paths.notified(life, "01/11/2026 07:00")
        ids.append(seed_life(session, clock, life, name))
    clock.current = at(NOW)
    store = session.files.store
    session.close()
    return store, ids


async def _officer_drafts(app: object, pilot: object, pid: str) -> None:
    screen = await open_file(app, pilot, pid)  # type: ignore[arg-type]
    assert offered(screen)["mgmt.decided"] is True  # offered, as a draft for the chief
    form = await open_form(app, pilot, "mgmt.decided")  # type: ignore[arg-type]
    assert form.action.draft
    assert "⧗" in str(form.query_one("#form-draft", Static).render())
    await fill(app, pilot, form, **DECISION)  # type: ignore[arg-type]
    await pilot.press("ctrl+s")  # type: ignore[attr-defined]
    await settle(app, pilot)  # type: ignore[arg-type]
    back = app.screen  # type: ignore[attr-defined]
    assert isinstance(back, PersonScreen), type(back)
    status = str(back.query_one("#status", Static).render())
    assert "waiting for the commune police chief: User-management decision" in status


async def test_an_officer_drafts_and_the_chief_approves_one_and_rejects_the_other(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    store, (an, hoa) = _store(session, clock)
    async with unlocked(store, policy, clock, account=OFFICER, passphrase=OFFICER_PASSPHRASE) as (
        app,
        pilot,
    ):
        await _officer_drafts(app, pilot, an)
        await _officer_drafts(app, pilot, hoa)

    async with unlocked(store, policy, clock, account=ADMIN) as (app, pilot):
        banner = str(app.screen.query_one("#banner", Static).render())
        assert "2 drafts wait for your approval (F7)" in banner
        await pilot.press("f7")
        await settle(app, pilot)
        desk = app.screen
        assert isinstance(desk, ApprovalsScreen)
        table = desk.query_one("#drafts", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert [r[0] for r in rows] == ["⧗ waiting for the chief"] * 2 + [
            "⚠ account change to see"  # the officer's new account, in the same list (item 4)
        ]
        assert rows[2][1].startswith(f"new account {OFFICER} (officer)")
        assert rows[0][1:4] == ["User-management decision", "Nguyễn Văn An · HS-000001", OFFICER]
        assert "04/QĐ-CAX" in str(desk.query_one("#draft-detail", Static).render())

        await pilot.press("d")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(app, pilot)
        assert isinstance(app.screen, ApprovalsScreen)

        table.move_cursor(row=1)
        await pilot.press("x")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, AskDialog)
        dialog.query_one("#ask-reason", Input).value = "Thiếu tổ công tác"
        dialog.query_one("#ask-reason", Input).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows[0][0] == f"✓ approved by {ADMIN}"
        assert rows[1][0] == f"✗ rejected by {ADMIN}: Thiếu tổ công tác"
        await pilot.press("s")
        await settle(app, pilot)
        assert table.row_count == 2  # the account change was seen

    chief = open_session(store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    try:
        file = show_person(chief, an)
        [decision] = [e for e in file.events if e.type == "mgmt.decided"]
        assert decision.recorded_by == chief.actor.id
        assert file.drafted_by == {decision.id: OFFICER}
        assert file.lifecycle.status.value == "S3"
        assert lifecycle_of(chief, hoa).status.value == "S2"  # rejected: nothing recorded
    finally:
        chief.close()
    officer = open_session(store, OFFICER, OFFICER_PASSPHRASE, policy=policy, clock=clock)
    try:
        answers = {v.person.split(" · ")[0]: v.info.status for v in list_drafts(officer)}
        assert answers == {"Nguyễn Văn An": "approved", "Lê Thị Hoa": "rejected"}
    finally:
        officer.close()


async def test_an_officer_is_offered_the_chief_not_save_anyway_for_a_chief_only_warning(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    """A record whose ID number another person holds: "Send to the chief", never "Save anyway"."""
    from caseterm.services.registry.persons import add_person
    from caseterm.tui.screens.new_person import NewPersonScreen
    from tests.conftest import person

    add_person(session, person("Nguyễn Văn An", id_number="001090123456"), confirm=True)
    store, _ids = _store(session, clock)
    async with unlocked(store, policy, clock, account=OFFICER, passphrase=OFFICER_PASSPHRASE) as (
        app,
        pilot,
    ):
        await pilot.press("f3")
        await settle(app, pilot)
        await pilot.press("ctrl+n")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, NewPersonScreen)
        typed = {"full_name": "Trần Văn Bình", "birth": "12/03/1990",
                 "id_number": "001090123456", "village": "Thôn Đông"}  # fmt: skip
        for name, value in typed.items():
            form.query_one(f"#{name}", Input).value = value
        form.query_one("#sex").value = "male"  # type: ignore[attr-defined]
        form.query_one("#id_type").value = "CCCD"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        # The save worker waits for the officer's answer: do not wait for workers.
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the chief's warning")
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        yes = dialog.query_one("#yes", Button)
        assert str(yes.label) == "Send to the chief"
        reasons = " ".join(str(w.render()) for w in dialog.query(".reason"))
        assert "the ID number is already that of Nguyễn Văn An" in reasons
        yes.press()
        await until(pilot, lambda: not isinstance(app.screen, (ConfirmDialog, NewPersonScreen)),
                    "back from the form")  # fmt: skip
        assert not isinstance(app.screen, EventFormScreen)
    officer = open_session(store, OFFICER, OFFICER_PASSPHRASE, policy=policy, clock=clock)
    try:
        [draft] = list_drafts(officer)
        assert (draft.info.kind, draft.person) == ("person", "Trần Văn Bình")
    finally:
        officer.close()


async def test_the_chief_reads_who_opened_a_file_on_screen(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    from caseterm.tui.screens.audit import AuditScreen

    store, (an, _hoa) = _store(session, clock)
    async with unlocked(store, policy, clock, account=OFFICER, passphrase=OFFICER_PASSPHRASE) as (
        app,
        pilot,
    ):
        await open_file(app, pilot, an)
        await pilot.press("h")  # an officer may not read the trail
        await settle(app, pilot)
        assert isinstance(app.screen, PersonScreen)
    async with unlocked(store, policy, clock, account=ADMIN) as (app, pilot):
        await open_file(app, pilot, an)
        await pilot.press("h")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, AuditScreen)
        summary = str(screen.query_one("#audit-summary", Static).render())
        assert "Audit trail of Nguyễn Văn An · HS-000001" in summary
        assert "✓ the audit chain is intact" in summary
        table = screen.query_one("#audit", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert [r[2:4] for r in rows] == [
            [ADMIN, "registered the person"],
            [ADMIN, "recorded an event: Drug test"],
            [ADMIN, "recorded an event: Residence verified"],
            [ADMIN, "recorded an event: Notice of use sent"],
            [OFFICER, "opened the file"],
            [ADMIN, "opened the file"],
        ]
        assert rows[1][4].endswith("type=test.performed")


async def test_the_chief_issues_a_requested_accounts_code_from_the_list(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    """Issue 22 item 4 on screen: the administrator's refused request, D, the code shown."""
    from caseterm.errors import ApprovalNeeded
    from caseterm.services.accounts.approvals import (
        acknowledge_notices,
        pending_notices,
        requests_for,
    )

    keeper, keeper_passphrase = "quantri2", "mua thu la vang roi tren pho cu"
    add_account(session, name=keeper, roles=(Role.ADMIN,), passphrase=keeper_passphrase)
    acknowledge_notices(session, [n.id for n in pending_notices(session)])
    store = session.files.store
    session.close()
    admin = open_session(store, keeper, keeper_passphrase, policy=policy, clock=clock)
    try:
        try:
            add_account(admin, name="canbo9", roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
        except ApprovalNeeded:
            pass
        else:
            raise AssertionError("an administrator alone made an officer account")
    finally:
        admin.close()
    async with unlocked(store, policy, clock, account=ADMIN) as (app, pilot):
        await pilot.press("f7")
        await settle(app, pilot)
        table = app.screen.query_one("#drafts", DataTable)
        [row] = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert row[:2] == ["⧗ account change to approve", "new account canbo9 (officer)"]
        assert row[3] == keeper
        await pilot.press("d")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(app, pilot)
        shown = app.screen
        assert isinstance(shown, ConfirmDialog)
        reasons = [str(w.render()) for w in shown.query(".reason")]
        assert len(reasons[0].removeprefix("• ").replace("-", "")) >= 20  # the code itself
        assert reasons[1].startswith("• valid until")
    chief = open_session(store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    try:
        assert requests_for(chief) == []
    finally:
        chief.close()
