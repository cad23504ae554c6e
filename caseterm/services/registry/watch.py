"""The close-watch list and who has no annual review this year (the today screen)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from caseterm.domain.lifecycle.timecalc import local_day
from caseterm.domain.lifecycle.watch import (
    Watch,
    contact_overdue,
    days_without_contact,
    reasons_now,
)
from caseterm.domain.permissions import Action
from caseterm.services.session.case_session import CaseSession

UNREVIEWED_SHOWN = 200
"""Names listed of those not yet reviewed; the count is always whole."""


@dataclass(frozen=True)
class WatchItem:
    """A person managed closely, and how long since anyone saw them."""

    person_id: str
    full_name: str
    reasons: tuple[Watch, ...]
    last_contact: datetime | None
    days_without_contact: int | None
    """None: never contacted."""
    overdue: bool
    """Unseen for more than 30 days, or never seen."""


@dataclass(frozen=True)
class Unreviewed:
    """People on a register with no annual review this year."""

    year: int
    total: int
    people: list[tuple[str, str, tuple[str, ...]]]
    """(person id, full name, registers) of the first ones, in Vietnamese name order."""


def close_watch(session: CaseSession) -> list[WatchItem]:
    """The close-watch list, the longest unseen first (audited as a read of the list)."""
    session.require(Action.PERSON_READ)
    now = session.clock.now()
    with session.transaction(durable=False) as tx:
        rows = tx.states.watched()
        session.audit(tx, "watch.list", "unit", session.unit.code, {"count": len(rows)})
    items = []
    for row in rows:
        released = _moment(row.released_at)
        reasons = reasons_now(tuple(Watch(r) for r in row.watch), released, now)
        if not reasons:
            continue
        contact = _moment(row.last_contact)
        items.append(
            WatchItem(
                row.person_id,
                row.full_name,
                reasons,
                contact,
                days_without_contact(contact, now),
                contact_overdue(contact, now),
            )
        )
    return items


def unreviewed(session: CaseSession, *, limit: int = UNREVIEWED_SHOWN) -> Unreviewed:
    """Who on the registers has no annual review this year (audited as a read of the list)."""
    session.require(Action.PERSON_READ)
    year = local_day(session.clock.now()).year
    with session.transaction(durable=False) as tx:
        rows, total = tx.states.unreviewed(year, limit=limit)
        session.audit(tx, "review_gap.list", "unit", session.unit.code, {"count": total})
    return Unreviewed(year, total, [(r.person_id, r.full_name, r.registers) for r in rows])


def _moment(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)
