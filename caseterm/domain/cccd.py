"""The 12-digit personal identification number (CCCD / căn cước), legal spec §7.

Digits 1–3: province (or country) where the birth was registered; digit 4: century and sex
(0 male 1900s, 1 female 1900s, 2 male 2000s, 3 female 2000s, …); digits 5–6: the last two digits of
the birth year; digits 7–12: random. No checksum exists. Mismatches are warnings that a supervisor
may override, because source documents are sometimes wrong.
"""

from __future__ import annotations

from collections.abc import Mapping

from caseterm.domain.codes import Sex
from caseterm.domain.issues import Issue, Severity

# TT 07/2016/TT-BCA Phụ lục I: the 63 pre-2025 provinces. Numbers keep the old prefix after the
# 2025 merger, so the table is never checked against the 34 new provinces.
PROVINCE_CODES: Mapping[str, str] = {
    "001": "Hà Nội",
    "002": "Hà Giang",
    "004": "Cao Bằng",
    "006": "Bắc Kạn",
    "008": "Tuyên Quang",
    "010": "Lào Cai",
    "011": "Điện Biên",
    "012": "Lai Châu",
    "014": "Sơn La",
    "015": "Yên Bái",
    "017": "Hòa Bình",
    "019": "Thái Nguyên",
    "020": "Lạng Sơn",
    "022": "Quảng Ninh",
    "024": "Bắc Giang",
    "025": "Phú Thọ",
    "026": "Vĩnh Phúc",
    "027": "Bắc Ninh",
    "030": "Hải Dương",
    "031": "Hải Phòng",
    "033": "Hưng Yên",
    "034": "Thái Bình",
    "035": "Hà Nam",
    "036": "Nam Định",
    "037": "Ninh Bình",
    "038": "Thanh Hóa",
    "040": "Nghệ An",
    "042": "Hà Tĩnh",
    "044": "Quảng Bình",
    "045": "Quảng Trị",
    "046": "Thừa Thiên Huế",
    "048": "Đà Nẵng",
    "049": "Quảng Nam",
    "051": "Quảng Ngãi",
    "052": "Bình Định",
    "054": "Phú Yên",
    "056": "Khánh Hòa",
    "058": "Ninh Thuận",
    "060": "Bình Thuận",
    "062": "Kon Tum",
    "064": "Gia Lai",
    "066": "Đắk Lắk",
    "067": "Đắk Nông",
    "068": "Lâm Đồng",
    "070": "Bình Phước",
    "072": "Tây Ninh",
    "074": "Bình Dương",
    "075": "Đồng Nai",
    "077": "Bà Rịa–Vũng Tàu",
    "079": "TP Hồ Chí Minh",
    "080": "Long An",
    "082": "Tiền Giang",
    "083": "Bến Tre",
    "084": "Trà Vinh",
    "086": "Vĩnh Long",
    "087": "Đồng Tháp",
    "089": "An Giang",
    "091": "Kiên Giang",
    "092": "Cần Thơ",
    "093": "Hậu Giang",
    "094": "Sóc Trăng",
    "095": "Bạc Liêu",
    "096": "Cà Mau",
}

FIELD = "id_number"


def century_sex_digit(birth_year: int, sex: Sex) -> int:
    """Return the 4th digit a CCCD must have for this birth year and sex."""
    century_index = (birth_year // 100) - 19  # 1900s → 0, 2000s → 1, …
    return century_index * 2 + (1 if sex is Sex.FEMALE else 0)


def birth_year_of(number: str) -> int:
    """Return the birth year a well-formed CCCD states."""
    return 1900 + (int(number[3]) // 2) * 100 + int(number[4:6])


def sex_of(number: str) -> Sex:
    """Return the sex a well-formed CCCD states."""
    return Sex.FEMALE if int(number[3]) % 2 else Sex.MALE


def check_cccd(
    number: str,
    *,
    birth_year: int | None,
    sex: Sex | None,
    provinces: Mapping[str, str] = PROVINCE_CODES,
) -> list[Issue]:
    """Check a CCCD/CC number against the record; return errors and warnings."""
    if len(number) != 12 or not (number.isascii() and number.isdigit()):
        return [Issue("cccd.format", FIELD, Severity.ERROR, {"length": str(len(number))})]
    issues: list[Issue] = []
    if number[:3] not in provinces:
        issues.append(
            Issue(
                "cccd.unknown_province",
                FIELD,
                Severity.WARNING,
                {"prefix": number[:3]},
                needs_supervisor=True,
            )
        )
    stated_year = birth_year_of(number)
    if birth_year is not None and stated_year != birth_year:
        issues.append(
            Issue(
                "cccd.birth_year_mismatch",
                FIELD,
                Severity.WARNING,
                {"stated": str(stated_year), "recorded": str(birth_year)},
                needs_supervisor=True,
            )
        )
    if sex is not None and sex_of(number) is not sex:
        issues.append(Issue("cccd.sex_mismatch", FIELD, Severity.WARNING, needs_supervisor=True))
    return issues
