"""Turning what an officer typed (CLI options or form fields) into a `PersonRecord`.

Both front ends call this, so a date or an enumeration means the same everywhere: dates as
`dd/mm/yyyy`, `yyyy-mm-dd`, `mm/yyyy` or `yyyy`; enumerations as the Vietnamese word (with or
without tones) or the English code. Every problem is collected, then refused at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from caseterm.domain.codes import (
    DrugType,
    EducationLevel,
    IdType,
    ParsableEnum,
    PastRehabForm,
    PriorKind,
    ResidenceStatus,
    Route,
    Sex,
)
from caseterm.domain.dates import DateFormatError, PartialDate
from caseterm.domain.person import DrugProfile, FamilyMember, PastRehab, PersonRecord, PriorDecision
from caseterm.errors import ValidationFailed
from caseterm.i18n import N_, _
from caseterm.services.words.labels import code_label
from caseterm.services.words.messages import field_label

TEXT_FIELDS = (
    "full_name",
    "birth_place",
    "origin_place",
    "permanent_address",
    "temporary_address",
    "current_address",
    "village",
    "id_number",
    "id_issue_place",
    "ethnicity",
    "religion",
    "nationality",
    "education",
    "occupation",
    "workplace",
    "phone",
    "social_account",
)
FAMILY_FIELDS = ("father", "mother", "representative")
PARENT_DETAILS = ("id", "id_date", "id_place", "phone", "birth_year")
"""`father_id`, `mother_phone`…: what the résumé prints for each parent (items 13–14)."""
PRIOR_PARTS = ("kind", "number", "decided_on", "issuer", "measure")
PAST_REHAB_PARTS = ("form", "place", "started", "ended", "decision_no", "authority")
"""The parts of one `--prior` / `--past-rehab` entry, in order, separated by "|"."""
FieldValues = Mapping[str, str | Sequence[str] | bool | None]
E = TypeVar("E", bound=ParsableEnum)


class _Collector:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def date(self, name: str, text: str) -> PartialDate | None:
        if not text.strip():
            return None
        try:
            return PartialDate.parse(text)
        except DateFormatError:
            # The value is not repeated: messages name fields, never what was in them (T29).
            self.problems.append(
                f"{field_label(name)}: " + _("not a date; write dd/mm/yyyy, or the year alone")
            )
            return None

    def enum(self, name: str, kind: type[E], text: str) -> E | None:
        if not text.strip():
            return None
        try:
            return kind.parse(text)
        except ValueError:
            choices = ", ".join(_choice(member.value) for member in kind)
            self.problems.append(
                f"{field_label(name)}: " + _("not one of: {choices}").format(choices=choices)
            )
            return None


def _choice(code: str) -> str:
    """A value as the officer may type it: its words, and the code when they differ."""
    words = code_label(code)
    return words if words == code else f"{words} ({code})"


def build_record(values: FieldValues, *, base: PersonRecord | None = None) -> PersonRecord:
    """Return `base` (or a new record) with the given fields replaced; refuse bad values."""
    found = _Collector()
    changes: dict[str, Any] = {
        name: str(values[name]) for name in TEXT_FIELDS if isinstance(values.get(name), str)
    }
    if "aliases" in values and values["aliases"] is not None:
        changes["aliases"] = tuple(_strings(values["aliases"]))
    for name, kind in (("sex", Sex), ("id_type", IdType), ("residence_status", ResidenceStatus),
                       ("education_level", EducationLevel)):  # fmt: skip
        if isinstance(text := values.get(name), str):
            changes[name] = found.enum(name, kind, text)
    for name in ("birth", "id_issue_date"):
        if isinstance(text := values.get(name), str):
            changes[name] = found.date(name, text)
    profile = _profile(values, base.profile if base else DrugProfile(), found)
    family = _parent_details(values, _family(values, base.family if base else ()), found)
    record = _assemble(base, changes, profile, family, found, given=set(values))
    if found.problems or record is None:
        raise ValidationFailed(_("The record was not saved:"), found.problems)
    return record


def _assemble(
    base: PersonRecord | None,
    changes: dict[str, Any],
    profile: DrugProfile,
    family: tuple[FamilyMember, ...],
    found: _Collector,
    *,
    given: set[str],
) -> PersonRecord | None:
    for required in REQUIRED_FIELDS:
        if required in given and not changes.get(required) and not _problem_named(found, required):
            found.problems.append(f"{field_label(required)}: " + _("this field is required"))
    if base is not None:
        kept = {
            key: value
            for key, value in changes.items()
            if value is not None
            or key in ("id_type", "residence_status", "id_issue_date", "education_level")
        }
        return replace(base, **kept, profile=profile, family=family)
    for required in REQUIRED_FIELDS:
        if required not in given:
            found.problems.append(f"{field_label(required)}: " + _("this field is required"))
    if found.problems:
        return None
    return PersonRecord(**changes, profile=profile, family=family)


REQUIRED_FIELDS = ("full_name", "sex", "birth")
"""A new record needs these; an edit cannot empty them."""


def _problem_named(found: _Collector, name: str) -> bool:
    """True when a problem about field `name` was already listed (a bad date, an unknown sex)."""
    return any(problem.startswith(f"{field_label(name)}:") for problem in found.problems)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    if isinstance(value, Sequence):
        return [str(part).strip() for part in value if str(part).strip()]
    return []


def _profile(values: FieldValues, profile: DrugProfile, found: _Collector) -> DrugProfile:
    changes: dict[str, Any] = {}
    if isinstance(values.get("psychosis"), bool):
        changes["psychosis"] = values["psychosis"]
    for name, kind in (("drug_types", DrugType), ("routes", Route)):
        if values.get(name) is not None:
            parsed = [found.enum("profile", kind, text) for text in _strings(values[name])]
            changes[name] = tuple(item for item in parsed if item is not None)
    for name in ("use_started", "first_detected"):
        if isinstance(text := values.get(name), str):
            changes[name] = found.date("profile", text)
    for name in ("frequency", "prior_record", "substitution_history"):
        if isinstance(text := values.get(name), str):
            changes[name] = text
    if values.get("prior_decisions") is not None:
        entries = _strings_kept(values["prior_decisions"])
        changes["prior_decisions"] = tuple(
            d for text in entries if (d := _prior_decision(text, found)) is not None
        )
    if values.get("past_rehab") is not None:
        entries = _strings_kept(values["past_rehab"])
        changes["past_rehab"] = tuple(
            e for text in entries if (e := _past_episode(text, found)) is not None
        )
    return replace(profile, **changes)


def _strings_kept(value: object) -> list[str]:
    """Entries given one per option (or per line): a ";" inside one belongs to its text."""
    if isinstance(value, str):
        return [line.strip() for line in value.splitlines() if line.strip()]
    return _strings(value)


def _parts(text: str, names: tuple[str, ...], field: str, found: _Collector) -> list[str] | None:
    parts = [part.strip() for part in text.split("|")]
    if len(parts) > len(names) or not parts[0]:
        found.problems.append(
            f"{field_label(field)}: "
            + _("write the parts in this order, separated by |: {parts}").format(
                parts=" | ".join(_(PART_LABELS[name]) for name in names)
            )
        )
        return None
    return parts + [""] * (len(names) - len(parts))


def _prior_decision(text: str, found: _Collector) -> PriorDecision | None:
    parts = _parts(text, PRIOR_PARTS, "prior_decisions", found)
    if parts is None:
        return None
    kind = found.enum("prior_decisions", PriorKind, parts[0])
    decided_on = found.date("prior_decisions", parts[2])
    if kind is None:
        return None
    return PriorDecision(kind, parts[1], decided_on, parts[3], parts[4])


def _past_episode(text: str, found: _Collector) -> PastRehab | None:
    parts = _parts(text, PAST_REHAB_PARTS, "past_rehab", found)
    if parts is None:
        return None
    form = found.enum("past_rehab", PastRehabForm, parts[0])
    started = found.date("past_rehab", parts[2])
    ended = found.date("past_rehab", parts[3])
    if form is None:
        return None
    return PastRehab(form, parts[1], started, ended, parts[4], parts[5])


PART_LABELS = {
    "kind": N_("kind (tiền án ma túy, tiền sự ma túy, tiền án khác, tiền sự khác)"),
    "number": N_("decision number"),
    "decided_on": N_("date"),
    "issuer": N_("issued by"),
    "measure": N_("penalty or measure"),
    "form": N_("form (gia đình, tự nguyện, bắt buộc, sau cai)"),
    "place": N_("place"),
    "started": N_("from"),
    "ended": N_("to"),
    "decision_no": N_("decision number"),
    "authority": N_("decided by"),
}


def _parent_details(
    values: FieldValues, family: tuple[FamilyMember, ...], found: _Collector
) -> tuple[FamilyMember, ...]:
    """A parent's ID, its issue date and place, phone and birth year, on that parent's entry."""
    members = list(family)
    for relation in ("father", "mother"):
        given = {
            d: v for d in PARENT_DETAILS if isinstance(v := values.get(f"{relation}_{d}"), str)
        }
        if not given:
            continue
        index = next((i for i, m in enumerate(members) if m.relation == relation), None)
        if index is None:
            found.problems.append(
                f"{field_label(relation)}: " + _("give the name before the other details")
            )
            continue
        members[index] = _with_details(members[index], given, relation, found)
    return tuple(members)


def _with_details(
    member: FamilyMember, given: dict[str, str], relation: str, found: _Collector
) -> FamilyMember:
    changes: dict[str, Any] = {}
    if "id" in given:
        changes["id_number"] = given["id"].strip()
    if "id_place" in given:
        changes["id_issue_place"] = given["id_place"].strip()
    if "phone" in given:
        changes["phone"] = given["phone"].strip()
    if "id_date" in given:
        changes["id_issue_date"] = found.date(relation, given["id_date"])
    if "birth_year" in given:
        year = given["birth_year"].strip()
        if year and not (year.isascii() and year.isdigit() and len(year) == 4):
            found.problems.append(f"{field_label(relation)}: " + _("the birth year is 4 digits"))
        else:
            changes["birth_year"] = int(year) if year else None
    return replace(member, **changes)


def _family(values: FieldValues, family: tuple[FamilyMember, ...]) -> tuple[FamilyMember, ...]:
    members = list(family)
    for relation in FAMILY_FIELDS:
        text = values.get(relation)
        if isinstance(text, str):
            members = [m for m in members if m.relation != relation]
            if text.strip():
                members.append(FamilyMember(relation, text.strip()))
    return tuple(members)
