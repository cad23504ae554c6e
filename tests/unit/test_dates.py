"""Dates as officers type them."""

from __future__ import annotations

from datetime import date

import pytest

from caseterm.domain.dates import DateFormatError, PartialDate, age_on


@pytest.mark.parametrize(
    ("text", "expected", "display"),
    [
        ("12/03/1990", PartialDate(1990, 3, 12), "12/03/1990"),
        ("1/2/1990", PartialDate(1990, 2, 1), "01/02/1990"),
        ("12.03.1990", PartialDate(1990, 3, 12), "12/03/1990"),
        ("1990-03-12", PartialDate(1990, 3, 12), "12/03/1990"),
        ("03/1990", PartialDate(1990, 3), "03/1990"),
        ("1990-03", PartialDate(1990, 3), "03/1990"),
        ("1990", PartialDate(1990), "1990"),
        (" 1990 ", PartialDate(1990), "1990"),
        ("29/02/2000", PartialDate(2000, 2, 29), "29/02/2000"),
    ],
)
def test_accepted_forms(text: str, expected: PartialDate, display: str) -> None:
    parsed = PartialDate.parse(text)
    assert parsed == expected
    assert parsed.display() == display
    assert PartialDate.from_iso(parsed.iso()) == parsed


@pytest.mark.parametrize(
    "text", ["31/02/1990", "29/02/2001", "13/13/1990", "1990/03/12", "abc", "", "12/03/90", "0999"]
)
def test_refused_forms(text: str) -> None:
    with pytest.raises(DateFormatError):
        PartialDate.parse(text)


def test_age_counts_partial_dates_at_their_latest() -> None:
    assert age_on(PartialDate(2008, 6, 1), date(2026, 5, 31)) == 17
    assert age_on(PartialDate(2008, 6, 1), date(2026, 6, 1)) == 18
    assert age_on(PartialDate(2008), date(2026, 12, 30)) == 17  # could be born on 31/12
    assert PartialDate(2008, 2).latest() == date(2008, 2, 29)
