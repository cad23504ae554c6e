"""The person's blocks of a document (the forms' "ID+" and "ID−" blocks, the résumé's items).

Every value is what the file holds, in the words of the template set's vocabulary. An optional
item the file leaves empty prints the set's word for "none" (Không) — an answer, not a blank;
an item the law requires and the file lacks stays empty here, and the form's required list
makes the document ask for it before anything is written.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from caseterm.domain.documents import short_date, vi_upper
from caseterm.domain.lifecycle.model import MeasureKind
from caseterm.domain.person import FamilyMember, PersonRecord
from caseterm.services.documents.context_history import history_block
from caseterm.services.registry.persons import PersonFile

PERSON_FIELDS = {
    "p.birth_place": "birth_place",
    "p.origin_place": "origin_place",
    "p.residence": "permanent_address",
    "p.current_address": "current_address",
    "p.ethnicity": "ethnicity",
    "p.education": "education",
    "r.education_boxes": "education_level",
    "p.occupation": "occupation",
    "p.id_issue_date": "id_issue_date",
    "p.id_issue_place": "id_issue_place",
    "p.full_name": "full_name",
}
"""Document keys an officer can fill in the person's record when a form needs them."""


def person_block(record: PersonRecord, words: dict[str, Any]) -> dict[str, str]:
    """The identity block: name in capitals, dates as dd/mm/yyyy, "Không" for an empty option."""
    none = str(words["none"])
    has_id = bool(record.id_number)
    residence = record.permanent_address or record.temporary_address
    return {
        "full_name": record.full_name,
        "name_upper": vi_upper(record.full_name),
        "sex": str(words["sex"].get(record.sex.value, record.sex.value)),
        "aliases": ", ".join(record.aliases) or none,
        "birth": short_date(record.birth),
        "birth_place": record.birth_place,
        "origin_place": record.origin_place,
        "residence": residence,
        "current_address": record.current_address,
        "residence_or_current": residence or record.current_address,
        "id_number": record.id_number or str(words["unknown_id"]),
        "id_issue_date": short_date(record.id_issue_date) if has_id else none,
        "id_issue_place": record.id_issue_place if has_id else none,
        "ethnicity": record.ethnicity,
        "religion": record.religion or none,
        "education": record.education,
        "occupation": record.occupation,
        "workplace": record.workplace or none,
        "nationality": str(words["nationality"].get(record.nationality, record.nationality)),
        "phone": record.phone or none,
        "social_account": record.social_account or none,
    }


def record_block(file: PersonFile, words: dict[str, Any], today: date) -> dict[str, Any]:
    """The résumé's and the lý lịch's items: family, record, drugs, rehab history."""
    record = file.person.record
    profile = record.profile
    yes, no, none = str(words["yes_box"]), str(words["no_box"]), str(words["none"])
    father = _member(record.family, "father")
    mother = _member(record.family, "mother")
    drugs = [str(words["drug"][d.value]) for d in profile.drug_types]
    routes = [str(words["route"][r.value]) for r in profile.routes]
    other_ethnicity = record.ethnicity if record.ethnicity.lower() != "kinh" else ""
    history = history_block(file, words)
    not_yet = str(words["not_yet"])
    block = {
        "kinh": yes if not other_ethnicity and record.ethnicity else no,
        "other_ethnicity": other_ethnicity or none,
        "religion_yes": yes if record.religion else no,
        "religion_no": no if record.religion else yes,
        "father": father.name if father else none,
        "mother": mother.name if mother else none,
        "family": [{"line": _family_line(m, words, today)} for m in record.family],
        "prior_record": profile.prior_record or none,
        "psychosis_yes": yes if profile.psychosis else no,
        "psychosis_no": yes if profile.psychosis is False else no,
        "use_started": short_date(profile.use_started) or none,
        "first_detected": short_date(profile.first_detected) or none,
        "drugs": _listed(drugs, str(words["many_drugs"]), none),
        "routes": _listed(routes, str(words["many_routes"]), none),
        "frequency": profile.frequency or none,
        "rehab": _rehab_count(profile.previous_voluntary_rehab, words),
        "voluntary_episodes": _joined(
            history["past_voluntary"], _episodes(file, MeasureKind.VOLUNTARY_REHAB, words), not_yet
        ),
        "post_rehab_decisions": _joined(
            history["past_post_rehab"], _episodes(file, MeasureKind.POST_REHAB, words), not_yet
        ),
        "compulsory_decisions": _joined(
            history["past_compulsory"], _episodes(file, MeasureKind.COMPULSORY, words), not_yet
        ),
        "substitution": profile.substitution_history or none,
    }
    return {**history, **block}


def _joined(past: str, kept: str, not_yet: str) -> str:
    """Episodes from before the file, then caseterm's own; "Chưa" when there are none."""
    parts = [part for part in (past, "" if kept == not_yet else kept) if part]
    return "; ".join(parts) or not_yet


def _member(family: tuple[FamilyMember, ...], relation: str) -> FamilyMember | None:
    return next((m for m in family if m.relation == relation), None)


def _family_line(member: FamilyMember, words: dict[str, Any], today: date) -> str:
    none = str(words["none"])
    age = str(today.year - member.birth_year) if member.birth_year else none
    relation = words["relation"].get(member.relation, words["relation"]["other"])
    return str(words["family_line"]).format(
        relation=relation,
        name=member.name,
        age=age,
        occupation=member.occupation or none,
        residence=member.residence or none,
    )


def _listed(items: list[str], many: str, none: str) -> str:
    if not items:
        return none
    return "; ".join(items) + (f" ({many})" if len(items) > 1 else "")


def _rehab_count(count: int, words: dict[str, Any]) -> str:
    return str(words["rehab_count"]).format(n=count) if count else str(words["not_yet"])


def _episodes(file: PersonFile, kind: MeasureKind, words: dict[str, Any]) -> str:
    """The decisions of this kind recorded in the file: number, date, place."""
    lines = []
    for measure in file.lifecycle.measures:
        if measure.kind is not kind:
            continue
        opening = next((e for e in file.life if e.id == measure.id), None)
        decision = getattr(opening.payload, "decision_no", "") if opening else ""
        place = str(words["rehab_place"].get(measure.form.value, "")) if measure.form else ""
        lines.append(
            str(words["episode_line"])
            .format(
                decision=decision or "-", date=short_date(measure.opened_at.date()), place=place
            )
            .rstrip(", ")
        )
    return "; ".join(lines) or str(words["not_yet"])
