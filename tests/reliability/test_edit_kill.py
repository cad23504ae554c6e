"""T01 (SIGKILL during routine edits) and T38 (audit and data commit together).

200 kills in CI (4 batches of 50, run in parallel), each just before a file operation chosen by
the test: the kill points are spread over every write, fsync, truncation and rename that a dry
run of 8 edits makes under the store's folder, from the unlock to the last commit. The store
grows across the batch. After every kill the store reopens clean, holds every acknowledged
change, and pairs every change with its audit entry. Each batch must see kills before the first
acknowledged edit and kills after some; `CASETERM_EDIT_KILLS` sets the kills per batch (`all`:
one at every operation) and `scripts/soak.py` runs thousands.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from caseterm.clock import FrozenClock
from caseterm.domain.codes import Role
from caseterm.services.session.policy import TEST_POLICY
from caseterm.services.setup.new_store import InitRequest, init_store
from tests.conftest import ADMIN, ADMIN_PASSPHRASE
from tests.reliability.edits import check_after_kill, kill_during_edits, operations_of_edits
from tests.reliability.kill import Killer, print_outcomes, spread, trials

KILLS = trials("CASETERM_EDIT_KILLS", 50)
DRY_EDITS = 8


@pytest.mark.slow
@pytest.mark.parametrize("batch", range(4))
def test_t01_t38_a_kill_during_routine_edits_loses_nothing_acknowledged(
    tmp_path: Path, killer: Killer, batch: int
) -> None:
    store = tmp_path / "store" / "caseterm.db"
    store.parent.mkdir()
    init_store(
        InitRequest(
            store, "26734", "Xã Tân An", ADMIN, ADMIN_PASSPHRASE, extra_roles=(Role.CHIEF,)
        ),
        policy=TEST_POLICY,
        clock=FrozenClock(),
    )
    rng = random.Random(100 + batch)
    points = spread(operations_of_edits(killer, store, DRY_EDITS), KILLS)
    rng.shuffle(points)  # the store grows in between: early and late points on small and large
    before, after = "before the first acknowledged edit", "after one or more"
    outcomes = {before: 0, after: 0}
    acknowledged = 0
    for kill_at in points:
        trial = kill_during_edits(killer, store, rng.randrange(2**32), kill_at)
        assert not trial.finished, f"the kill before operation {kill_at} never landed"
        counts = check_after_kill(store, trial)
        acknowledged += len(trial.acknowledged)
        outcomes[
            "after one or more" if trial.acknowledged else "before the first acknowledged edit"
        ] += 1
    print_outcomes("T01", outcomes)
    assert all(outcomes.values()), outcomes  # both sides of the first commit were killed
    assert counts["persons"] > 0 and counts["entries"] >= acknowledged
