"""Validate real `--json` output against the published schema in `schema/`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema

SCHEMA = Path(__file__).resolve().parents[1] / "schema"


def conforms(output: Any, schema_file: str) -> Any:
    """Raise unless `output` fits `schema/<schema_file>`; return it, for chaining."""
    jsonschema.validate(output, json.loads((SCHEMA / schema_file).read_text("utf-8")))
    return output
