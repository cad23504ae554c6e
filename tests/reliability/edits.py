"""T01 and T38: routine edits killed with SIGKILL, and the checks after each kill.

A forked child opens the store and makes random routine edits — register a person, record an
event, correct a record, void an event — telling the parent through a pipe after each one that
returned (the commit was acknowledged). The parent kills it 1–50 ms in, then reopens the store
and checks: integrity and cipher integrity clean, the audit chain whole, every acknowledged
change present, and every change and its audit entry together (none without the other).

Forking from a process that already imported caseterm makes a trial cost milliseconds rather
than an interpreter start; the parent holds no connection while it forks. Used by
`tests/reliability/test_edit_kill.py` (200 kills in CI) and `scripts/soak.py` (longer runs).
"""

from __future__ import annotations

import os
import random
import signal
import time
import traceback
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from caseterm.clock import FrozenClock
from caseterm.errors import PermissionDenied, RefusedError
from caseterm.services.lifecycle import record_event, void_event
from caseterm.services.persons import add_person, show_person, update_person
from caseterm.services.policy import TEST_POLICY
from caseterm.services.session import CaseSession
from caseterm.services.unlock import open_session
from caseterm.store.database import Tx
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, person

OCCUPATIONS = ("Làm ruộng", "Thợ xây", "Buôn bán", "Lái xe", "Tự do")
TEST_EVENT = {"ground": "h", "sample": "URINE", "result": "NEGATIVE"}


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


def _child(store: Path, write_fd: int, seed: int, edits: int) -> None:
    """The child's whole life: open, say ready, edit until killed (or done)."""
    rng = random.Random(seed)
    session = open_session(store, ADMIN, ADMIN_PASSPHRASE, policy=TEST_POLICY, clock=FrozenClock())
    with session.transaction(durable=False) as tx:
        persons = tx.persons.all_ids()
        events = [
            e.id for pid in persons for e in tx.events.of_person(pid) if e.type == "test.performed"
        ]
    os.write(write_fd, b"ready\n")
    for _ in range(edits):
        try:
            line = _edit(session, rng, persons, events)
        except RefusedError as refused:  # e.g. a test result the lifecycle refuses: no write
            if isinstance(refused, PermissionDenied):
                raise
            continue
        os.write(write_fd, line.encode() + b"\n")
    os.write(write_fd, b"finished\n")
    session.close()


def kill_during_edits(store: Path, rng: random.Random, *, edits: int = 400) -> Trial:
    """Fork a child that edits `store`; SIGKILL it 1–50 ms after it is ready."""
    read_fd, write_fd = os.pipe()
    seed = rng.randrange(2**32)
    pid = os.fork()
    if pid == 0:  # the child: never returns into the test runner
        os.close(read_fd)
        code = 0
        try:
            _child(store, write_fd, seed, edits)
        except BaseException:
            traceback.print_exc()  # synthetic data only: shown when a child cannot start
            code = 1
        os._exit(code)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as pipe:
        assert pipe.readline() == b"ready\n", "the child did not open the store"
        time.sleep(rng.uniform(0.001, 0.050))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        lines = pipe.read().decode().splitlines()
    finished = lines[-1:] == ["finished"]
    acknowledged = [tuple(line.split(" ", 1)) for line in lines if line != "finished"]
    return Trial([(kind, ident) for kind, ident in acknowledged], finished)


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
