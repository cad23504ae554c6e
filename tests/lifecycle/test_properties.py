"""Properties of the engine over generated lives (Hypothesis).

A life is a random walk over a catalogue of plausible events at random gaps; each event is kept
only if the transition table allows it, as the services would do.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caseterm.clock import utc_iso
from caseterm.domain.lifecycle import LifeEvent, PersonFacts, check_new_event, derive
from caseterm.domain.lifecycle.model import PHASES, MeasureKind, Phase, Register
from caseterm.domain.lifecycle.payloads import parse_payload
from caseterm.ids import new_id
from caseterm.services.lifecycle.lifecycle_json import derived_json
from caseterm.services.lifecycle.projection import open_deadlines
from tests.lifecycle import paths
from tests.lifecycle.life import CALENDAR, Life, at

NOW = "__now__"
TEMPLATES: list[tuple[str, dict[str, Any]]] = [
    ("test.performed", {"ground": "h", "sample": "URINE", "result": "PENDING"}),
    ("test.performed", {"ground": "h", "sample": "URINE", "result": "NEGATIVE"}),
    ("test.performed", {"ground": "h", "sample": "URINE", "result": "POSITIVE"}),
    ("residence.verified", {"result": "STABLE", "criterion": "REGISTERED_ADDRESS"}),
    ("residence.verified", {"result": "NOT_STABLE", "criterion": "WHEREABOUTS_UNKNOWN"}),
    ("use.notice_sent", {"recipient": "TCAX"}),
    ("mgmt.decided", {"reason": "NEW", "decision_no": "1", "officer": "A"}),
    ("mgmt.decided", {"reason": "REUSE_RESET", "decision_no": "2", "officer": "A"}),
    ("mgmt.residence_checked", {"method": "VISIT", "finding": "PRESENT"}),
    ("mgmt.suspended", {"decision_no": "7"}),
    ("mgmt.resumed", {"custody_ended": NOW}),
    ("mgmt.stopped", {"reason": "ADDICTED", "decision_no": "8"}),
    ("mgmt.stopped", {"reason": "PRISON", "decision_no": "8"}),
    ("mgmt.terminated", {"decision_no": "9"}),
    ("assessment.requested", {"case": "a", "facility": "F"}),
    ("assessment.requested", {"case": "c", "facility": "F"}),
    ("assessment.requested", {"case": "d", "facility": "F"}),
    ("assessment.requested", {"case": "dd", "facility": "F"}),
    ("assessment.result", {"result": "ADDICTED", "notified_at": NOW}),
    ("assessment.result", {"result": "NOT_ADDICTED", "notified_at": NOW}),
    ("rehab.registered", {"form": "HOME", "channel": "IN_PERSON", "registrant": "SELF"}),
    ("rehab.registered", {"form": "PRIVATE", "channel": "IN_PERSON", "registrant": "SELF"}),
    ("rehab.registered", {"form": "PUBLIC", "channel": "IN_PERSON", "registrant": "SELF"}),
    ("rehab.registered", {"form": "SUBSTITUTION", "channel": "IN_PERSON", "registrant": "SELF"}),
    ("rehab.decided", {"decision_no": "22", "form": "HOME"}),
    ("rehab.decided", {"decision_no": "22", "form": "PRIVATE"}),
    ("rehab.decided", {"decision_no": "22", "form": "PUBLIC"}),
    ("rehab.facility_requested", {}),
    ("rehab.facility_assigned", {"authority": "GDCAT", "decision_no": "1", "facility": "F"}),
    ("rehab.started", {}),
    ("rehab.violation", {"kind": "OTHER"}),
    ("rehab.self_terminated", {}),
    ("rehab.partially_completed", {"certificate_no": "30", "stages_completed": 3}),
    ("completion.notice_received", {}),
    ("rehab.completed", {"certificate_no": "28"}),
    ("subst.enrolled", {"clinic": "M"}),
    ("subst.completed", {}),
    ("subst.terminated", {"reason": "VIOLATION"}),
    (
        "compulsory.ground_found",
        {
            "ground": "a",
            "last_violation_at": NOW,
            "no_capacity": False,
            "pregnant": False,
            "carer_of_child_under_36_months": False,
        },
    ),
    ("compulsory.custody_decided", {"decision_no": "32", "facility": "F"}),
    ("compulsory.dossier_notified", {"delivered_to": "PERSON"}),
    ("compulsory.sent_to_court", {"decision_no": "36", "court": "T"}),
    ("compulsory.court_query", {}),
    ("compulsory.court_query_answered", {}),
    ("compulsory.court_decided", {"outcome": "ORDERED", "court": "T", "decision_no": "1"}),
    ("compulsory.court_decided", {"outcome": "REJECTED", "court": "T", "decision_no": "1"}),
    ("compulsory.facility_assigned", {"authority": "GDCAT", "decision_no": "1", "facility": "F"}),
    ("compulsory.transported", {}),
    ("compulsory.postponed", {"reason": "SERIOUS_ILLNESS", "decision_no": "44"}),
    ("compulsory.resumed", {}),
    ("compulsory.absconded", {}),
    ("compulsory.found", {}),
    ("compulsory.completed", {"certificate_no": "50"}),
    ("postrehab.proposed", {}),
    ("postrehab.decided", {"decision_no": "53"}),
    ("postrehab.completed", {"certificate_no": "56"}),
    ("emon.decided", {"decision_no": "2", "basis": "VOL_HOME", "officer": "A"}),
    ("emon.decided", {"decision_no": "2", "basis": "SUBSTITUTION", "officer": "A"}),
    ("emon.decided", {"decision_no": "2", "basis": "POST_REHAB", "officer": "A"}),
    ("emon.fitted", {"device_no": "G", "position": "ANKLE"}),
    ("emon.violation", {"code": "b"}),
    ("emon.violation", {"code": "d"}),
    ("emon.ended", {"reason": "EXPIRED"}),
    ("hold.started", {"kind": "PRISON"}),
    ("hold.ended", {}),
    ("contact.made", {"kind": "VISIT"}),
    ("note.added", {"text": "ghi chú"}),
]
ENDINGS: list[tuple[str, dict[str, Any]]] = [
    ("person.moved_out", {"destination": "X"}),
    ("person.died", {}),
]
"""Final events, tried only as a life's last step (they end everything)."""
TRIES = 12
"""At each step the walk tries up to this many templates, so lives go deep into the table."""
GAPS_HOURS = [1, 5, 13, 30, 80, 24 * 20, 24 * 100, 24 * 400]

steps = st.lists(
    st.tuples(st.integers(0, len(TEMPLATES) - 1), st.sampled_from(GAPS_HOURS)),
    min_size=5,
    max_size=35,
)
ending = st.one_of(st.none(), st.sampled_from(range(len(ENDINGS))))
STARTS: list[Callable[[Life], object] | None] = [
    None,
    paths.managed,
    paths.in_rehab,
    paths.in_substitution,
    paths.in_facility,
    paths.in_post_rehab,
]
"""Lives begin blank or at a stage deep in the table (as the scenario paths build them)."""
starts = st.sampled_from(range(len(STARTS)))


def build(
    life: Life,
    index: int,
    moment: datetime,
    number: int,
    table: list[tuple[str, dict[str, Any]]] = TEMPLATES,
) -> LifeEvent:
    """An event from a template at a moment (NOW placeholders become the moment)."""
    event_type, template = table[index]
    payload = {k: moment.isoformat() if v == NOW else v for k, v in template.items()}
    return LifeEvent(
        id=f"{number:08x}-0000-7000-8000-000000000000",
        type=event_type,
        occurred_at=moment,
        payload=parse_payload(event_type, payload),
        recorded_at=moment,
    )


def walk(
    plan: list[tuple[int, int]], end_with: int | None = None, start: int = 0
) -> tuple[Life, list[LifeEvent], datetime]:
    """Keep allowed events of a plan; return the life, refused attempts and the end time.

    At each step the drawn template is tried first, then the next ones, until one fits.
    """
    life = Life()
    prepare = STARTS[start]
    if prepare is not None:
        prepare(life)
    moment = max((e.occurred_at for e in life.events), default=at("01/07/2026 08:00"))
    refused: list[LifeEvent] = []
    number = 1000
    for index, gap in plan:
        moment += timedelta(hours=gap)
        for attempt in range(TRIES):
            number += 1
            event = build(life, (index + attempt) % len(TEMPLATES), moment, number)
            if check_new_event(life.facts, life.events, event, CALENDAR, moment) is None:
                life.events.append(event)
                break
            refused.append(event)
    if end_with is not None:
        moment += timedelta(hours=3)
        event = build(life, end_with, moment, number + 1, ENDINGS)
        if check_new_event(life.facts, life.events, event, CALENDAR, moment) is None:
            life.events.append(event)
    return life, refused, moment


def _legal(life: Life, now: datetime) -> None:
    state = life.state_at(now)
    running: dict[MeasureKind, int] = {}
    for measure in state.measures:
        assert measure.phase in PHASES[measure.kind], (measure.kind, measure.phase)
        assert (measure.phase is Phase.CLOSED) == (measure.close_reason is not None)
        if measure.active:
            running[measure.kind] = running.get(measure.kind, 0) + 1
            if measure.term_start and measure.term_months:
                end = measure.term_end()
                assert end is not None and end > measure.term_start - timedelta(days=1)
    assert all(count == 1 for count in running.values()), running
    if Register.USERS in state.registers:
        assert MeasureKind.USER_MGMT in running
    if Register.POST_REHAB in state.registers:
        assert MeasureKind.POST_REHAB in running
    assert not state.refused  # every kept event still fits


@settings(max_examples=50, deadline=None)
@given(steps, ending, starts)
def test_every_measure_stays_in_a_legal_state(
    plan: list[tuple[int, int]], end_with: int | None, start: int
) -> None:
    life, _refused, end = walk(plan, end_with, start)
    for days in (0, 30, 400, 1200):
        _legal(life, end + timedelta(days=days))


def test_refused_events_change_nothing() -> None:
    compared = [0]

    @settings(max_examples=30, deadline=None)
    @given(steps, starts)
    def refused_then_added_again(plan: list[tuple[int, int]], start: int) -> None:
        life, refused, end = walk(plan, start=start)
        before = derived_json(life.state_at(end))
        for event in refused[:5]:
            with_it = derive(life.facts, [*life.events, event], CALENDAR, end)
            if event.id in with_it.refused:  # still refused in the final file: it changes nothing
                after = derived_json(with_it)
                after["refused"].pop(event.id)
                assert after == before
                compared[0] += 1

    refused_then_added_again()
    # The comparison above must really have run, not only the walks around it.
    assert compared[0] >= 50, f"only {compared[0]} refused events were compared"


def _shape(life: Life, events: list[LifeEvent], now: datetime) -> Any:
    """The derived state without ids (a re-recorded event gets a new id)."""
    state = derive(life.facts, events, CALENDAR, now)
    return (
        state.status,
        sorted(state.flags),
        sorted(state.registers),
        [
            (m.kind, m.phase, m.regime, m.form, m.episode, m.term_end(), m.close_reason)
            for m in state.measures
        ],
        sorted((d.code, d.due_at) for d in state.deadlines),
    )


@settings(max_examples=30, deadline=None)
@given(steps, st.integers(0, 1000), starts)
def test_voiding_then_re_recording_gives_the_same_state(
    plan: list[tuple[int, int]], pick: int, start: int
) -> None:
    life, _refused, end = walk(plan, start=start)
    if not life.events:
        return
    target = life.events[pick % len(life.events)]
    void = LifeEvent(
        "ffffffff-0000-7000-8000-000000000001",
        "event.voided",
        end,
        parse_payload("event.voided", {"event": target.id, "reason": "nhập nhầm"}),
        end,
    )
    again = replace(target, id="ffffffff-0000-7000-8000-000000000002")
    redone = [*life.events, void, again]
    assert _shape(life, redone, end) == _shape(life, life.events, end)


@settings(max_examples=30, deadline=None)
@given(steps, st.randoms(use_true_random=False), starts)
def test_results_do_not_depend_on_the_order_of_recording(
    plan: list[tuple[int, int]], rng: random.Random, start: int
) -> None:
    life, _refused, end = walk(plan, start=start)
    # The file's events in a shuffled list, plus notes at random moments recorded at random
    # clocks: independent events recorded in any order give the same result. (Events at the
    # same minute keep the order they were recorded in: that order is part of the record.)
    note = TEMPLATES.index(("note.added", {"text": "ghi chú"}))
    extra = [
        replace(
            build(life, note, end, 900 + n),
            occurred_at=end - timedelta(hours=rng.randint(1, 2000), minutes=rng.randint(1, 59)),
            recorded_at=end - timedelta(hours=rng.randint(0, 3000)),
        )
        for n in range(4)
    ]
    shuffled = [*life.events, *extra]
    rng.shuffle(shuffled)
    original = derived_json(derive(life.facts, life.events, CALENDAR, end))
    reordered = derived_json(derive(life.facts, shuffled, CALENDAR, end))
    assert reordered == original


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=steps, start=starts)
def test_the_stored_projection_equals_the_recomputation(
    session: Any, plan: list[tuple[int, int]], start: int
) -> None:
    from caseterm.services.lifecycle.events import life_event, refresh_projection
    from caseterm.services.registry.persons import add_person
    from tests.conftest import person

    life, _refused, _end = walk(plan, start=start)
    person_id = add_person(session, person(), confirm=True)
    with session.transaction() as tx:
        for event in life.events:
            tx.events.append(
                event_id=new_id(),
                unit_code=session.unit.code,
                person_id=person_id,
                type_=event.type,
                occurred_at=utc_iso(event.occurred_at),
                recorded_at=utc_iso(event.recorded_at or event.occurred_at),
                recorded_by=session.actor.id,
                payload=event.payload.model_dump(mode="json", exclude_none=True),
            )
        refresh_projection(session, tx, person_id)
        stored = tx.states.get(person_id)
        events = [life_event(info) for info in tx.events.of_person(person_id)]
    assert stored is not None
    again = derive(
        PersonFacts(person().birth), events, CALENDAR, datetime.fromisoformat(stored.as_of)
    )
    assert derived_json(again) == stored.summary
    assert open_deadlines(again) == stored.deadlines
