"""T35 on the real store (edit, delete, reorder rows of the encrypted audit log) and T10 (two
processes writing at once: one writer at a time, no 'database is locked' failures)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from caseterm.crypto.kdf import KdfPolicy
from caseterm.services.custody.verify import verify_store
from caseterm.services.keys.opening import open_session
from caseterm.services.registry.persons import add_person, find_persons, list_persons
from caseterm.services.session.case_session import CaseSession
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, person


def _tamper(session: CaseSession, statement: str) -> None:
    """Change the audit table behind the services' back, as an attacker with the key would."""
    from sqlalchemy import text

    with session.store.transaction() as tx:
        for part in statement.split(";"):
            tx.audit._session.connection().execute(text(part))


def _fill(session: CaseSession) -> None:
    for index in range(5):
        add_person(
            session, person(f"Phạm Văn Số{index}", id_number=f"00109000000{index}"), confirm=True
        )
        find_persons(session, "pham")


@pytest.mark.parametrize(
    ("statement", "first_bad", "reason"),
    [
        ("UPDATE audit_log SET object_id = 'someone-else' WHERE seq = 7", 7, "hash"),
        ("UPDATE audit_log SET at = '2020-01-01T00:00:00.000000Z' WHERE seq = 4", 4, "hash"),
        ("DELETE FROM audit_log WHERE seq = 5", 5, "sequence"),
        (
            # swap two entries
            "UPDATE audit_log SET seq = -1 WHERE seq = 8;"
            "UPDATE audit_log SET seq = 8 WHERE seq = 9;"
            "UPDATE audit_log SET seq = 9 WHERE seq = -1",
            8,
            "link",
        ),
    ],
)
def test_verify_names_the_first_bad_entry(
    session: CaseSession, statement: str, first_bad: int, reason: str
) -> None:
    _fill(session)
    assert verify_store(session).ok
    _tamper(session, statement)
    report = verify_store(session)
    assert not report.ok
    assert report.audit_fault is not None
    assert (report.audit_fault.seq, report.audit_fault.reason) == (first_bad, reason)


WRITER = """
import sys
from pathlib import Path
from caseterm.domain.codes import IdType, Sex
from caseterm.domain.dates import PartialDate
from caseterm.domain.person import PersonRecord
from caseterm.services.registry.persons import add_person, find_persons
from caseterm.services.session.policy import TEST_POLICY
from caseterm.services.keys.opening import open_session

session = open_session(Path(sys.argv[1]), sys.argv[2], sys.argv[3], policy=TEST_POLICY)
tag = sys.argv[4]
for index in range(150):
    record = PersonRecord(full_name=f"Ngô Văn {tag}{index:03d}x", sex=Sex.MALE,
                          birth=PartialDate(1980 + index % 30))
    add_person(session, record, confirm=True)
    find_persons(session, "ngo")
session.close()
print("ok")
"""


def test_two_processes_write_at_once_without_errors(new_store: Path, policy: KdfPolicy) -> None:
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(new_store), ADMIN, ADMIN_PASSPHRASE, tag],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in ("A", "B")
    ]
    for writer in writers:
        out, err = writer.communicate(timeout=240)
        assert writer.returncode == 0, err[-2000:]
        assert out.strip() == "ok"
    session = open_session(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy)
    try:
        assert list_persons(session)[1] == 300
        report = verify_store(session)
        assert report.ok, report
        assert report.audit_entries > 300 * 2
    finally:
        session.close()


def test_maintenance_lock_keeps_sessions_out(
    new_store: Path, policy: KdfPolicy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While a key operation holds the store lock alone, unlocking waits, then refuses clearly."""
    from caseterm.errors import StoreBusy
    from caseterm.services.keys import opening as unlock
    from caseterm.services.session.paths import StoreFiles
    from caseterm.store.lock import FileLock

    monkeypatch.setattr(unlock, "SESSION_LOCK_TIMEOUT", 0.2)
    maintenance = FileLock(StoreFiles(new_store).session_lock)
    maintenance.acquire(exclusive=True)
    try:
        with pytest.raises(StoreBusy, match="maintained by an administrator"):
            open_session(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy)
    finally:
        maintenance.release()
    open_session(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy).close()
