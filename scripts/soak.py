"""Soak test for T01/T38: thousands of SIGKILLs during routine edits (CI runs 200).

    python scripts/soak.py                   # 10,000 kills on one growing store
    python scripts/soak.py --kills 2000      # fewer
    python scripts/soak.py --minutes 30      # for a time instead

Each kill lands just before a file operation chosen at random among those a dry run of 8 edits
makes (unlock included), in a child forked by the tests' kill helper (the power-cut shim, built
with gcc), making random routine edits with the fast test KDF; after each one the store must reopen clean (integrity and cipher integrity), keep every
acknowledged change, keep its audit chain whole, and pair every change with its audit entry.
The checks walk the whole store, so a new store is started every 500 kills to keep each kill's
cost flat. Stores hold synthetic people only, in a temporary folder removed at the end.
Prints a line every 500 kills and a summary; exits 1 on the first failure, naming the kill.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the checks live with the tests that run 200 of them in CI


def main() -> int:
    """Run the kills; 0 when every one left a sound store."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=10_000)
    parser.add_argument("--minutes", type=float, default=None)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    from caseterm.clock import FrozenClock
    from caseterm.domain.codes import Role
    from caseterm.services.session.policy import TEST_POLICY
    from caseterm.services.setup.new_store import InitRequest, init_store
    from tests.conftest import ADMIN, ADMIN_PASSPHRASE
    from tests.reliability.edits import check_after_kill, kill_during_edits, operations_of_edits
    from tests.reliability.kill import Killer, build_shim

    def new_store(folder: Path, number: int) -> Path:
        store = folder / f"store-{number}" / "caseterm.db"
        store.parent.mkdir()
        request = InitRequest(
            store, "26734", "Xã Tân An", ADMIN, ADMIN_PASSPHRASE, extra_roles=(Role.CHIEF,)
        )
        init_store(request, policy=TEST_POLICY, clock=FrozenClock())
        return store

    with tempfile.TemporaryDirectory(prefix="caseterm-soak-") as folder:
        shim = build_shim(Path(folder))
        if shim is None:
            print("no C compiler (gcc or cc) to build the kill shim", file=sys.stderr)
            return 2
        killer = Killer(shim, Path(folder) / "killer.log")
        store = new_store(Path(folder), 0)
        operations = operations_of_edits(killer, store, 8)
        rng, started = random.Random(args.seed), time.monotonic()
        deadline = started + args.minutes * 60 if args.minutes else None
        kills = acknowledged = 0
        while kills < args.kills if deadline is None else time.monotonic() < deadline:
            kill_at = rng.randint(1, operations)
            trial = kill_during_edits(killer, store, rng.randrange(2**32), kill_at)
            try:
                counts = check_after_kill(store, trial)
            except AssertionError as failure:
                print(f"FAILED at kill {kills + 1}: {failure}", file=sys.stderr)
                return 1
            kills, acknowledged = kills + 1, acknowledged + len(trial.acknowledged)
            if kills % 500 == 0:
                print(f"{kills} kills, {acknowledged} acknowledged edits, {dict(counts)}")
                store = new_store(Path(folder), kills)
        killer.close()
        minutes = (time.monotonic() - started) / 60
        print(
            f"OK: {kills}/{kills} kills left a sound store; {acknowledged} acknowledged edits "
            f"all present; {minutes:.1f} min"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
