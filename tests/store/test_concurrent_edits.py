"""T19: concurrent edits never silently lose data.

In caseterm the two laptops of the checklist are two officers' processes on one commune store
(the district never edits a commune's records; T14 covers what crosses between stores). 1,000
generated pairs of concurrent edits to the same file, through two sessions: each pair is read by
both, then both save. Corrections carry the version they were made from, so the second save of
the same version is refused in words ("someone changed this record meanwhile") and the officer
still holds their typed record to re-apply; test results and other events are appended, so both
are kept; two voids of one event leave one void and a refusal. The first to commit is the
displayed winner, every time. After every pair: each save that returned is stored, each refused
one changed nothing, and the audit log holds exactly one entry per stored change.
"""

from __future__ import annotations

import os
import random
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.domain.codes import Role
from caseterm.errors import RefusedError
from caseterm.services.accounts.manage import add_account
from caseterm.services.keys.opening import open_session
from caseterm.services.lifecycle.events import record_event, void_event
from caseterm.services.registry.persons import add_person, show_person, update_person
from caseterm.services.session.case_session import CaseSession
from tests.conftest import OFFICER, OFFICER_PASSPHRASE, person

PAIRS = int(os.environ.get("CASETERM_T19_PAIRS", "1000"))
KINDS = ("correct/correct", "correct/event", "event/event", "void/void")
TEST = {"ground": "h", "sample": "URINE", "result": "NEGATIVE"}


def _head(session: CaseSession) -> int:
    with session.transaction(durable=False) as tx:
        return tx.audit.head()[0]


def _audited_since(session: CaseSession, head: int) -> Counter[str]:
    """The audit entries written after entry `head`, by action."""
    with session.transaction(durable=False) as tx:
        return Counter(entry.action for entry, _hash in tx.audit.entries(after=head))


def _correct(session: CaseSession, pid: str, seen: int, occupation: str) -> bool:
    """Save a correction made from version `seen`; False when it was refused."""
    record = replace(show_person(session, pid).person.record, occupation=occupation)
    try:
        update_person(session, pid, record, expected_version=seen, confirm=True)
    except RefusedError:
        return False
    return True


@pytest.mark.slow
def test_t19_a_thousand_concurrent_pairs_lose_nothing_and_overwrite_nothing(
    session: CaseSession, new_store: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    other = open_session(new_store, OFFICER, OFFICER_PASSPHRASE, policy=policy, clock=clock)
    rng = random.Random(19)
    persons = [
        add_person(session, person(f"Lê Văn Số{n}", id_number=f"001090{n:06d}"), confirm=True)
        for n in range(20)
    ]
    events = {pid: [] for pid in persons}  # type: dict[str, list[str]]
    kinds: Counter[str] = Counter()
    try:
        for pair in range(PAIRS):
            kind, pid = rng.choice(KINDS), rng.choice(persons)
            kinds[kind] += 1
            before = _head(session)
            seen = show_person(session, pid).person.version  # both officers open the file
            assert show_person(other, pid).person.version == seen
            if kind == "correct/correct":
                first, second = f"Nghề A{pair}", f"Nghề B{pair}"
                assert _correct(session, pid, seen, first)
                assert not _correct(other, pid, seen, second)  # told, not overwritten
                stored = show_person(other, pid).person
                assert (stored.version, stored.record.occupation) == (seen + 1, first)
                assert _correct(other, pid, stored.version, second)  # re-applied on the new one
                assert show_person(session, pid).person.record.occupation == second
                expected = {"person.update": 2}
            elif kind == "correct/event":
                assert _correct(session, pid, seen, f"Nghề C{pair}")
                events[pid].append(record_event(other, pid, "test.performed", TEST).event_id)
                assert show_person(other, pid).person.version == seen + 1
                expected = {"person.update": 1, "event.record": 1}
            elif kind == "event/event":
                for editor in (session, other):
                    events[pid].append(record_event(editor, pid, "test.performed", TEST).event_id)
                expected = {"event.record": 2}
            else:
                if not events[pid]:
                    events[pid].append(record_event(session, pid, "test.performed", TEST).event_id)
                    before = _head(session)
                target = events[pid].pop()
                void_event(session, target, "ghi nhầm")
                with pytest.raises(RefusedError):
                    void_event(other, target, "ghi nhầm lần hai")
                expected = {"event.void": 1}
            changes = _audited_since(session, before)
            stored_changes = {k: v for k, v in changes.items() if k in expected}
            assert stored_changes == expected, (pair, kind, changes)
        with session.transaction(durable=False) as tx:
            for pid in persons:  # every test result recorded and not voided is still there
                kept = {e.id for e in tx.events.of_person(pid) if e.type == "test.performed"}
                assert set(events[pid]) <= kept, pid
    finally:
        other.close()
    assert all(kinds[kind] > PAIRS // 10 for kind in KINDS), kinds
