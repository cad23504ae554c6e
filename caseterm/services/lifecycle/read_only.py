"""The rule that a closed case past its correction period cannot be changed (spec P6)."""

from __future__ import annotations

from caseterm.domain.lifecycle.derive import Derived
from caseterm.domain.retention import Stage, retention_of
from caseterm.errors import RefusedError
from caseterm.i18n import _
from caseterm.store.database import Tx

REOPENING = frozenset({"test.performed", "person.moved_in"})
"""What may still be recorded on a read-only file: a new episode, never a correction."""


def read_only_refusal(tx: Tx, state: Derived) -> RefusedError | None:
    """The refusal for changing a file whose closed case is past the correction period."""
    found = retention_of(state, tx.retention.read_only_after_days())
    if found.stage is not Stage.READ_ONLY or found.closed_at is None:
        return None
    return RefusedError(
        _(
            "This case was closed on {day} and is read-only after {days} days: it can be read, "
            "archived and purged, not changed. Only a new drug test or a move back here opens "
            "a new episode in it."
        ).format(day=found.closed_at.date().isoformat(), days=tx.retention.read_only_after_days())
    )
