"""Signing-key rotation: the old key introduces the new one in the next bundles' clear header; the
district trusts it without a new enrolment, and refuses every statement it should not believe."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.bundle import read_header
from caseterm.crypto.kdf import KdfPolicy
from caseterm.crypto.signing import SigningKey
from caseterm.domain.bundle import KEY_CHANGE_FORMAT, KeyChange, key_change_bytes, manifest_bytes
from caseterm.errors import BundleRefused, PermissionDenied, RefusedError
from caseterm.services.keys.signing_rotation import rotate_signing_key
from caseterm.services.sync.commune import import_ack, sync_status
from caseterm.services.sync.district import district_status, revoke_commune_key
from tests.sync.world import World, commune_signer, forge

DAY = 24 * 3600
CODE = "26734"


@pytest.fixture
def world(tmp_path: Path, policy: KdfPolicy, clock: FrozenClock) -> World:
    made = World(tmp_path, policy, clock)
    made.add_commune(CODE)
    made.add_person(CODE)
    return made


def _month(world: World, period: str) -> Path:
    """Export, import at the district and read the acknowledgement back; the bundle's path."""
    bundle = world.export(CODE, period)
    [result] = world.import_(bundle)
    assert result.ack_path is not None
    with world.open(world.communes[CODE]) as session:
        import_ack(session, result.ack_path)
    return bundle


def _rotate(world: World) -> tuple[str, str]:
    with world.open(world.communes[CODE]) as session:
        done = rotate_signing_key(session)
    return done.old_key_id, done.new_key_id


def test_the_district_trusts_the_new_key_through_the_old_keys_statement(world: World) -> None:
    first = _month(world, "2026-10")
    old_id, new_id = _rotate(world)
    assert read_header(first.read_bytes()).key_change is None
    world.clock.advance(31 * DAY)
    world.add_person(CODE, "Lê Văn Cường")
    bundle = world.export(CODE, "2026-11")
    header = read_header(bundle.read_bytes())
    assert header.manifest.sender_key_id == new_id
    assert header.key_change is not None and header.key_change.old_key_id == old_id
    [result] = world.import_(bundle)
    assert result.outcome == "applied"
    with world.open(world.district) as session, session.transaction() as tx:
        key = tx.district.commune_key(new_id)
        assert key is not None and key.revoked_at is None
        assert tx.audit.last_of("district.key_change") is not None
    assert result.ack_path is not None
    with world.open(world.communes[CODE]) as session:
        import_ack(session, result.ack_path)
        assert sync_status(session).signing_key_id == new_id
    # Confirmed: the key may be rotated again, and the chain goes on.
    _rotate(world)
    world.clock.advance(31 * DAY)
    assert _month(world, "2026-12").exists()


def test_a_second_rotation_waits_for_the_district_to_know_the_first(world: World) -> None:
    _month(world, "2026-10")
    _rotate(world)
    with pytest.raises(RefusedError, match="does not know the current signing key"):
        _rotate(world)


def test_only_an_administrator_rotates_the_signing_key(
    world: World, policy: KdfPolicy, clock: FrozenClock
) -> None:
    from caseterm.domain.codes import Role
    from caseterm.services.accounts.manage import add_account
    from caseterm.services.keys.opening import open_session
    from tests.conftest import OFFICER, OFFICER_PASSPHRASE

    with world.open(world.communes[CODE]) as session:
        add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    officer = open_session(
        world.communes[CODE], OFFICER, OFFICER_PASSPHRASE, policy=policy, clock=clock
    )
    try:
        with pytest.raises(PermissionDenied):
            rotate_signing_key(officer)
    finally:
        officer.close()


def _statement(old: SigningKey, new: SigningKey, world: World, **change: str) -> bytes:
    values = {
        "format": KEY_CHANGE_FORMAT,
        "unit": CODE,
        "old_key_id": old.key_id,
        "new_key_id": new.key_id,
        "new_public_key": new.public_bytes.hex(),
        "created_at": "2026-11-02T01:30:00.000000Z",
    }
    values.update(change)
    return key_change_bytes(KeyChange.model_validate(values))


def _refused(world: World, data: bytes) -> str:
    path = world.root / "forged.ctb"
    path.write_bytes(data)
    before = world.digest()
    with pytest.raises(BundleRefused) as refused:
        world.import_(path)
    assert world.digest() == before  # and the new key was not kept
    return refused.value.code


def test_statements_the_district_must_not_believe(world: World) -> None:
    old = commune_signer(world, CODE)
    new, stranger = SigningKey.generate(), SigningKey.generate()
    good = _statement(old, new, world)

    def bundle(statement: bytes, signature: bytes, signer: SigningKey = new) -> bytes:
        return forge(world, CODE, b"", signer=signer, key_change=(statement, signature))

    # Signed by a key the district never trusted.
    assert _refused(world, bundle(good, stranger.sign(good))) == "key_change"
    # A statement about another key than the one signing the bundle.
    other = _statement(old, stranger, world)
    with pytest.raises(Exception, match="key_change"):
        bundle(other, old.sign(other))
    # Naming an old key the district does not know, or another unit.
    unknown = _statement(stranger, new, world)
    assert _refused(world, bundle(unknown, stranger.sign(unknown))) == "untrusted_key"
    elsewhere = _statement(old, new, world, unit="99999")
    assert _refused(world, bundle(elsewhere, old.sign(elsewhere))) == "key_change"
    # A good statement, but the bundle is not signed by the new key it introduces.
    forged = bytearray(bundle(good, old.sign(good)))
    forged[forged.index(b"signature ") + 12] ^= 0x01
    assert _refused(world, bytes(forged)) in {"bad_signature", "header"}
    # Once the district revoked the old key (a stolen laptop), its statements count for nothing.
    with world.open(world.district) as session:
        revoke_commune_key(session, old.key_id)
    assert _refused(world, bundle(good, old.sign(good))) == "untrusted_key"


def _signed_by(data: bytes, signer: SigningKey) -> bytes:
    """A real bundle with its manifest re-signed by `signer` (and naming it as the sender)."""
    header = read_header(data)
    manifest = header.manifest.model_copy(update={"sender_key_id": signer.key_id})
    raw = manifest_bytes(manifest)
    top = b"caseterm-bundle/1\nmanifest %d\n%s\nsignature %s\n\n" % (
        len(raw),
        raw,
        base64.b64encode(signer.sign(raw)),
    )
    return top + data[header.payload_offset :]


def _after_a_key_change(world: World) -> SigningKey:
    """Bundle 1 signed by the old key, then a rotation the district accepted with bundle 2;
    returns the old key, as a thief of the old laptop would hold it."""
    _month(world, "2026-10")
    old = commune_signer(world, CODE)
    _rotate(world)
    world.clock.advance(31 * DAY)
    _month(world, "2026-11")
    world.clock.advance(31 * DAY)
    return old


def test_a_replaced_key_signs_nothing_from_the_change_on(world: World) -> None:
    old = _after_a_key_change(world)
    world.add_person(CODE, "Người Bịa Đặt", id_number="001090999999")  # the made-up person
    real = world.export(CODE, "2026-12")
    assert _refused(world, _signed_by(real.read_bytes(), old)) == "untrusted_key"
    [result] = world.import_(real)  # the real bundle, signed by the current key, still applies
    assert result.outcome == "applied"


def test_a_replaced_key_introduces_no_other_key(world: World) -> None:
    old = _after_a_key_change(world)
    stranger = SigningKey.generate()
    statement = _statement(old, stranger, world)
    forged = forge(
        world, CODE, b"", signer=stranger, key_change=(statement, old.sign(statement)), sequence=3
    )
    assert _refused(world, forged) == "untrusted_key"
    with world.open(world.district) as session, session.transaction() as tx:
        assert tx.district.commune_key(stranger.key_id) is None


def test_revoking_a_key_revokes_every_key_it_introduced(world: World) -> None:
    old = _after_a_key_change(world)
    current = commune_signer(world, CODE)
    with world.open(world.district) as session:
        assert revoke_commune_key(session, old.key_id) == [old.key_id, current.key_id]
        status = district_status(session)
    assert sorted(status.communes[0].keys) == sorted([(current.key_id, True), (old.key_id, True)])
    world.add_person(CODE, "Trần Văn Sau", id_number="001090888888")
    assert _refused(world, world.export(CODE, "2026-12").read_bytes()) == "untrusted_key"


def test_a_replaced_key_still_signs_a_bundle_from_before_the_change(world: World) -> None:
    late = world.export(CODE, "2026-10")  # bundle 1, signed by the old key, held back
    _rotate(world)
    world.clock.advance(31 * DAY)
    world.add_person(CODE, "Lê Văn Cường")
    [held] = world.import_(world.export(CODE, "2026-11"))  # bundle 2 introduces the new key
    assert held.outcome == "quarantined"
    results = world.import_(late)
    assert results[0].outcome == "applied"  # and bundle 2 is released after it
