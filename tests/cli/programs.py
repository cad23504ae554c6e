"""The installed entry points, as a subprocess calls them."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def entry(name: str) -> list[str]:
    """The command for `caseterm` or `caseterm-admin` in this virtualenv (or its module)."""
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    module = "caseterm" if name == "caseterm" else "caseterm.cli.admin"
    return [found] if found else [sys.executable, "-m", module]
