"""T30/T29 (sample for the foundation): no plaintext personal data in any file the store writes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from caseterm.domain.codes import DrugType
from caseterm.domain.person import DrugProfile, FamilyMember
from caseterm.services.registry.persons import add_person, find_persons, show_person, update_person
from caseterm.services.session.case_session import CaseSession
from tests.conftest import person

CANARIES = [f"Canaryzq{index:02d}" for index in range(60)]
"""Distinctive synthetic values: they appear nowhere but in the records the test writes."""


def _needles(canary: str) -> list[bytes]:
    return [canary.encode("utf-8"), canary.encode("utf-16-le"), canary.lower().encode("utf-8")]


def scan(folder: Path) -> list[tuple[str, str]]:
    """Return (file, canary) for every canary found in any file under `folder`."""
    hits = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            hits += [(path.name, c) for c in CANARIES if any(n in data for n in _needles(c))]
    return hits


def _add_canary_persons(session: CaseSession) -> list[str]:
    ids = []
    for index in range(0, len(CANARIES), 3):
        name, alias, note = CANARIES[index : index + 3]
        record = person(
            f"Nguyễn Văn {name}",
            id_number=f"00109{index:07d}",
            aliases=(alias,),
            occupation=note,
            family=(FamilyMember("mother", f"Lê Thị {note}"),),
            profile=DrugProfile(drug_types=(DrugType.HEROIN,), frequency=note, prior_record=note),
            religion=note,
            ethnicity=note,
        )
        ids.append(add_person(session, record, confirm=True))
    return ids


def test_no_canary_in_store_wal_shm_or_key_file_while_open_and_after(session: CaseSession) -> None:
    folder = session.files.store.parent
    ids = _add_canary_persons(session)
    first = show_person(session, ids[0]).person
    changed = replace(first.record, phone="0912345678", current_address=CANARIES[1])
    assert update_person(session, ids[0], changed, expected_version=first.version, confirm=True)
    assert find_persons(session, CANARIES[0].lower()).persons
    names = sorted(p.name for p in folder.iterdir())
    assert any(name.endswith("-wal") for name in names)  # the live WAL is part of the scan
    assert scan(folder) == []
    session.close()
    assert scan(folder) == []


def test_no_temporary_files_are_left_anywhere(session: CaseSession, tmp_path: Path) -> None:
    import tempfile

    before = set(Path(tempfile.gettempdir()).iterdir())
    _add_canary_persons(session)
    for canary in CANARIES[:10]:
        find_persons(session, canary)
    after = set(Path(tempfile.gettempdir()).iterdir())
    assert not [p for p in after - before if p.is_file() and scan_file(p)]


def scan_file(path: Path) -> bool:
    data = path.read_bytes()
    return any(n in data for c in CANARIES for n in _needles(c))
