"""Accounts through the services: roles checked in the services, each account its own passphrase."""

from __future__ import annotations

from pathlib import Path

import pytest

from caseterm.crypto.kdf import KdfPolicy
from caseterm.domain.codes import Role
from caseterm.errors import AuthError, PermissionDenied, RefusedError, UsageError
from caseterm.services.accounts.manage import (
    add_account,
    change_own_passphrase,
    disable_account,
    list_accounts,
)
from caseterm.services.keys.keyfile import load_keyfile
from caseterm.services.keys.opening import open_session
from caseterm.services.registry.persons import add_person, find_persons
from caseterm.services.session.case_session import CaseSession
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, OFFICER, OFFICER_PASSPHRASE, person


def test_add_list_and_unlock_as_the_new_officer(session: CaseSession, policy: KdfPolicy) -> None:
    add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    views = {v.account.name: v for v in list_accounts(session)}
    assert set(views) == {ADMIN, OFFICER}
    assert views[OFFICER].account.roles == (Role.OFFICER,)
    assert views[OFFICER].has_slot
    officer = open_session(session.files.store, OFFICER, OFFICER_PASSPHRASE, policy=policy)
    try:
        assert officer.actor.roles == (Role.OFFICER,)
        add_person(officer, person())
        with pytest.raises(PermissionDenied):
            list_accounts(officer)
    finally:
        officer.close()


def test_policy_and_names_are_enforced(session: CaseSession) -> None:
    with pytest.raises(RefusedError, match="at least 15"):
        add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase="short one")
    with pytest.raises(RefusedError):
        add_account(
            session, name=OFFICER, roles=(Role.OFFICER,), passphrase="canbo1 xa tan an 26734"
        )
    with pytest.raises(UsageError):
        add_account(session, name="Nguyễn A", roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    with pytest.raises(RefusedError, match="already exists"):
        add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)


def test_admin_without_chief_role_sees_no_case_files(tmp_path: Path, policy: KdfPolicy) -> None:
    from caseterm.services.setup.new_store import InitRequest, init_store

    store = tmp_path / "it" / "s.db"
    init_store(InitRequest(store, "26734", "Xã Tân An", "it", ADMIN_PASSPHRASE), policy=policy)
    admin = open_session(store, "it", ADMIN_PASSPHRASE, policy=policy)
    try:
        with pytest.raises(PermissionDenied):
            find_persons(admin, "an")
    finally:
        admin.close()


def test_disable_removes_the_slot_and_the_account_cannot_unlock(
    session: CaseSession, policy: KdfPolicy
) -> None:
    add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    disable_account(session, OFFICER)
    keys = load_keyfile(session.files)
    assert keys.account_named(OFFICER) is None
    assert all(len(grants) == 1 for grants in keys.grants.values())
    with pytest.raises(AuthError):
        open_session(session.files.store, OFFICER, OFFICER_PASSPHRASE, policy=policy)
    with pytest.raises(RefusedError):
        disable_account(session, ADMIN)


def test_passphrase_change_touches_only_the_key_file(
    session: CaseSession, policy: KdfPolicy
) -> None:
    """T25 (part): the store file is byte-identical after a passphrase change."""
    store = session.files.store
    session.store.checkpoint()
    before = store.read_bytes()
    keyfile_before = session.files.keyfile.read_bytes()
    change_own_passphrase(session, "mot buoi sang mua thu nang vang")
    assert session.files.keyfile.read_bytes() != keyfile_before
    session.close()
    assert store.read_bytes()[:4096] == before[:4096]  # same salt and header page
    with pytest.raises(AuthError):
        open_session(store, ADMIN, ADMIN_PASSPHRASE, policy=policy)
    open_session(store, ADMIN, "mot buoi sang mua thu nang vang", policy=policy).close()


def test_init_in_an_unwritable_folder_says_why_and_leaves_nothing(
    tmp_path: Path, policy: KdfPolicy
) -> None:
    import os

    from caseterm.errors import CasetermError
    from caseterm.services.setup.new_store import InitRequest, init_store

    locked = tmp_path / "read-only"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):  # root ignores permissions: simulate with a file instead
            target = tmp_path / "a-file" / "s.db"
            (tmp_path / "a-file").write_text("not a folder")
        else:
            target = locked / "s.db"
        with pytest.raises(CasetermError, match="Cannot create the store") as refused:
            init_store(InitRequest(target, "1", "Xã A", "ab", ADMIN_PASSPHRASE), policy=policy)
        assert "Nothing was created" in str(refused.value)
        assert not target.exists()
        assert not target.with_name(target.name + ".keys").exists()
    finally:
        locked.chmod(0o700)
