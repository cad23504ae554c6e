"""Making drafts: an officer's decision or registration, validated and kept for the chief."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from caseterm.clock import utc_iso
from caseterm.domain.permissions import DECISION_EVENTS, Action
from caseterm.domain.person import PersonRecord
from caseterm.errors import RefusedError, UsageError, ValidationFailed
from caseterm.i18n import _
from caseterm.ids import new_id
from caseterm.services.lifecycle.events import judge_event
from caseterm.services.registry.persons import review
from caseterm.services.session.case_session import CaseSession
from caseterm.services.words.messages import describe_issue
from caseterm.store.convert import record_to_json
from caseterm.store.drafts import WAITING
from caseterm.store.records import DraftInfo

EVENT = "event"
PERSON = "person"


@dataclass(frozen=True)
class Drafted:
    """A draft just made: its id, and the warnings the chief will be shown."""

    id: str
    warnings: tuple[str, ...]


def draft_event(
    session: CaseSession,
    person_id: str,
    event_type: str,
    payload: dict[str, Any],
    *,
    occurred_at: datetime | None = None,
) -> Drafted:
    """Keep a chief's decision (or an event with a chief's warning) for the chief to approve.

    The form is checked whole, as if saved: a payload error or a refusal of the transition
    table stops it here, so that the chief only ever sees drafts that could be approved.
    """
    session.require(Action.EVENT_RECORD)
    moment = occurred_at or session.clock.now()
    with session.transaction() as tx:
        judged = judge_event(session, tx, person_id, event_type, payload, moment)
        if judged.refusal is not None:
            raise RefusedError(judged.refusal)
        if event_type not in DECISION_EVENTS and not judged.cautions:
            raise UsageError(
                _("This needs no chief: record it directly ({event}).").format(event=event_type)
            )
        draft = DraftInfo(
            id=new_id(),
            kind=EVENT,
            person_id=judged.person_id,
            event_type=event_type,
            content={"payload": payload, "occurred_at": utc_iso(moment)},
            warnings=judged.cautions,
            drafted_by=session.actor.id,
            drafted_at=session.now(),
            status=WAITING,
        )
        tx.drafts.add(draft)
        session.audit(
            tx, "draft.create", "person", judged.person_id, {"draft": draft.id, "type": event_type}
        )
    return Drafted(draft.id, judged.cautions)


def draft_person(session: CaseSession, record: PersonRecord) -> Drafted:
    """Keep a registration that only a chief may confirm (a failing CCCD, an ID held twice)."""
    session.require(Action.PERSON_CREATE)
    record = record.normalised()
    found = review(session, record)
    if found.errors:
        raise ValidationFailed(
            _("The record was not saved:"), [describe_issue(issue) for issue in found.errors]
        )
    if not found.needs_supervisor:
        raise UsageError(_("This record needs no chief: register it directly."))
    warnings = tuple(dict.fromkeys([*found.supervisor_texts(), *found.warning_texts()]))
    draft = DraftInfo(
        id=new_id(),
        kind=PERSON,
        person_id=None,
        event_type=None,
        content={"record": record_to_json(record)},
        warnings=warnings,
        drafted_by=session.actor.id,
        drafted_at=session.now(),
        status=WAITING,
    )
    with session.transaction() as tx:
        tx.drafts.add(draft)
        session.audit(tx, "draft.create", "draft", draft.id, {"kind": PERSON})
    return Drafted(draft.id, warnings)
