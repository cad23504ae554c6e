"""The open deadlines stored as rows beside each projection (the today list's source)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import text

from caseterm.clock import FrozenClock
from caseterm.services.custody.verify import verify_store
from caseterm.services.lifecycle.due import due_list
from caseterm.services.lifecycle.events import record_event
from caseterm.services.registry.persons import add_person
from caseterm.services.session.case_session import CaseSession
from tests.conftest import person

URINE = {"ground": "h", "sample": "URINE", "result": "POSITIVE"}


def _positive(session: CaseSession, clock: FrozenClock) -> str:
    """A person with a positive test: registration and notice deadlines open."""
    person_id = add_person(session, person(), confirm=True)
    when = clock.now() - timedelta(hours=30)
    record_event(session, person_id, "test.performed", URINE, occurred_at=when)
    return person_id


def _engine(session: CaseSession) -> Any:
    return session.store._engine


def test_deadline_rows_equal_the_summary_and_follow_each_event(
    session: CaseSession, clock: FrozenClock
) -> None:
    person_id = _positive(session, clock)
    with session.transaction() as tx:
        stored = tx.states.get(person_id)
    assert stored is not None and stored.deadlines
    summary = [(d["key"], d["code"], d["due_at"]) for d in stored.summary["deadlines"]]
    assert [(d.key, d.code, d.due_at) for d in stored.deadlines] == summary
    listed = due_list(session)
    assert {item.key for item in listed.overdue + listed.today} >= {
        d.key for d in stored.deadlines if d.due_at <= stored.as_of
    }
    record_event(
        session,
        person_id,
        "residence.verified",
        {"result": "STABLE", "criterion": "REGISTERED_ADDRESS"},
        occurred_at=clock.now() - timedelta(hours=1),
    )
    with session.transaction() as tx:
        again = tx.states.get(person_id)
    assert again is not None
    assert [d.key for d in again.deadlines] == [d["key"] for d in again.summary["deadlines"]]
    assert verify_store(session).ok


@pytest.mark.parametrize(
    "tampering",
    [
        "UPDATE person_deadline SET due_at = '2099-01-01T00:00:00.000000Z'",
        "UPDATE person_deadline SET full_name = 'Someone else'",
        "UPDATE person_state SET watch = 'PSYCHOSIS'",
    ],
    ids=["deadline moment", "name copied into a deadline", "close-watch reason"],
)
def test_verify_finds_a_projection_column_that_was_changed(
    session: CaseSession, clock: FrozenClock, tampering: str
) -> None:
    person_id = _positive(session, clock)
    assert verify_store(session).ok
    with _engine(session).begin() as connection:
        connection.execute(text(tampering))
    assert verify_store(session).projection_mismatches == [person_id]


def test_renaming_a_person_renames_their_deadlines(
    session: CaseSession, clock: FrozenClock
) -> None:
    from caseterm.services.registry.persons import show_person, update_person

    person_id = _positive(session, clock)
    current = show_person(session, person_id).person
    update_person(
        session,
        person_id,
        replace(current.record, full_name="Lê Thị Bình"),
        expected_version=current.version,
        confirm=True,
    )
    listed = due_list(session)
    assert {item.full_name for item in listed.overdue + listed.today} == {"Lê Thị Bình"}
    assert verify_store(session).ok


def test_migration_copies_the_deadlines_of_existing_projections(
    session: CaseSession, clock: FrozenClock
) -> None:
    from alembic import command

    from caseterm.store.migrate import alembic_config

    person_id = _positive(session, clock)
    with session.transaction() as tx:
        before = tx.states.get(person_id)
    assert before is not None
    with _engine(session).begin() as connection:
        command.downgrade(alembic_config(connection), "0003_list_filters")
    with _engine(session).begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    with session.transaction() as tx:
        after = tx.states.get(person_id)
    assert after is not None
    assert after.deadlines == before.deadlines
    assert verify_store(session).ok
