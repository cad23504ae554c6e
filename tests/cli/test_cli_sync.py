"""The monthly sync and the key commands through the installed entry points, as a clerk types them.

One district and one commune store side by side; every step is a real process.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from caseterm.domain.lifecycle.timecalc import local_day
from caseterm.domain.sync import export_due
from caseterm.errors import EXIT_REFUSED, EXIT_USAGE
from tests.conftest import ADMIN_PASSPHRASE
from tests.programs import clerk
from tests.schemas import conforms


def test_a_month_from_the_commune_to_the_district_and_back(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    secret = tmp_path / "secret"
    secret.write_text(ADMIN_PASSPHRASE + "\n", "utf-8")
    run = clerk(cli_env, secret)
    district, commune, usb = tmp_path / "d" / "d.db", tmp_path / "c" / "c.db", tmp_path / "usb"
    usb.mkdir()
    made = run(
        "caseterm-admin",
        "district",
        "init",
        "--unit-code",
        "HUYEN-01",
        "--unit-name",
        "Công an huyện",
        "--admin",
        "quantri",
        store=district,
    )
    address = made.stdout.strip().splitlines()[-1]
    assert address.startswith("ctd1:HUYEN-01:age1")
    run(
        "caseterm-admin",
        "init",
        "--unit-code",
        "26734",
        "--unit-name",
        "Xã Tân An",
        "--admin",
        "quantri",
        "--also-chief",
        "--district-key",
        address,
        store=commune,
    )
    run(
        "caseterm",
        "person",
        "add",
        "--name",
        "Trần Thị Bình",
        "--dob",
        "1990",
        "--sex",
        "nữ",
        "--village",
        "Thôn 1",
        "--confirm",
        store=commune,
    )
    status = json.loads(run("caseterm", "sync", "status", "--json", store=commune).stdout)
    conforms(status, "sync-status.v1.schema.json")
    assert (status["district"], status["unsent_persons"]) == ("HUYEN-01", 1)
    assert status["due_period"] == export_due(None, local_day(datetime.now(UTC)))  # none made yet
    exported = json.loads(
        run(
            "caseterm",
            "sync",
            "export",
            "--period",
            "2026-10",
            "--out",
            str(usb),
            "--json",
            store=commune,
        ).stdout
    )
    bundle = Path(exported["path"])
    assert bundle.name == "26734_2026-10_000001.ctb"

    refused = run(
        "caseterm-admin", "district", "import", str(bundle), expect=EXIT_REFUSED, store=district
    )
    assert "[unknown_unit]" in refused.stderr
    run(
        "caseterm-admin",
        "district",
        "enroll-commune",
        "--unit-code",
        "26734",
        "--unit-name",
        "Xã Tân An",
        "--signing-key",
        status["signing_public_key"],
        store=district,
    )
    waiting = run("caseterm-admin", "district", "status", store=district).stdout
    assert "26734 Xã Tân An: no bundle received yet (enrolled 0 days ago)" in waiting
    assert "#0" not in waiting
    imported = json.loads(
        run("caseterm-admin", "district", "import", str(bundle), "--json", store=district).stdout
    )
    assert [row["outcome"] for row in imported] == ["applied"]
    again = json.loads(
        run("caseterm-admin", "district", "import", str(bundle), "--json", store=district).stdout
    )
    assert [row["outcome"] for row in again] == ["already_applied"]

    ack = run("caseterm", "sync", "ack-import", imported[0]["ack_path"], store=commune)
    assert "applied bundle 1" in ack.stdout
    after = json.loads(run("caseterm", "sync", "status", "--json", store=commune).stdout)
    conforms(after, "sync-status.v1.schema.json")
    assert after["exports"][0]["acknowledged_at"] is not None
    state = json.loads(run("caseterm-admin", "district", "status", "--json", store=district).stdout)
    conforms(state, "district-status.v1.schema.json")
    assert [c["last_sequence"] for c in state["communes"]] == [1]
    run(
        "caseterm",
        "sync",
        "export",
        "--period",
        "2026-13",
        "--out",
        str(usb),
        expect=EXIT_USAGE,
        store=commune,
    )


def test_keys_status_and_a_rotation_from_the_command_line(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    secret = tmp_path / "secret"
    secret.write_text(ADMIN_PASSPHRASE + "\n", "utf-8")
    run = clerk(cli_env, secret)
    store = tmp_path / "c" / "c.db"
    run(
        "caseterm-admin",
        "init",
        "--unit-code",
        "26734",
        "--unit-name",
        "Xã Tân An",
        "--admin",
        "quantri",
        store=store,
    )
    before = json.loads(run("caseterm-admin", "keys", "status", "--json", store=store).stdout)
    assert before["data_key_version"] == 1
    rotated = run("caseterm-admin", "keys", "rotate-data-key", store=store)
    assert "version 1 → 2" in rotated.stdout
    after = json.loads(run("caseterm-admin", "keys", "status", "--json", store=store).stdout)
    assert (after["data_key_version"], after["rotation_pending"]) == (2, False)
    assert "Everything verified" in run("caseterm-admin", "verify", store=store).stdout
