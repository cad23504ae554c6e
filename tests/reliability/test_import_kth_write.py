"""T02, the deterministic part: an import killed just before its k-th write to the district's
store folder (the power-cut shim's POWERCUT_KILL_AT), for k spread over every write the import
makes. Each time the district is exactly as before or exactly as after, sound, and importing
again gives the uninterrupted result. `CASETERM_KTH_WRITES=all` tries every k.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.services.demo import generate_persons
from caseterm.services.district_import import import_bundle
from caseterm.services.policy import TEST_POLICY
from tests.reliability.conftest import REPOSITORY
from tests.sync.world import DATA_TABLES, World, copy_store

MOMENT = "2026-11-02T01:30:00+00:00"
SAMPLES = os.environ.get("CASETERM_KTH_WRITES", "25")
CHILD = """
import sys
from datetime import datetime
from pathlib import Path
from caseterm.clock import FrozenClock
from caseterm.services.district_import import import_bundle
from caseterm.services.policy import TEST_POLICY
from caseterm.services.unlock import open_session
from tests.conftest import ADMIN, ADMIN_PASSPHRASE
clock = FrozenClock(datetime.fromisoformat(sys.argv[3]))
session = open_session(Path(sys.argv[1]), ADMIN, ADMIN_PASSPHRASE, policy=TEST_POLICY, clock=clock)
import_bundle(session, Path(sys.argv[2]))
session.close()
print("done", flush=True)
"""


@dataclass(frozen=True)
class Import:
    """A district before one import, the bundle, and the two digests."""

    world: World
    before: Path
    bundle: Path
    before_digest: str
    after_digest: str


@pytest.fixture(scope="module")
def pending(tmp_path_factory: pytest.TempPathFactory) -> Import:
    root = tmp_path_factory.mktemp("kth")
    world = World(root, TEST_POLICY, FrozenClock(datetime.fromisoformat(MOMENT)))
    commune = world.add_commune("26734")
    with world.open(commune) as session:
        generate_persons(session, 40, seed=9)
    bundle = world.export("26734", "2026-10")
    before = copy_store(world.district, root / "before" / "caseterm.db")
    with world.open(world.district) as session:
        before_digest = session.store.digest(DATA_TABLES)
        import_bundle(session, bundle)
        after_digest = session.store.digest(DATA_TABLES)
    return Import(world, before, bundle, before_digest, after_digest)


def _import_killed_at(store: Path, bundle: Path, shim: Path, k: int) -> bool:
    """Run the import in a new process that dies before its k-th write; True if it finished."""
    env = {
        **os.environ,
        "LD_PRELOAD": str(shim),
        "POWERCUT_DIR": str(store.parent) + "/",
        "POWERCUT_KILL_AT": str(k),
        "POWERCUT_LOG": str(store.parent.parent / "writes.log"),
        "PYTHONPATH": str(REPOSITORY),
    }
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(store), str(bundle), MOMENT],
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    return result.stdout.strip() == b"done"


@pytest.mark.slow
def test_t02_an_import_killed_before_its_kth_write_is_before_or_after(
    pending: Import, shim: Path, tmp_path: Path
) -> None:
    dry = copy_store(pending.before, tmp_path / "dry" / "caseterm.db")
    assert _import_killed_at(dry, pending.bundle, shim, 0)
    writes = (tmp_path / "writes.log").read_bytes().count(b"\nU ") + 1  # every logged write
    ks = range(1, writes + 1)
    if SAMPLES != "all":
        step = max(1, writes // int(SAMPLES))
        ks = range(1, writes + 1, step)
    outcomes = {"before": 0, "after": 0}
    for k in ks:
        store = copy_store(pending.before, tmp_path / f"k{k}" / "caseterm.db")
        _import_killed_at(store, pending.bundle, shim, k)
        with pending.world.open(store) as session:
            assert session.store.integrity_problems() == [], k
            digest = session.store.digest(DATA_TABLES)
            assert digest in (pending.before_digest, pending.after_digest), k
            outcomes["before" if digest == pending.before_digest else "after"] += 1
            with session.transaction() as tx:
                assert tx.audit.verify()[1] is None, k
            import_bundle(session, pending.bundle)
            assert session.store.digest(DATA_TABLES) == pending.after_digest, k
    assert outcomes["before"] > 0  # the early ks landed inside the import
