"""Record-keeping rows: documents, force majeure, contacts, reviews, notes, support, registry."""

from __future__ import annotations

from caseterm.domain.lifecycle.fold import Fold, LifeEvent
from caseterm.domain.lifecycle.model import (
    MeasureKind,
)
from caseterm.domain.lifecycle.payloads_person import (
    ContactMade,
    DocumentLogged,
    ForceMajeure,
    ReviewCompleted,
)
from caseterm.domain.lifecycle.rule import (
    Rule,
    hours,
    pay,
    row,
    working_days,
)


def _nothing(_fold: Fold, _event: LifeEvent) -> None:
    return None


def _document_check(fold: Fold, event: LifeEvent) -> str | None:
    return None if pay(event, DocumentLogged).of_event in fold.events else "unknown_event"


_DOCUMENT_DEADLINES = {
    "DECISION_SENT": "D04",
    "FILE_TRANSFERRED": "D08",
    "EMON_HANDED_OVER": "D20",
    "PROVIDER_NOTICE": "D21",
}


def _document(fold: Fold, event: LifeEvent) -> None:
    logged = pay(event, DocumentLogged)
    code = _DOCUMENT_DEADLINES.get(logged.document)
    if code:
        fold.done(code, logged.of_event)


def _force_majeure_check(fold: Fold, event: LifeEvent) -> str | None:
    return None if fold.is_open(pay(event, ForceMajeure).deadline) else "window_closed"


def _force_majeure(fold: Fold, event: LifeEvent) -> None:
    fm = pay(event, ForceMajeure)
    for key, deadline in list(fold.obligations.items()):
        if deadline.code != fm.deadline:
            continue
        restarted = (
            hours(fm.ended_at, 24) if fm.deadline == "D09" else working_days(fold, fm.ended_at, 2)
        )
        fold.obligations[key] = type(deadline)(
            **{**deadline.__dict__, "due_at": restarted, "params": {"force_majeure": event.id}}
        )


def _contact(fold: Fold, event: LifeEvent) -> None:
    if pay(event, ContactMade).kind == "PRESENTED":
        fold.done("D26")
    fold.last_contact = event.occurred_at


def _review(fold: Fold, event: LifeEvent) -> None:
    review = pay(event, ReviewCompleted)
    monitored = fold.active(MeasureKind.E_MONITORING)
    if review.scope == "EMON_EXEMPTION" and monitored is not None:
        monitored.marks["exemption_reviewed"] = True
        fold.done("D18")
    else:
        fold.reviews.add(review.year or event.occurred_at.year)


RULES: list[Rule] = [
    row("X08", "note.added", "A note", "", _nothing),
    row("X09", "support.provided", "Support provided", "ND163 61(1)(c); ND163 137", _nothing),
    row("X10", "contact.made", "A contact with the person", "ND163 61(1)", _contact),
    row("X11", "review.completed", "A review", "ND163 20(3)", _review),
    row(
        "X12",
        "document.logged",
        "A document sent or received",
        "ND163 63(4)",
        _document,
        check=_document_check,
    ),
    row(
        "X13",
        "force_majeure.recorded",
        "Force majeure restarts a window",
        "ND163 4(7); ND163 4(8); ND163 89(1)",
        _force_majeure,
        check=_force_majeure_check,
    ),
    row("X14", "person.registered", "Entered into the registry", "", _nothing),
    row("X15", "person.updated", "Identity block changed", "", _nothing),
]
