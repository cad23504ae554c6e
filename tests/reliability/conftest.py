"""Fixtures of the reliability tests: the power-cut shim and the helper that kills where the test
decides (T01-T04, T07, T25, T26)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reliability.kill import Killer, build_shim
from tests.requirements import cannot_run


@pytest.fixture(scope="module")
def shim(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`powercut.c` built as a shared object to preload."""
    built = build_shim(tmp_path_factory.mktemp("shim"))
    if built is None:
        cannot_run("no C compiler (gcc or cc) to build the power-cut shim; apt-get install gcc")
    return built


@pytest.fixture(scope="module")
def killer(shim: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Killer]:
    """One helper process per module, forking a child for each kill."""
    started = Killer(shim, tmp_path_factory.mktemp("killer") / "stderr.log")
    yield started
    started.close()
