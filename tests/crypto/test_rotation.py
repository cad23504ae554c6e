"""Data-key rotation without crashes: who may, what the key file holds after, old key useless.

The crash cases are T26 in tests/reliability/test_rotation_kill.py.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.domain.codes import Role
from caseterm.errors import PermissionDenied
from caseterm.services.accounts.manage import add_account
from caseterm.services.keys.opening import open_session
from caseterm.services.keys.rotation import rotate_data_key
from caseterm.services.keys.status import key_status
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.paths import StoreFiles
from caseterm.store import StoreOpenError
from caseterm.store.database import Store
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, OFFICER, OFFICER_PASSPHRASE, person


@pytest.fixture
def two_accounts(new_store: Path, policy: KdfPolicy, clock: FrozenClock) -> Path:
    session = open_session(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    try:
        add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
        from caseterm.services.registry.persons import add_person

        add_person(session, person(), confirm=True)
    finally:
        session.close()
    return new_store


def test_after_a_rotation_every_account_opens_and_the_old_key_opens_nothing(
    two_accounts: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    before = open_session(two_accounts, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    old_key = before.unlocked.data_key
    before.close()
    done = rotate_data_key(two_accounts, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    assert (done.old_version, done.new_version) == (1, 2)
    assert two_accounts.stat().st_mode & 0o777 == 0o600  # the re-encrypted file is private too
    for name, passphrase in ((ADMIN, ADMIN_PASSPHRASE), (OFFICER, OFFICER_PASSPHRASE)):
        session = open_session(two_accounts, name, passphrase, policy=policy, clock=clock)
        try:
            assert session.unlocked.data_key != old_key
            assert session.unlocked.version == 2
        finally:
            session.close()
    keys = json.loads(StoreFiles(two_accounts).keyfile.read_text())
    assert list(keys["grants"]) == ["2"]
    assert keys["data_key"]["pending"] is None
    with pytest.raises(StoreOpenError):
        Store(two_accounts, old_key)


def test_only_an_administrator_rotates_and_a_refusal_changes_nothing(
    two_accounts: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    keyfile = StoreFiles(two_accounts).keyfile
    before = keyfile.read_bytes(), two_accounts.read_bytes()
    with pytest.raises(PermissionDenied):
        rotate_data_key(two_accounts, OFFICER, OFFICER_PASSPHRASE, policy=policy, clock=clock)
    assert keyfile.read_bytes() == before[0]
    session = open_session(two_accounts, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    try:
        status = key_status(session)
    finally:
        session.close()
    assert (status.data_key_version, status.rotation_pending) == (1, False)
    assert [slot.name for slot in status.slots] == sorted([ADMIN, OFFICER])
    assert not any(slot.below_floor for slot in status.slots)
    assert not status.data_key_due


def test_keys_status_warns_when_the_data_key_is_older_than_two_years(
    session: CaseSession, clock: FrozenClock
) -> None:
    clock.advance(timedelta(days=2 * 365 + 1).total_seconds())
    found = key_status(session)
    assert found.data_key_due
    assert found.signing_key_due


def test_t28_a_disabled_account_with_a_saved_key_file_opens_nothing_new(
    two_accounts: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    from caseterm.crypto.keyfile import KeyFile
    from caseterm.crypto.keyring import open_account
    from caseterm.errors import AuthError
    from caseterm.services.accounts.manage import disable_account

    files = StoreFiles(two_accounts)
    saved = KeyFile.from_bytes(files.keyfile.read_bytes())  # what the officer copied away
    admin = open_session(two_accounts, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    try:
        disable_account(admin, OFFICER)
    finally:
        admin.close()
    with pytest.raises(AuthError):
        open_session(two_accounts, OFFICER, OFFICER_PASSPHRASE, policy=policy, clock=clock)
    rotate_data_key(two_accounts, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    entry = saved.account_named(OFFICER)
    assert entry is not None
    old_key = open_account(saved, entry, OFFICER_PASSPHRASE, policy).data_key
    with pytest.raises(StoreOpenError):
        Store(two_accounts, old_key)


def test_t26_an_open_sweeps_a_key_file_half_written_by_a_killed_process(
    new_store: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    """T26: a kill while a key file was being saved, with nothing pending, leaves no litter."""
    keyfile = StoreFiles(new_store).keyfile
    leftover = keyfile.with_name(f".{keyfile.name}.tmp-999999")
    leftover.write_bytes(keyfile.read_bytes()[:40])
    open_session(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock).close()
    assert not leftover.exists()
    assert json.loads(keyfile.read_text())["data_key"]["pending"] is None


def test_a_rotation_without_a_store_says_so(tmp_path: Path, policy: KdfPolicy) -> None:
    from caseterm.errors import NotFound

    with pytest.raises(NotFound, match=r"none\.db"):
        rotate_data_key(tmp_path / "none.db", ADMIN, ADMIN_PASSPHRASE, policy=policy)
