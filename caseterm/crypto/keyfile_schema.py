"""The JSON Schema model of the key file (format caseterm-keyfile/1).

Kept apart from `keyfile.py` because pydantic is slow to import: only a full load of the key
file (unlocking, changing it) and `scripts/write_schema.py` need it.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

_B64 = r"^[A-Za-z0-9+/]*={0,2}$"


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _KdfDoc(_Doc):
    alg: str = Field(pattern="^argon2id$")
    m_kib: int = Field(ge=8, description="Argon2id memory in KiB")
    t: int = Field(ge=1, description="Argon2id passes")
    p: int = Field(ge=1, le=255, description="Argon2id lanes")
    salt: str = Field(pattern=_B64)


class _SlotDoc(_Doc):
    kdf: _KdfDoc
    nonce: str = Field(pattern=_B64)
    ciphertext: str = Field(pattern=_B64, description="AES-256-GCM of the account's X25519 key")
    expires: str | None = Field(
        default=None,
        description="Only for a slot under a one-time reset code: usable until then (UTC); "
        "bound into the AAD",
    )


class _AccountDoc(_Doc):
    name: str
    public_key: str = Field(pattern=_B64, description="X25519 public key (raw, base64)")
    slot: _SlotDoc
    created_at: str


class _VersionDoc(_Doc):
    file_salt: str | None = Field(
        pattern="^[0-9a-f]{32}$", description="First 16 bytes of the store"
    )
    created_at: str


class _DataKeyDoc(_Doc):
    current: int = Field(ge=1)
    pending: int | None
    versions: dict[str, _VersionDoc]


class _RecoveryDoc(_Doc):
    public_key: str = Field(pattern=_B64)


class _FailuresDoc(_Doc):
    count: int = Field(ge=1, description="Consecutive failed unlocks")
    last: str = Field(description="When the last one was (UTC)")
    times: list[str] = Field(
        default_factory=list,
        max_length=100,
        description="When each failure was (UTC), until the next unlock audits them",
    )


class KeyFileDocument(_Doc):
    """The key file `<store>.keys` (format caseterm-keyfile/1). It holds no secret in clear."""

    format: str = Field(pattern="^caseterm-keyfile/1$")
    store_id: str
    cipher: dict[str, str] = Field(description="The SQLCipher settings pinned at creation")
    data_key: _DataKeyDoc
    accounts: dict[str, _AccountDoc] = Field(description="Account id → public key and slot")
    grants: dict[str, dict[str, str]] = Field(
        description="Data-key version → recipient (account id or 'recovery') → HPKE ciphertext"
    )
    recovery: _RecoveryDoc | None
    failures: dict[str, _FailuresDoc] = Field(
        default_factory=dict,
        description="Account id → consecutive failed unlocks (cleared by a successful one)",
    )
    auth: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="Data-key version → 'account:<id>', 'recovery' or 'version' → HMAC-SHA256 "
        "tag (base64) under a key derived from that version's data key",
    )
