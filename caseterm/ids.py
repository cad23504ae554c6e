"""Globally unique, time-ordered identifiers (UUIDv7, RFC 9562).

Ids are made on many offline laptops and merged at the district, so they must never collide and
should sort by creation time (index locality, readable sync bundles).
"""

from __future__ import annotations

import os
import time
import uuid


def new_id() -> str:
    """Return a new UUIDv7 as a lowercase string."""
    millis = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version 7
    value |= ((rand >> 62) & 0xFFF) << 64  # 12 random bits (rand_a)
    value |= 0b10 << 62  # RFC 4122 variant
    value |= rand & ((1 << 62) - 1)  # 62 random bits (rand_b)
    return str(uuid.UUID(int=value))


_ID_LIKE = frozenset("0123456789abcdef-")


def shown_id(text: str) -> str:
    """`text` for an error message if it looks like an id (or its prefix), else "…".

    What was typed in place of an id may be a name: messages never repeat it (T29).
    """
    folded = text.strip().lower()
    return folded if 4 <= len(folded) <= 36 and set(folded) <= _ID_LIKE else "…"
