"""An open store: its engine, its transactions and its maintenance checks."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Connection, exc
from sqlmodel import Session

from caseterm.store import StoreDamaged, StoreOpenError
from caseterm.store.accounts import AccountRepo, UnitKeyRepo, UnitRepo
from caseterm.store.approvals import ApprovalRepo
from caseterm.store.audit import AuditRepo
from caseterm.store.district import DistrictRepo
from caseterm.store.documents import DocumentRepo
from caseterm.store.drafts import DraftRepo
from caseterm.store.engine import make_engine
from caseterm.store.events import EventRepo
from caseterm.store.held import HeldRepo
from caseterm.store.lifecycle import StateRepo, UnitEventRepo
from caseterm.store.migrate import HEAD, recorded_revision, upgrade_to_head
from caseterm.store.persons import PersonRepo
from caseterm.store.retention import RetentionRepo
from caseterm.store.sqlcipher import (
    cipher_version,
    current_cipher_settings,
    integrity_problems,
    online_backup,
    raise_if_disk,
)
from caseterm.store.sync import SyncRepo


@contextmanager
def _damage_as_error() -> Iterator[None]:
    """Turn "malformed" / "not a database" from deep inside a query into `StoreDamaged`.

    Constraint violations and busy/locked errors are not damage and pass through unchanged.
    """
    try:
        yield
    except exc.DatabaseError as error:
        raise_if_disk(error.orig)
        if _is_damage(error.orig):
            raise StoreDamaged from error
        raise
    except sqlcipher3.DatabaseError as error:
        raise_if_disk(error)
        if _is_damage(error):
            raise StoreDamaged from error
        raise


def _is_damage(error: BaseException | None) -> bool:
    return isinstance(error, sqlcipher3.DatabaseError) and not isinstance(
        error, sqlcipher3.IntegrityError | sqlcipher3.OperationalError
    )


def _dbapi(connection: Connection) -> Any:
    """Return the raw DBAPI connection under a SQLAlchemy connection (for PRAGMAs)."""
    raw = connection.connection.dbapi_connection
    if raw is None:
        raise StoreOpenError("closed")
    return raw


@dataclass
class Tx:
    """One transaction's repositories; all of it commits or none of it does."""

    units: UnitRepo
    accounts: AccountRepo
    keys: UnitKeyRepo
    persons: PersonRepo
    events: EventRepo
    audit: AuditRepo
    states: StateRepo
    unit_events: UnitEventRepo
    sync: SyncRepo
    district: DistrictRepo
    retention: RetentionRepo
    approvals: ApprovalRepo
    held: HeldRepo
    drafts: DraftRepo
    documents: DocumentRepo


class Store:
    """An unlocked SQLCipher store."""

    def __init__(self, path: Path, data_key: bytes, *, create: bool = False) -> None:
        if create and path.exists():
            raise StoreOpenError("exists")
        self.path = path
        self._engine = make_engine(path, data_key, create=create)
        try:
            with _damage_as_error():
                self._migrate()
        except BaseException:
            self._engine.dispose()
            raise

    def _migrate(self) -> None:
        with self._engine.connect() as connection:
            revision = recorded_revision(_dbapi(connection))
        if revision != HEAD:
            upgrade_to_head(self._engine)

    @contextmanager
    def transaction(self, *, durable: bool = True) -> Iterator[Tx]:
        """Run a block in one write transaction (BEGIN IMMEDIATE … COMMIT, or ROLLBACK).

        `durable=False` is for transactions that only record a read in the audit log: they
        commit with `synchronous=NORMAL` (no fsync of their own). A WAL commit survives an
        application crash either way; only a power cut before the next durable commit or
        checkpoint could lose such read records. Every change to case data stays FULL.
        """
        with _damage_as_error(), self._engine.connect() as connection:
            raw = _dbapi(connection)
            if not durable:
                raw.execute("PRAGMA synchronous = NORMAL")  # only allowed outside a transaction
            try:
                with Session(bind=connection, expire_on_commit=False) as session, session.begin():
                    yield Tx(
                        units=UnitRepo(session),
                        accounts=AccountRepo(session),
                        keys=UnitKeyRepo(session),
                        persons=PersonRepo(session),
                        events=EventRepo(session),
                        audit=AuditRepo(session),
                        states=StateRepo(session),
                        unit_events=UnitEventRepo(session),
                        sync=SyncRepo(session),
                        district=DistrictRepo(session),
                        retention=RetentionRepo(session),
                        approvals=ApprovalRepo(session),
                        held=HeldRepo(session),
                        drafts=DraftRepo(session),
                        documents=DocumentRepo(session),
                    )
            finally:
                if not durable:
                    raw.execute("PRAGMA synchronous = FULL")

    def integrity_problems(self) -> list[str]:
        """Run SQLite's and SQLCipher's integrity checks."""
        with _damage_as_error(), self._engine.connect() as connection:
            return integrity_problems(_dbapi(connection))

    def cipher_report(self) -> dict[str, str]:
        """Return the SQLCipher version and the cipher settings in force."""
        with self._engine.connect() as connection:
            dbapi = _dbapi(connection)
            return {"cipher_version": cipher_version(dbapi), **current_cipher_settings(dbapi)}

    def digest(self, tables: list[str]) -> str:
        """SHA-256 of every row of these tables in primary-key order (state comparisons).

        The reliability tests compare stores with it: before and after a crash, or two import
        orders. Table names come from the caller's code, never from input.
        """
        digest = hashlib.sha256()
        with _damage_as_error(), self._engine.connect() as connection:
            raw = _dbapi(connection)
            for table in tables:
                if not table.isidentifier():
                    raise ValueError(table)
                digest.update(table.encode())
                for row in raw.execute(f"SELECT * FROM {table} ORDER BY 1, 2"):  # noqa: S608
                    digest.update(repr(row).encode())
        return digest.hexdigest()

    def backup_into(self, target: Path, target_key: bytes) -> None:
        """Copy the store, as of one instant, into a new file under `target_key` (online)."""
        with _damage_as_error(), self._engine.connect() as connection:
            online_backup(_dbapi(connection), target, target_key)

    def checkpoint(self) -> None:
        """Fold the WAL into the main file."""
        with self._engine.connect() as connection:
            _dbapi(connection).execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Close every connection; the key is gone with the engine."""
        self._engine.dispose()
