"""Which stock indicator (K1–K4) a person's fold counts in at one moment.

Each person is counted once in K1–K3, by the status precedence of the engine (`person_status`)
refined by K2's sub-items: someone held (prison, compulsory education, reformatory school) or
absconded is counted there rather than under the measure that is paused (legal spec §5.2).
E-monitoring (K4) overlays any of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from caseterm.domain.lifecycle.fold import Fold
from caseterm.domain.lifecycle.model import Flag, Measure, MeasureKind, Phase, Status, regime_at
from caseterm.domain.lifecycle.status import person_status

K2_ITEM: dict[Status, str] = {
    Status.S5: "a",
    Status.S5B: "a",
    Status.S6: "b",
    Status.S7: "c",
    Status.S8: "d",
    Status.S9: "e",
    Status.S10: "f",
    Status.S11: "f",
    Status.S12: "g",
    Status.S13: "g",
}
"""K2 (a)–(g) by status; (h) held and (i) absconded come from the flags, before these."""
K1_STATUSES = frozenset({Status.S3, Status.S4})
AWAITING = "KA"
"""The stock row of people awaiting an addiction finding outside user management."""
REGISTERED_GROUPS = frozenset({"K1", "K2", "K3", "KX"})
"""The groups on the management registers (the directive's 100 % target counts these)."""
_REHAB_KINDS = (MeasureKind.VOLUNTARY_REHAB, MeasureKind.SUBSTITUTION_TX, MeasureKind.COMPULSORY)
_EMON_COUNTED = {Phase.ACTIVE: "active", Phase.TEMP_REMOVED: "removed", Phase.PAUSED: "paused"}


@dataclass(frozen=True)
class Stock:
    """A person's place in the stock indicators at one moment ("" = not counted there)."""

    group: str
    """K1, K2, K3 or ""."""
    item: str
    """K1: managed/suspended/absent/assessment; K2: a–i; K3: origin:months."""
    emon: str
    """K4: "state:basis" of a fitted e-monitoring, or ""."""
    regime: str
    """The regime of the measure that puts the person in the group (R2021 or R2026)."""

    def row(self) -> list[str]:
        """The compact stored form (the report trace's JSON)."""
        return [self.group, self.item, self.emon, self.regime]


NOT_COUNTED = Stock("", "", "", "")


def stock_of(fold: Fold, moment: datetime) -> Stock:
    """The stock groups of a fold at `moment`."""
    status = person_status(fold)
    group, item = _group(fold, status)
    return Stock(group, item, _emon(fold), _regime(fold, moment) if group or _emon(fold) else "")


def _group(fold: Fold, status: Status) -> tuple[str, str]:
    if status in K2_ITEM:
        if fold.hold is not None:
            return "K2", "h"
        if any(Flag.ABSCONDED in m.flags for m in fold.measures if m.active):
            return "K2", "i"
        return "K2", K2_ITEM[status]
    if status is Status.S4 and fold.active(MeasureKind.USER_MGMT) is None:
        # A self-referral (or a person with no stable residence) awaiting the finding is not a
        # user under management: counted apart, in no register count (issue 20 item 9).
        assessment = fold.active(MeasureKind.ADDICTION_ASSESSMENT)
        return AWAITING, (assessment.case if assessment and assessment.case else "")
    if status in K1_STATUSES:
        return "K1", _k1_item(fold, status)
    if status is Status.S14:
        post = fold.active(MeasureKind.POST_REHAB)
        return ("K3", _k3_item(fold, post)) if post else ("", "")
    return "", ""


def _k1_item(fold: Fold, status: Status) -> str:
    mgmt = fold.active(MeasureKind.USER_MGMT)
    if mgmt is not None and (Flag.SUSPENDED in mgmt.flags or fold.hold is not None):
        return "suspended"
    if mgmt is not None and Flag.ABSENT in mgmt.flags:
        return "absent"
    return "assessment" if status is Status.S4 else "managed"


def _k3_item(fold: Fold, post: Measure) -> str:
    """Where the post-rehab management came from, and its term in months."""
    began = post.term_start or post.opened_at  # a post-rehab decision precedes the completion
    before = [
        m
        for m in fold.measures
        if m.kind in _REHAB_KINDS and m.closed_at is not None and m.closed_at <= began
    ]
    origin = _ORIGIN[max(before, key=_closed_at).kind] if before else "transfer"
    months = post.term_months if post.term_months in (12, 24) else 0
    return f"{origin}:{months}"


_ORIGIN = {
    MeasureKind.VOLUNTARY_REHAB: "voluntary",
    MeasureKind.SUBSTITUTION_TX: "substitution",
    MeasureKind.COMPULSORY: "compulsory",
}


def _closed_at(measure: Measure) -> datetime:
    return measure.closed_at or measure.opened_at


def _emon(fold: Fold) -> str:
    measure = fold.active(MeasureKind.E_MONITORING)
    if measure is None or measure.phase not in _EMON_COUNTED:
        return ""
    return f"{_EMON_COUNTED[measure.phase]}:{measure.case or 'OTHER'}"


def _regime(fold: Fold, moment: datetime) -> str:
    """The regime of the latest running measure (e-monitoring aside), else of the latest one.

    Someone determined addicted and not yet in a measure is counted under the regime of the
    determination that closed; only a person with no measure at all takes the moment's.
    """
    measures = [m for m in fold.measures if m.kind is not MeasureKind.E_MONITORING]
    running = [m for m in measures if m.active] or measures
    if running:
        return max(running, key=lambda m: m.opened_at).regime.value
    return regime_at(moment).value
