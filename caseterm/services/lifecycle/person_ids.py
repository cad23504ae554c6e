"""Which file an id typed by an officer means: a full id, or a unique prefix."""

from __future__ import annotations

from caseterm.errors import (
    NotFound,
    RefusedError,
)
from caseterm.i18n import _
from caseterm.ids import shown_id
from caseterm.store.database import Tx


def no_such_person(person_id: str) -> NotFound:
    """The refusal for an id that names no file."""
    return NotFound(_("There is no person with id {pid}.").format(pid=shown_id(person_id)))


def resolve_person(tx: Tx, person_id: str) -> str:
    """Accept a full id or a unique prefix of at least 8 characters (for the command line)."""
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
