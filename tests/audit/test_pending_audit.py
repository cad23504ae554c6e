"""A note of what happened while the store was locked is chained at the next unlock, and a
forged note cannot put anything else into the audit log."""

from __future__ import annotations

from pathlib import Path

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.services.audit.trail import unit_trail
from caseterm.services.keys.opening import open_session
from caseterm.services.session.paths import StoreFiles
from caseterm.services.session.pending_audit import note_pending
from tests.conftest import ADMIN, ADMIN_PASSPHRASE


def test_a_note_is_chained_once_and_a_forged_line_is_ignored(
    new_store: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    files = StoreFiles(new_store)
    note_pending(files, "backup.verified", "2026-11-02T02:00:00.000000Z", {"outcome": "whole"})
    with files.pending_audit.open("a", encoding="ascii") as note:
        note.write('{"action": "person.purge", "at": "x", "details": {}}\n')
        note.write("not json at all\n")
    session = open_session(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    try:
        actions = [row.action for row in unit_trail(session).rows]
    finally:
        session.close()
    assert actions.count("backup.verified") == 1
    assert "person.purge" not in actions
    assert not files.pending_audit.exists()
    again = open_session(new_store, ADMIN, ADMIN_PASSPHRASE, policy=policy, clock=clock)
    try:
        assert [r.action for r in unit_trail(again).rows].count("backup.verified") == 1
    finally:
        again.close()
