"""A person as the report sees them: one replay, kept as a compact timeline.

The stock indicators need the person's state at any cut-off, and the flows need every step with
its moment; replaying 100k files for each report would take minutes, so the projection keeps
this trace beside the person's state and the report only counts (product.md §7, P7).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from caseterm.clock import utc_iso
from caseterm.domain.lifecycle import Derived, LifeEvent, PersonFacts, WorkCalendar, derive
from caseterm.domain.lifecycle.checks import month_end
from caseterm.domain.lifecycle.fold import Fold
from caseterm.domain.lifecycle.model import Measure
from caseterm.domain.report.expiry import expired_spans, mark_expired
from caseterm.domain.report.flows import MeasureMark, Step, event_flows, measure_flows
from caseterm.domain.report.stock import NOT_COUNTED, Stock, stock_of

SERVICE_EVENTS = frozenset(
    {
        "support.provided",
        "rehab.started",
        "subst.enrolled",
        "compulsory.transported",
        "postrehab.decided",
    }
)
"""Events that mean the person received counselling, treatment, rehab or reintegration support
(the directive's "100 % reached by a service", product.md §0)."""
STILL_COUNTED = "9999-12-31T23:59:59.999999Z"
"""The end of the span of someone who counts now (sorts after every real moment)."""
RELEASE_WATCHED = timedelta(days=365)
"""How long a release from prison keeps a person on the close-watch list (`monthly`)."""
NEW_ADDICT = "F3.result.ADDICTED"
NEW_USER = "F2.decided.NEW"
RELAPSE_CODES = frozenset(
    {"F7.reuse_in_mgmt", "F7.use_in_voluntary", "F7.addicted_in_post_rehab", "F7.relapse"}
)
RELAPSE = "F7.relapse"
MISSED_CHECK = "F2.missed_check"
"""A month of user management that ended without its residence check (D05)."""
COMPLETED = "F6.completed."
"""The prefix of every completed episode's flow (the relapse cohort's entry)."""
GONE = frozenset({"F9.died", "F9.moved_out", "F2.ended.DECLARED_MISSING"})


@dataclass
class PersonTrace:
    """The report's view of one person's events.

    Moments are UTC ISO strings (`clock.utc_iso`, fixed width): they compare as the moments do,
    so a report over 100k traces never parses a date.
    """

    timeline: list[tuple[str, Stock]] = field(default_factory=list)
    """Each change of the stock groups, in order."""
    flows: list[tuple[str, str]] = field(default_factory=list)
    """Each flow code counted, with its moment."""
    served_at: str | None = None
    """The first service received."""
    reviews: list[tuple[int, str]] = field(default_factory=list)
    """Annual reviews: the year reviewed and when."""
    contacts: list[str] = field(default_factory=list)
    released: list[str] = field(default_factory=list)
    """Releases from prison (the close-watch list)."""

    def stock_at(self, moment: str) -> Stock:
        """The stock groups at the cut-off `moment` (the last change before it)."""
        found = NOT_COUNTED
        for at, stock in self.timeline:
            if at >= moment:
                break
            found = stock
        return found

    def group_since(self, moment: str) -> str | None:
        """When the person entered the group they are in at the cut-off `moment`, without a gap."""
        group = self.stock_at(moment).group
        if not group:
            return None
        since: str | None = None
        for at, stock in self.timeline:
            if at >= moment:
                break
            if stock.group != group:
                since = None
            elif since is None:
                since = at
        return since

    def span(self) -> tuple[str, str] | None:
        """The moments between which the person can count in any report (None: never).

        From the first counted state, flow or release; until the last change, flow or the end
        of a release's year on the close-watch list, or `STILL_COUNTED` while they count now.
        A report reads only the people whose span meets its periods, so the closed files and the
        never-counted registrations of years past cost it nothing.
        """
        counted = [at for at, stock in self.timeline if stock.group or stock.emon]
        moments = counted + [at for at, _code in self.flows] + self.released
        if not moments:
            return None
        last = self.timeline[-1][1] if self.timeline else NOT_COUNTED
        if last.group or last.emon or self.in_relapse_cohort(STILL_COUNTED):
            return min(moments), STILL_COUNTED
        watched = [utc_iso(datetime.fromisoformat(at) + RELEASE_WATCHED) for at in self.released]
        ends = [at for at, _stock in self.timeline] + [at for at, _code in self.flows] + watched
        return min(moments), max(ends)

    def in_relapse_cohort(self, moment: str) -> bool:
        """Had completed an episode before `moment` and was still this commune's to follow."""
        completed = [at for at, code in self.flows if code.startswith(COMPLETED) and at < moment]
        if not completed:
            return False
        return not any(code in GONE and at < moment for at, code in self.flows)

    def relapsed_within(self, start: str, end: str) -> bool:
        """A relapse (tái nghiện) was found in [start, end)."""
        return any(code == RELAPSE and start <= at < end for at, code in self.flows)

    def matters(self, start: str, end: str) -> bool:
        """Whether the person can count in a report over [start, end) (see `span`)."""
        found = self.span()
        return found is not None and found[0] < end and found[1] >= start

    def last_contact(self, moment: str) -> str | None:
        """The latest contact before the cut-off `moment`."""
        return max((c for c in self.contacts if c < moment), default=None)


class _Tracer:
    """The replay observer that builds a `PersonTrace`."""

    def __init__(self) -> None:
        self.trace = PersonTrace()
        self._marks: dict[str, MeasureMark] = {}
        self._relapses = 0
        self._reviews: set[int] = set()
        self._contact: datetime | None = None
        self._released: datetime | None = None

    def __call__(self, fold: Fold, when: datetime, event: LifeEvent | None) -> None:
        moment = utc_iso(when)
        marks = {m.id: _mark(m) for m in fold.measures}
        step = Step(self._marks, marks, self._relapses, fold.relapses)
        codes = measure_flows(step) + (event_flows(event, step) if event is not None else [])
        self.trace.flows.extend((moment, code) for code in codes)
        self._marks, self._relapses = marks, fold.relapses
        stock = stock_of(fold, when)
        # Not being counted needs no entry: a file with only its registration then has an empty
        # timeline, the same whenever it was made (the demo copies one projection to many).
        last = self.trace.timeline[-1][1] if self.trace.timeline else NOT_COUNTED
        if stock != last:
            self.trace.timeline.append((moment, stock))
        self._facts(fold, moment, event)

    def _facts(self, fold: Fold, moment: str, event: LifeEvent | None) -> None:
        if event is not None and event.type in SERVICE_EVENTS and self.trace.served_at is None:
            self.trace.served_at = moment
        for year in sorted(fold.reviews - self._reviews):
            self.trace.reviews.append((year, moment))
        self._reviews = set(fold.reviews)
        if fold.last_contact is not None and fold.last_contact != self._contact:
            self.trace.contacts.append(utc_iso(fold.last_contact))
            self._contact = fold.last_contact
        if fold.released_from_prison is not None and fold.released_from_prison != self._released:
            self.trace.released.append(utc_iso(fold.released_from_prison))
            self._released = fold.released_from_prison


def _mark(measure: Measure) -> MeasureMark:
    return MeasureMark(
        measure.kind,
        measure.form.value if measure.form else "",
        measure.case or "",
        measure.close_reason,
        str(measure.marks.get("stop_reason", "")),
    )


def trace_person(
    facts: PersonFacts, events: list[LifeEvent], calendar: WorkCalendar, now: datetime
) -> tuple[Derived, PersonTrace]:
    """Derive a person at `now` and take the report's trace in the same replay."""
    tracer = _Tracer()
    state = derive(facts, events, calendar, now, tracer)
    spans = list(expired_spans(state.measures, STILL_COUNTED))
    if spans:
        tracer.trace.timeline = mark_expired(tracer.trace.timeline, spans)
    if state.missed_checks:  # counted in the month that ended without its check
        for label in state.missed_checks:
            year, month = (int(part) for part in label.split("-"))
            last_noon = month_end(date(year, month, 1)) - timedelta(hours=12)
            tracer.trace.flows.append((utc_iso(last_noon), MISSED_CHECK))
        tracer.trace.flows.sort(key=lambda flow: flow[0])
    return state, tracer.trace


def trace_json(trace: PersonTrace) -> dict[str, Any]:
    """The stored form of a trace (short keys: there is one per person)."""
    return {
        "t": [[at, *stock.row()] for at, stock in trace.timeline],
        "f": [[at, code] for at, code in trace.flows],
        "s": trace.served_at,
        "r": [[year, at] for year, at in trace.reviews],
        "c": trace.contacts,
        "x": trace.released,
    }


def trace_from_json(stored: dict[str, Any]) -> PersonTrace:
    """A trace from its stored form."""
    return PersonTrace(
        timeline=[
            (at, Stock(group, item, emon, regime)) for at, group, item, emon, regime in stored["t"]
        ],
        flows=[(at, code) for at, code in stored["f"]],
        served_at=stored["s"],
        reviews=[(int(year), at) for year, at in stored["r"]],
        contacts=list(stored["c"]),
        released=list(stored["x"]),
    )
