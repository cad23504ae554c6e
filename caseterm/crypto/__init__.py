"""The only package that touches `cryptography`: KDF, keyslots, grants, signatures, key file."""

from __future__ import annotations


class DecryptionError(Exception):
    """A ciphertext did not open: wrong key, wrong context or tampered bytes (one error for all)."""


class KeyFileError(Exception):
    """The key file is missing, malformed, or describes something this version cannot use."""
