"""Issue 22 item 3: who opened, changed, drafted and approved on a file, read back in order,
with the chain's integrity, by a chief (with the name) and an administrator (ids only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.domain.codes import Role
from caseterm.errors import PermissionDenied, UsageError
from caseterm.services.accounts.manage import add_account
from caseterm.services.audit.export import write_trail_xlsx
from caseterm.services.audit.trail import account_trail, person_trail, unit_trail
from caseterm.services.drafts.desk import approve_draft
from caseterm.services.drafts.making import draft_event
from caseterm.services.keys.opening import open_session
from caseterm.services.registry.persons import show_person
from caseterm.services.session.case_session import CaseSession
from tests.conftest import OFFICER, OFFICER_PASSPHRASE
from tests.lifecycle import paths
from tests.lifecycle.life import Life, at
from tests.tui.officer import seed_life

ADMIN_ONLY, ADMIN_ONLY_PASSPHRASE = "kythuat", "may chu o phong ky thuat xa tan an"
DECISION = {"reason": "NEW", "decision_no": "04/QĐ", "officer": "Trần Văn An"}


@pytest.fixture
def day(session: CaseSession, policy: KdfPolicy, clock: FrozenClock) -> str:
    """A scripted day: the officer opens the file and drafts; the chief approves."""
    add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    add_account(session, name=ADMIN_ONLY, roles=(Role.ADMIN,), passphrase=ADMIN_ONLY_PASSPHRASE)
    life = Life()
    paths.notified(life, "01/11/2026 07:00")
    pid = seed_life(session, clock, life)
    clock.current = at("01/11/2026 16:00")
    officer = open_session(
        session.files.store, OFFICER, OFFICER_PASSPHRASE, policy=policy, clock=clock
    )
    try:
        show_person(officer, pid)
        clock.advance(300)
        drafted = draft_event(officer, pid, "mgmt.decided", DECISION)
    finally:
        officer.close()
    clock.advance(3600)
    approve_draft(session, drafted.id)
    return pid


def test_the_chief_reads_a_files_trail_in_order_with_the_chain(
    session: CaseSession, day: str, tmp_path: Path
) -> None:
    trail = person_trail(session, "HS-000001")
    assert trail.subject == "Nguyễn Văn An · HS-000001"
    assert trail.chain_fault is None and trail.chain_entries > len(trail.rows)
    steps = [(row.account, row.action) for row in trail.rows]
    tail = steps[-4:]
    assert tail == [
        (OFFICER, "person.read"),
        (OFFICER, "draft.create"),
        ("quantri", "event.record"),
        ("quantri", "draft.approve"),
    ], steps
    assert [row.seq for row in trail.rows] == sorted(row.seq for row in trail.rows)
    assert trail.rows[-4].what == "opened the file"
    # Reading the trail is itself in the trail of the unit.
    again = unit_trail(session)
    assert again.rows[-1].action == "audit.read"
    assert "kind=person" in again.rows[-1].details
    out = tmp_path / "inspection.xlsx"
    write_trail_xlsx(session, trail, out)
    sheet = load_workbook(out).active
    assert sheet is not None
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert any("chain is intact" in c for c in cells)
    assert not any("Nguyễn Văn An" in c for c in cells)  # who did what, never about whom
    assert day in cells


def test_an_administrator_sees_actions_and_ids_never_the_name(
    session: CaseSession, day: str, policy: KdfPolicy, clock: FrozenClock
) -> None:
    admin = open_session(
        session.files.store, ADMIN_ONLY, ADMIN_ONLY_PASSPHRASE, policy=policy, clock=clock
    )
    try:
        trail = person_trail(admin, day)
        assert "Nguyễn" not in trail.subject and day in trail.subject
        assert [row.action for row in trail.rows][-1] == "draft.approve"
        officer_day = account_trail(admin, OFFICER, since="01/11/2026", until="02/11/2026")
        assert {row.action for row in officer_day.rows} >= {"person.read", "draft.create"}
        assert account_trail(admin, OFFICER, since="02/11/2026").rows == []
        with pytest.raises(UsageError, match="Not a date"):
            unit_trail(admin, since="hôm qua")
        unit = unit_trail(admin)
        assert {"session.unlock", "account.create"} <= {row.action for row in unit.rows}
        assert not {"person.read", "event.record"} & {row.action for row in unit.rows}
    finally:
        admin.close()


def test_an_officer_may_not_read_the_trail(
    session: CaseSession, day: str, policy: KdfPolicy, clock: FrozenClock
) -> None:
    officer = open_session(
        session.files.store, OFFICER, OFFICER_PASSPHRASE, policy=policy, clock=clock
    )
    try:
        with pytest.raises(PermissionDenied):
            person_trail(officer, day)
    finally:
        officer.close()
