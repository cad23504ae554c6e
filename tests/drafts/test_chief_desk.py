"""Issue 22: decisions an officer drafts and the chief approves or rejects; the same ID twice.

Through the services, as the TUI and the CLI call them: the officer's and the chief's own
sessions on one store, a frozen clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock, utc_iso
from caseterm.crypto.kdf import KdfPolicy
from caseterm.domain.codes import Role
from caseterm.errors import ChiefNeeded, RefusedError, UsageError
from caseterm.services.accounts.manage import add_account
from caseterm.services.drafts.desk import (
    approve_draft,
    list_drafts,
    reject_draft,
    show_draft,
    waiting_count,
    withdraw_draft,
)
from caseterm.services.drafts.making import draft_event, draft_person
from caseterm.services.keys.opening import open_session
from caseterm.services.lifecycle.due import due_list
from caseterm.services.lifecycle.events import lifecycle_of, record_event
from caseterm.services.registry.persons import add_person, find_persons, show_person
from caseterm.services.session.case_session import CaseSession
from tests.conftest import OFFICER, OFFICER_PASSPHRASE, person
from tests.lifecycle import paths
from tests.lifecycle.life import Life, at
from tests.tui.officer import seed_life

DECISION = {"reason": "NEW", "decision_no": "04/QĐ", "officer": "Trần Văn An"}


@pytest.fixture
def officer(session: CaseSession, policy: KdfPolicy, clock: FrozenClock) -> Iterator[CaseSession]:
    """An officer's session on the chief's store (the fixture `session` is admin and chief)."""
    add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    opened = open_session(
        session.files.store, OFFICER, OFFICER_PASSPHRASE, policy=policy, clock=clock
    )
    yield opened
    opened.close()


def _notified(session: CaseSession, clock: FrozenClock) -> str:
    """A person tested, verified and told: the management decision (D03) is now due."""
    life = Life()
    paths.notified(life, "01/11/2026 07:00")
    pid = seed_life(session, clock, life)
    clock.current = at("01/11/2026 16:00")
    return pid


def test_an_officer_drafts_the_decision_and_the_chief_approves_it(
    session: CaseSession, officer: CaseSession, clock: FrozenClock
) -> None:
    pid = _notified(session, clock)
    with pytest.raises(ChiefNeeded):
        record_event(officer, pid, "mgmt.decided", DECISION)
    drafted = draft_event(officer, pid, "mgmt.decided", DECISION)
    # Nothing changes until the chief approves: no state, no deadline started.
    assert lifecycle_of(session, pid).status.value == "S2"
    [mine] = list_drafts(officer)
    assert (mine.info.id, mine.waiting, mine.stale) == (drafted.id, True, None)
    assert waiting_count(session) == 1 and waiting_count(officer) == 0
    due = due_list(session)
    assert due.drafts == {pid: ["mgmt.decided"]}  # the duty is still the station's, marked

    clock.advance(3600)
    signed_at = clock.now()
    event_id = approve_draft(session, drafted.id)
    file = show_person(session, pid)
    [event] = [e for e in file.events if e.id == event_id]
    assert event.type == "mgmt.decided"
    assert event.recorded_by == session.actor.id  # the chief's decision
    assert event.occurred_at == utc_iso(signed_at)  # dated when the chief signs
    assert file.lifecycle.status.value == "S3"
    [decided] = list_drafts(officer)
    assert decided.info.status == "approved" and decided.info.result_id == event_id
    assert decided.drafted_by == OFFICER and decided.decided_by is not None
    assert file.drafted_by == {event_id: OFFICER}  # the drafter kept beside the decision
    assert waiting_count(session) == 0
    with pytest.raises(RefusedError, match="already decided"):
        approve_draft(session, drafted.id)


def test_the_chief_rejects_with_a_reason_the_officer_reads(
    session: CaseSession, officer: CaseSession, clock: FrozenClock
) -> None:
    pid = _notified(session, clock)
    drafted = draft_event(officer, pid, "mgmt.decided", DECISION)
    with pytest.raises(UsageError, match="Say why"):
        reject_draft(session, drafted.id, "  ")
    reject_draft(session, drafted.id, "Sai số quyết định")
    [seen] = list_drafts(officer)
    assert (seen.info.status, seen.info.reason) == ("rejected", "Sai số quyết định")
    assert lifecycle_of(session, pid).status.value == "S2"
    with pytest.raises(RefusedError):
        approve_draft(session, drafted.id)


def test_a_draft_the_file_has_outgrown_says_why_and_cannot_be_approved(
    session: CaseSession, officer: CaseSession, clock: FrozenClock
) -> None:
    pid = _notified(session, clock)
    drafted = draft_event(officer, pid, "mgmt.decided", DECISION)
    record_event(session, pid, "mgmt.decided", DECISION | {"decision_no": "05/QĐ"})
    clock.advance(600)
    [stale] = list_drafts(session)
    assert stale.stale  # the sentence the chief reads
    with pytest.raises(RefusedError, match="no longer fits") as refused:
        approve_draft(session, drafted.id)
    assert stale.stale in str(refused.value)
    assert show_draft(session, drafted.id).waiting  # still there, to be rejected
    events = [e.type for e in show_person(session, pid).events]
    assert events.count("mgmt.decided") == 1


def test_an_officer_withdraws_only_their_own_waiting_draft(
    session: CaseSession, officer: CaseSession, clock: FrozenClock
) -> None:
    pid = _notified(session, clock)
    drafted = draft_event(officer, pid, "mgmt.decided", DECISION)
    with pytest.raises(RefusedError):
        withdraw_draft(session, drafted.id)  # the chief did not draft it
    withdraw_draft(officer, drafted.id)
    assert list_drafts(officer)[0].info.status == "withdrawn"


def test_the_same_id_twice_or_a_failing_cccd_needs_the_chief(
    session: CaseSession, officer: CaseSession, clock: FrozenClock
) -> None:
    add_person(session, person("Nguyễn Văn An", id_number="001090123456"), confirm=True)
    twin = person("Trần Văn Bình", id_number="001090123456")
    with pytest.raises(ChiefNeeded, match="already that of Nguyễn Văn An"):
        add_person(officer, twin, confirm=True)
    unknown_province = person("Lê Văn Cường", id_number="999090123456")
    with pytest.raises(ChiefNeeded):
        add_person(officer, unknown_province, confirm=True)
    # The officer leaves it for the chief; the chief approves and the person is registered.
    drafted = draft_person(officer, twin)
    assert any("already that of" in w for w in drafted.warnings)
    new_id = approve_draft(session, drafted.id)
    assert [p.id for p in find_persons(session, "Trần Văn Bình").persons] == [new_id]
    # A chief saves one directly, and the audit names the warnings confirmed.
    chief_id = add_person(session, unknown_province, confirm=True)
    with session.transaction(durable=False) as tx:
        [entry] = [e for e, _h in tx.audit.entries() if e.object_id == chief_id
                   and e.action == "person.create"]  # fmt: skip
    assert "cccd.unknown_province" in str(entry.details["warnings"])


def test_a_waiting_draft_starts_nothing(
    session: CaseSession, officer: CaseSession, clock: FrozenClock, tmp_path: Path
) -> None:
    pid = _notified(session, clock)
    before = {d.code for d in lifecycle_of(session, pid).deadlines}
    draft_event(officer, pid, "mgmt.decided", DECISION)
    clock.advance(int(timedelta(days=2).total_seconds()))
    after = {d.code for d in lifecycle_of(session, pid).deadlines}
    assert before == after


def test_a_decided_draft_leaves_the_list_after_30_days_a_waiting_one_never(
    session: CaseSession, officer: CaseSession, clock: FrozenClock
) -> None:
    first = _notified(session, clock)
    decided = draft_event(officer, first, "mgmt.decided", DECISION)
    reject_draft(session, decided.id, "Sai số quyết định")
    clock.advance(int(timedelta(days=29).total_seconds()))
    assert [v.info.status for v in list_drafts(officer)] == ["rejected"]
    waiting = draft_event(officer, first, "mgmt.decided", DECISION)
    clock.advance(int(timedelta(days=2).total_seconds()))
    assert [v.info.id for v in list_drafts(officer)] == [waiting.id]
