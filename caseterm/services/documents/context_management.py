"""The event's block for the forms of later acts on a running measure.

The suspension for custody (III-07), the notice that moves the file to another commune
(III-06), and the exemption from and end of e-monitoring (I-13, I-15).

As everywhere: the decision an act rests on is looked up in the file, and what the file does
not hold (the custody's term as the custody decision words it) is a detail asked for once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from caseterm.domain.documents import date_words, short_date
from caseterm.domain.lifecycle import LifeEvent
from caseterm.domain.lifecycle.model import MeasureKind
from caseterm.domain.names import fold
from caseterm.services.documents.context_event import (
    _effective,
    _last_before,
    _measure_of,
    local,
    management_reference,
)
from caseterm.services.registry.persons import PersonFile

CUSTODY_WORDS = {"tam_giu": "DETENTION", "tam_giam": "REMAND"}
"""What an officer types for the kind of custody when the event did not record it."""
INVENTORY = ("test.performed", "use.notice_sent", "mgmt.decided", "mgmt.suspended")
"""The file's own documents an inventory lists, by the event each records."""


def custody_kind(payload_kind: str | None, detail: str) -> str:
    """DETENTION, REMAND, or "" when neither the event nor the officer said which."""
    if payload_kind:
        return payload_kind
    key = fold(detail).replace(" ", "_")
    return CUSTODY_WORDS.get(
        key, detail.upper() if detail.upper() in CUSTODY_WORDS.values() else ""
    )


def _suspended(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], block: dict[str, Any]
) -> dict[str, Any]:
    payload = event.payload
    started = getattr(payload, "custody_started", None) or event.occurred_at
    until = getattr(payload, "custody_until", None)
    kind = custody_kind(getattr(payload, "custody_kind", None), str(block["custody_kind"] or ""))
    yes, no = str(words["yes_box"]), str(words["no_box"])
    until_words = short_date(until) if until else str(block["custody_until"] or "")
    term = str(block["custody_term"] or "")
    period = str(words["custody_period"]).format(
        term=term, start=short_date(local(started).date()), until=until_words
    )
    return {
        **management_reference(file, event),
        "suspend_from": short_date(local(started).date()),
        "custody_kind": str(words["custody_kind"].get(kind, "")) if kind else "",
        "box_detention": yes if kind == "DETENTION" else no,
        "box_remand": yes if kind == "REMAND" else no,
        "detention_period": period if kind == "DETENTION" else "",
        "remand_period": period if kind == "REMAND" else "",
        "custody_until": until_words,
        "custody_term": term,
        "custody_decision": str(block["custody_decision"] or ""),
    }


def _moved_out(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], block: dict[str, Any]
) -> dict[str, Any]:
    measure = _measure_of(file, MeasureKind.USER_MGMT, event)
    end = measure.term_end() if measure is not None else None
    start = measure.term_start if measure is not None else None
    return {
        **management_reference(file, event),
        "destination": str(getattr(event.payload, "destination", "")),
        "term_from": short_date(local(start).date()) if start else "",
        "term_to": short_date(local(end).date()) if end else "",
        "inventory": inventory(file, event, words, block.get("kept_numbers") or {}),
    }


def inventory(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], kept: dict[str, str] | None = None
) -> list[str]:
    """The management file's documents in the order they were made, then its paper ones.

    From the positive test the management rests on to the move: slips, notice, decisions; then
    the résumé and the statement the file holds on paper (ND163 Art 59(4)).
    """
    titles = words["inventory_item"]
    paper = [str(titles[extra]) for extra in ("III-05", "III-03")]
    measure = _measure_of(file, MeasureKind.USER_MGMT, event)
    if measure is None:
        return paper
    positive = _positive_before(file, measure.opened_at)
    begin = positive.occurred_at if positive is not None else measure.opened_at
    voided = file.lifecycle.voided
    made = [e for e in file.life if e.type in INVENTORY and e.id not in voided
            and begin <= e.occurred_at <= event.occurred_at]  # fmt: skip
    items = []
    for earlier in sorted(made, key=lambda e: e.occurred_at):
        payload = earlier.payload
        number = (getattr(payload, "decision_no", None) or getattr(payload, "slip_no", None)
                  or (kept or {}).get(earlier.id))  # fmt: skip
        day = short_date(local(earlier.occurred_at).date())
        items.append(str(titles["numbered" if number else "dated"]).format(
            title=titles[earlier.type], number=number, date=day))  # fmt: skip
    return [*items, *paper]


def _positive_before(file: PersonFile, moment: Any) -> LifeEvent | None:
    found = [e for e in file.life if e.type == "test.performed" and e.occurred_at <= moment
             and getattr(e.payload, "result", "") == "POSITIVE"]  # fmt: skip
    return max(found, key=lambda e: e.occurred_at, default=None)


def _emon_closing(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], block: dict[str, Any]
) -> dict[str, Any]:
    """I-13 (exemption) and I-15 (end): the e-monitoring decision they close, its officer."""
    decided = _last_before(file, event, "emon.decided")
    payload = event.payload
    day = getattr(payload, "effective_on", None) or local(event.occurred_at).date()
    officer = block["officer"] or (str(getattr(decided.payload, "officer", "") or "") if decided
                                   else "")  # fmt: skip
    return {
        "emon_decision": str(getattr(decided.payload, "decision_no", "") or "") if decided else "",
        "emon_decision_date": short_date(local(decided.occurred_at).date()) if decided else "",
        "officer": officer,
        "exempt_from": short_date(day),
        "effective_words": date_words(day),
        "pause_period": str(
            words["pause_period"].get(str(getattr(payload, "reason", "")), "")
        ).format(date=short_date(local(event.occurred_at).date())),
    }


def _received(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], block: dict[str, Any]
) -> dict[str, Any]:
    """I-17: the officer named, the origin's decision, and from when."""
    payload = event.payload
    return {
        "officer": block["officer"] or str(getattr(payload, "officer", "") or ""),
        "origin_decision": str(getattr(payload, "origin_decision", "") or ""),
        "received_from": short_date(local(event.occurred_at).date()),
        "term_end": short_date(getattr(payload, "term_end", None)),
        "effective_words": _effective(payload, words),
    }


Builder = Callable[[PersonFile, LifeEvent, dict[str, Any], dict[str, Any]], dict[str, Any]]
MANAGEMENT_BUILDERS: dict[str, Builder] = {
    "mgmt.suspended": _suspended,
    "person.moved_out": _moved_out,
    "emon.received": _received,
    "emon.paused": _emon_closing,
    "emon.exempted": _emon_closing,
    "emon.ended": _emon_closing,
}
