"""The synthetic stores scripts/bench.py measures: N persons, events, a managed tenth, a plain copy."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench-out"
ACCOUNT, PASSPHRASE = "bench", "mot con ngua dau ca tau bo co"


MANAGED = 10_000


def build_store(size: int) -> Path:
    """Create (or reuse) a store of `size` synthetic persons, one of them with 200 events."""
    from caseterm.domain.codes import Role
    from caseterm.services.demo.demo_store import generate_persons
    from caseterm.services.keys.opening import open_session
    from caseterm.services.session.policy import TEST_POLICY
    from caseterm.services.setup.new_store import InitRequest, init_store

    folder = OUT / f"store-{size}"
    store = folder / "bench.db"
    if store.exists():
        return store
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    started = time.perf_counter()
    init_store(
        InitRequest(store, "26734", "Xã Tân An", ACCOUNT, PASSPHRASE, extra_roles=(Role.CHIEF,)),
        policy=TEST_POLICY,
    )
    session = open_session(store, ACCOUNT, PASSPHRASE, policy=TEST_POLICY)
    try:
        generate_persons(session, size, seed=size)
        _add_events(session, 199)
    finally:
        session.close()
    print(
        f"  built {size:,} persons in {time.perf_counter() - started:.1f} s "
        f"({store.stat().st_size / 1e6:.1f} MB)",
        flush=True,
    )
    return store


def _add_events(session: Any, count: int) -> None:
    """Give the first person in register order `count` more events (200 with registration)."""
    from caseterm.ids import new_id
    from caseterm.services.registry.persons import list_persons

    first = list_persons(session, limit=1)[0][0]
    with session.transaction() as tx:
        for index in range(count):
            moment = f"2026-{1 + index % 10:02d}-{1 + index % 27:02d}T0{index % 10}:00:00.000000Z"
            tx.events.append(
                event_id=new_id(),
                unit_code=session.unit.code,
                person_id=first.id,
                type_="note.added",
                occurred_at=moment,
                recorded_at=moment,
                recorded_by=session.actor.id,
                payload={"text": f"Ghi chú số {index}"},
            )


def plaintext_copy(store: Path, data_key: bytes) -> Path:
    """Export the store into a plaintext database (synthetic data only) for the baseline."""
    import sqlcipher3

    plain = store.with_name("plain-baseline.db")
    if plain.exists():
        return plain
    con = sqlcipher3.connect(str(store))
    con.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
    con.execute(f"ATTACH DATABASE '{plain}' AS plain KEY ''")
    con.execute("SELECT sqlcipher_export('plain')")
    con.execute("DETACH DATABASE plain")
    con.close()
    return plain


def managed_projection(session: Any) -> Any:
    """The projection of a person under user management since last month (its deadlines open)."""
    from datetime import timedelta

    from caseterm.domain.lifecycle import LifeEvent
    from caseterm.domain.lifecycle.payloads import parse_payload
    from caseterm.services.lifecycle.calendar import active_calendar
    from caseterm.services.lifecycle.projection import project

    now = session.clock.now()
    start = now - timedelta(days=40)
    script = [
        ("test.performed", {"ground": "h", "sample": "URINE", "result": "POSITIVE"}),
        ("residence.verified", {"result": "STABLE", "criterion": "REGISTERED_ADDRESS"}),
        ("use.notice_sent", {"recipient": "TCAX"}),
        ("mgmt.decided", {"reason": "NEW", "decision_no": "1/QĐ", "officer": "Trần Văn An"}),
    ]
    events = [
        LifeEvent(str(n), kind, start + timedelta(hours=n), parse_payload(kind, payload))
        for n, (kind, payload) in enumerate(script)
    ]
    return project("-", None, events, active_calendar(), now)[1]


def with_managed(store: Path, count: int) -> Path:
    """A copy of a store whose first `count` persons have a management projection (bulk)."""
    from dataclasses import replace

    from caseterm.services.keys.opening import open_session
    from caseterm.services.session.policy import TEST_POLICY

    copy = store.parent.parent / f"{store.parent.name}-managed" / "bench.db"
    if copy.exists():
        return copy
    copy.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", ".keys"):
        shutil.copy2(f"{store}{suffix}", f"{copy}{suffix}")
    session = open_session(copy, ACCOUNT, PASSPHRASE, policy=TEST_POLICY)
    try:
        template = managed_projection(session)
        with session.transaction() as tx:
            ids = [p.id for p in tx.persons.page(offset=0, limit=count)]
            for pid in ids:
                tx.states.put(replace(template, person_id=pid), unit_code=session.unit.code)
    finally:
        session.close()
    return copy
