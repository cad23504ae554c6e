"""The sync bundle's manifest: what a commune sends the district, described before decryption.

The manifest is signed by the commune (Ed25519 over its canonical JSON) and travels in clear, so a
bundle can be routed and checked before anything is decrypted. The same fields, less the
ciphertext's hash, open the encrypted payload, so a payload cannot be re-wrapped for another
recipient. Every check here is a pure function of bytes: the files are hostile until proven not.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, fields
from typing import Any

FORMAT = "caseterm-bundle/1"
SCHEMA_VERSION = 1
MAX_MANIFEST_BYTES = 16 * 1024
"""A manifest is a few hundred bytes; anything longer is refused before it is parsed."""

_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_KEY_ID = re.compile(r"^[0-9a-f]{16}$")
_UNIT = re.compile(r"^[0-9A-Za-z._-]{1,16}$")
_PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")
_FIRST = "0" * 64
"""The previous-bundle hash of a commune's first bundle."""


class BundleRejected(Exception):
    """A bundle or manifest that must not be used; `code` says which check failed."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Manifest:
    """What a bundle is: who sent it to whom, which month, and the hashes that bind it."""

    format: str
    schema_version: int
    sender_unit: str
    sender_key_id: str
    recipient_key_id: str
    sequence: int
    period: str
    created_at: str
    previous_bundle_sha256: str
    payload_sha256: str
    """SHA-256 of the encrypted payload, checked before it is decrypted."""
    audit_head: str
    """The hash at the head of the commune's audit chain when the bundle was made."""

    def inner(self) -> dict[str, Any]:
        """The fields repeated inside the encrypted payload (all but the ciphertext's hash)."""
        values = asdict(self)
        del values["payload_sha256"]
        return values


def canonical(values: dict[str, Any]) -> bytes:
    """The one byte form that is signed and hashed: sorted keys, no spaces, UTF-8."""
    return json.dumps(values, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def manifest_bytes(manifest: Manifest) -> bytes:
    """The manifest as it is signed and stored."""
    return canonical(asdict(manifest))


def parse_manifest(raw: bytes) -> Manifest:
    """Read a manifest, refusing anything that is not exactly a valid one in canonical form."""
    if len(raw) > MAX_MANIFEST_BYTES:
        raise BundleRejected("manifest_too_large", f"{len(raw)} bytes")
    try:
        values = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise BundleRejected("manifest_not_json", str(error)) from None
    if not isinstance(values, dict):
        raise BundleRejected("manifest_not_object")
    names = {f.name for f in fields(Manifest)}
    if set(values) != names:
        raise BundleRejected("manifest_fields", ", ".join(sorted(set(values) ^ names)))
    manifest = Manifest(**values)
    _check(manifest)
    if canonical(values) != raw:
        raise BundleRejected("manifest_not_canonical")
    return manifest


def _check(m: Manifest) -> None:
    checks = [
        (m.format == FORMAT, "format"),
        (type(m.schema_version) is int and m.schema_version == SCHEMA_VERSION, "schema_version"),
        (_text(m.sender_unit, _UNIT), "sender_unit"),
        (_text(m.sender_key_id, _KEY_ID), "sender_key_id"),
        (_text(m.recipient_key_id, _KEY_ID), "recipient_key_id"),
        (type(m.sequence) is int and 1 <= m.sequence < 2**31, "sequence"),
        (_text(m.period, _PERIOD), "period"),
        (_text(m.created_at, _MOMENT), "created_at"),
        (_text(m.previous_bundle_sha256, _HEX64), "previous_bundle_sha256"),
        (_text(m.payload_sha256, _HEX64), "payload_sha256"),
        (_text(m.audit_head, _HEX64), "audit_head"),
        (m.sequence > 1 or m.previous_bundle_sha256 == _FIRST, "previous_bundle_sha256"),
    ]
    for ok, name in checks:
        if not ok:
            raise BundleRejected("manifest_field", name)


def _text(value: object, pattern: re.Pattern[str]) -> bool:
    return isinstance(value, str) and pattern.fullmatch(value) is not None


def first_previous_hash() -> str:
    """The previous-bundle hash a commune's first bundle carries."""
    return _FIRST
