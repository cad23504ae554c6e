"""The breakdown dimensions of every indicator (legal spec §5.2; QĐ 13/2019 age bands)."""

from __future__ import annotations

from datetime import date

from caseterm.domain.codes import DrugType
from caseterm.domain.dates import PartialDate, age_on

AGE_BANDS: tuple[tuple[str, int, int], ...] = (
    ("lt14", 0, 14),
    ("14to16", 14, 16),
    ("16to18", 16, 18),
    ("18to30", 18, 30),
    ("ge30", 30, 200),
)
"""The national age bands: <14, 14–<16, 16–<18, 18–<30, ≥30 (code, from, below)."""
UNKNOWN = "unknown"
SUBSTANCE_GROUPS = ("opiates", "ats", "cannabis", "ketamine", "cocaine", "other", "poly", UNKNOWN)
_GROUP_OF = {
    DrugType.OPIUM: "opiates",
    DrugType.HEROIN: "opiates",
    DrugType.ATS: "ats",
    DrugType.CANNABIS: "cannabis",
    DrugType.KETAMINE: "ketamine",
    DrugType.COCAINE: "cocaine",
    DrugType.OTHER: "other",
}
SEXES = ("male", "female")
REGIMES = ("R2021", "R2026")


def age_band(birth: PartialDate | None, on: date) -> str:
    """The age band on a day (a year-only birth counts at its latest, as the age gates do)."""
    if birth is None:
        return UNKNOWN
    age = age_on(birth, on)
    for code, low, below in AGE_BANDS:
        if low <= age < below:
            return code
    return UNKNOWN


def substance_group(drug_types: tuple[DrugType, ...]) -> str:
    """Heroin/opiates, ATS, cannabis, ketamine, cocaine, other, or poly-drug when several."""
    groups = {_GROUP_OF[drug] for drug in drug_types}
    if not groups:
        return UNKNOWN
    return groups.pop() if len(groups) == 1 else "poly"
