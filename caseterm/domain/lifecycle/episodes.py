"""Which rehab episode a new measure is, as the engine believes it, and why (L120 Art 29(1)).

The law sets the rehab term at 24 months the first time and 36 from the second time, but does not
say what counts as a "time" (legal spec §2.4, [U] item 16). The engine counts every earlier rehab
that *started* (a voluntary rehab begun, a compulsory rehab reached at the facility), however it
ended. That is a belief, not a finding: the court (T46) and the chief's decision (T25) state the
term, and the engine only warns when it would have said otherwise, listing what it counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from caseterm.domain.lifecycle.fold import Fold
from caseterm.domain.lifecycle.model import Measure, MeasureKind
from caseterm.domain.lifecycle.timecalc import local_day

REHAB_MONTHS_FIRST, REHAB_MONTHS_LATER = 24, 36
"""L120 Art 29(1): 24 months the first time, 36 from the second time."""
R2026_TERMS = frozenset({REHAB_MONTHS_FIRST, REHAB_MONTHS_LATER})
"""The only terms an R2026 rehab decision can state."""
_REHABS = (MeasureKind.VOLUNTARY_REHAB, MeasureKind.COMPULSORY)


@dataclass(frozen=True)
class CountedEpisode:
    """One earlier rehab the engine counted: its kind, the day it started and how it ended."""

    kind: MeasureKind
    started: date
    ended: str
    """The close reason's code, or RUNNING."""


@dataclass(frozen=True)
class EpisodeBelief:
    """The episode number the engine would give a new rehab, with the episodes behind it."""

    counted: tuple[CountedEpisode, ...]

    @property
    def number(self) -> int:
        """1 for a first rehab, 2 and more after."""
        return len(self.counted) + 1

    @property
    def months(self) -> int:
        """The R2026 term the engine would choose."""
        return REHAB_MONTHS_FIRST if self.number == 1 else REHAB_MONTHS_LATER

    def params(self, stated: int | None) -> dict[str, str]:
        """The caution's parameters: stated and believed terms, and each counted episode."""
        return {
            "stated": "" if stated is None else str(stated),
            "believed": str(self.months),
            "episode": str(self.number),
            "counted": ";".join(
                f"{e.kind.value}:{e.started.isoformat()}:{e.ended}" for e in self.counted
            ),
        }


def believed_episode(fold: Fold, current: Measure | None = None) -> EpisodeBelief:
    """What the engine counts before `current`: every earlier rehab that started ([U] 16)."""
    counted = tuple(
        CountedEpisode(
            measure.kind,
            local_day(measure.term_start),
            measure.close_reason.value if measure.close_reason else "RUNNING",
        )
        for measure in fold.measures
        if measure.kind in _REHABS
        and measure is not current
        and measure.term_start is not None
        and not measure.marks.get("continuation")
    )
    return EpisodeBelief(counted)
