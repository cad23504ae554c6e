"""The legal lifecycle engine (legal spec §2–§4): pure functions of (events, clock, calendar).

- `payloads`: the typed payload of every canonical event type;
- `table`: the transition table, one row per T01–T65 (plus their steps and record rows);
- `rules_*`: the rows of the table, one module per table of the spec's §2.3 — A `rules_detection`
  and `rules_management`, B `rules_determination`, C `rules_voluntary`, D `rules_substitution`,
  E `rules_compulsory` and `rules_facility`, F `rules_post_rehab`, G `rules_any_stage` — plus
  `rules_emonitoring` (§2.5) and `rules_records` (record-keeping rows X…);
- `derive`: replay → measures, status S0–S15, registers and deadlines D01–D41;
- `timecalc`: hours, working days (weekends + holiday calendar), months and years.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from caseterm.domain.lifecycle.derive import Derived, derive, replay_order
from caseterm.domain.lifecycle.fold import LifeEvent, PersonFacts
from caseterm.domain.lifecycle.model import Caution, Refusal
from caseterm.domain.lifecycle.timecalc import WorkCalendar

__all__ = [
    "Caution",
    "Derived",
    "LifeEvent",
    "PersonFacts",
    "Refusal",
    "Verdict",
    "WorkCalendar",
    "check_new_event",
    "derive",
    "judge_new_event",
    "replay_order",
]


@dataclass(frozen=True)
class Verdict:
    """What the table says of a new event: a refusal, or the cautions a chief must confirm."""

    refusal: Refusal | None
    cautions: tuple[Caution, ...] = ()


def judge_new_event(
    facts: PersonFacts,
    events: list[LifeEvent],
    new: LifeEvent,
    calendar: WorkCalendar,
    now: datetime,
) -> Verdict:
    """Refuse an event the table does not allow, or one that would break a later event.

    The person's file is replayed with the new event in its place in time: an event may be
    recorded late (with the hour it happened), and must still fit what came after it. An
    allowed event may still raise cautions (a court's term the engine would not have chosen).
    """
    now = max(now, new.occurred_at)
    before = derive(facts, events, calendar, now)
    after = derive(facts, [*events, new], calendar, now)
    if new.id in after.refused:
        return Verdict(after.refused[new.id])
    broken = sorted(set(after.refused) - set(before.refused))
    if broken:
        first = after.refused[broken[0]]
        return Verdict(Refusal(first.rule, "breaks_later_event", first.basis, {"event": broken[0]}))
    return Verdict(None, after.cautions.get(new.id, ()))


def check_new_event(
    facts: PersonFacts,
    events: list[LifeEvent],
    new: LifeEvent,
    calendar: WorkCalendar,
    now: datetime,
) -> Refusal | None:
    """The refusal of `judge_new_event`, for callers that do not show cautions."""
    return judge_new_event(facts, events, new, calendar, now).refusal
