"""The base of every event payload and the field types they share (legal spec §3).

Unknown fields and codes are refused (`extra="forbid"`, literal code sets). Clinical details
(doses) and location tracks have no field: they are never collected (§6.4 P7). Moments that the
law counts in hours are full timestamps; the event's own moment is `occurred_at`, outside the
payload.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, StringConstraints

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]


DocNo = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]


EventRef = Annotated[str, StringConstraints(pattern=r"^[0-9a-f-]{8,36}$")]


TestGround = Literal[
    "a", "b", "c", "d", "dd", "e", "g", "h", "i", "status_c", "status_d", "status_e", "themed_plan"
]


AssessmentCase = Literal["a", "b", "c", "d", "dd"]


CompulsoryGround = Literal["a", "b", "c", "d", "dd"]


Form = Literal["HOME", "PRIVATE", "PUBLIC", "REFORMATORY", "SUBSTITUTION"]


HoldKind = Literal["PRISON", "COMPULSORY_EDUCATION", "REFORMATORY"]


MeasureCode = Literal["USER_MGMT", "VOLUNTARY_REHAB", "POST_REHAB", "NONE"]


class Payload(BaseModel):
    """Base of every payload: strict, immutable, no unknown fields."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class LaterDecision(Payload):
    """A decision whose number and signer were not recorded at first (catalogue gap C10).

    Events saved before carry none, so every field may be empty; a form made from one asks for
    what it lacks.
    """

    decision_no: DocNo | None = None
    signer: Text | None = None
    signer_rank: Text | None = None
    deputy: bool = False


class Decision(Payload):
    """A written decision: number, signer, and when it was sent to its recipients."""

    decision_no: DocNo
    signer: Text | None = None
    signer_title: Text | None = None
    sent_at: AwareDatetime | None = None
    """When it reached its recipients; empty = not yet sent (D04)."""
    signer_rank: Text | None = None
    """The signer's police rank as printed above the name ("Thiếu tá")."""
    deputy: bool = False
    """Signed by a deputy for the chief: the document prints "KT. TRƯỞNG CÔNG AN" above
    "PHÓ TRƯỞNG CÔNG AN" (Decree 30/2020 PL I)."""
    effective_on: date | None = None
    """When the decision takes effect, if not on signing (V-22 Điều 3; catalogue gap C8)."""
