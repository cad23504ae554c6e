"""T26: SIGKILL during a data-key rotation, at chosen moments and just before and after the swap.

Afterwards the store opens (the interrupted rotation is settled forward or back at that open),
under exactly one key: the key file has no pending version, no grants of any other version, and
no temporary copy is left. Integrity is clean, the audit chain verifies, and nothing is lost.
50 kills in CI (5 batches of 10, in parallel), each just before a file operation spread over
the operations an uninterrupted rotation makes under the store's folder, half up to the swap
(its commit point) and half after it; both outcomes (rolled back, rolled forward) must occur.
CASETERM_KILL_TRIALS sets the kills per batch (`all`: every operation).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.services.demo.demo_store import generate_persons
from caseterm.services.keys.opening import open_session
from caseterm.services.keys.rotation import rotate_data_key, rotation_temporary
from caseterm.services.session.paths import StoreFiles
from caseterm.services.session.policy import TEST_POLICY
from tests.conftest import ADMIN, ADMIN_PASSPHRASE
from tests.reliability.kill import Killer, print_outcomes, spread_around, trials
from tests.sync.world import copy_store

KILLS = trials("CASETERM_KILL_TRIALS", 10)
BATCHES = 5
PERSONS = 400
ROTATE = "tests.reliability.targets:rotate"


@dataclass(frozen=True)
class Pristine:
    """A store of 400 persons and how many file operations one rotation of it makes."""

    store: Path
    operations: int
    swapped: int
    """The operation that swapped the re-encrypted copy in (the commit point)."""


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory, killer: Killer) -> Pristine:
    from caseterm.domain.codes import Role
    from caseterm.services.setup.new_store import InitRequest, init_store

    root = tmp_path_factory.mktemp("rotation")
    store = root / "pristine" / "caseterm.db"
    store.parent.mkdir()
    init_store(
        InitRequest(
            store, "26734", "Xã Tân An", ADMIN, ADMIN_PASSPHRASE, extra_roles=(Role.CHIEF,)
        ),
        policy=TEST_POLICY,
        clock=FrozenClock(),
    )
    session = open_session(store, ADMIN, ADMIN_PASSPHRASE, policy=TEST_POLICY)
    try:
        generate_persons(session, PERSONS, seed=5)
    finally:
        session.close()
    probe = copy_store(store, root / "probe" / "caseterm.db")
    dry = killer.run(ROTATE, probe, folder=probe.parent)
    assert dry.ended == "done", dry
    [swapped] = [int(line.split()[1]) for line in dry.lines if line.startswith("swapped ")]
    return Pristine(store, dry.operations, swapped)


def _check(store: Path) -> int:
    """The store after a kill: opens, one key, clean, nothing lost; returns the version."""
    session = open_session(store, ADMIN, ADMIN_PASSPHRASE, policy=TEST_POLICY)
    try:
        assert session.store.integrity_problems() == []
        with session.transaction() as tx:
            assert tx.persons.count() == PERSONS
            _entries, fault = tx.audit.verify()
        assert fault is None
    finally:
        session.close()
    files = StoreFiles(store)
    keys = json.loads(files.keyfile.read_text())["data_key"]
    assert keys["pending"] is None
    assert not rotation_temporary(files).exists()
    assert not list(store.parent.glob(".*.tmp-*"))
    grants = json.loads(files.keyfile.read_text())["grants"]
    assert list(grants) == [str(keys["current"])]  # no other version can open anything
    return int(keys["current"])


@pytest.mark.slow
@pytest.mark.parametrize("batch", range(BATCHES))
def test_t26_a_kill_at_any_moment_leaves_one_key_and_everything(
    pristine: Pristine, killer: Killer, tmp_path: Path, batch: int
) -> None:
    total = KILLS if KILLS == "all" else int(KILLS) * BATCHES
    outcomes = {"old key (rolled back)": 0, "new key (rolled forward)": 0}
    points = spread_around(pristine.operations, pristine.swapped, total)
    for kill_at in points[batch::BATCHES]:
        store = copy_store(pristine.store, tmp_path / f"k{kill_at}" / "caseterm.db")
        killer.kill(ROTATE, store, folder=store.parent, kill_at=kill_at)
        version = _check(store)
        assert version in (1, 2), kill_at
        outcomes["old key (rolled back)" if version == 1 else "new key (rolled forward)"] += 1
    print_outcomes(f"T26 batch {batch} of {pristine.operations} operations", outcomes)
    assert all(outcomes.values()), outcomes


@pytest.mark.slow
@pytest.mark.parametrize(("crash", "version"), [("before", 1), ("after", 2)])
def test_t26_a_crash_just_before_the_swap_rolls_back_and_just_after_rolls_forward(
    pristine: Pristine, killer: Killer, tmp_path: Path, crash: str, version: int
) -> None:
    store = copy_store(pristine.store, tmp_path / "caseterm.db")
    assert killer.run(ROTATE, store, crash, folder=store.parent).ended == "killed"
    pending = json.loads(StoreFiles(store).keyfile.read_text())["data_key"]["pending"]
    assert pending == 2  # the crash left the rotation half-done
    assert _check(store) == version


def test_a_rotation_needs_the_store_alone_and_an_administrator(
    pristine: Pristine, tmp_path: Path
) -> None:
    from caseterm.errors import StoreBusy

    store = copy_store(pristine.store, tmp_path / "caseterm.db")
    session = open_session(store, ADMIN, ADMIN_PASSPHRASE, policy=TEST_POLICY)
    try:
        with pytest.raises(StoreBusy):
            rotate_data_key(store, ADMIN, ADMIN_PASSPHRASE, policy=TEST_POLICY)
    finally:
        session.close()
    assert _check(store) == 1
