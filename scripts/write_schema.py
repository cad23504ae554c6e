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
    from caseterm.services.views import PersonFileOut, PersonSummaryOut

    out = {}
    for name, model in (
        ("person-summary.v1.schema.json", PersonSummaryOut),
        ("person-file.v1.schema.json", PersonFileOut),
        ("keyfile.v1.schema.json", KeyFileDocument),
    ):
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://caseterm.invalid/schema/{name}"
        out[name] = schema
    return out


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
