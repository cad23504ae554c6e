"""T23: unlock throttling at the keyboard, kept across restarts, audited at the next success."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.crypto.keyfile import KeyFile
from caseterm.domain.throttle import LOCK_AFTER, Failures, locked_out, wait_needed
from caseterm.errors import AuthError
from caseterm.services.accounts.manage import let_in_again
from caseterm.services.keys.opening import open_session
from caseterm.services.session.paths import StoreFiles
from tests.conftest import ADMIN, ADMIN_PASSPHRASE

NOW = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("count", "seconds"),
    [(1, 0), (4, 0), (5, 30), (6, 60), (7, 120), (11, 1920), (12, 3600), (60, 3600)],
)
def test_the_wait_doubles_from_30_seconds_after_five_failures_up_to_an_hour(
    count: int, seconds: int
) -> None:
    assert wait_needed(Failures(count, NOW), NOW) == timedelta(seconds=seconds)
    assert wait_needed(Failures(count, NOW), NOW + timedelta(seconds=seconds)) == timedelta(0)


def test_at_most_20_guesses_an_hour_after_the_fifth_failure() -> None:
    failures, moment, guesses = Failures(5, NOW), NOW, 0
    while moment < NOW + timedelta(hours=1):
        moment += wait_needed(failures, moment)
        failures, guesses = Failures(failures.count + 1, moment), guesses + 1
    assert guesses <= 20
    assert locked_out(Failures(LOCK_AFTER, NOW))
    assert not locked_out(Failures(LOCK_AFTER - 1, NOW))


def _try(store: Path, passphrase: str, policy: KdfPolicy, clock: FrozenClock) -> str:
    try:
        open_session(store, ADMIN, passphrase, policy=policy, clock=clock).close()
    except AuthError as error:
        return str(error)
    return "opened"


def test_t23_wrong_passphrases_make_the_keyboard_wait_and_the_count_survives_a_restart(
    new_store: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    for _ in range(5):
        assert "Wrong passphrase" in _try(new_store, "sai mat khau roi nhe", policy, clock)
    # Even the right passphrase waits now, and the wait is read from the key file on disk.
    assert "wait 0 min 31 s" in _try(new_store, ADMIN_PASSPHRASE, policy, clock)
    keys = KeyFile.load(StoreFiles(new_store).keyfile)
    assert [count for count, _last in keys.failures.values()] == [5]
    clock.advance(31)
    assert "Wrong passphrase" in _try(new_store, "sai mat khau lan nua", policy, clock)
    assert "wait 1 min 1 s" in _try(new_store, ADMIN_PASSPHRASE, policy, clock)
    clock.advance(61)
    assert _try(new_store, ADMIN_PASSPHRASE, policy, clock) == "opened"
    assert KeyFile.load(StoreFiles(new_store).keyfile).failures == {}
    session = open_session(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    try:
        with session.transaction() as tx:
            recent = tx.audit.recent(20)
    finally:
        session.close()
    unlocks = [e for e in recent if e.action == "session.unlock"]
    # The unlock after the failures recorded them; the next one, with none before it, does not.
    assert [entry.details for entry in unlocks[:2]] == [{}, {"failed_before": 6}]  # newest first
    # T37: and one entry per failure, with when it was, written by that unlock.
    failed = [e.details for e in reversed(recent) if e.action == "session.unlock_failed"]
    assert [entry["n"] for entry in failed] == [1, 2, 3, 4, 5, 6]
    assert str(failed[-1]["failed_at"]) > str(failed[0]["failed_at"])


def test_t23_after_100_failures_only_an_administrator_lets_the_account_in(
    new_store: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    from caseterm.domain.codes import Role
    from caseterm.services.accounts.manage import add_account

    admin = open_session(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    try:
        add_account(
            admin, name="quantri2", roles=(Role.ADMIN,), passphrase="hai nguoi quan tri cung mot xa"
        )
    finally:
        admin.close()
    for _ in range(LOCK_AFTER):
        clock.advance(3601)
        assert "Wrong passphrase" in _try(new_store, "doan mo mot lan nua", policy, clock)
    clock.advance(7 * 24 * 3600)
    assert "is locked after 100" in _try(new_store, ADMIN_PASSPHRASE, policy, clock)
    other = open_session(
        new_store, "quantri2", "hai nguoi quan tri cung mot xa", policy=policy, clock=clock
    )
    try:
        assert let_in_again(other, ADMIN)
    finally:
        other.close()
    assert _try(new_store, ADMIN_PASSPHRASE, policy, clock) == "opened"


def test_a_slot_weaker_than_the_policy_is_rewrapped_at_its_owners_unlock(
    new_store: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    """keys status's "weaker than the policy" heals itself: the owner's next unlock rewraps."""
    from dataclasses import replace

    from caseterm.crypto.kdf import KdfParams

    stronger = replace(policy, start=KdfParams(memory_kib=2048, iterations=2, lanes=1, salt=b""))
    keyfile = StoreFiles(new_store).keyfile
    before = json.loads(keyfile.read_text())["accounts"]
    session = open_session(new_store, ADMIN, ADMIN_PASSPHRASE, policy=stronger, clock=clock)
    with session.transaction() as tx:
        strengthened = tx.audit.last_of("account.slot_strengthened")
    session.close()
    assert strengthened is not None
    after = json.loads(keyfile.read_text())["accounts"]
    [(account_id, entry)] = after.items()
    assert before[account_id]["public_key"] == entry["public_key"]
    assert (entry["slot"]["kdf"]["m_kib"], entry["slot"]["kdf"]["t"]) == (2048, 2)
    open_session(new_store, ADMIN, ADMIN_PASSPHRASE, policy=stronger, clock=clock).close()
    assert json.loads(keyfile.read_text())["accounts"] == after  # once, not at every unlock
