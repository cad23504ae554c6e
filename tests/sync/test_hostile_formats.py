"""Parsers never crash, and formats are as strict as the project's own JSON schemas.

Reproduces the hostile run's inputs: deep nesting with no key (a manifest, an acknowledgement)
and with the commune's key (a record), digits from other scripts in periods and moments,
integers past any field's range, ids that are paths. Each is refused with a code, the refusal is
audited, the district is unchanged, and a batch goes on with the next file. The schemas in
`schema/` and the validators give the same verdict on the same values.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.crypto.signing import SigningKey
from caseterm.domain.bundle import BundleRejected, Manifest, canonical
from caseterm.domain.sync import parse_ack
from caseterm.errors import EXIT_REFUSED, BundleRefused
from caseterm.services.sync.bundle_records import LINE, person_bytes
from caseterm.services.sync.commune import import_ack
from tests.conftest import ADMIN_PASSPHRASE
from tests.programs import clerk
from tests.sync.world import World, commune_signer, forge, one_commune

SCHEMAS = Path(__file__).resolve().parents[2] / "schema"
ARABIC_2026 = "\u0662\u0660\u0662\u0666"  # ٢٠٢٦
FULLWIDTH_2026 = "\uff12\uff10\uff12\uff16"  # ２０２６


@pytest.fixture
def world(tmp_path: Path, policy: KdfPolicy, clock: FrozenClock) -> World:
    return one_commune(tmp_path, policy, clock)


def _write(world: World, data: bytes, name: str = "hostile.ctb") -> Path:
    path = world.root / name
    path.write_bytes(data)
    return path


def _refused(world: World, data: bytes) -> str:
    """The code a hostile bundle is refused with; the district's data unchanged, refusal audited."""
    before = world.digest()
    with pytest.raises(BundleRefused) as refused:
        world.import_(_write(world, data))
    assert world.digest() == before
    with world.open(world.district) as session, session.transaction() as tx:
        entry = tx.audit.last_of("bundle.refuse")
    assert entry is not None and entry.details.get("code") == refused.value.code, entry
    return refused.value.code


def _signed_manifest(raw: bytes, signer: SigningKey, rest: bytes = b"") -> bytes:
    """Any manifest bytes, signed by the commune's real key."""
    signature = base64.b64encode(signer.sign(raw))
    return (
        b"caseterm-bundle/1\nmanifest %d\n%s\nsignature %s\n\n"
        % (
            len(raw),
            raw,
            signature,
        )
        + rest
    )


def _person_lines(world: World) -> list[dict[str, object]]:
    with world.open(world.communes["26734"]) as session, session.transaction() as tx:
        return [json.loads(person_bytes(row)) for row in tx.sync.unsent_person_rows()]


def _payload(lines: list[dict[str, object]]) -> bytes:
    return b"".join(json.dumps(line, ensure_ascii=False).encode() + b"\n" for line in lines)


# --- item 4: parsers never crash ---------------------------------------------------------------


def test_a_manifest_of_8000_brackets_is_refused_and_a_batch_goes_on(
    world: World, cli_env: dict[str, str], tmp_path: Path
) -> None:
    nested = b"[" * 8000 + b"]" * 8000
    hostile = b"caseterm-bundle/1\nmanifest %d\n%s\nsignature AAAA\n\n" % (len(nested), nested)
    assert _refused(world, hostile) == "manifest_not_json"
    # Through the installed program: the hostile file first, a valid bundle after it.
    good = world.export("26734", "2026-10")
    secret = tmp_path / "secret"
    secret.write_text(ADMIN_PASSPHRASE + "\n", "utf-8")
    run = clerk(cli_env, secret)
    bad = _write(world, hostile, "first.ctb")
    done = run(
        "caseterm-admin", "district", "import", str(bad), str(good), "--json",
        store=world.district, expect=EXIT_REFUSED,
    )  # fmt: skip
    rows = json.loads(done.stdout)
    assert [row.get("error") or row["outcome"] for row in rows] == ["manifest_not_json", "applied"]


def test_an_acknowledgement_of_brackets_is_refused_with_a_code(world: World) -> None:
    signature = base64.b64encode(bytes(64))
    hostile = b"caseterm-ack/1\n" + b"[" * 7000 + b"\nsignature " + signature + b"\n"
    assert len(hostile) <= 8 * 1024  # under the size bound: the parser itself must refuse it
    with pytest.raises(BundleRejected):
        parse_ack(hostile)
    path = _write(world, hostile, "hostile.ack")
    with world.open(world.communes["26734"]) as session, pytest.raises(BundleRefused):
        import_ack(session, path)


@pytest.mark.parametrize(
    "change",
    ["deep", "version_2_63", "created_at_arabic", "id_path", "id_empty", "rehab_10_30"],
)
def test_a_signed_record_out_of_format_is_refused_with_its_line(world: World, change: str) -> None:
    [line] = _person_lines(world)
    if change == "deep":
        line["record"] = json.loads("[" * 40 + "]" * 40)  # past the bound, well within bytes
    elif change == "version_2_63":
        line["version"] = 2**63
    elif change == "created_at_arabic":
        line["created_at"] = ARABIC_2026 + str(line["created_at"])[4:]
    elif change == "id_path":
        line["id"] = "../../../../tmp/x"
    elif change == "id_empty":
        line["id"] = ""
    else:
        record = line["record"]
        assert isinstance(record, dict)
        record["profile"]["previous_voluntary_rehab"] = 10**30
    payload = _payload([line])
    if change == "deep":  # 50,000 levels, as the hostile run sent
        payload = payload.replace(b'"record": [[', b'"record": ' + b"[" * 50_000, 1)
        payload = payload.replace(b"]]}", b"]" * 50_000 + b"}", 1)
    signer = commune_signer(world, "26734")
    assert _refused(world, forge(world, "26734", payload, signer=signer)) == "record"


# --- item 5: strict formats --------------------------------------------------------------------


@pytest.mark.parametrize("year", [ARABIC_2026, FULLWIDTH_2026])
def test_a_period_or_moment_in_other_digits_is_refused(world: World, year: str) -> None:
    valid = json.loads(_valid_manifest(world))
    signer = commune_signer(world, "26734")
    for field, value in (
        ("period", f"{year}-11"),
        ("created_at", year + valid["created_at"][4:]),
    ):
        raw = canonical({**valid, field: value})
        assert _refused(world, _signed_manifest(raw, signer)) == "manifest_field"


def _valid_manifest(world: World) -> bytes:
    data = world.export("26734", "2026-10").read_bytes()
    start = data.index(b"\n", data.index(b"manifest ")) + 1
    return data[start : data.index(b"\nsignature ")]


def _values() -> Iterator[tuple[str, dict[str, object], bool]]:
    """(schema file, values, expected verdict) for the manifest and record schemas."""
    manifest = {
        "format": "caseterm-bundle/1", "schema_version": 1, "sender_unit": "26734",
        "sender_key_id": "0" * 16, "recipient_unit": "HUYEN-01", "recipient_key_id": "1" * 16,
        "sequence": 2, "period": "2026-10", "created_at": "2026-11-02T01:30:00.000000Z",
        "previous_bundle_sha256": "a" * 64, "payload_sha256": "b" * 64, "audit_head": "c" * 64,
    }  # fmt: skip
    yield "bundle-manifest.v1.schema.json", manifest, True
    for field, value in (
        ("period", f"{ARABIC_2026}-10"),
        ("period", f"{FULLWIDTH_2026}-10"),
        ("period", "2026-13"),
        ("created_at", ARABIC_2026 + "-11-02T01:30:00.000000Z"),
        ("sequence", 2**31),
        ("sequence", 0),
        ("sender_key_id", "../../etc"),
    ):
        yield "bundle-manifest.v1.schema.json", {**manifest, field: value}, False


def test_the_schemas_and_the_validators_agree(world: World) -> None:
    cases = list(_values())
    [person] = _person_lines(world)
    cases.append(("bundle-record.v1.schema.json", person, True))
    for field, value in (("id", "../../../../tmp/x"), ("id", ""), ("version", 2**40)):
        cases.append(("bundle-record.v1.schema.json", {**person, field: value}, False))
    for schema_file, values, expected in cases:
        schema = json.loads((SCHEMAS / schema_file).read_text("utf-8"))
        by_schema = jsonschema.Draft202012Validator(schema).is_valid(values)
        by_code = _validator_accepts(schema_file, values)
        assert (by_schema, by_code) == (expected, expected), (schema_file, values)


def _validator_accepts(schema_file: str, values: dict[str, object]) -> bool:
    from pydantic import ValidationError

    try:
        if schema_file.startswith("bundle-manifest"):
            Manifest.model_validate(values)
        else:
            LINE.validate_python(values)
    except ValidationError:
        return False
    return True
