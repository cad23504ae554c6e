"""Both command lines as installed entry points: flows, `--json`, exit codes (usage 2, auth 3,
refused 4, integrity 5, not found 6)."""

from __future__ import annotations

import json
from pathlib import Path

from caseterm.errors import EXIT_AUTH, EXIT_INTEGRITY, EXIT_NOT_FOUND, EXIT_REFUSED, EXIT_USAGE
from tests.programs import Programs
from tests.schemas import conforms


def test_person_flow_with_json(run: Programs) -> None:
    added = run(
        "caseterm",
        "person",
        "add",
        "--name",
        "Nguyễn Văn An",
        "--dob",
        "12/03/1990",
        "--sex",
        "nam",
        "--id-type",
        "CCCD",
        "--id-number",
        "001090123456",
        "--alias",
        "Tí",
        "--village",
        "Thôn Đông",
        "--drug",
        "ma tuy tong hop",
        "--json",
    )
    pid = json.loads(added.stdout)["id"]
    found = json.loads(run("caseterm", "person", "find", "an nguyen", "--json").stdout)
    assert [p["id"] for p in found] == [pid]
    assert found[0]["full_name"] == "Nguyễn Văn An"
    shown = json.loads(run("caseterm", "person", "show", pid[:13], "--json").stdout)
    assert shown["record"]["aliases"] == ["Tí"]
    assert shown["record"]["profile"]["drug_types"] == ["ats"]
    assert [e["type"] for e in shown["events"]] == ["person.registered"]
    updated = json.loads(
        run("caseterm", "person", "update", pid, "--village", "Thôn Đoài", "--json").stdout
    )
    assert updated["changed"] == ["village"]
    text = run("caseterm", "person", "show", pid).stdout
    assert "Thôn Đoài" in text and "Identity updated" in text


def test_duplicates_and_warnings_exit_refused_until_confirmed(run: Programs) -> None:
    run("caseterm", "person", "add", "--name", "Nguyễn Văn An", "--dob", "1990", "--sex", "nam")
    again = run(
        "caseterm",
        "person",
        "add",
        "--name",
        "Nguyen Van An",
        "--dob",
        "1991",
        "--sex",
        "male",
        expect=EXIT_REFUSED,
    )
    assert "possible duplicate" in again.stderr
    run(
        "caseterm",
        "person",
        "add",
        "--name",
        "Nguyen Van An",
        "--dob",
        "1991",
        "--sex",
        "male",
        "--confirm",
    )


def test_bad_values_are_usage_or_refused_errors_in_words(run: Programs) -> None:
    bad = run(
        "caseterm",
        "person",
        "add",
        "--name",
        "Trần Thị Bình",
        "--dob",
        "31/02/1990",
        "--sex",
        "x",
        expect=EXIT_REFUSED,
    )
    assert "not a date" in bad.stderr and "not one of" in bad.stderr
    run("caseterm", "person", "add", "--nam", "x", expect=EXIT_USAGE)
    run("caseterm", "person", "show", "01234567-0000", expect=EXIT_NOT_FOUND)


def test_wrong_passphrase_unknown_user_and_no_user(run: Programs) -> None:
    wrong = run("caseterm", "person", "find", "an", secret="wrong", expect=EXIT_AUTH)
    assert "Wrong passphrase" in wrong.stderr
    run("caseterm", "person", "find", "an", user="nobody", expect=EXIT_AUTH)
    run("caseterm", "person", "find", "an", user=None, expect=EXIT_USAGE)
    run("caseterm", "person", "find", "an", secret=None, expect=EXIT_USAGE)  # no terminal to ask


def test_users_add_list_passwd_disable(run: Programs, tmp_path: Path) -> None:
    officer_secret = str(tmp_path / "secrets" / "officer")
    run(
        "caseterm-admin",
        "users",
        "add",
        "canbo1",
        "--role",
        "can bo",
        "--new-passphrase-file",
        officer_secret,
    )
    listed = json.loads(run("caseterm-admin", "users", "list", "--json").stdout)
    conforms(listed, "accounts.v1.schema.json")
    assert {u["name"]: u["roles"] for u in listed} == {
        "canbo1": ["officer"],
        "quantri": ["admin", "chief"],
    }
    run("caseterm", "person", "find", "an", user="canbo1", secret="officer")
    run("caseterm-admin", "users", "list", user="canbo1", secret="officer", expect=EXIT_REFUSED)
    new_secret = tmp_path / "secrets" / "new"
    new_secret.write_text("hom nay troi dep lam em oi\n", "utf-8")
    run(
        "caseterm-admin",
        "users",
        "passwd",
        "--new-passphrase-file",
        str(new_secret),
        user="canbo1",
        secret="officer",
    )
    run("caseterm", "person", "find", "an", user="canbo1", secret="officer", expect=EXIT_AUTH)
    run("caseterm-admin", "users", "disable", "canbo1")
    run("caseterm", "person", "find", "an", user="canbo1", secret=None, expect=EXIT_USAGE)
    weak = tmp_path / "secrets" / "weak"
    weak.write_text("xa tan an 26734\n", "utf-8")
    refused = run(
        "caseterm-admin",
        "users",
        "add",
        "canbo2",
        "--role",
        "officer",
        "--new-passphrase-file",
        str(weak),
        expect=EXIT_REFUSED,
    )
    assert "passphrase" in refused.stderr


def test_verify_demo_data_and_tamper_exit_integrity(run: Programs, tmp_path: Path) -> None:
    run("caseterm-admin", "demo-data", "--persons", "300")
    report = json.loads(run("caseterm-admin", "verify", "--json").stdout)
    conforms(report, "verify.v1.schema.json")
    assert report["ok"] and report["audit_entries"] > 3
    assert report["cipher"]["cipher_hmac_algorithm"] == "HMAC_SHA512"
    store = tmp_path / "cli" / "s.db"
    data = bytearray(store.read_bytes())
    data[4096 * 3 + 200] ^= 0xFF
    store.write_bytes(bytes(data))
    broken = run("caseterm-admin", "verify", expect=EXIT_INTEGRITY)
    assert "Traceback" not in broken.stdout + broken.stderr


def test_init_refuses_an_existing_store_and_weak_passphrases(run: Programs, tmp_path: Path) -> None:
    run(
        "caseterm-admin",
        "init",
        "--unit-code",
        "26734",
        "--unit-name",
        "X",
        "--admin",
        "b",
        user=None,
        expect=EXIT_USAGE,
    )
    other = tmp_path / "other.db"
    weak = tmp_path / "secrets" / "weak"
    weak.write_text("passwordpassword123\n", "utf-8")
    bare = {"CASETERM_UNSAFE_TEST_KDF": "1", "CASETERM_LANG": "vi", "PATH": "/usr/bin:/bin"}
    result = Programs(bare, {"weak": weak})(
        "caseterm-admin",
        "init",
        "--unit-code",
        "1",
        "--unit-name",
        "X",
        "--admin",
        "ab",
        store=other,
        secret="weak",
        expect=EXIT_REFUSED,
    )
    assert "Cụm mật khẩu" in result.stderr  # the error is in Vietnamese by default
    assert not other.exists()


def test_term_ends_setting_as_an_installed_command(run: Programs) -> None:
    """Issue 20 item 11 (Civil Code Art 148(5)): off by default, on when set, off again."""
    assert run("caseterm-admin", "calendar", "term-ends").stdout.startswith("Off:")
    shown = run("caseterm-admin", "calendar", "term-ends", "--move").stdout
    assert shown.startswith("On:") and "Officer duties do not move" in shown
    assert run("caseterm-admin", "calendar", "term-ends").stdout.startswith("On:")
    assert run("caseterm-admin", "calendar", "term-ends", "--no-move").stdout.startswith("Off:")


def test_monthly_report_and_unit_settings_as_installed_commands(
    run: Programs, tmp_path: Path
) -> None:
    shown = run("caseterm-admin", "unit", "settings", "--population", "12000").stdout
    assert "Population: 12000" in shown
    refused = run("caseterm-admin", "unit", "settings", "--start-day", "31", expect=EXIT_REFUSED)
    assert "between 1 and 28" in refused.stderr
    bad = run("caseterm", "report", "monthly", "--period", "2026-13", expect=EXIT_USAGE)
    assert "YYYY-MM" in bad.stderr
    run("caseterm", "report", "monthly", "--format", "xlsx", expect=EXIT_USAGE)
    nowhere = run(
        "caseterm",
        "report",
        "monthly",
        "--format",
        "csv",
        "--out",
        str(tmp_path / "no-such-folder" / "r.csv"),
        expect=1,
    )
    assert "Nothing was written" in nowhere.stderr
    out = tmp_path / "r.xlsx"
    run(
        "caseterm",
        "report",
        "monthly",
        "--period",
        "2026-11",
        "--format",
        "xlsx",
        "--out",
        str(out),
    )
    assert out.stat().st_mode & 0o777 == 0o600
    data = json.loads(
        run("caseterm", "report", "monthly", "--period", "2026-11", "--format", "json").stdout
    )
    assert (data["schema"], data["population"], data["period"]["label"]) == (
        "caseterm-report.v1",
        12000,
        "2026-11",
    )
    table = run("caseterm", "report", "monthly", "--period", "2026-11").stdout
    assert "K1 Drug users under management" in table
