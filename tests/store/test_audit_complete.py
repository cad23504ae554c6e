"""T37: access logging is complete and free of personal data.

A seeded script of 200 actions — unlocks that succeed and fail, opening files, searches,
listings, events, voids, edits, reports and their export, due and close-watch lists, key
status, verify, backups, account changes — is run through the services the CLI and the TUI
use. Afterwards the audit log holds exactly the entries the script predicts, in order, each
with who (the acting account's id), what (an id, never a value), and when (UTC ISO 8601), and
no canary appears anywhere in the entries' text.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.domain.codes import Role
from caseterm.errors import AuthError
from caseterm.services.accounts.manage import add_account, list_accounts
from caseterm.services.custody.backup import create_backup
from caseterm.services.custody.verify import verify_store
from caseterm.services.keys.opening import open_session
from caseterm.services.keys.status import key_status
from caseterm.services.lifecycle.due import due_list
from caseterm.services.lifecycle.events import record_event, void_event
from caseterm.services.registry.persons import (
    add_person,
    find_persons,
    list_persons,
    show_person,
    update_person,
)
from caseterm.services.registry.watch import close_watch
from caseterm.services.reports.export import write_report
from caseterm.services.reports.monthly import monthly_report
from caseterm.services.reports.tables import commune_tables
from caseterm.services.session.case_session import CaseSession
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, OFFICER, OFFICER_PASSPHRASE
from tests.leakage.canaries import CANARIES, canary_record, hits_in

ACTIONS = 200
UTC_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")


@dataclass
class Script:
    """The store, the session at work, and the entries each action must leave."""

    store: Path
    policy: KdfPolicy
    clock: FrozenClock
    out: Path
    session: CaseSession
    expected: list[tuple[str, str]] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    made: int = 0

    def expect(self, *actions: str, by: str = ADMIN) -> None:
        self.expected += [(action, by) for action in actions]


def _unlock_with_failures(script: Script, rng: random.Random) -> None:
    """The officer mistypes 1–3 times, then unlocks and leaves: each failure is an entry."""
    failures = rng.randint(1, 3)
    for _ in range(failures):
        with pytest.raises(AuthError):
            open_session(script.store, OFFICER, "sai roi " * 3, policy=script.policy)
    open_session(script.store, OFFICER, OFFICER_PASSPHRASE, policy=script.policy).close()
    script.expect(
        *["session.unlock_failed"] * failures, "session.unlock", "session.close", by=OFFICER
    )


def _relock(script: Script, _rng: random.Random) -> None:
    script.session.close()
    script.session = open_session(
        script.store, ADMIN, ADMIN_PASSPHRASE, policy=script.policy, clock=script.clock
    )
    script.expect("session.close", "session.unlock")


def _add(script: Script, _rng: random.Random) -> None:
    script.persons.append(
        add_person(script.session, canary_record(len(script.persons)), confirm=True)
    )
    script.expect("person.duplicate_check", "person.create")


def _view(script: Script, rng: random.Random) -> None:
    show_person(script.session, rng.choice(script.persons))
    script.expect("person.read")


def _edit(script: Script, rng: random.Random) -> None:
    pid = rng.choice(script.persons)
    found = show_person(script.session, pid).person
    changed = replace(found.record, occupation=rng.choice(CANARIES))
    update_person(script.session, pid, changed, expected_version=found.version, confirm=True)
    script.expect("person.read", "person.duplicate_check", "person.update")


def _search(script: Script, rng: random.Random) -> None:
    find_persons(script.session, rng.choice(CANARIES).lower())
    script.expect("person.search")


def _list(script: Script, _rng: random.Random) -> None:
    list_persons(script.session)
    script.expect("person.list")


def _event(script: Script, rng: random.Random) -> None:
    payload = {"ground": "h", "sample": "URINE", "result": "NEGATIVE"}
    recorded = record_event(script.session, rng.choice(script.persons), "test.performed", payload)
    script.events.append(recorded.event_id)
    script.expect("event.record")


def _void(script: Script, _rng: random.Random) -> None:
    if not script.events:
        return _event(script, _rng)
    void_event(script.session, script.events.pop(), f"nhầm {CANARIES[0]}")
    script.expect("event.void")
    return None


def _report(script: Script, _rng: random.Random) -> None:
    report = monthly_report(script.session)
    script.made += 1
    write_report(
        script.session, report, commune_tables(report), "json", script.out / f"r{script.made}.json"
    )
    script.expect("report.monthly", "report.export")


def _lists(script: Script, _rng: random.Random) -> None:
    due_list(script.session)
    close_watch(script.session)
    script.expect("due.list", "watch.list")


def _admin(script: Script, _rng: random.Random) -> None:
    key_status(script.session)
    verify_store(script.session)
    list_accounts(script.session)
    script.expect("key.status", "store.verify", "account.list")


def _backup(script: Script, _rng: random.Random) -> None:
    script.made += 1
    create_backup(script.session, script.out / f"b{script.made}.ctbak")
    script.expect("backup.start", "backup.created")


def _account(script: Script, _rng: random.Random) -> None:
    script.made += 1
    name = f"canbo{script.made + 10}"
    add_account(script.session, name=name, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    script.expect("account.create")


STEPS: list[Callable[[Script, random.Random], None]] = [
    _unlock_with_failures,
    _relock,
    _add,
    _view,
    _view,
    _edit,
    _search,
    _search,
    _list,
    _event,
    _void,
    _report,
    _lists,
    _admin,
    _backup,
    _account,
]


def test_t37_two_hundred_actions_leave_exactly_their_entries_and_no_personal_data(
    new_store: Path, policy: KdfPolicy, clock: FrozenClock, tmp_path: Path
) -> None:
    opened = open_session(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    add_account(opened, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    with opened.transaction() as tx:
        start = tx.audit.head()[0]
        ids = {account.name: account.id for account in tx.accounts.all()}
    out = tmp_path / "out"
    out.mkdir()
    script = Script(new_store, policy, clock, out, opened)
    rng = random.Random(37)
    _add(script, rng)
    for _ in range(ACTIONS - 1):
        rng.choice(STEPS)(script, rng)
        clock.advance(rng.randint(1, 600))
    with script.session.transaction() as tx:
        entries = [entry for entry, _hash in tx.audit.entries(after=start)]
    script.session.close()
    assert [(e.action, e.account_id) for e in entries] == [
        (action, ids[by]) for action, by in script.expected
    ]
    assert len(entries) >= ACTIONS and all(UTC_ISO.match(entry.at) for entry in entries)
    kinds = Counter(entry.action for entry in entries)
    assert len(kinds) == 21 and min(kinds.values()) >= 3  # every kind of action, several times
    text = json.dumps([entry.canonical().decode() for entry in entries], ensure_ascii=False)
    assert hits_in(text.encode()) == []
