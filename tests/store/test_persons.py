"""The person registry through the services: duplicates, overrides, search, updates, audit."""

from __future__ import annotations

import pytest

from caseterm.crypto.kdf import KdfPolicy
from caseterm.domain.codes import IdType, Role, Sex
from caseterm.domain.dates import PartialDate
from caseterm.errors import NeedsConfirmation, PermissionDenied, RefusedError, ValidationFailed
from caseterm.services.accounts.manage import add_account
from caseterm.services.keys.opening import open_session
from caseterm.services.registry.persons import (
    add_person,
    find_persons,
    list_persons,
    show_person,
    update_person,
)
from caseterm.services.session.case_session import CaseSession
from tests.conftest import OFFICER, OFFICER_PASSPHRASE, person


def _audit_actions(session: CaseSession) -> list[str]:
    with session.transaction() as tx:
        return [entry.action for entry, _hash in tx.audit.entries()]


def test_add_show_and_timeline(session: CaseSession) -> None:
    pid = add_person(session, person(aliases=("Tí",)))
    shown = show_person(session, pid)
    assert shown.person.record.full_name == "Nguyễn Văn An"
    assert shown.person.record.aliases == ("Tí",)
    assert [event.type for event in shown.events] == ["person.registered"]
    assert show_person(session, pid[:13]).person.id == pid  # a unique prefix is enough


def test_duplicates_need_confirmation(session: CaseSession) -> None:
    add_person(session, person())
    same_name = person("Nguyen Van An", id_number="", id_type=None, birth=PartialDate(1991))
    with pytest.raises(NeedsConfirmation, match="possible duplicate"):
        add_person(session, same_name)
    with pytest.raises(NeedsConfirmation):
        add_person(session, person("Trần Văn Bình"))  # same ID number
    add_person(session, same_name, confirm=True)
    assert len(find_persons(session, "an nguyen").persons) == 2


def test_errors_refuse_and_nothing_is_written(session: CaseSession) -> None:
    before = _audit_actions(session)
    with pytest.raises(ValidationFailed):
        add_person(session, person(id_number="123"))
    assert list_persons(session)[1] == 0
    assert "person.create" not in _audit_actions(session)[len(before) :]


def test_supervised_warning_needs_a_chief(session: CaseSession, policy: KdfPolicy) -> None:
    mismatched = person(birth=PartialDate(1985, 1, 1))  # CCCD says 1990
    add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    officer = open_session(session.files.store, OFFICER, OFFICER_PASSPHRASE, policy=policy)
    try:
        with pytest.raises(PermissionDenied, match="Only a chief"):
            add_person(officer, mismatched, confirm=True)
    finally:
        officer.close()
    pid = add_person(session, mismatched, confirm=True)  # the session is admin + chief
    registered = show_person(session, pid).events[0]
    assert registered.payload["overridden_warnings"] == ["cccd.birth_year_mismatch"]


def test_search_by_folded_name_any_order_alias_and_id_prefix(session: CaseSession) -> None:
    add_person(session, person("Nguyễn Văn An", aliases=("Tèo",)))
    add_person(session, person("Trần Thị Bình", sex=Sex.FEMALE, id_number="036190000001"))
    add_person(session, person("Lê Văn Đạt", id_type=IdType.PASSPORT, id_number="B1234567"))

    def names(query: str) -> list[str]:
        return [p.full_name for p in find_persons(session, query).persons]

    assert names("nguyen van an") == ["Nguyễn Văn An"]
    assert names("an nguyen") == ["Nguyễn Văn An"]
    assert names("NGUYỄN") == ["Nguyễn Văn An"]
    assert names("teo") == ["Nguyễn Văn An"]
    assert names("ng v") == ["Nguyễn Văn An"]  # prefixes of every word
    assert names("dat") == ["Lê Văn Đạt"]
    assert names("0361") == ["Trần Thị Bình"]
    assert names("b123") == ["Lê Văn Đạt"]
    assert names("xyz") == []
    assert names("   ") == []


def test_list_is_in_register_order(session: CaseSession) -> None:
    for name, number in (
        ("Trần Văn Bình", "001090000001"),
        ("Nguyễn Văn An", "001090000002"),
        ("Lê Thị Ánh", "001190000003"),
    ):
        sex = Sex.FEMALE if "Thị" in name else Sex.MALE
        add_person(session, person(name, id_number=number, sex=sex))
    page, total = list_persons(session)
    assert total == 3
    assert [p.full_name for p in page] == ["Nguyễn Văn An", "Lê Thị Ánh", "Trần Văn Bình"]


def test_update_records_changed_fields_and_detects_concurrent_edits(session: CaseSession) -> None:
    pid = add_person(session, person())
    current = show_person(session, pid).person
    changed = update_person(
        session,
        pid,
        person(village="Thôn Đoài", phone="0912345678"),
        expected_version=current.version,
    )
    assert sorted(changed) == ["phone", "village"]
    events = show_person(session, pid).events
    assert events[-1].type == "person.updated"
    assert events[-1].payload["fields"] == ["village", "phone"]
    assert "Thôn Đoài" not in str(events[-1].payload)  # events name fields, not values
    with pytest.raises(RefusedError, match="changed this record meanwhile"):
        update_person(session, pid, person(village="Thôn Hạ"), expected_version=current.version)
    assert find_persons(session, "an").persons[0].village == "Thôn Đoài"


def test_every_read_and_change_is_audited_without_personal_data(session: CaseSession) -> None:
    """T37 (sample): each read, search and change leaves one entry; none holds personal data."""
    pid = add_person(session, person())
    show_person(session, pid)
    find_persons(session, "nguyen")
    list_persons(session)
    actions = _audit_actions(session)
    for action in (
        "person.create",
        "person.read",
        "person.search",
        "person.list",
        "session.unlock",
    ):
        assert action in actions
    with session.transaction() as tx:
        dump = " ".join(str(entry) for entry, _hash in tx.audit.entries())
    for secret in ("Nguyễn", "nguyen", "001090123456", "Thôn Đông"):
        assert secret not in dump
    count, fault = _verify(session)
    assert fault is None
    assert count == len(actions)


def _verify(session: CaseSession) -> tuple[int, object]:
    with session.transaction() as tx:
        return tx.audit.verify()


def test_too_many_matches_are_flagged_not_ordered(
    session: CaseSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    from caseterm.store import person_search as repo

    monkeypatch.setattr(repo, "MAX_ORDERED_MATCHES", 3)
    for index, given in enumerate(("An", "Anh", "Ân", "Ấn", "Ánh")):
        add_person(
            session, person(f"Nguyễn Văn {given}", id_number=f"00109000001{index}"), confirm=True
        )
    few = find_persons(session, "anh")
    assert few.complete
    assert [p.full_name for p in few.persons] == ["Nguyễn Văn Anh", "Nguyễn Văn Ánh"]
    many = find_persons(session, "an", limit=2)
    assert not many.complete
    assert len(many.persons) == 2
    assert find_persons(session, "a").persons == []  # one letter is not a search yet
