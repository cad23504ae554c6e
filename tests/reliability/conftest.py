"""Fixtures of the reliability tests: the power-cut shim (T02, T04)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
"""Children started with the shim import the tests from here."""


@pytest.fixture(scope="module")
def shim(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`powercut.c` built as a shared object to preload (the machine image has gcc)."""
    compiler = shutil.which("gcc") or shutil.which("cc")
    if compiler is None:
        pytest.skip("no C compiler to build the power-cut shim")
    built = tmp_path_factory.mktemp("shim") / "powercut.so"
    source = Path(__file__).with_name("powercut.c")
    subprocess.run(
        [compiler, "-shared", "-fPIC", "-O2", "-o", str(built), str(source), "-ldl"], check=True
    )
    return built
