"""Whether a person's management file is complete (the directive's "100 % có hồ sơ quản lý").

A complete file holds the documents the decree lists for the measure the person is under
(legal spec §3, decision 7), not only identity fields:

- user management (ND163 Art 59(4), 64(1)): the decision (Mẫu 04); the résumé (Mẫu 05: identity
  document, address, village, ethnicity, occupation) and the residence verification; the test
  slip (Mẫu 01) of a positive test; the person's statement (Mẫu 03); the no-use pledge; and a
  residence check in every month so far (ND163 Art 61(1)(a));
- post-rehab management (ND163 Art 135): the decision (Mẫu 53); the completion certificate of the
  rehab or treatment; the résumé (Mẫu 33); the no-use pledge;
- anyone else on a register: the résumé and the drugs used.

A transfer-in carries its documents from the other commune: its residence verification and test
slip are not asked again. Each missing item is a code the file names in words.
"""

from __future__ import annotations

from collections.abc import Iterable

from caseterm.domain.lifecycle import Derived, LifeEvent
from caseterm.domain.lifecycle.model import MeasureKind
from caseterm.domain.lifecycle.payloads_person import DocumentLogged
from caseterm.domain.person import PersonRecord

_COMPLETIONS = frozenset({"rehab.completed", "subst.completed", "compulsory.completed"})


def missing_file_fields(record: PersonRecord) -> tuple[str, ...]:
    """The résumé's fields a complete management file still lacks (`PersonRecord` names)."""
    checks = {
        "id_number": bool(record.id_number),
        "permanent_address": bool(record.permanent_address or record.current_address),
        "village": bool(record.village),
        "ethnicity": bool(record.ethnicity),
        "occupation": bool(record.occupation),
        "drug_types": bool(record.profile.drug_types),
    }
    return tuple(name for name, present in checks.items() if not present)


def missing_documents(
    record: PersonRecord, state: Derived | None, events: Iterable[LifeEvent]
) -> tuple[str, ...]:
    """Everything a complete file still lacks: résumé fields, then documents of the measure."""
    missing = list(missing_file_fields(record))
    if state is None:
        return tuple(missing)
    happened = {event.id: event for event in events if event.id in state.applied}
    kinds = {m.kind for m in state.measures if m.active}
    if MeasureKind.USER_MGMT in kinds:
        missing += _user_management(state, happened)
    if MeasureKind.POST_REHAB in kinds:
        missing += _post_rehab(happened)
    return tuple(dict.fromkeys(missing))


def _user_management(state: Derived, happened: dict[str, LifeEvent]) -> list[str]:
    types = {event.type for event in happened.values()}
    decisions = [e for e in happened.values() if e.type == "mgmt.decided"]
    moved_in = any(getattr(e.payload, "reason", "") == "TRANSFER_IN" for e in decisions)
    positive = any(
        e.type == "test.performed" and getattr(e.payload, "result", "") == "POSITIVE"
        for e in happened.values()
    )
    needed = {
        "mgmt_decision": bool(decisions),
        "residence_verification": moved_in or "residence.verified" in types,
        "positive_test_slip": moved_in or positive,
        "statement": _logged(happened, "STATEMENT"),
        "pledge": _logged(happened, "PLEDGE"),
        "monthly_checks": not state.missed_checks,
    }
    return [name for name, present in needed.items() if not present]


def _post_rehab(happened: dict[str, LifeEvent]) -> list[str]:
    types = {event.type for event in happened.values()}
    needed = {
        "postrehab_decision": "postrehab.decided" in types,
        "completion_certificate": bool(types & _COMPLETIONS),
        "pledge": _logged(happened, "PLEDGE"),
    }
    return [name for name, present in needed.items() if not present]


def _logged(happened: dict[str, LifeEvent], document: str) -> bool:
    return any(
        isinstance(e.payload, DocumentLogged) and e.payload.document == document
        for e in happened.values()
    )
