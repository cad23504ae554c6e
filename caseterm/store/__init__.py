"""The encrypted store: SQLCipher under SQLAlchemy/SQLModel, migrations, repositories, audit."""

from __future__ import annotations


class StoreOpenError(Exception):
    """The store file could not be opened safely; `reason` says why (a stable code)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
