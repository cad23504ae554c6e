"""The close-watch list and the annual review (product.md §1, §3).

People after rehab, people with drug-induced psychosis ("ngáo đá") and people released from
prison are managed closely: the commune lists them with the days since the last contact and
flags anyone not seen for 30 days. Everyone on a register is reviewed once a year (tổng rà
soát). Pure functions: the stored projection keeps the facts, the moment decides the rest.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from caseterm.domain.lifecycle.derive import Derived
from caseterm.domain.lifecycle.model import MeasureKind

CONTACT_EVERY = timedelta(days=30)
"""Without a contact for longer than this, a person on the close-watch list is flagged."""
RELEASE_WATCHED_FOR = timedelta(days=365)
"""[U] How long after release from prison a person stays on the list: no text fixes it; a
year matches the one-year horizon of post-rehab management."""


class Watch(StrEnum):
    """Why a person is on the close-watch list."""

    POST_REHAB = "POST_REHAB"
    PSYCHOSIS = "PSYCHOSIS"
    RELEASED = "RELEASED"


def watch_reasons(state: Derived, *, psychosis: bool) -> tuple[Watch, ...]:
    """The lasting reasons to watch a person (a release counts here however long ago)."""
    reasons = []
    if any(m.kind is MeasureKind.POST_REHAB for m in state.active_measures()):
        reasons.append(Watch.POST_REHAB)
    if psychosis and state.registers:
        reasons.append(Watch.PSYCHOSIS)
    if state.released_from_prison is not None:
        reasons.append(Watch.RELEASED)
    return tuple(reasons)


def reasons_now(
    reasons: tuple[Watch, ...], released_at: datetime | None, now: datetime
) -> tuple[Watch, ...]:
    """The reasons that still hold at `now`: a release watches for a year only."""
    recent = released_at is not None and now - released_at <= RELEASE_WATCHED_FOR
    return tuple(r for r in reasons if r is not Watch.RELEASED or recent)


def days_without_contact(last_contact: datetime | None, now: datetime) -> int | None:
    """Whole days since the last contact; None if there never was one."""
    return None if last_contact is None else (now - last_contact).days


def contact_overdue(last_contact: datetime | None, now: datetime) -> bool:
    """Whether the person has gone unseen too long (never seen counts as too long)."""
    return last_contact is None or now - last_contact > CONTACT_EVERY


def latest_review(state: Derived) -> int | None:
    """The latest year with a completed annual review."""
    return max(state.reviews, default=None)
