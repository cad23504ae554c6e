"""Where caseterm keeps its files on each platform (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "caseterm"
STORE_FILE = "caseterm.db"


def data_dir() -> Path:
    """Return the per-user data directory (created on demand by the caller)."""
    from platformdirs import user_data_dir  # deferred: keeps `--help` cheap

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_store() -> Path:
    """Return the store path from `CASETERM_STORE` or the per-user data directory."""
    env = os.environ.get("CASETERM_STORE")
    if env:
        return Path(env).expanduser()
    return data_dir() / STORE_FILE


def demo_dir(install: Path | None = None) -> Path:
    """Return the directory that holds the demo store of this installation (synthetic data).

    One folder per installation, named after it ("demo/main-1a2b3c4d" for a checkout in
    `…/main`): two clones, or a clone and an installed copy, each get their own demo store
    rather than silently sharing one that the other made, with its own version's schema.
    """
    import hashlib

    install = install or Path(__file__).resolve().parent.parent
    tag = hashlib.sha256(str(install).encode("utf-8")).hexdigest()[:8]
    name = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in install.name)[:32]
    return data_dir() / "demo" / f"{name}-{tag}"


def config_dir() -> Path:
    """Return the per-user configuration directory (an updated holiday calendar lives here)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False))


def state_dir() -> Path:
    """Return the per-user state directory (the technician's error log lives here)."""
    from platformdirs import user_state_dir

    return Path(user_state_dir(APP_NAME, appauthor=False))
