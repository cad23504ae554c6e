"""T02 and T03: SIGKILL during a district import and during a commune export.

T02: the district store is afterwards exactly as before the import or exactly as after it (records,
chain heads and the import ledger together), its audit chain verifies, and importing again gives
the state of an uninterrupted import. T03: no file exists under the bundle's name unless it is
complete and verifies, the sequence is either unused or recorded (exporting again writes that
same bundle), and leftover temporary files are cleared by the next export.

Each kill lands just before a file operation the test chose: 200 of each in CI (5 batches of 40,
run in parallel), spread over every write, fsync, truncation, rename and removal that an
uninterrupted import (under the district's folder) or export (under the commune's folder and the
outbox) makes, from the unlock to the end. Both outcomes must occur: kills before the commit
point and kills after it. `CASETERM_KILL_TRIALS` sets the kills per batch (`all`: every one).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.bundle import read_header
from caseterm.services.demo.demo_store import generate_persons
from caseterm.services.session.policy import TEST_POLICY
from caseterm.services.sync.commune import export_bundle
from caseterm.services.sync.district_import import import_bundle
from tests.reliability.kill import Killer, print_outcomes, spread, trials
from tests.reliability.targets import MOMENT
from tests.sync.world import DATA_TABLES, World, commune_signer, copy_store

KILLS = trials("CASETERM_KILL_TRIALS", 40)
BATCHES = 5
IMPORT = "tests.reliability.targets:import_into"
EXPORT = "tests.reliability.targets:export_from"
BUNDLE_NAME = "26734_2026-10_000001.ctb"


@dataclass(frozen=True)
class Setup:
    """A district before and after one import of a 100-person bundle, and its commune."""

    world: World
    bundle: Path
    before: Path
    before_digest: str
    after_digest: str
    commune: Path


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Setup:
    root = tmp_path_factory.mktemp("kill")
    world = World(root, TEST_POLICY, FrozenClock(datetime.fromisoformat(MOMENT)))
    commune = world.add_commune("26734")
    with world.open(commune) as session:
        generate_persons(session, 100, seed=3)
    pristine_commune = copy_store(commune, root / "pristine-commune" / "caseterm.db")
    bundle = world.export("26734", "2026-10")
    before = copy_store(world.district, root / "pristine-district" / "caseterm.db")
    with world.open(world.district) as session:
        before_digest = session.store.digest(DATA_TABLES)
        import_bundle(session, bundle)
        after_digest = session.store.digest(DATA_TABLES)
    assert before_digest != after_digest
    return Setup(world, bundle, before, before_digest, after_digest, pristine_commune)


def _batch(points: list[int], batch: int) -> list[int]:
    """This batch's share of the kill points (every fifth, from its own start)."""
    return points[batch::BATCHES]


@pytest.mark.slow
@pytest.mark.parametrize("batch", range(BATCHES))
def test_t02_a_kill_during_import_leaves_before_or_after_never_between(
    setup: Setup, killer: Killer, tmp_path: Path, batch: int
) -> None:
    dry = copy_store(setup.before, tmp_path / "dry" / "caseterm.db")
    operations = killer.count(IMPORT, dry, setup.bundle, folder=dry.parent)
    outcomes = {"before": 0, "after": 0}
    for kill_at in _batch(spread(operations, _total(KILLS)), batch):
        store = copy_store(setup.before, tmp_path / f"k{kill_at}" / "caseterm.db")
        killer.kill(IMPORT, store, setup.bundle, folder=store.parent, kill_at=kill_at)
        with setup.world.open(store) as session:
            assert session.store.integrity_problems() == [], kill_at
            digest = session.store.digest(DATA_TABLES)
            assert digest in (setup.before_digest, setup.after_digest), kill_at
            outcomes["before" if digest == setup.before_digest else "after"] += 1
            with session.transaction() as tx:
                assert tx.audit.verify()[1] is None, kill_at
            again = import_bundle(session, setup.bundle)
            assert again[0].outcome in ("applied", "already_applied")
            assert session.store.digest(DATA_TABLES) == setup.after_digest, kill_at
    print_outcomes(f"T02 batch {batch} of {operations} operations", outcomes)
    assert all(outcomes.values()), outcomes  # kills before the commit point and after it


@pytest.mark.slow
@pytest.mark.parametrize("batch", range(BATCHES))
def test_t03_a_kill_during_export_leaves_no_partial_bundle(
    setup: Setup, killer: Killer, tmp_path: Path, batch: int
) -> None:
    signer = commune_signer(setup.world, "26734")
    dry = _commune_copy(setup, tmp_path / "dry")
    operations = killer.count(EXPORT, dry, dry.parent.parent / "outbox", folder=dry.parent.parent)
    outcomes = {"no bundle": 0, "sequence recorded, no bundle": 0, "bundle written": 0}
    for kill_at in _batch(spread(operations, _total(KILLS)), batch):
        store = _commune_copy(setup, tmp_path / f"k{kill_at}")
        outbox = store.parent.parent / "outbox"
        killer.kill(EXPORT, store, outbox, folder=store.parent.parent, kill_at=kill_at)
        written = outbox / BUNDLE_NAME
        if written.exists():  # complete and signed, or not there at all
            read_header(written.read_bytes()).verify(signer.public_bytes)
        with setup.world.open(store) as session:
            with session.transaction() as tx:
                recorded = tx.sync.last_export()
            made = export_bundle(session, "2026-10", outbox)
        assert made.sequence == 1, kill_at  # never skipped, never made twice
        digest = hashlib.sha256(made.path.read_bytes()).hexdigest()
        if recorded is not None:  # consumed before the kill: the same bundle is written
            assert (recorded.sequence, recorded.bundle_sha256) == (1, digest), kill_at
        assert [p.name for p in outbox.iterdir()] == [made.path.name], kill_at  # no temp left
        outcome = "bundle written" if written.exists() and recorded else "no bundle"
        if recorded and outcome == "no bundle":
            outcome = "sequence recorded, no bundle"
        outcomes[outcome] += 1
    print_outcomes(f"T03 batch {batch} of {operations} operations", outcomes)
    assert outcomes["no bundle"] and outcomes["bundle written"], outcomes


def _commune_copy(setup: Setup, folder: Path) -> Path:
    """A copy of the commune before its export, with an empty outbox beside it."""
    (folder / "outbox").mkdir(parents=True)
    return copy_store(setup.commune, folder / "commune" / "caseterm.db")


def _total(per_batch: int | str) -> int | str:
    return per_batch if per_batch == "all" else int(per_batch) * BATCHES
