"""The one way the tests run caseterm's installed programs, as a clerk types them.

Each call is a real process: the entry point from this virtualenv (or its module), the test's
environment (the explicit test KDF, an isolated data folder), a passphrase file instead of a
terminal, and no standard input. It checks the exit code and that nothing printed a traceback,
and keeps what each run printed on standard error (for the leak scans).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path


def entry(name: str) -> list[str]:
    """The command for `caseterm` or `caseterm-admin` in this virtualenv (or its module)."""
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    module = "caseterm" if name == "caseterm" else "caseterm.cli.admin"
    return [found] if found else [sys.executable, "-m", module]


class Programs:
    """Runs `caseterm` and `caseterm-admin` (or any command line) with one environment."""

    def __init__(
        self,
        env: Mapping[str, str],
        passphrase_files: Mapping[str, Path],
        *,
        user: str | None = None,
        cwd: Path | None = None,
    ) -> None:
        """`passphrase_files` names the files a call may choose with `secret=` ("admin" is the
        default); `user` is the `--user` every call gives unless it says otherwise."""
        self.env, self.passphrase_files, self.user, self.cwd = (
            dict(env),
            passphrase_files,
            user,
            cwd,
        )
        self.errors: list[str] = []

    def __call__(
        self,
        program: str | Sequence[str],
        *args: str,
        store: Path | None = None,
        secret: str | None = "admin",
        user: str | bool | None = True,
        expect: int = 0,
    ) -> subprocess.CompletedProcess[str]:
        """Run one command; `store` adds `--store`, `secret=None` gives no passphrase file and
        `user=None` no `--user` (True: the runner's own)."""
        command = entry(program) if isinstance(program, str) else list(program)
        flags: list[str] = ["--store", str(store)] if store is not None else []
        if secret is not None:
            flags += ["--passphrase-file", str(self.passphrase_files[secret])]
        chosen = self.user if user is True else user
        if isinstance(chosen, str):
            flags += ["--user", chosen]
        result = subprocess.run(
            [*command, *args, *flags],
            env=self.env,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=120,
            cwd=self.cwd,
            check=False,
        )
        assert result.returncode == expect, (args, result.returncode, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        self.errors.append(result.stderr)
        return result


def clerk(env: Mapping[str, str], passphrase_file: Path) -> Programs:
    """The administrator "quantri" at a desk: every command with this passphrase file and the
    account named in CASETERM_USER (as the sync and backup flows are typed)."""
    return Programs({**env, "CASETERM_USER": "quantri"}, {"admin": passphrase_file})
