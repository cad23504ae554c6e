"""P8 for scripts/bench.py: a commune's export and the district's import of it.

Every run works on a fresh copy of the stores (copied outside the timing), so each export really
builds, encrypts and signs a bundle, and each import really applies it: neither finds the work
already done. The 1k commune month is the median of 5 runs; the 100k full export and its import
are single runs (they take long, and their spread is small next to their size).
"""

from __future__ import annotations

import shutil
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

PERIOD = "2026-10"


def _copy(store: Path, to: Path) -> Path:
    to.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", ".keys"):
        shutil.copyfile(store.with_name(store.name + suffix), to.with_name(to.name + suffix))
    return to


def _district(work: Path, commune: Path, account: str, passphrase: str) -> tuple[Path, str]:
    """A district store with the commune enrolled; returns it and its address line."""
    from caseterm.services.keys.opening import open_session
    from caseterm.services.session.policy import TEST_POLICY
    from caseterm.services.setup.new_store import InitRequest, init_store
    from caseterm.services.sync.commune import sync_status
    from caseterm.services.sync.district import district_address, enroll_commune

    district = work / "district" / "district.db"
    district.parent.mkdir(parents=True)
    init_store(
        InitRequest(district, "HUYEN-01", "Huyện", account, passphrase, kind="district"),
        policy=TEST_POLICY,
    )
    with _session(open_session, commune, account, passphrase) as session:
        public = sync_status(session).signing_public_key
    with _session(open_session, district, account, passphrase) as session:
        assert public is not None
        enroll_commune(session, "26734", "Xã Tân An", public.hex())
        address = district_address(session).text()
    return district, address


@contextmanager
def _session(opener: Any, store: Path, account: str, passphrase: str) -> Iterator[Any]:
    """An unlocked session with the fast test KDF, closed at the end."""
    from caseterm.services.session.policy import TEST_POLICY

    session = opener(store, account, passphrase, policy=TEST_POLICY)
    try:
        yield session
    finally:
        session.close()


def _next_month(
    commune: Path, district: Path, address: str, account: str, passphrase: str, work: Path
) -> tuple[int, float]:
    """A steady month: the second bundle's events and its import seconds.

    The first bundle is applied and acknowledged, then up to 2,000 persons get 5 notes each.
    """
    from caseterm.ids import new_id
    from caseterm.services.keys.opening import open_session
    from caseterm.services.registry.persons import list_persons
    from caseterm.services.sync.commune import export_bundle, import_ack, set_district
    from caseterm.services.sync.district_import import import_bundle
    from caseterm.store.records import EventInfo

    folder = work / "month"
    copy, target = _copy(commune, folder / "commune.db"), _copy(district, folder / "district.db")
    with _session(open_session, copy, account, passphrase) as session:
        set_district(session, address)
        first = export_bundle(session, PERIOD, folder)
        with _session(open_session, target, account, passphrase) as district_session:
            [applied] = import_bundle(district_session, first.path)
        assert applied.ack_path is not None
        import_ack(session, applied.ack_path)
        persons = list_persons(session, limit=2000)[0]
        moment = "2026-11-03T02:00:00.000000Z"
        notes = [
            (
                session.unit.code,
                EventInfo(
                    new_id(),
                    p.id,
                    "note.added",
                    moment,
                    moment,
                    session.actor.id,
                    {"text": f"Ghi chú {n}"},
                ),
            )
            for p in persons
            for n in range(5)
        ]
        with session.transaction() as tx:
            tx.events.insert_copies(notes)
        second = export_bundle(session, "2026-11", folder)
    with _session(open_session, target, account, passphrase) as session:
        started = time.perf_counter()
        import_bundle(session, second.path)
        return second.events, time.perf_counter() - started


def bench_sync(
    commune: Path, work: Path, account: str, passphrase: str, runs: int
) -> dict[str, float]:
    """P8 on one commune store: export seconds, import seconds, records and events per second."""
    from caseterm.services.keys.opening import open_session
    from caseterm.services.sync.commune import export_bundle, set_district
    from caseterm.services.sync.district_import import import_bundle

    shutil.rmtree(work, ignore_errors=True)
    commune = _copy(commune, work / "commune" / "commune.db")  # the bench store stays untouched
    district, address = _district(work, commune, account, passphrase)
    exports, imports, bundle, counted = [], [], Path(), (0, 0)
    for run in range(runs):
        copy = _copy(commune, work / f"run-{run}" / "commune.db")
        out = work / f"run-{run}"
        with _session(open_session, copy, account, passphrase) as session:
            set_district(session, address)
            started = time.perf_counter()
            made = export_bundle(session, PERIOD, out)
            exports.append(time.perf_counter() - started)
        bundle, counted = made.path, (made.persons, made.events)
        target = _copy(district, work / f"run-{run}" / "district.db")
        with _session(open_session, target, account, passphrase) as session:
            started = time.perf_counter()
            import_bundle(session, bundle)
            imports.append(time.perf_counter() - started)
        shutil.rmtree(work / f"run-{run}")
    seconds = statistics.median(imports)
    persons, events = counted
    month_events, month_seconds = _next_month(commune, district, address, account, passphrase, work)
    return {
        "month events": month_events,
        "month import": month_seconds,
        "export": statistics.median(exports),
        "import": seconds,
        "records/s": (persons + events) / seconds,
        "events/s": events / seconds,
        "persons": persons,
        "events": events,
    }


def bench_rotation(store: Path, work: Path, account: str, passphrase: str) -> dict[str, float]:
    """P9: one data-key rotation of a copy of the store, in seconds per 100 MB."""
    from caseterm.services.keys.rotation import rotate_data_key
    from caseterm.services.session.policy import TEST_POLICY

    shutil.rmtree(work, ignore_errors=True)
    copy = _copy(store, work / "rotate.db")
    size = copy.stat().st_size
    started = time.perf_counter()
    rotate_data_key(copy, account, passphrase, policy=TEST_POLICY)
    seconds = time.perf_counter() - started
    shutil.rmtree(work)
    return {"seconds": seconds, "mb": size / 1e6, "per_100mb": seconds / (size / 1e8)}


def bench_unlock_kdf() -> dict[str, float]:
    """P9: the product's key derivation, calibrated on this machine, median of 3 derivations."""
    from caseterm.crypto.kdf import PRODUCT_POLICY, derive_kek, enrolment_params

    params = enrolment_params(PRODUCT_POLICY)
    times = []
    for _ in range(3):
        started = time.perf_counter()
        derive_kek("mot cau mat khau du dai de do", params)
        times.append(time.perf_counter() - started)
    return {
        "seconds": statistics.median(times),
        "memory_mib": params.memory_kib / 1024,
        "passes": params.iterations,
        "lanes": params.lanes,
    }
