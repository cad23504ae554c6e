"""Account slots: each account's X25519 private key, wrapped under its passphrase's KEK.

AAD binds the store id, the account id and name, and the KDF parameters and salt, so a slot moved
to another account, store or cost fails to open exactly like a wrong passphrase.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from caseterm.crypto import DecryptionError
from caseterm.crypto.encoding import context
from caseterm.crypto.kdf import KdfParams, derive_kek

NONCE_BYTES = 12
_RAW = serialization.Encoding.Raw
_RAW_PUBLIC = serialization.PublicFormat.Raw
_RAW_PRIVATE = serialization.PrivateFormat.Raw


@dataclass(frozen=True)
class Slot:
    """A wrapped account private key as stored in the key file."""

    kdf: KdfParams
    nonce: bytes
    ciphertext: bytes
    expires: str | None = None
    """Set for a slot wrapped under a one-time reset code: usable until then (UTC, ISO).

    Bound into the AAD, so editing the key file to extend it makes the slot unopenable.
    """


@dataclass(frozen=True)
class AccountKeyPair:
    """An unwrapped account key pair (held in memory while the account is unlocked)."""

    private_bytes: bytes
    public_bytes: bytes

    @classmethod
    def generate(cls) -> AccountKeyPair:
        """Make a new random X25519 key pair."""
        private = X25519PrivateKey.generate()
        return cls(
            private.private_bytes(_RAW, _RAW_PRIVATE, serialization.NoEncryption()),
            private.public_key().public_bytes(_RAW, _RAW_PUBLIC),
        )


def _slot_aad(
    store_id: str, account_id: str, account_name: str, kdf: KdfParams, expires: str | None
) -> bytes:
    parts: tuple[str | int | bytes, ...] = (
        "caseterm/slot/v1",
        store_id,
        account_id,
        account_name,
        "argon2id",
        kdf.memory_kib,
        kdf.iterations,
        kdf.lanes,
        kdf.salt,
    )
    # An ordinary slot's AAD is unchanged; a reset slot's adds its expiry.
    return context(*parts, "reset-until", expires) if expires else context(*parts)


def wrap_slot(
    keys: AccountKeyPair,
    passphrase: str,
    kdf: KdfParams,
    *,
    store_id: str,
    account_id: str,
    account_name: str,
    expires: str | None = None,
) -> Slot:
    """Wrap an account's private key under a KEK derived from its passphrase (or reset code)."""
    kek = derive_kek(passphrase, kdf)
    nonce = os.urandom(NONCE_BYTES)
    aad = _slot_aad(store_id, account_id, account_name, kdf, expires)
    return Slot(kdf, nonce, AESGCM(kek).encrypt(nonce, keys.private_bytes, aad), expires)


def unwrap_slot(
    slot: Slot, passphrase: str, *, store_id: str, account_id: str, account_name: str
) -> AccountKeyPair:
    """Open a slot with a passphrase; raise `DecryptionError` for a wrong one (or a moved slot)."""
    kek = derive_kek(passphrase, slot.kdf)
    aad = _slot_aad(store_id, account_id, account_name, slot.kdf, slot.expires)
    try:
        private_bytes = AESGCM(kek).decrypt(slot.nonce, slot.ciphertext, aad)
    except InvalidTag as exc:
        raise DecryptionError from exc
    public = X25519PrivateKey.from_private_bytes(private_bytes).public_key()
    return AccountKeyPair(private_bytes, public.public_bytes(_RAW, _RAW_PUBLIC))


def check_public_key(public_bytes: bytes) -> None:
    """Raise `ValueError` unless the bytes are an X25519 public key."""
    X25519PublicKey.from_public_bytes(public_bytes)
