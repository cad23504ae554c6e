"""A FIFO (or any file that is not a regular file) given to the district import or to the
commune's acknowledgement import is refused at once, in words, instead of blocking forever."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.errors import UsageError
from caseterm.services.sync.commune import import_ack
from tests.requirements import cannot_run
from tests.sync.world import World, one_commune


@pytest.mark.timeout(60)  # a regression blocks on the FIFO: the timeout turns it into a failure
def test_a_fifo_is_refused_by_both_imports_without_blocking(
    tmp_path: Path, policy: KdfPolicy, clock: FrozenClock
) -> None:
    if sys.platform == "win32":
        cannot_run("FIFOs are POSIX's")
    world: World = one_commune(tmp_path / "world", policy, clock)
    fifo = tmp_path / "bundle.ctb"
    os.mkfifo(fifo)  # nobody ever writes to it: opening it to read would block
    before = world.digest()
    with pytest.raises(UsageError, match="not a regular file"):
        world.import_(fifo)
    assert world.digest() == before
    with world.open(world.communes["26734"]) as session, pytest.raises(UsageError):
        import_ack(session, fifo)
    with pytest.raises(UsageError):
        world.import_(tmp_path)  # a folder
