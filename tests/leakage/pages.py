"""Every page of a store decrypted, free pages included (T33), to look for what was deleted.

SQLite has no way to show its free pages, so this reads the file the way SQLCipher 4 lays it out
with the pinned settings: 4 KiB pages, each AES-256-CBC under the raw data key with its IV in
the page's reserved tail (16 bytes IV + 64 bytes HMAC-SHA512); page 1 starts with the 16-byte
salt. A test tool only: the product never decrypts pages itself. The positive control in the
test (a live record is found) proves this reading is right.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 16 + 64
SALT = 16


def decrypted_pages(store: Path, data_key: bytes) -> bytes:
    """The plaintext of every page of `store` (its main file), concatenated."""
    raw = store.read_bytes()
    plain = bytearray()
    for start in range(0, len(raw), PAGE):
        page = raw[start : start + PAGE]
        if len(page) < PAGE:
            break
        body_start = SALT if start == 0 else 0
        iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(data_key), modes.CBC(iv)).decryptor()
        plain += decryptor.update(page[body_start : PAGE - RESERVE]) + decryptor.finalize()
    return bytes(plain)
