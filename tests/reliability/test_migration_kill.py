"""T07 (a): a schema migration killed with SIGKILL leaves the old schema with the old data or the
new schema with the new data — never a half-migrated store — and the next open finishes the
migration (Alembic runs every step in one transaction).

50 kills, each just before a file operation the test chose: half spread over the operations up
to the migration's commit, half over those after it (the rest of the unlock). Both must occur.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from caseterm.clock import FrozenClock
from caseterm.services.custody.verify import verify_store
from caseterm.services.demo.demo_store import generate_persons
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.policy import TEST_POLICY
from tests.reliability.kill import Killer, print_outcomes, spread_around, trials
from tests.sync.world import World, copy_store

KILLS = trials("CASETERM_MIGRATION_KILLS", 50)
MIGRATE = "tests.reliability.targets:open_and_migrate"
MOMENT = datetime.fromisoformat("2026-11-02T01:30:00+00:00")
OLD = "0007_signing_key_change"


def _schema(session: CaseSession) -> list[tuple[str, str]]:
    with session.transaction(durable=False) as tx:
        rows = tx.audit._session.connection().execute(
            text("SELECT name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name")
        )
        return [(str(row[0]), str(row[1])) for row in rows]


@pytest.mark.slow
def test_t07_a_migration_killed_at_any_moment_is_whole_or_not_at_all(
    tmp_path: Path, killer: Killer
) -> None:
    from alembic import command

    from caseterm.store.migrate import alembic_config

    world = World(tmp_path / "world", TEST_POLICY, FrozenClock(MOMENT))
    old = world.add_commune("26734", enroll=False)
    with world.open(old) as session:
        generate_persons(session, 60, seed=7)
        with session.store._engine.begin() as connection:
            command.downgrade(alembic_config(connection), OLD)
    dry = copy_store(old, tmp_path / "dry" / "caseterm.db")
    run = killer.run(MIGRATE, dry, folder=dry.parent)
    assert run.ended == "done", run
    [migrated] = [int(line.split()[1]) for line in run.lines if line.startswith("migrated ")]
    with world.open(dry) as session:  # migrated without a kill
        expected = _schema(session)
    before, after = "killed before the migration committed", "killed after"
    outcomes = {before: 0, after: 0}
    for kill_at in spread_around(run.operations, migrated, KILLS):
        store = copy_store(old, tmp_path / f"k{kill_at}" / "caseterm.db")
        killer.kill(MIGRATE, store, folder=store.parent, kill_at=kill_at)
        with world.open(store) as session:
            assert session.store.integrity_problems() == [], kill_at
            assert _schema(session) == expected, kill_at
            report = verify_store(session)
        assert report.ok and report.projections_checked == 60, kill_at
        outcomes[
            "killed after" if kill_at > migrated else "killed before the migration committed"
        ] += 1
    print_outcomes(f"T07 of {run.operations} operations", outcomes)
    assert all(outcomes.values()), outcomes
