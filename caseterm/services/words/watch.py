"""The words of the close-watch and annual-review lists (shared by the TUI and the CLI)."""

from __future__ import annotations

from collections.abc import Iterable

from caseterm.i18n import N_, _

WATCH_REASONS = {
    "POST_REHAB": N_("after rehab"),
    "PSYCHOSIS": N_("drug-induced psychosis"),
    "RELEASED": N_("released from prison"),
}


def contact_status(days_without_contact: int | None, overdue: bool) -> str:
    """How long since contact, in words, with a ⚠ when it is overdue (never colour alone)."""
    if days_without_contact is None:
        return _("⚠ never contacted")
    if overdue:
        return _("⚠ {days} days without contact").format(days=days_without_contact)
    return _("✓ {days} days ago").format(days=days_without_contact)


def watch_reasons(reasons: Iterable[str]) -> str:
    """Why the person is watched closely (the reason codes), in words."""
    return ", ".join(_(WATCH_REASONS[reason]) for reason in reasons)
