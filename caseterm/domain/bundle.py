"""The sync bundle's manifest: what a commune sends the district, described before decryption.

The manifest is signed by the commune (Ed25519 over its canonical JSON) and travels in clear, so a
bundle can be routed and checked before anything is decrypted. The same fields, less the
ciphertext's hash, open the encrypted payload, so a payload cannot be re-wrapped for another
recipient. Every check here is a pure function of bytes: the files are hostile until proven not.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from caseterm.domain import strict_json

FORMAT: Final = "caseterm-bundle/1"
SCHEMA_VERSION: Final = 1
MAX_MANIFEST_BYTES = 16 * 1024
"""A manifest is a few hundred bytes; anything longer is refused before it is parsed."""

_FIRST = "0" * 64
"""The previous-bundle hash of a commune's first bundle."""


class BundleRejected(Exception):
    """A bundle or manifest that must not be used; `code` says which check failed."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


_Hex64 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
RECORD_ID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
"""A person's, event's or account's id: a UUID in lowercase hex (caseterm writes UUIDv7)."""
_KeyId = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]
UNIT_CODE = r"^[0-9A-Za-z._-]{1,16}$"
_Unit = Annotated[str, StringConstraints(pattern=UNIT_CODE)]


class Manifest(BaseModel):
    """What a bundle is: who sent it to whom, which month, and the hashes that bind it."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, strict=True, use_attribute_docstrings=True
    )

    format: Literal["caseterm-bundle/1"]
    schema_version: Literal[1]
    sender_unit: _Unit
    sender_key_id: _KeyId
    """The first 16 hex digits of SHA-256 of the commune's Ed25519 public key."""
    recipient_unit: _Unit
    """The district the bundle is for."""
    recipient_key_id: _KeyId
    """The first 16 hex digits of SHA-256 of the district's age recipient (age1…)."""
    sequence: Annotated[int, Field(ge=1, lt=2**31)]
    """1, 2, 3… per commune, with no gaps."""
    period: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")]
    """The month the bundle closes (YYYY-MM)."""
    created_at: Annotated[
        str,
        StringConstraints(
            pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z$"
        ),
    ]
    previous_bundle_sha256: _Hex64
    """SHA-256 of the commune's previous bundle file; 64 zeros for the first."""
    payload_sha256: _Hex64
    """SHA-256 of the encrypted payload, checked before it is decrypted."""
    audit_head: _Hex64
    """The hash at the head of the commune's audit chain when the bundle was made."""
    term_ends_moved: Literal[True] | None = None
    """True when the commune applies Civil Code Art 148(5) to its persons' terms (legal spec §9,
    decision 2), so that the district derives them as the commune does. Absent when off: a
    manifest of a commune that never set it is byte for byte what it was before the setting."""

    def inner(self) -> dict[str, Any]:
        """The fields repeated inside the encrypted payload (all but the ciphertext's hash)."""
        return self.model_dump(exclude={"payload_sha256"}, exclude_none=True)


def canonical(values: dict[str, Any]) -> bytes:
    """The one byte form that is signed and hashed: sorted keys, no spaces, UTF-8."""
    return json.dumps(values, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def manifest_bytes(manifest: Manifest) -> bytes:
    """The manifest as it is signed and stored."""
    return canonical(manifest.model_dump(exclude_none=True))


def parse_manifest(raw: bytes) -> Manifest:
    """Read a manifest, refusing anything that is not exactly a valid one in canonical form."""
    if len(raw) > MAX_MANIFEST_BYTES:
        raise BundleRejected("manifest_too_large", f"{len(raw)} bytes")
    try:
        values = strict_json.loads(raw)
    except (UnicodeDecodeError, ValueError) as error:
        raise BundleRejected("manifest_not_json", str(error)) from None
    if not isinstance(values, dict):
        raise BundleRejected("manifest_not_object")
    try:
        manifest = Manifest.model_validate(values)
    except ValidationError as error:
        names = sorted({str(e["loc"][0]) for e in error.errors() if e["loc"]})
        raise BundleRejected("manifest_field", ", ".join(names)) from None
    if manifest.sequence == 1 and manifest.previous_bundle_sha256 != _FIRST:
        raise BundleRejected("manifest_field", "previous_bundle_sha256")
    # The bytes must be exactly what this manifest serialises to: not only sorted and compact,
    # but with no other spelling of a value (`true` passes a Literal[1] check, being equal to 1).
    # Two spellings of one manifest would be two bundle hashes for one bundle.
    if manifest_bytes(manifest) != raw:
        raise BundleRejected("manifest_not_canonical")
    return manifest


def first_previous_hash() -> str:
    """The previous-bundle hash a commune's first bundle carries."""
    return _FIRST


KEY_CHANGE_FORMAT: Final = "caseterm-key-change/1"


class KeyChange(BaseModel):
    """A commune's statement that its new signing key replaces the old one.

    Signed by the old key and carried in the clear header of every bundle the new key signs, so
    the district, which trusts the old key, takes the new one without a new enrolment.
    """

    model_config = ConfigDict(
        extra="forbid", frozen=True, strict=True, use_attribute_docstrings=True
    )

    format: Literal["caseterm-key-change/1"]
    unit: _Unit
    old_key_id: _KeyId
    new_key_id: _KeyId
    new_public_key: _Hex64
    """The new Ed25519 public key (raw, hex)."""
    created_at: Annotated[
        str,
        StringConstraints(
            pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z$"
        ),
    ]


def key_change_bytes(statement: KeyChange) -> bytes:
    """The statement as it is signed and carried."""
    return canonical(statement.model_dump())


def parse_key_change(raw: bytes) -> KeyChange:
    """Read a key-change statement, refusing anything but one valid statement in canonical form."""
    if len(raw) > MAX_MANIFEST_BYTES:
        raise BundleRejected("key_change", "too large")
    try:
        values = strict_json.loads(raw)
        statement = KeyChange.model_validate(values)
    except (UnicodeDecodeError, ValueError, ValidationError):
        raise BundleRejected("key_change", "not a statement") from None
    if key_change_bytes(statement) != raw:
        raise BundleRejected("key_change", "not canonical")
    return statement
