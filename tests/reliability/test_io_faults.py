"""T05 (the k-th write, fsync or rename fails) and T06 (the disk fills up) for export, import,
data-key rotation and schema migration.

For each operation a dry run counts the faulted calls it makes; then every k fails, once and
persistently, with EIO and with ENOSPC, and the disk is made to fill at 10 levels. Every run
must end either done or refused with a message for the user (never another exception), and
leave the store sound and either as before or as after: never between. A clean run afterwards
then completes.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from caseterm.clock import FrozenClock
from caseterm.crypto.bundle import read_header
from caseterm.services.custody.verify import verify_store
from caseterm.services.demo.demo_store import generate_persons
from caseterm.services.keys.opening import open_session
from caseterm.services.keys.rotation import rotate_data_key, rotation_temporary
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.paths import StoreFiles
from caseterm.services.session.policy import TEST_POLICY
from caseterm.services.sync.commune import export_bundle
from caseterm.services.sync.district_import import import_bundle
from tests.conftest import ADMIN, ADMIN_PASSPHRASE
from tests.reliability.faults import Outcome, Plan, plans, run_faulted
from tests.sync.world import DATA_TABLES, World, commune_signer, copy_store

MOMENT = datetime.fromisoformat("2026-11-02T01:30:00+00:00")
FILL_LEVELS = 10


@dataclass(frozen=True)
class Stores:
    """Pristine stores for every operation, made once."""

    world: World
    commune: Path
    bundle: Path
    district_before: Path
    before: str
    after: str


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> Stores:
    root = tmp_path_factory.mktemp("faults")
    world = World(root, TEST_POLICY, FrozenClock(MOMENT))
    commune = world.add_commune("26734")
    with world.open(commune) as session:
        generate_persons(session, 40, seed=5)
    pristine = copy_store(commune, root / "pristine-commune" / "caseterm.db")
    bundle = world.export("26734", "2026-10")
    before = copy_store(world.district, root / "pristine-district" / "caseterm.db")
    with world.open(world.district) as session:
        digest_before = session.store.digest(DATA_TABLES)
        import_bundle(session, bundle)
        digest_after = session.store.digest(DATA_TABLES)
    return Stores(world, pristine, bundle, before, digest_before, digest_after)


def _session(store: Path) -> CaseSession:
    """The administrator's session, opened in the child."""
    return open_session(
        store, ADMIN, ADMIN_PASSPHRASE, policy=TEST_POLICY, clock=FrozenClock(MOMENT)
    )


def _largest_file(folder: Path) -> int:
    return max(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def _sweep(
    tmp_path: Path,
    pristine: Path,
    operation: Callable[[Path], Callable[[], object]],
    check: Callable[[Path, Outcome], None],
) -> Counter[str]:
    """Dry run, then every fault plan and every fill level, each on a fresh copy."""
    dry = copy_store(pristine, tmp_path / "dry" / "caseterm.db")
    counted = run_faulted(operation(dry), Plan())
    assert counted.ended == "done", counted.error
    largest = _largest_file(dry.parent)
    trials = plans(counted.calls) + [
        Plan(file_size_limit=largest * level // (FILL_LEVELS + 1))
        for level in range(1, FILL_LEVELS + 1)
    ]
    endings: Counter[str] = Counter()
    for number, plan in enumerate(trials):
        store = copy_store(pristine, tmp_path / f"t{number}" / "caseterm.db")
        outcome = run_faulted(operation(store), plan)
        assert outcome.ended in ("done", "refused"), (plan, outcome.error)
        check(store, outcome)
        endings[outcome.ended] += 1
    assert endings["refused"] > 0  # the faults did bite
    endings["calls"] = counted.calls
    return endings


def test_t05_t06_export(stores: Stores, tmp_path: Path) -> None:
    signer = commune_signer(stores.world, "26734")

    def operation(store: Path) -> Callable[[], object]:
        outbox = store.parent / "outbox"
        outbox.mkdir(exist_ok=True)
        return lambda: export_bundle(_session(store), "2026-10", outbox)

    def check(store: Path, outcome: Outcome) -> None:
        outbox = store.parent / "outbox"
        name = outbox / "26734_2026-10_000001.ctb"
        with stores.world.open(store) as session:
            assert session.store.integrity_problems() == []
            with session.transaction() as tx:
                recorded = tx.sync.last_export()
                assert tx.audit.verify()[1] is None
            if name.exists():  # complete, signed and the one recorded, or not there
                read_header(name.read_bytes()).verify(signer.public_bytes)
                assert recorded is not None
                assert hashlib.sha256(name.read_bytes()).hexdigest() == recorded.bundle_sha256
            assert outcome.ended == "refused" or name.exists()
            made = export_bundle(session, "2026-10", outbox)  # a clean run completes
        assert made.sequence == 1
        if recorded is not None:
            assert hashlib.sha256(made.path.read_bytes()).hexdigest() == recorded.bundle_sha256
        assert [p.name for p in outbox.iterdir()] == [name.name]  # no temporary left

    assert (
        _sweep(tmp_path, stores.commune, operation, check)["calls"] == 4
    )  # write, 2 fsync, rename


def test_t05_t06_import(stores: Stores, tmp_path: Path) -> None:
    def operation(store: Path) -> Callable[[], object]:
        return lambda: import_bundle(_session(store), stores.bundle, ack_dir=store.parent)

    def check(store: Path, outcome: Outcome) -> None:
        with stores.world.open(store) as session:
            assert session.store.integrity_problems() == []
            digest = session.store.digest(DATA_TABLES)
            assert digest in (stores.before, stores.after)
            assert outcome.ended == "refused" or digest == stores.after
            with session.transaction() as tx:
                assert tx.audit.verify()[1] is None
            [again] = import_bundle(session, stores.bundle, ack_dir=store.parent)
            assert session.store.digest(DATA_TABLES) == stores.after
        assert again.ack_path is not None and again.ack_path.exists()

    assert _sweep(tmp_path, stores.district_before, operation, check)["calls"] == 4  # the ack


def test_t05_t06_rotation(stores: Stores, tmp_path: Path) -> None:
    def operation(store: Path) -> Callable[[], object]:
        return lambda: rotate_data_key(store, ADMIN, ADMIN_PASSPHRASE, policy=TEST_POLICY)

    def check(store: Path, outcome: Outcome) -> None:
        with stores.world.open(store) as session:  # settles a half-done rotation first
            assert session.store.integrity_problems() == []
            assert session.unlocked.version in (1, 2)
            assert outcome.ended == "refused" or session.unlocked.version == 2
            with session.transaction() as tx:
                assert tx.persons.count() == 40 + 0
                assert tx.audit.verify()[1] is None
        files = StoreFiles(store)
        assert not rotation_temporary(files).exists()
        done = rotate_data_key(store, ADMIN, ADMIN_PASSPHRASE, policy=TEST_POLICY)
        assert done.new_version == done.old_version + 1

    assert _sweep(tmp_path, stores.commune, operation, check)["calls"] > 10  # key file, swap


def _schema(session: CaseSession) -> list[tuple[str, str, str]]:
    with session.transaction(durable=False) as tx:
        rows = tx.audit._session.connection().execute(
            text("SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name")
        )
        return [(str(row[0]), str(row[1]), str(row[2])) for row in rows]


def test_t05_t06_migration(stores: Stores, tmp_path: Path) -> None:
    from alembic import command

    from caseterm.store.migrate import alembic_config

    old = copy_store(stores.commune, tmp_path / "old" / "caseterm.db")
    with stores.world.open(old) as session, session.store._engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0007_signing_key_change")
    with stores.world.open(copy_store(old, tmp_path / "reference" / "caseterm.db")) as session:
        expected = _schema(session)  # the same store, migrated without a fault

    def operation(store: Path) -> Callable[[], object]:
        return lambda: _session(store).close()

    def check(store: Path, _outcome: Outcome) -> None:
        with stores.world.open(store) as session:  # migrates what is left to migrate
            assert session.store.integrity_problems() == []
            assert _schema(session) == expected  # whole: no step half-applied
            report = verify_store(session)
        assert report.ok and report.projections_checked == 40

    # Migrations write only through SQLite, out of Python's reach: the fill levels are the test.
    assert _sweep(tmp_path, old, operation, check)["calls"] == 0
