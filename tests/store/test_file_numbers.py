"""Issue 21 item 2: every person of a commune has a file number that names them everywhere.

The short id printed before was the UUIDv7's millisecond: persons registered in the same
millisecond (an import, the demo) shared it and every command refused it as ambiguous.
"""

from __future__ import annotations

from collections import Counter

from caseterm.services.demo.demo_store import generate_persons
from caseterm.services.lifecycle.due import due_list
from caseterm.services.registry.persons import add_person, find_persons, show_person
from caseterm.services.session.case_session import CaseSession
from caseterm.services.words.labels import file_label
from caseterm.store.migrate import alembic_config
from tests.conftest import person


def _labels(session: CaseSession) -> dict[str, str]:
    with session.transaction(durable=False) as tx:
        everyone = tx.persons.page(offset=0, limit=1000)
    return {p.id: file_label(p.file_no, p.id) for p in everyone}


def test_persons_made_in_one_millisecond_each_have_a_number_that_works_everywhere(
    session: CaseSession,
) -> None:
    generate_persons(session, 40)
    labels = _labels(session)
    same_millisecond = Counter(pid[:13] for pid in labels)
    assert max(same_millisecond.values()) > 1, "the bulk path makes ids in one millisecond"
    assert sorted(labels.values()) == [f"HS-{n:06d}" for n in range(1, 41)]
    for pid, shown in list(labels.items())[:10]:
        assert show_person(session, shown).person.id == pid
        assert show_person(session, shown.lower().replace("-", " ")).person.id == pid
        [found] = find_persons(session, shown).persons
        assert found.id == pid


def test_a_number_is_never_given_twice_even_after_a_purge(session: CaseSession) -> None:
    first = add_person(session, person("Lê Văn Một", id_number="001090000001"), confirm=True)
    second = add_person(session, person("Lê Văn Hai", id_number="001090000002"), confirm=True)
    with session.transaction() as tx:
        tx.persons.purge(second)
    third = add_person(session, person("Lê Văn Ba", id_number="001090000003"), confirm=True)
    labels = _labels(session)
    assert (labels[first], labels[third]) == ("HS-000001", "HS-000003")


def test_the_today_list_tells_namesakes_apart_and_groups_a_persons_duties(
    session: CaseSession,
) -> None:
    """Two "Nguyễn Văn An" born the same day, tested the same morning: each line says which is
    which (file number, village, the ID's last digits)."""
    from caseterm.services.lifecycle.due import by_person
    from caseterm.services.lifecycle.events import record_event

    urine = {"ground": "h", "sample": "URINE", "result": "POSITIVE"}
    ids = [
        add_person(session, person(id_number=number, village=village), confirm=True)
        for number, village in (("001090111111", "Thôn Đông"), ("001090222222", "Thôn Tây"))
    ]
    for pid in ids:
        record_event(session, pid, "test.performed", urine)
    found = due_list(session)
    tags = [found.tags[pid] for pid in ids]
    assert tags[0] == "HS-000001 · 12/03/1990 · Thôn Đông · …1111"
    assert tags[1] == "HS-000002 · 12/03/1990 · Thôn Tây · …2222"
    listed = found.overdue + found.today + found.upcoming
    lines = by_person(listed)
    assert sorted(first.person_id or "" for first, _others in lines) == sorted(ids)
    assert sum(1 + len(others) for _first, others in lines) == len(listed)


def test_the_migration_numbers_existing_persons_in_registration_order(
    session: CaseSession,
) -> None:
    """0017 gives the persons already in a store the numbers of their registration order."""
    from alembic import command

    generate_persons(session, 12)
    before = _labels(session)
    engine = session.store._engine
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0016_term_ends_setting")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    assert _labels(session) == before
    with session.transaction(durable=False) as tx:
        rows = tx.persons.page(offset=0, limit=100)
        nums = dict(tx.persons._raw("SELECT id, num FROM person", ()))
    by_registration = sorted(rows, key=lambda p: nums[p.id])
    assert [p.file_no for p in by_registration] == list(range(1, 13))
    added = add_person(session, person("Lê Văn Mới", id_number="001090999999"), confirm=True)
    assert _labels(session)[added] == "HS-000013"
