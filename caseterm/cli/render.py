"""Human-readable output of the officer commands."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import typer

from caseterm.clock import VIETNAM
from caseterm.i18n import _, ngettext
from caseterm.services.words.labels import (
    code_label,
    date_label,
    event_label,
    file_label,
    moment_label,
    relative_label,
)
from caseterm.services.words.messages import field_label

if TYPE_CHECKING:
    from caseterm.domain.lifecycle.model import Deadline
    from caseterm.services.lifecycle.due import DueList
    from caseterm.services.registry.persons import PersonFile, PersonSummary


def print_summaries(
    found: list[PersonSummary], *, complete: bool = True, count: bool = True
) -> None:
    """Print one line per person, then the count (and whether more matched)."""
    for item in found:
        document = f"{item.id_type} {item.id_number}" if item.id_number else "-"
        shown = file_label(item.file_no, item.id, item.file_unit)
        typer.echo(
            f"{shown:<13}  {item.full_name:<28} {code_label(item.sex):<6} "
            f"{date_label(item.birth):<10}  {document:<18} {item.village}"
        )
    if count:
        typer.echo(
            ngettext("{n} person found.", "{n} persons found.", len(found)).format(n=len(found))
        )
    if not complete:
        typer.echo(_("More than 1,000 persons match; only some are shown. Type more letters."))


def print_person_file(person_file: PersonFile) -> None:
    """Print a person's identity block, profile and timeline."""
    person, record = person_file.person, person_file.person.record
    rows = [
        ("full_name", record.full_name),
        ("aliases", ", ".join(record.aliases)),
        ("sex", code_label(record.sex.value)),
        ("birth", record.birth.display()),
        ("id_number", f"{record.id_type.value} {record.id_number}" if record.id_type else ""),
        ("village", record.village),
        ("permanent_address", record.permanent_address),
        ("current_address", record.current_address),
        (
            "residence_status",
            code_label(record.residence_status.value if record.residence_status else None),
        ),
        ("occupation", record.occupation),
        ("phone", record.phone),
        ("ethnicity", record.ethnicity),
        ("religion", record.religion),
    ]
    shown = file_label(person.file_no, person.id, person.file_unit)
    typer.echo(f"{_('Person file')} {shown}  (id {person.id})")
    for name, value in rows:
        if value:
            typer.echo(f"  {field_label(name)}: {value}")
    for member in record.family:
        typer.echo(f"  {code_label(member.relation)}: {member.name}")
    profile = record.profile
    drugs = ", ".join(code_label(d.value) for d in profile.drug_types)
    if drugs:
        typer.echo(f"  {field_label('profile')}: {drugs}")
    print_lifecycle(person_file)
    typer.echo(_("Timeline:"))
    state = person_file.lifecycle
    for event in person_file.events:
        line = f"  {moment_label(event.occurred_at)}  {event_label(event.type)}  [{event.id}]"
        if event.id in state.voided:
            line += "  " + _("VOID")
        elif event.id in state.applied:
            line += f"  ({state.applied[event.id]})"
        elif event.id in state.refused:
            line += "  " + _("NO LONGER FITS: {rule}").format(rule=state.refused[event.id].rule)
        typer.echo(line)


def print_lifecycle(person_file: PersonFile) -> None:
    """Status, registers, measures with their terms, and open deadlines."""
    from caseterm.services.words.lifecycle import (
        CLOSE_REASON,
        FLAG,
        FORM,
        MEASURE,
        PHASE,
        REGISTER,
        label,
        status_label,
    )

    state = person_file.lifecycle
    flags = ", ".join(label(FLAG, flag) for flag in sorted(state.flags))
    typer.echo(_("Status: {status}").format(status=status_label(state.status.value)))
    if flags:
        typer.echo(_("Flags: {flags}").format(flags=flags))
    from caseterm.services.registry.person_view import missed_checks_line, missing_documents_line

    for line in (missed_checks_line(state), missing_documents_line(person_file)):
        if line:
            typer.echo(line[0].upper() + line[1:])
    registers = ", ".join(label(REGISTER, r.value) for r in sorted(state.registers))
    typer.echo(_("Registers: {registers}").format(registers=registers or "—"))
    typer.echo(_("Measures:"))
    for measure in state.measures:
        parts = [label(MEASURE, measure.kind.value)]
        if measure.form:
            parts.append(label(FORM, measure.form.value))
        parts.append(label(PHASE, measure.phase.value))
        if measure.close_reason:
            parts.append(label(CLOSE_REASON, measure.close_reason.value))
        parts.append(measure.regime.value)
        typer.echo("  " + " · ".join(parts))
        _print_term(measure, state.as_of)
    print_deadlines(state.visible_deadlines(), now=state.as_of)


def _print_term(measure: object, now: datetime) -> None:
    from caseterm.domain.lifecycle.model import Measure

    if not isinstance(measure, Measure) or measure.term_start is None:
        return
    end = measure.term_end()
    start = measure.term_start.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M")
    if end is None:
        typer.echo("    " + _("from {start}").format(start=start))
        return
    last_day = (end.astimezone(VIETNAM)).strftime("%d/%m/%Y %H:%M")
    line = _("term {start} → {end}").format(start=start, end=last_day)
    if measure.active:
        line += f" ({relative_label(end, now)})"
    typer.echo("    " + line)


def print_deadlines(deadlines: list[Deadline], *, now: datetime) -> None:
    """Open deadlines, each with what is due, when, how far, and the law."""
    from caseterm.services.words.lifecycle import day_off_note, deadline_label
    from caseterm.services.words.refusals import basis_text

    if not deadlines:
        typer.echo(_("No open deadlines."))
        return
    typer.echo(_("Open deadlines:"))
    for deadline in deadlines:
        marker = _("OVERDUE") if deadline.due_at <= now else _("due")
        when = deadline.due_at.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M")
        typer.echo(
            f"  [{marker}] {deadline.code} {deadline_label(deadline.code, deadline.key)} — {when} "
            f"({relative_label(deadline.due_at, now)})"
        )
        typer.echo(f"      {basis_text(deadline.basis)}")
        note = day_off_note(deadline.params)
        if note:
            typer.echo(f"      {note}")


def print_due(found: DueList) -> None:
    """The due list in its three groups, with counts per register."""
    from caseterm.services.lifecycle.due import by_person
    from caseterm.services.words.lifecycle import REGISTER, deadline_label, label

    counts = ", ".join(
        f"{label(REGISTER, name)}: {count}" for name, count in sorted(found.registers.items())
    )
    typer.echo(_("Registers: {counts}").format(counts=counts or "—"))
    if found.calendar_gap:
        typer.echo(
            _(
                "Warning: the holiday calendar does not cover {year}; working days then skip "
                "weekends only. Ask the administrator to install the new calendar."
            ).format(year=found.calendar_gap)
        )
    for title, items in (
        (_("OVERDUE"), found.overdue),
        (_("DUE TODAY"), found.today),
        (_("NEXT 7 DAYS"), found.upcoming),
    ):
        typer.echo(f"{title} ({len(items)})")
        for first, others in by_person(items):
            who = first.full_name or _("(the commune)")
            if first.person_id in found.tags:
                who += f"  ({found.tags[first.person_id]})"
            typer.echo(f"  {who}")
            for item in (first, *others):
                when = item.due_moment.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M")
                typer.echo(
                    f"      {when} ({relative_label(item.due_moment, found.now)})  "
                    f"{item.code} {deadline_label(item.code, item.key)}"
                )


def say_duties_combined(names: tuple[str, ...]) -> None:
    """Warn that an account both administers and approves (one person: no second pair of eyes)."""
    for name in names:
        typer.echo(
            _(
                "⚠ {name} is both administrator and chief: the same person creates accounts "
                "and approves them, so only the audit log would show a misuse. Give the chief "
                "role to another person when the unit has one."
            ).format(name=name)
        )
