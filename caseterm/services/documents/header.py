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
from caseterm.services.documents.context import Header, Officer
from caseterm.services.session.case_session import CaseSession

MAX_TEXT = 200


def show_header(session: CaseSession) -> dict[str, str]:
    """The header as set, with the number format in force (defaults shown as such)."""
    # No permission check: the header names the unit and its chief, never a person in a file.
    with session.transaction(durable=False) as tx:
        stored = tx.documents.header()
    shown = {k: str(v) for k, v in asdict(Header.from_stored(stored)).items() if k != "officers"}
    shown["number_format"] = str(stored.get("number_format") or DEFAULT_NUMBER_FORMAT)
    shown["symbol"] = str(stored.get("symbol") or DEFAULT_SYMBOL)
    return shown


def set_header(session: CaseSession, changes: dict[str, str]) -> dict[str, str]:
    """Change some header fields (audited: which fields, never a name); return the header."""
    session.require(Action.UNIT_CONFIGURE)
    known = {f.name for f in fields(Header) if f.name != "officers"} | {"number_format", "symbol"}
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


def officers(session: CaseSession) -> list[Officer]:
    """The unit's roster of officers, by name."""
    with session.transaction(durable=False) as tx:
        return list(Header.from_stored(tx.documents.header()).officers)


def set_officer(
    session: CaseSession, name: str, *, rank: str = "", title: str = "", remove: bool = False
) -> list[Officer]:
    """Add, change or remove one officer of the roster (audited: never the name); the roster.

    The forms print an officer's rank and title from here, so an officer is asked for them
    once for the unit rather than on every record they make.
    """
    session.require(Action.UNIT_CONFIGURE)
    name, rank, title = (" ".join(v.split()) for v in (name, rank, title))
    problems = [] if name else [_("the officer's name is empty")]
    problems += [_("{name} is longer than {n} characters").format(name=label, n=MAX_TEXT)
                 for label, value in (("name", name), ("rank", rank), ("title", title))
                 if len(value) > MAX_TEXT]  # fmt: skip
    if not remove and not (rank or title):
        problems.append(_("give the officer's rank (--rank) or title (--title)"))
    with session.transaction() as tx:
        stored: dict[str, Any] = tx.documents.header()
        roster = {k: v for k, v in (stored.get("officers") or {}).items()
                  if " ".join(k.split()).casefold() != name.casefold()}  # fmt: skip
        if remove and len(roster) == len(stored.get("officers") or {}):
            problems.append(_("{name} is not on the roster").format(name=name))
        if problems:
            raise ValidationFailed(_("The roster of officers was not changed:"), problems)
        if not remove:
            roster[name] = {"rank": rank, "title": title}
        tx.documents.set_header({**stored, "officers": roster})
        session.audit(tx, "unit.doc_header", "unit", session.unit.code,
                      {"fields": "officers", "officers": len(roster)})  # fmt: skip
    return officers(session)
