"""Issue 21 item 2: the district names a file as its commune does ("26734/HS-000001"), takes
the number back in every command, and refuses a bundle that gives one number to two persons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.domain.bundle import canonical
from caseterm.errors import BundleRefused, RefusedError
from caseterm.i18n import set_language
from caseterm.services.registry.persons import find_persons, show_person
from caseterm.services.sync.bundle_records import (
    LINE,
    PersonLine,
    audit_bytes,
    payload_lines,
    person_bytes,
)
from caseterm.services.sync.district_import import import_bundle
from caseterm.services.words.labels import file_label
from tests.sync.world import World, commune_signer, forge


@pytest.fixture
def world(tmp_path: Path, policy: KdfPolicy, clock: FrozenClock) -> World:
    """Two communes, each with its first file (HS-000001), both imported at the district."""
    set_language("en")
    world = World(tmp_path, policy, clock)
    for code, name in (("26734", "Nguyễn Văn An"), ("26737", "Lê Thị Hoa")):
        world.add_commune(code)
        world.add_person(code, name)
        world.import_(world.export(code, "2026-10"))
    return world


def test_the_district_names_each_file_with_its_commune(world: World) -> None:
    with world.open(world.district) as session:
        found = find_persons(session, "HS-000001").persons
        shown = sorted(file_label(p.file_no, p.id, p.file_unit) for p in found)
        assert shown == ["26734/HS-000001", "26737/HS-000001"]
        hoa = show_person(session, "26737/hs-1")
        assert hoa.person.record.full_name == "Lê Thị Hoa"
        assert (hoa.person.file_no, hoa.person.file_unit) == (1, "26737")
        with pytest.raises(RefusedError) as refused:
            show_person(session, "HS-000001")
        assert "26734/HS-000001 or 26737/HS-000001" in str(refused.value)
    with world.open(world.communes["26734"]) as session:
        [an] = find_persons(session, "HS-000001").persons
        assert file_label(an.file_no, an.id, an.file_unit) == "HS-000001"
        assert show_person(session, "HS-000001").person.file_unit is None


def _next_bundle(world: World, persons: list[bytes]) -> Path:
    """Commune 26734's next bundle with these person lines, signed and chained as it would."""
    with world.open(world.communes["26734"]) as session, session.transaction() as tx:
        last = tx.sync.last_export()
        assert last is not None and last.audit_seq is not None
        audit = [audit_bytes(*entry) for entry in tx.audit.entries(after=last.audit_seq)]
        _seq, head = tx.audit.head()
    bundle = world.root / "forged.ctb"
    payload = b"".join(persons) + b"".join(audit)
    bundle.write_bytes(
        forge(
            world,
            "26734",
            payload,
            signer=commune_signer(world, "26734"),
            sequence=2,
            previous_bundle_sha256=last.bundle_sha256,
            audit_head=head,
        )
    )
    return bundle


def _new_person_line(world: World) -> dict[str, object]:
    """Trần Văn Bảo, registered at 26734 after its first bundle (file number 2)."""
    world.add_person("26734", "Trần Văn Bảo")
    with world.open(world.communes["26734"]) as session, session.transaction() as tx:
        rows = list(tx.sync.unsent_person_rows())
    [line] = [json.loads(person_bytes(row)) for row in rows if row[-1] == 2]
    return dict(line)


def test_a_bundle_giving_one_file_number_to_two_persons_is_refused_whole(
    world: World,
) -> None:
    line = _new_person_line(world)
    twin = line | {"id": str(line["id"])[:-4] + "0000"}
    bundle = _next_bundle(world, [canonical(line) + b"\n", canonical(twin) + b"\n"])
    before = world.digest()
    with world.open(world.district) as session, pytest.raises(BundleRefused) as refused:
        import_bundle(session, bundle)
    assert refused.value.code == "record"
    assert "has file number 2, as has person" in str(refused.value)
    assert world.digest() == before


def test_a_number_given_anew_by_a_restored_commune_moves_to_the_new_file(
    world: World,
) -> None:
    """A commune restored from an older backup numbers new files from where the backup
    stood: its latest word is kept, and the earlier holder is named by its id."""
    line = _new_person_line(world) | {"file_no": 1}  # An's number, given again
    [result] = world.import_(_next_bundle(world, [canonical(line) + b"\n"]))
    assert result.outcome == "applied"
    with world.open(world.district) as session:
        [holder] = find_persons(session, "26734/HS-000001").persons
        assert holder.full_name == "Trần Văn Bảo"
        [an] = find_persons(session, "Nguyễn Văn An").persons
        assert an.file_no is None and file_label(an.file_no, an.id) == an.id[:13]


def test_a_person_line_without_a_number_is_read_and_written_as_before(world: World) -> None:
    """Bundles made before file numbers existed carry no `file_no`; they still read, and a
    person without a number is written without the field."""
    with world.open(world.communes["26734"]) as session, session.transaction() as tx:
        [row] = list(tx.sync.unsent_person_rows())
    values = json.loads(person_bytes(row))
    del values["file_no"]
    line = LINE.validate_json(canonical(values))
    assert isinstance(line, PersonLine) and line.file_no is None
    [written] = payload_lines([line], [])
    assert json.loads(written) == values
    assert json.loads(person_bytes((*row[:-1], None))) == values
