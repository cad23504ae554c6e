"""The documented, stable JSON shapes of `--json` output."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from caseterm.services.persons import PersonFile
from caseterm.store.convert import record_to_json
from caseterm.store.records import PersonSummary


def summary_json(summary: PersonSummary) -> dict[str, Any]:
    """One list line: id, name, sex, birth (ISO form), document, village."""
    return asdict(summary)


def person_file_json(person_file: PersonFile) -> dict[str, Any]:
    """A person's record, bookkeeping and timeline."""
    person = person_file.person
    return {
        "id": person.id,
        "unit_code": person.unit_code,
        "version": person.version,
        "created_at": person.created_at,
        "updated_at": person.updated_at,
        "record": record_to_json(person.record),
        "events": [asdict(event) for event in person_file.events],
    }
