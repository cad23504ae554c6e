"""The person's identity block and drug-use profile (legal spec §3.1–3.2) and their validation."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from caseterm.domain.cccd import check_cccd
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
from caseterm.domain.dates import PartialDate, age_on
from caseterm.domain.issues import Issue, Severity
from caseterm.domain.names import fold, normalise_spaces

MAX_NAME = 100
MAX_TEXT = 300
OLDEST_AGE = 120
_PHONE = re.compile(r"^\+?[0-9 .-]{8,15}$")
_PASSPORT = re.compile(r"^[A-Z0-9]{6,12}\Z")


@dataclass(frozen=True)
class FamilyMember:
    """A parent, spouse, child or legal representative (Mẫu 05, Mẫu 33)."""

    relation: str
    """`father`, `mother`, `spouse`, `child`, `guardian` or `representative`."""
    name: str
    birth_year: int | None = None
    id_number: str = ""
    occupation: str = ""
    residence: str = ""
    sex: Sex | None = None
    id_issue_date: PartialDate | None = None
    id_issue_place: str = ""
    phone: str = ""
    """The ID's issue date and place and a phone: the résumé prints them for each parent (B5)."""


@dataclass(frozen=True)
class PriorDecision:
    """One earlier conviction or sanction (tiền án, tiền sự) and its decision (Mẫu 05 item 16)."""

    kind: PriorKind
    number: str = ""
    decided_on: PartialDate | None = None
    issuer: str = ""
    measure: str = ""
    """The penalty or measure, in the decision's words ("phạt tiền 1.500.000 đồng")."""


@dataclass(frozen=True)
class PastRehab:
    """An episode of rehab or post-rehab before the file was kept in caseterm (B4)."""

    form: PastRehabForm
    place: str = ""
    started: PartialDate | None = None
    ended: PartialDate | None = None
    decision_no: str = ""
    authority: str = ""
    """Who decided it (a court, a People's Committee chairman), for a compulsory episode."""


RELATIONS = ("father", "mother", "spouse", "child", "guardian", "representative")


@dataclass(frozen=True)
class DrugProfile:
    """Drug-use and legal history, updated over time (legal spec §3.2)."""

    psychosis: bool | None = None
    use_started: PartialDate | None = None
    first_detected: PartialDate | None = None
    drug_types: tuple[DrugType, ...] = ()
    routes: tuple[Route, ...] = ()
    frequency: str = ""
    prior_record: str = ""
    previous_voluntary_rehab: int = 0
    substitution_history: str = ""
    prior_decisions: tuple[PriorDecision, ...] = ()
    """Convictions and sanctions, one by one; `prior_record` keeps what a legacy file wrote."""
    past_rehab: tuple[PastRehab, ...] = ()


@dataclass(frozen=True)
class PersonRecord:
    """Everything the identity block holds about one person."""

    full_name: str
    sex: Sex
    birth: PartialDate
    aliases: tuple[str, ...] = ()
    birth_place: str = ""
    origin_place: str = ""
    permanent_address: str = ""
    temporary_address: str = ""
    current_address: str = ""
    village: str = ""
    """Village / residential group (thôn, tổ dân phố): every list breaks down by it."""
    residence_status: ResidenceStatus | None = None
    id_type: IdType | None = None
    id_number: str = ""
    id_issue_date: PartialDate | None = None
    id_issue_place: str = ""
    ethnicity: str = ""
    religion: str = ""
    nationality: str = "VN"
    education: str = ""
    education_level: EducationLevel | None = None
    occupation: str = ""
    workplace: str = ""
    phone: str = ""
    social_account: str = ""
    family: tuple[FamilyMember, ...] = ()
    profile: DrugProfile = field(default_factory=DrugProfile)

    def normalised(self) -> PersonRecord:
        """Return a copy with names and identifiers cleaned of stray spaces and case."""
        return _replace(
            self,
            full_name=normalise_spaces(self.full_name),
            aliases=tuple(dict.fromkeys(a for a in map(normalise_spaces, self.aliases) if a)),
            id_number=re.sub(r"\s+", "", self.id_number).upper(),
            village=normalise_spaces(self.village),
        )

    def folded_name(self) -> str:
        """Return the full name folded for search."""
        return fold(self.full_name)


def _replace(record: PersonRecord, **changes: Any) -> PersonRecord:
    values = {f.name: getattr(record, f.name) for f in fields(record)}
    values.update(changes)
    return PersonRecord(**values)


def validate_person(record: PersonRecord, *, today: date) -> list[Issue]:
    """Return every problem of a (normalised) record; errors refuse it, warnings need a yes."""
    issues = _check_name(record) + _check_birth(record, today) + _check_id(record)
    issues += _check_texts(record) + _check_family(record, today)
    issues += _check_history(record.profile, today)
    if record.phone and not _PHONE.match(record.phone):
        issues.append(Issue("phone.format", "phone", Severity.WARNING))
    if record.profile.previous_voluntary_rehab < 0:
        issues.append(Issue("profile.negative_count", "profile", Severity.ERROR))
    return issues


def _check_name(record: PersonRecord) -> list[Issue]:
    issues: list[Issue] = []
    if not record.full_name:
        issues.append(Issue("name.empty", "full_name", Severity.ERROR))
    elif len(record.full_name) > MAX_NAME:
        issues.append(Issue("name.too_long", "full_name", Severity.ERROR, {"max": str(MAX_NAME)}))
    elif not fold(record.full_name):
        issues.append(Issue("name.no_letters", "full_name", Severity.ERROR))
    elif any(ch.isdigit() for ch in record.full_name):
        issues.append(Issue("name.has_digits", "full_name", Severity.WARNING))
    for alias in record.aliases:
        if len(alias) > MAX_NAME:
            issues.append(
                Issue("alias.too_long", "aliases", Severity.ERROR, {"max": str(MAX_NAME)})
            )
    return issues


def _check_birth(record: PersonRecord, today: date) -> list[Issue]:
    if record.birth.earliest() > today:
        return [Issue("birth.future", "birth", Severity.ERROR)]
    if age_on(record.birth, today) > OLDEST_AGE:
        return [Issue("birth.too_old", "birth", Severity.ERROR, {"max": str(OLDEST_AGE)})]
    return []


def _check_id(record: PersonRecord) -> list[Issue]:
    number, kind = record.id_number, record.id_type
    if not number:
        return [Issue("id.missing_number", "id_number", Severity.ERROR)] if kind else []
    if kind is None:
        return [Issue("id.missing_type", "id_type", Severity.ERROR)]
    if kind in (IdType.CC, IdType.CCCD):
        return check_cccd(number, birth_year=record.birth.year, sex=record.sex)
    if kind is IdType.CMND and not (
        number.isascii() and number.isdigit() and len(number) in (9, 12)
    ):
        return [Issue("cmnd.format", "id_number", Severity.ERROR)]
    if kind is IdType.PASSPORT and not _PASSPORT.match(number):
        return [Issue("passport.format", "id_number", Severity.ERROR)]
    if kind is IdType.VNEID and not (number.isalnum() and 6 <= len(number) <= 20):
        return [Issue("vneid.format", "id_number", Severity.ERROR)]
    return []


def _nested_texts(record: PersonRecord, name: str) -> list[str]:
    """The texts inside the family and the profile, which are checked as the record's own."""
    items: list[Any] = list(record.family) if name == "family" else []
    if name == "profile":
        items = [record.profile, *record.profile.prior_decisions, *record.profile.past_rehab]
    return [
        v for item in items for f in fields(item) if isinstance(v := getattr(item, f.name), str)
    ]


def _check_texts(record: PersonRecord) -> list[Issue]:
    issues: list[Issue] = []
    for f in fields(record):
        value = getattr(record, f.name)
        texts = [value] if isinstance(value, str) else list(value) if f.name == "aliases" else []
        texts += _nested_texts(record, f.name)
        if any(len(text) > MAX_TEXT for text in texts):
            issues.append(Issue("text.too_long", f.name, Severity.ERROR, {"max": str(MAX_TEXT)}))
        if any(_hidden_characters(text) for text in texts):
            issues.append(Issue("text.hidden_characters", f.name, Severity.ERROR))
    return issues


def _hidden_characters(text: str) -> bool:
    """True when the text holds control, format, private or unassigned characters.

    No name or address needs them, and bidi overrides or zero-width marks can make one name
    look like another on screen.
    """
    if text.isprintable():  # the usual case, answered in C
        return False
    return any(unicodedata.category(ch) in _HIDDEN for ch in text)


_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


def _check_family(record: PersonRecord, today: date) -> list[Issue]:
    issues = [
        Issue("family.relation", "family", Severity.ERROR, {"relation": member.relation})
        for member in record.family
        if member.relation not in RELATIONS
    ]
    is_minor = age_on(record.birth, today) < 18
    has_representative = any(
        m.relation in ("guardian", "representative", "father", "mother") for m in record.family
    )
    if is_minor and not has_representative:
        issues.append(Issue("family.minor_without_representative", "family", Severity.WARNING))
    return issues


def _check_history(profile: DrugProfile, today: date) -> list[Issue]:
    """An earlier decision or episode cannot be dated after today, nor end before it began."""
    dates = [d.decided_on for d in profile.prior_decisions]
    dates += [day for e in profile.past_rehab for day in (e.started, e.ended)]
    issues = []
    if any(day is not None and day.earliest() > today for day in dates):
        issues.append(Issue("history.future", "profile", Severity.ERROR))
    if any(e.started and e.ended and e.ended.latest() < e.started.earliest()
           for e in profile.past_rehab):  # fmt: skip
        issues.append(Issue("history.order", "profile", Severity.ERROR))
    return issues


def is_duplicate_candidate(new: PersonRecord, existing: PersonRecord) -> bool:
    """Return True when two records may be the same person (same id; same name, birth ±1 year)."""
    if new.id_number and new.id_number == existing.id_number:
        return True
    same_name = new.folded_name() == existing.folded_name()
    return same_name and abs(new.birth.year - existing.birth.year) <= 1
