"""A chief's approvals of account changes, and the notices of those changes."""

from __future__ import annotations

from sqlmodel import Session, col, select

from caseterm.store.records import ApprovalInfo, NoticeInfo, RequestInfo
from caseterm.store.tables import AccountApproval, AccountNotice, AccountRequest

WAITING = "waiting"


class ApprovalRepo:
    """One-time approvals (kept by the hash of their code) and the chiefs' notices."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        *,
        approval_id: str,
        kind: str,
        subject: str,
        roles: str,
        code_sha256: str,
        issued_by: str,
        issued_at: str,
        expires_at: str,
    ) -> None:
        """Record an approval the chief has just been shown the code of."""
        self._session.add(
            AccountApproval(
                id=approval_id,
                kind=kind,
                subject=subject,
                roles=roles,
                code_sha256=code_sha256,
                issued_by=issued_by,
                issued_at=issued_at,
                expires_at=expires_at,
            )
        )
        self._session.flush()

    def by_code(self, code_sha256: str) -> ApprovalInfo | None:
        """The approval whose code hashes to `code_sha256`, if any."""
        row = self._session.exec(
            select(AccountApproval).where(AccountApproval.code_sha256 == code_sha256)
        ).first()
        return None if row is None else _approval(row)

    def mark_used(self, approval_id: str, *, by: str, at: str) -> None:
        """Spend an approval (it never approves anything again)."""
        row = self._session.get(AccountApproval, approval_id)
        if row is None:
            raise KeyError(approval_id)
        row.used_at, row.used_by = at, by
        self._session.add(row)
        self._session.flush()

    def open(self, *, now: str) -> list[ApprovalInfo]:
        """Approvals neither used nor expired, oldest first."""
        rows = self._session.exec(
            select(AccountApproval)
            .where(col(AccountApproval.used_at).is_(None), AccountApproval.expires_at > now)
            .order_by(col(AccountApproval.issued_at))
        )
        return [_approval(row) for row in rows]

    def notify(
        self,
        *,
        kind: str,
        subject: str,
        roles: str,
        actor_id: str,
        approved_by: str | None,
        at: str,
    ) -> None:
        """Tell the chiefs of an account change (in the change's own transaction)."""
        self._session.add(
            AccountNotice(
                kind=kind,
                subject=subject,
                roles=roles,
                actor_id=actor_id,
                approved_by=approved_by,
                at=at,
            )
        )
        self._session.flush()

    def pending_notices(self) -> list[NoticeInfo]:
        """Notices no chief has acknowledged yet, oldest first."""
        rows = self._session.exec(
            select(AccountNotice)
            .where(col(AccountNotice.acknowledged_at).is_(None))
            .order_by(col(AccountNotice.id))
        )
        return [
            NoticeInfo(
                row.id or 0,
                row.kind,
                row.subject,
                row.roles,
                row.actor_id,
                row.approved_by,
                row.at,
            )
            for row in rows
        ]

    def acknowledge(self, notice_ids: list[int], *, by: str, at: str) -> int:
        """Mark notices as seen by a chief; return how many were still pending."""
        done = 0
        for notice_id in notice_ids:
            row = self._session.get(AccountNotice, notice_id)
            if row is None or row.acknowledged_at is not None:
                continue
            row.acknowledged_by, row.acknowledged_at = by, at
            self._session.add(row)
            done += 1
        self._session.flush()
        return done

    def request(
        self, *, request_id: str, kind: str, subject: str, roles: str, by: str, at: str
    ) -> bool:
        """Put a refused change on the chiefs' list; False when the same one already waits."""
        same = self._session.exec(
            select(AccountRequest).where(
                AccountRequest.status == WAITING,
                AccountRequest.kind == kind,
                AccountRequest.subject == subject,
                AccountRequest.roles == roles,
            )
        ).first()
        if same is not None:
            return False
        self._session.add(
            AccountRequest(
                id=request_id,
                kind=kind,
                subject=subject,
                roles=roles,
                requested_by=by,
                requested_at=at,
                status=WAITING,
            )
        )
        self._session.flush()
        return True

    def waiting_requests(self) -> list[RequestInfo]:
        """The requests no chief has answered, oldest first."""
        rows = self._session.exec(
            select(AccountRequest)
            .where(AccountRequest.status == WAITING)
            .order_by(col(AccountRequest.requested_at))
        )
        return [
            RequestInfo(r.id, r.kind, r.subject, r.roles, r.requested_by, r.requested_at)
            for r in rows
        ]

    def close_request(self, request_id: str, *, status: str, by: str, at: str) -> bool:
        """Answer a waiting request; False when it was answered meanwhile (or is unknown)."""
        row = self._session.get(AccountRequest, request_id)
        if row is None or row.status != WAITING:
            return False
        row.status, row.decided_by, row.decided_at = status, by, at
        self._session.add(row)
        self._session.flush()
        return True


def _approval(row: AccountApproval) -> ApprovalInfo:
    return ApprovalInfo(
        row.id,
        row.kind,
        row.subject,
        row.roles,
        row.issued_by,
        row.issued_at,
        row.expires_at,
        row.used_at,
    )
