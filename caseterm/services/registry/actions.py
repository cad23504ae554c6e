"""What the person file offers: the actions the table allows now, and what one would cause.

Both work on a file already read (and audited) by `show_person`: nothing here touches the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pydantic import ValidationError

from caseterm.domain.lifecycle import Derived, LifeEvent, check_new_event, derive
from caseterm.domain.lifecycle.actions import offers
from caseterm.domain.lifecycle.model import Deadline, Measure
from caseterm.domain.lifecycle.payloads import parse_payload
from caseterm.domain.permissions import DECISION_EVENTS, Action
from caseterm.errors import UsageError
from caseterm.i18n import _
from caseterm.services.lifecycle.event_form import Value, build_payload
from caseterm.services.lifecycle.event_input import parse_moment
from caseterm.services.lifecycle.events import FUTURE_TOLERANCE, NOT_RECORDABLE
from caseterm.services.lifecycle.today import when_label
from caseterm.services.registry.persons import PersonFile
from caseterm.services.session.case_session import CaseSession
from caseterm.services.words.labels import relative_label
from caseterm.services.words.lifecycle import (
    MEASURE,
    REGISTER,
    deadline_label,
    event_label,
    label,
    status_label,
)
from caseterm.services.words.refusals import basis_text, describe_refusal

PREVIEW_ID = "preview"
GENERAL_EVENTS = (
    "contact.made",
    "support.provided",
    "review.completed",
    "note.added",
    "document.logged",
    "hold.started",
    "person.moved_out",
    "person.moved_in",
    "person.died",
    "person.declared_missing",
)
"""Records possible in almost any state: listed after the steps of the person's measures."""


@dataclass(frozen=True)
class ActionOption:
    """One action of the person file."""

    event_type: str
    label: str
    basis: str
    """The legal basis of the row that would take it, in words."""
    first_basis: str
    """Its first citation ("+2" when there are more), for one-line lists."""
    rule: str
    allowed: bool
    """False when the table allows it but the account may not record it (a chief's decision)."""
    why_not: str = ""
    draft: bool = False
    """True when this account records it as a draft for the chief (an officer and a chief's
    decision): the form is the same, and saving leaves it for the chief to approve."""


def person_actions(session: CaseSession, person_file: PersonFile) -> list[ActionOption]:
    """The actions the transition table allows now; a chief's decision is greyed for an officer."""
    chief = session.may(Action.DECISION_RECORD)
    found = offers(person_file.facts, person_file.life, person_file.calendar, session.clock.now())
    general = {event_type: place for place, event_type in enumerate(GENERAL_EVENTS)}
    found.sort(key=lambda offer: general.get(offer.event_type, -1))
    options = []
    for offer in found:
        if offer.event_type in NOT_RECORDABLE:
            continue
        draft = not chief and offer.event_type in DECISION_EVENTS
        allowed = chief or draft or offer.event_type not in DECISION_EVENTS
        options.append(
            ActionOption(
                event_type=offer.event_type,
                label=event_label(offer.event_type),
                basis=basis_text(offer.basis),
                first_basis=basis_text(offer.basis[:1]) + _more(len(offer.basis) - 1),
                rule=offer.rule,
                allowed=allowed,
                why_not="" if allowed else _("only the commune police chief may record this"),
                draft=draft,
            )
        )
    return options


def _more(count: int) -> str:
    return f" (+{count})" if count > 0 else ""


@dataclass(frozen=True)
class Preview:
    """What saving the form would do: problems by field, a refusal, or the consequences."""

    problems: dict[str, str]
    refusal: str = ""
    consequences: tuple[str, ...] = ()

    @property
    def savable(self) -> bool:
        """True when nothing stands in the way of saving."""
        return not self.problems and not self.refusal


def preview_event(
    session: CaseSession,
    person_file: PersonFile,
    event_type: str,
    values: dict[str, Value],
    occurred_text: str,
) -> Preview:
    """Check a form as the officer types: field problems, the table's answer, and its effects."""
    now = session.clock.now()
    try:
        moment = parse_moment(occurred_text)
    except UsageError as error:
        return Preview({"occurred_at": str(error)})
    if moment > now + FUTURE_TOLERANCE:
        return Preview({"occurred_at": _("its time is in the future")})
    built = build_payload(event_type, values)
    if built.problems:
        return Preview(built.problems)
    try:
        payload = parse_payload(event_type, built.payload)
    except ValidationError:
        return Preview({"": _("invalid value")})
    new = LifeEvent(PREVIEW_ID, event_type, moment, payload, now)
    calendar = person_file.calendar
    refusal = check_new_event(person_file.facts, person_file.life, new, calendar, now)
    if refusal is not None:
        return Preview({}, describe_refusal(event_type, refusal))
    at = max(now, moment)
    before = derive(person_file.facts, person_file.life, calendar, at)
    after = derive(person_file.facts, [*person_file.life, new], calendar, at)
    return Preview({}, "", tuple(consequences(before, after)))


def consequences(before: Derived, after: Derived) -> list[str]:
    """Sentences for what changes between two states of a file."""
    lines: list[str] = []
    if before.status != after.status:
        lines.append(
            _("Status: {old} → {new}").format(
                old=status_label(before.status.value), new=status_label(after.status.value)
            )
        )
    lines += _measure_lines(before.measures, after.measures)
    for register in sorted(after.registers - before.registers):
        lines.append(_("Enters the {register}").format(register=label(REGISTER, register.value)))
    for register in sorted(before.registers - after.registers):
        lines.append(_("Leaves the {register}").format(register=label(REGISTER, register.value)))
    lines += _deadline_lines(before.deadlines, after.deadlines, after.as_of)
    counted = dict.fromkeys(lines, 0)
    for line in lines:
        counted[line] += 1
    merged = [line if n == 1 else f"{line} (×{n})" for line, n in counted.items()]
    return merged or [_("Recorded in the file; nothing else changes.")]


def _measure_lines(before: tuple[Measure, ...], after: tuple[Measure, ...]) -> list[str]:
    was_active = {m.id for m in before if m.active}
    lines = []
    for measure in after:
        kind = label(MEASURE, measure.kind.value)
        if measure.active and measure.id not in was_active:
            lines.append(_("Opens: {measure}").format(measure=kind))
        elif not measure.active and measure.id in was_active:
            lines.append(_("Closes: {measure}").format(measure=kind))
    return lines


def _deadline_lines(
    before: tuple[Deadline, ...], after: tuple[Deadline, ...], now: datetime
) -> list[str]:
    old = {d.key for d in before}
    new = {d.key for d in after}
    lines = [
        _("New deadline: {what} — due {due} ({relative})").format(
            what=deadline_label(d.code, d.key),
            due=when_label(d.due_at),
            relative=relative_label(d.due_at, now),
        )
        for d in after
        if d.key not in old
    ]
    lines += [
        _("Done: {what}").format(what=deadline_label(d.code, d.key))
        for d in before
        if d.key not in new
    ]
    return lines
