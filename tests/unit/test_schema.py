"""schema/ is generated from the code (drift test) and real output validates against it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

from caseterm.services.persons import add_person, find_persons, show_person
from caseterm.services.session import CaseSession
from caseterm.services.views import person_file_json, summary_json
from tests.conftest import person

ROOT = Path(__file__).resolve().parents[2]


def _schema(name: str) -> dict[str, object]:
    loaded: dict[str, object] = json.loads((ROOT / "schema" / name).read_text("utf-8"))
    return loaded


def test_schema_files_match_the_code() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "write_schema.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_person_output_and_key_file_validate(session: CaseSession) -> None:
    pid = add_person(session, person(aliases=("Tí",)))
    jsonschema.validate(
        person_file_json(show_person(session, pid)), _schema("person-file.v1.schema.json")
    )
    for line in find_persons(session, "nguyen").persons:
        jsonschema.validate(summary_json(line), _schema("person-summary.v1.schema.json"))
    keyfile = json.loads(session.files.keyfile.read_text("utf-8"))
    jsonschema.validate(keyfile, _schema("keyfile.v1.schema.json"))
