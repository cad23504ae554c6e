"""A small language for writing a person's life as the law sees it, in tests.

    life = Life(birth="1990-05-01")
    life.rec("test.performed", "06/07/2026 08:00", ground="h", sample="URINE", result="POSITIVE")
    life.refuse("mgmt.decided", "06/07/2026 09:00", reason="NEW", decision_no="1", officer="A")
    state = life.state("07/07/2026 08:00")

Times are Vietnam local time, `dd/mm/yyyy HH:MM`, as an officer types them.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from caseterm.clock import VIETNAM
from caseterm.domain.dates import PartialDate
from caseterm.domain.lifecycle import (
    Caution,
    Derived,
    LifeEvent,
    PersonFacts,
    check_new_event,
    derive,
    judge_new_event,
)
from caseterm.domain.lifecycle.holidays import calendar_from_document
from caseterm.domain.lifecycle.model import Refusal
from caseterm.domain.lifecycle.payloads import parse_payload
from caseterm.domain.lifecycle.timecalc import WorkCalendar

CALENDAR: WorkCalendar = calendar_from_document(
    json.loads((Path(__file__).parents[2] / "schema" / "holidays-vn.json").read_text("utf-8"))
)


def at(text: str) -> datetime:
    """A Vietnam local `dd/mm/yyyy HH:MM` (or `dd/mm/yyyy`, meaning 08:00) as an aware moment."""
    fmt = "%d/%m/%Y %H:%M" if " " in text else "%d/%m/%Y"
    moment = datetime.strptime(text, fmt)  # noqa: DTZ007 - Vietnam time is attached below
    if " " not in text:
        moment = moment.replace(hour=8)
    return moment.replace(tzinfo=VIETNAM)


def local(moment: datetime | None) -> str:
    """An aware moment as Vietnam local `dd/mm/yyyy HH:MM`."""
    assert moment is not None
    return moment.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M")


class Refused(AssertionError):
    """The table refused an event a test expected to be allowed."""


class Life:
    """One person's events, checked by the engine as the services would check them."""

    def __init__(self, birth: str | None = "1990-05-01", calendar: WorkCalendar = CALENDAR) -> None:
        self.facts = PersonFacts(PartialDate.parse(birth) if birth else None)
        self.calendar = calendar
        self.events: list[LifeEvent] = []
        self._count = 0

    def event(self, event_type: str, when: str, **payload: Any) -> LifeEvent:
        """Build an event (not recorded)."""
        self._count += 1
        moment = at(when)
        return LifeEvent(
            id=f"{self._count:08x}-0000-7000-8000-000000000000",
            type=event_type,
            occurred_at=moment,
            payload=parse_payload(event_type, _jsonable(payload)),
            recorded_at=moment,
        )

    def check(self, event_type: str, when: str, **payload: Any) -> tuple[LifeEvent, Refusal | None]:
        """Check an event against the file as it stands, with the clock at the event."""
        event = self.event(event_type, when, **payload)
        return event, check_new_event(
            self.facts, self.events, event, self.calendar, event.occurred_at
        )

    def rec(self, event_type: str, when: str, **payload: Any) -> str:
        """Record an event the law allows; fail the test if refused. Returns the event id."""
        event, refusal = self.check(event_type, when, **payload)
        if refusal is not None:
            raise Refused(f"{event_type} at {when} refused: {refusal}")
        self.events.append(event)
        return event.id

    def warned(self, event_type: str, when: str, **payload: Any) -> tuple[Caution, ...]:
        """Record an allowed event and return the cautions it raised (a chief confirms them)."""
        event = self.event(event_type, when, **payload)
        verdict = judge_new_event(self.facts, self.events, event, self.calendar, event.occurred_at)
        if verdict.refusal is not None:
            raise Refused(f"{event_type} at {when} refused: {verdict.refusal}")
        self.events.append(event)
        return verdict.cautions

    def refuse(self, event_type: str, when: str, **payload: Any) -> Refusal:
        """Assert the event is refused; nothing is recorded. Returns the refusal."""
        before = self.state_at(at(when))
        _event, refusal = self.check(event_type, when, **payload)
        assert refusal is not None, f"{event_type} at {when} was allowed"
        assert self.state_at(at(when)) == before
        return refusal

    def rule_of(self, event_id: str, when: str | None = None) -> str:
        """The table row that took a recorded event."""
        moment = at(when) if when else max(e.occurred_at for e in self.events)
        return self.state_at(moment).applied[event_id]

    def state(self, when: str) -> Derived:
        """Everything derived at a local moment."""
        return self.state_at(at(when))

    def state_at(self, moment: datetime) -> Derived:
        """Everything derived at a moment."""
        return derive(self.facts, self.events, self.calendar, moment)

    def due(self, when: str, code: str) -> list[str]:
        """The local due times of the open deadlines with a code."""
        return [local(d.due_at) for d in self.state(when).deadlines if d.code == code]


def _jsonable(payload: dict[str, Any]) -> dict[str, Any]:
    """Let tests write local `dd/mm/yyyy HH:MM` for timestamps in payloads."""
    out: dict[str, Any] = {}
    for key, value in payload.items():
        if isinstance(value, str) and len(value) >= 10 and value[2:3] == "/" and value[5:6] == "/":
            out[key] = at(value).isoformat() if " " in value else _iso_date(value)
        else:
            out[key] = value
    return out


def _iso_date(text: str) -> str:
    day, month, year = text.split("/")
    return f"{year}-{month}-{day}"
