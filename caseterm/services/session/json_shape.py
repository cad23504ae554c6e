"""The base of every documented JSON shape of `--json` output, and the formats they share.

Every output passes through a model built on `StrictShape` (so it cannot drift from its schema),
and `scripts/write_schema.py` writes their JSON Schemas to `schema/`. Names may grow, not change.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

PARTIAL_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"


UTC_MOMENT = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z$"


class StrictShape(BaseModel):
    """A JSON shape: no field beyond those named, and frozen once read."""

    model_config = ConfigDict(extra="forbid", frozen=True)
