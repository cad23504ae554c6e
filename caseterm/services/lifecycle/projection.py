"""The stored projection of a file: its state, open deadlines and the facts the reports count."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from caseterm.clock import utc_iso
from caseterm.domain.lifecycle import Derived, LifeEvent, PersonFacts, WorkCalendar
from caseterm.domain.lifecycle.watch import latest_review, watch_reasons
from caseterm.domain.person import PersonRecord
from caseterm.domain.report.completeness import missing_documents
from caseterm.domain.report.dims import UNKNOWN, substance_group
from caseterm.domain.report.trace import PersonTrace, trace_json, trace_person
from caseterm.services.lifecycle.lifecycle_json import cite_code, derived_json, moment_json
from caseterm.store.records import OpenDeadline, ProjectionRow


def project(
    person_id: str,
    record: PersonRecord | None,
    events: list[LifeEvent],
    calendar: WorkCalendar,
    now: datetime,
) -> tuple[Derived, ProjectionRow]:
    """Derive a person at `now` and the row stored for them, the report's trace included."""
    psychosis = bool(record and record.profile.psychosis)
    facts = PersonFacts(record.birth if record else None, psychosis)
    state, trace = trace_person(facts, events, calendar, now)
    row = projection_of(
        person_id,
        state,
        calendar.version,
        psychosis=psychosis,
        report=report_facts(
            record, trace, missing_documents(record, state, events) if record else ("record",)
        ),
        report_span=trace.span(),
    )
    return state, row


def report_facts(
    record: PersonRecord | None, trace: PersonTrace, missing: tuple[str, ...]
) -> dict[str, Any]:
    """What the report reads of a person beyond the register's columns, with the trace."""
    return {**identity_facts(record, missing), **trace_json(trace)}


def identity_facts(record: PersonRecord | None, missing: tuple[str, ...]) -> dict[str, Any]:
    """The report's facts: substance group, whether the file is complete, psychosis."""
    return {
        "sub": substance_group(record.profile.drug_types) if record else UNKNOWN,
        "ok": record is not None and not missing,
        "psy": bool(record and record.profile.psychosis),
    }


def projection_of(
    person_id: str,
    state: Derived,
    calendar_version: str,
    *,
    psychosis: bool = False,
    report: dict[str, Any] | None = None,
    report_span: tuple[str, str] | None = None,
) -> ProjectionRow:
    """The row stored for a person (`psychosis` from the identity block, for the close watch)."""
    due = min((d.due_at for d in state.deadlines), default=None)
    return ProjectionRow(
        person_id=person_id,
        status=state.status.value,
        registers=tuple(sorted(register.value for register in state.registers)),
        next_due_at=moment_json(due),
        valid_until=moment_json(state.valid_until),
        as_of=utc_iso(state.as_of),
        calendar_version=calendar_version,
        summary=derived_json(state),
        measures=tuple(sorted({m.kind.value for m in state.active_measures()})),
        officer=officer_in_charge(state),
        deadlines=open_deadlines(state),
        watch=tuple(reason.value for reason in watch_reasons(state, psychosis=psychosis)),
        released_at=moment_json(state.released_from_prison),
        last_contact=moment_json(state.last_contact),
        reviewed_year=latest_review(state),
        report=report or {},
        report_span=report_span,
    )


def open_deadlines(state: Derived) -> tuple[OpenDeadline, ...]:
    """The open deadlines as the rows the today list reads, each with its measure's kind."""
    kinds = {measure.id: measure.kind.value for measure in state.measures}
    return tuple(
        OpenDeadline(
            key=deadline.key,
            code=deadline.code,
            due_at=utc_iso(deadline.due_at),
            visible_from=moment_json(deadline.visible_from),
            measure_id=deadline.measure_id,
            measure_kind=kinds.get(deadline.measure_id) if deadline.measure_id else None,
            basis=tuple(cite_code(cite) for cite in deadline.basis),
        )
        for deadline in state.deadlines
    )


def officer_in_charge(state: Derived) -> str:
    """The officer named by the latest active measure's decision, if any decision named one."""
    named = [m for m in state.active_measures() if m.marks.get("officer")]
    return str(named[-1].marks["officer"]) if named else ""
