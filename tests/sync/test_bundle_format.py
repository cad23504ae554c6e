"""The bundle file: age to the district, a signed manifest in clear, and a hostile reader.

First step of issue 5 (the format only; export, import and acknowledgements come next). The
fuzz tests here are the start of T11; T20's re-wrapping is covered for the format.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseterm.crypto.bundle import (
    DistrictKey,
    open_payload,
    read_header,
    recipient_key_id,
    seal,
)
from caseterm.crypto.signing import SigningKey
from caseterm.domain.bundle import (
    FORMAT,
    SCHEMA_VERSION,
    BundleRejected,
    Manifest,
    first_previous_hash,
    manifest_bytes,
    parse_manifest,
)
from caseterm.files import atomic_write_bytes

SIGNER = SigningKey.generate()
DISTRICT = DistrictKey.generate()
PAYLOAD = b'{"kind":"person","id":"1"}\n{"kind":"event","id":"2"}\n'


def _draft(**changes: object) -> Manifest:
    values: dict[str, object] = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "sender_unit": "26734",
        "sender_key_id": SIGNER.key_id,
        "recipient_unit": "HUYEN-01",
        "recipient_key_id": recipient_key_id(DISTRICT.recipient),
        "sequence": 1,
        "period": "2026-10",
        "created_at": "2026-11-01T02:00:00.000000Z",
        "previous_bundle_sha256": first_previous_hash(),
        "payload_sha256": "0" * 64,  # seal() puts the real hash here
        "audit_head": "ab" * 32,
    }
    values.update(changes)
    return Manifest.model_validate(values)


BUNDLE = seal(_draft(), PAYLOAD, DISTRICT.recipient, SIGNER)


def _open(data: bytes, *, signer: SigningKey = SIGNER, district: DistrictKey = DISTRICT) -> bytes:
    header = read_header(data)
    header.verify(signer.public_bytes)
    return open_payload(data, header, district.identity)


def _code(data: bytes, **kwargs: object) -> str:
    with pytest.raises(BundleRejected) as rejected:
        _open(data, **kwargs)  # type: ignore[arg-type]
    return rejected.value.code


def test_a_sealed_bundle_opens_for_its_district_and_names_everything_in_clear() -> None:
    assert _open(BUNDLE) == PAYLOAD
    manifest = read_header(BUNDLE).manifest
    assert (manifest.sender_unit, manifest.sequence, manifest.period) == ("26734", 1, "2026-10")
    assert b"person" not in BUNDLE  # the payload is not in clear


def test_another_signer_another_district_or_a_changed_byte_is_refused() -> None:
    assert _code(BUNDLE, signer=SigningKey.generate()) == "bad_signature"
    assert _code(BUNDLE, district=DistrictKey.generate()) == "cannot_decrypt"
    flipped = bytearray(BUNDLE)
    flipped[-10] ^= 1
    assert _code(bytes(flipped)) == "payload_hash"


def test_a_payload_rewrapped_for_another_district_is_refused() -> None:
    """T20: the district of one sender cannot pass its bundle on as if sent to another."""
    other = DistrictKey.generate()
    # The attacker re-encrypts the plaintext for `other` and keeps the commune's signed header.
    rewrapped = seal(_draft(), PAYLOAD, other.recipient, SigningKey.generate())
    header = BUNDLE[: read_header(BUNDLE).payload_offset]
    forged = header + rewrapped[read_header(rewrapped).payload_offset :]
    assert _code(forged, district=other) == "payload_hash"
    # Signed again by a key the district does not know: the signature check fails first.
    assert _code(rewrapped, district=other) == "bad_signature"


def test_a_manifest_must_be_exactly_canonical_and_valid() -> None:
    raw = read_header(BUNDLE).manifest_raw
    assert parse_manifest(raw) == read_header(BUNDLE).manifest
    schema_file = Path(__file__).parents[2] / "schema" / "bundle-manifest.v1.schema.json"
    jsonschema.validate(json.loads(raw), json.loads(schema_file.read_text("utf-8")))
    cases = {
        raw.replace(b",", b", ", 1): "manifest_not_canonical",
        raw.replace(b'"sequence":1', b'"sequence":true'): "manifest_field",
        raw.replace(b'"period":"2026-10"', b'"period":"2026-13"'): "manifest_field",
        raw[:-1] + b',"extra":1}': "manifest_field",
        b"[]": "manifest_not_object",
        b"\xff": "manifest_not_json",
        b" " * 20_000: "manifest_too_large",
    }
    for bad, code in cases.items():
        with pytest.raises(BundleRejected) as rejected:
            parse_manifest(bad)
        assert rejected.value.code == code, bad[:60]
    second = manifest_bytes(read_header(BUNDLE).manifest.model_copy(update={"sequence": 2}))
    assert parse_manifest(second).sequence == 2
    first = read_header(BUNDLE).manifest
    with pytest.raises(BundleRejected) as rejected:  # a first bundle has no predecessor
        parse_manifest(
            manifest_bytes(first.model_copy(update={"previous_bundle_sha256": "ab" * 32}))
        )
    assert rejected.value.detail == "previous_bundle_sha256"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_damage_to_a_bundle_is_refused_with_a_reason(data: st.DataObject) -> None:
    """T11 (format part): truncated, bit-flipped or spliced files never open, never crash."""
    damage = data.draw(st.sampled_from(["truncate", "flip", "insert"]))
    at = data.draw(st.integers(0, len(BUNDLE) - 1))
    if damage == "truncate":
        damaged = BUNDLE[:at]
    elif damage == "flip":
        bit = data.draw(st.integers(0, 7))
        damaged = BUNDLE[:at] + bytes([BUNDLE[at] ^ (1 << bit)]) + BUNDLE[at + 1 :]
    else:
        damaged = BUNDLE[:at] + data.draw(st.binary(min_size=1, max_size=8)) + BUNDLE[at:]
    with pytest.raises(BundleRejected):
        _open(damaged)


@settings(max_examples=200, deadline=None)
@given(garbage=st.binary(max_size=400))
def test_random_bytes_are_not_a_bundle(garbage: bytes) -> None:
    with pytest.raises(BundleRejected):
        _open(garbage)
    with pytest.raises(BundleRejected):
        _open(b"caseterm-bundle/1\n" + garbage)


def test_a_bundle_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "26734-000001.ctb"
    atomic_write_bytes(target, BUNDLE)
    assert target.read_bytes() == BUNDLE
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no partial file left behind


def test_a_manifest_with_another_spelling_of_a_value_is_refused() -> None:
    """`true` equals 1 in Python and passes a Literal[1] check: found by T11, refused here."""
    raw = manifest_bytes(_draft())
    respelled = raw.replace(b'"schema_version":1', b'"schema_version":true')
    assert respelled != raw
    with pytest.raises(BundleRejected) as rejected:
        parse_manifest(respelled)
    assert rejected.value.code in {"manifest_not_canonical", "manifest_field"}
