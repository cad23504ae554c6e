"""The encrypted store: SQLCipher under SQLAlchemy/SQLModel, migrations, repositories, audit."""

from __future__ import annotations


class StoreOpenError(Exception):
    """The store file could not be opened safely; `reason` says why (a stable code)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class StoreDamaged(StoreOpenError):
    """A page failed its check while the store was in use: damaged or tampered with."""

    def __init__(self) -> None:
        super().__init__("damaged")


class StoreWriteFailed(StoreOpenError):
    """The disk refused a write of the store (`disk_full` or `io_error`); SQLite rolled back."""
