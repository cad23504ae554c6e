"""The monthly report of a few scripted lives, counted as the store would count them."""

from __future__ import annotations

from caseterm.domain.report.monthly import Counts, ReportPerson, count
from caseterm.domain.report.period import month_period
from caseterm.domain.report.trace import trace_person
from tests.lifecycle.life import CALENDAR, Life, at


def report_counts(lives: list[Life], month: str, now: str) -> Counts:
    """Count the lives into `month`'s indicators, their traces taken at local `now`."""
    people = [
        ReportPerson(
            "U", "male", None, "T", "", "other", True, False,
            trace_person(life.facts, life.events, CALENDAR, at(now))[1],
        )
        for life in lives
    ]  # fmt: skip
    return count(people, month_period(month))
