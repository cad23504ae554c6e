"""Backups: a fresh key sealed to the administrators and the recovery key (never the live data
key), one file that verifies whole, and a restore into a new store under a new data key."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.crypto.recovery import new_recovery_pair
from caseterm.domain.codes import Role
from caseterm.errors import AuthError, IntegrityFailure, PermissionDenied, UsageError
from caseterm.services.accounts.manage import add_account, disable_account
from caseterm.services.accounts.recovery import set_recovery_key
from caseterm.services.custody.backup import create_backup, last_backup
from caseterm.services.custody.restore import Opener, restore_backup, verify_backup
from caseterm.services.keys.opening import open_session
from caseterm.services.keys.rotation import rotate_data_key
from caseterm.services.keys.status import key_status
from caseterm.services.registry.persons import add_person
from caseterm.services.session.case_session import CaseSession
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, OFFICER, OFFICER_PASSPHRASE, person

AS_ADMIN = Opener(name=ADMIN, passphrase=ADMIN_PASSPHRASE)


def _persons(session: CaseSession, count: int) -> None:
    given = ["An", "Bình", "Cường", "Dũng", "Hà", "Lan", "Minh"]
    for index in range(count):
        record = person(f"Lê Văn {given[index]}", id_number=f"0010901{index:05d}")
        add_person(session, record, confirm=True)


def test_backup_verifies_and_restores_with_every_account_and_a_new_data_key(
    session: CaseSession, new_store: Path, policy: KdfPolicy, clock: FrozenClock, tmp_path: Path
) -> None:
    add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    _persons(session, 5)
    out = tmp_path / "xa.ctbak"
    made = create_backup(session, out)
    assert made.administrators == [ADMIN]
    assert last_backup(session) is not None
    session.close()

    report = verify_backup(out, AS_ADMIN, policy=policy)
    assert (report.persons, report.unit_code, report.administrators) == (5, "26734", [ADMIN])
    assert report.accounts == sorted([ADMIN, OFFICER])

    target = tmp_path / "restored" / "caseterm.db"
    target.parent.mkdir()
    done = restore_backup(out, target, AS_ADMIN, policy=policy, clock=clock)
    assert done.accounts == sorted([ADMIN, OFFICER])
    # The officer opens the restored store with their own passphrase; the data key is new.
    officer = open_session(target, OFFICER, OFFICER_PASSPHRASE, policy=policy, clock=clock)
    try:
        assert officer.store.integrity_problems() == []
        with officer.transaction() as tx:
            assert tx.persons.count() == 5
            assert tx.audit.verify()[1] is None
            assert tx.audit.last_of("backup.restore") is not None
            assert tx.audit.last_of("backup.start") is not None
        live = open_session(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
        assert live.unlocked.data_key != officer.unlocked.data_key
        live.close()
    finally:
        officer.close()
    assert {(p.name, p.stat().st_mode & 0o777) for p in (out, target)} == {
        ("xa.ctbak", 0o600),
        ("caseterm.db", 0o600),
    }
    assert sorted(p.name for p in target.parent.iterdir()) == [
        "caseterm.db",
        "caseterm.db.keys",
        "caseterm.db.lock",
    ]


def test_the_backup_is_not_under_the_live_data_key_and_survives_a_rotation(
    session: CaseSession, new_store: Path, policy: KdfPolicy, clock: FrozenClock, tmp_path: Path
) -> None:
    out = tmp_path / "b.ctbak"
    create_backup(session, out)
    data_key = session.unlocked.data_key
    session.close()
    with tarfile.open(out) as archive:
        header = json.loads(archive.extractfile("backup.json").read())  # type: ignore[union-attr]
        database = archive.extractfile("store.db").read()  # type: ignore[union-attr]
    assert set(header["grants"]) == {header["created_by"]}
    assert not any(header["keys"]["grants"].values())
    assert database[:16] != b"SQLite format 3\x00"
    assert data_key not in out.read_bytes()
    rotate_data_key(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    assert verify_backup(out, AS_ADMIN, policy=policy).persons == 0


def test_the_recovery_key_opens_a_backup_when_every_passphrase_is_lost(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock, tmp_path: Path
) -> None:
    public, secret = new_recovery_pair()
    set_recovery_key(session, public)
    _persons(session, 2)
    out = tmp_path / "b.ctbak"
    assert create_backup(session, out).recovery_key
    session.close()
    assert verify_backup(out, Opener(recovery_secret=secret), policy=policy).persons == 2
    target = tmp_path / "new.db"
    restore_backup(out, target, Opener(recovery_secret=secret), policy=policy, clock=clock)
    reopened = open_session(target, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    with reopened.transaction() as tx:
        entry = tx.audit.last_of("backup.restore")
    reopened.close()
    assert entry is not None and entry.account_id == "recovery"
    _, other = new_recovery_pair()
    with pytest.raises(AuthError):
        verify_backup(out, Opener(recovery_secret=other), policy=policy)


def test_only_administrators_make_or_open_backups(
    session: CaseSession, new_store: Path, policy: KdfPolicy, clock: FrozenClock, tmp_path: Path
) -> None:
    add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    out = tmp_path / "b.ctbak"
    create_backup(session, out)
    session.close()
    officer = open_session(new_store, OFFICER, OFFICER_PASSPHRASE, policy=policy, clock=clock)
    try:
        with pytest.raises(PermissionDenied):
            create_backup(officer, tmp_path / "o.ctbak")
    finally:
        officer.close()
    with pytest.raises(AuthError, match="no key"):
        verify_backup(out, Opener(name=OFFICER, passphrase=OFFICER_PASSPHRASE), policy=policy)
    with pytest.raises(AuthError):
        verify_backup(out, Opener(name=ADMIN, passphrase="sai mat khau roi ban oi"), policy=policy)


def test_a_disabled_administrator_gets_no_key_in_later_backups(
    session: CaseSession, policy: KdfPolicy, tmp_path: Path
) -> None:
    add_account(session, name="quantri2", roles=(Role.ADMIN,), passphrase=OFFICER_PASSPHRASE)
    assert create_backup(session, tmp_path / "1.ctbak").administrators == [ADMIN, "quantri2"]
    disable_account(session, "quantri2")
    assert create_backup(session, tmp_path / "2.ctbak").administrators == [ADMIN]


def _rewrite(out: Path, target: Path, change: dict[str, object]) -> None:
    with tarfile.open(out) as archive:
        header = json.loads(archive.extractfile("backup.json").read())  # type: ignore[union-attr]
        database = archive.extractfile("store.db").read()  # type: ignore[union-attr]
    header.update(change)

    with tarfile.open(target, "w") as archive:
        for name, data in (("backup.json", json.dumps(header).encode()), ("store.db", database)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


def test_a_changed_header_or_database_is_refused_and_nothing_is_restored(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock, tmp_path: Path
) -> None:
    out = tmp_path / "b.ctbak"
    create_backup(session, out)
    session.close()
    renamed = tmp_path / "renamed.ctbak"
    _rewrite(out, renamed, {"created_at": "2020-01-01T00:00:00Z"})
    with pytest.raises(AuthError):
        verify_backup(renamed, AS_ADMIN, policy=policy)
    flipped = bytearray(out.read_bytes())
    flipped[len(flipped) // 2] ^= 0x01
    damaged = tmp_path / "damaged.ctbak"
    damaged.write_bytes(bytes(flipped))
    target = tmp_path / "r" / "c.db"
    target.parent.mkdir()
    with pytest.raises(IntegrityFailure):
        restore_backup(damaged, target, AS_ADMIN, policy=policy, clock=clock)
    assert list(target.parent.iterdir()) == []
    with pytest.raises(IntegrityFailure, match="not a caseterm backup"):
        verify_backup(_plain_file(tmp_path), AS_ADMIN, policy=policy)


def _plain_file(tmp_path: Path) -> Path:
    plain = tmp_path / "notes.txt"
    plain.write_text("không phải bản sao lưu")
    return plain


def test_never_over_an_existing_file(
    session: CaseSession, new_store: Path, policy: KdfPolicy, clock: FrozenClock, tmp_path: Path
) -> None:
    out = tmp_path / "b.ctbak"
    out.write_bytes(b"earlier")
    with pytest.raises(UsageError):
        create_backup(session, out)
    assert out.read_bytes() == b"earlier"
    out.unlink()
    create_backup(session, out)
    session.close()
    before = new_store.read_bytes()
    with pytest.raises(UsageError, match="already exists"):
        restore_backup(out, new_store, AS_ADMIN, policy=policy, clock=clock)
    assert new_store.read_bytes() == before


def test_keys_status_shows_the_last_backup(session: CaseSession, tmp_path: Path) -> None:
    assert key_status(session).last_backup is None
    create_backup(session, tmp_path / "b.ctbak")
    assert key_status(session).last_backup is not None


def test_a_full_disk_is_a_clear_error_and_leaves_no_file(
    session: CaseSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    from caseterm.errors import CasetermError

    def no_space(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(CasetermError, match="Cannot write"):
        create_backup(session, usb / "b.ctbak")
    assert list(usb.iterdir()) == []
