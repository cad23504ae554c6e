"""The chief's desk: the drafts waiting, and the chief's approval or rejection of each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from caseterm.clock import utc_iso
from caseterm.domain.permissions import Action
from caseterm.errors import IntegrityFailure, NotFound, PermissionDenied, RefusedError, UsageError
from caseterm.i18n import _
from caseterm.services.drafts.making import EVENT
from caseterm.services.lifecycle.events import judge_event, record_event
from caseterm.services.registry.persons import add_person
from caseterm.services.session.case_session import CaseSession
from caseterm.services.words.labels import event_label, file_label
from caseterm.store.convert import record_from_json
from caseterm.store.database import Tx
from caseterm.store.drafts import WAITING
from caseterm.store.records import DraftInfo

APPROVED, REJECTED, WITHDRAWN = "approved", "rejected", "withdrawn"
RECENT = timedelta(days=30)
"""Decided drafts stay on the list this long, so that an officer reads the chief's answer."""


@dataclass(frozen=True)
class DraftView:
    """A draft with names instead of ids, and whether it still fits the file."""

    info: DraftInfo
    what: str
    """The decision, or "registration", in words."""
    person: str
    """The person's name and file number (the name typed, for a registration)."""
    drafted_by: str
    decided_by: str | None
    stale: str | None
    """Why a waiting draft no longer fits the file (then it cannot be approved), or None."""

    @property
    def waiting(self) -> bool:
        """Whether the chief has yet to decide."""
        return self.info.status == WAITING


def list_drafts(session: CaseSession) -> list[DraftView]:
    """The waiting drafts and those decided in the last 30 days, oldest first.

    A chief sees every officer's; an officer sees their own (with the chief's answers).
    """
    mine = _reader(session)
    since = utc_iso(session.clock.now() - RECENT)
    with session.transaction(durable=False) as tx:
        found = tx.drafts.listed(drafted_by=mine, since=since)
        views = [_view(session, tx, draft) for draft in found]
        session.audit(tx, "draft.list", "unit", session.unit.code, {"count": len(views)})
    return views


def show_draft(session: CaseSession, draft_id: str) -> DraftView:
    """One draft, whole (its form is `info.content`)."""
    mine = _reader(session)
    with session.transaction(durable=False) as tx:
        draft = _get(tx, draft_id)
        if mine is not None and draft.drafted_by != mine:
            raise PermissionDenied(_("This draft is another officer's."))
        view = _view(session, tx, draft)
        session.audit(tx, "draft.show", "draft", draft.id)
    return view


def waiting_count(session: CaseSession) -> int:
    """How many drafts wait for a chief (0 for anyone who cannot approve them)."""
    if not session.may(Action.DECISION_RECORD):
        return 0
    with session.transaction(durable=False) as tx:
        return len(tx.drafts.listed(status=WAITING))


def approve_draft(session: CaseSession, draft_id: str) -> str:
    """(Chief) Record the draft in the chief's name, dated now; return what it made (an id).

    A draft that no longer fits the file is refused with the reason, and stays waiting.
    """
    session.require(Action.DECISION_RECORD)
    with session.transaction(durable=False) as tx:
        draft = _get(tx, draft_id)
    if draft.status != WAITING:
        raise RefusedError(_("This draft was already decided."))

    def mark(tx: Tx, made: str) -> None:
        if not tx.drafts.decide(
            draft.id, status=APPROVED, by=session.actor.id, at=session.now(), result_id=made
        ):
            raise RefusedError(_("This draft was already decided."))
        details: dict[str, str | int] = {"draft": draft.id, "drafted_by": draft.drafted_by}
        details["made"] = made
        session.audit(tx, "draft.approve", "person", draft.person_id or made, details)

    if draft.kind == EVENT:
        person_id, event_type = _event_of(draft)
        try:
            recorded = record_event(
                session,
                person_id,
                event_type,
                draft.content["payload"],
                confirm=True,
                then=mark,
            )
        except RefusedError as refused:
            if isinstance(refused, PermissionDenied):
                raise
            raise RefusedError(_stale_text(str(refused))) from None
        return recorded.event_id
    record = record_from_json(draft.content["record"])
    return add_person(session, record, confirm=True, then=mark)


def reject_draft(session: CaseSession, draft_id: str, reason: str) -> None:
    """(Chief) Send a draft back with a reason the officer reads; nothing is recorded."""
    session.require(Action.DECISION_RECORD)
    _close(session, draft_id, REJECTED, reason=_reason(reason))


def withdraw_draft(session: CaseSession, draft_id: str) -> None:
    """(Its officer) Take back a draft the chief has not decided yet."""
    session.require(Action.EVENT_RECORD)
    with session.transaction(durable=False) as tx:
        draft = _get(tx, draft_id)
    if draft.drafted_by != session.actor.id:
        raise PermissionDenied(_("Only the officer who drafted it may withdraw a draft."))
    _close(session, draft_id, WITHDRAWN)


def _close(session: CaseSession, draft_id: str, status: str, *, reason: str | None = None) -> None:
    with session.transaction() as tx:
        draft = _get(tx, draft_id)
        if not tx.drafts.decide(
            draft.id, status=status, by=session.actor.id, at=session.now(), reason=reason
        ):
            raise RefusedError(_("This draft was already decided."))
        action = "draft.reject" if status == REJECTED else "draft.withdraw"
        session.audit(tx, action, "draft", draft.id, {"drafted_by": draft.drafted_by})


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise UsageError(_("Say why the draft is rejected: the officer reads it."))
    if len(reason) > 1000:
        raise UsageError(_("The reason is too long (at most 1,000 characters)."))
    return reason


def _reader(session: CaseSession) -> str | None:
    """None for a chief (every draft); the officer's own id otherwise."""
    session.require(Action.PERSON_READ)
    return None if session.may(Action.DECISION_RECORD) else session.actor.id


def _get(tx: Tx, draft_id: str) -> DraftInfo:
    found = tx.drafts.get(draft_id)
    if found is None:
        matches = [d for d in tx.drafts.listed() if d.id.startswith(draft_id.lower())]
        if len(draft_id) >= 8 and len(matches) == 1:
            return matches[0]
        raise NotFound(_("There is no draft {id}.").format(id=draft_id))
    return found


def _view(session: CaseSession, tx: Tx, draft: DraftInfo) -> DraftView:
    names = {account.id: account.name for account in tx.accounts.all()}
    stale = None
    if draft.kind == EVENT:
        person_id, event_type = _event_of(draft)
        what = event_label(event_type)
        stored = tx.persons.get(person_id)
        person = (
            f"{stored.record.full_name} · {file_label(stored.file_no, stored.id, stored.file_unit)}"
            if stored
            else person_id
        )
        if draft.status == WAITING:
            stale = _still_fits(session, tx, draft)
    else:
        what = _("registration")
        person = str(_record_field(draft.content, "full_name"))
    return DraftView(
        draft,
        what,
        person,
        names.get(draft.drafted_by, draft.drafted_by),
        names.get(draft.decided_by or "") or None,
        stale,
    )


def _still_fits(session: CaseSession, tx: Tx, draft: DraftInfo) -> str | None:
    person_id, event_type = _event_of(draft)
    try:
        judged = judge_event(
            session,
            tx,
            person_id,
            event_type,
            draft.content["payload"],
            session.clock.now(),
        )
    except RefusedError as refused:
        return str(refused)
    return judged.refusal


def _event_of(draft: DraftInfo) -> tuple[str, str]:
    """The person and event type of an event draft (a store edited by hand may lack them)."""
    if draft.person_id is None or draft.event_type is None:
        raise IntegrityFailure(_("The draft {id} is damaged.").format(id=draft.id))
    return draft.person_id, draft.event_type


def _stale_text(reason: str) -> str:
    return _(
        "This draft no longer fits the file, so it cannot be approved: {reason} Reject it, "
        "saying so, and the officer drafts it again."
    ).format(reason=reason)


def _record_field(content: dict[str, Any], name: str) -> object:
    record = content.get("record")
    return record.get(name, "") if isinstance(record, dict) else ""
