"""schema/ is generated from the code (drift test) and real output validates against it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema

from caseterm.services.registry.json_shapes import person_file_json, summary_json
from caseterm.services.registry.persons import add_person, find_persons, show_person
from caseterm.services.session.case_session import CaseSession
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


def test_the_holiday_calendar_validates() -> None:
    document = json.loads((ROOT / "schema" / "holidays-vn.json").read_text("utf-8"))
    jsonschema.validate(document, _schema("holidays.v1.schema.json"))


def test_every_event_of_a_lifecycle_validates(session: CaseSession) -> None:
    from caseterm.services.lifecycle.events import record_event

    pid = add_person(session, person())
    record_event(
        session, pid, "test.performed", {"ground": "h", "sample": "URINE", "result": "POSITIVE"}
    )
    record_event(
        session, pid, "residence.verified", {"result": "STABLE", "criterion": "REGISTERED_ADDRESS"}
    )
    schema = _schema("event.v1.schema.json")
    for event in show_person(session, pid).events:
        jsonschema.validate({"type": event.type, "payload": event.payload}, schema)
    bad = {"type": "test.performed", "payload": {"ground": "z", "sample": "URINE", "result": "X"}}
    try:
        jsonschema.validate(bad, schema)
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("an unknown code passed the event schema")


def test_the_due_list_validates(session: CaseSession) -> None:
    from caseterm.services.lifecycle.due import due_list
    from caseterm.services.lifecycle.events import record_event
    from caseterm.services.lifecycle.json_shapes import due_json

    pid = add_person(session, person())
    record_event(
        session, pid, "test.performed", {"ground": "h", "sample": "URINE", "result": "POSITIVE"}
    )
    output = due_json(due_list(session))
    jsonschema.validate(output, _schema("due-list.v1.schema.json"))
    assert [item["code"] for item in output["items"]] == ["D01"]


def test_an_updated_calendar_is_checked_then_installed(tmp_path: Path) -> None:
    import pytest

    from caseterm.errors import UsageError
    from caseterm.services.lifecycle.calendar import active_calendar, install_calendar

    document = json.loads((ROOT / "schema" / "holidays-vn.json").read_text("utf-8"))
    document["version"] = "2027-01-15"
    document["years"] = [2026, 2027, 2028]
    document["holidays"].append({"date": "2028-01-01", "name": "Tết Dương lịch", "status": "law"})
    update = tmp_path / "update.json"
    update.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    active_calendar.cache_clear()
    assert install_calendar(update).version == "2027-01-15"
    assert 2028 in active_calendar().years
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "caseterm.holidays.v1", "years": []}', "utf-8")
    with pytest.raises(UsageError):
        install_calendar(broken)
    active_calendar.cache_clear()
