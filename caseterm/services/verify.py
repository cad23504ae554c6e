"""`caseterm-admin verify`: SQLite and SQLCipher integrity, then the audit chain."""

from __future__ import annotations

from dataclasses import dataclass

from caseterm.domain.audit import ChainFault
from caseterm.domain.permissions import Action
from caseterm.services.session import CaseSession


@dataclass(frozen=True)
class VerifyReport:
    """What the checks found."""

    integrity_problems: list[str]
    audit_entries: int
    audit_fault: ChainFault | None
    cipher: dict[str, str]

    @property
    def ok(self) -> bool:
        """True when every check passed."""
        return not self.integrity_problems and self.audit_fault is None


def verify_store(session: CaseSession) -> VerifyReport:
    """Run every check; the run itself is audited after the chain was read."""
    session.require(Action.STORE_VERIFY)
    problems = session.store.integrity_problems()
    with session.transaction() as tx:
        count, fault = tx.audit.verify()
        session.audit(
            tx,
            "store.verify",
            "unit",
            session.unit.code,
            {"ok": int(not problems and fault is None)},
        )
    return VerifyReport(problems, count, fault, session.store.cipher_report())
