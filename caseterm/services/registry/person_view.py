"""The person file's tables in words: measures, open deadlines and the timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from caseterm.clock import VIETNAM
from caseterm.domain.lifecycle import Derived
from caseterm.domain.retention import Stage
from caseterm.i18n import N_, _
from caseterm.services.lifecycle.today import when_label
from caseterm.services.registry.persons import PersonFile
from caseterm.services.words.labels import relative_label
from caseterm.services.words.lifecycle import (
    CLOSE_REASON,
    FLAG,
    FORM,
    MEASURE,
    PHASE,
    day_off_note,
    deadline_label,
    event_label,
    label,
)
from caseterm.services.words.refusals import basis_text, describe_refusal

VOID = "event.voided"


@dataclass(frozen=True)
class MeasureRow:
    """One measure: what, its phase, term and remaining time, flags (in words)."""

    measure_id: str
    what: str
    state: str
    start: str
    end: str
    remaining: str
    flags: str
    active: bool


@dataclass(frozen=True)
class DeadlineRow:
    """One open deadline."""

    key: str
    what: str
    due: str
    relative: str
    basis: str
    overdue: bool
    note: str = ""
    """A term end on a day off: moved, or could be (Civil Code Art 148(5)); else ""."""


@dataclass(frozen=True)
class TimelineRow:
    """One recorded event; a voided one keeps its place, marked, with the reason."""

    event_id: str
    when: str
    what: str
    note: str
    voided: bool
    refused: bool
    voidable: bool
    """False for the registration, a void, or an event already void."""


NOT_VOIDABLE = frozenset({"person.registered", "person.updated", VOID})


def measure_rows(state: Derived) -> list[MeasureRow]:
    """Active measures first, then past ones, latest first within each."""
    ordered = sorted(state.measures, key=lambda m: (not m.active, -m.opened_at.timestamp()))
    rows = []
    for measure in ordered:
        what = label(MEASURE, measure.kind.value)
        if measure.form is not None:
            what += f" ({label(FORM, measure.form.value)})"
        end = measure.term_end()
        if measure.active:
            phase = label(PHASE, measure.phase.value)
            remaining = relative_label(end, state.as_of) if end else ""
        else:
            reason = label(CLOSE_REASON, measure.close_reason.value) if measure.close_reason else ""
            phase = _("closed: {reason}").format(reason=reason) if reason else _("closed")
            remaining = ""
        rows.append(
            MeasureRow(
                measure_id=measure.id,
                what=what,
                state=phase,
                start=_day(measure.term_start or measure.opened_at),
                end=_day(measure.closed_at or end),
                remaining=remaining,
                flags=", ".join(label(FLAG, flag.value) for flag in sorted(measure.flags)),
                active=measure.active,
            )
        )
    return rows


def deadline_rows(state: Derived) -> list[DeadlineRow]:
    """The deadlines worth showing now, earliest first."""
    return [
        DeadlineRow(
            key=d.key,
            what=f"{d.code} {deadline_label(d.code, d.key)}",
            due=when_label(d.due_at),
            relative=relative_label(d.due_at, state.as_of),
            basis=basis_text(d.basis),
            overdue=d.due_at <= state.as_of,
            note=day_off_note(d.params),
        )
        for d in state.visible_deadlines()
    ]


def timeline_rows(person_file: PersonFile) -> list[TimelineRow]:
    """Every event in the order it happened; voids name what they void and why."""
    state = person_file.lifecycle
    by_id = {e.id: e for e in person_file.events}
    void_reason = {
        e.payload.get("event", ""): str(e.payload.get("reason", ""))
        for e in person_file.events
        if e.type == VOID
    }
    rows = []
    for event in sorted(person_file.events, key=lambda e: (e.occurred_at, e.recorded_at)):
        note = ""
        if event.id in state.voided:
            note = _("VOID: {reason}").format(reason=void_reason.get(event.id, ""))
        elif event.id in state.refused:
            note = _("NO LONGER FITS: {why}").format(
                why=describe_refusal(event.type, state.refused[event.id])
            )
        elif event.type == VOID and event.payload.get("event") in by_id:
            target = by_id[event.payload["event"]]
            note = _("voids “{what}” of {when}").format(
                what=event_label(target.type), when=_moment(target.occurred_at)
            )
        elif event.id in person_file.drafted_by:
            note = _("approved by the chief; drafted by {officer}").format(
                officer=person_file.drafted_by[event.id]
            )
        rows.append(
            TimelineRow(
                event_id=event.id,
                when=_moment(event.occurred_at),
                what=event_label(event.type),
                note=note,
                voided=event.id in state.voided,
                refused=event.id in state.refused,
                voidable=event.type not in NOT_VOIDABLE and event.id not in state.voided,
            )
        )
    return rows


def _moment(iso: str) -> str:
    return when_label(datetime.fromisoformat(iso))


def _day(moment: datetime | None) -> str:
    return when_label(moment)[:10] if moment else ""


MISSING_DOCUMENTS = {
    "drug_types": N_("drugs used"),
    "mgmt_decision": N_("management decision (Mẫu 04)"),
    "residence_verification": N_("residence verification"),
    "positive_test_slip": N_("test slip (Mẫu 01)"),
    "statement": N_("the person's statement (Mẫu 03)"),
    "pledge": N_("no-use pledge"),
    "monthly_checks": N_("a residence check in every month"),
    "postrehab_decision": N_("post-rehab decision (Mẫu 53)"),
    "completion_certificate": N_("completion certificate"),
}
"""Words for what a complete management file lacks (`domain.report.completeness`)."""


def missing_documents_line(person_file: PersonFile) -> str:
    """What the management file still lacks, in words ('' when complete or not on a register)."""
    from caseterm.domain.report.completeness import missing_documents
    from caseterm.services.words.messages import FIELD_LABELS

    state = person_file.lifecycle
    if not state.registers:
        return ""
    missing = missing_documents(person_file.person.record, state, person_file.life)
    if not missing:
        return ""
    words = [_({**FIELD_LABELS, **MISSING_DOCUMENTS}.get(code, code)) for code in missing]
    return _("file incomplete, missing: {items}").format(items="; ".join(words))


def missed_checks_line(state: Derived) -> str:
    """The months of management that ended without a residence check (D05), kept in the file."""
    if not state.missed_checks:
        return ""
    months = ", ".join(f"{label[5:]}/{label[:4]}" for label in state.missed_checks)
    return _("monthly checks missed: {months}").format(months=months)


def retention_line(person_file: PersonFile) -> str:
    """A closed file's retention in words: until when it can be corrected, or read-only."""
    found = person_file.retention
    if found.stage is Stage.READ_ONLY and found.closed_at is not None:
        return _("READ-ONLY: closed on {day}, kept for reading and the archive").format(
            day=found.closed_at.astimezone(VIETNAM).strftime("%d/%m/%Y")
        )
    if found.stage is Stage.CLOSED and found.read_only_from is not None:
        return _("closed: corrections until {day}").format(
            day=found.read_only_from.astimezone(VIETNAM).strftime("%d/%m/%Y")
        )
    return ""


def waiting_line(person_file: PersonFile) -> str:
    """The drafts of this file waiting for the chief ("" when none): nothing of them applies yet."""
    if not person_file.waiting:
        return ""
    return _("⧗ waiting for the commune police chief: {what}").format(
        what=", ".join(event_label(event_type) for event_type in person_file.waiting)
    )
