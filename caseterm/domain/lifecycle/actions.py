"""Which events the transition table allows now: the actions a person's file offers.

The table is the only source of truth. Rather than keep a second list of "what may follow what",
each event type is tried against the person's state at `now` with a few probe payloads built
from its model (every code of a code field, yes and no for a flag). An action is offered when
some probe is admitted by a row; the row names the legal basis shown beside the action.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import annotated_types
from pydantic import ValidationError
from pydantic.fields import FieldInfo

from caseterm.domain.lifecycle.derive import replay
from caseterm.domain.lifecycle.fold import Fold, LifeEvent, PersonFacts
from caseterm.domain.lifecycle.model import Cite
from caseterm.domain.lifecycle.payload_base import Payload
from caseterm.domain.lifecycle.payloads import PAYLOADS, is_list, scalar_type
from caseterm.domain.lifecycle.table import admit
from caseterm.domain.lifecycle.timecalc import WorkCalendar, local_day

NOT_OFFERED = frozenset({"person.registered", "person.updated", "event.voided"})
"""Written by the registry and by voiding, never chosen as an action."""
REFERENCE_FIELDS = {"of_event", "violation", "event"}
"""Fields that name an earlier event of the same file."""
PROBE_ID = "probe"


@dataclass(frozen=True)
class Offer:
    """An action the table allows now, with the row that would take it."""

    event_type: str
    rule: str
    title: str
    basis: tuple[Cite, ...]


def offers(
    facts: PersonFacts, events: list[LifeEvent], calendar: WorkCalendar, now: datetime
) -> list[Offer]:
    """The event types the table admits at `now`, in table order of their event types."""
    fold = replay(facts, events, calendar, now).fold
    found: list[Offer] = []
    for event_type in PAYLOADS:
        if event_type in NOT_OFFERED:
            continue
        offer = _first_admitted(fold, event_type, now)
        if offer is not None:
            found.append(offer)
    return found


def _first_admitted(fold: Fold, event_type: str, now: datetime) -> Offer | None:
    for payload in probe_payloads(event_type, now, reference_candidates(fold, event_type)):
        rule, _refusal = admit(fold, LifeEvent(PROBE_ID, event_type, now, payload, now))
        if rule is not None:
            return Offer(event_type, rule.id, rule.title, rule.basis)
    return None


def reference_candidates(fold: Fold, event_type: str) -> list[str]:
    """Earlier events a reference field may name: open violations, or what opened a deadline."""
    if event_type == "emon.violation_fixed":
        return list(fold.violations)
    opened = [d.opened_by for d in fold.obligations.values() if d.opened_by]
    return list(dict.fromkeys(opened)) or list(fold.events)[-5:]


def probe_payloads(event_type: str, now: datetime, references: list[str]) -> Iterator[Payload]:
    """Valid payloads of a type: a plain one, then one field at a time set to each choice."""
    model = PAYLOADS[event_type]
    choices = {
        name: _choices(name, info, now, references) for name, info in model.model_fields.items()
    }
    for base in _bases(model.model_fields, choices):
        yield from _valid(model, base)
        for name, options in choices.items():
            for option in options[1:]:
                yield from _valid(model, {**base, name: option})


def _bases(fields: dict[str, FieldInfo], choices: dict[str, list[Any]]) -> list[dict[str, Any]]:
    """The smallest payload (optional fields left out) and the fullest (every field set)."""
    smallest = {n: c[0] for n, c in choices.items() if fields[n].is_required() and c}
    fullest = {
        n: c[1] if c[0] in (None, []) and len(c) > 1 else c[0] for n, c in choices.items() if c
    }
    return [smallest, fullest]


def _valid(model: type[Payload], data: dict[str, Any]) -> Iterator[Payload]:
    try:
        yield model.model_validate(data)
    except ValidationError:
        return


def _choices(name: str, info: FieldInfo, now: datetime, references: list[str]) -> list[Any]:
    """Candidate values of one field, the plainest first (None/[] first when it is optional)."""
    annotation = info.annotation
    optional = not info.is_required()
    listed = is_list(annotation)
    base, metadata = scalar_type(annotation)
    if name in REFERENCE_FIELDS:
        values: list[Any] = references[:5]
    elif typing.get_origin(base) is typing.Literal:
        values = list(typing.get_args(base))
    elif base is bool:
        values = [False, True]
    elif base is int:
        values = [_int_value(name, [*info.metadata, *metadata], now)]
    elif base is date:
        values = [local_day(now)]
    elif base is datetime:
        values = [now]
    else:
        values = ["-"]
    if listed:
        values = [[], *([v] for v in values)]
    elif optional and base is not bool:
        values = [None, *values]
    return values


def _int_value(name: str, metadata: list[Any], now: datetime) -> int:
    if name == "year":
        return now.year
    for item in metadata:
        if isinstance(item, annotated_types.Ge):
            return int(str(item.ge))
        if isinstance(item, annotated_types.Gt):
            return int(str(item.gt)) + 1
    return 1
