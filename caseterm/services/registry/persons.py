"""The person registry: add with the duplicate check, find, show, update — every call audited."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields

from caseterm.domain.issues import Issue, errors_of, warnings_of
from caseterm.domain.lifecycle import Derived, LifeEvent, PersonFacts, derive
from caseterm.domain.lifecycle.timecalc import WorkCalendar
from caseterm.domain.names import tokens
from caseterm.domain.permissions import Action
from caseterm.domain.person import PersonRecord, validate_person
from caseterm.domain.retention import DEFAULT_READ_ONLY_AFTER_DAYS, Retention, retention_of
from caseterm.errors import (
    ChiefNeeded,
    NeedsConfirmation,
    RefusedError,
    ValidationFailed,
)
from caseterm.i18n import _
from caseterm.ids import new_id
from caseterm.services.lifecycle.calendar import unit_calendar
from caseterm.services.lifecycle.events import life_event, refresh_projection, refuse_if_read_only
from caseterm.services.lifecycle.person_ids import file_number, no_such_person, resolve_person
from caseterm.services.session.case_session import CaseSession
from caseterm.services.words.labels import date_label, file_label
from caseterm.services.words.messages import describe_issue
from caseterm.store.database import Tx
from caseterm.store.records import EventInfo, ListFilter, Matches, PersonSummary, StoredPerson

__all__ = ["ListFilter", "Matches", "PersonFile", "PersonSummary", "Review"]

SEARCH_LIMIT = 50
MIN_ID_PREFIX = 3
MIN_NAME_LETTERS = 2
"""One letter matches half the register: searching starts with the second."""


@dataclass(frozen=True)
class Review:
    """What stands between a draft and the register: problems and likely duplicates."""

    issues: list[Issue]
    duplicates: list[PersonSummary]
    same_id: list[PersonSummary] = field(default_factory=list)
    """The duplicates that hold the very same ID number: only a chief saves a second one."""

    @property
    def errors(self) -> list[Issue]:
        """Problems that refuse the record."""
        return errors_of(self.issues)

    @property
    def warnings(self) -> list[Issue]:
        """Problems that need an explicit yes."""
        return warnings_of(self.issues)

    @property
    def needs_supervisor(self) -> bool:
        """True when a warning may only be overridden by a chief.

        A CCCD that fails its province, century, sex or year rules; an ID number another
        person holds.
        """
        return bool(self.same_id) or any(issue.needs_supervisor for issue in self.warnings)

    def supervisor_texts(self) -> list[str]:
        """The sentences of what only a chief may confirm."""
        texts = [describe_issue(i) for i in self.warnings if i.needs_supervisor]
        template = _("the ID number is already that of {name} ({birth}), file {pid}")
        return texts + [_about(template, dup) for dup in self.same_id]

    def warning_texts(self) -> list[str]:
        """Sentences for every warning and every duplicate candidate."""
        texts = [describe_issue(issue) for issue in self.warnings]
        template = _("possible duplicate: {name} ({birth}), id {pid}")
        return texts + [_about(template, dup) for dup in self.duplicates]


def _about(template: str, other: PersonSummary) -> str:
    """A sentence about another person: their name, birth date and file."""
    return template.format(
        name=other.full_name,
        birth=date_label(other.birth),
        pid=file_label(other.file_no, other.id, other.file_unit),
    )


@dataclass(frozen=True)
class PersonFile:
    """A person's record and timeline, as shown in the person file."""

    person: StoredPerson
    events: list[EventInfo]
    lifecycle: Derived
    facts: PersonFacts
    life: list[LifeEvent]
    """The events as the engine reads them (for the actions the table allows, and previews)."""
    calendar: WorkCalendar
    """The calendar the file was derived under (the unit's Art 148(5) setting applied)."""
    read_only_after_days: int = DEFAULT_READ_ONLY_AFTER_DAYS
    """The unit's correction period for closed cases (the file shows when it becomes read-only)."""
    drafted_by: dict[str, str] = field(default_factory=dict)
    """Event id → the account that drafted it, for the decisions a chief approved from a draft."""
    waiting: list[str] = field(default_factory=list)
    """The event types of this person's drafts waiting for the chief."""

    @property
    def retention(self) -> Retention:
        """Whether the file is open, closed but correctable, or read-only."""
        return retention_of(self.lifecycle, self.read_only_after_days)


def review(session: CaseSession, record: PersonRecord, *, person_id: str | None = None) -> Review:
    """Validate a draft and look for duplicates, without saving (audited as a check)."""
    session.require(Action.PERSON_READ)
    record = record.normalised()
    issues = validate_person(record, today=session.clock.now().date())
    with session.transaction(durable=False) as tx:
        duplicates = tx.persons.duplicate_candidates(record, exclude=person_id)
        session.audit(
            tx,
            "person.duplicate_check",
            "person",
            person_id or "-",
            {"candidates": len(duplicates)},
        )
    same_id = [d for d in duplicates if record.id_number and d.id_number == record.id_number]
    return Review(issues, duplicates, same_id)


def _enforce(session: CaseSession, found: Review, *, confirm: bool) -> list[str]:
    """Refuse on errors; ask for a yes on warnings; return the overridden warning codes."""
    if found.errors:
        raise ValidationFailed(
            _("The record was not saved:"), [describe_issue(issue) for issue in found.errors]
        )
    if (found.warnings or found.duplicates) and not confirm:
        raise NeedsConfirmation(
            _("Check these before saving (confirm to save anyway):"), found.warning_texts()
        )
    if found.needs_supervisor and not session.may(Action.OVERRIDE_SUPERVISED_WARNING):
        raise ChiefNeeded(
            _("Only a chief may save a record with these warnings:")
            + "\n"
            + "\n".join(found.supervisor_texts())
            + "\n"
            + _("Save it as a draft for the chief instead (--draft, or “Send to the chief”).")
        )
    codes = [issue.code for issue in found.warnings]
    codes += ["duplicate_id_number"] * bool(found.same_id)
    return codes + ["duplicate_candidate"] * bool(found.duplicates)


def add_person(
    session: CaseSession,
    record: PersonRecord,
    *,
    confirm: bool = False,
    then: Callable[[Tx, str], None] | None = None,
) -> str:
    """Register a person; return the new id. Warnings and duplicates need `confirm=True`.

    `then(tx, person_id)` runs in the registration's own transaction (an approved draft).
    """
    session.require(Action.PERSON_CREATE)
    record = record.normalised()
    overridden = _enforce(session, review(session, record), confirm=confirm)
    person_id, now = new_id(), session.now()
    with session.transaction() as tx:
        tx.persons.insert(
            person_id=person_id,
            unit_code=session.unit.code,
            record=record,
            at=now,
            by=session.actor.id,
        )
        _event(session, tx, person_id, "person.registered", {"overridden_warnings": overridden})
        refresh_projection(session, tx, person_id)
        details: dict[str, str | int] = {"overridden": len(overridden)}
        if overridden:
            details["warnings"] = ",".join(sorted(set(overridden)))
        session.audit(tx, "person.create", "person", person_id, details)
        if then is not None:
            then(tx, person_id)
    return person_id


def update_person(
    session: CaseSession,
    person_id: str,
    record: PersonRecord,
    *,
    expected_version: int,
    confirm: bool = False,
) -> list[str]:
    """Replace a person's identity block; return the names of the changed fields."""
    session.require(Action.PERSON_UPDATE)
    record = record.normalised()
    with session.transaction(durable=False) as tx:
        current = tx.persons.get(person_id)
    if current is None:
        raise no_such_person(person_id)
    changed = [
        f.name for f in fields(record) if getattr(record, f.name) != getattr(current.record, f.name)
    ]
    if not changed:
        return []
    overridden = _enforce(session, review(session, record, person_id=person_id), confirm=confirm)
    with session.transaction() as tx:
        refuse_if_read_only(session, tx, person_id)
        if not tx.persons.update(
            person_id=person_id, record=record, at=session.now(), expected_version=expected_version
        ):
            raise RefusedError(_("Someone changed this record meanwhile; open it again."))
        # The event names the fields that changed, never their old or new values.
        _event(
            session,
            tx,
            person_id,
            "person.updated",
            {"fields": changed, "overridden_warnings": overridden},
        )
        refresh_projection(session, tx, person_id)  # the birth date drives the age gates
        session.audit(tx, "person.update", "person", person_id, {"fields": len(changed)})
    return changed


def _event(
    session: CaseSession, tx: Tx, person_id: str, type_: str, payload: dict[str, object]
) -> None:
    now = session.now()
    tx.events.append(
        event_id=new_id(),
        unit_code=session.unit.code,
        person_id=person_id,
        type_=type_,
        occurred_at=now,
        recorded_at=now,
        recorded_by=session.actor.id,
        payload=payload,
    )


def show_person(session: CaseSession, person_id: str) -> PersonFile:
    """Open a person's file (audited as a read)."""
    session.require(Action.PERSON_READ)
    with session.transaction(durable=False) as tx:
        resolved = resolve_person(tx, person_id)
        person = tx.persons.get(resolved)
        if person is None:
            raise no_such_person(person_id)
        events = tx.events.of_person(resolved)
        days = tx.retention.read_only_after_days()
        calendar = unit_calendar(tx, person.unit_code)
        names = {account.id: account.name for account in tx.accounts.all()}
        drafted_by = {
            made: names.get(draft.drafted_by, draft.drafted_by)
            for made, draft in tx.drafts.by_result([e.id for e in events]).items()
        }
        waiting = tx.drafts.waiting_by_person().get(resolved, [])
        session.audit(tx, "person.read", "person", resolved)
    facts = PersonFacts(person.record.birth)
    life = [life_event(info) for info in events]
    lifecycle = derive(facts, life, calendar, session.clock.now())
    return PersonFile(person, events, lifecycle, facts, life, calendar, days, drafted_by, waiting)


def find_persons(
    session: CaseSession, query: str, *, limit: int = SEARCH_LIMIT, where: ListFilter | None = None
) -> Matches:
    """Search by folded name or alias (words in any order, prefixes) or by ID-number prefix.

    `Matches.complete` is False when too many matched to order them all: type more letters.
    """
    session.require(Action.PERSON_READ)
    compact = query.replace(" ", "")
    words = tokens(query)
    number = file_number(query)
    with session.transaction(durable=False) as tx:
        if number is not None:
            kind, found = "file", tx.persons.by_file_number(number.unit_code, number.number)
        elif compact.isascii() and compact.isdigit() and len(compact) >= MIN_ID_PREFIX:
            kind, found = "id", tx.persons.search_id_prefix(compact, limit=limit)
        elif compact.isalnum() and any(ch.isdigit() for ch in compact) and compact.isascii():
            # A passport number or a name with digits: look in both, document matches first.
            by_id = tx.persons.search_id_prefix(compact.upper(), limit=limit)
            by_name = tx.persons.search_names(words, limit=limit)
            known = {p.id for p in by_id.persons}
            merged = by_id.persons + [p for p in by_name.persons if p.id not in known]
            kind, found = "id+name", Matches(merged[:limit], by_id.complete and by_name.complete)
        elif sum(len(word) for word in words) >= MIN_NAME_LETTERS:
            kind, found = "name", tx.persons.search_names(words, limit=limit)
        else:
            kind, found = "too_short", Matches([], True)
        if where is not None and where.active() and found.persons:
            kept = tx.persons.keep_filtered([p.id for p in found.persons], where)
            found = Matches([p for p in found.persons if p.id in kept], found.complete)
        # The query itself may be a name: only its kind and the number of results are audited.
        session.audit(
            tx, "person.search", "person", "-", {"kind": kind, "results": len(found.persons)}
        )
    return found


def list_persons(
    session: CaseSession,
    *,
    offset: int = 0,
    limit: int = 100,
    village: str | None = None,
    where: ListFilter | None = None,
) -> tuple[list[PersonSummary], int]:
    """Return one page of the register in Vietnamese order, and the total count.

    With filters (register, measure, status, officer, village) the count is of the persons kept.
    """
    session.require(Action.PERSON_READ)
    with session.transaction(durable=False) as tx:
        if where is not None and where.active():
            page, total = tx.persons.page_filtered(where, offset=offset, limit=limit)
        else:
            page = tx.persons.page(offset=offset, limit=limit, village=village)
            total = tx.persons.count()
        session.audit(tx, "person.list", "person", "-", {"offset": offset, "results": len(page)})
    return page, total


def filter_choices(session: CaseSession) -> dict[str, list[str]]:
    """The values each list filter can take in this store (officers, villages, statuses…)."""
    session.require(Action.PERSON_READ)
    with session.transaction(durable=False) as tx:
        return tx.persons.filter_values()
