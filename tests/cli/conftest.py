"""The command-line tests' shared fixture: a store made by `caseterm-admin init`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ADMIN_PASSPHRASE, OFFICER_PASSPHRASE
from tests.programs import Programs


@pytest.fixture
def run(cli_env: dict[str, str], tmp_path: Path) -> Programs:
    """The installed programs on a new store (commune 26734; account quantri, also a chief)."""
    store = tmp_path / "cli" / "s.db"
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    (secrets / "admin").write_text(ADMIN_PASSPHRASE + "\n", "utf-8")
    (secrets / "officer").write_text(OFFICER_PASSPHRASE + "\n", "utf-8")
    (secrets / "wrong").write_text("these are not the right words\n", "utf-8")
    env = {**cli_env, "CASETERM_STORE": str(store)}
    passphrase_files = {name: secrets / name for name in ("admin", "officer", "wrong")}
    invoke = Programs(env, passphrase_files, user="quantri")
    invoke(
        "caseterm-admin",
        "init",
        "--unit-code",
        "26734",
        "--unit-name",
        "Xã Tân An",
        "--admin",
        "quantri",
        "--also-chief",
        user=None,
    )
    return invoke
