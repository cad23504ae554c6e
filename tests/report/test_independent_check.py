"""The report against a deliberately simple second implementation (issue 7's independent check).

A Hypothesis population of generated lives (the lifecycle property tests' random walks) is
counted twice: by the report's fast path (trace taken in the projection's replay, stored as
JSON, read back, counted into cells and summed out per dimension) and by `tests.report.simple`
(the engine derived afresh at the cut-off and before each event, raw events read longhand).
Every indicator row, in total and by sex, age band, village and regime, must agree.
"""

from __future__ import annotations

import json
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseterm.domain.dates import PartialDate
from caseterm.domain.report.monthly import ReportPerson, count
from caseterm.domain.report.period import month_period
from caseterm.domain.report.trace import trace_from_json, trace_json, trace_person
from tests.lifecycle.life import CALENDAR
from tests.lifecycle.test_properties import ending, starts, steps, walk
from tests.report.simple import SimplePerson, simple_counts

VILLAGES = ("Thôn Đông", "Thôn Đoài", "Tổ dân phố 3")
BIRTHS = ("2012-03-01", "2010-12-31", "2009-06-15", "2000-01-20", "1985", "1990-05-01")
person = st.tuples(
    steps,
    ending,
    starts,
    st.sampled_from(("male", "female")),
    st.sampled_from(BIRTHS),
    st.sampled_from(VILLAGES),
)


def _people(drawn: list[tuple[object, ...]]) -> list[SimplePerson]:
    people = []
    for plan, end_with, start, sex, birth, village in drawn:
        life, _refused, _end = walk(plan, end_with, start)  # type: ignore[arg-type]
        born = PartialDate.from_iso(str(birth))
        facts = type(life.facts)(born, life.facts.psychosis)
        people.append(SimplePerson(str(sex), born, str(village), facts, life.events))
    return people


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.lists(person, min_size=1, max_size=6),
    st.sampled_from(["2026-07", "2026-08", "2026-10", "2027-01", "2027-06"]),
)
def test_the_report_equals_a_simple_recount_from_the_raw_events(
    drawn: list[tuple[object, ...]], label: str
) -> None:
    people = _people(drawn)
    period = month_period(label)
    now = period.end + timedelta(days=800)  # the projection is taken long after the period
    fast = []
    for p in people:
        _state, trace = trace_person(p.facts, p.events, CALENDAR, now)
        stored = trace_from_json(json.loads(json.dumps(trace_json(trace))))
        fast.append(ReportPerson("U", p.sex, p.birth, p.village, "", "other", True, False, stored))
    report = count(fast, period)
    earlier = period.year_before()
    relevant = [p for p in fast if p.trace.matters(earlier.start_iso, period.end_iso)]
    # The store reads only the people whose span meets the periods: nobody left out counted.
    assert count(relevant, period).by_row == report.by_row
    assert count(relevant, earlier).by_row == count(fast, earlier).by_row
    expected = simple_counts(people, CALENDAR, period.start, period.end)
    rows = {row for row, _dim, _value in expected} | {
        row for row in report.by_row if row.startswith(("K", "F"))
    }
    for row in sorted(rows):
        for dim in ("all", "sex", "age", "village", "regime"):
            values = {v for r, d, v in expected if r == row and d == dim}
            values |= set(report.by_row.get(row, {}).get(dim, {}))
            for value in values:
                assert report.get(row, dim, value) == expected[(row, dim, value)], (row, dim, value)
