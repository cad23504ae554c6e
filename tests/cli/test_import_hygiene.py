"""P1 and the layers at run time: `--help` loads neither Textual nor SQLModel; domain is pure.

import-linter checks the static import graph; these subprocess checks prove the deferred
imports really stay deferred.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("textual", "sqlmodel", "sqlalchemy", "sqlcipher3", "alembic")

PROBE = """
import json, sys
sys.argv = {argv!r}
try:
    from caseterm.cli.{module} import main
    main()
except SystemExit:
    pass
print("MODULES=" + json.dumps(sorted(m.split(".")[0] for m in sys.modules)))
print("SERVICES=" + json.dumps(sorted(m for m in sys.modules if m.startswith("caseterm.services"))))
"""


def _loaded(module: str, argv: list[str], prefix: str = "MODULES=") -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(module=module, argv=argv)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith(prefix))
    return set(json.loads(line.removeprefix(prefix)))


@pytest.mark.parametrize(
    ("module", "argv"),
    [
        ("officer", ["caseterm", "--help"]),
        ("admin", ["caseterm-admin", "--help"]),
        ("officer", ["caseterm", "person", "add", "--help"]),
        ("admin", ["caseterm-admin", "users", "--help"]),
    ],
)
def test_help_loads_no_heavy_framework(module: str, argv: list[str]) -> None:
    assert not _loaded(module, argv) & set(HEAVY)


@pytest.mark.parametrize("module", ["officer", "admin"])
def test_help_loads_no_service(module: str) -> None:
    """The capabilities load with the command that needs them, never for `--help`.

    Only the process hardening runs before any command (no core dumps, no ptrace).
    """
    assert _loaded(module, [f"caseterm{'-admin' if module == 'admin' else ''}", "--help"]) & {
        "typer"
    }, "the probe did not reach the command line"
    loaded = _loaded(module, ["caseterm", "--help"], prefix="SERVICES=")
    assert loaded == {
        "caseterm.services",
        "caseterm.services.session",
        "caseterm.services.session.hardening",
    }


def test_domain_imports_nothing_but_the_standard_library_and_zxcvbn() -> None:
    code = (
        "import sys, json\n"
        "import caseterm.domain.person, caseterm.domain.passphrase, caseterm.domain.audit\n"
        "import caseterm.domain.permissions, caseterm.domain.names, caseterm.domain.cccd\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    loaded = set(json.loads(out))
    assert not loaded & {*HEAVY, "cryptography", "typer", "pydantic", "platformdirs"}


def test_import_contracts_hold() -> None:
    """The same contracts `scripts/check` runs, so a plain pytest run also enforces the layers."""
    result = subprocess.run(
        [sys.executable, "-m", "importlinter.cli"], capture_output=True, text=True
    )
    if "No module named" in result.stderr:
        result = subprocess.run(["lint-imports"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:]
