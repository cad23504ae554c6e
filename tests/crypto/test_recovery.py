"""The offline recovery key: when every passphrase is lost, it opens the store and gives an
administrator a new passphrase; a wrong key opens nothing; rotation keeps it working."""

from __future__ import annotations

from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.crypto.recovery import PUBLIC_PREFIX, new_recovery_pair, parse_line
from caseterm.errors import AuthError, RefusedError, UsageError
from caseterm.services.accounts.recovery import recover_account, set_recovery_key
from caseterm.services.keys.opening import open_session
from caseterm.services.keys.rotation import rotate_data_key
from caseterm.services.session.case_session import CaseSession
from tests.conftest import ADMIN, ADMIN_PASSPHRASE

NEW = "lua chin vang dong que nha minh"


def _given_a_recovery_key(session: CaseSession) -> str:
    public, secret = new_recovery_pair()
    set_recovery_key(session, public)
    session.close()
    return secret


def test_every_passphrase_lost_the_recovery_key_gives_the_administrator_a_new_one(
    session: CaseSession, new_store: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    secret = _given_a_recovery_key(session)
    recover_account(new_store, secret, ADMIN, NEW, policy=policy, clock=clock)
    with pytest.raises(AuthError):
        open_session(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    opened = open_session(new_store, ADMIN, NEW, policy=policy, clock=clock)
    try:
        with opened.transaction() as tx:
            actions = [entry.action for entry in tx.audit.recent(10)]
    finally:
        opened.close()
    assert "key.recovery_used" in actions


def test_a_wrong_recovery_key_opens_nothing_and_changes_nothing(
    session: CaseSession, new_store: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    _given_a_recovery_key(session)
    keyfile = new_store.with_name(new_store.name + ".keys")
    before = keyfile.read_bytes()
    _public, other = new_recovery_pair()
    with pytest.raises(AuthError):
        recover_account(new_store, other, ADMIN, NEW, policy=policy, clock=clock)
    with pytest.raises(UsageError):
        recover_account(new_store, "not a key", ADMIN, NEW, policy=policy, clock=clock)
    assert keyfile.read_bytes() == before


def test_the_recovery_key_still_opens_after_a_rotation_and_only_for_an_administrator(
    session: CaseSession, new_store: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    from caseterm.domain.codes import Role
    from caseterm.services.accounts.manage import add_account

    add_account(
        session, name="canbo1", roles=(Role.OFFICER,), passphrase="cay bang truoc ngo chieu nay"
    )
    secret = _given_a_recovery_key(session)
    rotate_data_key(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    with pytest.raises(RefusedError):
        recover_account(new_store, secret, "canbo1", NEW, policy=policy, clock=clock)
    recover_account(new_store, secret, ADMIN, NEW, policy=policy, clock=clock)
    open_session(new_store, ADMIN, NEW, policy=policy, clock=clock).close()


def test_recovery_lines_are_checked() -> None:
    public, secret = new_recovery_pair()
    assert len(parse_line(public, PUBLIC_PREFIX)) == 32
    for wrong in (secret, PUBLIC_PREFIX + "AAAA", PUBLIC_PREFIX + "%%%", ""):
        with pytest.raises(ValueError, match="caseterm-recovery"):
            parse_line(wrong, PUBLIC_PREFIX)
