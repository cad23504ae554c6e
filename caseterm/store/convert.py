"""Between the domain's `PersonRecord` and the person row (columns + `details` JSON)."""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

from caseterm.domain.codes import (
    DrugType,
    EducationLevel,
    IdType,
    PastRehabForm,
    PriorKind,
    ResidenceStatus,
    Route,
    Sex,
)
from caseterm.domain.dates import PartialDate
from caseterm.domain.names import fold, register_sort_key
from caseterm.domain.person import (
    DrugProfile,
    FamilyMember,
    PastRehab,
    PersonRecord,
    PriorDecision,
)

_COLUMNS = ("full_name", "sex", "birth", "id_type", "id_number", "village")


def person_columns(record: PersonRecord) -> dict[str, Any]:
    """Return the indexed columns and the `details` JSON of a record."""
    return {
        "full_name": record.full_name,
        "name_folded": record.folded_name(),
        "sort_key": register_sort_key(record.full_name),
        "sex": record.sex.value,
        "birth": record.birth.iso(),
        "birth_year": record.birth.year,
        "id_type": record.id_type.value if record.id_type else None,
        "id_number": record.id_number or None,
        "village": record.village,
        "details": json.dumps(
            record_to_json(record, columns=False), ensure_ascii=False, sort_keys=True
        ),
    }


def record_to_json(record: PersonRecord, *, columns: bool = True) -> dict[str, Any]:
    """Return a JSON-ready dict of a record (codes for enums, ISO forms for dates)."""
    # A shallow read, not `asdict`: its deep copy was most of the cost of a bundle, and every
    # field that is not a plain value is replaced by its JSON form just below.
    out: dict[str, Any] = {
        f.name: getattr(record, f.name) for f in fields(record) if columns or f.name not in _COLUMNS
    }
    out.update(_dates_and_codes(record, columns))
    return out


def _dates_and_codes(record: PersonRecord, columns: bool) -> dict[str, Any]:
    profile = record.profile
    converted: dict[str, Any] = {
        "aliases": list(record.aliases),
        "residence_status": record.residence_status.value if record.residence_status else None,
        "id_issue_date": record.id_issue_date.iso() if record.id_issue_date else None,
        "education_level": record.education_level.value if record.education_level else None,
        "family": [_member_json(member) for member in record.family],
        "profile": {
            **_shallow(profile),
            "use_started": profile.use_started.iso() if profile.use_started else None,
            "first_detected": profile.first_detected.iso() if profile.first_detected else None,
            "drug_types": [d.value for d in profile.drug_types],
            "routes": [r.value for r in profile.routes],
            "prior_decisions": [
                {**_shallow(d), "kind": d.kind.value, "decided_on": _iso(d.decided_on)}
                for d in profile.prior_decisions
            ],
            "past_rehab": [
                {
                    **_shallow(e),
                    "form": e.form.value,
                    "started": _iso(e.started),
                    "ended": _iso(e.ended),
                }
                for e in profile.past_rehab
            ],
        },
    }
    if columns:
        converted.update(
            sex=record.sex.value,
            birth=record.birth.iso(),
            id_type=record.id_type.value if record.id_type else None,
        )
    return converted


def _shallow(value: Any) -> dict[str, Any]:
    """A dataclass's fields as a dict, without `asdict`'s deep copy.

    The fields are plain values, or are replaced by their JSON form by the caller.
    """
    return {f.name: getattr(value, f.name) for f in fields(value)}


def _date(value: str | None) -> PartialDate | None:
    return PartialDate.from_iso(value) if value else None


def _iso(value: PartialDate | None) -> str | None:
    return value.iso() if value else None


def _member_json(member: FamilyMember) -> dict[str, Any]:
    return {
        **_shallow(member),
        "sex": member.sex.value if member.sex else None,
        "id_issue_date": _iso(member.id_issue_date),
    }


def _member(data: dict[str, Any]) -> FamilyMember:
    return FamilyMember(
        **{
            **data,
            "sex": Sex(data["sex"]) if data.get("sex") else None,
            "id_issue_date": _date(data.get("id_issue_date")),
        }
    )


def _prior(data: dict[str, Any]) -> PriorDecision:
    return PriorDecision(
        **{**data, "kind": PriorKind(data["kind"]), "decided_on": _date(data.get("decided_on"))}
    )


def _past_rehab(data: dict[str, Any]) -> PastRehab:
    return PastRehab(
        **{
            **data,
            "form": PastRehabForm(data["form"]),
            "started": _date(data.get("started")),
            "ended": _date(data.get("ended")),
        }
    )


def record_from_json(data: dict[str, Any]) -> PersonRecord:
    """Rebuild a record from `record_to_json` output (also used for the row's columns+details)."""
    profile = data.get("profile") or {}
    return PersonRecord(
        full_name=data["full_name"],
        sex=Sex(data["sex"]),
        birth=PartialDate.from_iso(data["birth"]),
        aliases=tuple(data.get("aliases", ())),
        birth_place=data.get("birth_place", ""),
        origin_place=data.get("origin_place", ""),
        permanent_address=data.get("permanent_address", ""),
        temporary_address=data.get("temporary_address", ""),
        current_address=data.get("current_address", ""),
        village=data.get("village", ""),
        residence_status=ResidenceStatus(data["residence_status"])
        if data.get("residence_status")
        else None,
        id_type=IdType(data["id_type"]) if data.get("id_type") else None,
        id_number=data.get("id_number") or "",
        id_issue_date=_date(data.get("id_issue_date")),
        id_issue_place=data.get("id_issue_place", ""),
        ethnicity=data.get("ethnicity", ""),
        religion=data.get("religion", ""),
        nationality=data.get("nationality", "VN"),
        education=data.get("education", ""),
        education_level=EducationLevel(data["education_level"])
        if data.get("education_level")
        else None,
        occupation=data.get("occupation", ""),
        workplace=data.get("workplace", ""),
        phone=data.get("phone", ""),
        social_account=data.get("social_account", ""),
        family=tuple(_member(member) for member in data.get("family", ())),
        profile=DrugProfile(
            psychosis=profile.get("psychosis"),
            use_started=_date(profile.get("use_started")),
            first_detected=_date(profile.get("first_detected")),
            drug_types=tuple(DrugType(d) for d in profile.get("drug_types", ())),
            routes=tuple(Route(r) for r in profile.get("routes", ())),
            frequency=profile.get("frequency", ""),
            prior_record=profile.get("prior_record", ""),
            previous_voluntary_rehab=int(profile.get("previous_voluntary_rehab", 0)),
            substitution_history=profile.get("substitution_history", ""),
            prior_decisions=tuple(_prior(d) for d in profile.get("prior_decisions", ())),
            past_rehab=tuple(_past_rehab(e) for e in profile.get("past_rehab", ())),
        ),
    )


def record_from_row(columns: dict[str, Any], details: str) -> PersonRecord:
    """Rebuild a record from a person row's columns and details JSON."""
    data = json.loads(details)
    data.update({key: columns[key] for key in _COLUMNS})
    return record_from_json(data)


def search_text(record: PersonRecord) -> str:
    """Return the folded words the search index holds: the name and every alias."""
    return " ".join([record.folded_name(), *(fold(alias) for alias in record.aliases)])
