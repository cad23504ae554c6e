"""The monthly report to the commune People's Committee (L120 Art 24(8), 32(5)(d)) as a document.

The figures are the commune report's (the same count from the events, audited as a report),
their words always Vietnamese whatever the screen's language, since the paper goes to the
committee. The report takes the unit's next "BC" number of the year when it is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from caseterm.domain.documents import short_date
from caseterm.domain.permissions import Action
from caseterm.errors import UsageError
from caseterm.i18n import _, in_language
from caseterm.services.documents.context import Header, missing_keys, recipients, unit_context
from caseterm.services.documents.context_event import local
from caseterm.services.documents.fields import describe_missing
from caseterm.services.documents.making import (
    Made,
    MissingFields,
    Whose,
    checked_target,
    write_export,
)
from caseterm.services.documents.templates import active_set, unit_override
from caseterm.services.lifecycle.numbering import reserve
from caseterm.services.reports.monthly import MonthlyReport, monthly_report
from caseterm.services.reports.rows import DIRECTIVE, FLOWS, STOCK
from caseterm.services.reports.tables import with_extras
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.user_files import writing_to

REPORT_FORM = "BC-UBND"


def make_report_document(
    session: CaseSession, out: Path, label: str | None = None, *, overwrite: bool = False
) -> Made:
    """Write the commune's report for a month (default: the last complete one) to `out`."""
    session.require(Action.DOCUMENT_EXPORT)
    target = checked_target(out, overwrite=overwrite)
    templates = active_set()
    info = templates.form(REPORT_FORM)
    if session.unit.kind != "commune":
        raise UsageError(_("The report to the commune People's Committee is a commune's."))
    report = monthly_report(session, label)
    with session.transaction(durable=False) as tx:
        header = Header.from_stored(tx.documents.header())
    context = report_context(report, templates.words, header, local(session.clock.now()).date())
    context["recipients"] = recipients(info, context, templates.words)
    missing = missing_keys(context, info)
    if missing:
        raise MissingFields(info.form, [describe_missing(k) for k in missing])
    template = unit_override(session.unit.code, info.form) or templates.docx(info.form)
    with session.transaction() as tx, writing_to(target):
        number = reserve(session, tx, info.number_kind, session.clock.now(), person_id=None,
                         event_id=None, form=info.form)  # fmt: skip
        context["doc"]["number"] = number
        return write_export(session, tx, target, template, context, info.form, Whose(),
                            {"period": report.period.label})  # fmt: skip


def _row(code: str, label: str, now: int, before: int) -> dict[str, str]:
    return {"code": code, "label": label, "now": str(now), "before": str(before),
            "change": f"{now - before:+d}"}  # fmt: skip


def report_context(
    report: MonthlyReport, words: dict[str, Any], header: Header, today: Any
) -> dict[str, Any]:
    """The report's context: the header, the period and one row per indicator."""
    rows: list[dict[str, str]] = []
    for group in (STOCK, FLOWS, DIRECTIVE):
        for code, label, level, suffix in with_extras(group, report):
            now, before = report.current.get(code), report.last_year.get(code)
            text = in_language("vi", label) if label else ""
            if suffix:
                text = f"{text} {'đ' if suffix == 'dd' else suffix}".strip()
            rows.append(
                _row(code if level == 0 else "", f"– {text}" if level else text, now, before)
            )
    context = unit_context(header, words, today)
    context["period"] = {
        "start": short_date(local(report.period.start).date()),
        "end": short_date(report.period.last_day),
    }
    context["rows"] = rows
    return context
