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
