"""The monthly report to the commune People's Committee (L120 Art 24(8), 32(5)(d)) as a document.

The figures are the commune report's (the same count from the events, audited as a report),
their words always Vietnamese whatever the screen's language, since the paper goes to the
committee. The report takes the unit's next "BC" number of the year when it is written.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from caseterm.domain.documents import date_words, short_date
from caseterm.domain.permissions import Action
from caseterm.errors import UsageError
from caseterm.files import atomic_write_bytes
from caseterm.i18n import _, in_language
from caseterm.ids import new_id
from caseterm.services.documents.context import Header, header_block, missing_keys, recipients
from caseterm.services.documents.context import signer as unit_signer
from caseterm.services.documents.context_event import local
from caseterm.services.documents.fields import describe_missing
from caseterm.services.documents.making import Made, MissingFields, checked_target
from caseterm.services.documents.render import render_docx
from caseterm.services.documents.templates import active_set, unit_override
from caseterm.services.lifecycle.numbering import reserve
from caseterm.services.reports.monthly import MonthlyReport, monthly_report
from caseterm.services.reports.rows import DIRECTIVE, FLOWS, STOCK
from caseterm.services.reports.tables import with_extras
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.user_files import writing_to
from caseterm.store.tables import DocumentExport

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
    export_id = new_id()
    template = unit_override(session.unit.code, info.form) or templates.docx(info.form)
    with session.transaction() as tx, writing_to(target):
        number = reserve(session, tx, info.number_kind, session.clock.now(), person_id=None,
                         event_id=None, form=info.form)  # fmt: skip
        context["doc"]["number"] = number
        data = render_docx(template, context, identifier=f"caseterm:{export_id}", form=info.form)
        digest = hashlib.sha256(data).hexdigest()
        tx.documents.add_export(
            DocumentExport(id=export_id, unit_code=session.unit.code, person_id=None,
                           form=info.form, decision_no=number, sha256=digest,
                           file_name=target.name, written_at=session.now(),
                           written_by=session.actor.id)
        )  # fmt: skip
        details: dict[str, str | int] = {
            "form": info.form,
            "export": export_id,
            "number": number,
            "sha256": digest,
            "period": report.period.label,
        }
        session.audit(tx, "document.register", "unit", session.unit.code, details)
        atomic_write_bytes(target, data)
    return Made(target, info.form, number, digest, export_id)


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
    return {
        "h": header_block(header, words),
        "doc": {"number": "", "date_words": date_words(today)},
        "period": {
            "start": short_date(local(report.period.start).date()),
            "end": short_date(report.period.last_day),
        },
        "rows": rows,
        "p": {"full_name": ""},
        "e": {},
        "sign": unit_signer(None, header, {}, words),
    }
