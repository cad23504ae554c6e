"""T09 (backup correctness): backups taken with the backup API while an officer's process commits
continuously; every one verifies and restores, and no code path copies the live store's files."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.domain.codes import Role
from caseterm.services.accounts import add_account
from caseterm.services.backup import create_backup
from caseterm.services.backup_restore import Opener, restore_backup, verify_backup
from caseterm.services.session import CaseSession
from caseterm.services.unlock import open_session
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, OFFICER, OFFICER_PASSPHRASE

BACKUPS = int(os.environ.get("CASETERM_T09_BACKUPS", "100"))
WRITER = """
import sys
import time
from pathlib import Path
from caseterm.domain.codes import IdType, Sex
from caseterm.domain.dates import PartialDate
from caseterm.domain.person import PersonRecord
from caseterm.services.persons import add_person
from caseterm.services.policy import TEST_POLICY
from caseterm.services.unlock import open_session

session = open_session(Path(sys.argv[1]), sys.argv[2], sys.argv[3], policy=TEST_POLICY)
stop = Path(sys.argv[4])
print("ready", flush=True)
written = 0
while not stop.exists():
    record = PersonRecord(
        full_name="Phạm Thị Hoa", sex=Sex.FEMALE, birth=PartialDate(1991, 1, 1),
        id_type=IdType.CCCD, id_number=f"001191{written:06d}", village="Thôn Bắc",
    )
    add_person(session, record, confirm=True)
    written += 1
    time.sleep(0.02)  # an officer's pace, far faster than any real one: the store stays small
session.close()
print(written, flush=True)
"""


def _start_writer(store: Path, stop: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(store), OFFICER, OFFICER_PASSPHRASE, str(stop)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    return child


@pytest.mark.slow
def test_T09_backups_while_a_writer_commits_all_verify_and_restore(
    session: CaseSession, new_store: Path, policy: KdfPolicy, clock: FrozenClock, tmp_path: Path
) -> None:
    add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    stop = tmp_path / "stop"
    writer = _start_writer(new_store, stop)
    backups = []
    try:
        for index in range(BACKUPS):
            backups.append(create_backup(session, tmp_path / f"{index:03d}.ctbak").path)
    finally:
        stop.touch()
        out, _ = writer.communicate(timeout=120)
    written = int(out.strip())
    session.close()
    assert written > 0, "the writer committed nothing while the backups ran"
    opener = Opener(name=ADMIN, passphrase=ADMIN_PASSPHRASE)
    counts = []
    for index, backup in enumerate(backups):
        counts.append(verify_backup(backup, opener, policy=policy).persons)
        restored = tmp_path / f"restored-{index:03d}" / "caseterm.db"
        restored.parent.mkdir()
        restore_backup(backup, restored, opener, policy=policy, clock=clock)
        reopened = open_session(restored, OFFICER, OFFICER_PASSPHRASE, policy=policy, clock=clock)
        try:
            assert reopened.store.integrity_problems() == []
            with reopened.transaction() as tx:
                assert tx.persons.count() == counts[-1]
                assert tx.audit.verify()[1] is None
        finally:
            reopened.close()
    # Each backup is one instant of a store that only grows: the counts never go down, and
    # backups taken while the writer ran saw its commits.
    assert counts == sorted(counts)
    assert counts[-1] > counts[0]


def _package_sources() -> list[Path]:
    return sorted((Path(__file__).parents[2] / "caseterm").rglob("*.py"))


def test_T09_no_code_path_copies_files() -> None:
    """The live store is only ever read through SQLite: nothing in the product copies files."""
    for source in _package_sources():
        tree = ast.parse(source.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [alias.name for alias in node.names]
                module = node.module if isinstance(node, ast.ImportFrom) else None
                assert "shutil" not in [*names, module], f"{source} imports shutil"


def test_T09_only_rotation_touches_the_live_journal() -> None:
    """The live store's -wal is removed in one place: a rotation's swap, after proving it empty
    under the exclusive lock with every connection closed. The others name the sidecars of a
    file being built (a new store, a restore) before it becomes the store."""
    touching = {
        source.name
        for source in _package_sources()
        if '"-wal"' in source.read_text("utf-8") or "-journal" in source.read_text("utf-8")
    }
    assert touching <= {"rotation.py", "backup_restore.py", "setup.py", "paths.py"}
