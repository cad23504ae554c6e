"""Distinctive synthetic values (T29–T32, T37) and the scans that look for them.

Every canary is a made-up word that appears nowhere but in the records a test writes, so a hit
anywhere else (a file, a log, stderr, the terminal, an audit entry) is a leak.
"""

from __future__ import annotations

from pathlib import Path

from caseterm.domain.codes import DrugType, PastRehabForm, PriorKind
from caseterm.domain.person import (
    DrugProfile,
    FamilyMember,
    PastRehab,
    PersonRecord,
    PriorDecision,
)
from tests.conftest import person

CANARIES = [f"Canaryzq{index:02d}" for index in range(60)]
"""Sixty values: names, aliases, addresses, ethnicity, religion, occupation, notes."""


def needles(canary: str) -> list[bytes]:
    """The byte forms a canary could take in a file: UTF-8, UTF-16, lower case."""
    return [canary.encode("utf-8"), canary.encode("utf-16-le"), canary.lower().encode("utf-8")]


def hits_in(data: bytes) -> list[str]:
    """The canaries found in some bytes."""
    return [canary for canary in CANARIES if any(n in data for n in needles(canary))]


def scan_tree(folder: Path) -> list[tuple[str, str]]:
    """(file, canary) for every canary in every file under `folder`."""
    found: list[tuple[str, str]] = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            found += [(str(path.relative_to(folder)), c) for c in hits_in(path.read_bytes())]
    return found


def canary_record(index: int) -> PersonRecord:
    """A valid record carrying three canaries in every free-text field it has."""
    name, alias, note = (CANARIES[(index * 3 + k) % len(CANARIES)] for k in range(3))
    return person(
        f"Nguyễn Văn {name}",
        id_number=f"00109{index:07d}",
        aliases=(alias,),
        occupation=note,
        current_address=f"Số 5 ngõ {alias}",
        family=(FamilyMember("mother", f"Lê Thị {note}", id_issue_place=note),),
        profile=DrugProfile(
            drug_types=(DrugType.HEROIN,),
            frequency=note,
            prior_record=note,
            prior_decisions=(PriorDecision(PriorKind.DRUG_SANCTION, issuer=note, measure=alias),),
            past_rehab=(PastRehab(PastRehabForm.COMPULSORY, place=note, authority=alias),),
        ),
        religion=note,
        ethnicity=note,
    )
