"""T25: a passphrase change killed with SIGKILL always leaves a store that opens with the old or
the new passphrase, never neither and never both, and whose database was never re-encrypted.

Each kill lands just before a file operation the test chose, spread over every operation an
uninterrupted change makes under the store's folder (the unlock, the audit entry's commit and
the key file's write, fsync and rename): 50 in CI (5 batches of 10). Both outcomes must occur:
kills that leave the old passphrase and kills that leave the new one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from caseterm.crypto.kdf import KdfPolicy
from caseterm.errors import AuthError
from caseterm.services.keys.opening import open_session
from tests.conftest import ADMIN, ADMIN_PASSPHRASE
from tests.reliability.kill import Killer, print_outcomes, spread, trials
from tests.sync.world import copy_store

NEW_PASSPHRASE = "doi mat khau giua chung thi sao"
CHANGE = "tests.reliability.targets:change_passphrase"
KILLS = trials("CASETERM_KILL_TRIALS", 10)
BATCHES = 5


def _opens_with(store: Path, passphrase: str, policy: KdfPolicy) -> bool:
    try:
        session = open_session(store, ADMIN, passphrase, policy=policy)
    except AuthError:
        return False
    try:
        assert session.store.integrity_problems() == []
    finally:
        session.close()
    return True


@pytest.mark.slow
@pytest.mark.parametrize("batch", range(BATCHES))
def test_t25_a_kill_during_a_passphrase_change_leaves_the_old_or_the_new(
    new_store: Path, policy: KdfPolicy, killer: Killer, tmp_path: Path, batch: int
) -> None:
    dry = copy_store(new_store, tmp_path / "dry" / new_store.name)
    operations = killer.count(CHANGE, dry, NEW_PASSPHRASE, folder=dry.parent)
    total = KILLS if KILLS == "all" else int(KILLS) * BATCHES
    outcomes = {"old": 0, "new": 0}
    for kill_at in spread(operations, total)[batch::BATCHES]:
        store = copy_store(new_store, tmp_path / f"k{kill_at}" / new_store.name)
        killer.kill(CHANGE, store, NEW_PASSPHRASE, folder=store.parent, kill_at=kill_at)
        # Never re-encrypted: the store's salt (its key id) and header page are as they were.
        assert store.read_bytes()[:4096] == new_store.read_bytes()[:4096]
        old = _opens_with(store, ADMIN_PASSPHRASE, policy)
        new = _opens_with(store, NEW_PASSPHRASE, policy)
        assert old != new, f"kill before operation {kill_at}: old={old} new={new}"
        outcomes["old" if old else "new"] += 1
    print_outcomes(f"T25 batch {batch} of {operations} operations", outcomes)
    assert all(outcomes.values()), outcomes
