"""The unit's document header: what every official document prints above its title."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from caseterm.domain.documents import (
    DEFAULT_NUMBER_FORMAT,
    DEFAULT_SYMBOL,
    NumberFormat,
    NumberFormatError,
)
from caseterm.domain.permissions import Action
from caseterm.errors import ValidationFailed
from caseterm.i18n import _
from caseterm.services.documents.context import Header
from caseterm.services.session.case_session import CaseSession

MAX_TEXT = 200


def show_header(session: CaseSession) -> dict[str, str]:
    """The header as set, with the number format in force (defaults shown as such)."""
    # No permission check: the header names the unit and its chief, never a person in a file.
    with session.transaction(durable=False) as tx:
        stored = tx.documents.header()
    shown = {k: str(v) for k, v in asdict(Header.from_stored(stored)).items()}
    shown["number_format"] = str(stored.get("number_format") or DEFAULT_NUMBER_FORMAT)
    shown["symbol"] = str(stored.get("symbol") or DEFAULT_SYMBOL)
    return shown


def set_header(session: CaseSession, changes: dict[str, str]) -> dict[str, str]:
    """Change some header fields (audited: which fields, never a name); return the header."""
    session.require(Action.UNIT_CONFIGURE)
    known = {f.name for f in fields(Header)} | {"number_format", "symbol"}
    problems = [_("unknown header field: {name}").format(name=k) for k in changes if k not in known]
    problems += [
        _("{name} is longer than {n} characters").format(name=k, n=MAX_TEXT)
        for k, v in changes.items()
        if len(v) > MAX_TEXT
    ]
    with session.transaction() as tx:
        stored: dict[str, Any] = tx.documents.header()
        merged = {**stored, **{k: v.strip() for k, v in changes.items()}}
        try:
            NumberFormat(
                str(merged.get("number_format") or DEFAULT_NUMBER_FORMAT),
                str(merged.get("symbol") or DEFAULT_SYMBOL),
            )
        except NumberFormatError as error:
            problems.append(_("the number format cannot number documents ({reason})").format(
                reason=error))  # fmt: skip
        if problems:
            raise ValidationFailed(_("The document header was not changed:"), problems)
        tx.documents.set_header({k: v for k, v in merged.items() if v})
        session.audit(
            tx, "unit.doc_header", "unit", session.unit.code, {"fields": ",".join(sorted(changes))}
        )
    return show_header(session)
