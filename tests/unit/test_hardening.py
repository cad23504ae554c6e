"""T32: both programs start by forbidding core dumps and, on Linux, making the process
non-dumpable (no core, no ptrace or /proc/<pid>/mem reads by other processes of the user);
every store connection runs with SQLCipher's memory security on."""

from __future__ import annotations

import subprocess
import sys

import pytest

from caseterm.services.session.case_session import CaseSession
from tests.requirements import cannot_run

PROBE = """
import atexit, resource, sys
from caseterm.services.session.hardening import dumpable
def report() -> None:
    print(resource.getrlimit(resource.RLIMIT_CORE)[0], dumpable(), flush=True)
atexit.register(report)
from caseterm.cli.{module} import main
sys.argv = ["caseterm", "--version"]
main()
"""


@pytest.mark.parametrize("module", ["officer", "admin"])
def test_t32_the_programs_start_without_core_dumps_and_not_dumpable(module: str) -> None:
    if not sys.platform.startswith("linux"):
        cannot_run("prctl(PR_SET_DUMPABLE) is Linux's")
    result = subprocess.run(
        [sys.executable, "-c", PROBE.replace("{module}", module)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.stdout.split()[-2:] == ["0", "False"], result.stderr


def test_t32_store_connections_keep_key_material_out_of_swap_where_they_can(
    session: CaseSession,
) -> None:
    with session.transaction(durable=False) as tx:
        raw = tx.audit._session.connection().connection.dbapi_connection
        assert raw is not None
        assert raw.execute("PRAGMA cipher_memory_security").fetchone()[0] in (1, "1")
