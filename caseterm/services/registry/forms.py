"""Turning what an officer typed (CLI options or form fields) into a `PersonRecord`.

Both front ends call this, so a date or an enumeration means the same everywhere: dates as
`dd/mm/yyyy`, `yyyy-mm-dd`, `mm/yyyy` or `yyyy`; enumerations as the Vietnamese word (with or
without tones) or the English code. Every problem is collected, then refused at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from caseterm.domain.codes import DrugType, IdType, ParsableEnum, ResidenceStatus, Route, Sex
from caseterm.domain.dates import DateFormatError, PartialDate
from caseterm.domain.person import DrugProfile, FamilyMember, PersonRecord
from caseterm.errors import ValidationFailed
from caseterm.i18n import _
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
    for name, kind in (("sex", Sex), ("id_type", IdType), ("residence_status", ResidenceStatus)):
        if isinstance(text := values.get(name), str):
            changes[name] = found.enum(name, kind, text)
    for name in ("birth", "id_issue_date"):
        if isinstance(text := values.get(name), str):
            changes[name] = found.date(name, text)
    profile = _profile(values, base.profile if base else DrugProfile(), found)
    family = _family(values, base.family if base else ())
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
            if value is not None or key in ("id_type", "residence_status", "id_issue_date")
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
    return replace(profile, **changes)


def _family(values: FieldValues, family: tuple[FamilyMember, ...]) -> tuple[FamilyMember, ...]:
    members = list(family)
    for relation in FAMILY_FIELDS:
        text = values.get(relation)
        if isinstance(text, str):
            members = [m for m in members if m.relation != relation]
            if text.strip():
                members.append(FamilyMember(relation, text.strip()))
    return tuple(members)
