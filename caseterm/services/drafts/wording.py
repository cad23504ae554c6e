"""A draft's state in words (the CLI's lines and the Approvals screen say it the same way)."""

from __future__ import annotations

from caseterm.i18n import _
from caseterm.services.drafts.desk import DraftView


def draft_state(view: DraftView) -> str:
    """A draft's state in words (a mark repeats it, never colour alone)."""
    info = view.info
    if info.status == "waiting":
        if view.stale:
            return _("✗ no longer fits: {why}").format(why=view.stale)
        return _("⧗ waiting for the chief")
    if info.status == "approved":
        return _("✓ approved by {chief}").format(chief=view.decided_by or "?")
    if info.status == "rejected":
        return _("✗ rejected by {chief}: {reason}").format(
            chief=view.decided_by or "?", reason=info.reason or ""
        )
    return _("– withdrawn")
