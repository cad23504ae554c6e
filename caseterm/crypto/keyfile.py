"""The key file (`<store>.keys`): accounts' wrapped keys and the data key's grants, as JSON.

It holds no secret in clear. Tampering with it can only deny access (a slot or grant stops
opening), never grant it: roles live inside the encrypted store, and every recipient of the
data key carries a tag under the data key (`keyfile_auth`), checked before anything is sealed
to it. It is always replaced atomically.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from caseterm.crypto import KeyFileError
from caseterm.crypto.encoding import b64, unb64
from caseterm.crypto.kdf import KdfParams
from caseterm.crypto.slots import Slot
from caseterm.domain import strict_json
from caseterm.files import atomic_write_bytes

FORMAT = "caseterm-keyfile/1"
RECOVERY = "recovery"
"""The grant recipient name of the offline recovery key."""


@dataclass
class AccountEntry:
    """One account's public key and wrapped private key."""

    account_id: str
    name: str
    public_key: bytes
    slot: Slot
    created_at: str


@dataclass
class DataKeyVersion:
    """One version of the data key: the store file's salt identifies which key opens it."""

    version: int
    file_salt: str | None
    created_at: str


@dataclass
class KeyFile:
    """Everything in the key file."""

    store_id: str
    cipher: dict[str, str]
    current: int
    versions: dict[int, DataKeyVersion]
    accounts: dict[str, AccountEntry] = field(default_factory=dict)
    grants: dict[int, dict[str, bytes]] = field(default_factory=dict)
    pending: int | None = None
    recovery_public_key: bytes | None = None
    failures: dict[str, tuple[int, str]] = field(default_factory=dict)
    """Account id → (consecutive failed unlocks, when the last was): kept across restarts."""
    failed_at: dict[str, list[str]] = field(default_factory=dict)
    """Account id → when each of those failures was, until the next unlock audits them."""
    auth: dict[int, dict[str, bytes]] = field(default_factory=dict)
    """Data-key version → field → HMAC tag of a recipient or the version (`keyfile_auth`)."""

    def count_failure(self, account_id: str, at: str, *, keep: int = 100) -> int:
        """Record a failed unlock at `at`; return the consecutive count."""
        count = self.failures.get(account_id, (0, ""))[0] + 1
        self.failures[account_id] = (count, at)
        self.failed_at[account_id] = [*self.failed_at.get(account_id, []), at][-keep:]
        return count

    def failed_unlocks(self, account_id: str) -> list[str]:
        """When each of an account's consecutive failures was (for the audit log)."""
        count = self.failures.get(account_id, (0, ""))[0]
        times = self.failed_at.get(account_id, [])
        # Failures counted before their times were kept (or beyond the kept 100) still count.
        return ["?"] * (count - len(times)) + times if count > len(times) else times

    def clear_failures(self, account_id: str) -> list[str]:
        """Forget an account's failures; return when each was."""
        times = self.failed_unlocks(account_id)
        self.failures.pop(account_id, None)
        self.failed_at.pop(account_id, None)
        return times

    def account_named(self, name: str) -> AccountEntry | None:
        """Return the account entry with this name, if any."""
        return next((a for a in self.accounts.values() if a.name == name), None)

    def to_bytes(self) -> bytes:
        """Serialise to canonical JSON."""
        return json.dumps(_dump(self), indent=1, sort_keys=True).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyFile:
        """Parse and check the structure; raise `KeyFileError` on anything unexpected."""
        try:
            raw = strict_json.loads(data)
            if not isinstance(raw, dict) or raw.get("format") != FORMAT:
                raise KeyFileError("format")
            _validate(raw)
            return _load(raw)
        except KeyFileError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise KeyFileError("malformed") from exc

    def save(self, path: Path) -> None:
        """Write atomically (temp file, fsync, replace, fsync directory)."""
        atomic_write_bytes(path, self.to_bytes())

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        """Read the key file at `path`."""
        try:
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise KeyFileError("missing") from exc
        return cls.from_bytes(data)


def _validate(raw: dict[str, Any]) -> None:
    """Check the whole document against its schema (pydantic is loaded only here: it is slow)."""
    from pydantic import ValidationError

    from caseterm.crypto.keyfile_schema import KeyFileDocument

    try:
        KeyFileDocument.model_validate(raw)
    except ValidationError as exc:
        raise KeyFileError("malformed") from exc


def _dump_slot(slot: Slot) -> dict[str, Any]:
    kdf = slot.kdf
    expiry = {"expires": slot.expires} if slot.expires else {}
    return {
        **expiry,
        "kdf": {
            "alg": "argon2id",
            "m_kib": kdf.memory_kib,
            "t": kdf.iterations,
            "p": kdf.lanes,
            "salt": b64(kdf.salt),
        },
        "nonce": b64(slot.nonce),
        "ciphertext": b64(slot.ciphertext),
    }


def _load_slot(raw: dict[str, Any]) -> Slot:
    kdf = raw["kdf"]
    if kdf["alg"] != "argon2id":
        raise KeyFileError("kdf")
    params = KdfParams(int(kdf["m_kib"]), int(kdf["t"]), int(kdf["p"]), unb64(kdf["salt"]))
    expires = raw.get("expires")
    return Slot(params, unb64(raw["nonce"]), unb64(raw["ciphertext"]), expires)


def _dump(keys: KeyFile) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "store_id": keys.store_id,
        "cipher": keys.cipher,
        "data_key": {
            "current": keys.current,
            "pending": keys.pending,
            "versions": {
                str(v.version): {"file_salt": v.file_salt, "created_at": v.created_at}
                for v in keys.versions.values()
            },
        },
        "accounts": {
            a.account_id: {
                "name": a.name,
                "public_key": b64(a.public_key),
                "slot": _dump_slot(a.slot),
                "created_at": a.created_at,
            }
            for a in keys.accounts.values()
        },
        "grants": {
            str(version): {who: b64(sealed) for who, sealed in grants.items()}
            for version, grants in keys.grants.items()
        },
        "recovery": {"public_key": b64(keys.recovery_public_key)}
        if keys.recovery_public_key
        else None,
        "failures": {
            who: {"count": count, "last": last, "times": keys.failed_at.get(who, [])}
            for who, (count, last) in keys.failures.items()
        },
        "auth": {
            str(version): {name: b64(tag) for name, tag in tags.items()}
            for version, tags in keys.auth.items()
        },
    }


def _load(raw: dict[str, Any]) -> KeyFile:
    data_key = raw["data_key"]
    versions = {
        int(v): DataKeyVersion(int(v), info["file_salt"], str(info["created_at"]))
        for v, info in data_key["versions"].items()
    }
    accounts = {
        account_id: AccountEntry(
            account_id,
            str(a["name"]),
            unb64(a["public_key"]),
            _load_slot(a["slot"]),
            str(a["created_at"]),
        )
        for account_id, a in raw["accounts"].items()
    }
    grants = {int(v): {who: unb64(s) for who, s in g.items()} for v, g in raw["grants"].items()}
    recovery = raw.get("recovery")
    pending = data_key.get("pending")
    return KeyFile(
        store_id=str(raw["store_id"]),
        cipher={str(k): str(v) for k, v in raw["cipher"].items()},
        current=int(data_key["current"]),
        versions=versions,
        accounts=accounts,
        grants=grants,
        pending=int(pending) if pending is not None else None,
        recovery_public_key=unb64(recovery["public_key"]) if recovery else None,
        failures={
            who: (int(f["count"]), str(f["last"])) for who, f in raw.get("failures", {}).items()
        },
        failed_at={
            who: [str(t) for t in f.get("times", [])] for who, f in raw.get("failures", {}).items()
        },
        auth={
            int(v): {str(name): unb64(tag) for name, tag in tags.items()}
            for v, tags in raw.get("auth", {}).items()
        },
    )
