"""The transition table assembled, and the dispatcher that applies one event to a fold."""

from __future__ import annotations

from dataclasses import dataclass

from caseterm.domain.lifecycle import (
    rules_any_stage,
    rules_compulsory,
    rules_detection,
    rules_determination,
    rules_emon_device,
    rules_emonitoring,
    rules_facility,
    rules_management,
    rules_post_rehab,
    rules_records,
    rules_substitution,
    rules_voluntary,
)
from caseterm.domain.lifecycle.fold import Fold, LifeEvent
from caseterm.domain.lifecycle.model import Caution, Refusal, cites
from caseterm.domain.lifecycle.rule import Rule, row
from caseterm.domain.lifecycle.status import person_status

# Specific rows first: a row's `when` picks it, so the continuation rows of a move precede the
# general decision rows of the same event type.
TABLE: tuple[Rule, ...] = (
    *rules_any_stage.RULES,
    *rules_emonitoring.RULES,
    *rules_emon_device.RULES,
    *rules_records.RULES,
    *rules_detection.RULES,
    *rules_management.RULES,
    *rules_determination.RULES,
    *rules_voluntary.RULES,
    *rules_substitution.RULES,
    *rules_compulsory.RULES,
    *rules_facility.RULES,
    *rules_post_rehab.RULES,
)

CLOCK = "clock"
"""The pseudo event of rows that time alone triggers (applied by `derive.advance`)."""


def _by_time(_fold: Fold, _event: LifeEvent) -> None:
    raise AssertionError("time rows are applied by derive.advance, never dispatched")


TIME_ROWS: tuple[Rule, ...] = (
    row(
        "T22",
        CLOCK,
        "Not registered within 24 h: compulsory dossier in 1 working day",
        "L120 35(1)(a); L120 36(1)(a); ND163 4(7); ND163 100; ND163 103",
        _by_time,
    ),
    row(
        "T24",
        CLOCK,
        "Not started within 2 working days of the decision: compulsory",
        "L120 35(1)(a); ND163 4(8)",
        _by_time,
    ),
    row(
        "T45",
        CLOCK,
        "3 months since the last violation without a court decision: lapsed",
        "L120 35(4); L120 36(3)",
        _by_time,
    ),
)

BY_EVENT: dict[str, tuple[Rule, ...]] = {}
for _rule in TABLE:
    BY_EVENT[_rule.event] = (*BY_EVENT.get(_rule.event, ()), _rule)

RULE_IDS: frozenset[str] = frozenset(rule.id for rule in (*TABLE, *TIME_ROWS))
"""Every row id: T01…T65, their steps (T04.1 …), e-monitoring rows M…, record rows X…."""

_KEEPS_FILE_AFTER_DEATH = frozenset(
    {"note.added", "document.logged", "person.registered", "person.updated"}
)
_GONE = cites("L120 24(5)(d); L120 48(3)(d); L120 48(4)(d)")


def admit(fold: Fold, event: LifeEvent) -> tuple[Rule | None, Refusal | None]:
    """The row that would take the event in this state, or the refusal; changes nothing."""
    rows = BY_EVENT.get(event.type, ())
    if fold.gone is not None and event.type not in _KEEPS_FILE_AFTER_DEATH:
        return None, Refusal("T63", "person_gone", _GONE)
    for rule in rows:
        if not rule.when(fold, event):
            continue
        reason = rule.check(fold, event)
        if reason:
            return None, Refusal(rule.id, reason, rule.basis)
        return rule, None
    primary = rows[0] if rows else None
    if primary is None:
        return None, Refusal("-", "unknown_event_type", ())
    return None, Refusal(
        primary.id, "not_in_this_state", primary.basis, {"status": person_status(fold).value}
    )


@dataclass(frozen=True)
class Applied:
    """What one event did: the row that took it, or the refusal; and the cautions it raised."""

    rule: str | None
    refusal: Refusal | None
    cautions: tuple[Caution, ...] = ()


def apply_event(fold: Fold, event: LifeEvent) -> Applied:
    """Apply one event: the row that took it (with its cautions), or the refusal and the law."""
    rule, refusal = admit(fold, event)
    if rule is None:
        return Applied(None, refusal)
    cautions = tuple(
        Caution(rule.id, code, rule.basis, params)
        for code, params in rule.warn(fold, event).items()
    )
    rule.apply(fold, event)
    return Applied(rule.id, None, cautions)
