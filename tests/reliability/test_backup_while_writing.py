"""T09 (backup correctness): backups taken with the backup API while an officer's process commits
continuously; every one verifies and restores. A backup holds commits still in the journal (it
reads through SQLite, never copies the files), and backups, checks and restores leave the live
journal alone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.domain.codes import Role
from caseterm.services.accounts.manage import add_account
from caseterm.services.custody.backup import create_backup
from caseterm.services.custody.restore import Opener, restore_backup, verify_backup
from caseterm.services.custody.verify import verify_store
from caseterm.services.keys.opening import open_session
from caseterm.services.registry.persons import add_person
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.paths import StoreFiles
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, OFFICER, OFFICER_PASSPHRASE, person

BACKUPS = int(os.environ.get("CASETERM_T09_BACKUPS", "100"))
WRITER = """
import select
import sys
from pathlib import Path
from caseterm.domain.codes import IdType, Sex
from caseterm.domain.dates import PartialDate
from caseterm.domain.person import PersonRecord
from caseterm.services.registry.persons import add_person
from caseterm.services.session.policy import TEST_POLICY
from caseterm.services.keys.opening import open_session

session = open_session(Path(sys.argv[1]), sys.argv[2], sys.argv[3], policy=TEST_POLICY)
print("ready", flush=True)
written = 0
# Commits until the test closes standard input; after CAP persons it only waits, so the store
# stays small however fast this machine is.
while written < int(sys.argv[4]) and not select.select([sys.stdin], [], [], 0)[0]:
    record = PersonRecord(
        full_name="Phạm Thị Hoa", sex=Sex.FEMALE, birth=PartialDate(1991, 1, 1),
        id_type=IdType.CCCD, id_number=f"001191{written:06d}", village="Thôn Bắc",
    )
    add_person(session, record, confirm=True)
    written += 1
    print(written, flush=True)
sys.stdin.read()
session.close()
print("stopped", flush=True)
"""
CAP = 150
"""Persons the writer adds at most."""


def _start_writer(store: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(store), OFFICER, OFFICER_PASSPHRASE, str(CAP)],
        stdin=subprocess.PIPE,
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
    writer = _start_writer(new_store)
    assert writer.stdout is not None
    opener = Opener(name=ADMIN, passphrase=ADMIN_PASSPHRASE)
    backups = []
    try:
        for index in range(BACKUPS):
            backups.append(create_backup(session, tmp_path / f"{index:03d}.ctbak").path)
            if index == 0:  # the writer commits at least once after the first backup
                first = verify_backup(backups[0], opener, policy=policy).persons
                while int(writer.stdout.readline()) <= first:
                    pass
    finally:
        out, _ = writer.communicate("", timeout=120)
    assert out.strip().endswith("stopped"), out[-200:]
    session.close()
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


def _add(session: CaseSession, number: int) -> None:
    record = person(f"Đỗ Văn Số{number}", id_number=f"001090{number:06d}")
    add_person(session, record, confirm=True)


def _store_alone(store: Path, into: Path) -> Path:
    """A copy of the main file and the key file only: what a file copy that missed the
    journal would hold."""
    into.mkdir()
    shutil.copyfile(store, into / store.name)
    shutil.copyfile(StoreFiles(store).keyfile, StoreFiles(into / store.name).keyfile)
    return into / store.name


def test_T09_a_backup_holds_the_commits_still_in_the_journal(
    session: CaseSession, new_store: Path, policy: KdfPolicy, clock: FrozenClock, tmp_path: Path
) -> None:
    """The backup is read through SQLite: it holds commits that are only in the -wal so far."""
    for number in range(3):
        _add(session, number)
    alone = _store_alone(new_store, tmp_path / "alone")
    control = open_session(alone, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    try:
        with control.transaction(durable=False) as tx:
            in_main_file = tx.persons.count()
    finally:
        control.close()
    assert in_main_file < 3  # the control: a copy of the files would have missed some
    made = create_backup(session, tmp_path / "journal.ctbak")
    opener = Opener(name=ADMIN, passphrase=ADMIN_PASSPHRASE)
    assert verify_backup(made.path, opener, policy=policy).persons == 3


def test_T09_backups_checks_and_restores_leave_the_live_journal_alone(
    session: CaseSession, new_store: Path, policy: KdfPolicy, clock: FrozenClock, tmp_path: Path
) -> None:
    """While an officer's session is open with commits in the -wal, a backup, its verification,
    a restore elsewhere and the store's own check never remove, replace or shrink the live
    journal (only a rotation may, with the store to itself), and the officer goes on working."""
    add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    officer = open_session(new_store, OFFICER, OFFICER_PASSPHRASE, policy=policy, clock=clock)
    try:
        _add(officer, 1)
        journal = new_store.with_name(new_store.name + "-wal")
        before = journal.stat()
        made = create_backup(session, tmp_path / "live.ctbak")
        opener = Opener(name=ADMIN, passphrase=ADMIN_PASSPHRASE)
        verify_backup(made.path, opener, policy=policy)
        elsewhere = tmp_path / "elsewhere" / "caseterm.db"
        elsewhere.parent.mkdir()
        restore_backup(made.path, elsewhere, opener, policy=policy, clock=clock)
        assert verify_store(session).ok
        after = journal.stat()
        assert (after.st_ino, after.st_dev) == (before.st_ino, before.st_dev)
        assert after.st_size >= before.st_size
        _add(officer, 2)
        with officer.transaction(durable=False) as tx:
            assert tx.persons.count() == 2
    finally:
        officer.close()
