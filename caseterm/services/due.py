"""The due list: overdue, due today and the next 7 days, for the whole commune."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from caseterm.clock import utc_iso
from caseterm.domain.lifecycle.timecalc import local_day
from caseterm.domain.lifecycle.unit_deadlines import UnitEvent, unit_deadlines
from caseterm.domain.permissions import Action
from caseterm.errors import UsageError, ValidationFailed
from caseterm.i18n import _
from caseterm.ids import new_id
from caseterm.services.calendar import active_calendar
from caseterm.services.lifecycle import refresh_projection
from caseterm.services.lifecycle_views import deadline_json
from caseterm.services.session import CaseSession
from caseterm.store.database import Tx
from caseterm.store.records import UnitEventInfo

HORIZON = timedelta(days=7)
EARLY_WARNINGS = timedelta(days=31)
"""Some deadlines warn earlier than 7 days (the limitation, an 18th birthday)."""
UNIT_EVENT_TYPES = ("unit.report_sent", "breach.discovered", "breach.notified")
REPORTING_REGISTERS = ("USERS", "ADDICTS")


@dataclass(frozen=True)
class DueItem:
    """One deadline on the list."""

    person_id: str | None
    full_name: str
    code: str
    due_at: datetime
    basis: list[str]
    measure_id: str | None
    key: str
    measure: str | None = None
    """The kind of the measure the deadline belongs to (USER_MGMT …), if any."""


@dataclass
class DueList:
    """The list, in three groups, with counts per register and calendar warnings."""

    now: datetime
    overdue: list[DueItem] = field(default_factory=list)
    today: list[DueItem] = field(default_factory=list)
    upcoming: list[DueItem] = field(default_factory=list)
    registers: dict[str, int] = field(default_factory=dict)
    calendar_gap: int | None = None
    """A year the holiday calendar does not cover yet (working days then skip weekends only)."""


def due_list(session: CaseSession) -> DueList:
    """Refresh stale projections, then gather what is due (audited as a read of the list)."""
    session.require(Action.PERSON_READ)
    now = session.clock.now()
    calendar = active_calendar()
    result = DueList(now)
    with session.transaction() as tx:
        refreshed = _refresh_stale(session, tx, now, calendar.version)
        rows = tx.states.due_before(utc_iso(now + max(HORIZON, EARLY_WARNINGS)))
        names = tx.persons.names([row.person_id for row in rows])
        for row in rows:
            name = names.get(row.person_id, row.person_id)
            kinds = {m["id"]: m["kind"] for m in row.summary["measures"]}
            for deadline in row.summary["deadlines"]:
                item = _item(row.person_id, name, deadline, kinds.get(deadline["measure_id"]))
                _place(result, item, deadline, now)
        result.registers = tx.states.count_by()
        reporting = any(result.registers.get(name) for name in REPORTING_REGISTERS)
        for deadline in unit_deadlines(_unit_events(tx), reporting_needed=reporting, now=now):
            _place(result, _item(None, "", deadline_json(deadline)), deadline_json(deadline), now)
        session.audit(tx, "due.list", "unit", session.unit.code, {"refreshed": refreshed})
    for group in (result.overdue, result.today, result.upcoming):
        group.sort(key=lambda item: (item.due_at, item.full_name))
    next_year = local_day(now).year + (1 if local_day(now).month >= 10 else 0)
    if not calendar.covers(date(next_year, 1, 1)):
        result.calendar_gap = next_year
    return result


def _refresh_stale(session: CaseSession, tx: Tx, now: datetime, version: str) -> int:
    stale = tx.states.stale_ids(now=utc_iso(now), calendar_version=version)
    for person_id in stale:
        refresh_projection(session, tx, person_id)
    return len(stale)


def _item(
    person_id: str | None, name: str, deadline: dict[str, Any], measure: str | None = None
) -> DueItem:
    return DueItem(
        person_id=person_id,
        full_name=name,
        code=deadline["code"],
        due_at=datetime.fromisoformat(deadline["due_at"]),
        basis=list(deadline["basis"]),
        measure_id=deadline["measure_id"],
        key=deadline["key"],
        measure=measure,
    )


def _place(result: DueList, item: DueItem, deadline: dict[str, Any], now: datetime) -> None:
    visible_from = deadline.get("visible_from")
    shown = item.due_at <= now + HORIZON or (
        visible_from is not None and datetime.fromisoformat(visible_from) <= now
    )
    if not shown:
        return
    if item.due_at <= now:
        result.overdue.append(item)
    elif local_day(item.due_at - timedelta(seconds=1)) == local_day(now):
        result.today.append(item)
    else:
        result.upcoming.append(item)


def _unit_events(tx: Tx) -> list[UnitEvent]:
    return [
        UnitEvent(e.id, e.type, datetime.fromisoformat(e.occurred_at), e.payload.get("refers_to"))
        for e in tx.unit_events.all()
    ]


def record_unit_event(
    session: CaseSession, event_type: str, payload: dict[str, Any], *, occurred_at: datetime | None
) -> str:
    """Record a report sent to the People's Committee, or a data breach and its notification."""
    session.require(Action.UNIT_EVENT_RECORD)
    if event_type not in UNIT_EVENT_TYPES:
        raise UsageError(_("Unknown event type: {type}.").format(type=event_type))
    moment = occurred_at or session.clock.now()
    unknown = sorted(set(payload) - {"refers_to", "reference", "note"})
    if unknown:
        raise ValidationFailed(
            _("The event was not saved:"),
            [_("{field}: not a field of this event").format(field=name) for name in unknown],
        )
    with session.transaction() as tx:
        known = {e.id: e.type for e in tx.unit_events.all()}
        if event_type == "breach.notified" and known.get(payload.get("refers_to", "")) != (
            "breach.discovered"
        ):
            raise ValidationFailed(
                _("The event was not saved:"),
                [_("refers_to: the id of the breach that was discovered")],
            )
        event_id = new_id()
        tx.unit_events.append(
            UnitEventInfo(
                event_id,
                event_type,
                utc_iso(moment),
                session.now(),
                session.actor.id,
                {k: str(v) for k, v in payload.items()},
            ),
            unit_code=session.unit.code,
        )
        session.audit(tx, "unit_event.record", "unit", session.unit.code, {"type": event_type})
    return event_id
