"""Terms that ran out with nothing recorded: their own report row, not K1 or K3 (issue 20, 8).

A user management or post-rehab management whose term ended with no termination, completion or
extension recorded is not "under management" any more in law, and not closed either: the officer
owes a closing record (duty D41). From the end of the term until that record, the person counts
in the stock row KX ("term ended, not closed") instead of K1 / K3 (legal spec §9, decision 5).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from caseterm.clock import utc_iso
from caseterm.domain.lifecycle.model import Measure, MeasureKind
from caseterm.domain.report.stock import NOT_COUNTED, Stock

EXPIRED = "KX"
_GROUP_OF = {MeasureKind.USER_MGMT: ("K1", "mgmt"), MeasureKind.POST_REHAB: ("K3", "post")}
Timeline = list[tuple[str, Stock]]


def expired_spans(
    measures: tuple[Measure, ...] | list[Measure], until: str
) -> Iterator[tuple[str, str, str, str]]:
    """(from, to, group it replaces, KX item) for each term that ended before it was closed."""
    for measure in measures:
        group = _GROUP_OF.get(measure.kind)
        end = measure.term_end()
        if group is None or end is None or (measure.closed_at and measure.closed_at <= end):
            continue
        closed = utc_iso(measure.closed_at) if measure.closed_at else until
        yield utc_iso(end), closed, *group


def mark_expired(timeline: Timeline, spans: list[tuple[str, str, str, str]]) -> Timeline:
    """The timeline with K1 / K3 replaced by KX within each span (changes at its two ends)."""
    for start, stop, group, item in spans:
        timeline = _within(timeline, start, stop, group, item)
    return timeline


def _within(timeline: Timeline, start: str, stop: str, group: str, item: str) -> Timeline:
    def expired(stock: Stock) -> Stock:
        return replace(stock, group=EXPIRED, item=item) if stock.group == group else stock

    earlier = [entry for entry in timeline if entry[0] < start]
    during = [entry for entry in timeline if start <= entry[0] < stop]
    later = [entry for entry in timeline if entry[0] >= stop]
    in_effect = (earlier or [("", NOT_COUNTED)])[-1][1]
    opening = [] if during and during[0][0] == start else [(start, expired(in_effect))]
    # At the closing record the original stock returns (the record itself then changes it).
    restored = (earlier + during or [("", NOT_COUNTED)])[-1][1]
    closing = [] if later and later[0][0] == stop else [(stop, restored)]
    inside = [(at, expired(stock)) for at, stock in during]
    return _squash(earlier + opening + inside + closing + later)


def _squash(timeline: Timeline) -> Timeline:
    """Drop entries that change nothing (the trace keeps changes only)."""
    out: Timeline = []
    for at, stock in timeline:
        if (out[-1][1] if out else NOT_COUNTED) != stock:
            out.append((at, stock))
    return out
