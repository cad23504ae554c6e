"""Retention of closed cases (legal spec P6): open to corrections, then read-only.

Read-only files are then archived and, once the district holds them, purged from the laptop.

No law fixes the periods (spec P6 [U]), so the unit sets how long a closed case stays open to
corrections. What is closed and since when comes from the derived lifecycle, never from a flag
someone could set by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from caseterm.domain.lifecycle.derive import Derived
from caseterm.domain.lifecycle.model import Status

DEFAULT_READ_ONLY_AFTER_DAYS = 90
"""Three months to correct a closed file: a default to review with the district (spec P6 [U])."""
MAX_READ_ONLY_AFTER_DAYS = 3650


class Stage(StrEnum):
    """Where a person's file stands in its retention."""

    OPEN = "open"
    """Not closed: the case goes on."""
    CLOSED = "closed"
    """Closed, still open to corrections."""
    READ_ONLY = "read_only"
    """Closed longer than the unit's period: it can be read, archived and purged, not changed."""


@dataclass(frozen=True)
class Retention:
    """A file's retention stage and the moment its case closed."""

    stage: Stage
    closed_at: datetime | None
    read_only_from: datetime | None


def retention_of(state: Derived, read_only_after_days: int) -> Retention:
    """The stage of a file whose lifecycle is `state` (computed at `state.as_of`)."""
    if state.status is not Status.S15:
        return Retention(Stage.OPEN, None, None)
    closed_at = _closed_at(state)
    if closed_at is None:  # closed with nothing that says when: kept open to corrections
        return Retention(Stage.CLOSED, None, None)
    read_only_from = closed_at + timedelta(days=read_only_after_days)
    stage = Stage.READ_ONLY if state.as_of >= read_only_from else Stage.CLOSED
    return Retention(stage, closed_at, read_only_from)


def _closed_at(state: Derived) -> datetime | None:
    """When the case closed: the last end of a measure, of a register stay, or the last event.

    A death or a move closes a file with no measure running; a correction made while the file
    is still open to corrections counts from its own moment.
    """
    ends = [measure.closed_at for measure in state.measures if measure.closed_at is not None]
    ends += [spell.left_at for spell in state.spells if spell.left_at is not None]
    if state.last_event_at is not None:
        ends.append(state.last_event_at)
    return max(ends, default=None)
