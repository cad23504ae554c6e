"""Backups through the installed entry points: create, verify, restore, and the refusals."""

from __future__ import annotations

import json
from pathlib import Path

from caseterm.errors import EXIT_AUTH, EXIT_USAGE
from tests.conftest import ADMIN_PASSPHRASE
from tests.programs import clerk


def test_a_backup_made_verified_and_restored_from_the_command_line(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    secret = tmp_path / "secret"
    secret.write_text(ADMIN_PASSPHRASE + "\n", "utf-8")
    run = clerk(cli_env, secret)
    store, backup = tmp_path / "c" / "c.db", tmp_path / "usb" / "c.ctbak"
    backup.parent.mkdir()
    run("caseterm-admin", "init", "--unit-code", "26734", "--unit-name", "Xã Tân An",
        "--admin", "quantri", store=store)  # fmt: skip
    status = json.loads(run("caseterm-admin", "keys", "status", "--json", store=store).stdout)
    assert (status["last_backup"], status["backup_due"]) == (None, True)
    made = run("caseterm-admin", "backup", "create", "--out", str(backup), store=store)
    assert "opens with the passphrase of: quantri" in made.stdout
    status = json.loads(run("caseterm-admin", "keys", "status", "--json", store=store).stdout)
    assert status["last_backup"] is not None and not status["backup_due"]

    checked = run("caseterm-admin", "backup", "verify", str(backup))
    assert "The backup is whole: Xã Tân An (26734)" in checked.stdout
    assert "not in any audit log" in checked.stderr  # no store at the default place here
    noted = run("caseterm-admin", "backup", "verify", str(backup), store=store)
    assert "audit log" not in noted.stderr
    # Like a failed unlock, the check is chained into the audit log at the next unlock.
    unit = json.loads(run("caseterm-admin", "audit", "show", "--json", store=store).stdout)
    [entry] = [e for e in unit["entries"] if e["action"] == "backup.verified"]
    assert "outcome=whole" in entry["details"] and "noted_at=" in entry["details"]
    assert not (store.parent / "c.db.pending-audit").exists()
    wrong = tmp_path / "wrong"
    wrong.write_text("day khong phai mat khau dung\n", "utf-8")
    clerk(cli_env, wrong)("caseterm-admin", "backup", "verify", str(backup), expect=EXIT_AUTH)
    restored = tmp_path / "new" / "c.db"
    restored.parent.mkdir()
    run("caseterm-admin", "backup", "restore", str(backup), store=restored)
    refused = run(
        "caseterm-admin", "backup", "restore", str(backup), expect=EXIT_USAGE, store=restored
    )
    assert "already exists" in refused.stderr
    assert "Everything verified" in run("caseterm-admin", "verify", store=restored).stdout


def test_a_store_without_a_district_gets_its_own_recovery_key_shown_once(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    secret = tmp_path / "secret"
    secret.write_text(ADMIN_PASSPHRASE + "\n", "utf-8")
    run = clerk(cli_env, secret)
    store, backup = tmp_path / "c" / "c.db", tmp_path / "c.ctbak"
    made = run("caseterm-admin", "init", "--unit-code", "26734", "--unit-name", "Xã Tân An",
               "--admin", "quantri", store=store)  # fmt: skip
    [line] = [x.strip() for x in made.stdout.splitlines() if "caseterm-recovery-secret/1:" in x]
    assert "shown only this once" in made.stdout
    status = json.loads(run("caseterm-admin", "keys", "status", "--json", store=store).stdout)
    assert status["recovery_key"] is True
    run("caseterm-admin", "backup", "create", "--out", str(backup), store=store)
    envelope = tmp_path / "envelope.txt"
    envelope.write_text(line + "\n", "utf-8")
    recovered = run("caseterm-admin", "backup", "verify", str(backup),
                    "--recovery-key", str(envelope))  # fmt: skip
    assert "The backup is whole" in recovered.stdout

    written = tmp_path / "printed.txt"
    other = run("caseterm-admin", "init", "--unit-code", "26735",
                "--unit-name", "Xã Tân Bình", "--admin", "quantri",
                "--recovery-key-out", str(written), store=tmp_path / "d" / "d.db")  # fmt: skip
    assert "caseterm-recovery-secret/1:" not in other.stdout
    assert written.read_text("utf-8").startswith("caseterm-recovery-secret/1:")
