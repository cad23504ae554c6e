"""Retention (legal spec P6, anchors T33): a closed case becomes read-only after the unit's
period, is archived encrypted to the district's key, and is purged from the laptop only once the
district holds it whole. Every step is audited; a purge names the person's id, nothing else.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caseterm.crypto.archive import open_archive
from caseterm.errors import NotFound, RefusedError, UsageError, ValidationFailed
from caseterm.services.custody.retention import (
    archive_closed,
    archive_records,
    purge_archived,
    retention_status,
    set_read_only_after,
)
from caseterm.services.custody.verify import verify_store
from caseterm.services.lifecycle.events import record_event, void_event
from caseterm.services.registry.person_view import retention_line
from caseterm.services.registry.persons import add_person, find_persons, show_person, update_person
from caseterm.services.sync.commune import import_ack
from tests.conftest import person
from tests.leakage.canaries import canary_record, hits_in
from tests.leakage.pages import decrypted_pages
from tests.sync.world import World

DAY = 24 * 3600
COMMUNE = "26734"


def _died(world: World, name: str) -> str:
    """A person who tested positive and then died: the case closes (S15)."""
    pid = world.add_person(COMMUNE, name, id_number=f"00109{abs(hash(name)) % 10**7:07d}")
    with world.open(world.communes[COMMUNE]) as session:
        record_event(session, pid, "person.died", {})
    return pid


def test_a_closed_case_is_open_to_corrections_then_read_only(world: World) -> None:
    pid = _died(world, "Lê Văn Đóng")
    with world.open(world.communes[COMMUNE]) as session:
        note = record_event(session, pid, "note.added", {"text": "bổ sung"})  # still open
        assert "corrections until" in retention_line(show_person(session, pid))
        with pytest.raises(ValidationFailed):
            set_read_only_after(session, 0)
        set_read_only_after(session, 30)
    world.clock.advance(31 * DAY)
    with world.open(world.communes[COMMUNE]) as session:
        found = show_person(session, pid)  # reading goes on
        assert retention_line(found).startswith("READ-ONLY: closed on")
        with pytest.raises(RefusedError, match="read-only after 30 days"):
            record_event(session, pid, "note.added", {"text": "muộn"})
        with pytest.raises(RefusedError, match="read-only"):
            void_event(session, note.event_id, "nhầm")
        changed = person("Lê Văn Đóng", village="Thôn 9")
        with pytest.raises(RefusedError, match="read-only"):
            update_person(session, pid, changed, expected_version=found.person.version)
        status = retention_status(session)
        with session.transaction() as tx:
            actions = [entry.action for entry in tx.audit.recent(40)]
    assert (status.read_only, status.closed) == ([pid], 0)
    assert "retention.settings" in actions


def test_a_read_only_file_still_takes_a_new_episode(world: World) -> None:
    """A person whose case closed years ago tests positive again: a new episode, not a fix."""
    pid = world.add_person(COMMUNE, "Lê Văn Trở", id_number="001190000088")
    with world.open(world.communes[COMMUNE]) as session:
        record_event(session, pid, "person.moved_out", {"destination": "Xã Tân Bình"})
    world.clock.advance(100 * DAY)
    with world.open(world.communes[COMMUNE]) as session:
        assert retention_status(session).read_only == [pid]
        with pytest.raises(RefusedError, match="read-only"):
            record_event(session, pid, "note.added", {"text": "sửa"})
        positive = {"ground": "h", "sample": "URINE", "result": "POSITIVE"}
        record_event(session, pid, "test.performed", positive)
        assert retention_status(session).read_only == []  # open again


def test_archived_then_purged_only_once_the_district_holds_the_file(world: World) -> None:
    closed = _died(world, "Lê Văn Đóng")
    kept = world.add_person(COMMUNE, "Phạm Thị Còn", id_number="001190000077")
    world.clock.advance(91 * DAY)
    out = world.root / "luu-tru.age"
    with world.open(world.communes[COMMUNE]) as session:
        assert purge_archived(session) == []  # nothing archived: nothing goes
        made = archive_closed(session, out)
        with pytest.raises(RefusedError, match="No read-only"):
            archive_closed(session, world.root / "again.age")
        assert purge_archived(session) == []  # archived, but the district has nothing yet
    assert made.persons == 1 and out.stat().st_mode & 0o777 == 0o600
    assert "Đóng".encode() not in out.read_bytes() and not (world.root / "again.age").exists()
    with world.open(world.district) as session, session.transaction() as tx:
        identity = tx.district.age_keys()[0][1]
    header, records = archive_records(open_archive(out.read_bytes(), identity))
    assert (header["unit"], header["persons"]) == (COMMUNE, 1)
    assert {r["id"] for r in records if r["kind"] == "person"} == {closed}
    assert {r["type"] for r in records if r["kind"] == "event"} >= {"person.died"}

    [applied] = world.import_(world.export(COMMUNE, "2027-01"))
    assert applied.ack_path is not None
    with world.open(world.communes[COMMUNE]) as session:
        import_ack(session, applied.ack_path)
        assert purge_archived(session) == [closed]
        with pytest.raises(NotFound):
            show_person(session, closed)
        assert show_person(session, kept).person.record.full_name == "Phạm Thị Còn"
        assert find_persons(session, "dong").persons == []  # gone from the search index too
        status = retention_status(session)
        report = verify_store(session)
        with session.transaction() as tx:
            purges = [e for e in tx.audit.recent(30) if e.action == "person.purge"]
    assert status.purged == 1 and report.ok
    assert [(e.object_id, sorted(e.details)) for e in purges] == [(closed, ["archive", "events"])]
    assert "Đóng" not in json.dumps([e.details for e in purges], ensure_ascii=False)
    with world.open(world.district) as session:  # the district keeps the file
        assert show_person(session, closed).person.id == closed


def test_an_archive_needs_a_key(world: World, tmp_path: Path) -> None:
    _died(world, "Lê Văn Đóng")
    world.clock.advance(91 * DAY)
    with world.open(world.communes[COMMUNE]) as session, pytest.raises(UsageError, match="age1"):
        archive_closed(session, tmp_path / "x.age", recipient="not-a-key")
    assert not (tmp_path / "x.age").exists()


def test_t33_a_purged_file_leaves_no_trace_in_any_page(world: World) -> None:
    """T33: after the purge and its checkpoint, no page of the store — free pages included —
    holds the purged person's name, alias or notes; a person still there is found (control)."""
    with world.open(world.communes[COMMUNE]) as session:
        gone = add_person(session, canary_record(0), confirm=True)
        record_event(session, gone, "note.added", {"text": canary_record(1).full_name})
        record_event(session, gone, "person.died", {})
        add_person(session, canary_record(5), confirm=True)
    world.clock.advance(91 * DAY)
    with world.open(world.communes[COMMUNE]) as session:
        archive_closed(session, world.root / "a.age")
    [applied] = world.import_(world.export(COMMUNE, "2027-01"))
    assert applied.ack_path is not None
    with world.open(world.communes[COMMUNE]) as session:
        import_ack(session, applied.ack_path)
        assert purge_archived(session) == [gone]
        key = session.unlocked.data_key
    pages = decrypted_pages(world.communes[COMMUNE], key)  # the purge checkpointed the WAL
    assert canary_record(5).full_name.split()[-1] in hits_in(pages)  # the control: kept is there
    purged = {canary_record(0).full_name.split()[-1], canary_record(1).full_name.split()[-1]}
    purged |= set(canary_record(0).aliases)
    assert purged & set(hits_in(pages)) == set()


def test_a_file_changed_after_its_archive_is_archived_again_before_any_purge(world: World) -> None:
    """A negative test recorded on a read-only file after it was archived: the archive no
    longer holds the file whole, so the purge leaves it (the event restarts the correction
    period), and once read-only again the next archive takes it whole."""
    closed = world.add_person(COMMUNE, "Lê Văn Đi", id_number="001190000099")
    with world.open(world.communes[COMMUNE]) as session:
        record_event(session, closed, "person.moved_out", {"destination": "Xã Tân Bình"})
    world.clock.advance(100 * DAY)
    with world.open(world.communes[COMMUNE]) as session:
        archive_closed(session, world.root / "first.age")
        negative = {"ground": "h", "sample": "URINE", "result": "NEGATIVE"}
        record_event(session, closed, "test.performed", negative)
    [applied] = world.import_(world.export(COMMUNE, "2027-01"))
    assert applied.ack_path is not None
    with world.open(world.communes[COMMUNE]) as session:
        import_ack(session, applied.ack_path)
        status = retention_status(session)
        assert purge_archived(session) == []  # the archive lacks the new event
    world.clock.advance(91 * DAY)
    with world.open(world.communes[COMMUNE]) as session:
        again = archive_closed(session, world.root / "second.age")
        assert purge_archived(session) == [closed]
    assert (status.closed, status.archived, again.persons) == (1, [], 1)
