"""The monthly report of a commune or of a district (legal spec §5.2–5.3, product.md §6).

Stale projections are brought up to date first, then every person's stored trace is counted
for the period and for the same period a year before. The report holds counts only, never a
name; making it is audited with the period, as every read of the registers is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from caseterm import __version__
from caseterm.clock import VIETNAM, utc_iso
from caseterm.domain.dates import PartialDate
from caseterm.domain.permissions import Action
from caseterm.domain.report.monthly import Counts, ReportPerson, count
from caseterm.domain.report.period import Period, PeriodError, month_period
from caseterm.domain.report.trace import trace_from_json
from caseterm.errors import NotFound, UsageError, ValidationFailed
from caseterm.i18n import _
from caseterm.services.lifecycle.calendar import calendar_editions
from caseterm.services.lifecycle.events import refresh_projection
from caseterm.services.session.case_session import CaseSession
from caseterm.store.database import Tx
from caseterm.store.records import ReportRow

MAX_POPULATION = 100_000_000


@dataclass(frozen=True)
class MonthlyReport:
    """A report: the counts of a period and of the same period a year before."""

    unit_code: str
    unit_name: str
    period: Period
    population: int | None
    current: Counts
    last_year: Counts
    generated_at: str
    generated_by: str
    app_version: str
    communes: dict[str, str]
    """(District) The enrolled communes, code → name; empty for a commune's own report."""
    missing: tuple[str, ...] = ()
    """(District) Communes with no applied bundle for the period, listed first."""


@dataclass(frozen=True)
class ReportSettings:
    """The unit's report settings."""

    population: int | None
    start_day: int


def default_period(now: datetime) -> str:
    """The month a report is usually made for: the one that ended last."""
    today = now.astimezone(VIETNAM).date()
    first = date(today.year, today.month, 1)
    previous = date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)
    return f"{previous.year:04d}-{previous.month:02d}"


def parse_period(label: str, start_day: int) -> Period:
    """A period from its label, or a clear error."""
    try:
        return month_period(label, start_day)
    except PeriodError as error:
        raise UsageError(
            _("The period must be a month written YYYY-MM, for example {example}: {value}").format(
                example="2026-11", value=label
            )
            if error.reason != "start_day"
            else _("The period's start day must be between 1 and 28.")
        ) from None


def monthly_report(session: CaseSession, label: str | None = None) -> MonthlyReport:
    """The commune's report for a month (default: the last complete month)."""
    session.require(Action.REPORT_READ)
    with session.transaction() as tx:
        settings = _settings(tx)
        period = parse_period(label or default_period(session.clock.now()), settings.start_day)
        _refresh(session, tx)
        people = _people(tx, period)
        session.audit(tx, "report.monthly", "unit", session.unit.code, {"period": period.label})
    return MonthlyReport(
        unit_code=session.unit.code,
        unit_name=session.unit.name,
        period=period,
        population=settings.population,
        current=count(people, period),
        last_year=count(people, period.year_before()),
        generated_at=session.now(),
        generated_by=session.actor.name,
        app_version=__version__,
        communes={},
    )


def district_report(session: CaseSession, label: str | None = None) -> MonthlyReport:
    """The district's report: every imported commune, each and in total."""
    session.require(Action.REPORT_READ)
    with session.transaction() as tx:
        communes = {c.unit_code: c.name for c in tx.district.communes()}
        if not communes:
            raise NotFound(_("No commune is enrolled in this district store."))
        settings = _settings(tx)
        period = parse_period(label or default_period(session.clock.now()), settings.start_day)
        _refresh(session, tx)
        people = [p for p in _people(tx, period) if p.unit in communes]
        received = tx.district.periods_applied(period.label)
        session.audit(tx, "report.district", "unit", session.unit.code, {"period": period.label})
    return MonthlyReport(
        unit_code=session.unit.code,
        unit_name=session.unit.name,
        period=period,
        population=None,
        current=count(people, period),
        last_year=count(people, period.year_before()),
        generated_at=session.now(),
        generated_by=session.actor.name,
        app_version=__version__,
        communes=communes,
        missing=tuple(sorted(set(communes) - received)),
    )


def report_settings(session: CaseSession) -> ReportSettings:
    """The unit's population and period start day."""
    session.require(Action.REPORT_READ)
    with session.transaction(durable=False) as tx:
        return _settings(tx)


def set_report_settings(
    session: CaseSession, *, population: int | None = None, start_day: int | None = None
) -> ReportSettings:
    """Change the population (K5) and/or the day a period starts; audited with both values."""
    session.require(Action.UNIT_CONFIGURE)
    problems = []
    if population is not None and not 1 <= population <= MAX_POPULATION:
        problems.append(_("the population must be a whole number from 1 to 100,000,000"))
    if start_day is not None and not 1 <= start_day <= 28:  # every month has a 28th
        problems.append(_("the period's start day must be between 1 and 28"))
    if problems:
        raise ValidationFailed(_("The report settings were not changed:"), problems)
    with session.transaction() as tx:
        old = _settings(tx)
        new = ReportSettings(
            population if population is not None else old.population,
            start_day if start_day is not None else old.start_day,
        )
        tx.units.set_report_settings(population=new.population, start_day=new.start_day)
        details: dict[str, str | int] = {
            "population": new.population or 0,
            "start_day": new.start_day,
        }
        session.audit(tx, "unit.report_settings", "unit", session.unit.code, details)
    return new


def _settings(tx: Tx) -> ReportSettings:
    population, start_day = tx.units.report_settings()
    return ReportSettings(population, start_day)


def _refresh(session: CaseSession, tx: Tx) -> None:
    """Recompute the projections time or a new calendar has made stale (as the today list)."""
    now = utc_iso(session.clock.now())
    for person_id in tx.states.stale_ids(now=now, editions=calendar_editions(tx)):
        refresh_projection(session, tx, person_id)


def _people(tx: Tx, period: Period) -> list[ReportPerson]:
    """Everyone who can count in the period or in the same period a year before."""
    rows = tx.states.report_rows(start=period.year_before().start_iso, end=period.end_iso)
    births: dict[str, PartialDate | None] = {}
    people = []
    for row in rows:
        stored = json.loads(row.report)
        if row.birth not in births:
            births[row.birth] = PartialDate.from_iso(row.birth) if row.birth else None
        people.append(_person(row, stored, births[row.birth]))
    return people


def _person(row: ReportRow, stored: dict[str, Any], birth: PartialDate | None) -> ReportPerson:
    return ReportPerson(
        unit=row.unit_code,
        sex=row.sex,
        birth=birth,
        village=row.village,
        officer=row.officer,
        substance=stored["sub"],
        complete=stored["ok"],
        psychosis=stored["psy"],
        trace=trace_from_json(stored),
    )
