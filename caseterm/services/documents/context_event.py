"""The event's block of a document: what the decision, test or fitting says, in words.

Terms and their start come from the lifecycle engine (the same numbers the person file shows),
decision references from the file's own earlier events, and what an event does not carry (a
narrative, a place, an officer's rank) from the document details asked for once and kept.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from caseterm.clock import VIETNAM
from caseterm.domain.documents import date_words, short_date
from caseterm.domain.lifecycle import LifeEvent
from caseterm.domain.lifecycle.model import Measure, MeasureKind, Regime, regime_at
from caseterm.services.registry.persons import PersonFile

DETAIL_FIELDS = (
    "summary",
    "slip_no",
    "tester",
    "place",
    "officer",
    "officer_rank",
    "officer_title",
    "team_deputy",
    "handover_place",
    "signer",
    "signer_rank",
    "second_officer",
    "witnesses",
    "proposed_measures",
    "family_member",
    "recipient_name",
    "custody_kind",
    "custody_until",
    "custody_decision",
    "custody_term",
    "basis_documents",
    "accessories",
    "parent_name",
    "notice_no",
)
"""The event keys a document may ask an officer for and keep (`document_detail`)."""

STOP_BOXES = {
    "ADDICTED": "box_addicted",
    "DIVERSION": "box_diversion",
    "COMPULSORY_EDUCATION": "box_education",
    "REFORMATORY": "box_education",
    "PRISON": "box_prison",
    "CUSTODY_LONGER": "box_custody",
    "DEATH_MISSING": "box_death",
}
EMON_BASES = {"VOL_HOME": "rehab.decided", "POST_REHAB": "postrehab.decided"}
"""The decision an e-monitoring basis rests on, which I-02 cites by number."""


def local(moment: datetime) -> datetime:
    """A moment in Vietnam time."""
    return moment.astimezone(VIETNAM)


def event_block(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], details: dict[str, str]
) -> dict[str, Any]:
    """Every value the forms of this event may print."""
    payload = event.payload.model_dump(mode="python")
    block: dict[str, Any] = {key: payload.get(key) or "" for key in DETAIL_FIELDS}
    for key, value in details.items():
        if not block.get(key):
            block[key] = value
    block.update(
        decision_no=payload.get("decision_no") or "",
        decision_date=short_date(local(event.occurred_at).date()),
        moment=local(event.occurred_at).strftime("%H giờ %M phút, ngày %d/%m/%Y"),
        time=local(event.occurred_at).strftime("%H giờ %M phút"),
    )
    builder = _BUILDERS.get(event.type)
    if builder is not None:
        block.update(builder(file, event, words, block))
    return block


def _test(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], _b: dict[str, Any]
) -> dict[str, Any]:
    payload = event.payload
    result = str(getattr(payload, "result", ""))
    substances = list(getattr(payload, "substances", []))
    yes, no = str(words["yes_box"]), str(words["no_box"])
    return {
        "method": str(words["sample"].get(str(getattr(payload, "sample", "")), "")),
        "result_words": str(words["result"].get(result, "")),
        "substances_words": f" ({', '.join(substances)})" if substances else "",
        "positive_box": yes if result == "POSITIVE" else no,
        "negative_box": yes if result == "NEGATIVE" else no,
    }


def _notice(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], block: dict[str, Any]
) -> dict[str, Any]:
    positive = _last_before(
        file, event, "test.performed", lambda e: getattr(e.payload, "result", "") == "POSITIVE"
    )
    return {
        "recipient": str(getattr(event.payload, "recipient", "")),
        "positive_date": short_date(local(positive.occurred_at).date()) if positive else "",
    }


def _management(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], block: dict[str, Any]
) -> dict[str, Any]:
    team = [str(member) for member in getattr(event.payload, "team", [])]
    measure = _measure_opened(file, event.id)
    positive = _last_before(
        file, event, "test.performed", lambda e: getattr(e.payload, "result", "") == "POSITIVE"
    )
    return {
        "officer": block["officer"] or str(getattr(event.payload, "officer", "")),
        "team_deputy": block["team_deputy"] or (team[0] if team else ""),
        "team_members": team[1:] if not block["team_deputy"] else team,
        "positive_date": short_date(local(positive.occurred_at).date()) if positive else "",
        **_term(measure, words),
    }


def management_reference(file: PersonFile, event: LifeEvent) -> dict[str, Any]:
    """The management decision a later act cites: its number, date and who made it."""
    decided = _last_before(file, event, "mgmt.decided")
    measure = _measure_opened(file, decided.id) if decided else None
    legacy = measure is not None and measure.regime is Regime.R2021
    # Under the old regime the management decision was the People's Committee chairman's.
    return {
        "mgmt_decision": getattr(decided.payload, "decision_no", "") if decided else "",
        "mgmt_decision_date": short_date(local(decided.occurred_at).date()) if decided else "",
        "mgmt_issuer_key": "committee_chair_of" if legacy else "chief_of",
    }


def _management_end(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], _b: dict[str, Any]
) -> dict[str, Any]:
    reason = str(getattr(event.payload, "reason", ""))
    yes, no = str(words["yes_box"]), str(words["no_box"])
    boxes = dict.fromkeys(set(STOP_BOXES.values()), no)
    box = STOP_BOXES.get(reason)
    if reason == "DIVERSION" and regime_at(event.occurred_at) is Regime.R2026:
        # From 1/7/2026 diversion is the juvenile-justice measure at a reformatory school
        # (L120 24(5)): the reformatory box. Before, it stood for "giáo dục tại xã" (L73 23(5)).
        box = "box_education"
    if box is not None:
        boxes[box] = yes
    return {
        **management_reference(file, event),
        "stop_from": short_date(local(event.occurred_at).date()),
        **boxes,
    }


def _rehab(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], block: dict[str, Any]
) -> dict[str, Any]:
    payload = event.payload
    measure = _measure_of(file, MeasureKind.VOLUNTARY_REHAB, event)
    start = getattr(payload, "effective_on", None) or local(event.occurred_at).date()
    months = getattr(payload, "term_months", None) or (measure.term_months if measure else None)
    end = _months_after(start, months) if months else None
    form = str(getattr(payload, "form", ""))
    place = str(words["rehab_place"].get(form, ""))
    provider = getattr(payload, "provider", None)
    return {
        "term_from": short_date(start),
        "term_to": short_date(end) if end else "",
        "place": block["place"] or (f"{place} ({provider})" if provider else place),
        "effective": _effective(payload, words),
    }


def _emon(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], _b: dict[str, Any]
) -> dict[str, Any]:
    payload = event.payload
    basis = str(getattr(payload, "basis", ""))
    linked_type = EMON_BASES.get(basis)
    linked = _last_before(file, event, linked_type) if linked_type else None
    decision = getattr(linked.payload, "decision_no", "") if linked else ""
    wording = str(words["emon_basis"].get(basis, ""))
    needs_decision = "{decision}" in wording
    measure = _measure_opened(file, event.id)
    term = _term(measure, words)["term"]
    if not term and decision:  # monitored for what remains of the rehab or post-rehab term
        term = str(words["emon_term_with"]).format(decision=decision)
    started = measure.term_start if measure is not None else None
    return {
        "basis_document": wording.format(decision=decision)
        if decision or not needs_decision
        else "",
        "effective": _effective(payload, words),
        "fitting_facility": "",
        "term": term,
        "term_from_words": str(words["day"]).format(date=short_date(local(started).date()))
        if started
        else str(words["from_fitting"]),
    }


def _fitted(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], block: dict[str, Any]
) -> dict[str, Any]:
    decided = _last_before(file, event, "emon.decided")
    payload = event.payload
    condition = getattr(payload, "condition", None)
    return {
        "decision_no": getattr(decided.payload, "decision_no", "") if decided else "",
        "decision_date": short_date(local(decided.occurred_at).date()) if decided else "",
        "officer": block["officer"] or (getattr(decided.payload, "officer", "") if decided else ""),
        "device_no": str(getattr(payload, "device_no", "")),
        "position": str(words["position"].get(str(getattr(payload, "position", "")), "")),
        "condition": condition or str(words["none"]),
    }


def handover(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], block: dict[str, Any], title: str
) -> dict[str, Any]:
    """V-23's values: the document handed over, where, by whom."""
    officer = block.get("officer") or str(getattr(event.payload, "officer", "") or "")
    return {
        "handed_document": str(words["handed"]).format(
            decision=block["decision_no"], date=block["decision_date"], title=title
        ),
        "handover_place": block["handover_place"] or file.person.record.current_address,
        "officer": officer,
    }


def _term(measure: Measure | None, words: dict[str, Any]) -> dict[str, str]:
    if measure is None or measure.term_months is None:
        return {"term": "", "term_start": ""}
    start = measure.term_start
    return {
        "term": str(words["months"]).format(n=f"{measure.term_months:02d}"),
        "term_start": short_date(local(start).date()) if start else "",
    }


def _effective(payload: Any, words: dict[str, Any]) -> str:
    day = getattr(payload, "effective_on", None)
    return date_words(day) if day else str(words["on_signing"])


def _months_after(start: Any, months: int) -> Any:
    from caseterm.domain.lifecycle.timecalc import add_months

    return add_months(start, months)


def _measure_opened(file: PersonFile, event_id: str) -> Measure | None:
    return next((m for m in file.lifecycle.measures if m.id == event_id), None)


def _measure_of(file: PersonFile, kind: MeasureKind, event: LifeEvent) -> Measure | None:
    candidates = [m for m in file.lifecycle.measures if m.kind is kind]
    before = [m for m in candidates if m.opened_at <= event.occurred_at]
    return max(before, key=lambda m: m.opened_at, default=None)


def _last_before(
    file: PersonFile,
    event: LifeEvent,
    event_type: str,
    keep: Callable[[LifeEvent], bool] = lambda _e: True,
) -> LifeEvent | None:
    voided = file.lifecycle.voided
    found = [
        e
        for e in file.life
        if e.type == event_type
        and e.id not in voided
        and e.occurred_at <= event.occurred_at
        and e.id != event.id
        and keep(e)
    ]
    return max(found, key=lambda e: e.occurred_at, default=None)


Builder = Callable[[PersonFile, LifeEvent, dict[str, Any], dict[str, Any]], dict[str, Any]]
_BUILDERS: dict[str, Builder] = {
    "test.performed": _test,
    "use.notice_sent": _notice,
    "mgmt.decided": _management,
    "mgmt.stopped": _management_end,
    "mgmt.terminated": _management_end,
    "rehab.decided": _rehab,
    "emon.decided": _emon,
    "emon.fitted": _fitted,
}
