"""Issue 18 item 3: an administrator alone cannot give themselves access to the case files.

Creating an officer or chief account, resetting another person's passphrase and giving a recovery
key a grant each need a chief's approval; each is a notice to the chiefs until acknowledged.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.domain.codes import Role
from caseterm.domain.permissions import AccountChange
from caseterm.errors import ApprovalNeeded, AuthError, PermissionDenied, RefusedError
from caseterm.services.accounts.approvals import (
    acknowledge_notices,
    approve_recovery_key,
    check_approval,
    issue_approval,
    pending_notices,
)
from caseterm.services.accounts.manage import add_account, disable_account
from caseterm.services.accounts.recovery import new_recovery_key, set_recovery_key
from caseterm.services.accounts.reset import reset_account
from caseterm.services.keys.opening import open_session
from caseterm.services.keys.status import key_status
from caseterm.services.session.case_session import CaseSession
from caseterm.services.setup.new_store import InitRequest, init_store
from tests.conftest import ADMIN, OFFICER, OFFICER_PASSPHRASE

KEEPER = "quantri2"
KEEPER_PASSPHRASE = "mua thu la vang roi tren pho cu"
ACCOUNT_TABLES = ["account", "account_approval", "account_notice", "unit"]


@pytest.fixture
def keeper(session: CaseSession, policy: KdfPolicy, clock: FrozenClock) -> Iterator[CaseSession]:
    """An administrator who is not a chief (the chief is `session`'s account)."""
    add_account(session, name=KEEPER, roles=(Role.ADMIN,), passphrase=KEEPER_PASSPHRASE)
    opened = open_session(
        session.files.store, KEEPER, KEEPER_PASSPHRASE, policy=policy, clock=clock
    )
    yield opened
    opened.close()


def _state(session: CaseSession) -> tuple[str, bytes]:
    """The accounts, approvals and notices, and the key file's bytes."""
    return session.store.digest(ACCOUNT_TABLES), session.files.keyfile.read_bytes()


def _refusals(session: CaseSession) -> list[object]:
    with session.transaction(durable=False) as tx:
        return [e.details for e, _hash in tx.audit.entries() if e.action == "approval.refused"]


def test_an_administrator_alone_cannot_create_an_officer_account_for_themselves(
    keeper: CaseSession, session: CaseSession, policy: KdfPolicy
) -> None:
    before = _state(keeper)
    for roles in [(Role.OFFICER,), (Role.CHIEF,), (Role.ADMIN, Role.OFFICER)]:
        with pytest.raises(ApprovalNeeded, match="A chief must approve this"):
            add_account(keeper, name="toi", roles=roles, passphrase=OFFICER_PASSPHRASE)
    assert _state(keeper) == before
    assert len(_refusals(keeper)) == 3
    with pytest.raises(AuthError):
        open_session(keeper.files.store, "toi", OFFICER_PASSPHRASE, policy=policy)


def test_a_chiefs_code_approves_exactly_one_account_once(
    keeper: CaseSession, session: CaseSession
) -> None:
    made = issue_approval(session, AccountChange.CREATE, OFFICER, (Role.OFFICER,))
    before = _state(keeper)
    wrong = [
        ("canbo9", (Role.OFFICER,)),  # another name
        (OFFICER, (Role.CHIEF,)),  # another role
        (OFFICER, (Role.OFFICER, Role.ADMIN)),  # more roles
    ]
    for name, roles in wrong:
        with pytest.raises(ApprovalNeeded, match="approves something else"):
            add_account(
                keeper, name=name, roles=roles, passphrase=OFFICER_PASSPHRASE, approval=made.code
            )
    with pytest.raises(ApprovalNeeded, match="not known"):
        add_account(
            keeper,
            name=OFFICER,
            roles=(Role.OFFICER,),
            passphrase=OFFICER_PASSPHRASE,
            approval="AAAAA-AAAAA-AAAAA-AAAAA-AAAAA",
        )
    assert _state(keeper) == before
    typed = made.code.lower().replace("-", " ")  # typing is forgiving, as for reset codes
    created = add_account(
        keeper, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE, approval=typed
    )
    assert created.roles == (Role.OFFICER,)
    with pytest.raises(ApprovalNeeded, match="already used"):
        add_account(
            keeper,
            name="canbo2",
            roles=(Role.OFFICER,),
            passphrase=OFFICER_PASSPHRASE,
            approval=made.code,
        )


def test_an_approval_expires_and_dies_with_its_chief(
    keeper: CaseSession, session: CaseSession, clock: FrozenClock
) -> None:
    late = issue_approval(session, AccountChange.CREATE, "canbo2", (Role.OFFICER,))
    clock.advance(timedelta(hours=25).total_seconds())
    with pytest.raises(ApprovalNeeded, match="expired"):
        add_account(
            keeper, name="canbo2", roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE,
            approval=late.code,
        )  # fmt: skip
    second_chief = issue_approval(session, AccountChange.CREATE, "truong2", (Role.CHIEF,))
    add_account(
        keeper, name="truong2", roles=(Role.CHIEF,), passphrase=OFFICER_PASSPHRASE,
        approval=second_chief.code,
    )  # fmt: skip
    orphan = issue_approval(session, AccountChange.CREATE, "canbo3", (Role.OFFICER,))
    # The first chief leaves (a second chief exists now): its open approvals die with it.
    disable_account(keeper, ADMIN)
    with pytest.raises(ApprovalNeeded, match="no longer a chief"):
        add_account(
            keeper, name="canbo3", roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE,
            approval=orphan.code,
        )  # fmt: skip


def test_only_a_chief_issues_approvals(keeper: CaseSession) -> None:
    with pytest.raises(PermissionDenied):
        issue_approval(keeper, AccountChange.CREATE, "toi", (Role.OFFICER,))


def test_a_reset_needs_a_chiefs_approval(keeper: CaseSession, session: CaseSession) -> None:
    add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    other = issue_approval(session, AccountChange.RESET, ADMIN)
    before = _state(keeper)
    with pytest.raises(ApprovalNeeded):
        reset_account(keeper, OFFICER)
    with pytest.raises(ApprovalNeeded, match="approves something else"):
        reset_account(keeper, OFFICER, approval=other.code)
    assert _state(keeper) == before
    made = issue_approval(session, AccountChange.RESET, OFFICER)
    assert reset_account(keeper, OFFICER, approval=made.code).name == OFFICER


def test_a_recovery_grant_needs_a_chiefs_approval_for_that_key(
    keeper: CaseSession, session: CaseSession, tmp_path: Path
) -> None:
    mine = new_recovery_key(tmp_path / "mine.txt")
    theirs = new_recovery_key(tmp_path / "theirs.txt")
    made = approve_recovery_key(session, theirs)
    before = _state(keeper)
    with pytest.raises(ApprovalNeeded):
        set_recovery_key(keeper, mine)
    with pytest.raises(ApprovalNeeded, match="approves something else"):
        set_recovery_key(keeper, mine, approval=made.code)
    assert _state(keeper) == before
    set_recovery_key(keeper, theirs, approval=made.code)
    assert key_status(keeper).recovery_fingerprint == made.subject


def test_every_account_change_is_a_notice_until_a_chief_acknowledges_it(
    keeper: CaseSession, session: CaseSession, tmp_path: Path
) -> None:
    # The keeper's own creation (by the admin-and-chief) is the first notice.
    made = issue_approval(session, AccountChange.CREATE, OFFICER, (Role.OFFICER,))
    add_account(
        keeper, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE,
        approval=made.code,
    )  # fmt: skip
    reset = issue_approval(session, AccountChange.RESET, OFFICER)
    reset_account(keeper, OFFICER, approval=reset.code)
    set_recovery_key(session, new_recovery_key(tmp_path / "r.txt"))
    notices = pending_notices(session)
    assert [(n.kind, n.subject, n.actor, n.approved_by) for n in notices] == [
        (AccountChange.CREATE, KEEPER, ADMIN, None),  # an administrator: no approval needed
        (AccountChange.CREATE, OFFICER, KEEPER, ADMIN),
        (AccountChange.RESET, OFFICER, KEEPER, ADMIN),
        (AccountChange.RECOVERY, notices[3].subject, ADMIN, ADMIN),
    ]
    assert notices[1].roles == "officer"
    with pytest.raises(PermissionDenied):
        pending_notices(keeper)
    assert acknowledge_notices(session, [n.id for n in notices[:2]]) == 2
    assert [n.kind for n in pending_notices(session)] == [
        AccountChange.RESET,
        AccountChange.RECOVERY,
    ]


def test_the_last_chief_cannot_be_disabled(keeper: CaseSession) -> None:
    before = _state(keeper)
    with pytest.raises(RefusedError, match="last active chief"):
        disable_account(keeper, ADMIN)
    assert _state(keeper) == before


def test_a_unit_without_a_chief_creates_its_first_chief_unapproved_and_says_so(
    store_path: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    request = InitRequest(store_path, "26734", "Xã Tân An", KEEPER, KEEPER_PASSPHRASE)
    init_store(request, policy=policy, clock=clock)
    alone = open_session(store_path, KEEPER, KEEPER_PASSPHRASE, policy=policy, clock=clock)
    try:
        assert key_status(alone).chiefs == 0
        with pytest.raises(ApprovalNeeded):  # no chief: still no officer without approval
            add_account(alone, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
        add_account(alone, name="truong", roles=(Role.CHIEF,), passphrase=OFFICER_PASSPHRASE)
        status = key_status(alone)
        assert (status.chiefs, status.admin_and_chief) == (1, ())
    finally:
        alone.close()
    chief = open_session(store_path, "truong", OFFICER_PASSPHRASE, policy=policy, clock=clock)
    try:
        [notice] = pending_notices(chief)
        assert (notice.subject, notice.actor, notice.approved_by) == ("truong", KEEPER, None)
    finally:
        chief.close()


def test_one_person_as_admin_and_chief_is_named(session: CaseSession) -> None:
    assert key_status(session).admin_and_chief == (ADMIN,)


def test_the_cli_asks_before_anyone_types_and_spends_nothing(
    keeper: CaseSession, session: CaseSession
) -> None:
    with pytest.raises(ApprovalNeeded):
        check_approval(keeper, AccountChange.CREATE, OFFICER, (Role.OFFICER,))
    made = issue_approval(session, AccountChange.CREATE, OFFICER, (Role.OFFICER,))
    check_approval(keeper, AccountChange.CREATE, OFFICER, (Role.OFFICER,), made.code)
    check_approval(keeper, AccountChange.CREATE, KEEPER + "3", (Role.ADMIN,))  # needs none
    add_account(
        keeper, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE,
        approval=made.code,
    )  # fmt: skip


def test_a_refused_change_waits_on_the_chiefs_list_and_its_code_approves_it(
    session: CaseSession, keeper: CaseSession
) -> None:
    """Issue 22 item 4: the administrator's refused request is on the chief's Approvals list;
    the chief issues its code from there, and the code makes exactly that change."""
    from caseterm.services.accounts.approvals import approve_request, find_request, requests_for

    with pytest.raises(ApprovalNeeded):
        add_account(keeper, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    with pytest.raises(ApprovalNeeded):  # asked twice: one request
        add_account(keeper, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    assert requests_for(keeper) == []  # an administrator cannot answer it
    [request] = requests_for(session)
    assert (request.kind, request.subject, request.roles, request.requested_by) == (
        AccountChange.CREATE, OFFICER, "officer", KEEPER
    )  # fmt: skip
    assert find_request(session, request.id[:13]) == request
    issued = approve_request(session, request)
    assert requests_for(session) == []
    add_account(
        keeper,
        name=OFFICER,
        roles=(Role.OFFICER,),
        passphrase=OFFICER_PASSPHRASE,
        approval=issued.code,
    )
    assert [n.subject for n in pending_notices(session)][-1] == OFFICER
