"""The SQLAlchemy engine over SQLCipher: a `creator` that keys every pooled connection.

Not `sqlite+pysqlcipher://` with `creator=` (the dialect then sends an empty key), and an explicit
QueuePool (a path-less `sqlite://` URL would silently select SingletonThreadPool). Every
transaction starts with BEGIN IMMEDIATE: reads are audited, so every transaction writes, and
taking the write lock up front turns a cross-process race into a short wait, not an error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from caseterm.store.sqlcipher import connect


def make_engine(path: Path, data_key: bytes, *, create: bool = False) -> Engine:
    """Return an engine whose connections are keyed, checked and configured."""
    first = connect(path, data_key, create=create)  # fail now, not at the first query
    pending = [first]

    def creator() -> Any:
        return pending.pop() if pending else connect(path, data_key)

    engine = create_engine(
        "sqlite://",
        module=sqlcipher3,
        creator=creator,
        poolclass=QueuePool,
        pool_size=4,
        hide_parameters=True,  # statement parameters are personal data: never in error text
    )
    event.listen(engine, "begin", _begin_immediate)
    return engine


def _begin_immediate(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def fetch_all(session: Any, statement: str, params: tuple[object, ...]) -> list[tuple[Any, ...]]:
    """Run a statement on a transaction's DBAPI connection and fetch every row at once.

    For hot paths (search as you type, the today list): thousands of rows cross here, and
    fetching them in C as plain tuples is several times faster than through SQLAlchemy's rows.
    `session` is the transaction's SQLModel session.
    """
    dbapi = session.connection().connection.dbapi_connection
    assert dbapi is not None  # noqa: S101 - a connection inside a transaction is open
    rows: list[tuple[Any, ...]] = dbapi.execute(statement, params).fetchall()
    return rows
