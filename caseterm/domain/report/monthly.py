"""Counting a population's traces into the monthly indicators (legal spec §5.2, product.md §0).

Each person is counted once in the stock K1–K3 at the cut-off (K4 overlays them); flows are
counted as events over the period. Every count is kept by every breakdown dimension at once, so
the tables, the village sheet, the officer sheet and the district's per-commune columns are all
read from one pass: first the persons are counted into cells (a row and a value of every
dimension), then each dimension is summed out of the cells.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from operator import itemgetter

from caseterm.clock import utc_iso
from caseterm.domain.dates import PartialDate
from caseterm.domain.lifecycle.model import R2026_START
from caseterm.domain.report.dims import age_band
from caseterm.domain.report.expiry import EXPIRED
from caseterm.domain.report.period import Period
from caseterm.domain.report.stock import AWAITING, REGISTERED_GROUPS, Stock
from caseterm.domain.report.trace import (
    NEW_ADDICT,
    NEW_USER,
    RELAPSE_CODES,
    RELEASE_WATCHED,
    PersonTrace,
)

DIMENSIONS = ("regime", "sex", "age", "substance", "village", "officer", "unit")
"""The breakdowns, in the order a cell holds them (after its row)."""
ALL = "all"
CONTACT_EVERY = timedelta(days=30)
_R2026 = utc_iso(R2026_START)
_MOMENT = itemgetter(0)

Cell = tuple[str, str, str, str, str, str, str, str]
"""(row, regime, sex, age, substance, village, officer, unit)."""


@dataclass(frozen=True)
class ReportPerson:
    """What the report reads of one person: the identity facts it breaks down by, and the trace."""

    unit: str
    sex: str
    birth: PartialDate | None
    village: str
    officer: str
    substance: str
    complete: bool
    """The management file holds every field the forms require (`services` decides which)."""
    psychosis: bool
    trace: PersonTrace


@dataclass(frozen=True)
class Counts:
    """The counts of one period: row → dimension → value → number (row "K1", dim "all")."""

    by_row: dict[str, dict[str, Counter[str]]]

    def get(self, row: str, dimension: str = ALL, value: str = "") -> int:
        """One number (0 if nothing was counted there)."""
        return self.by_row.get(row, {}).get(dimension, Counter())[value]

    def values(self, dimension: str) -> list[str]:
        """Every value of a dimension that was counted anywhere (villages, officers, units)."""
        found = {v for dims in self.by_row.values() for v in dims.get(dimension, Counter())}
        return sorted(found)


def count(people: Iterable[ReportPerson], period: Period) -> Counts:
    """Count a population into the indicators of a period."""
    cells: Counter[Cell] = Counter()
    context = _Context(period)
    for person in people:
        for row, regime in _rows(person, context):
            dims = (person.sex, age_band(person.birth, context.last_day), person.substance)
            cells[(row, regime, *dims, person.village, person.officer, person.unit)] += 1
    return _marginals(cells)


class _Context:
    """The moments one period's counting compares against, computed once."""

    def __init__(self, period: Period) -> None:
        self.start = period.start_iso
        self.end = period.end_iso
        self.contact_due = utc_iso(period.end - CONTACT_EVERY)
        self.released_since = utc_iso(period.end - RELEASE_WATCHED)
        self.last_day = period.last_day
        self.default_regime = "R2026" if self.end > _R2026 else "R2021"
        year_ago = period.year_before()
        self.rolling = (year_ago.end_iso, self.end)
        """The rolling 12 months ending at the cut-off, and the 12 months before them."""
        self.previous = (year_ago.year_before().end_iso, year_ago.end_iso)


def _rows(person: ReportPerson, at: _Context) -> list[tuple[str, str]]:
    trace = person.trace
    stock = trace.stock_at(at.end)
    rows = _stock_rows(trace, stock, at)
    rows += _flow_rows(trace, at)
    rows += _directive_rows(person, stock, at)
    return rows


def _stock_rows(trace: PersonTrace, stock: Stock, at: _Context) -> list[tuple[str, str]]:
    rows: list[str] = []
    if stock.group == "K1":
        since = trace.group_since(at.end)
        fresh = "K1.new" if since is not None and since >= at.start else "K1.continuing"
        rows += ["K1", f"K1.{stock.item}", fresh]
    elif stock.group == "K2":
        rows += ["K2", f"K2.{stock.item}"]
    elif stock.group == AWAITING:
        rows += [AWAITING, f"{AWAITING}.{stock.item or 'unknown'}"]
    elif stock.group == EXPIRED:
        rows += [EXPIRED, f"{EXPIRED}.{stock.item}"]
    elif stock.group == "K3":
        origin, months = stock.item.split(":")
        rows += ["K3", f"K3.origin.{origin}", f"K3.term.{months}"]
    if stock.emon:
        state, basis = stock.emon.split(":")
        rows += ["K4", f"K4.state.{state}", f"K4.basis.{basis}"]
    return [(row, stock.regime) for row in rows]


def _flow_rows(trace: PersonTrace, at: _Context) -> list[tuple[str, str]]:
    flows = trace.flows
    first = bisect_left(flows, at.start, key=_MOMENT)
    last = bisect_left(flows, at.end, key=_MOMENT)
    rows: list[tuple[str, str]] = []
    for moment, code in flows[first:last]:
        regime = "R2026" if moment >= _R2026 else "R2021"
        parts = code.split(".")
        if len(parts) > 2:  # "F1.test.h" counts in "F1.test" and in itself
            rows.append((f"{parts[0]}.{parts[1]}", regime))
        rows.append((code, regime))
    return rows


def _directive_rows(person: ReportPerson, stock: Stock, at: _Context) -> list[tuple[str, str]]:
    trace = person.trace
    rows = _register_rows(person, stock, at) if stock.group in REGISTERED_GROUPS else []
    rows += _first_time_rows(trace, at)
    if trace.stock_at(at.start).group in {"K1", "K3"}:
        rows.append("D.relapse_base")
        if any(code in RELAPSE_CODES for t, code in trace.flows if at.start <= t < at.end):
            rows.append("D.relapsed")
    rows += _cohort_rows(trace, at)
    if _watched(person, stock, at):
        rows.append("D.watch")
        contact = trace.last_contact(at.end)
        if contact is None or contact < at.contact_due:
            rows.append("D.watch_overdue")
    # Someone no longer counted at the cut-off (management ended in the period) still counts in
    # a regime column, so that every breakdown sums to its total.
    regime = stock.regime or trace.stock_at(at.start).regime or at.default_regime
    return [(row, regime) for row in rows]


def _cohort_rows(trace: PersonTrace, at: _Context) -> list[str]:
    """The relapse cohort (ND163 Art 4(11)), per window.

    People who had completed an episode at the start of a window, and those of them found
    addicted again within it — the month, the rolling 12 months, and the 12 months before those.
    """
    rows = []
    windows = (("", at.start, at.end), ("_12m", *at.rolling), ("_prev12m", *at.previous))
    for suffix, start, end in windows:
        if trace.in_relapse_cohort(start):
            rows.append(f"D.cohort{suffix}")
            if trace.relapsed_within(start, end):
                rows.append(f"D.cohort{suffix}_relapsed")
    return rows


def _register_rows(person: ReportPerson, stock: Stock, at: _Context) -> list[str]:
    trace = person.trace
    rows = ["D.registered"]
    rows.append("D.complete" if person.complete else "D.incomplete")
    if trace.served_at is not None and trace.served_at < at.end:
        rows.append("D.served")
    year = at.last_day.year
    if any(reviewed == year and moment < at.end for reviewed, moment in trace.reviews):
        rows.append("D.reviewed")
    return rows


def _first_time_rows(trace: PersonTrace, at: _Context) -> list[str]:
    rows = []
    for code, row in ((NEW_ADDICT, "D.new_addicts"), (NEW_USER, "D.new_users")):
        first = next((moment for moment, flow in trace.flows if flow == code), None)
        if first is not None and at.start <= first < at.end:
            rows.append(row)
    return rows


def _watched(person: ReportPerson, stock: Stock, at: _Context) -> bool:
    """The close-watch list at the cut-off: after rehab, drug-induced psychosis, released."""
    if stock.group == "K3":
        return True
    if person.psychosis and stock.group:
        return True
    return any(at.released_since <= moment < at.end for moment in person.trace.released)


def _marginals(cells: Counter[Cell]) -> Counts:
    by_row: dict[str, dict[str, Counter[str]]] = {}
    for cell, number in cells.items():
        row = cell[0]
        dims = by_row.setdefault(row, {})
        dims.setdefault(ALL, Counter())[""] += number
        for name, value in zip(DIMENSIONS, cell[1:], strict=True):
            dims.setdefault(name, Counter())[value] += number
    return Counts(by_row)
