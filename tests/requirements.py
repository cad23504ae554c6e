"""What a requirement's test does when this machine cannot run it.

Under CI (`CI` set, as `.ci/run` and CI itself do) it fails with the reason: a numbered
requirement is never proven by a skip. Elsewhere it skips, and the reason shows in pytest's
summary (`-ra`). The root conftest also fails a CI run that skipped anything at all.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def under_ci() -> bool:
    """True in CI, where nothing may skip."""
    return bool(os.environ.get("CI"))


def cannot_run(reason: str) -> NoReturn:
    """Fail under CI, skip elsewhere, with `reason` either way."""
    if under_ci():
        pytest.fail(f"this test must run under CI, but: {reason}", pytrace=False)
    pytest.skip(reason)
