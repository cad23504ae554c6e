"""Authentication of the key file: whoever can write `<store>.keys` can deny access, never gain it.

The key file names who may receive the data key: each account's public key and the offline
recovery key's. Anyone able to write the file for a moment could otherwise add their own public
key and wait for the next backup or rotation to seal the data key to it. So every recipient, and
the data-key version itself, carries an HMAC-SHA256 tag under a key derived (HKDF-SHA256) from
that version's data key, which only an unlocked account holds. Tags are checked at every unlock
and before anything is sealed; the app writes them whenever it changes a recipient.

Slots, grants and the failure counts are not tagged: a forged slot or grant opens nothing (each
is bound to its account and the store by its own AEAD), and a forged count only delays.
"""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives import constant_time, hashes, hmac
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from caseterm.crypto.encoding import context
from caseterm.crypto.keyfile import KeyFile

RECOVERY_FIELD = "recovery"
VERSION_FIELD = "version"


def account_field(account_id: str) -> str:
    """The tag name of an account's entry."""
    return f"account:{account_id}"


def _auth_key(data_key: bytes, store_id: str, version: int) -> bytes:
    derive = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=context("caseterm/keyfile-auth/v1", store_id, version),
    )
    return derive.derive(data_key)


def _tagged_values(keys: KeyFile, version: int) -> dict[str, bytes]:
    """Every field the tags of `version` cover, as canonical bytes."""
    values = {
        account_field(a.account_id): context(a.account_id, a.name, a.public_key, a.created_at)
        for a in keys.accounts.values()
    }
    if keys.recovery_public_key is not None:
        values[RECOVERY_FIELD] = context(keys.recovery_public_key)
    entry = keys.versions[version]
    values[VERSION_FIELD] = context(version, entry.file_salt or "", entry.created_at)
    return values


def _tag(key: bytes, name: str, value: bytes) -> bytes:
    mac = hmac.HMAC(key, hashes.SHA256())
    mac.update(context(name, value))
    return mac.finalize()


def sign_key_file(keys: KeyFile, data_key: bytes, version: int) -> None:
    """Tag every recipient and the version under `version`'s data key.

    Only after a change the app made itself, on a file whose tags were checked first.
    """
    key = _auth_key(data_key, keys.store_id, version)
    keys.auth[version] = {
        name: _tag(key, name, value) for name, value in _tagged_values(keys, version).items()
    }


def forged_fields(keys: KeyFile, data_key: bytes, version: int) -> list[str]:
    """The fields of `version` whose tag is missing or wrong, in order (empty: all authentic)."""
    key = _auth_key(data_key, keys.store_id, version)
    tags = keys.auth.get(version, {})
    forged = []
    for name, value in sorted(_tagged_values(keys, version).items()):
        found = tags.get(name)
        if found is None or not constant_time.bytes_eq(found, _tag(key, name, value)):
            forged.append(name)
    return forged


def is_signed(keys: KeyFile, version: int) -> bool:
    """True when the key file carries tags for `version` at all.

    A key file written before tags existed carries none.
    """
    return bool(keys.auth.get(version))


def fingerprint(public_key: bytes) -> str:
    """A short, comparable fingerprint of a public key: SHA-256, 16 hex digits in groups of 4."""
    digest = hashlib.sha256(public_key).hexdigest()[:16].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))
