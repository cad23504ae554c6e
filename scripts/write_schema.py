"""Write the JSON Schemas of caseterm's published formats to `schema/` (generated, drift-tested).

python scripts/write_schema.py          # write
python scripts/write_schema.py --check  # exit 1 when a file differs from the code
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schema"


def schemas() -> dict[str, dict[str, Any]]:
    """File name → JSON Schema, generated from the models in the code."""
    from caseterm.crypto.keyfile_schema import KeyFileDocument
    from caseterm.domain.bundle import KeyChange, Manifest
    from caseterm.domain.lifecycle.holidays import HolidayCalendarDocument
    from caseterm.domain.sync import Ack
    from caseterm.services.accounts.json_shapes import AccountListOut
    from caseterm.services.custody.json_shapes import VerifyOut
    from caseterm.services.documents.json_shapes import DocumentChoicesOut, DocumentMadeOut
    from caseterm.services.drafts.json_shapes import DraftListOut, DraftOut
    from caseterm.services.lifecycle.json_shapes import DueListOut
    from caseterm.services.registry.json_shapes import (
        PersonFileOut,
        PersonPageOut,
        PersonSummaryOut,
        UnreviewedOut,
        WatchOut,
    )
    from caseterm.services.sync.json_shapes import DistrictStatusOut, SyncStatusOut

    out = {}
    for name, model in (
        ("person-summary.v1.schema.json", PersonSummaryOut),
        ("person-file.v1.schema.json", PersonFileOut),
        ("person-page.v1.schema.json", PersonPageOut),
        ("watch.v1.schema.json", WatchOut),
        ("review.v1.schema.json", UnreviewedOut),
        ("due-list.v1.schema.json", DueListOut),
        ("sync-status.v1.schema.json", SyncStatusOut),
        ("district-status.v1.schema.json", DistrictStatusOut),
        ("verify.v1.schema.json", VerifyOut),
        ("documents.v1.schema.json", DocumentChoicesOut),
        ("document-made.v1.schema.json", DocumentMadeOut),
        ("accounts.v1.schema.json", AccountListOut),
        ("draft.v1.schema.json", DraftOut),
        ("drafts.v1.schema.json", DraftListOut),
        ("keyfile.v1.schema.json", KeyFileDocument),
        ("holidays.v1.schema.json", HolidayCalendarDocument),
        ("bundle-manifest.v1.schema.json", Manifest),
        ("bundle-ack.v1.schema.json", Ack),
        ("bundle-key-change.v1.schema.json", KeyChange),
    ):
        out[name] = _identified(name, model.model_json_schema(by_alias=True))
    out["event.v1.schema.json"] = _identified("event.v1.schema.json", event_schema())
    out["bundle-record.v1.schema.json"] = _identified(
        "bundle-record.v1.schema.json", bundle_record_schema()
    )
    return out


def _identified(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://caseterm.invalid/schema/{name}"
    return schema


def event_schema() -> dict[str, Any]:
    """One event (`type` + `payload`): each canonical type's payload is its own definition."""
    from pydantic.json_schema import models_json_schema

    from caseterm.domain.lifecycle.payloads import PAYLOADS

    keys, definitions = models_json_schema(
        [(model, "validation") for model in PAYLOADS.values()], ref_template="#/$defs/{model}"
    )
    refs = {t: keys[(m, "validation")]["$ref"] for t, m in PAYLOADS.items()}
    return {
        "title": "Event",
        "description": "A canonical event: its type and its typed payload (legal spec §3).",
        "type": "object",
        "required": ["type", "payload"],
        "properties": {
            "type": {"enum": sorted(PAYLOADS)},
            "occurred_at": {"type": "string", "format": "date-time"},
            "payload": {"type": "object"},
        },
        "allOf": [
            {
                "if": {"properties": {"type": {"const": event_type}}},
                "then": {"properties": {"payload": {"$ref": refs[event_type]}}},
            }
            for event_type in sorted(PAYLOADS)
        ],
        "$defs": definitions["$defs"],
    }


def bundle_record_schema() -> dict[str, Any]:
    """One line of a bundle's payload: a person or an event, told apart by `kind`."""
    from caseterm.services.sync.bundle_records import LINE

    schema: dict[str, Any] = LINE.json_schema()
    schema["title"] = "BundleRecord"
    schema["description"] = (
        "One line of a sync bundle's payload (JSON Lines): persons first, then events. An "
        "event's payload is also checked against event.v1.schema.json for its type."
    )
    return schema


def render(schema: dict[str, Any]) -> str:
    """Stable text of a schema."""
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    """Write or check."""
    check = sys.argv[1:] == ["--check"]
    stale = []
    for name, schema in schemas().items():
        path = SCHEMA / name
        text = render(schema)
        if check:
            if not path.exists() or path.read_text("utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, "utf-8")
    if stale:
        print("stale schemas (run scripts/write_schema.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
