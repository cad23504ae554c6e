"""Which file an id typed by an officer means: a full id, or a unique prefix."""

from __future__ import annotations

import re

from caseterm.errors import (
    NotFound,
    RefusedError,
)
from caseterm.i18n import _
from caseterm.ids import shown_id
from caseterm.store.database import Tx

_FILE_NUMBER = re.compile(r"^\s*hs\s*[-–.]?\s*0*(\d{1,9})\s*$", re.IGNORECASE)


def file_number(text: str) -> int | None:
    """The number in "HS-000123" (also "hs123", "HS 123"); None for anything else."""
    matched = _FILE_NUMBER.match(text)
    return int(matched.group(1)) if matched else None


def no_such_person(person_id: str) -> NotFound:
    """The refusal for an id that names no file."""
    number = file_number(person_id)
    shown = f"HS-{number:06d}" if number is not None else shown_id(person_id)
    return NotFound(_("There is no person with id {pid}.").format(pid=shown))


def resolve_person(tx: Tx, person_id: str) -> str:
    """Accept a file number ("HS-000123"), a full id, or a unique id prefix of 8+ characters."""
    number = file_number(person_id)
    if number is not None:
        found = tx.persons.id_of_file(tx.units.get().code, number)
        if found is None:
            raise no_such_person(person_id)
        return found
    if tx.persons.exists(person_id):
        return person_id
    matches = tx.persons.ids_with_prefix(person_id.lower(), limit=2) if len(person_id) >= 8 else []
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise RefusedError(
            _("The id {pid} is ambiguous; give more characters.").format(pid=person_id)
        )
    raise no_such_person(person_id)
