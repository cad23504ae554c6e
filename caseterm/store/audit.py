"""Append to and verify the hash-chained audit log, inside the caller's transaction."""

from __future__ import annotations

import json
from collections.abc import Iterator

from sqlmodel import Session, col, select

from caseterm.domain.audit import GENESIS, AuditEntry, ChainFault, verify_chain
from caseterm.store.tables import AuditLog


class AuditRepo:
    """The audit log of one transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def append(
        self,
        *,
        at: str,
        account_id: str,
        action: str,
        object_type: str,
        object_id: str,
        details: dict[str, str | int] | None = None,
    ) -> AuditEntry:
        """Chain a new entry after the current head (the transaction holds the write lock).

        Two plain statements on the transaction's connection: this runs on every read of the
        registers, so it stays off the ORM's unit of work.
        """
        dbapi = self._session.connection().connection.dbapi_connection
        assert dbapi is not None  # noqa: S101 - a connection inside a transaction is open
        newest = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
        head = dbapi.execute(newest).fetchone()
        entry = AuditEntry(
            seq=(head[0] + 1) if head else 1,
            at=at,
            account_id=account_id,
            action=action,
            object_type=object_type,
            object_id=object_id,
            details=dict(details or {}),
            prev_hash=head[1] if head else GENESIS,
        )
        dbapi.execute(
            "INSERT INTO audit_log (seq, at, account_id, action, object_type, object_id, details, "
            "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry.seq,
                entry.at,
                entry.account_id,
                entry.action,
                entry.object_type,
                entry.object_id,
                json.dumps(entry.details, sort_keys=True),
                entry.prev_hash,
                entry.digest(),
            ),
        )
        return entry

    def head(self) -> tuple[int, str]:
        """Return the (seq, hash) of the newest entry, or (0, GENESIS)."""
        head = self._session.exec(
            select(AuditLog).order_by(col(AuditLog.seq).desc()).limit(1)
        ).first()
        return (head.seq, head.hash) if head else (0, GENESIS)

    def entries(self, *, after: int = 0, batch: int = 2000) -> Iterator[tuple[AuditEntry, str]]:
        """Yield (entry, stored hash) in seq order after `after`, in batches (it can be long)."""
        last = after
        while True:
            rows = self._session.exec(
                select(AuditLog)
                .where(col(AuditLog.seq) > last)
                .order_by(col(AuditLog.seq))
                .limit(batch)
            ).all()
            if not rows:
                return
            for row in rows:
                yield _entry(row), row.hash
            last = rows[-1].seq

    def verify(self) -> tuple[int, ChainFault | None]:
        """Verify the whole chain; return the number of good entries and the first fault."""
        return verify_chain(self.entries())

    def last_of(self, action: str) -> AuditEntry | None:
        """The newest entry of one action (e.g. the last backup), if any."""
        row = self._session.exec(
            select(AuditLog)
            .where(col(AuditLog.action) == action)
            .order_by(col(AuditLog.seq).desc())
            .limit(1)
        ).first()
        return _entry(row) if row else None

    def matching(
        self,
        *,
        object_ids: list[str] | None = None,
        account_id: str | None = None,
        actions: list[str] | None = None,
        since: str = "",
        until: str = "",
        limit: int = 100_000,
    ) -> list[AuditEntry]:
        """Entries about these objects, by this account, of these actions, in [since, until).

        In chain order; a filter left empty does not filter.
        """
        query = select(AuditLog).order_by(col(AuditLog.seq)).limit(limit)
        if object_ids is not None:
            query = query.where(col(AuditLog.object_id).in_(object_ids))
        if account_id is not None:
            query = query.where(col(AuditLog.account_id) == account_id)
        if actions is not None:
            query = query.where(col(AuditLog.action).in_(actions))
        if since:
            query = query.where(col(AuditLog.at) >= since)
        if until:
            query = query.where(col(AuditLog.at) < until)
        return [_entry(row) for row in self._session.exec(query)]

    def recent(self, limit: int) -> list[AuditEntry]:
        """Return the newest entries, newest first."""
        rows = self._session.exec(select(AuditLog).order_by(col(AuditLog.seq).desc()).limit(limit))
        return [_entry(row) for row in rows]


def _entry(row: AuditLog) -> AuditEntry:
    try:
        details = json.loads(row.details)
    except ValueError:
        details = {"unreadable": row.details}  # verification will then fail on the hash
    return AuditEntry(
        seq=row.seq,
        at=row.at,
        account_id=row.account_id,
        action=row.action,
        object_type=row.object_type,
        object_id=row.object_id,
        details=details,
        prev_hash=row.prev_hash,
    )
