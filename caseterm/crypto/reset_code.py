"""One-time reset codes: what an administrator hands over when an officer forgot the passphrase.

25 characters of Crockford's base32 (125 random bits), shown in five groups of five. Typing is
forgiving: case, spaces and dashes do not matter, and O, I and L read as 0, 1 and 1.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 25
GROUP = 5
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_reset_code() -> str:
    """A fresh random code, grouped for reading aloud (ABCDE-FGHJK-…)."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i : i + GROUP] for i in range(0, LENGTH, GROUP))


def normalise_code(typed: str) -> str:
    """The code as the key derivation sees it: upper case, no separators, look-alikes mapped."""
    return "".join(typed.upper().split()).replace("-", "").translate(_LOOKALIKES)
