"""The typography of official documents (Decree 30/2020) and the unit's decision numbers.

Pure functions: the document services fill templates with what these return.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass
from datetime import date

from caseterm.domain.dates import PartialDate

DEFAULT_NUMBER_FORMAT = "{number:02d}/{kind}-{symbol}"
"""ND30 PL I: "Số: 05/QĐ-…", a leading zero under 10; the kind (QĐ, TB…) then the issuer."""
DEFAULT_SYMBOL = "CAX"
"""The issuer's abbreviation the ND163 forms print for a commune police (V-30 "…/QĐ-CAX")."""
KINDS = ("QĐ", "TB", "BB", "BC", "GXN", "ĐN")
"""Type abbreviations of ND30 PL III that the unit numbers (decision, notice, record, report,
certificate, proposal); each runs its own count per year."""
MAX_NUMBER = 99_999


class NumberFormatError(ValueError):
    """A decision-number format that cannot number documents."""


def vi_upper(text: str) -> str:
    """Capitals with their diacritics kept (NGUYỄN THỊ NGỌC ÁNH), in NFC."""
    return unicodedata.normalize("NFC", text).upper()


def date_words(day: date) -> str:
    """`ngày 05 tháng 3 năm 2026`: ND30 puts a zero before a day under 10 and months 1 and 2."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def short_date(value: date | PartialDate | None) -> str:
    """`05/12/1990`, `12/1990` or `1990` (a legacy record may know only part of a date)."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if value.day is not None and value.month is not None:
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    if value.month is not None:
        return f"{value.month:02d}/{value.year}"
    return str(value.year)


@dataclass(frozen=True)
class NumberFormat:
    """How the unit writes a document number: `{number}`, `{kind}` and `{symbol}` fields."""

    pattern: str = DEFAULT_NUMBER_FORMAT
    symbol: str = DEFAULT_SYMBOL

    def __post_init__(self) -> None:
        fields = [name for _, name, _, _ in string.Formatter().parse(self.pattern) if name]
        if fields.count("number") != 1 or not set(fields) <= {"number", "kind", "symbol"}:
            raise NumberFormatError("the format needs {number} once, and only {kind}, {symbol}")
        if "kind" not in fields:
            raise NumberFormatError("the format needs {kind}: each kind has its own count")
        if not self.symbol.strip() or len(self.symbol) > 20:
            raise NumberFormatError("the symbol must be 1 to 20 characters")
        try:
            self.format(7, "QĐ")
        except (ValueError, IndexError, KeyError) as error:
            raise NumberFormatError(str(error)) from error

    def format(self, number: int, kind: str) -> str:
        """The written number: `format(12, "QĐ")` → `12/QĐ-CAX`."""
        return self.pattern.format(number=number, kind=kind, symbol=self.symbol)

    def parse(self, written: str, kind: str) -> int | None:
        """The count in a number written in this format for `kind`, or None if it is not one."""
        regex = ""
        for literal, name, spec, _ in string.Formatter().parse(self.pattern):
            regex += re.escape(literal)
            if name == "number":
                regex += "([0-9]{1,5})"
            elif name is not None:
                value = kind if name == "kind" else self.symbol
                regex += re.escape(format(value, spec or ""))
        match = re.fullmatch(regex, written.strip())
        if match is None:
            return None
        number = int(match.group(1))
        return number if 0 < number <= MAX_NUMBER else None
