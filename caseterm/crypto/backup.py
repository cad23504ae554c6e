"""A backup's keys: a fresh random backup key, sealed to the administrators and the recovery key.

A backup is never encrypted under the live data key (rotating that key would orphan every
backup, anchors-crypto §9.6). Its header carries the accounts' public keys and wrapped slots (as
in the key file: no secret in clear), the sealed backup keys, and the database's SHA-256. The
whole header is authenticated by an HMAC under a key derived from the backup key, so nobody
without the backup key can add an account, swap a grant or pair the header with another file:
a restore trusts the header only after the MAC checks out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from caseterm.crypto import DecryptionError, KeyFileError
from caseterm.crypto.encoding import b64, context, unb64
from caseterm.crypto.grants import open_with_info, seal_with_info
from caseterm.crypto.kdf import KdfPolicy
from caseterm.crypto.keyfile import RECOVERY, KeyFile
from caseterm.crypto.keyring import SlotBelowFloor
from caseterm.crypto.slots import unwrap_slot
from caseterm.domain import strict_json

FORMAT = "caseterm-backup/1"
MAX_HEADER_BYTES = 4 * 1024 * 1024
"""A header holds some hundred accounts at most; anything larger is not a backup."""


class BackupFormatError(Exception):
    """The header is not a caseterm backup header this version can read."""


@dataclass(frozen=True)
class BackupHeader:
    """Everything a backup says about itself, besides the database."""

    backup_id: str
    store_id: str
    unit_code: str
    unit_name: str
    created_at: str
    created_by: str
    data_key_version: int
    """The live data key's version when the backup was made (a restore starts above it)."""
    database_bytes: int
    database_sha256: str
    keys: KeyFile
    """The accounts (public keys, wrapped slots) and the recovery public key; no grants."""
    grants: dict[str, bytes] = field(default_factory=dict)
    mac: bytes = b""

    def body(self) -> dict[str, Any]:
        """The authenticated part: everything but the MAC."""
        return {
            "format": FORMAT,
            "backup_id": self.backup_id,
            "store_id": self.store_id,
            "unit": {"code": self.unit_code, "name": self.unit_name},
            "created_at": self.created_at,
            "created_by": self.created_by,
            "data_key_version": self.data_key_version,
            "database": {"bytes": self.database_bytes, "sha256": self.database_sha256},
            "keys": json.loads(self.keys.to_bytes()),
            "grants": {who: b64(sealed) for who, sealed in sorted(self.grants.items())},
        }

    def to_bytes(self) -> bytes:
        """Canonical JSON of the body and its MAC."""
        return _canonical({**self.body(), "mac": b64(self.mac)})

    @classmethod
    def from_bytes(cls, data: bytes) -> BackupHeader:
        """Parse a header; `BackupFormatError` for anything that is not one."""
        if len(data) > MAX_HEADER_BYTES:
            raise BackupFormatError("size")
        try:
            raw = strict_json.loads(data)
            if not isinstance(raw, dict) or raw.get("format") != FORMAT:
                raise BackupFormatError("format")
            return cls(
                backup_id=_text(raw["backup_id"]),
                store_id=_text(raw["store_id"]),
                unit_code=_text(raw["unit"]["code"]),
                unit_name=_text(raw["unit"]["name"]),
                created_at=_text(raw["created_at"]),
                created_by=_text(raw["created_by"]),
                data_key_version=_number(raw["data_key_version"]),
                database_bytes=_number(raw["database"]["bytes"]),
                database_sha256=_text(raw["database"]["sha256"]),
                keys=KeyFile.from_bytes(json.dumps(raw["keys"]).encode()),
                grants={_text(who): unb64(s) for who, s in raw["grants"].items()},
                mac=unb64(raw["mac"]),
            )
        except BackupFormatError:
            raise
        except (KeyFileError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise BackupFormatError("malformed") from exc


def _canonical(document: dict[str, Any]) -> bytes:
    return json.dumps(document, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise BackupFormatError("malformed")
    return value


def _number(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise BackupFormatError("malformed")
    return value


def _grant_info(header: BackupHeader, recipient: str) -> bytes:
    return context("caseterm/backup-grant/v1", header.store_id, header.backup_id, recipient)


def seal_backup_key(header: BackupHeader, backup_key: bytes, recipients: dict[str, bytes]) -> None:
    """Seal the backup key to each recipient (account id or "recovery" → public key)."""
    for recipient, public_key in recipients.items():
        header.grants[recipient] = seal_with_info(
            backup_key, public_key, _grant_info(header, recipient)
        )


def _mac_key(backup_key: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"caseterm/backup-header/v1"
    ).derive(backup_key)


def _mac(header: BackupHeader, backup_key: bytes) -> hmac.HMAC:
    mac = hmac.HMAC(_mac_key(backup_key), hashes.SHA256())
    mac.update(_canonical(header.body()))
    return mac


def with_mac(header: BackupHeader, backup_key: bytes) -> BackupHeader:
    """The header with its MAC under the backup key (made last, over the final body)."""
    return replace(header, mac=_mac(header, backup_key).finalize())


def check_mac(header: BackupHeader, backup_key: bytes) -> None:
    """Raise `DecryptionError` unless the header is exactly what the backup's maker wrote."""
    try:
        _mac(header, backup_key).verify(header.mac)
    except InvalidSignature as exc:
        raise DecryptionError from exc


def open_as_account(header: BackupHeader, name: str, passphrase: str, policy: KdfPolicy) -> bytes:
    """The backup key, opened with an account's passphrase as it was when the backup was made.

    Raises `KeyFileError` when the account has no grant in this backup (only administrators
    do), `SlotBelowFloor` for a slot weaker than the floor, `DecryptionError` otherwise.
    """
    entry = header.keys.account_named(name)
    if entry is None or entry.account_id not in header.grants:
        raise KeyFileError("no grant")
    if not entry.slot.kdf.at_least(policy.floor):
        raise SlotBelowFloor(entry.account_id)
    pair = unwrap_slot(
        entry.slot,
        passphrase,
        store_id=header.store_id,
        account_id=entry.account_id,
        account_name=entry.name,
    )
    key = open_with_info(
        header.grants[entry.account_id], pair.private_bytes, _grant_info(header, entry.account_id)
    )
    check_mac(header, key)
    return key


def open_as_recovery(header: BackupHeader, secret: bytes) -> bytes:
    """The backup key, opened with the offline recovery key's secret half."""
    sealed = header.grants.get(RECOVERY)
    if sealed is None:
        raise KeyFileError("no recovery grant")
    key = open_with_info(sealed, secret, _grant_info(header, RECOVERY))
    check_mac(header, key)
    return key
