"""The unit's yearly register of document numbers: the next number, given once, never reused.

A decision recorded with the number `auto` takes the next number of the year for its kind, and
no other decision can ever take that number (a voided decision keeps it). A number typed in the
unit's own format is a paper decision's: it is entered in the register so the next automatic
number follows it, and refused if caseterm already gave it; two paper decisions that carry the
same number are the paper's own affair (the first stays in the register). A number in another
issuer's format (a People's Committee's "…/QĐ-UBND", a court's) is that issuer's: not ours to
count.
"""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from pydantic import BaseModel

from caseterm.clock import VIETNAM
from caseterm.domain.documents import DEFAULT_NUMBER_FORMAT, DEFAULT_SYMBOL, NumberFormat
from caseterm.domain.lifecycle.model import Regime, regime_at
from caseterm.domain.permissions import DECISION_EVENTS
from caseterm.errors import RefusedError, UsageError
from caseterm.i18n import _
from caseterm.services.session.case_session import CaseSession
from caseterm.services.words.labels import file_label
from caseterm.services.words.lifecycle import event_label
from caseterm.store.database import Tx
from caseterm.store.tables import DecisionNumber

COMMITTEE_BEFORE_R2026 = frozenset({"mgmt.decided", "mgmt.stopped", "mgmt.terminated"})
"""Decisions the People's Committee chairman made under the legacy rules (ND105 Art 42, 48)."""
AUTO = frozenset({"auto", "tự động", "tu dong"})
"""What an officer types for "give it the next number"."""
DECISION = "QĐ"
P = TypeVar("P", bound=BaseModel)


def number_format(tx: Tx) -> NumberFormat:
    """The unit's number format (Decree 30/2020's by default)."""
    header = tx.documents.header()
    return NumberFormat(
        str(header.get("number_format") or DEFAULT_NUMBER_FORMAT),
        str(header.get("symbol") or DEFAULT_SYMBOL),
    )


def is_auto(written: str) -> bool:
    """True for the word that asks for the next number."""
    return written.strip().lower() in AUTO


def next_number(session: CaseSession, tx: Tx, kind: str, year: int) -> str:
    """The number the next document of `kind` would get this year (nothing is reserved)."""
    fmt = number_format(tx)
    return fmt.format(tx.documents.highest(session.unit.code, year, kind) + 1, kind)


def reserve(
    session: CaseSession,
    tx: Tx,
    kind: str,
    moment: datetime,
    *,
    person_id: str | None,
    event_id: str | None,
    form: str | None = None,
) -> str:
    """Give the next number of the year for `kind` to an event or a document."""
    year = moment.astimezone(VIETNAM).year
    number = tx.documents.highest(session.unit.code, year, kind) + 1
    written = number_format(tx).format(number, kind)
    _give(session, tx, (year, kind, number), written, person_id, event_id, form=form)
    return written


def _give(
    session: CaseSession,
    tx: Tx,
    key: tuple[int, str, int],
    written: str,
    person_id: str | None,
    event_id: str | None,
    *,
    form: str | None = None,
    typed: bool = False,
) -> None:
    """Enter (year, kind, number) in the register, with what holds it."""
    year, kind, number = key
    tx.documents.give(
        DecisionNumber(
            unit_code=session.unit.code,
            year=year,
            kind=kind,
            number=number,
            written=written,
            person_id=person_id,
            event_id=event_id,
            form=form,
            typed=typed,
            reserved_at=session.now(),
            reserved_by=session.actor.id,
        )
    )


def claim_decision_number(
    session: CaseSession,
    tx: Tx,
    event_type: str,
    payload: P,
    moment: datetime,
    *,
    person_id: str,
    event_id: str,
) -> P:
    """Enter a decision's number in the register; `auto` takes the next one.

    Refuses a number of ours that another decision already holds, and `auto` for a decision
    that is not the unit's own (a court's or a People's Committee's number is theirs).
    """
    written = getattr(payload, "decision_no", None)
    if not isinstance(written, str):
        return payload
    if is_auto(written):
        if event_type not in DECISION_EVENTS:
            raise UsageError(
                _("“auto” numbers only the unit's own decisions; type the number of {what}.")
                .format(what=event_label(event_type))
            )  # fmt: skip
        if event_type in COMMITTEE_BEFORE_R2026 and regime_at(moment) is Regime.R2021:
            raise UsageError(
                _(
                    "Before 1/7/2026 the People's Committee chairman made {what} (Decree "
                    "105/2021): the number is the committee's; type it as the paper says "
                    "(…/QĐ-UBND)."
                ).format(what=event_label(event_type))
            )
        given = reserve(session, tx, DECISION, moment, person_id=person_id, event_id=event_id)
        return payload.model_copy(update={"decision_no": given})
    number = number_format(tx).parse(written, DECISION)
    if number is None:
        return payload
    year = moment.astimezone(VIETNAM).year
    held = tx.documents.holder(session.unit.code, year, DECISION, number)
    if held is not None and held.event_id != event_id and not held.typed:
        raise RefusedError(_number_taken(tx, written, held.person_id))
    if held is None:
        key = (year, DECISION, number)
        _give(session, tx, key, written.strip(), person_id, event_id, typed=True)
    return payload


def _number_taken(tx: Tx, written: str, person_id: str | None) -> str:
    holder = tx.persons.get(person_id) if person_id else None
    where = file_label(holder.file_no, holder.id, holder.file_unit) if holder else "-"
    return _(
        "The number {number} was already given this year (file {file}); a number is never "
        "used twice. Type “auto” for the next free number."
    ).format(number=written, file=where)
