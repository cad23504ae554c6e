"""The audit trail as JSON for scripts and as an XLSX for an inspection (ids, never names)."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from caseterm.files import atomic_write_bytes
from caseterm.i18n import _
from caseterm.services.audit.trail import AuditTrail
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.user_files import writing_to
from caseterm.services.words.labels import moment_label


def trail_json(trail: AuditTrail, *, with_subject: bool = True) -> dict[str, Any]:
    """The trail for `--json`: the entries, and the chain's state."""
    return {
        "subject": trail.subject if with_subject else None,
        "chain": {
            "entries": trail.chain_entries,
            "intact": trail.chain_fault is None,
            "fault": trail.chain_fault,
        },
        "entries": [
            {
                "seq": row.seq,
                "at": row.at,
                "account": row.account,
                "action": row.action,
                "what": row.what,
                "object_type": row.object_type,
                "object_id": row.object_id,
                "details": row.details,
            }
            for row in trail.rows
        ],
    }


def write_trail_xlsx(session: CaseSession, trail: AuditTrail, out: Path) -> None:
    """Save the trail as a workbook for an inspection, audited as `audit.export`.

    The sheet holds ids, file numbers, account names and actions: never a person's name, so
    the file on a USB stick says who did what without saying about whom.
    """
    data = _xlsx_bytes(trail)
    details: dict[str, str | int] = {
        "rows": len(trail.rows),
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    with session.transaction() as tx, writing_to(out):
        session.audit(tx, "audit.export", "unit", session.unit.code, details)
        atomic_write_bytes(out, data)


def _xlsx_bytes(trail: AuditTrail) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Audit trail")[:31]
    intact = (
        _("✓ the audit chain is intact ({n} entries)").format(n=trail.chain_entries)
        if trail.chain_fault is None
        else _("✗ the audit chain is broken at {where}").format(where=trail.chain_fault)
    )
    sheet.append([intact])
    headers = [_("No."), _("When"), _("Account"), _("What"), _("Action"), _("Object"), _("Id"),
               _("Details")]  # fmt: skip
    sheet.append(headers)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in trail.rows:
        sheet.append([row.seq, moment_label(row.at), row.account, row.what, row.action,
                      row.object_type, row.object_id, row.details])  # fmt: skip
    for letter, width in zip("ABCDEFGH", (7, 17, 14, 34, 22, 10, 38, 40), strict=True):
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
