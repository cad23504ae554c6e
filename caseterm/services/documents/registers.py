"""The unit's registers as documents: the list of persons under user management (Mẫu III-10).

A register is made from many files, so every file it reads is opened as any read is (audited),
and the document itself is recorded and audited once, for the unit, with its period and count.
It is written like every document: where the officer says, atomically, 0600, never to a
temporary folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from caseterm.clock import VIETNAM, utc_iso
from caseterm.domain.dates import DateFormatError, PartialDate
from caseterm.domain.documents import short_date
from caseterm.domain.lifecycle.model import Measure, MeasureKind
from caseterm.domain.names import register_sort_key
from caseterm.domain.permissions import Action
from caseterm.errors import UsageError
from caseterm.i18n import _
from caseterm.services.documents.context import (
    Header,
    missing_keys,
    recipients,
    unit_context,
)
from caseterm.services.documents.context_event import local
from caseterm.services.documents.context_person import person_block
from caseterm.services.documents.fields import describe_missing
from caseterm.services.documents.making import (
    Made,
    MissingFields,
    Whose,
    checked_target,
    write_export,
)
from caseterm.services.documents.templates import FormInfo, active_set, unit_override
from caseterm.services.registry.persons import PersonFile, show_person
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.user_files import writing_to
from caseterm.store.records import ListFilter

PAGE = 500


@dataclass(frozen=True)
class Period:
    """The days a register covers, both included."""

    start: date
    end: date


def parse_period(start: str | None, end: str | None, today: date) -> Period:
    """The period the officer typed (dd/mm/yyyy); by default from 1 January to today."""
    first = _day(start) if start else date(today.year, 1, 1)
    last = _day(end) if end else today
    if last < first:
        raise UsageError(_("The period ends before it starts."))
    return Period(first, last)


def make_register(
    session: CaseSession, form: str, out: Path, period: Period, *, overwrite: bool = False
) -> Made:
    """Write the unit's register `form` for the period to `out` (a .docx the officer chose)."""
    session.require(Action.DOCUMENT_EXPORT)
    target = checked_target(out, overwrite=overwrite)
    templates = active_set()
    info = templates.form(form)
    if info.scope != "unit":
        raise UsageError(_("{form} is filled from one person's file: name the person.").format(
            form=info.form))  # fmt: skip
    files = [show_person(session, pid) for pid in _candidates(session, period)]
    with session.transaction(durable=False) as tx:
        header = Header.from_stored(tx.documents.header())
    context = register_context(files, info, templates.words, header, period,
                               local(session.clock.now()).date())  # fmt: skip
    missing = missing_keys(context, info)
    if missing:
        raise MissingFields(info.form, [describe_missing(k) for k in missing])
    template = unit_override(session.unit.code, info.form) or templates.docx(info.form)
    period_audit: dict[str, str | int] = {"persons": len(context["rows"]),
                                          "from": period.start.isoformat(),
                                          "to": period.end.isoformat()}  # fmt: skip
    with session.transaction() as tx, writing_to(target):
        return write_export(session, tx, target, template, context, info.form, Whose(),
                            period_audit)  # fmt: skip


def register_context(
    files: list[PersonFile],
    info: FormInfo,
    words: dict[str, Any],
    header: Header,
    period: Period,
    today: date,
) -> dict[str, Any]:
    """The register's context: the header, the period and one row per measure in it."""
    rows: list[dict[str, str]] = []
    for file in files:
        for measure in _measures_in(file, period):
            rows.append(_row(len(rows) + 1, file, measure, words, period))
    context = unit_context(header, words, today)
    context["period"] = {"start": short_date(period.start), "end": short_date(period.end)}
    context["rows"] = rows
    context["recipients"] = recipients(info, context, words)
    return context


def _candidates(session: CaseSession, period: Period) -> list[str]:
    """Everyone who may have been under user management in the period, in register order.

    Those on the users' register now, and those counted in the period who have since left it.
    """
    start, end = _moment(period.start), _moment(period.end, last=True)
    with session.transaction(durable=False) as tx:
        ids = set(tx.states.counted_ids(start=utc_iso(start), end=utc_iso(end)))
        offset, where = 0, ListFilter(register="USERS")
        while True:
            page, total = tx.persons.page_filtered(where, offset=offset, limit=PAGE)
            ids.update(p.id for p in page)
            offset += len(page)
            if not page or offset >= total:
                break
        named = tx.persons.names(sorted(ids))
    return sorted(named, key=lambda pid: (register_sort_key(named[pid]), pid))


def _measures_in(file: PersonFile, period: Period) -> list[Measure]:
    start, end = _moment(period.start), _moment(period.end, last=True)
    return sorted(
        (m for m in file.lifecycle.measures
         if m.kind is MeasureKind.USER_MGMT and m.opened_at <= end
         and (m.closed_at is None or m.closed_at >= start)),
        key=lambda m: m.opened_at,
    )  # fmt: skip


def _row(
    n: int, file: PersonFile, measure: Measure, words: dict[str, Any], period: Period
) -> dict[str, str]:
    person = person_block(file.person.record, words)
    end = measure.term_end()
    term = ""
    if measure.term_start is not None and end is not None:
        term = str(words["term_span"]).format(start=short_date(local(measure.term_start).date()),
                                              end=short_date(local(end).date()))  # fmt: skip
    return {
        "n": str(n),
        "name": person["full_name"],
        "birth": person["birth"],
        "sex": person["sex"],
        "id_number": person["id_number"],
        "residence": person["residence_or_current"],
        "decision": "; ".join(_decisions(file, measure, words)),
        "term": term,
        "present": _finding(file, measure, words, period),
        "note": _closed(measure, words, period),
    }


def _decisions(file: PersonFile, measure: Measure, words: dict[str, Any]) -> list[str]:
    """The measure's decisions: the first, and each new one on re-use (ND163 Art 59(1))."""
    voided = file.lifecycle.voided
    until = measure.closed_at or file.lifecycle.as_of
    found = sorted((e for e in file.life if e.type == "mgmt.decided" and e.id not in voided
                    and measure.opened_at <= e.occurred_at <= until),
                   key=lambda e: e.occurred_at)  # fmt: skip
    return [str(words["decision_on"]).format(decision=str(getattr(e.payload, "decision_no", "")),
                                             date=short_date(local(e.occurred_at).date()))
            for e in found]  # fmt: skip


def _finding(file: PersonFile, measure: Measure, words: dict[str, Any], period: Period) -> str:
    start, end = _moment(period.start), _moment(period.end, last=True)
    voided = file.lifecycle.voided
    checks = [e for e in file.life if e.type == "mgmt.residence_checked" and e.id not in voided
              and max(start, measure.opened_at) <= e.occurred_at <= end]  # fmt: skip
    if not checks:
        return str(words["finding"]["none"])
    latest = max(checks, key=lambda e: e.occurred_at)
    return str(words["finding"].get(str(getattr(latest.payload, "finding", "")), ""))


def _closed(measure: Measure, words: dict[str, Any], period: Period) -> str:
    if measure.closed_at is None or measure.closed_at > _moment(period.end, last=True):
        return ""
    closed = words["mgmt_closed"]
    reason = measure.close_reason.value if measure.close_reason else ""
    text = str(closed.get(reason, closed["other"]))
    return text.format(date=short_date(local(measure.closed_at).date()))


def _moment(day: date, *, last: bool = False) -> datetime:
    return datetime.combine(day, time.max if last else time.min, tzinfo=VIETNAM)


def _day(text: str) -> date:
    try:
        parsed = PartialDate.parse(text.strip())
    except DateFormatError as error:
        raise UsageError(_("Not a date: use dd/mm/yyyy.")) from error
    if parsed.month is None or parsed.day is None:
        raise UsageError(_("Not a date: use dd/mm/yyyy."))
    return date(parsed.year, parsed.month, parsed.day)
