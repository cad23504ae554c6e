"""Issue 22 on the command line: an officer drafts, the chief approves or rejects; the same ID
twice is refused to an officer with a sentence saying what to do."""

from __future__ import annotations

import json
from pathlib import Path

from caseterm.errors import EXIT_REFUSED, EXIT_USAGE
from tests.programs import Programs
from tests.schemas import conforms

PERSON = ["--dob", "12/03/1990", "--sex", "nam", "--village", "Thôn Đông", "--id-type", "CCCD"]


def _officer(run: Programs, tmp_path: Path) -> None:
    secret = str(tmp_path / "secrets" / "officer")
    run("caseterm-admin", "users", "add", "canbo1", "--role", "officer",
        "--new-passphrase-file", secret)  # fmt: skip


def test_an_officer_drafts_and_the_chief_decides_on_the_command_line(
    run: Programs, tmp_path: Path
) -> None:
    _officer(run, tmp_path)
    added = run("caseterm", "person", "add", "--name", "Nguyễn Văn An", *PERSON,
                "--id-number", "001090123456", "--confirm", "--json")  # fmt: skip
    first = json.loads(added.stdout)["id"]
    twin = ["--name", "Trần Văn Bình", *PERSON, "--id-number", "001090123456", "--confirm"]
    refused = run(
        "caseterm", "person", "add", *twin, expect=EXIT_REFUSED, user="canbo1", secret="officer"
    )
    assert "Only a chief may save a record with these warnings" in refused.stderr
    assert "the ID number is already that of Nguyễn Văn An" in refused.stderr
    assert "--draft" in refused.stderr
    assert "Unexpected" not in refused.stderr
    drafted = json.loads(
        run(
            "caseterm",
            "person",
            "add",
            *twin[:-1],
            "--draft",
            "--json",
            user="canbo1",
            secret="officer",
        ).stdout
    )
    listed = json.loads(run("caseterm", "approvals", "list", "--json").stdout)
    conforms(listed, "drafts.v1.schema.json")
    assert [(d["id"], d["status"], d["kind"]) for d in listed] == [
        (drafted["draft"], "waiting", "person")
    ]
    shown = run("caseterm", "approvals", "show", drafted["draft"][:13]).stdout
    assert "⧗ waiting for the chief" in shown and "Trần Văn Bình" in shown
    run(
        "caseterm",
        "approvals",
        "approve",
        drafted["draft"],
        expect=EXIT_REFUSED,
        user="canbo1",
        secret="officer",
    )
    approved = json.loads(
        run("caseterm", "approvals", "approve", drafted["draft"], "--json").stdout
    )
    found = json.loads(run("caseterm", "person", "find", "Trần Văn Bình", "--json").stdout)
    assert [p["id"] for p in found] == [approved["result_id"]]

    note = ["event", "record", first, "note.added", "-f", "text=một ghi chú", "--draft"]
    needs_none = run("caseterm", *note, expect=EXIT_USAGE, user="canbo1", secret="officer")
    assert "needs no chief: record it directly" in needs_none.stderr
    mine = json.loads(
        run("caseterm", "approvals", "list", "--json", user="canbo1", secret="officer").stdout
    )
    assert [d["status"] for d in mine] == ["approved"]
    assert mine[0]["decided_by"] == "quantri" and mine[0]["drafted_by"] == "canbo1"


def test_a_chief_rejects_with_a_reason_and_the_officer_reads_it(
    run: Programs, tmp_path: Path
) -> None:
    _officer(run, tmp_path)
    drafted = json.loads(
        run(
            "caseterm",
            "person",
            "add",
            "--name",
            "Lê Văn Cường",
            *PERSON,
            "--id-number",
            "999090123456",
            "--draft",
            "--json",
            user="canbo1",
            secret="officer",
        ).stdout
    )
    assert any("province" in w or "tỉnh" in w for w in drafted["warnings"])
    run("caseterm", "approvals", "reject", drafted["draft"], "--reason", " ", expect=EXIT_USAGE)
    run("caseterm", "approvals", "reject", drafted["draft"], "--reason", "Số CCCD sai")
    lines = run("caseterm", "approvals", "list", user="canbo1", secret="officer").stdout
    assert "✗ rejected by quantri: Số CCCD sai" in lines


def test_the_audit_trail_of_a_file_on_the_command_line(run: Programs, tmp_path: Path) -> None:
    _officer(run, tmp_path)
    added = run("caseterm", "person", "add", "--name", "Nguyễn Văn An", *PERSON,
                "--id-number", "001090123456", "--confirm", "--json")  # fmt: skip
    pid = json.loads(added.stdout)["id"]
    run("caseterm", "person", "show", "HS-000001", user="canbo1", secret="officer")
    out = tmp_path / "inspection.xlsx"
    shown = json.loads(
        run(
            "caseterm-admin", "audit", "show", "--person", "HS-000001", "--json", "--xlsx", str(out)
        ).stdout
    )
    assert shown["chain"]["intact"] is True
    steps = [(e["account"], e["action"]) for e in shown["entries"]]
    assert ("quantri", "person.create") in steps and ("canbo1", "person.read") in steps
    assert all(e["object_id"] == pid for e in shown["entries"])
    assert out.exists()
    text = run("caseterm-admin", "audit", "show", "--user-name", "canbo1").stdout
    assert "canbo1" in text and "opened the file" in text
    run("caseterm-admin", "audit", "show", "--since", "yesterday", expect=EXIT_USAGE)
    unit = run("caseterm-admin", "audit", "show").stdout
    assert "✓ the audit chain is intact" in unit and "read the audit trail" in unit
