"""The monthly sync and the key commands through the installed entry points, as a clerk types them.

One district and one commune store side by side; every step is a real process.
"""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from caseterm.domain.lifecycle.timecalc import local_day
from caseterm.domain.sync import export_due
from caseterm.errors import EXIT_REFUSED, EXIT_USAGE
from tests.cli.programs import entry
from tests.conftest import ADMIN_PASSPHRASE


class Clerk:
    """Runs the two programs with the test KDF, a passphrase file and the given store."""

    def __init__(self, env: dict[str, str], secret: Path) -> None:
        self.env, self.secret = env, secret

    def __call__(
        self, program: str, store: Path | None, *args: str, expect: int = 0
    ) -> subprocess.CompletedProcess[str]:
        """Run a command; `store=None` for the commands that take a file instead (backups)."""
        on = ("--store", str(store)) if store is not None else ()
        result = subprocess.run(
            [*entry(program), *args, *on, "--passphrase-file", str(self.secret)],
            env={**self.env, "CASETERM_USER": "quantri"},
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )
        assert result.returncode == expect, (args, result.returncode, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        return result


def test_a_month_from_the_commune_to_the_district_and_back(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    secret = tmp_path / "secret"
    secret.write_text(ADMIN_PASSPHRASE + "\n", "utf-8")
    run = Clerk(cli_env, secret)
    district, commune, usb = tmp_path / "d" / "d.db", tmp_path / "c" / "c.db", tmp_path / "usb"
    usb.mkdir()
    made = run(
        "caseterm-admin",
        district,
        "district",
        "init",
        "--unit-code",
        "HUYEN-01",
        "--unit-name",
        "Công an huyện",
        "--admin",
        "quantri",
    )
    address = made.stdout.strip().splitlines()[-1]
    assert address.startswith("ctd1:HUYEN-01:age1")
    run(
        "caseterm-admin",
        commune,
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
    )
    run(
        "caseterm",
        commune,
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
    )
    status = json.loads(run("caseterm", commune, "sync", "status", "--json").stdout)
    assert (status["district"], status["unsent_persons"]) == ("HUYEN-01", 1)
    assert status["due_period"] == export_due(None, local_day(datetime.now(UTC)))  # none made yet
    exported = json.loads(
        run(
            "caseterm",
            commune,
            "sync",
            "export",
            "--period",
            "2026-10",
            "--out",
            str(usb),
            "--json",
        ).stdout
    )
    bundle = Path(exported["path"])
    assert bundle.name == "26734_2026-10_000001.ctb"

    refused = run(
        "caseterm-admin", district, "district", "import", str(bundle), expect=EXIT_REFUSED
    )
    assert "[unknown_unit]" in refused.stderr
    run(
        "caseterm-admin",
        district,
        "district",
        "enroll-commune",
        "--unit-code",
        "26734",
        "--unit-name",
        "Xã Tân An",
        "--signing-key",
        status["signing_public_key"],
    )
    imported = json.loads(
        run("caseterm-admin", district, "district", "import", str(bundle), "--json").stdout
    )
    assert [row["outcome"] for row in imported] == ["applied"]
    again = json.loads(
        run("caseterm-admin", district, "district", "import", str(bundle), "--json").stdout
    )
    assert [row["outcome"] for row in again] == ["already_applied"]

    ack = run("caseterm", commune, "sync", "ack-import", imported[0]["ack_path"])
    assert "applied bundle 1" in ack.stdout
    after = json.loads(run("caseterm", commune, "sync", "status", "--json").stdout)
    assert after["exports"][0]["acknowledged_at"] is not None
    state = json.loads(run("caseterm-admin", district, "district", "status", "--json").stdout)
    assert [c["last_sequence"] for c in state["communes"]] == [1]
    run(
        "caseterm",
        commune,
        "sync",
        "export",
        "--period",
        "2026-13",
        "--out",
        str(usb),
        expect=EXIT_USAGE,
    )


def test_keys_status_and_a_rotation_from_the_command_line(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    secret = tmp_path / "secret"
    secret.write_text(ADMIN_PASSPHRASE + "\n", "utf-8")
    run = Clerk(cli_env, secret)
    store = tmp_path / "c" / "c.db"
    run(
        "caseterm-admin",
        store,
        "init",
        "--unit-code",
        "26734",
        "--unit-name",
        "Xã Tân An",
        "--admin",
        "quantri",
    )
    before = json.loads(run("caseterm-admin", store, "keys", "status", "--json").stdout)
    assert before["data_key_version"] == 1
    rotated = run("caseterm-admin", store, "keys", "rotate-data-key")
    assert "version 1 → 2" in rotated.stdout
    after = json.loads(run("caseterm-admin", store, "keys", "status", "--json").stdout)
    assert (after["data_key_version"], after["rotation_pending"]) == (2, False)
    assert "Everything verified" in run("caseterm-admin", store, "verify").stdout
