"""Recording what happened to a person, voiding it, and keeping the lifecycle projection true.

Every change runs in one transaction: validate the payload → check the transition table against
the whole file → append the event → recompute and store the projection → audit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pydantic import ValidationError

from caseterm.clock import utc_iso
from caseterm.domain.lifecycle import (
    Caution,
    Derived,
    LifeEvent,
    PersonFacts,
    derive,
    judge_new_event,
)
from caseterm.domain.lifecycle.payloads import PAYLOADS, parse_payload
from caseterm.domain.permissions import DECISION_EVENTS, Action
from caseterm.errors import (
    ChiefNeeded,
    IntegrityFailure,
    NeedsConfirmation,
    NotFound,
    PermissionDenied,
    RefusedError,
    UsageError,
    ValidationFailed,
)
from caseterm.i18n import _
from caseterm.ids import new_id, shown_id
from caseterm.services.lifecycle.calendar import unit_calendar
from caseterm.services.lifecycle.numbering import claim_decision_number
from caseterm.services.lifecycle.person_ids import resolve_person
from caseterm.services.lifecycle.projection import project
from caseterm.services.lifecycle.read_only import REOPENING, read_only_refusal
from caseterm.services.session.case_session import CaseSession
from caseterm.services.words.cautions import describe_caution
from caseterm.services.words.lifecycle import event_label
from caseterm.services.words.refusals import describe_refusal, payload_problems
from caseterm.store.database import Tx
from caseterm.store.records import EventInfo, StoredPerson

FUTURE_TOLERANCE = timedelta(minutes=5)
"""An event may not be dated in the future (beyond a laptop clock's usual drift)."""
NOT_RECORDABLE = frozenset({"person.registered", "person.updated", "event.voided"})
"""Written by the person registry and by `void_event`, never recorded directly."""


@dataclass(frozen=True)
class Recorded:
    """What recording an event did."""

    event_id: str
    rule: str
    state: Derived


@dataclass(frozen=True)
class Voided:
    """What voiding an event did: the new state and any later events that no longer fit."""

    void_id: str
    state: Derived
    no_longer_fit: list[str]


def record_event(
    session: CaseSession,
    person_id: str,
    event_type: str,
    payload: dict[str, Any],
    *,
    occurred_at: datetime | None = None,
    confirm: bool = False,
    then: Callable[[Tx, str], None] | None = None,
) -> Recorded:
    """Record an event the transition table allows, or raise a refusal that names the rule.

    An allowed event that raises cautions (a court's term the engine would not have chosen) is
    saved only with `confirm=True` by someone who may override a chief's warning; the confirmed
    cautions are kept in the event. `then(tx, event_id)` runs in the event's own transaction
    (an approved draft is marked so, all or nothing).
    """
    session.require(Action.EVENT_RECORD)
    if event_type not in PAYLOADS or event_type in NOT_RECORDABLE:
        raise UsageError(_("Unknown event type: {type}.").format(type=event_type))
    if event_type in DECISION_EVENTS and not session.may(Action.DECISION_RECORD):
        raise ChiefNeeded(
            _("Only the commune police chief may record this decision: {event}.").format(
                event=event_label(event_type)
            )
            + " "
            + _("Save it as a draft for the chief instead (--draft, or “Send to the chief”).")
        )
    moment = occurred_at or session.clock.now()
    if moment > session.clock.now() + FUTURE_TOLERANCE:
        raise ValidationFailed(_("The event was not saved:"), [_("its time is in the future")])
    parsed = _parse(event_type, payload)
    with session.transaction() as tx:
        resolved = resolve_person(tx, person_id)
        person, history = _file(tx, resolved)
        if event_type not in REOPENING:
            _refuse_if_read_only(session, tx, person, history)
        event_id = new_id()
        parsed = claim_decision_number(
            session, tx, event_type, parsed, moment, person_id=resolved, event_id=event_id
        )
        new = LifeEvent(event_id, event_type, moment, parsed, session.clock.now())
        calendar = unit_calendar(tx, person.unit_code)
        verdict = judge_new_event(_facts(person), history, new, calendar, session.clock.now())
        if verdict.refusal is not None:
            raise RefusedError(describe_refusal(event_type, verdict.refusal))
        if verdict.cautions:
            _confirmed(session, verdict.cautions, confirm=confirm)
            parsed = parsed.model_copy(
                update={"overridden_warnings": sorted({c.code for c in verdict.cautions})}
            )
            new = LifeEvent(new.id, event_type, moment, parsed, new.recorded_at)
        tx.events.append(
            event_id=new.id,
            unit_code=session.unit.code,
            person_id=resolved,
            type_=event_type,
            occurred_at=utc_iso(moment),
            recorded_at=session.now(),
            recorded_by=session.actor.id,
            payload=parsed.model_dump(mode="json", exclude_none=True),
        )
        state = _store_projection(session, tx, person, [*history, new])
        recorded: dict[str, str | int] = {"event": new.id, "type": event_type}
        if verdict.cautions:  # the warnings a chief confirmed, by code
            recorded["warnings"] = ",".join(sorted({c.code for c in verdict.cautions}))
        session.audit(tx, "event.record", "person", resolved, recorded)
        if then is not None:
            then(tx, new.id)
    return Recorded(new.id, state.applied[new.id], state)


@dataclass(frozen=True)
class Judged:
    """What the transition table says of an event not saved (a draft, before and at approval)."""

    person_id: str
    refusal: str | None
    """Why the file does not allow it now, in words; None when it does."""
    cautions: tuple[str, ...]
    """Warnings a chief must confirm, in words."""


def judge_event(
    session: CaseSession,
    tx: Tx,
    person_id: str,
    event_type: str,
    payload: dict[str, Any],
    moment: datetime,
) -> Judged:
    """Check an event against the person's file as it stands, without saving anything.

    Payload errors are refused (`ValidationFailed`) as when recording: a draft is a whole form.
    """
    if event_type not in PAYLOADS or event_type in NOT_RECORDABLE:
        raise UsageError(_("Unknown event type: {type}.").format(type=event_type))
    parsed = _parse(event_type, payload)
    resolved = resolve_person(tx, person_id)
    person, history = _file(tx, resolved)
    new = LifeEvent(new_id(), event_type, moment, parsed, session.clock.now())
    calendar = unit_calendar(tx, person.unit_code)
    verdict = judge_new_event(_facts(person), history, new, calendar, session.clock.now())
    refusal = None if verdict.refusal is None else describe_refusal(event_type, verdict.refusal)
    cautions = tuple(describe_caution(caution) for caution in verdict.cautions)
    return Judged(resolved, refusal, cautions)


def _confirmed(session: CaseSession, cautions: tuple[Caution, ...], *, confirm: bool) -> None:
    """Stop at cautions until someone who may override a chief's warning confirms them."""
    texts = [describe_caution(caution) for caution in cautions]
    if not confirm:
        raise NeedsConfirmation(_("Check these before saving (a chief confirms):"), texts)
    if not session.may(Action.OVERRIDE_SUPERVISED_WARNING):
        raise ChiefNeeded(
            _("Only a chief may save an event with these warnings:")
            + "\n"
            + "\n".join(texts)
            + "\n"
            + _("Save it as a draft for the chief instead (--draft, or “Send to the chief”).")
        )


def void_event(session: CaseSession, event_id: str, reason: str) -> Voided:
    """Void an event with a reason; the file is recomputed without it."""
    session.require(Action.EVENT_RECORD)
    reason = reason.strip()
    if not reason:
        raise ValidationFailed(_("The event was not voided:"), [_("a reason is required")])
    with session.transaction() as tx:
        target = tx.events.get(event_id)
        if target is None:
            raise NotFound(_("There is no event with id {eid}.").format(eid=shown_id(event_id)))
        _may_void(session, target)
        person, history = _file(tx, target.person_id)
        state_before = _now(session, tx, person, history)
        if event_id in state_before.voided:
            raise RefusedError(_("This event is already void."))
        refusal = read_only_refusal(tx, state_before)
        if refusal is not None:
            raise refusal
        void = LifeEvent(
            new_id(),
            "event.voided",
            session.clock.now(),
            parse_payload("event.voided", {"event": event_id, "reason": reason}),
            session.clock.now(),
        )
        tx.events.append(
            event_id=void.id,
            unit_code=session.unit.code,
            person_id=target.person_id,
            type_="event.voided",
            occurred_at=session.now(),
            recorded_at=session.now(),
            recorded_by=session.actor.id,
            payload=void.payload.model_dump(mode="json"),
        )
        state = _store_projection(session, tx, person, [*history, void])
        session.audit(tx, "event.void", "person", target.person_id, {"event": event_id})
    broken = sorted(set(state.refused) - set(state_before.refused))
    return Voided(void.id, state, broken)


def _may_void(session: CaseSession, target: EventInfo) -> None:
    if target.type in NOT_RECORDABLE:
        raise RefusedError(
            _("This kind of event cannot be voided: {event}.").format(
                event=event_label(target.type)
            )
        )
    own = target.recorded_by == session.actor.id
    if not own and not session.may(Action.EVENT_VOID_ANY):
        raise PermissionDenied(_("Only a chief may void an event someone else recorded."))


def lifecycle_of(session: CaseSession, person_id: str) -> Derived:
    """A person's derived state now (the caller audits the read of the file it belongs to)."""
    session.require(Action.PERSON_READ)
    with session.transaction(durable=False) as tx:
        person, history = _file(tx, resolve_person(tx, person_id))
        return _now(session, tx, person, history)


def refresh_projection(session: CaseSession, tx: Tx, person_id: str) -> Derived:
    """Recompute and store one person's projection (demo data, stale rows, a district import).

    The projection names the person's own commune, which at the district is not the store's.
    """
    person, history = _file(tx, person_id)
    return _store_projection(session, tx, person, history)


def stored_state(
    session: CaseSession, tx: Tx, person_id: str
) -> tuple[StoredPerson, list[EventInfo], Derived]:
    """A person as stored, their events, and their lifecycle now (for retention's checks)."""
    person = tx.persons.get(person_id)
    if person is None:
        raise NotFound(_("There is no person with id {pid}.").format(pid=shown_id(person_id)))
    events = tx.events.of_person(person_id)
    return person, events, _now(session, tx, person, [life_event(info) for info in events])


def refuse_if_read_only(session: CaseSession, tx: Tx, person_id: str) -> None:
    """Refuse a change to a file whose closed case is past the correction period."""
    person, history = _file(tx, person_id)
    _refuse_if_read_only(session, tx, person, history)


def _refuse_if_read_only(
    session: CaseSession, tx: Tx, person: StoredPerson, history: list[LifeEvent]
) -> None:
    refusal = read_only_refusal(tx, _now(session, tx, person, history))
    if refusal is not None:
        raise refusal


def _store_projection(
    session: CaseSession, tx: Tx, person: StoredPerson, history: list[LifeEvent]
) -> Derived:
    """Derive and store a person's projection, under the person's own commune."""
    now = session.clock.now()
    calendar = unit_calendar(tx, person.unit_code)
    state, row = project(person.id, person.record, history, calendar, now)
    tx.states.put(row, unit_code=person.unit_code)
    return state


def _parse(event_type: str, payload: dict[str, Any]) -> Any:
    try:
        return parse_payload(event_type, payload)
    except ValidationError as error:
        raise ValidationFailed(
            _("The event was not saved:"), payload_problems(event_type, error)
        ) from error


def _file(
    tx: Tx, person_id: str, person: StoredPerson | None = None
) -> tuple[StoredPerson, list[LifeEvent]]:
    """The person and their events as the engine reads them (`person` if already read)."""
    person = person or tx.persons.get(person_id)
    if person is None:
        raise NotFound(_("There is no person with id {pid}.").format(pid=shown_id(person_id)))
    return person, [life_event(info) for info in tx.events.of_person(person_id)]


def _now(session: CaseSession, tx: Tx, person: StoredPerson, history: list[LifeEvent]) -> Derived:
    """A person's lifecycle at this moment, under their unit's calendar."""
    calendar = unit_calendar(tx, person.unit_code)
    return derive(_facts(person), history, calendar, session.clock.now())


def _facts(person: StoredPerson) -> PersonFacts:
    """What the engine needs of the identity block."""
    return PersonFacts(person.record.birth, bool(person.record.profile.psychosis))


def life_event(info: EventInfo) -> LifeEvent:
    """A stored event as the engine reads it; one that does not fit its type is damage."""
    try:
        payload = parse_payload(info.type, info.payload)
        occurred = datetime.fromisoformat(info.occurred_at)
        recorded = datetime.fromisoformat(info.recorded_at)
    except (KeyError, ValueError, ValidationError) as error:
        raise IntegrityFailure(
            _(
                "Event {eid} does not match the format of its type: the store may be damaged or "
                "tampered with; run caseterm-admin verify."
            ).format(eid=info.id)
        ) from error
    return LifeEvent(info.id, info.type, occurred, payload, recorded)
