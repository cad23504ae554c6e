"""The due list: overdue, due today and the next 7 days, for the whole commune."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from caseterm.clock import VIETNAM, utc_iso
from caseterm.domain.lifecycle.model import Deadline
from caseterm.domain.lifecycle.timecalc import local_day
from caseterm.domain.lifecycle.unit_deadlines import UnitEvent, unit_deadlines
from caseterm.domain.permissions import Action
from caseterm.domain.sync import export_due
from caseterm.errors import UsageError, ValidationFailed
from caseterm.i18n import _
from caseterm.ids import new_id
from caseterm.services.lifecycle.calendar import active_calendar, calendar_editions
from caseterm.services.lifecycle.events import refresh_projection
from caseterm.services.lifecycle.lifecycle_json import cite_code
from caseterm.services.session.case_session import CaseSession
from caseterm.services.words.labels import person_tag
from caseterm.store.database import Tx
from caseterm.store.records import BASIS_SEPARATOR, DueRow, UnitEventInfo

HORIZON = timedelta(days=7)
UNIT_EVENT_TYPES = ("unit.report_sent", "breach.discovered", "breach.notified")
REPORTING_REGISTERS = ("USERS", "ADDICTS")


DueItem = DueRow
"""One deadline on the list: the stored row as it is (the list can hold tens of thousands)."""


@dataclass
class DueList:
    """The list, in three groups, with counts per register and calendar warnings."""

    now: datetime
    overdue: list[DueItem] = field(default_factory=list)
    today: list[DueItem] = field(default_factory=list)
    upcoming: list[DueItem] = field(default_factory=list)
    registers: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    """How many are in each group ("overdue", "today", "upcoming"), listed or not."""
    calendar_gap: int | None = None
    """A year the holiday calendar does not cover yet (working days then skip weekends only)."""
    export_due: str | None = None
    """(Commune) The month whose bundle to the district is not made yet."""
    tags: dict[str, str] = field(default_factory=dict)
    """Person id → what tells namesakes apart (`person_tag`), for every person listed."""
    waiting_drafts: int = 0
    """(For a chief) How many drafts wait for approval: the banner counts them."""
    drafts: dict[str, list[str]] = field(default_factory=dict)
    """Person id → the event types of their drafts waiting for the chief (the duty still runs
    against the station: the list marks it rather than hiding it)."""

    def complete(self) -> bool:
        """Whether every deadline counted is in the groups (not only the first ones)."""
        listed = len(self.overdue) + len(self.today) + len(self.upcoming)
        return listed == sum(self.totals.values())


def due_list(session: CaseSession, *, limit: int | None = None) -> DueList:
    """Refresh stale projections, then gather what is due (audited as a read of the list).

    With `limit`, only the first deadlines are read out (a screen's first page); the totals
    always count them all.
    """
    session.require(Action.PERSON_READ)
    now = session.clock.now()
    bounds = [utc_iso(now), utc_iso(_end_of_today(now)), utc_iso(now + HORIZON)]
    with session.transaction() as tx:
        refreshed = _refresh_stale(session, tx, now)
        items = tx.states.due(before=bounds[-1], visible_at=bounds[0], limit=limit)
        tags = _tags(tx, items)
        counts, early = tx.states.due_counts(bounds=bounds, visible_at=bounds[0])
        registers = tx.states.count_by()
        drafts = tx.drafts.waiting_by_person()
        waiting = len(tx.drafts.listed(status="waiting"))
        last_export = tx.sync.last_export()
        reporting = any(registers.get(name) for name in REPORTING_REGISTERS)
        unit = unit_deadlines(_unit_events(tx), reporting_needed=reporting, now=now)
        session.audit(tx, "due.list", "unit", session.unit.code, {"refreshed": refreshed})
    shown_unit = [_unit_item(d) for d in unit if d.due_at <= now + HORIZON or _early(d, now)]
    for item in shown_unit:
        bisect.insort(items, item, key=_order)
    result = _grouped(items[:limit], now)
    result.tags = tags
    result.drafts = drafts
    if session.may(Action.DECISION_RECORD):
        result.waiting_drafts = waiting
    result.registers = registers
    result.totals = _totals(counts, early, [item.due_at for item in shown_unit], bounds)
    next_year = local_day(now).year + (1 if local_day(now).month >= 10 else 0)
    if not active_calendar().covers(date(next_year, 1, 1)):
        result.calendar_gap = next_year
    if session.unit.kind == "commune":
        result.export_due = export_due(last_export.period if last_export else None, local_day(now))
    return result


def _tags(tx: Tx, items: list[DueItem]) -> dict[str, str]:
    ids = sorted({item.person_id for item in items if item.person_id})
    return {pid: person_tag(*found, pid) for pid, found in tx.persons.tags(ids).items()}


def by_person(items: list[DueItem]) -> list[tuple[DueItem, list[DueItem]]]:
    """One line per person: their first deadline, with the others of the same group after it.

    The list keeps the order of each person's most urgent deadline; six duties of one person
    are one line, not six lines with the same name. The commune's own deadlines stay single.
    """
    lines: list[tuple[DueItem, list[DueItem]]] = []
    at: dict[str, int] = {}
    for item in items:
        if item.person_id is not None and item.person_id in at:
            lines[at[item.person_id]][1].append(item)
            continue
        if item.person_id is not None:
            at[item.person_id] = len(lines)
        lines.append((item, []))
    return lines


def _order(item: DueItem) -> str:
    return item.due_at


def _early(deadline: Deadline, now: datetime) -> bool:
    return deadline.visible_from is not None and deadline.visible_from <= now


def _grouped(items: list[DueItem], now: datetime) -> DueList:
    """Split the sorted items at now and at the end of today (Vietnam time).

    The moments are UTC ISO strings of one format, so comparing the strings compares the
    moments, and the splits are two binary searches rather than a date per item.
    """
    tomorrow = _end_of_today(now)
    overdue_end = bisect.bisect_right(items, utc_iso(now), key=_order)
    today_end = bisect.bisect_right(items, utc_iso(tomorrow), key=_order)
    return DueList(
        now,
        overdue=items[:overdue_end],
        today=items[overdue_end:today_end],
        upcoming=items[today_end:],
    )


def _end_of_today(now: datetime) -> datetime:
    """The next midnight in Vietnam: a deadline due at it is due today."""
    return datetime.combine(local_day(now) + timedelta(days=1), time(), tzinfo=VIETNAM)


def _totals(counts: list[int], early: int, unit: list[str], bounds: list[str]) -> dict[str, int]:
    """Group sizes from the stored counts by bound, plus the commune's own deadlines."""
    overdue, by_tomorrow, by_horizon = counts
    unit_overdue = sum(1 for due in unit if due <= bounds[0])
    unit_today = sum(1 for due in unit if bounds[0] < due <= bounds[1])
    return {
        "overdue": overdue + unit_overdue,
        "today": by_tomorrow - overdue + unit_today,
        "upcoming": by_horizon - by_tomorrow + early + len(unit) - unit_overdue - unit_today,
    }


def _refresh_stale(session: CaseSession, tx: Tx, now: datetime) -> int:
    stale = tx.states.stale_ids(now=utc_iso(now), editions=calendar_editions(tx))
    for person_id in stale:
        refresh_projection(session, tx, person_id)
    return len(stale)


def _unit_item(deadline: Deadline) -> DueItem:
    return DueItem(
        person_id=None,
        full_name="",
        key=deadline.key,
        code=deadline.code,
        due_at=utc_iso(deadline.due_at),
        visible_from=None if deadline.visible_from is None else utc_iso(deadline.visible_from),
        measure_id=None,
        measure_kind=None,
        basis=BASIS_SEPARATOR.join(cite_code(cite) for cite in deadline.basis),
    )


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
