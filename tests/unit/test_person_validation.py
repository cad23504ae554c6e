"""Validation of the identity block and the duplicate-candidate rule."""

from __future__ import annotations

from datetime import date

from caseterm.domain.codes import IdType, Sex
from caseterm.domain.dates import PartialDate
from caseterm.domain.issues import Severity
from caseterm.domain.person import FamilyMember, is_duplicate_candidate, validate_person
from tests.conftest import person

TODAY = date(2026, 11, 2)


def codes(record: object) -> set[str]:
    return {issue.code for issue in validate_person(record, today=TODAY)}  # type: ignore[arg-type]


def test_a_good_record_has_no_issues() -> None:
    assert validate_person(person().normalised(), today=TODAY) == []


def test_errors() -> None:
    assert "name.empty" in codes(person("").normalised())
    assert "birth.future" in codes(person(birth=PartialDate(2027)))
    assert "birth.too_old" in codes(person(birth=PartialDate(1890)))
    assert "id.missing_type" in codes(person(id_type=None))
    assert "id.missing_number" in codes(person(id_number=""))
    assert "cmnd.format" in codes(person(id_type=IdType.CMND, id_number="1234"))
    assert "passport.format" in codes(person(id_type=IdType.PASSPORT, id_number="b1"))
    assert "text.too_long" in codes(person(occupation="x" * 301))
    assert "family.relation" in codes(person(family=(FamilyMember("uncle", "X"),)))


def test_warnings() -> None:
    minor = person(birth=PartialDate(2010, 1, 1), id_number="001210123456")
    assert "family.minor_without_representative" in codes(minor)
    with_parent = person(
        birth=PartialDate(2010, 1, 1),
        id_number="001210123456",
        family=(FamilyMember("mother", "Lê Thị Hoa"),),
    )
    assert "family.minor_without_representative" not in codes(with_parent)
    issues = validate_person(person(sex=Sex.FEMALE), today=TODAY)
    assert [(i.code, i.severity) for i in issues] == [("cccd.sex_mismatch", Severity.WARNING)]
    assert "name.has_digits" in codes(person("Nguyễn Văn 2"))
    assert "phone.format" in codes(person(phone="12ab"))


def test_normalised_cleans_spaces_case_and_repeated_aliases() -> None:
    record = person("  Nguyễn   Văn  An ", aliases=("Tí", " Tí ", ""), id_number=" 0010 9012 3456 ")
    clean = record.normalised()
    assert clean.full_name == "Nguyễn Văn An"
    assert clean.aliases == ("Tí",)
    assert clean.id_number == "001090123456"


def test_duplicate_candidates() -> None:
    base = person()
    assert is_duplicate_candidate(person("Trần Văn Bình"), base)  # same id number
    assert is_duplicate_candidate(
        person("Nguyen Van An", id_number="", birth=PartialDate(1991)), base
    )
    assert not is_duplicate_candidate(
        person("Nguyen Van An", id_number="", birth=PartialDate(1993)), base
    )
    # Names that differ only in tones fold alike: the officer must look at them.
    assert is_duplicate_candidate(person("Nguyễn Văn Ân", id_number=""), person(id_number=""))
