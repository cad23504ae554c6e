"""Archive files of closed cases: age v1 (X25519) to the archive's recipient, nothing home-made.

The plaintext exists only in memory; the file opens with the reference `age` tool and the
recipient's identity (the district's, by default), as the official archive will need.
"""

from __future__ import annotations

import pyrage
from pyrage import x25519


class ArchiveKeyError(ValueError):
    """The recipient is not an age X25519 recipient (age1…)."""


def seal_archive(plaintext: bytes, recipient: str) -> bytes:
    """Encrypt an archive's content to `recipient`."""
    try:
        to = x25519.Recipient.from_str(recipient)
    except pyrage.RecipientError as error:
        raise ArchiveKeyError(recipient[:8]) from error
    return bytes(pyrage.encrypt(plaintext, [to]))


def open_archive(ciphertext: bytes, identity: str) -> bytes:
    """Decrypt an archive with the recipient's identity (AGE-SECRET-KEY-1…)."""
    return bytes(pyrage.decrypt(ciphertext, [x25519.Identity.from_str(identity)]))
