"""Operations on the key hierarchy: new store keys, enrol an account, open, rewrap, remove."""

from __future__ import annotations

import os
from dataclasses import dataclass

from caseterm.crypto import DecryptionError, KeyFileError
from caseterm.crypto.grants import open_grant, seal
from caseterm.crypto.kdf import KdfParams, KdfPolicy
from caseterm.crypto.keyfile import RECOVERY, AccountEntry, DataKeyVersion, KeyFile
from caseterm.crypto.slots import AccountKeyPair, unwrap_slot, wrap_slot

DATA_KEY_BYTES = 32


class SlotBelowFloor(KeyFileError):
    """A slot's KDF parameters are weaker than the policy's floor: refused, never used."""


@dataclass(frozen=True)
class Unlocked:
    """What opening a slot yields: the account's key pair and the current data key."""

    account: AccountEntry
    keys: AccountKeyPair
    data_key: bytes
    version: int


def new_data_key() -> bytes:
    """Return a fresh random 256-bit data key (the SQLCipher raw key)."""
    return os.urandom(DATA_KEY_BYTES)


def new_key_file(
    *, store_id: str, cipher: dict[str, str], created_at: str, recovery_public_key: bytes | None
) -> KeyFile:
    """Return an empty key file for data-key version 1."""
    return KeyFile(
        store_id=store_id,
        cipher=cipher,
        current=1,
        versions={1: DataKeyVersion(1, None, created_at)},
        grants={1: {}},
        recovery_public_key=recovery_public_key,
    )


def grant_recovery(keys: KeyFile, data_key: bytes) -> None:
    """Seal the current data key to the offline recovery key, when the store has one."""
    if keys.recovery_public_key is not None:
        keys.grants[keys.current][RECOVERY] = seal(
            data_key,
            keys.recovery_public_key,
            store_id=keys.store_id,
            recipient=RECOVERY,
            version=keys.current,
        )


def enrol(
    keys: KeyFile,
    *,
    account_id: str,
    name: str,
    passphrase: str,
    kdf: KdfParams,
    data_key: bytes,
    created_at: str,
) -> AccountEntry:
    """Add an account: new key pair, slot under its passphrase, grant of the current data key."""
    pair = AccountKeyPair.generate()
    slot = wrap_slot(
        pair, passphrase, kdf, store_id=keys.store_id, account_id=account_id, account_name=name
    )
    entry = AccountEntry(account_id, name, pair.public_bytes, slot, created_at)
    keys.accounts[account_id] = entry
    keys.grants.setdefault(keys.current, {})[account_id] = seal(
        data_key,
        pair.public_bytes,
        store_id=keys.store_id,
        recipient=account_id,
        version=keys.current,
    )
    return entry


def open_account(
    keys: KeyFile, entry: AccountEntry, passphrase: str, policy: KdfPolicy
) -> Unlocked:
    """Open an account's slot and its grant; raise `DecryptionError` for a wrong passphrase."""
    if not entry.slot.kdf.at_least(policy.floor):
        raise SlotBelowFloor(entry.account_id)
    pair = unwrap_slot(
        entry.slot,
        passphrase,
        store_id=keys.store_id,
        account_id=entry.account_id,
        account_name=entry.name,
    )
    sealed = keys.grants.get(keys.current, {}).get(entry.account_id)
    if sealed is None:
        raise KeyFileError("no grant")
    data_key = open_grant(
        sealed,
        pair.private_bytes,
        store_id=keys.store_id,
        recipient=entry.account_id,
        version=keys.current,
    )
    return Unlocked(entry, pair, data_key, keys.current)


def rewrap(keys: KeyFile, unlocked: Unlocked, new_passphrase: str, kdf: KdfParams) -> None:
    """Wrap the same key pair under a new passphrase (the database is not touched)."""
    entry = unlocked.account
    slot = wrap_slot(
        unlocked.keys,
        new_passphrase,
        kdf,
        store_id=keys.store_id,
        account_id=entry.account_id,
        account_name=entry.name,
    )
    keys.accounts[entry.account_id] = AccountEntry(
        entry.account_id, entry.name, entry.public_key, slot, entry.created_at
    )


def reset_slot(
    keys: KeyFile,
    account_id: str,
    code: str,
    kdf: KdfParams,
    data_key: bytes,
    *,
    expires: str,
) -> None:
    """Give an account a new key pair whose slot opens with a one-time code until `expires`.

    The old slot and grant are gone: the forgotten passphrase opens nothing any more. The
    owner's first unlock with the code must choose a passphrase (`rewrap` drops the expiry).
    """
    entry = keys.accounts[account_id]
    pair = AccountKeyPair.generate()
    slot = wrap_slot(
        pair,
        code,
        kdf,
        store_id=keys.store_id,
        account_id=account_id,
        account_name=entry.name,
        expires=expires,
    )
    keys.accounts[account_id] = AccountEntry(
        account_id, entry.name, pair.public_bytes, slot, entry.created_at
    )
    keys.grants[keys.current][account_id] = seal(
        data_key,
        pair.public_bytes,
        store_id=keys.store_id,
        recipient=account_id,
        version=keys.current,
    )


def begin_rotation(keys: KeyFile, data_key: bytes, *, created_at: str) -> int:
    """Add data-key version v+1, sealed to every account and the recovery key; mark it pending.

    Nobody's passphrase is needed: grants are sealed to the accounts' public keys. The current
    version stays in force until `finish_rotation`; `abandon_rotation` forgets the new one.
    """
    if keys.pending is not None:
        raise KeyFileError("rotation pending")
    version = max(keys.versions) + 1
    keys.versions[version] = DataKeyVersion(version, None, created_at)
    keys.grants[version] = {
        account_id: seal(
            data_key,
            entry.public_key,
            store_id=keys.store_id,
            recipient=account_id,
            version=version,
        )
        for account_id, entry in keys.accounts.items()
    }
    keys.pending = version
    if keys.recovery_public_key is not None:
        keys.grants[version][RECOVERY] = seal(
            data_key,
            keys.recovery_public_key,
            store_id=keys.store_id,
            recipient=RECOVERY,
            version=version,
        )
    return version


def finish_rotation(keys: KeyFile) -> None:
    """Make the pending version current and drop every older version's grants."""
    if keys.pending is None:
        raise KeyFileError("no rotation pending")
    keys.current, keys.pending = keys.pending, None
    keys.grants = {keys.current: keys.grants[keys.current]}
    keys.auth = {keys.current: keys.auth.get(keys.current, {})}


def abandon_rotation(keys: KeyFile) -> None:
    """Forget a pending version: its grants, and the version itself."""
    if keys.pending is not None:
        keys.grants.pop(keys.pending, None)
        keys.versions.pop(keys.pending, None)
        keys.auth.pop(keys.pending, None)
        keys.pending = None


def remove_account(keys: KeyFile, account_id: str) -> None:
    """Remove an account's slot and every grant made to it."""
    keys.accounts.pop(account_id, None)
    for grants in keys.grants.values():
        grants.pop(account_id, None)
    for tags in keys.auth.values():
        tags.pop(f"account:{account_id}", None)


__all__ = ["DecryptionError", "SlotBelowFloor", "Unlocked"]
