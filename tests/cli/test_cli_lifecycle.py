"""`caseterm event record|void|types`, `caseterm due` and `person show` through the entry points."""

from __future__ import annotations

import json
from pathlib import Path

from caseterm.errors import EXIT_REFUSED, EXIT_USAGE
from tests.programs import Programs


def _person(run: Programs) -> str:
    added = run(
        "caseterm",
        "person",
        "add",
        "--name",
        "Trần Văn Bình",
        "--dob",
        "02/02/1991",
        "--sex",
        "nam",
        "--json",
    )
    return str(json.loads(added.stdout)["id"])


def test_record_refused_names_the_rule_and_the_law_in_vietnamese(run: Programs) -> None:
    pid = _person(run)
    refused = run(
        "caseterm",
        "--lang",
        "vi",
        "event",
        "record",
        pid,
        "mgmt.decided",
        "-f",
        "reason=NEW",
        "-f",
        "decision_no=04/QĐ",
        "-f",
        "officer=Trần Văn An",
        expect=EXIT_REFUSED,
    )
    assert "Không thể ghi «Quyết định quản lý»" in refused.stderr
    assert "quy tắc T05" in refused.stderr
    assert "khoản 2 Điều 24 Luật 120/2025/QH15" in refused.stderr
    english = run(
        "caseterm",
        "--lang",
        "en",
        "event",
        "record",
        pid,
        "mgmt.decided",
        "-f",
        "reason=NEW",
        "-f",
        "decision_no=04",
        "-f",
        "officer=A",
        expect=EXIT_REFUSED,
    )
    assert "rule T05" in english.stderr and "Art 24(2) Law 120/2025/QH15" in english.stderr


def test_record_show_due_and_void(run: Programs, tmp_path: Path) -> None:
    pid = _person(run)
    recorded = json.loads(
        run(
            "caseterm",
            "event",
            "record",
            pid,
            "test.performed",
            "-f",
            "ground=h",
            "-f",
            "sample=URINE",
            "-f",
            "result=POSITIVE",
            "-f",
            "substances=heroin",
            "--json",
        ).stdout
    )
    assert (recorded["rule"], recorded["status"]) == ("T04", "S2")
    payload = tmp_path / "verified.json"
    payload.write_text(json.dumps({"result": "STABLE", "criterion": "REGISTERED_ADDRESS"}), "utf-8")
    run("caseterm", "event", "record", pid, "residence.verified", "--payload-file", str(payload))
    shown = json.loads(run("caseterm", "person", "show", pid, "--json").stdout)
    assert shown["lifecycle"]["status"] == "S2"
    assert [d["code"] for d in shown["lifecycle"]["deadlines"]] == ["D02"]
    text = run("caseterm", "person", "show", pid).stdout
    assert "S2" in text and "D02" in text and "(T04.1)" in text
    due = json.loads(run("caseterm", "due", "--json").stdout)
    assert [(i["group"], i["code"]) for i in due["items"]] == [("upcoming", "D02")] or [
        (i["group"], i["code"]) for i in due["items"]
    ] == [("today", "D02")]
    voided = json.loads(
        run("caseterm", "event", "void", recorded["id"], "--reason", "nhầm người", "--json").stdout
    )
    assert voided["status"] == "S0"
    assert len(voided["no_longer_fit"]) == 1  # the verification has no positive test now
    text = run("caseterm", "person", "show", pid).stdout
    assert "VOID" in text and "NO LONGER FITS: T04.1" in text
    assert run("caseterm-admin", "verify").returncode == 0


def test_bad_payloads_are_explained_and_officers_cannot_decide(
    run: Programs, tmp_path: Path
) -> None:
    pid = _person(run)
    bad = run(
        "caseterm",
        "event",
        "record",
        pid,
        "test.performed",
        "-f",
        "ground=z",
        "-f",
        "sample=URINE",
        "-f",
        "result=POSITIVE",
        "-f",
        "colour=red",
        expect=EXIT_REFUSED,
    )
    assert "Ground (ground): write one of — a: point a — a verified tip-off" in bad.stderr
    assert "colour: not a field of this event" in bad.stderr
    run("caseterm", "event", "record", pid, "no.such", expect=EXIT_USAGE)
    run(
        "caseterm",
        "event",
        "record",
        pid,
        "note.added",
        "-f",
        "text=x",
        "--at",
        "31/02/2026",
        expect=EXIT_USAGE,
    )
    run(
        "caseterm-admin",
        "users",
        "add",
        "canbo1",
        "--role",
        "can bo",
        "--new-passphrase-file",
        str(tmp_path / "secrets" / "officer"),
    )
    denied = run(
        "caseterm",
        "event",
        "record",
        pid,
        "mgmt.terminated",
        "-f",
        "decision_no=9",
        user="canbo1",
        secret="officer",
        expect=EXIT_REFUSED,
    )
    assert "Only the commune police chief" in denied.stderr
    types = run("caseterm", "event", "types", secret=None, user=None).stdout
    assert "compulsory.court_decided" in types and "outcome*" in types
