"""The monthly round trip and the district's refusals (anchors-reliability T13, T15–T18, T20).

Every test builds a district and its communes on disk with the fast test KDF and a frozen clock,
and goes through the same services as the CLI and the TUI.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.bundle import BundleHeader, DistrictKey, read_header, recipient_key_id
from caseterm.crypto.kdf import KdfPolicy
from caseterm.crypto.signing import SigningKey
from caseterm.errors import BundleRefused, UsageError
from caseterm.services.registry.persons import update_person
from caseterm.services.sync.bundle_records import payload_lines, person_line
from caseterm.services.sync.commune import export_bundle, import_ack, sync_status
from caseterm.services.sync.district import district_status, revoke_commune_key
from caseterm.store.records import StoredPerson
from tests.conftest import person
from tests.sync.world import World, copy_store, forge

DAY = 24 * 3600


@pytest.fixture
def world(tmp_path: Path, policy: KdfPolicy, clock: FrozenClock) -> World:
    made = World(tmp_path, policy, clock)
    made.add_commune("26734")
    return made


def _refused(world: World, bundle: Path) -> str:
    before = world.digest()
    with pytest.raises(BundleRefused) as refused:
        world.import_(bundle)
    assert world.digest() == before
    return refused.value.code


def _write(world: World, data: bytes, name: str = "forged.ctb") -> Path:
    path = world.root / name
    path.write_bytes(data)
    return path


def test_a_month_goes_to_the_district_and_comes_back_acknowledged(world: World) -> None:
    world.add_person("26734")
    bundle = world.export("26734", "2026-10")
    assert bundle.name == "26734_2026-10_000001.ctb"
    [result] = world.import_(bundle)
    assert result.outcome == "applied"
    assert result.counts is not None
    assert (result.counts.exported, result.counts.applied) == (3, 3)  # person, 2 events
    assert result.ack_path is not None
    with world.open(world.communes["26734"]) as session:
        ack = import_ack(session, result.ack_path)
        status = sync_status(session)
    assert (ack.sequence, ack.newly_acknowledged, ack.applied) == (1, 1, 3)
    assert status.exports[0].acked_at is not None
    assert (status.unsent_persons, status.unsent_events) == (0, 0)


def test_the_next_bundle_carries_only_what_changed_since_the_acknowledgement(world: World) -> None:
    pid = world.add_person("26734")
    [first] = world.import_(world.export("26734", "2026-10"))
    assert first.ack_path is not None
    with world.open(world.communes["26734"]) as session:
        import_ack(session, first.ack_path)
        update_person(session, pid, person(village="Thôn 9"), expected_version=1, confirm=True)
    world.clock.advance(31 * DAY)
    [second] = world.import_(world.export("26734", "2026-11"))
    assert second.counts is not None
    # The person's new version and the update's event; nothing from October again.
    assert (second.counts.exported, second.counts.applied) == (2, 2)


def test_unacknowledged_bundles_overlap_and_the_district_counts_what_it_had(world: World) -> None:
    world.add_person("26734")
    world.import_(world.export("26734", "2026-10"))  # acknowledgement never read by the commune
    world.clock.advance(31 * DAY)
    world.add_person("26734", "Lê Văn Cường")
    [second] = world.import_(world.export("26734", "2026-11"))
    assert second.counts is not None
    assert second.counts.model_dump() == {
        "exported": 6,
        "applied": 3,
        "already_present": 3,
        "rejected": 0,
    }


def test_an_unacknowledged_month_is_written_again_byte_for_byte(world: World) -> None:
    world.add_person("26734")
    first = world.export("26734", "2026-10").read_bytes()
    world.add_person("26734", "Lê Văn Cường")  # a change after the export is not slipped in
    again = world.export("26734", "2026-10")
    assert again.read_bytes() == first
    assert world.export("26734", "2026-10", again=1).read_bytes() == first


def test_a_month_must_be_written_right_have_begun_and_not_go_back(world: World) -> None:
    with world.open(world.communes["26734"]) as session:
        with pytest.raises(UsageError, match="YYYY-MM"):
            export_bundle(session, "2026-13", world.root)
        with pytest.raises(UsageError, match="not begun"):
            export_bundle(session, "2026-12", world.root)
        export_bundle(session, "2026-10", world.root)
        with pytest.raises(UsageError, match="back in time"):
            export_bundle(session, "2026-09", world.root)


def test_a_store_with_no_district_refuses_to_export(
    tmp_path: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    from caseterm.services.keys.opening import open_session
    from caseterm.services.setup.new_store import InitRequest, init_store
    from tests.conftest import ADMIN, ADMIN_PASSPHRASE

    path = tmp_path / "alone.db"
    init_store(
        InitRequest(path, "1", "Xã Một", ADMIN, ADMIN_PASSPHRASE), policy=policy, clock=clock
    )
    session = open_session(path, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    try:
        with pytest.raises(UsageError, match="No district is set"):
            export_bundle(session, "2026-10", tmp_path)
    finally:
        session.close()
    assert not list(tmp_path.glob("*.ctb"))


def test_t13_importing_twice_and_after_a_restart_changes_nothing(world: World) -> None:
    world.add_person("26734")
    bundle = world.export("26734", "2026-10")
    world.import_(bundle)
    after = world.digest()
    for _ in range(2):  # each import opens the store afresh: the third is "after restart"
        [again] = world.import_(bundle)
        assert again.outcome == "already_applied"
        assert world.digest() == after
    with world.open(world.district) as session, session.transaction() as tx:
        actions = [entry.action for entry in tx.audit.recent(50)]
    assert actions.count("bundle.import") == 1
    assert actions.count("bundle.seen_again") == 2


def test_t15_replay_equivocation_unknown_and_revoked_keys_have_their_own_codes(
    world: World,
) -> None:
    world.add_person("26734")
    first = world.export("26734", "2026-10")
    saved = first.read_bytes()
    world.import_(first)
    world.clock.advance(31 * DAY)
    world.add_person("26734", "Lê Văn Cường")
    world.import_(world.export("26734", "2026-11"))
    assert _refused(world, _write(world, saved, "old.ctb")) == "replay"

    other = forge(world, "26734", b"", sequence=2, previous_bundle_sha256="cd" * 32)
    assert _refused(world, _write(world, other)) == "equivocation"
    with world.open(world.district) as session:
        alerts = district_status(session).alerts
    assert [(unit, number, code) for unit, number, code, _at in alerts] == [
        ("26734", 2, "equivocation")
    ]

    stranger = forge(world, "26734", b"", signer=SigningKey.generate(), sequence=3)
    assert _refused(world, _write(world, stranger)) == "untrusted_key"
    world.add_commune("11111", enroll=False)
    assert _refused(world, _write(world, forge(world, "11111", b""))) == "unknown_unit"

    signer_id = read_header(saved).manifest.sender_key_id
    with world.open(world.district) as session:
        revoke_commune_key(session, signer_id)
    world.clock.advance(31 * DAY)
    assert _refused(world, world.export("26734", "2026-12")) == "untrusted_key"


def test_t16_a_bundle_after_a_gap_waits_then_both_apply_in_order(
    tmp_path: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    world = World(tmp_path / "gap", policy, clock)
    world.add_commune("26734")
    bundles: list[Path] = []
    for month in ("2026-08", "2026-09", "2026-10"):
        world.add_person("26734", f"Người Tháng {month[-1]}")
        bundles.append(world.export("26734", month))
    pristine = copy_store(world.district, tmp_path / "pristine" / "caseterm.db")

    [held] = world.import_(bundles[2])
    assert (held.outcome, held.missing) == ("quarantined", (1, 2))
    with world.open(world.district) as session:
        [line] = district_status(session).communes
    assert (line.last_sequence, line.quarantined, line.missing) == (0, (3,), (1, 2))
    assert [r.outcome for r in world.import_(bundles[2])] == ["already_quarantined"]
    assert [r.sequence for r in world.import_(bundles[0])] == [1]  # 3 still waits for 2
    applied = world.import_(bundles[1])
    assert [(r.sequence, r.outcome) for r in applied] == [(2, "applied"), (3, "applied")]
    assert all(r.ack_path is not None for r in applied)

    gap_digest = world.digest()
    world.district = pristine  # the same district before any import, fed in order
    for bundle in bundles:
        world.import_(bundle)
    assert world.digest() == gap_digest


def test_t17_a_commune_silent_for_more_than_35_days_is_flagged(world: World) -> None:
    world.add_person("26734")
    bundle = world.export("26734", "2026-10")
    world.import_(bundle)
    world.clock.advance(35 * DAY)
    with world.open(world.district) as session:
        assert not district_status(session).communes[0].stale
    world.clock.advance(DAY + 60)
    world.import_(bundle)  # replaying the last bundle is not a sign of life
    with world.open(world.district) as session:
        [line] = district_status(session).communes
    assert line.stale
    assert line.days_since == 36


def test_t18_one_invalid_record_in_500_applies_nothing_and_is_named(world: World) -> None:
    pid = world.add_person("26734")
    with world.open(world.communes["26734"]) as session, session.transaction() as tx:
        stored = tx.persons.get(pid)
    assert stored is not None
    lines = [person_line(_copy(stored, n)) for n in range(500)]
    bad = lines[316].model_dump(mode="json")
    bad["record"]["birth"] = "2990-01-01"  # born in the future: the district's rules refuse it
    payload = b"".join(payload_lines(lines, []))
    rows = payload.split(b"\n")
    rows[316] = json.dumps(bad, ensure_ascii=False).encode()
    bundle = _write(world, forge(world, "26734", b"\n".join(rows)))
    before = world.digest()
    with pytest.raises(BundleRefused) as refused:
        world.import_(bundle)
    assert refused.value.code == "record"
    assert "line 317" in str(refused.value)
    assert world.digest() == before


def _copy(stored: StoredPerson, number: int) -> StoredPerson:
    from dataclasses import replace

    suffix = f"{number:04d}"
    return replace(stored, id=stored.id[:-4] + suffix, file_no=number + 1)


def test_t20_a_bundle_cannot_be_rebound_to_another_district_name_or_period(
    world: World,
) -> None:
    world.add_person("26734")
    data = world.export("26734", "2026-10").read_bytes()
    real = read_header(data)

    other = DistrictKey.generate()
    to_other = forge(
        world,
        "26734",
        b"",
        recipient=other.recipient,
        recipient_key_id=recipient_key_id(other.recipient),
    )
    assert _refused(world, _write(world, to_other)) == "wrong_recipient"
    # Re-encrypted to another key under a manifest that still names this district's.
    rewrapped = forge(world, "26734", b"", recipient=other.recipient)
    assert _refused(world, _write(world, rewrapped)) == "cannot_decrypt"
    unit = forge(world, "26734", b"", recipient_unit="HUYEN-02")
    assert _refused(world, _write(world, unit)) == "wrong_recipient"

    other_period = forge(world, "26734", b"", period="2026-09")
    forged = read_header(other_period)
    # Its signature moved onto the real manifest, and the real one onto its manifest.
    assert _refused(world, _write(world, _rebuild(real, forged.signature, data))) == "bad_signature"
    stolen = _rebuild(forged, real.signature, other_period)
    assert _refused(world, _write(world, stolen)) == "bad_signature"
    # The real signed manifest with another bundle's encrypted part.
    spliced = data[: real.payload_offset] + other_period[forged.payload_offset :]
    assert _refused(world, _write(world, spliced)) == "payload_hash"

    renamed = _write(world, data, "26734_2026-12_000009.ctb")
    [result] = world.import_(renamed)  # the name is never trusted: the signed manifest is
    assert (result.sequence, result.period) == (1, "2026-10")


def _rebuild(header: BundleHeader, signature: bytes, data: bytes) -> bytes:
    raw = header.manifest_raw
    top = b"caseterm-bundle/1\nmanifest %d\n%s\nsignature %s\n\n" % (
        len(raw),
        raw,
        base64.b64encode(signature),
    )
    return top + data[header.payload_offset :]


def test_t34_no_canary_in_the_bundle_its_name_or_the_acknowledgement(world: World) -> None:
    canary = "Canary Zyxwvu Qwertz"
    world.add_person("26734", canary, id_number="079123456789")
    [result] = world.import_(world.export("26734", "2026-10"))
    assert result.ack_path is not None
    files = list((world.root / "outbox-26734").iterdir())
    assert len(files) == 2
    with world.open(world.district) as session, session.transaction(durable=False) as tx:
        arrived = [tx.persons.get(pid) for pid in tx.persons.all_ids()]
    # The control: the canary did travel in the bundle, so its absence below means encryption.
    held = {(p.record.full_name, p.record.id_number) for p in arrived if p is not None}
    assert (canary, "079123456789") in held, held
    for file in files:
        content = file.read_bytes()
        for needle in (canary, "Zyxwvu", "079123456789"):
            assert needle.encode() not in content
            assert needle.encode("utf-16-le") not in content
            assert needle not in file.name
