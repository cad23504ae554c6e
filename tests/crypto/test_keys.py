"""Account slots, HPKE grants and the key file: what opens and what must not."""

from __future__ import annotations

import pytest

from caseterm.crypto import DecryptionError, KeyFileError
from caseterm.crypto.grants import open_grant, seal
from caseterm.crypto.kdf import KdfParams
from caseterm.crypto.keyfile import KeyFile
from caseterm.crypto.keyring import (
    SlotBelowFloor,
    enrol,
    new_data_key,
    new_key_file,
    open_account,
    rewrap,
)
from caseterm.crypto.signing import SigningKey, verify_signature
from caseterm.crypto.slots import AccountKeyPair, unwrap_slot, wrap_slot
from caseterm.services.session.policy import TEST_POLICY

FAST = KdfParams(1024, 1, 1, b"s" * 16)


def test_slot_opens_only_with_its_passphrase_and_place() -> None:
    pair = AccountKeyPair.generate()
    slot = wrap_slot(
        pair, "right words here ok", FAST, store_id="S", account_id="A", account_name="an"
    )
    assert (
        unwrap_slot(slot, "right words here ok", store_id="S", account_id="A", account_name="an")
        == pair
    )
    for kwargs in (
        {
            "store_id": "S",
            "account_id": "A",
            "account_name": "an",
            "passphrase": "wrong words here ok",
        },
        {
            "store_id": "S",
            "account_id": "B",
            "account_name": "an",
            "passphrase": "right words here ok",
        },
        {
            "store_id": "T",
            "account_id": "A",
            "account_name": "an",
            "passphrase": "right words here ok",
        },
        {
            "store_id": "S",
            "account_id": "A",
            "account_name": "binh",
            "passphrase": "right words here ok",
        },
    ):
        passphrase = str(kwargs.pop("passphrase"))
        with pytest.raises(DecryptionError):
            unwrap_slot(slot, passphrase, **kwargs)


def test_grant_is_bound_to_store_recipient_and_version() -> None:
    pair = AccountKeyPair.generate()
    key = new_data_key()
    sealed = seal(key, pair.public_bytes, store_id="S", recipient="A", version=1)
    assert open_grant(sealed, pair.private_bytes, store_id="S", recipient="A", version=1) == key
    for store_id, recipient, version in (("S", "A", 2), ("S", "B", 1), ("T", "A", 1)):
        with pytest.raises(DecryptionError):
            open_grant(
                sealed, pair.private_bytes, store_id=store_id, recipient=recipient, version=version
            )
    with pytest.raises(DecryptionError):
        open_grant(
            sealed[:-1] + bytes([sealed[-1] ^ 1]),
            pair.private_bytes,
            store_id="S",
            recipient="A",
            version=1,
        )


def _key_file() -> tuple[KeyFile, bytes]:
    keys = new_key_file(store_id="S", cipher={}, created_at="t", recovery_public_key=None)
    data_key = new_data_key()
    enrol(
        keys,
        account_id="A",
        name="an",
        passphrase="first passphrase ok",
        kdf=FAST.with_new_salt(),
        data_key=data_key,
        created_at="t",
    )
    return keys, data_key


def test_round_trip_through_json_and_rewrap() -> None:
    keys, data_key = _key_file()
    loaded = KeyFile.from_bytes(keys.to_bytes())
    entry = loaded.account_named("an")
    assert entry is not None
    unlocked = open_account(loaded, entry, "first passphrase ok", TEST_POLICY)
    assert unlocked.data_key == data_key
    rewrap(loaded, unlocked, "second passphrase ok", FAST.with_new_salt())
    entry = loaded.account_named("an")
    assert entry is not None
    assert open_account(loaded, entry, "second passphrase ok", TEST_POLICY).data_key == data_key
    with pytest.raises(DecryptionError):
        open_account(loaded, entry, "first passphrase ok", TEST_POLICY)


def test_slot_below_the_floor_is_refused_not_used() -> None:
    keys, _ = _key_file()
    entry = keys.account_named("an")
    assert entry is not None
    from caseterm.crypto.kdf import PRODUCT_POLICY

    with pytest.raises(SlotBelowFloor):
        open_account(keys, entry, "first passphrase ok", PRODUCT_POLICY)


@pytest.mark.parametrize(
    "data", [b"", b"{}", b"not json", b'{"format": "other/9"}', b'{"format": "caseterm-keyfile/1"}']
)
def test_malformed_key_files_are_refused(data: bytes) -> None:
    with pytest.raises(KeyFileError):
        KeyFile.from_bytes(data)


def test_key_file_holds_no_secret_in_clear() -> None:
    keys, data_key = _key_file()
    raw = keys.to_bytes()
    assert data_key not in raw
    assert data_key.hex().encode() not in raw
    assert b"first passphrase ok" not in raw


def test_signing_key() -> None:
    key = SigningKey.generate()
    signature = key.sign(b"manifest")
    assert verify_signature(key.public_bytes, signature, b"manifest")
    assert not verify_signature(key.public_bytes, signature, b"manifest!")
    assert len(key.key_id) == 16


def test_the_offline_recovery_key_receives_a_grant_of_the_data_key() -> None:
    from caseterm.crypto.keyfile import RECOVERY
    from caseterm.crypto.keyring import grant_recovery

    recovery = AccountKeyPair.generate()
    keys = new_key_file(
        store_id="S", cipher={}, created_at="t", recovery_public_key=recovery.public_bytes
    )
    data_key = new_data_key()
    grant_recovery(keys, data_key)
    reloaded = KeyFile.from_bytes(keys.to_bytes())
    sealed = reloaded.grants[1][RECOVERY]
    assert (
        open_grant(sealed, recovery.private_bytes, store_id="S", recipient=RECOVERY, version=1)
        == data_key
    )
    with pytest.raises(DecryptionError):
        open_grant(
            sealed,
            AccountKeyPair.generate().private_bytes,
            store_id="S",
            recipient=RECOVERY,
            version=1,
        )
