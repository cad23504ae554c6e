"""The payload's records: written from the store, read back trusting no line (T18)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caseterm.clock import FrozenClock
from caseterm.domain.bundle import BundleRejected
from caseterm.services.lifecycle.events import record_event
from caseterm.services.registry.persons import add_person
from caseterm.services.session.case_session import CaseSession
from caseterm.services.sync.bundle_records import (
    MAX_LINE_BYTES,
    event_line,
    payload_lines,
    person_line,
    read_records,
)
from tests.conftest import person

SCHEMA = Path(__file__).parents[2] / "schema" / "bundle-record.v1.schema.json"


def _payload(session: CaseSession, clock: FrozenClock) -> bytes:
    pid = add_person(session, person(), confirm=True)
    record_event(
        session,
        pid,
        "test.performed",
        {"ground": "h", "sample": "URINE", "result": "POSITIVE"},
        occurred_at=clock.now() - timedelta(hours=2),
    )
    with session.transaction() as tx:
        stored = tx.persons.get(pid)
        events = tx.events.of_person(pid)
    assert stored is not None
    return b"".join(payload_lines([person_line(stored)], [event_line(e) for e in events]))


def test_records_round_trip_and_match_their_schema(
    session: CaseSession, clock: FrozenClock
) -> None:
    payload = _payload(session, clock)
    records = read_records(payload)
    assert [p.record.full_name for p in records.persons] == ["Nguyễn Văn An"]
    assert sorted(e.type for e in records.events) == ["person.registered", "test.performed"]
    assert b"".join(payload_lines(records.persons, records.events)) == payload
    schema = json.loads(SCHEMA.read_text("utf-8"))
    for line in payload.splitlines():
        jsonschema.validate(json.loads(line), schema)


def test_the_first_bad_line_rejects_the_payload_and_is_named(
    session: CaseSession, clock: FrozenClock
) -> None:
    lines = _payload(session, clock).splitlines()
    person = lines[0]
    [registered] = [line for line in lines if b'"person.registered"' in line]
    [tested] = [line for line in lines if b'"test.performed"' in line]
    bad_payload = tested.replace(b'"result":"POSITIVE"', b'"result":"MAYBE"')
    cases = {
        b"\n".join([person, registered, b"{not json"]): "line 3: not JSON",
        b"\n".join([person, registered, bad_payload]): "line 3: payload of test.performed",
        b"\n".join([person, person]): "line 2: person",
        b"\n".join([registered, person]): "line 2: a person after the events",
        b"\n".join([person, b'{"kind":"report"}']): "line 2: ",
        b"\n".join([person, b"x" * (MAX_LINE_BYTES + 1)]): "line 2: longer than",
    }
    for payload, detail in cases.items():
        with pytest.raises(BundleRejected) as rejected:
            read_records(payload + b"\n")
        assert rejected.value.code == "record"
        assert rejected.value.detail.startswith(detail), rejected.value.detail


@settings(max_examples=200, deadline=None)
@given(garbage=st.binary(min_size=1, max_size=300))
def test_arbitrary_lines_are_rejected_with_a_line_number(garbage: bytes) -> None:
    with pytest.raises(BundleRejected) as rejected:
        read_records(garbage)
    assert rejected.value.code == "record"
    assert rejected.value.detail.startswith("line ")


def test_an_empty_payload_has_no_records() -> None:
    records = read_records(b"")
    assert (records.persons, records.events) == ([], [])


def test_the_fast_lines_of_an_export_equal_the_model_lines(session: CaseSession) -> None:
    """The export builds lines from raw rows; they must be exactly what the models give."""
    from caseterm.services.demo.demo_store import generate_persons
    from caseterm.services.sync.bundle_records import event_bytes, person_bytes

    generate_persons(session, 60, seed=11)
    add_person(session, person("Ngô Thị Lan", id_number="", id_type=None), confirm=True)
    with session.transaction() as tx:
        rows = list(tx.sync.unsent_person_rows())
        event_rows = list(tx.sync.unsent_event_rows())
        persons = [tx.persons.get(row[0]) for row in rows]
        events = [tx.events.get(row[0]) for row in event_rows]
    assert len(rows) == len(persons) == 61
    for stored, row in zip(persons, rows, strict=True):
        assert stored is not None
        assert json.loads(person_bytes(row)) == person_line(stored).model_dump(mode="json")
    for info, row in zip(events, event_rows, strict=True):
        assert info is not None
        assert json.loads(event_bytes(row)) == event_line(info).model_dump(mode="json")
    lines = b"".join(map(person_bytes, rows)) + b"".join(map(event_bytes, event_rows))
    assert len(read_records(lines).persons) == 61  # and the district's reader takes them
