"""D05, the monthly residence check of user management, month by month (ND163 Art 61(2)).

Each month in which a person is under user management needs at least one residence check. The
current month's check is a duty (D05, shown from the 20th). A month that ended without one is
not a duty any more — nothing can be done about it — but a fact: it closes as *missed*, stays in
the file and is counted in the report (legal spec §9, decision 3). A check always satisfies the
month it is made in.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

from caseterm.domain.lifecycle.fold import Fold
from caseterm.domain.lifecycle.model import Measure, MeasureKind
from caseterm.domain.lifecycle.timecalc import add_months, end_of_day, local_day


def month_label(day: date) -> str:
    """A month as D05 keys it: YYYY-MM (Vietnam time)."""
    return day.strftime("%Y-%m")


def month_end(month: date) -> datetime:
    """The instant a month ends (24:00 on its last day, Vietnam time)."""
    return end_of_day(add_months(month, 1) - timedelta(days=1))


def managed_months(measure: Measure, until: datetime) -> Iterator[date]:
    """The first day of each month the management ran in, up to `until` (or its end)."""
    # From the first decision: a re-use's new decision (REUSE_RESET) restarts the term, not the
    # months already under management.
    start = local_day(measure.opened_at)
    stops = [until]
    if measure.closed_at is not None:
        stops.append(measure.closed_at)
    end = measure.term_end()
    if end is not None:
        stops.append(end)
    last = local_day(min(stops))
    month = date(start.year, start.month, 1)
    while month <= last:
        yield month
        month = add_months(month, 1)


def missed_months(fold: Fold, now: datetime) -> list[date]:
    """Months of user management that ended without a residence check.

    Any management counts, running or closed, for the months that ended by `now` while it ran.
    """
    missed: set[date] = set()
    for measure in fold.measures:
        if measure.kind is not MeasureKind.USER_MGMT:
            continue
        ran_until = min(now, measure.closed_at or now, measure.term_end() or now)
        for month in managed_months(measure, now):
            ended = month_end(month)
            if ended <= ran_until and month_label(month) not in fold.months_checked:
                missed.add(month)
    return sorted(missed)
