"""Grants: a data key sealed to an X25519 public key with HPKE (RFC 9180, base mode).

Suite DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM. The HPKE `info` binds the store id,
the recipient and the data-key version, so a grant copied to another account, store or version
does not open. Sealing needs only public keys: rotating the data key needs nobody's passphrase.
"""

from __future__ import annotations

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from caseterm.crypto import DecryptionError
from caseterm.crypto.encoding import context

_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


def _info(store_id: str, recipient: str, version: int) -> bytes:
    return context("caseterm/grant/v1", store_id, recipient, version)


def seal(secret: bytes, public_key: bytes, *, store_id: str, recipient: str, version: int) -> bytes:
    """Seal a secret (a data key) to a recipient's public key."""
    return seal_with_info(secret, public_key, _info(store_id, recipient, version))


def seal_with_info(secret: bytes, public_key: bytes, info: bytes) -> bytes:
    """Seal a secret to a public key under a caller's context (e.g. a backup's)."""
    public = X25519PublicKey.from_public_bytes(public_key)
    return _SUITE.encrypt(secret, public, info=info)


def open_grant(
    sealed: bytes, private_key: bytes, *, store_id: str, recipient: str, version: int
) -> bytes:
    """Open a grant with the recipient's private key; raise `DecryptionError` if it does not fit."""
    return open_with_info(sealed, private_key, _info(store_id, recipient, version))


def open_with_info(sealed: bytes, private_key: bytes, info: bytes) -> bytes:
    """Open what `seal_with_info` sealed; raise `DecryptionError` if key or context differ."""
    private = X25519PrivateKey.from_private_bytes(private_key)
    try:
        return _SUITE.decrypt(sealed, private, info=info)
    except (InvalidTag, ValueError) as exc:
        raise DecryptionError from exc
