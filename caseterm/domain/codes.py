"""Enumerations of the identity block and the drug-use profile (legal spec §3.1–3.2).

Values are stable English codes (stored, exported, in `--json`). `parse` also accepts the
Vietnamese words an officer types, with or without tones; the display labels live in the
translation catalogs, not here.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from caseterm.domain.names import fold


class ParsableEnum(StrEnum):
    """A code enum that parses its code or a Vietnamese synonym."""

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        """Return folded Vietnamese (and short English) words → code."""
        return {}

    @classmethod
    def parse(cls, text: str) -> Self:
        """Return the member named by `text`; raise `ValueError` otherwise."""
        key = fold(text).replace(" ", "_")
        for member in cls:
            if key == member.value.lower():
                return member
        code = cls.synonyms().get(key)
        if code is None:
            raise ValueError(text)
        return cls(code)


class Sex(ParsableEnum):
    """Sex as recorded on the forms (Nam / Nữ)."""

    MALE = "male"
    FEMALE = "female"

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        """Vietnamese words for the sexes."""
        return {"nam": "male", "m": "male", "nu": "female", "f": "female"}


class IdType(ParsableEnum):
    """The identity document types the forms accept ("Số CC/CCCD/CMND/HC", VNeID)."""

    CC = "CC"
    CCCD = "CCCD"
    CMND = "CMND"
    PASSPORT = "PASSPORT"
    VNEID = "VNEID"

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        """Vietnamese names of the documents."""
        return {
            "can_cuoc": "CC",
            "can_cuoc_cong_dan": "CCCD",
            "chung_minh_nhan_dan": "CMND",
            "hc": "PASSPORT",
            "ho_chieu": "PASSPORT",
        }


class ResidenceStatus(ParsableEnum):
    """Whether the person has a stable place of residence (ND163 Art 58)."""

    STABLE = "stable"
    NOT_STABLE = "not_stable"

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        """Vietnamese words for residence status."""
        return {"on_dinh": "stable", "khong_on_dinh": "not_stable"}


class DrugType(ParsableEnum):
    """Drug types of Mẫu 05 / Mẫu 33 item 14."""

    OPIUM = "opium"
    HEROIN = "heroin"
    COCAINE = "cocaine"
    CANNABIS = "cannabis"
    KETAMINE = "ketamine"
    ATS = "ats"
    OTHER = "other"

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        """Vietnamese names of the drug groups."""
        return {
            "thuoc_phien": "opium",
            "can_sa": "cannabis",
            "ma_tuy_tong_hop": "ats",
            "khac": "other",
        }


class Route(ParsableEnum):
    """Route of use (Mẫu 33 item 15)."""

    INJECTING = "injecting"
    SMOKING = "smoking"
    ORAL = "oral"
    OTHER = "other"

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        """Vietnamese names of the routes."""
        return {
            "tiem_chich": "injecting",
            "hit": "smoking",
            "hut": "smoking",
            "hit_hut": "smoking",
            "uong": "oral",
            "nuot": "oral",
            "khac": "other",
        }


class Role(ParsableEnum):
    """Account roles; permissions are checked in the services (domain.permissions)."""

    OFFICER = "officer"
    CHIEF = "chief"
    ADMIN = "admin"
    DISTRICT_ANALYST = "district-analyst"

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        """Vietnamese names of the roles."""
        return {
            "can_bo": "officer",
            "truong_cong_an_xa": "chief",
            "truong": "chief",
            "quan_tri": "admin",
            "district_analyst": "district-analyst",
            "phan_tich": "district-analyst",
        }


class EducationLevel(ParsableEnum):
    """The six education boxes of the résumé (Mẫu 05 item 11); `education` keeps "12/12"."""

    NONE = "none"
    PRIMARY = "primary"
    LOWER_SECONDARY = "lower_secondary"
    UPPER_SECONDARY = "upper_secondary"
    TERTIARY = "tertiary"
    POSTGRADUATE = "postgraduate"

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        """The boxes' Vietnamese words and their usual abbreviations."""
        return {
            "chua_di_hoc": "none",
            "mu_chu": "none",
            "tieu_hoc": "primary",
            "cap_1": "primary",
            "thcs": "lower_secondary",
            "trung_hoc_co_so": "lower_secondary",
            "cap_2": "lower_secondary",
            "thpt": "upper_secondary",
            "trung_hoc_pho_thong": "upper_secondary",
            "cap_3": "upper_secondary",
            "dai_hoc": "tertiary",
            "cao_dang": "tertiary",
            "trung_cap": "tertiary",
            "sau_dai_hoc": "postgraduate",
            "thac_si": "postgraduate",
            "tien_si": "postgraduate",
        }


class PriorKind(ParsableEnum):
    """The four record boxes of the résumé (Mẫu 05 item 16; Mẫu 33 items 12–13)."""

    DRUG_CONVICTION = "drug_conviction"
    DRUG_SANCTION = "drug_sanction"
    OTHER_CONVICTION = "other_conviction"
    OTHER_SANCTION = "other_sanction"

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        """Tiền án (a conviction) and tiền sự (an administrative sanction), about drugs or not."""
        return {
            "tien_an_ma_tuy": "drug_conviction",
            "an_ma_tuy": "drug_conviction",
            "tien_su_ma_tuy": "drug_sanction",
            "vphc_ma_tuy": "drug_sanction",
            "xu_phat_ma_tuy": "drug_sanction",
            "tien_an": "other_conviction",
            "tien_an_khac": "other_conviction",
            "tien_su": "other_sanction",
            "tien_su_khac": "other_sanction",
            "vphc_khac": "other_sanction",
        }


class PastRehabForm(ParsableEnum):
    """How an earlier episode was served (Mẫu 05 item 22; Mẫu 33 items 17–19)."""

    VOLUNTARY_HOME = "voluntary_home"
    VOLUNTARY_FACILITY = "voluntary_facility"
    COMPULSORY = "compulsory"
    POST_REHAB = "post_rehab"

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        """The forms' words for each kind of episode."""
        return {
            "gia_dinh": "voluntary_home",
            "cong_dong": "voluntary_home",
            "tai_gia_dinh": "voluntary_home",
            "gia_dinh_cong_dong": "voluntary_home",
            "tu_nguyen": "voluntary_facility",
            "tu_nguyen_tai_co_so": "voluntary_facility",
            "co_so": "voluntary_facility",
            "bat_buoc": "compulsory",
            "cai_nghien_bat_buoc": "compulsory",
            "sau_cai": "post_rehab",
            "quan_ly_sau_cai": "post_rehab",
        }
