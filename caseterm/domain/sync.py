"""What communes and the district exchange besides bundles: an address and acknowledgements.

Pure formats; the signing and checking of signatures is the services' (through `crypto`).

The district address is one line an administrator copies from the district to each commune:

    ctd1:<district code>:<age1… recipient>:<Ed25519 public key, hex>

The acknowledgement file is the canonical JSON of `Ack`, signed by the district:

    caseterm-ack/1
    <canonical JSON>
    signature <base64 of the Ed25519 signature over that JSON>
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from caseterm.domain import strict_json
from caseterm.domain.bundle import UNIT_CODE, BundleRejected, canonical

ACK_MAGIC = b"caseterm-ack/1\n"
MAX_ACK_BYTES = 8 * 1024
_ADDRESS = re.compile(r"^ctd1:([0-9A-Za-z._-]{1,16}):(age1[02-9ac-hj-np-z]{58}):([0-9a-f]{64})\Z")
_PERIOD = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])\Z")


@dataclass(frozen=True)
class DistrictAddress:
    """Where a commune sends its bundles, and whose signature its acknowledgements carry."""

    district_code: str
    recipient: str
    signing_public_key: bytes

    def text(self) -> str:
        """The one-line form an administrator copies."""
        return f"ctd1:{self.district_code}:{self.recipient}:{self.signing_public_key.hex()}"

    @classmethod
    def parse(cls, text: str) -> DistrictAddress:
        """Read the one-line form; `ValueError` if it is not exactly one."""
        found = _ADDRESS.match(text.strip())
        if found is None:
            raise ValueError(text)
        return cls(found[1], found[2], bytes.fromhex(found[3]))


def valid_period(period: str) -> bool:
    """True for a month written YYYY-MM."""
    return _PERIOD.match(period) is not None


def export_due(last_period: str | None, today: date) -> str | None:
    """Last month, when no bundle covers it yet (the "export due" banner)."""
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    last_month = f"{year:04d}-{month:02d}"
    return None if last_period is not None and last_period >= last_month else last_month


def bundle_file_name(unit_code: str, period: str, sequence: int) -> str:
    """A bundle's file name: only the commune's code, the month and the sequence (T34)."""
    return f"{unit_code}_{period}_{sequence:06d}.ctb"


def ack_file_name(unit_code: str, period: str, sequence: int) -> str:
    """The acknowledgement's file name, beside the bundle's."""
    return f"{unit_code}_{period}_{sequence:06d}.ack"


_Unit = Annotated[str, StringConstraints(pattern=UNIT_CODE)]
_Count = Annotated[int, Field(ge=0, lt=2**31)]


class RecordCounts(BaseModel):
    """How a bundle's records were received.

    exported = applied + already present + rejected, exactly.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    exported: _Count
    applied: _Count
    already_present: _Count
    rejected: _Count


class Ack(BaseModel):
    """The district's signed word that a commune's bundle is applied."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, strict=True, use_attribute_docstrings=True
    )

    format: Literal["caseterm-ack/1"]
    district_unit: _Unit
    district_key_id: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]
    """The first 16 hex digits of SHA-256 of the district's Ed25519 public key."""
    commune_unit: _Unit
    sequence: Annotated[int, Field(ge=1, lt=2**31)]
    period: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")]
    bundle_sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    """SHA-256 of the whole bundle file the acknowledgement is for."""
    outcome: Literal["applied", "already_applied"]
    records: RecordCounts
    imported_at: Annotated[
        str,
        StringConstraints(
            pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z$"
        ),
    ]


@dataclass(frozen=True)
class SignedAck:
    """An acknowledgement file's parts; check `signature` over `raw` before trusting `ack`."""

    ack: Ack
    raw: bytes
    signature: bytes


def ack_bytes(ack: Ack, signature: bytes) -> bytes:
    """The acknowledgement file."""
    raw = canonical(ack.model_dump())
    return b"%s%s\nsignature %s\n" % (ACK_MAGIC, raw, base64.b64encode(signature))


def ack_message(ack: Ack) -> bytes:
    """The bytes the district signs."""
    return canonical(ack.model_dump())


def parse_ack(data: bytes) -> SignedAck:
    """Read an acknowledgement file, refusing anything that is not exactly one."""
    if len(data) > MAX_ACK_BYTES:
        raise BundleRejected("ack_too_large", f"{len(data)} bytes")
    if not data.startswith(ACK_MAGIC):
        raise BundleRejected("not_an_ack")
    lines = data[len(ACK_MAGIC) :].split(b"\n")
    if len(lines) != 3 or lines[2] or not lines[1].startswith(b"signature "):
        raise BundleRejected("ack_header")
    raw = lines[0]
    try:
        signature = base64.b64decode(lines[1].removeprefix(b"signature "), validate=True)
        values = strict_json.loads(raw)
        ack = Ack.model_validate(values)
    except (binascii.Error, UnicodeDecodeError, ValueError, ValidationError):
        raise BundleRejected("ack_field") from None
    if len(signature) != 64 or ack_message(ack) != raw:  # one spelling only, as for manifests
        raise BundleRejected("ack_field")
    return SignedAck(ack, raw, signature)
