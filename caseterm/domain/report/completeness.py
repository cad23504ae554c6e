"""Whether a person's management file is complete (the directive's "100 % có hồ sơ quản lý").

No text lists the fields of a complete file; these are the ones every form of the dossier asks
for (ND163 Mẫu 01, 05, 33: identity document, address, village, ethnicity, occupation, the
drugs used) beyond the name, sex and birth the register cannot do without [U].
"""

from __future__ import annotations

from caseterm.domain.person import PersonRecord


def missing_file_fields(record: PersonRecord) -> tuple[str, ...]:
    """The fields a complete management file still lacks (their `PersonRecord` names)."""
    checks = {
        "id_number": bool(record.id_number),
        "permanent_address": bool(record.permanent_address or record.current_address),
        "village": bool(record.village),
        "ethnicity": bool(record.ethnicity),
        "occupation": bool(record.occupation),
        "drug_types": bool(record.profile.drug_types),
    }
    return tuple(name for name, present in checks.items() if not present)
