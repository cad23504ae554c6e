"""The CCCD structure of legal spec §7: province, century+sex digit, birth year."""

from __future__ import annotations

import pytest

from caseterm.domain.cccd import birth_year_of, century_sex_digit, check_cccd, sex_of
from caseterm.domain.codes import Sex
from caseterm.domain.issues import Severity


@pytest.mark.parametrize(
    ("number", "year", "sex"),
    [
        ("001090123456", 1990, Sex.MALE),
        ("001190123456", 1990, Sex.FEMALE),
        ("079203000001", 2003, Sex.MALE),
        ("079305000001", 2005, Sex.FEMALE),
        ("036099999999", 1999, Sex.MALE),
        ("036200000000", 2000, Sex.MALE),
        ("001400000000", 2100, Sex.MALE),
    ],
)
def test_structure_table(number: str, year: int, sex: Sex) -> None:
    assert birth_year_of(number) == year
    assert sex_of(number) is sex
    assert century_sex_digit(year, sex) == int(number[3])
    assert check_cccd(number, birth_year=year, sex=sex) == []


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("00109012345", "cccd.format"),
        ("0010901234567", "cccd.format"),
        ("00109012345a", "cccd.format"),
    ],
)
def test_malformed_is_an_error(number: str, code: str) -> None:
    [issue] = check_cccd(number, birth_year=1990, sex=Sex.MALE)
    assert (issue.code, issue.severity) == (code, Severity.ERROR)


def test_unknown_province_is_a_warning_only_a_chief_confirms() -> None:
    """Issue 22 item 2: an ID failing the province rule is saved only by a chief."""
    [issue] = check_cccd("003090123456", birth_year=1990, sex=Sex.MALE)
    assert issue.code == "cccd.unknown_province"
    assert issue.severity is Severity.WARNING
    assert issue.needs_supervisor


def test_year_and_sex_mismatch_need_a_supervisor() -> None:
    issues = check_cccd("001090123456", birth_year=1985, sex=Sex.FEMALE)
    assert {i.code for i in issues} == {"cccd.birth_year_mismatch", "cccd.sex_mismatch"}
    assert all(i.severity is Severity.WARNING and i.needs_supervisor for i in issues)
    year_issue = next(i for i in issues if i.code == "cccd.birth_year_mismatch")
    assert year_issue.params == {"stated": "1990", "recorded": "1985"}
