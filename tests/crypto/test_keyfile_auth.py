"""The key file can only deny access, never grant it (issue: a planted recipient).

Whoever can write `<store>.keys` for a moment may try to add their own public key as the
recovery key or as an account's, and wait for the next backup or rotation to seal the data key
to it. Every recipient carries a tag under the data key, so the first step that would trust or
seal anything — the next unlock, or in an open session the backup, the status, a new account —
refuses with an integrity error naming the field, nothing is sealed to the planted key, and the
store's data is unchanged.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.crypto.keyfile import KeyFile
from caseterm.crypto.recovery import PUBLIC_PREFIX, new_recovery_pair, parse_line
from caseterm.crypto.slots import AccountKeyPair
from caseterm.domain.codes import Role
from caseterm.errors import AuthError, IntegrityFailure
from caseterm.services.accounts.manage import add_account
from caseterm.services.accounts.recovery import recover_account, set_recovery_key
from caseterm.services.custody.backup import create_backup
from caseterm.services.keys.opening import open_session
from caseterm.services.keys.rotation import rotate_data_key
from caseterm.services.keys.status import key_status
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.paths import StoreFiles
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, OFFICER, OFFICER_PASSPHRASE

NEW = "lua chin vang dong que nha minh"
Tamper = Callable[[dict[str, object]], None]


def _edit_keyfile(store: Path, change: Tamper) -> None:
    """What an attacker with write access does: edit the JSON and put it back."""
    keyfile = StoreFiles(store).keyfile
    document = json.loads(keyfile.read_text())
    change(document)
    keyfile.write_text(json.dumps(document))


def _planted_recovery() -> tuple[Tamper, str]:
    public, secret = new_recovery_pair()
    raw = base64.b64encode(parse_line(public, PUBLIC_PREFIX)).decode()

    def plant(document: dict[str, object]) -> None:
        document["recovery"] = {"public_key": raw}

    return plant, secret


def _planted_account_key(document: dict[str, object]) -> None:
    accounts = document["accounts"]
    assert isinstance(accounts, dict)
    officer = next(a for a in accounts.values() if a["name"] == OFFICER)
    officer["public_key"] = base64.b64encode(AccountKeyPair.generate().public_bytes).decode()


def _stripped_tags(document: dict[str, object]) -> None:
    document.pop("auth")


def _with_officer(session: CaseSession) -> None:
    add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)


def _digest(store: Path, policy: KdfPolicy, clock: FrozenClock) -> str:
    """The store's data, read with a clean copy of the key file's access (admin unlock)."""
    session = open_session(store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    try:
        return session.store.digest(["person", "event", "account", "unit"])
    finally:
        session.close()


@pytest.mark.parametrize(
    ("tamper", "named"),
    [
        ("recovery", "the recovery public key"),
        ("account", f"the public key of account {OFFICER}"),
        ("stripped", "authentication was removed"),
    ],
)
def test_a_planted_recipient_is_refused_at_the_next_unlock_and_nothing_is_sealed(
    session: CaseSession,
    new_store: Path,
    policy: KdfPolicy,
    clock: FrozenClock,
    tmp_path: Path,
    tamper: str,
    named: str,
) -> None:
    _with_officer(session)
    legit_public, _legit_secret = new_recovery_pair()
    set_recovery_key(session, legit_public)
    session.close()
    keyfile = StoreFiles(new_store).keyfile
    honest = keyfile.read_bytes()
    data_before = _digest(new_store, policy, clock)
    plant, attacker_secret = _planted_recovery()
    change = {"recovery": plant, "account": _planted_account_key, "stripped": _stripped_tags}
    _edit_keyfile(new_store, change[tamper])
    tampered = keyfile.read_bytes()

    # The first step that would trust the file: every unlock, so every backup and rotation.
    with pytest.raises(IntegrityFailure, match=named):
        open_session(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    with pytest.raises(IntegrityFailure):
        rotate_data_key(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    # The attacker's secret half opens nothing: no grant was ever sealed to it.
    with pytest.raises(AuthError):
        recover_account(new_store, attacker_secret, ADMIN, NEW, policy=policy, clock=clock)
    # Nothing was sealed or added (the file may have been saved again as it was).
    assert KeyFile.from_bytes(keyfile.read_bytes()) == KeyFile.from_bytes(tampered)
    assert list(tmp_path.rglob("*.ctbak")) == []

    keyfile.write_bytes(honest)  # the administrator restores the key file: all as before
    assert _digest(new_store, policy, clock) == data_before


@pytest.mark.parametrize("tamper", ["recovery", "account"])
def test_a_recipient_planted_while_a_session_is_open_is_refused_before_any_seal(
    session: CaseSession, new_store: Path, tmp_path: Path, tamper: str
) -> None:
    _with_officer(session)
    plant, _secret = _planted_recovery()
    _edit_keyfile(new_store, plant if tamper == "recovery" else _planted_account_key)
    tampered = StoreFiles(new_store).keyfile.read_bytes()
    with pytest.raises(IntegrityFailure):
        create_backup(session, tmp_path / "b.ctbak")
    with pytest.raises(IntegrityFailure):
        key_status(session)  # never says "present" for a key it did not write
    with pytest.raises(IntegrityFailure):
        add_account(session, name="canbo2", roles=(Role.OFFICER,), passphrase=NEW)
    assert not (tmp_path / "b.ctbak").exists()
    assert StoreFiles(new_store).keyfile.read_bytes() == tampered


def test_every_change_caseterm_makes_keeps_the_tags_right(
    session: CaseSession, new_store: Path, policy: KdfPolicy, clock: FrozenClock, tmp_path: Path
) -> None:
    """New accounts, a recovery key, a backup and a rotation: the store opens after each."""
    _with_officer(session)
    public, secret = new_recovery_pair()
    set_recovery_key(session, public)
    status = key_status(session)
    assert status.recovery_fingerprint is not None and len(status.recovery_fingerprint) == 19
    create_backup(session, tmp_path / "b.ctbak")
    session.close()
    rotate_data_key(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    open_session(new_store, OFFICER, OFFICER_PASSPHRASE, policy=policy, clock=clock).close()
    recover_account(new_store, secret, ADMIN, NEW, policy=policy, clock=clock)
    open_session(new_store, ADMIN, NEW, policy=policy, clock=clock).close()


def test_a_store_from_before_tags_adopts_them_once_and_then_requires_them(
    session: CaseSession, new_store: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    with session.transaction() as tx:  # as a store made before this version
        tx.audit._session.connection().exec_driver_sql("UPDATE unit SET keyfile_signed = 0")
    session.close()
    _edit_keyfile(new_store, _stripped_tags)
    adopted = open_session(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    try:
        with adopted.transaction() as tx:
            assert tx.audit.last_of("key.keyfile_tagged") is not None
    finally:
        adopted.close()
    assert json.loads(StoreFiles(new_store).keyfile.read_text())["auth"]
    _edit_keyfile(new_store, _stripped_tags)
    with pytest.raises(IntegrityFailure, match="authentication was removed"):
        open_session(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
