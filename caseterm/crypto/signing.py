"""The unit's Ed25519 signing key (its private part is kept inside the encrypted store)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

_RAW = serialization.Encoding.Raw


@dataclass(frozen=True)
class SigningKey:
    """A raw Ed25519 key pair and its key id (the first 16 hex digits of SHA-256(public))."""

    private_bytes: bytes
    public_bytes: bytes

    @property
    def key_id(self) -> str:
        """A short, stable name of the public key."""
        return key_id_of(self.public_bytes)

    @classmethod
    def generate(cls) -> SigningKey:
        """Make a new random signing key."""
        private = Ed25519PrivateKey.generate()
        return cls(
            private.private_bytes(
                _RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption()
            ),
            private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw),
        )

    def sign(self, message: bytes) -> bytes:
        """Sign a message."""
        return Ed25519PrivateKey.from_private_bytes(self.private_bytes).sign(message)


def key_id_of(public_bytes: bytes) -> str:
    """The first 16 hex digits of SHA-256 of an Ed25519 public key."""
    return hashlib.sha256(public_bytes).hexdigest()[:16]


def is_public_key(public_bytes: bytes) -> bool:
    """True when the bytes are a usable Ed25519 public key."""
    try:
        Ed25519PublicKey.from_public_bytes(public_bytes)
    except ValueError:
        return False
    return True


def verify_signature(public_bytes: bytes, signature: bytes, message: bytes) -> bool:
    """Return True when the signature is valid for the message under the public key."""
    try:
        Ed25519PublicKey.from_public_bytes(public_bytes).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True
