"""T08: 1,000 damaged or tampered copies of an encrypted store — a random bit flipped anywhere
(header and salt included), the file cut short, two pages swapped — each ends in a refusal to
open or in the integrity check naming the damage. None crashes, none hangs, none shows data.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from pathlib import Path

from caseterm.services.registry.persons import add_person
from caseterm.services.session.case_session import CaseSession
from caseterm.store import StoreOpenError
from caseterm.store.database import Store
from tests.conftest import person

TRIALS = 1000
PAGE = 4096


def _flip(data: bytearray, rng: random.Random) -> None:
    at = rng.randrange(len(data)) if rng.random() < 0.8 else rng.randrange(PAGE)  # page 1 often
    data[at] ^= 1 << rng.randrange(8)


def _truncate(data: bytearray, rng: random.Random) -> None:
    del data[rng.randrange(1, len(data)) :]


def _swap(data: bytearray, rng: random.Random) -> None:
    first, second = rng.sample(range(len(data) // PAGE), 2)
    a, b = data[first * PAGE : (first + 1) * PAGE], data[second * PAGE : (second + 1) * PAGE]
    data[first * PAGE : (first + 1) * PAGE], data[second * PAGE : (second + 1) * PAGE] = b, a


def _outcome(copy: Path, key: bytes) -> str:
    """How the app meets the copy: refused at open, damage found, or (never) clean."""
    try:
        store = Store(copy, key)
    except StoreOpenError:
        return "refused"
    try:
        return "found" if store.integrity_problems() else "clean"
    except StoreOpenError:
        return "refused"
    finally:
        store.close()


def test_t08_a_thousand_damaged_copies_are_each_refused_or_found(
    session: CaseSession, tmp_path: Path
) -> None:
    for index in range(30):
        record = person(f"Trần Văn Số{index}", id_number=f"0010902{index:05d}")
        add_person(session, record, confirm=True)
    session.store.checkpoint()
    key, store = session.unlocked.data_key, session.files.store
    session.close()
    pristine = bytearray(store.read_bytes())
    assert _outcome(store, key) == "clean"  # the control: the untouched file is sound
    rng = random.Random(8)
    outcomes: Counter[str] = Counter()
    slowest = 0.0
    for trial in range(TRIALS):
        data = bytearray(pristine)
        kind = rng.choices((_flip, _truncate, _swap), weights=(8, 1, 1))[0]
        kind(data, rng)
        copy = tmp_path / f"t{trial % 4}.db"  # reused: each trial starts from a fresh copy
        for side in ("-wal", "-shm"):
            copy.with_name(copy.name + side).unlink(missing_ok=True)
        copy.write_bytes(bytes(data))
        started = time.monotonic()
        outcomes[_outcome(copy, key)] += 1
        slowest = max(slowest, time.monotonic() - started)
    assert outcomes["clean"] == 0, outcomes
    assert outcomes["refused"] + outcomes["found"] == TRIALS
    assert slowest < 5.0  # no hang: a generous bound on a check of a 60-page file
