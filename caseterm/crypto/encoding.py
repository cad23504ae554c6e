"""Canonical, length-prefixed encoding of context fields bound into ciphertexts as AAD."""

from __future__ import annotations

import base64


def context(*parts: str | int | bytes) -> bytes:
    """Encode parts unambiguously: each is a 4-byte big-endian length followed by its bytes."""
    out = bytearray()
    for part in parts:
        raw = part if isinstance(part, bytes) else str(part).encode()
        out += len(raw).to_bytes(4, "big") + raw
    return bytes(out)


def b64(data: bytes) -> str:
    """Encode bytes for the JSON key file."""
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    """Decode bytes from the JSON key file (strict)."""
    return base64.b64decode(text.encode("ascii"), validate=True)
