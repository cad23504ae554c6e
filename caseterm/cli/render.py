"""Human-readable output of the officer commands."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from caseterm.i18n import _, ngettext
from caseterm.services.labels import code_label, date_label, event_label, moment_label
from caseterm.services.messages import field_label

if TYPE_CHECKING:
    from caseterm.services.persons import PersonFile, PersonSummary


def print_summaries(found: list[PersonSummary], *, complete: bool = True) -> None:
    """Print one line per person, then the count (and whether more matched)."""
    for item in found:
        document = f"{item.id_type} {item.id_number}" if item.id_number else "-"
        typer.echo(
            f"{item.id[:13]}  {item.full_name:<28} {code_label(item.sex):<6} "
            f"{date_label(item.birth):<10}  {document:<18} {item.village}"
        )
    typer.echo(ngettext("{n} person found.", "{n} persons found.", len(found)).format(n=len(found)))
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
    typer.echo(f"{_('Person file')} {person.id}")
    for name, value in rows:
        if value:
            typer.echo(f"  {field_label(name)}: {value}")
    for member in record.family:
        typer.echo(f"  {code_label(member.relation)}: {member.name}")
    profile = record.profile
    drugs = ", ".join(code_label(d.value) for d in profile.drug_types)
    if drugs:
        typer.echo(f"  {field_label('profile')}: {drugs}")
    typer.echo(_("Timeline:"))
    for event in person_file.events:
        typer.echo(f"  {moment_label(event.occurred_at)}  {event_label(event.type)}")
