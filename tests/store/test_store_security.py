"""The encrypted store: wrong keys, tampering, plaintext files, pinned settings (T08, T21)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from caseterm.crypto.kdf import KdfPolicy
from caseterm.errors import AuthError, IntegrityFailure, NotFound
from caseterm.services.keys.opening import open_session
from caseterm.services.registry.persons import add_person
from caseterm.services.session.paths import StoreFiles
from caseterm.store import StoreOpenError
from caseterm.store.database import Store
from caseterm.store.migrate import HEAD, MIGRATIONS
from caseterm.store.sqlcipher import PINNED_CIPHER, PLAINTEXT_HEADER, connect
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, person


def test_wrong_passphrase_is_a_clear_auth_error(new_store: Path, policy: KdfPolicy) -> None:
    with pytest.raises(AuthError, match="Wrong passphrase for quantri"):
        open_session(new_store, ADMIN, "not the right words at all", policy=policy)
    with pytest.raises(AuthError, match="no account named nobody"):
        open_session(new_store, "nobody", ADMIN_PASSPHRASE, policy=policy)


def test_wrong_raw_key_is_refused_before_any_read(new_store: Path) -> None:
    with pytest.raises(StoreOpenError) as refused:
        connect(new_store, os.urandom(32))
    assert refused.value.reason == "wrong_key_or_damaged"


def test_missing_store_and_missing_key_file(
    tmp_path: Path, new_store: Path, policy: KdfPolicy
) -> None:
    with pytest.raises(NotFound):
        open_session(tmp_path / "nothing.db", ADMIN, ADMIN_PASSPHRASE, policy=policy)
    StoreFiles(new_store).keyfile.rename(new_store.with_name("elsewhere.keys"))
    with pytest.raises(NotFound, match="key file"):
        open_session(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy)


def test_plaintext_database_is_refused(tmp_path: Path) -> None:
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t(x)").connection.commit()
    assert plain.read_bytes()[:16] == PLAINTEXT_HEADER
    with pytest.raises(StoreOpenError) as refused:
        connect(plain, os.urandom(32))
    assert refused.value.reason == "plaintext"


def test_file_is_encrypted_from_the_first_byte(new_store: Path) -> None:
    assert new_store.read_bytes()[:16] != PLAINTEXT_HEADER


def test_cipher_settings_are_pinned_and_read_back(session: object) -> None:
    report = session.store.cipher_report()  # type: ignore[attr-defined]
    assert int(report["cipher_version"].split(".")[0]) >= 4
    assert {k: report[k] for k in PINNED_CIPHER} == PINNED_CIPHER


def test_flipped_byte_is_detected(new_store: Path, policy: KdfPolicy, tmp_path: Path) -> None:
    """T08 (sample): a bit flipped in a data page is found by verify or refuses to open."""
    session = open_session(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy)
    for index in range(30):
        add_person(
            session, person(f"Trần Văn Số{index}", id_number=f"0010901{index:05d}"), confirm=True
        )
    data_key = session.unlocked.data_key
    session.close()
    size = new_store.stat().st_size
    pages = size // 4096
    detected = 0
    for trial, page in enumerate(range(1, pages)):
        copy = tmp_path / f"copy-{trial}.db"
        shutil.copyfile(new_store, copy)
        with copy.open("r+b") as handle:
            handle.seek(page * 4096 + 100)
            byte = handle.read(1)
            handle.seek(page * 4096 + 100)
            handle.write(bytes([byte[0] ^ 0x01]))
        try:
            store = Store(copy, data_key)
        except StoreOpenError:
            detected += 1
            continue
        try:
            problems = store.integrity_problems()
        finally:
            store.close()
        detected += bool(problems)
    assert detected == pages - 1


def test_store_replaced_by_another_store_file_is_refused(
    tmp_path: Path, new_store: Path, policy: KdfPolicy
) -> None:
    from caseterm.services.setup.new_store import InitRequest, init_store

    other = tmp_path / "other" / "o.db"
    init_store(
        InitRequest(other, "1", "Xã Khác", "khac", "mot con vit xoe ra hai cai canh"), policy=policy
    )
    shutil.copyfile(other, new_store)
    with pytest.raises(IntegrityFailure, match="does not belong"):
        open_session(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy)


def test_migration_head_constant_matches_alembic() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD


def test_upgraded_schema_matches_the_models(session: object) -> None:
    """Upgrading an empty store to head leaves nothing for autogenerate to add."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from caseterm.store.migrate import include_object
    from caseterm.store.tables import metadata

    engine = session.store._engine  # type: ignore[attr-defined]
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": include_object})
        assert compare_metadata(context, metadata) == []


def test_read_transactions_commit_without_fsync_and_restore_full(session: object) -> None:
    """Reads are audited with synchronous=NORMAL; every connection goes back to FULL after."""
    from caseterm.services.registry.persons import find_persons

    store = session.store  # type: ignore[attr-defined]
    with store.transaction(durable=False) as tx:
        level = tx.audit._session.connection().connection.dbapi_connection.execute(
            "PRAGMA synchronous"
        )
        assert level.fetchone()[0] == 1  # NORMAL
    find_persons(session, "nguyen")  # type: ignore[arg-type]
    for _ in range(3):  # whichever pooled connection comes next
        with store.transaction() as tx:
            level = tx.audit._session.connection().connection.dbapi_connection.execute(
                "PRAGMA synchronous"
            )
            assert level.fetchone()[0] == 2  # FULL
