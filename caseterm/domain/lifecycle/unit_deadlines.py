"""Deadlines that belong to the commune, not to a person: D39 (reports) and D40 (breaches)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from caseterm.domain.lifecycle.basis import DEADLINE_BASIS
from caseterm.domain.lifecycle.model import Deadline
from caseterm.domain.lifecycle.timecalc import add_months, end_of_day, local_day, start_of_day

BREACH_HOURS = 72
"""Law 91/2025 Art 23: notify the specialised agency within 72 h of discovering a breach."""
REPORT_REMINDER_DAY = 25


@dataclass(frozen=True)
class UnitEvent:
    """A unit-level record: a report sent to the commune People's Committee, a breach."""

    id: str
    type: str
    """`unit.report_sent`, `breach.discovered` or `breach.notified`."""
    occurred_at: datetime
    refers_to: str | None = None
    """For `breach.notified`: the `breach.discovered` event it answers."""


def unit_deadlines(
    events: list[UnitEvent], *, reporting_needed: bool, now: datetime
) -> list[Deadline]:
    """Open unit deadlines at `now`.

    D39 ([U]: no period is fixed in law; monthly by default): while anyone is under user
    management or home rehab, one report to the commune People's Committee per month.
    D40: every discovered breach not yet notified, due 72 h after discovery.
    """
    found = _breaches(events)
    if reporting_needed:
        found += _report(events, now)
    return sorted(found, key=lambda d: d.due_at)


def _breaches(events: list[UnitEvent]) -> list[Deadline]:
    answered = {e.refers_to for e in events if e.type == "breach.notified"}
    return [
        Deadline(
            code="D40",
            key=f"D40:{e.id}",
            due_at=e.occurred_at + timedelta(hours=BREACH_HOURS),
            measure_id=None,
            basis=DEADLINE_BASIS["D40"],
            opened_by=e.id,
        )
        for e in events
        if e.type == "breach.discovered" and e.id not in answered
    ]


def _report(events: list[UnitEvent], now: datetime) -> list[Deadline]:
    today = local_day(now)
    month = date(today.year, today.month, 1)
    reported = any(
        e.type == "unit.report_sent" and local_day(e.occurred_at) >= month for e in events
    )
    if reported:
        return []
    due = end_of_day(add_months(month, 1) - timedelta(days=1))
    return [
        Deadline(
            code="D39",
            key=f"D39:{month.isoformat()[:7]}",
            due_at=due,
            measure_id=None,
            basis=DEADLINE_BASIS["D39"],
            visible_from=start_of_day(month.replace(day=REPORT_REMINDER_DAY)),
        )
    ]
