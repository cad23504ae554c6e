"""An open store: its engine, its transactions and its maintenance checks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from caseterm.store import StoreOpenError
from caseterm.store.accounts import AccountRepo, UnitKeyRepo, UnitRepo
from caseterm.store.audit import AuditRepo
from caseterm.store.engine import make_engine
from caseterm.store.migrate import HEAD, recorded_revision, upgrade_to_head
from caseterm.store.persons import EventRepo, PersonRepo
from caseterm.store.sqlcipher import cipher_version, current_cipher_settings, integrity_problems


@dataclass
class Tx:
    """One transaction's repositories; all of it commits or none of it does."""

    units: UnitRepo
    accounts: AccountRepo
    keys: UnitKeyRepo
    persons: PersonRepo
    events: EventRepo
    audit: AuditRepo


class Store:
    """An unlocked SQLCipher store."""

    def __init__(self, path: Path, data_key: bytes, *, create: bool = False) -> None:
        if create and path.exists():
            raise StoreOpenError("exists")
        self.path = path
        self._engine = make_engine(path, data_key, create=create)
        try:
            self._migrate()
        except BaseException:
            self._engine.dispose()
            raise

    def _migrate(self) -> None:
        with self._engine.connect() as connection:
            revision = recorded_revision(connection.connection.dbapi_connection)
        if revision != HEAD:
            upgrade_to_head(self._engine)

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        """Run a block in one write transaction (BEGIN IMMEDIATE … COMMIT, or ROLLBACK)."""
        with Session(self._engine, expire_on_commit=False) as session, session.begin():
            yield Tx(
                units=UnitRepo(session),
                accounts=AccountRepo(session),
                keys=UnitKeyRepo(session),
                persons=PersonRepo(session),
                events=EventRepo(session),
                audit=AuditRepo(session),
            )

    def integrity_problems(self) -> list[str]:
        """Run SQLite's and SQLCipher's integrity checks."""
        with self._engine.connect() as connection:
            return integrity_problems(connection.connection.dbapi_connection)

    def cipher_report(self) -> dict[str, str]:
        """Return the SQLCipher version and the cipher settings in force."""
        with self._engine.connect() as connection:
            dbapi = connection.connection.dbapi_connection
            return {"cipher_version": cipher_version(dbapi), **current_cipher_settings(dbapi)}

    def checkpoint(self) -> None:
        """Fold the WAL into the main file."""
        with self._engine.connect() as connection:
            connection.connection.dbapi_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Close every connection; the key is gone with the engine."""
        self._engine.dispose()
