"""What the killed children do: one `Killer` target per operation under test.

Each is called in a child forked by `kill_server` as `target(report, *arguments)`, with string
arguments, and reports what it finished with `report`. They use synthetic data and the test
KDF only.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from caseterm.clock import FrozenClock
from caseterm.services.accounts.manage import change_own_passphrase
from caseterm.services.keys import rotation
from caseterm.services.keys.opening import open_session
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.paths import StoreFiles
from caseterm.services.session.policy import TEST_POLICY
from caseterm.services.sync.commune import export_bundle
from caseterm.services.sync.district_import import import_bundle
from caseterm.store import database, migrate
from tests.conftest import ADMIN, ADMIN_PASSPHRASE
from tests.reliability.kill_server import operations_so_far

Report = Callable[[str], None]
MOMENT = "2026-11-02T01:30:00+00:00"
"""When the sync children act (the October bundle is then due)."""


def _open(store: str) -> CaseSession:
    clock = FrozenClock(datetime.fromisoformat(MOMENT))
    return open_session(Path(store), ADMIN, ADMIN_PASSPHRASE, policy=TEST_POLICY, clock=clock)


def import_into(report: Report, store: str, bundle: str) -> None:
    """T02: the district imports one bundle."""
    session = _open(store)
    import_bundle(session, Path(bundle))
    session.close()
    report("imported")


def export_from(report: Report, store: str, outbox: str) -> None:
    """T03: the commune exports October into `outbox`."""
    session = _open(store)
    export_bundle(session, "2026-10", Path(outbox))
    session.close()
    report("exported")


def open_and_migrate(report: Report, store: str) -> None:
    """T07: opening an old store migrates it; it reports "migrated <operations>" once the
    migration's transaction has committed."""
    upgrade = migrate.upgrade_to_head

    def watched(engine: object) -> None:
        upgrade(engine)
        report(f"migrated {operations_so_far()}")

    database.upgrade_to_head = watched  # type: ignore[attr-defined]
    _open(store).close()
    report("opened")


def change_passphrase(report: Report, store: str, new_passphrase: str) -> None:
    """T25: the administrator changes their own passphrase."""
    session = open_session(Path(store), ADMIN, ADMIN_PASSPHRASE, policy=TEST_POLICY)
    change_own_passphrase(session, new_passphrase)
    session.close()
    report("changed")


def rotate(report: Report, store: str, crash: str = "none") -> None:
    """T26: a data-key rotation; it reports "swapped <operations>" after the swap, its commit
    point. `crash` = "before" or "after" kills the child just before or just after the swap."""
    swap = rotation._swap

    def watched(files: StoreFiles) -> None:
        if crash == "before":
            os.kill(os.getpid(), signal.SIGKILL)
        swap(files)
        if crash == "after":
            os.kill(os.getpid(), signal.SIGKILL)
        report(f"swapped {operations_so_far()}")

    rotation._swap = watched
    rotation.rotate_data_key(Path(store), ADMIN, ADMIN_PASSPHRASE, policy=TEST_POLICY)
    report("rotated")
