"""T01 and T38: routine edits killed with SIGKILL, and the checks after each kill.

A child forked by `Killer` opens the store and makes random routine edits — register a person,
record an event, correct a record, void an event — reporting each one that returned (the commit
was acknowledged). The shim kills it just before the file operation the test chose; the test
then reopens the store and checks: integrity and cipher integrity clean, the audit chain whole,
every acknowledged change present, and every change and its audit entry together (none without
the other). Used by `test_edit_kill.py` (T01, T38), `test_power_loss.py` (T04) and
`scripts/soak.py` (longer runs).
"""

from __future__ import annotations

import random
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from caseterm.clock import FrozenClock
from caseterm.errors import PermissionDenied, RefusedError
from caseterm.services.keys.opening import open_session
from caseterm.services.lifecycle.events import record_event, void_event
from caseterm.services.registry.persons import add_person, show_person, update_person
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.policy import TEST_POLICY
from caseterm.store.database import Tx
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, person
from tests.reliability.kill import Killer, every
from tests.sync.world import copy_store

OCCUPATIONS = ("Làm ruộng", "Thợ xây", "Buôn bán", "Lái xe", "Tự do")
TEST_EVENT = {"ground": "h", "sample": "URINE", "result": "NEGATIVE"}
EDITS = 400
"""Edits a killed child would make: far more than the kill points, which come from a dry run of
a few dozen, so every kill lands inside the edits."""


@dataclass(frozen=True)
class Trial:
    """What one killed child acknowledged before it died."""

    acknowledged: list[tuple[str, str]]
    """(kind, id) in order: person/pid, event/eid, update/"pid:version", void/eid."""
    finished: bool
    """True when the child ran out of edits before the kill landed."""


def _edit(session: CaseSession, rng: random.Random, persons: list[str], events: list[str]) -> str:
    """One routine edit; returns its acknowledgement line."""
    kind = rng.choices(("person", "event", "update", "void"), weights=(2, 5, 3, 1))[0]
    if kind == "person" or not persons:
        pid = add_person(session, person(f"Trần Văn Số{rng.randrange(10**6)}"), confirm=True)
        persons.append(pid)
        return f"person {pid}"
    pid = rng.choice(persons)
    if kind == "update":
        found = show_person(session, pid).person
        changed = replace(found.record, occupation=rng.choice(OCCUPATIONS) + str(found.version))
        update_person(session, pid, changed, expected_version=found.version, confirm=True)
        return f"update {pid}:{found.version + 1}"
    if kind == "void" and events:
        event_id = events.pop(rng.randrange(len(events)))
        void_event(session, event_id, "ghi nhầm")
        return f"void {event_id}"
    recorded = record_event(session, pid, "test.performed", TEST_EVENT)
    events.append(recorded.event_id)
    return f"event {recorded.event_id}"


def edit(report: Callable[[str], None], store: str, seed: str, edits: str) -> None:
    """A `Killer` target: open `store` and make `edits` random routine edits, reporting each
    one that returned (its commit was acknowledged)."""
    rng = random.Random(int(seed))
    session = open_session(
        Path(store), ADMIN, ADMIN_PASSPHRASE, policy=TEST_POLICY, clock=FrozenClock()
    )
    with session.transaction(durable=False) as tx:
        persons = tx.persons.all_ids()
        events = [
            e.id for pid in persons for e in tx.events.of_person(pid) if e.type == "test.performed"
        ]
    for _ in range(int(edits)):
        try:
            line = _edit(session, rng, persons, events)
        except RefusedError as refused:  # e.g. a test result the lifecycle refuses: no write
            if isinstance(refused, PermissionDenied):
                raise
            continue
        report(line)
    session.close()


EDIT = "tests.reliability.edits:edit"
"""The target's name for `Killer.run`."""


def kill_during_edits(killer: Killer, store: Path, seed: int, kill_at: int, **log: Path) -> Trial:
    """Edit `store` in a child killed before its `kill_at`-th operation under the store's folder
    (`undo_log=` keeps the power-cut log); what it acknowledged before it died."""
    run = killer.run(EDIT, store, seed, EDITS, folder=store.parent, kill_at=kill_at, **log)
    acknowledged = [(kind, ident) for kind, ident in every(run.lines)]
    return Trial(acknowledged, run.ended == "done")


def operations_of_edits(killer: Killer, store: Path, edits: int) -> int:
    """How many operations `edits` routine edits make on a copy of `store` (a dry run)."""
    copy = copy_store(store, store.parent.parent / "dry-run" / store.name)
    operations = killer.count(EDIT, copy, 0, edits, folder=copy.parent)
    shutil.rmtree(copy.parent)
    return operations


def check_after_kill(store: Path, trial: Trial) -> Counter[str]:
    """T01 and T38 after one kill; returns the counts of what the store holds."""
    session = open_session(store, ADMIN, ADMIN_PASSPHRASE, policy=TEST_POLICY, clock=FrozenClock())
    try:
        assert session.store.integrity_problems() == []
        with session.transaction(durable=False) as tx:
            _entries, fault = tx.audit.verify()
            assert fault is None, fault
            return _changes_match_their_entries(tx, trial)
    finally:
        session.close()


def _changes_match_their_entries(tx: Tx, trial: Trial) -> Counter[str]:
    """Every acknowledged change is there, and changes and audit entries pair one to one."""
    audited: Counter[tuple[str, str]] = Counter()
    for entry, _hash in tx.audit.entries():
        if entry.action in ("person.create", "person.update"):
            audited[(entry.action, entry.object_id)] += 1
        elif entry.action in ("event.record", "event.void"):
            audited[(entry.action, str(entry.details["event"]))] += 1
    stored: Counter[tuple[str, str]] = Counter()
    versions: dict[str, int] = {}
    for pid in tx.persons.all_ids():
        found = tx.persons.get(pid)
        assert found is not None
        versions[pid] = found.version
        stored[("person.create", pid)] += 1
        stored[("person.update", pid)] += found.version - 1
        for event in tx.events.of_person(pid):
            if event.type == "test.performed":
                stored[("event.record", event.id)] += 1
            elif event.type == "event.voided":
                stored[("event.void", str(event.payload["event"]))] += 1
            elif event.type == "person.updated":
                stored[("person.updated", pid)] += 1
    # T38: an update is a new version, a person.updated event and an entry, all or none.
    for pid, version in versions.items():
        assert stored[("person.updated", pid)] == version - 1, pid
        del stored[("person.updated", pid)]
    assert +stored == +audited, "a change without its audit entry, or an entry without its change"
    for kind, ident in trial.acknowledged:  # T01: nothing acknowledged is lost
        if kind == "update":
            updated, at_least = ident.split(":")
            assert versions[updated] >= int(at_least), ident
        else:
            action = {"person": "person.create", "event": "event.record", "void": "event.void"}
            assert audited[(action[kind], ident)] == 1, ident
    return Counter({"persons": len(versions), "entries": sum(audited.values())})
