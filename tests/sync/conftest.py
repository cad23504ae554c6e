"""Fixtures shared by the sync tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from tests.sync.world import World


@pytest.fixture
def world(tmp_path: Path, policy: KdfPolicy, clock: FrozenClock) -> World:
    """A district with commune 26734 enrolled and no one registered yet.

    Modules that need another world define their own `world`, which takes precedence.
    """
    made = World(tmp_path, policy, clock)
    made.add_commune("26734")
    return made
