"""T25: a passphrase change killed with SIGKILL at random moments always leaves a store that
opens with the old or the new passphrase, never neither (50 kills in CI, 10 per test)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from caseterm.crypto.kdf import KdfPolicy
from caseterm.errors import AuthError
from caseterm.services.paths import StoreFiles
from caseterm.services.unlock import open_session
from tests.conftest import ADMIN, ADMIN_PASSPHRASE

NEW_PASSPHRASE = "doi mat khau giua chung thi sao"
CHILD = """
import sys
from pathlib import Path
from caseterm.crypto.kdf import KdfParams, KdfPolicy
from caseterm.services.accounts import change_own_passphrase
from caseterm.services.policy import TEST_POLICY
from caseterm.services.unlock import open_session

session = open_session(Path(sys.argv[1]), sys.argv[2], sys.argv[3], policy=TEST_POLICY)
# A slow new slot (64 MiB, 3 passes) gives the kill a wide window inside the change.
session.policy = KdfPolicy(floor=TEST_POLICY.floor, start=KdfParams(64 * 1024, 3, 1, b""),
                           calibrate=False)
print("ready", flush=True)
change_own_passphrase(session, sys.argv[4])
print("done", flush=True)
session.close()
"""


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
@pytest.mark.parametrize("batch", range(5))
def test_kill_during_passphrase_change(
    new_store: Path, policy: KdfPolicy, tmp_path: Path, batch: int
) -> None:
    rng = random.Random(batch)
    files = StoreFiles(new_store)
    outcomes = {"old": 0, "new": 0}
    for trial in range(10):
        folder = tmp_path / f"trial-{trial}"
        folder.mkdir()
        store = folder / new_store.name
        shutil.copyfile(new_store, store)
        shutil.copyfile(files.keyfile, StoreFiles(store).keyfile)
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(store), ADMIN, ADMIN_PASSPHRASE, NEW_PASSPHRASE],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.35))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        # Never re-encrypted: the store's salt (its key id) and header page are as they were.
        assert store.read_bytes()[:4096] == new_store.read_bytes()[:4096]
        old, new = (
            _opens_with(store, ADMIN_PASSPHRASE, policy),
            _opens_with(store, NEW_PASSPHRASE, policy),
        )
        assert old != new, f"trial {trial}: old={old} new={new}"
        outcomes["old" if old else "new"] += 1
    assert sum(outcomes.values()) == 10
