"""T02 and T03: SIGKILL during a district import and during a commune export.

T02: the district store is afterwards exactly as before the import or exactly as after it (records,
chain heads and the import ledger together), its audit chain verifies, and importing again gives
the state of an uninterrupted import. T03: no file exists under the bundle's name unless it is
complete and verifies, the sequence is either unused or recorded (exporting again writes that
same bundle), and leftover temporary files are cleared by the next export.

200 kills of each in CI (5 batches of 40, run in parallel), in children forked from the test so
that a kill costs no interpreter start; CASETERM_KILL_TRIALS sets the kills per batch.
"""

from __future__ import annotations

import hashlib
import os
import random
import time
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.bundle import read_header
from caseterm.services.demo import generate_persons
from caseterm.services.district_import import import_bundle
from caseterm.services.policy import TEST_POLICY
from caseterm.services.session import CaseSession
from caseterm.services.sync_commune import export_bundle
from caseterm.services.unlock import open_session
from tests.conftest import ADMIN, ADMIN_PASSPHRASE
from tests.reliability.kill import fork_child
from tests.sync.world import DATA_TABLES, World, commune_signer, copy_store

TRIALS = int(os.environ.get("CASETERM_KILL_TRIALS", "40"))
MOMENT = "2026-11-02T01:30:00+00:00"


def _session(store: Path) -> CaseSession:
    """The administrator's session at the test's moment (opened in the child)."""
    clock = FrozenClock(datetime.fromisoformat(MOMENT))
    return open_session(store, ADMIN, ADMIN_PASSPHRASE, policy=TEST_POLICY, clock=clock)


def _import(session: CaseSession, *, bundle: Path) -> None:
    import_bundle(session, bundle)


def _export(session: CaseSession, *, outbox: Path) -> None:
    export_bundle(session, "2026-10", outbox)


@dataclass(frozen=True)
class Setup:
    """A district before and after one import of a 300-person bundle, and its commune."""

    world: World
    bundle: Path
    before: Path
    before_digest: str
    after_digest: str
    commune: Path
    seconds: float
    """How long the uninterrupted import took (the kills land inside it)."""
    export_seconds: float
    """How long the uninterrupted export took (with its unlock)."""


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Setup:
    root = tmp_path_factory.mktemp("kill")
    clock = FrozenClock(datetime.fromisoformat(MOMENT))
    world = World(root, TEST_POLICY, clock)
    commune = world.add_commune("26734")
    with world.open(commune) as session:
        generate_persons(session, 300, seed=3)
    pristine_commune = copy_store(commune, root / "pristine-commune" / "caseterm.db")
    started = time.monotonic()
    bundle = world.export("26734", "2026-10")
    export_seconds = time.monotonic() - started
    before = copy_store(world.district, root / "pristine-district" / "caseterm.db")
    with world.open(world.district) as session:
        before_digest = session.store.digest(DATA_TABLES)
        started = time.monotonic()
        import_bundle(session, bundle)
        seconds = time.monotonic() - started
        after_digest = session.store.digest(DATA_TABLES)
    assert before_digest != after_digest
    return Setup(
        world,
        bundle,
        before,
        before_digest,
        after_digest,
        pristine_commune,
        seconds,
        export_seconds,
    )


@pytest.mark.slow
@pytest.mark.parametrize("batch", range(5))
def test_t02_a_kill_during_import_leaves_before_or_after_never_between(
    setup: Setup, tmp_path: Path, batch: int
) -> None:
    rng = random.Random(100 + batch)
    outcomes: list[str] = []
    for trial in range(TRIALS):
        store = copy_store(setup.before, tmp_path / f"trial-{trial}" / "caseterm.db")
        importing = partial(_import, bundle=setup.bundle)
        fork_child(partial(_session, store), importing, rng.uniform(0.0, setup.seconds * 1.3))
        with setup.world.open(store) as session:
            digest = session.store.digest(DATA_TABLES)
            assert session.store.integrity_problems() == []
            with session.transaction() as tx:
                _entries, fault = tx.audit.verify()
            assert fault is None
            outcomes.append("before" if digest == setup.before_digest else "after")
            assert digest in (setup.before_digest, setup.after_digest), f"trial {trial}"
            again = import_bundle(session, setup.bundle)
            assert again[0].outcome in ("applied", "already_applied")
            assert session.store.digest(DATA_TABLES) == setup.after_digest
    assert len(outcomes) == TRIALS


@pytest.mark.slow
@pytest.mark.parametrize("batch", range(5))
def test_t03_a_kill_during_export_leaves_no_partial_bundle(
    setup: Setup, tmp_path: Path, batch: int
) -> None:
    rng = random.Random(200 + batch)
    signer = commune_signer(setup.world, "26734")
    for trial in range(TRIALS):
        store = copy_store(setup.commune, tmp_path / f"trial-{trial}" / "caseterm.db")
        outbox = tmp_path / f"outbox-{trial}"
        outbox.mkdir()
        exporting = partial(_export, outbox=outbox)
        fork_child(
            partial(_session, store), exporting, rng.uniform(0.0, setup.export_seconds * 1.3)
        )
        name = outbox / "26734_2026-10_000001.ctb"
        if name.exists():  # complete and signed, or not there at all
            data = name.read_bytes()
            read_header(data).verify(signer.public_bytes)
        with setup.world.open(store) as session:
            with session.transaction() as tx:
                recorded = tx.sync.last_export()
            made = export_bundle(session, "2026-10", outbox)
        assert made.sequence == 1  # never skipped, never made twice
        digest = hashlib.sha256(made.path.read_bytes()).hexdigest()
        if recorded is not None:  # consumed before the kill: the same bundle is written
            assert (recorded.sequence, recorded.bundle_sha256) == (1, digest)
        assert [p.name for p in outbox.iterdir()] == [made.path.name]  # no temp file left
