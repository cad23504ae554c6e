"""The offline recovery key: an X25519 key pair whose public half receives every data-key grant.

The district (or, for a commune without one yet, whoever keeps the commune's sealed envelope)
holds the secret half offline. With it the store opens when every passphrase is lost. Both halves
are one line of text:

    caseterm-recovery/1:<base64 public key>
    caseterm-recovery-secret/1:<base64 private key>
"""

from __future__ import annotations

import base64
import binascii

from caseterm.crypto import KeyFileError
from caseterm.crypto.grants import open_grant
from caseterm.crypto.keyfile import RECOVERY, KeyFile
from caseterm.crypto.slots import AccountKeyPair

PUBLIC_PREFIX = "caseterm-recovery/1:"
SECRET_PREFIX = "caseterm-recovery-secret/1:"  # noqa: S105 - a format tag, not a secret


def new_recovery_pair() -> tuple[str, str]:
    """A new recovery key: (public line, secret line)."""
    pair = AccountKeyPair.generate()
    return (
        PUBLIC_PREFIX + base64.b64encode(pair.public_bytes).decode(),
        SECRET_PREFIX + base64.b64encode(pair.private_bytes).decode(),
    )


def parse_line(text: str, prefix: str) -> bytes:
    """The 32 key bytes of a recovery line; `ValueError` if it is not exactly one."""
    line = text.strip()
    if not line.startswith(prefix):
        raise ValueError(prefix)
    try:
        raw = base64.b64decode(line[len(prefix) :], validate=True)
    except binascii.Error as exc:
        raise ValueError(prefix) from exc
    if len(raw) != 32:
        raise ValueError(prefix)
    return raw


def open_with_recovery(keys: KeyFile, secret: bytes) -> bytes:
    """The current data key, opened with the recovery key's secret half."""
    sealed = keys.grants.get(keys.current, {}).get(RECOVERY)
    if sealed is None:
        raise KeyFileError("no recovery grant")
    # A wrong secret raises DecryptionError, as a wrong passphrase does.
    return open_grant(
        sealed, secret, store_id=keys.store_id, recipient=RECOVERY, version=keys.current
    )
