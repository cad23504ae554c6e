"""Audit entries for what happens while the store is locked, chained at the next unlock.

`caseterm-admin backup verify` opens a backup, not the store: like a failed unlock, it cannot
be audited when it happens. A short note beside the store (`<store>.pending-audit`, one JSON
object per line: the action, when, and ids, counts or an outcome — never personal data) keeps
it until the next unlock writes each into the audit chain and removes the note.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from caseterm.files import atomic_write_bytes

if TYPE_CHECKING:
    from caseterm.services.session.case_session import CaseSession
    from caseterm.services.session.paths import StoreFiles
    from caseterm.store.database import Tx

ALLOWED = frozenset({"backup.verified"})
"""The actions a note may carry: a note cannot put anything else into the audit log."""
MAX_NOTES = 100


def note_pending(files: StoreFiles, action: str, at: str, details: dict[str, str | int]) -> None:
    """Keep one entry for the next unlock (the oldest dropped beyond 100)."""
    if action not in ALLOWED:
        raise ValueError(action)
    notes = _read(files)[-(MAX_NOTES - 1) :]
    notes.append({"action": action, "at": at, "details": details})
    body = "".join(json.dumps(note, ensure_ascii=True, sort_keys=True) + "\n" for note in notes)
    atomic_write_bytes(files.pending_audit, body.encode("ascii"))


def chain_pending(session: CaseSession, tx: Tx) -> int:
    """Write the notes into the audit chain (in the unlock's transaction); return how many."""
    notes = _read(session.files)
    for note in notes:
        given = note.get("details")
        details: dict[str, str | int] = {
            str(key): value
            for key, value in (given.items() if isinstance(given, dict) else [])
            if isinstance(value, str | int) and not isinstance(value, bool)
        }
        details["noted_at"] = str(note.get("at", "?"))
        session.audit(tx, str(note["action"]), "unit", session.unit.code, details)
    return len(notes)


def forget_pending(files: StoreFiles) -> None:
    """Remove the note once its entries are committed."""
    files.pending_audit.unlink(missing_ok=True)


def _read(files: StoreFiles) -> list[dict[str, object]]:
    """The notes; a line that is not one of ours is skipped (the note is not trusted input)."""
    try:
        text = files.pending_audit.read_text("ascii")
    except (FileNotFoundError, UnicodeDecodeError):
        return []
    notes = []
    for line in text.splitlines()[-MAX_NOTES:]:
        try:
            note = json.loads(line)
        except ValueError:
            continue
        if isinstance(note, dict) and note.get("action") in ALLOWED:
            notes.append(note)
    return notes
