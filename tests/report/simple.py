"""A deliberately simple second implementation of the monthly indicators, for the tests.

It shares nothing with the report's fast path but the lifecycle engine itself: no trace, no
timeline, no stored JSON, no cells. The stock is the engine's state derived afresh at the
cut-off; flows are read straight off the raw events (and the measures the engine shows opened
or closed in the period); every count is a plain loop. Slow, and obviously right.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from caseterm.domain.dates import PartialDate, age_on
from caseterm.domain.lifecycle import Derived, LifeEvent, PersonFacts, derive, replay_order
from caseterm.domain.lifecycle.model import Flag, Measure, MeasureKind, Phase, Status, regime_at
from caseterm.domain.lifecycle.payloads_management import TestPerformed
from caseterm.domain.lifecycle.payloads_rehab import AssessmentResult
from caseterm.domain.lifecycle.timecalc import WorkCalendar

EPSILON = timedelta(microseconds=1)


@dataclass(frozen=True)
class SimplePerson:
    """One person of a generated population."""

    sex: str
    birth: PartialDate
    village: str
    facts: PersonFacts
    events: list[LifeEvent]


def band(birth: PartialDate, cutoff: datetime) -> str:
    """The age band on the period's last day, written out longhand."""
    from caseterm.clock import VIETNAM

    age = age_on(birth, (cutoff - EPSILON).astimezone(VIETNAM).date())
    if age < 14:
        return "lt14"
    if age < 16:
        return "14to16"
    if age < 18:
        return "16to18"
    if age < 30:
        return "18to30"
    return "ge30"


def stock_rows(
    person: SimplePerson, calendar: WorkCalendar, start: datetime, end: datetime
) -> tuple[list[str], str]:
    """The stock rows a person counts in at the cut-off, and the regime they count under."""
    state = derive(person.facts, person.events, calendar, end - EPSILON)
    active = [m for m in state.measures if m.active]
    regime = regime_at(end - EPSILON).value
    others = [m for m in state.measures if m.kind is not MeasureKind.E_MONITORING]
    running = [m for m in others if m.active] or others
    if running:
        regime = max(running, key=lambda m: m.opened_at).regime.value
    rows = _k_rows(person, state, calendar, start, end)
    emon = next((m for m in active if m.kind is MeasureKind.E_MONITORING), None)
    names = {Phase.ACTIVE: "active", Phase.TEMP_REMOVED: "removed", Phase.PAUSED: "paused"}
    if emon is not None and emon.phase in names:
        rows += ["K4", f"K4.state.{names[emon.phase]}", f"K4.basis.{emon.case or 'OTHER'}"]
    return rows, regime


def _k_rows(
    person: SimplePerson, state: Derived, calendar: WorkCalendar, start: datetime, end: datetime
) -> list[str]:
    status = state.status
    flags = state.flags
    measures = [m for m in state.measures if m.active]
    k2 = {
        "S5": "a",
        "S5b": "a",
        "S6": "b",
        "S7": "c",
        "S8": "d",
        "S9": "e",
        "S10": "f",
        "S11": "f",
        "S12": "g",
        "S13": "g",
    }
    if status.value in k2:
        if "X_HOLD" in flags:
            return ["K2", "K2.h"]
        if any(Flag.ABSCONDED in m.flags for m in measures):
            return ["K2", "K2.i"]
        return ["K2", f"K2.{k2[status.value]}"]
    if status in (Status.S3, Status.S4):
        mgmt = next((m for m in measures if m.kind is MeasureKind.USER_MGMT), None)
        if status is Status.S4 and mgmt is None:
            pending = next(m for m in measures if m.kind is MeasureKind.ADDICTION_ASSESSMENT)
            return ["KA", f"KA.{pending.case}"]
        if mgmt is not None and _ran_out(mgmt, end):
            return ["KX", "KX.mgmt"]
        if mgmt is not None and (Flag.SUSPENDED in mgmt.flags or "X_HOLD" in flags):
            item = "suspended"
        elif mgmt is not None and Flag.ABSENT in mgmt.flags:
            item = "absent"
        else:
            item = "assessment" if status is Status.S4 else "managed"
        fresh = "K1.new" if _entered_k1_in(person, calendar, start, end) else "K1.continuing"
        return ["K1", f"K1.{item}", fresh]
    if status is Status.S14:
        post = next(m for m in measures if m.kind is MeasureKind.POST_REHAB)
        if _ran_out(post, end):
            return ["KX", "KX.post"]
        done = [
            m
            for m in state.measures
            if m.kind
            in (MeasureKind.VOLUNTARY_REHAB, MeasureKind.SUBSTITUTION_TX, MeasureKind.COMPULSORY)
            and m.closed_at is not None
            and m.closed_at <= (post.term_start or post.opened_at)
        ]
        origin = "transfer"
        if done:
            last = max(done, key=lambda m: m.closed_at or m.opened_at)
            origin = {
                MeasureKind.VOLUNTARY_REHAB: "voluntary",
                MeasureKind.SUBSTITUTION_TX: "substitution",
                MeasureKind.COMPULSORY: "compulsory",
            }[last.kind]
        months = post.term_months if post.term_months in (12, 24) else 0
        return ["K3", f"K3.origin.{origin}", f"K3.term.{months}"]
    return []


def _ran_out(measure: Measure, end: datetime) -> bool:
    """Its term ended before the cut-off and nothing closed it (issue 20 item 8)."""
    term_end = measure.term_end()
    return term_end is not None and term_end < end


def _entered_k1_in(
    person: SimplePerson, calendar: WorkCalendar, start: datetime, end: datetime
) -> bool:
    """New this period: at some moment of the period before the cut-off the person was not in K1.

    Checked at every moment anything happened in the period, and at its start.
    """
    moments = [start - EPSILON] + [
        e.occurred_at for e in person.events if start <= e.occurred_at < end
    ]
    state_at = {m: derive(person.facts, person.events, calendar, m).status for m in moments}
    was_out = any(s not in (Status.S3, Status.S4) for m, s in state_at.items())
    return was_out


def flow_codes(
    person: SimplePerson, calendar: WorkCalendar, start: datetime, end: datetime
) -> list[tuple[str, datetime]]:
    """Every flow in the period, from the raw events and the measures opened or closed in it."""
    final = derive(person.facts, person.events, calendar, end - EPSILON)
    codes: list[tuple[str, datetime]] = []
    ordered = replay_order(person.events)
    for index, event in enumerate(ordered):
        if not start <= event.occurred_at < end or event.id not in final.applied:
            continue
        before = derive(person.facts, ordered[:index], calendar, event.occurred_at)
        running = {m.kind for m in before.measures if m.active}
        codes += [
            (c, event.occurred_at)
            for c in _event_codes(
                event, running, before.relapses, person, calendar, ordered[: index + 1]
            )
        ]
    for measure in final.measures:
        if measure.kind is MeasureKind.COMPULSORY and start <= measure.opened_at < end:
            codes.append((f"F5.ground.{measure.case}", measure.opened_at))
            if measure.case == "dd":
                before = derive(
                    person.facts,
                    [e for e in ordered if e.occurred_at < measure.opened_at],
                    calendar,
                    measure.opened_at - EPSILON,
                )
                if any(m.kind is MeasureKind.E_MONITORING and m.active for m in before.measures):
                    codes.append(("F8.escalated", measure.opened_at))
        if measure.closed_at is not None and start <= measure.closed_at < end:
            codes += [(c, measure.closed_at) for c in _closing_codes(measure)]
    return codes + _missed_check(person, calendar, start, end)


def _missed_check(
    person: SimplePerson, calendar: WorkCalendar, start: datetime, end: datetime
) -> list[tuple[str, datetime]]:
    """D05: under user management when the month ended, and no residence check in it."""
    state = derive(person.facts, person.events, calendar, end)
    checked = any(
        e.type == "mgmt.residence_checked"
        and start <= e.occurred_at < end
        and e.id in state.applied
        for e in person.events
    )
    for measure in state.measures:
        if measure.kind is not MeasureKind.USER_MGMT or checked:
            continue
        began = measure.opened_at
        stops = [x for x in (measure.closed_at, measure.term_end()) if x is not None]
        if began < end and min([*stops, end]) >= end:
            return [("F2.missed_check", end - timedelta(hours=12))]
    return []


def _event_codes(
    event: LifeEvent,
    running: set[MeasureKind],
    relapses: int,
    person: SimplePerson,
    calendar: WorkCalendar,
    upto: list[LifeEvent],
) -> list[str]:
    p = event.payload
    t = event.type
    out: list[str] = []
    if isinstance(p, TestPerformed):
        out.append(f"F1.test.{p.ground}")
        if p.result == "POSITIVE":
            out.append("F1.positive")
            if MeasureKind.USER_MGMT in running:
                out.append("F7.reuse_in_mgmt")
            if MeasureKind.VOLUNTARY_REHAB in running:
                out.append("F7.use_in_voluntary")
    simple_fields = {
        "mgmt.decided": ("F2.decided", "reason"),
        "assessment.requested": ("F3.requested", "case"),
        "assessment.result": ("F3.result", "result"),
        "rehab.registered": ("F4.registered", "form"),
        "rehab.decided": ("F4.decided", "form"),
        "compulsory.court_decided": ("F5.court", "outcome"),
        "emon.violation": ("F8.violation", "code"),
    }
    if t in simple_fields:
        code, field = simple_fields[t]
        out.append(f"{code}.{getattr(p, field)}")
    plain = {
        "subst.enrolled": "F4.subst_enrolled",
        "compulsory.custody_decided": "F5.dossier",
        "compulsory.sent_to_court": "F5.sent_to_court",
        "compulsory.transported": "F5.transported",
        "compulsory.postponed": "F5.postponed",
        "compulsory.exempted": "F5.exempted",
        "postrehab.decided": "F6.postrehab_decided",
        "emon.decided": "F8.decided",
        "emon.fitted": "F8.fitted",
        "person.moved_in": "F9.moved_in",
        "person.moved_out": "F9.moved_out",
        "person.died": "F9.died",
    }
    if t in plain:
        out.append(plain[t])
    if (
        isinstance(p, AssessmentResult)
        and p.result == "ADDICTED"
        and MeasureKind.POST_REHAB in running
    ):
        out.append("F7.addicted_in_post_rehab")
    after = derive(person.facts, upto, calendar, event.occurred_at)
    if after.relapses > relapses:
        out.append("F7.relapse")
    return out


def _closing_codes(measure: Measure) -> list[str]:
    kind = measure.kind
    reason = measure.close_reason.value if measure.close_reason else ""
    form = measure.form.value if measure.form else ""
    if kind is MeasureKind.USER_MGMT and reason == "STOPPED":
        why = measure.marks.get("stop_reason", "")
        return ["F2.ended.ADDICTED" if why == "ADDICTED" else f"F2.ended.STOPPED_{why}"]
    if kind is MeasureKind.USER_MGMT:
        return [f"F2.ended.{reason}"]
    if reason == "COMPLETED":
        name = {
            MeasureKind.VOLUNTARY_REHAB: form,
            MeasureKind.SUBSTITUTION_TX: "SUBSTITUTION",
            MeasureKind.COMPULSORY: "COMPULSORY",
        }.get(kind)
        return [f"F6.completed.{name}"] if name else []
    if reason == "POST_REHAB_COMPLETED":
        return ["F6.post_rehab_completed"]
    if reason == "LIMITATION_EXPIRED":
        return ["F5.limitation_expired"]
    return []


def simple_counts(
    people: list[SimplePerson], calendar: WorkCalendar, start: datetime, end: datetime
) -> Counter[tuple[str, str, str]]:
    """(row, dimension, value) → count: stock and flow rows by sex, age, village and regime."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for person in people:
        dims = {"sex": person.sex, "age": band(person.birth, end), "village": person.village}
        rows, regime = stock_rows(person, calendar, start, end)
        for row in rows:
            _add(counts, row, {**dims, "regime": regime})
        for code, moment in flow_codes(person, calendar, start, end):
            parts = code.split(".")
            flow_dims = {**dims, "regime": regime_at(moment).value}
            if len(parts) == 3:
                _add(counts, f"{parts[0]}.{parts[1]}", flow_dims)
            _add(counts, code, flow_dims)
    return counts


def _add(counts: Counter[tuple[str, str, str]], row: str, dims: dict[str, str]) -> None:
    counts[(row, "all", "")] += 1
    for name, value in dims.items():
        counts[(row, name, value)] += 1
