"""T07 (a): a schema migration killed with SIGKILL at 50 moments leaves the old schema with the
old data or the new schema with the new data — never a half-migrated store — and the next open
finishes the migration (Alembic runs every step in one transaction).
"""

from __future__ import annotations

import os
import random
import signal
import time
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from caseterm.clock import FrozenClock
from caseterm.services.demo import generate_persons
from caseterm.services.policy import TEST_POLICY
from caseterm.services.session import CaseSession
from caseterm.services.unlock import open_session
from caseterm.services.verify import verify_store
from tests.conftest import ADMIN, ADMIN_PASSPHRASE
from tests.sync.world import World, copy_store

KILLS = int(os.environ.get("CASETERM_MIGRATION_KILLS", "50"))
MOMENT = datetime.fromisoformat("2026-11-02T01:30:00+00:00")
OLD = "0007_signing_key_change"


def _schema(session: CaseSession) -> list[tuple[str, str]]:
    with session.transaction(durable=False) as tx:
        rows = tx.audit._session.connection().execute(
            text("SELECT name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name")
        )
        return [(str(row[0]), str(row[1])) for row in rows]


def _open(store: Path) -> CaseSession:
    return open_session(
        store, ADMIN, ADMIN_PASSPHRASE, policy=TEST_POLICY, clock=FrozenClock(MOMENT)
    )


def _migrate_and_kill(store: Path, delay: float) -> None:
    """Fork a child that opens (and so migrates) the store; kill it after `delay` seconds."""
    pid = os.fork()
    if pid == 0:
        try:
            _open(store).close()
        finally:
            os._exit(0)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


@pytest.mark.slow
def test_t07_a_migration_killed_at_any_moment_is_whole_or_not_at_all(tmp_path: Path) -> None:
    from alembic import command

    from caseterm.store.migrate import alembic_config

    world = World(tmp_path / "world", TEST_POLICY, FrozenClock(MOMENT))
    old = world.add_commune("26734", enroll=False)
    with world.open(old) as session:
        generate_persons(session, 60, seed=7)
        with session.store._engine.begin() as connection:
            command.downgrade(alembic_config(connection), OLD)
    reference = copy_store(old, tmp_path / "reference" / "caseterm.db")
    started = time.monotonic()
    with world.open(reference) as session:  # migrates without a kill
        seconds = time.monotonic() - started
        expected = _schema(session)
    rng = random.Random(7)
    for kill in range(KILLS):
        store = copy_store(old, tmp_path / f"k{kill}" / "caseterm.db")
        _migrate_and_kill(store, rng.uniform(0.0, seconds * 1.2))
        with world.open(store) as session:
            assert session.store.integrity_problems() == [], kill
            assert _schema(session) == expected, kill
            report = verify_store(session)
        assert report.ok and report.projections_checked == 60, kill
