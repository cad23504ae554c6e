"""T29, T30, T34: a whole commune-to-district month through the installed programs, with 60
canaries in every free-text field, then a scan of every file the programs wrote.

HOME, TMPDIR and the XDG folders all point into one sandbox, so the scan sees every file the
programs made anywhere: stores and their -wal/-shm, key files, lock files, temporary files,
exports, bundles, acknowledgements, backups. None may hold a canary (they are encrypted, or
hold counts and ids only), nor may any error a program printed, expected or forced. The
unexpected error shows only a generic message and an id.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from caseterm.errors import EXIT_INTERNAL, EXIT_NOT_FOUND, EXIT_REFUSED
from tests.conftest import ADMIN_PASSPHRASE
from tests.leakage.canaries import CANARIES, hits_in, scan_tree
from tests.programs import Programs

PERSONS = 12
"""Twelve people, five canaries each: all sixty canaries are written."""
ALLOWED_FILES = {".db", ".db-wal", ".db-shm", ".keys", ".lock", ".ctb", ".ack", ".ctbak"}
ALLOWED_FILES |= {".xlsx", ".csv", ".json", ".txt"}


def _sandboxed(sandbox: Path) -> Programs:
    """The programs with HOME, TMPDIR and every XDG folder inside the sandbox, in Vietnamese."""
    secret = sandbox / "secret.txt"
    secret.write_text(ADMIN_PASSPHRASE + "\n", "utf-8")
    base = {k: v for k, v in os.environ.items() if not k.startswith(("CASETERM_", "XDG_"))}
    env = {
        **base,
        "HOME": str(sandbox / "home"),
        "TMPDIR": str(sandbox / "tmp"),
        "XDG_DATA_HOME": str(sandbox / "xdg-data"),
        "XDG_CONFIG_HOME": str(sandbox / "xdg-config"),
        "XDG_CACHE_HOME": str(sandbox / "xdg-cache"),
        "XDG_STATE_HOME": str(sandbox / "xdg-state"),
        "CASETERM_UNSAFE_TEST_KDF": "1",
        "CASETERM_LANG": "vi",
        "CASETERM_USER": "quantri",
    }
    for name in ("home", "tmp"):
        (sandbox / name).mkdir()
    return Programs(env, {"admin": secret}, cwd=sandbox / "home")


def _person_args(index: int) -> list[str]:
    name, alias, place, belief, work = CANARIES[index * 5 : index * 5 + 5]
    return [
        "--name", f"Nguyễn Văn {name}", "--alias", alias, "--dob", f"{1980 + index}",
        "--sex", "nam", "--id-type", "CCCD", "--id-number", f"0010{80 + index}00{index:04d}",
        "--village", "Thôn Đông", "--current-address", f"Số {index} ngõ {place}",
        "--ethnicity", belief, "--religion", belief, "--occupation", work,
        "--father", f"Nguyễn Văn {work}", "--mother", f"Lê Thị {place}", "--confirm", "--json",
    ]  # fmt: skip


@pytest.mark.slow
def test_t29_t30_t34_no_canary_in_any_file_or_error_the_programs_wrote(tmp_path: Path) -> None:
    sandbox = tmp_path / "sandbox"
    sandbox.mkdir()
    run = _sandboxed(sandbox)
    officer, admin = "caseterm", "caseterm-admin"
    district, commune = sandbox / "d" / "d.db", sandbox / "c" / "c.db"
    usb, exports = sandbox / "usb", sandbox / "exports"
    usb.mkdir()
    exports.mkdir()
    made = run(admin, "district", "init", "--unit-code", "HUYEN-01",
               "--unit-name", "Công an huyện", "--admin", "quantri", store=district)  # fmt: skip
    address = made.stdout.strip().splitlines()[-1]
    run(admin, "init", "--unit-code", "26734", "--unit-name", "Xã Tân An",
        "--admin", "quantri", "--also-chief", "--district-key", address, store=commune)  # fmt: skip

    ids = [
        json.loads(run(officer, "person", "add", *_person_args(i), store=commune).stdout)["id"]
        for i in range(PERSONS)
    ]
    for index, pid in enumerate(ids):
        run(officer, "event", "record", pid, "test.performed", "-f", "ground=h",
            "-f", "sample=URINE", "-f", "result=POSITIVE", store=commune)  # fmt: skip
        run(officer, "event", "record", pid, "note.added", "-f",
            f"text=gặp {CANARIES[index * 5 + 2]}", store=commune)  # fmt: skip
    shown = run(officer, "person", "show", ids[0], "--json", store=commune).stdout
    assert CANARIES[0] in shown  # the data is really there, so the scan below means something
    run(officer, "person", "find", CANARIES[5].lower(), store=commune)
    run(
        officer,
        "person",
        "update",
        ids[1],
        "--occupation",
        CANARIES[59],
        "--confirm",
        store=commune,
    )
    run(officer, "due", store=commune)

    # Expected errors that meet a canary: a wrong date and an unknown person, both refused.
    run(
        officer,
        "person",
        "update",
        ids[2],
        "--dob",
        CANARIES[3],
        expect=EXIT_REFUSED,
        store=commune,
    )
    run(officer, "person", "show", CANARIES[4], expect=EXIT_NOT_FOUND, store=commune)

    for fmt in ("xlsx", "csv", "json"):
        out = exports / f"bao-cao.{fmt}"
        run(officer, "report", "monthly", "--format", fmt, "--out", str(out), store=commune)
    status = json.loads(run(officer, "sync", "status", "--json", store=commune).stdout)
    run(officer, "sync", "export", "--period", "2026-10", "--out", str(usb), store=commune)
    run(admin, "district", "enroll-commune", "--unit-code", "26734",
        "--unit-name", "Xã Tân An", "--signing-key", status["signing_public_key"],
        store=district)  # fmt: skip
    [bundle] = usb.glob("*.ctb")
    imported = json.loads(
        run(admin, "district", "import", str(bundle), "--json", store=district).stdout
    )
    run(officer, "sync", "ack-import", imported[0]["ack_path"], store=commune)
    run(admin, "backup", "create", "--out", str(sandbox / "c.ctbak"), store=commune)
    run(admin, "keys", "rotate-data-key", store=commune)
    run(admin, "verify", store=commune)
    retention = json.loads(run(admin, "retention", "status", "--json", store=commune).stdout)
    assert retention["read_only_after_days"] == 90 and retention["purged"] == 0

    forced = _forced_unexpected_error(run, commune)
    assert "Traceback" not in forced.stderr and "Lỗi không lường trước" in forced.stderr
    # The technician's log (issue 21): the error's id and where it happened, never its message
    # (which carries a canary here); the scan below reads it like every other file.
    log = sandbox / "xdg-state" / "caseterm" / "errors.log"
    error_id = forced.stderr.split("(mã ")[1].split(")")[0]
    assert str(log) in forced.stderr and error_id in log.read_text("utf-8")

    assert scan_tree(sandbox) == []
    assert [hits_in(text.encode()) for text in run.errors if hits_in(text.encode())] == []
    made_files = {
        p for p in sandbox.rglob("*") if p.is_file() and p != run.passphrase_files["admin"]
    }
    strays = [
        p for p in made_files if not any(p.name.endswith(s) for s in ALLOWED_FILES) and p != log
    ]
    assert strays == []  # T30: no other kind of file, in the sandbox's TMPDIR or anywhere
    assert not any((sandbox / "tmp").iterdir())


def _forced_unexpected_error(run: Programs, store: Path) -> subprocess.CompletedProcess[str]:
    """The officer's program with the search made to fail with a canary in the exception."""
    code = (
        "import sys\n"
        "import caseterm.services.registry.persons as persons\n"
        "def boom(*args, **kwargs):\n"
        f"    raise RuntimeError('{CANARIES[7]} ' + repr(args))\n"
        "persons.find_persons = boom\n"
        "from caseterm.cli.officer import main\n"
        "sys.argv = ['caseterm', *sys.argv[1:]]\n"
        "main()\n"
    )
    return run(
        [sys.executable, "-c", code], "person", "find", "nguyen", expect=EXIT_INTERNAL, store=store
    )
