"""Which file an id typed by an officer means: a full id, or a unique prefix."""

from __future__ import annotations

import re
from dataclasses import dataclass

from caseterm.errors import (
    NotFound,
    RefusedError,
)
from caseterm.i18n import _
from caseterm.ids import shown_id
from caseterm.services.words.labels import file_label
from caseterm.store.database import Tx

_FILE_NUMBER = re.compile(
    r"^\s*(?:([0-9A-Za-z][0-9A-Za-z-]{0,31})\s*/\s*)?hs\s*[-–.]?\s*0*(\d{1,9})\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FileNumber:
    """A file number as typed: "HS-000123", or at a district "26734/HS-000123"."""

    unit_code: str | None
    number: int

    def label(self) -> str:
        """The number as caseterm prints it."""
        return file_label(self.number, "", self.unit_code)


def file_number(text: str) -> FileNumber | None:
    """The file number in "HS-000123" (also "hs123", "HS 123", "26734/HS-123"); else None."""
    matched = _FILE_NUMBER.match(text)
    if matched is None:
        return None
    return FileNumber(matched.group(1).upper() if matched.group(1) else None, int(matched.group(2)))


def no_such_person(person_id: str) -> NotFound:
    """The refusal for an id that names no file."""
    number = file_number(person_id)
    shown = number.label() if number is not None else shown_id(person_id)
    return NotFound(_("There is no person with id {pid}.").format(pid=shown))


def resolve_person(tx: Tx, person_id: str) -> str:
    """Accept a file number ("HS-000123", "26734/HS-000123"), a full id, or an id prefix.

    An id prefix must have 8 or more characters and name one person.
    """
    number = file_number(person_id)
    if number is not None:
        return _resolve_file(tx, number, person_id)
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


def _resolve_file(tx: Tx, number: FileNumber, typed: str) -> str:
    """The one person a file number names; at a district, the commune may need saying."""
    found = tx.persons.by_file_number(number.unit_code, number.number).persons
    if not found:
        raise no_such_person(typed)
    if len(found) > 1:
        raise RefusedError(
            _("File number {number} is used by several communes; write it as {examples}.").format(
                number=number.label(),
                examples=_(" or ").join(
                    file_label(p.file_no, p.id, p.file_unit) for p in found[:3]
                ),
            )
        )
    return found[0].id
