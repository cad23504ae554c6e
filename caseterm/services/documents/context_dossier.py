"""The event's block for the later forms: e-monitoring violations, post-rehab, compulsory rehab.

The same rule as the earlier forms: what the law names is looked up in the file (the decision
a proposal follows, the court the dossier goes to, the documents of the dossier in order), and
what the file does not carry (witnesses, a violation's description) is a document detail the
officer gives once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from caseterm.domain.documents import short_date
from caseterm.domain.lifecycle import LifeEvent
from caseterm.domain.lifecycle.model import MeasureKind
from caseterm.domain.lifecycle.timecalc import add_months
from caseterm.services.documents.context_event import (
    _effective,
    _last_before,
    _measure_of,
    local,
)
from caseterm.services.registry.persons import PersonFile

DOSSIER_EVENTS = (
    ("compulsory.custody_decided", "V-32"),
    ("compulsory.ground_found", "V-34"),
    ("compulsory.dossier_notified", "V-37"),
)
"""The dossier's own documents, in the order they are filed, by the event each is made from."""


def _violation(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], block: dict[str, Any]
) -> dict[str, Any]:
    code = str(getattr(event.payload, "code", ""))
    decided = _last_before(file, event, "emon.decided")
    officer = getattr(decided.payload, "officer", "") if decided else ""
    return {
        "officer": block["officer"] or str(officer or ""),
        "letter": str(words["letter"].get(code, code)),
        "violation_words": str(words["emon_violation"].get(code, "")),
        "emon_decision": getattr(decided.payload, "decision_no", "") if decided else "",
        "emon_decision_date": _day(decided),
    }


def _proposed(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], block: dict[str, Any]
) -> dict[str, Any]:
    notice = _last_before(file, event, "completion.notice_received")
    rehab = _measure_of(file, MeasureKind.VOLUNTARY_REHAB, event)
    months = post_rehab_months(file, event)
    return {
        "decision_no": str(getattr(event.payload, "proposal_no", "") or ""),
        "notice_date": _day(notice),
        "completion_on_words": _completion_on(notice, words),
        "notice_sender": str(getattr(notice.payload, "sender", "") or "") if notice else "",
        "rehab_place": str(words["rehab_place"].get(str(rehab.form), "")) if rehab and rehab.form
        else "",
        "postrehab_term": str(words["months"]).format(n=f"{months:02d}"),
    }  # fmt: skip


def _completion_on(notice: LifeEvent | None, words: dict[str, Any]) -> str:
    """The completion day in brackets when the notice states it, else nothing."""
    day = getattr(notice.payload, "completion_on", None) if notice is not None else None
    return str(words["completion_on"]).format(date=short_date(day)) if day else ""


def post_rehab_months(file: PersonFile, event: LifeEvent) -> int:
    """The post-rehab term the proposal asks for (L120 Art 42).

    24 months after an adult's compulsory rehab; 12 after voluntary rehab, treatment, or a
    minor's compulsory rehab.
    """
    kinds = (MeasureKind.VOLUNTARY_REHAB, MeasureKind.SUBSTITUTION_TX, MeasureKind.COMPULSORY)
    latest = max((m for m in file.lifecycle.measures
                  if m.kind in kinds and m.opened_at <= event.occurred_at),
                 key=lambda m: m.opened_at, default=None)  # fmt: skip
    if latest is None or latest.kind is not MeasureKind.COMPULSORY:
        return 12
    birthday = file.person.record.birth.latest() if file.person.record.birth else None
    if birthday is None:
        return 24  # an unknown birth date counts as an adult, as the lifecycle engine does
    day = local(event.occurred_at).date()
    age = day.year - birthday.year - ((day.month, day.day) < (birthday.month, birthday.day))
    return 24 if age >= 18 else 12


def _completed(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], block: dict[str, Any]
) -> dict[str, Any]:
    decided = _last_before(file, event, "postrehab.decided")
    return {
        "decision_no": "",  # V-57's number is the unit's next decision number
        "certificate_no": str(getattr(event.payload, "certificate_no", "")),
        "postrehab_decision": getattr(decided.payload, "decision_no", "") if decided else "",
        "postrehab_decision_date": _day(decided),
        "postrehab_signer": str(getattr(decided.payload, "signer", "") or "") if decided else "",
        "end_date": short_date(local(event.occurred_at).date()),
    }


def _post_decided(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], block: dict[str, Any]
) -> dict[str, Any]:
    """V-53: the chairman's decision, its term from the completion day the notice states."""
    start, end = post_rehab_term(file, event)
    return {
        "officer": block["officer"] or str(getattr(event.payload, "officer", "") or ""),
        "term_from": short_date(start) if start else "",
        "term_to": short_date(end) if end else "",
        "effective": _effective(event.payload, words),
    }


def post_rehab_term(file: PersonFile, event: LifeEvent) -> tuple[Any, Any]:
    """The post-rehab term as dates.

    The engine's once it runs, else from the completion day the notice states, for the months
    the law gives.
    """
    # The measure opens when the rehab completes, after the decision that orders it.
    later = [m for m in file.lifecycle.measures
             if m.kind is MeasureKind.POST_REHAB and m.opened_at >= event.occurred_at]  # fmt: skip
    measure = min(later, key=lambda m: m.opened_at, default=None)
    if measure is not None and measure.term_start is not None:
        end = measure.term_end()
        return local(measure.term_start).date(), local(end).date() if end else None
    notice = _last_before(file, event, "completion.notice_received")
    start = getattr(notice.payload, "completion_on", None) if notice else None
    if start is None:
        return None, None
    return start, add_months(start, post_rehab_months(file, event))


def _post_certified(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], block: dict[str, Any]
) -> dict[str, Any]:
    """V-56: the completion certificate, with the decision it closes and the term served."""
    decided = _last_before(file, event, "postrehab.decided")
    start, _end = post_rehab_term(file, decided) if decided else (None, None)
    return {
        **_completed(file, event, words, block),
        "term_from": short_date(start) if start else "",
        "term_to": short_date(local(event.occurred_at).date()),
    }


def _team(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], block: dict[str, Any]
) -> dict[str, Any]:
    """V-55 and V-60: the team the chairman forms, or the helper he names."""
    payload = event.payload
    return {
        "leader": str(getattr(payload, "leader", "") or ""),
        "vice_leader": str(getattr(payload, "vice_leader", "") or ""),
        "members": [str(m) for m in getattr(payload, "members", [])],
        "helper": str(getattr(payload, "helper", "") or ""),
        "helpers_decision": str(getattr(payload, "helpers_decision", "") or ""),
        "origin_notice": str(getattr(payload, "origin_notice", "") or ""),
        "effective": _effective(payload, words),
    }


def _handed_over(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], block: dict[str, Any]
) -> dict[str, Any]:
    """V-42: the court's order, the facility, and the dossier handed over with the person."""
    ordered = _last_before(file, event, "compulsory.court_decided",
                           lambda e: getattr(e.payload, "outcome", "") == "ORDERED")  # fmt: skip
    assigned = _last_before(file, event, "compulsory.facility_assigned")
    facility = str(getattr(event.payload, "facility", "") or "") or (
        str(getattr(assigned.payload, "facility", "") or "") if assigned else ""
    )
    sent = _last_before(file, event, "compulsory.sent_to_court")
    kept = block.get("kept_numbers") or {}
    items = dossier_items(file, sent, words, kept) if sent is not None else []
    return {
        "court_decision": str(getattr(ordered.payload, "decision_no", "") or "") if ordered
        else "",
        "court_decision_date": _day(ordered),
        "court": str(getattr(ordered.payload, "court", "") or "") if ordered else "",
        "facility": facility,
        "handover_items": [*items, str(words["dossier_item"]["court_order"])] if ordered
        else items,
    }  # fmt: skip


def _received_in_facility(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], block: dict[str, Any]
) -> dict[str, Any]:
    """V-31: the facility assignment, and the file handed over with the person."""
    assigned = _last_before(file, event, "rehab.facility_assigned")
    decided = _last_before(file, event, "rehab.decided")
    items = [str(words["dossier_item"]["V-33"])]
    if decided is not None:
        number = str(getattr(decided.payload, "decision_no", "") or "")
        reference = " — ".join(part for part in (number, _day(decided)) if part)
        items.append(f"{words['dossier_item']['V-22']} ({reference})")
    return {
        "assignment": str(getattr(assigned.payload, "decision_no", "") or "") if assigned else "",
        "assignment_date": _day(assigned),
        "facility": str(getattr(assigned.payload, "facility", "") or "") if assigned else "",
        "handover_items": items,
    }


def _ground(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], block: dict[str, Any]
) -> dict[str, Any]:
    ground = _ground_event(file, event)
    code = str(getattr(ground.payload, "ground", "")) if ground else ""
    last = getattr(ground.payload, "last_violation_at", None) if ground else None
    return {
        "ground_letter": str(words["letter"].get(code, code)),
        "ground_words": str(words["compulsory_ground"].get(code, "")),
        "violation_moment": local(last).strftime("%H giờ %M phút, ngày %d/%m/%Y") if last else "",
        "facility": str(getattr(event.payload, "facility", "") or ""),
        "court": str(getattr(event.payload, "court", "") or ""),
    }


def _notified(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], block: dict[str, Any]
) -> dict[str, Any]:
    to = str(getattr(event.payload, "delivered_to", ""))
    pages = getattr(event.payload, "pages", None)
    return {
        **_ground(file, event, words, block),
        "delivered_to_words": str(words["delivered_to"].get(to, "")),
        "pages": str(pages) if pages else "",
    }


def _sent(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], block: dict[str, Any]
) -> dict[str, Any]:
    items = dossier_items(file, event, words, block.get("kept_numbers") or {})
    listed = [item + (";" if i < len(items) - 1 else ".") for i, item in enumerate(items)]
    return {**_ground(file, event, words, block), "dossier": listed}


def dossier_items(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], kept: dict[str, str] | None = None
) -> list[str]:
    """The dossier's documents in the order they are filed, each named with its number and date.

    The lý lịch (V-33) and the addiction result are always part of it (ND163 Art 99, 101).
    """
    items = [str(words["dossier_item"]["V-33"])]
    result = _last_before(file, event, "assessment.result",
                          lambda e: getattr(e.payload, "result", "") == "ADDICTED")  # fmt: skip
    if result is not None:
        items.append(f"{words['dossier_item']['assessment']} ({_day(result)})")
    for event_type, form in DOSSIER_EVENTS:
        found = _last_before(file, event, event_type)
        if found is None:
            continue
        # A notice's number is the one it took when first printed (V-37's TB number).
        number = str(getattr(found.payload, "decision_no", "") or (kept or {}).get(found.id, ""))
        label = str(words["dossier_item"][form])
        items.append(f"{label} ({' — '.join(p for p in (number, _day(found)) if p)})")
    return items


def _ground_event(file: PersonFile, event: LifeEvent) -> LifeEvent | None:
    if event.type == "compulsory.ground_found":
        return event
    return _last_before(file, event, "compulsory.ground_found")


def _day(event: LifeEvent | None) -> str:
    return short_date(local(event.occurred_at).date()) if event is not None else ""


Builder = Callable[[PersonFile, LifeEvent, dict[str, Any], dict[str, Any]], dict[str, Any]]
DOSSIER_BUILDERS: dict[str, Builder] = {
    "emon.violation": _violation,
    "postrehab.proposed": _proposed,
    "postrehab.completed": _post_certified,
    "postrehab.decided": _post_decided,
    "postrehab.team_formed": _team,
    "postrehab.helper_assigned": _team,
    "compulsory.transported": _handed_over,
    "rehab.started": _received_in_facility,
    "compulsory.custody_decided": _ground,
    "compulsory.ground_found": _ground,
    "compulsory.dossier_notified": _notified,
    "compulsory.sent_to_court": _sent,
}
"""Builders of the later forms' values, by event type (the earlier ones: `context_event`)."""
