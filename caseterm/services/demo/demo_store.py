"""Demo stores and synthetic data (for trying caseterm and for benchmarks; never real data)."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from caseterm.domain.codes import Role
from caseterm.domain.lifecycle import LifeEvent
from caseterm.domain.lifecycle.payloads import parse_payload
from caseterm.domain.permissions import Action
from caseterm.domain.person import PersonRecord
from caseterm.domain.report.completeness import missing_documents
from caseterm.domain.sync import DistrictAddress
from caseterm.files import atomic_write_bytes
from caseterm.ids import new_id
from caseterm.services.demo import synthetic
from caseterm.services.demo.lives import add_demo_lives
from caseterm.services.documents.header import set_header
from caseterm.services.lifecycle.calendar import active_calendar
from caseterm.services.lifecycle.projection import identity_facts, project
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.paths import StoreFiles
from caseterm.services.setup.new_store import InitRequest, init_store
from caseterm.services.sync.commune import set_district
from caseterm.store.records import ProjectionRow

BATCH = 1000
DEMO_ACCOUNT = "demo"
DEMO_UNIT = ("26734", "Xã Tân An")
DEMO_PERSONS = 400
PASSPHRASE_FILE = "DEMO-ONLY-passphrase.txt"  # noqa: S105 - a file name, not a secret
_WORDS = (
    "may",
    "song",
    "nui",
    "bien",
    "lua",
    "tre",
    "sen",
    "cau",
    "den",
    "gio",
    "nang",
    "mua",
    "trang",
    "sao",
    "hoa",
    "la",
    "dong",
    "rung",
    "suoi",
    "thuyen",
    "chim",
    "ca",
    "que",
    "duong",
    "nha",
    "cua",
    "ban",
    "ghe",
    "but",
    "sach",
    "vo",
    "mat",
    "tay",
    "chan",
)


def generate_persons(
    session: CaseSession,
    count: int,
    *,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Add `count` synthetic persons in batches (one audit entry per batch); return the count."""
    session.require(Action.DEMO_DATA)
    people = synthetic.persons(count, seed=seed)
    template = _registered_only(session)
    done = 0
    while done < count:
        batch = [(new_id(), next(people)) for _ in range(min(BATCH, count - done))]
        with session.transaction() as tx:
            tx.persons.insert_many(
                rows=batch,
                unit_code=session.unit.code,
                at=session.now(),
                by=session.actor.id,
                event_ids=[new_id() for _ in batch],
            )
            tx.states.put_many(
                [_copy(template, pid, record) for pid, record in batch],
                unit_code=session.unit.code,
            )
            session.audit(
                tx, "demo_data.generate", "unit", session.unit.code, {"count": len(batch)}
            )
        done += len(batch)
        if progress:
            progress(done, count)
    return done


def _copy(template: ProjectionRow, person_id: str, record: PersonRecord) -> ProjectionRow:
    """The template projection for one person, with the report's facts of their record."""
    return replace(
        template,
        person_id=person_id,
        report={**template.report, **identity_facts(record, missing_documents(record, None, ()))},
    )


def _registered_only(session: CaseSession) -> ProjectionRow:
    """The projection of a person whose only event is their registration (the same for all)."""
    calendar = active_calendar()
    now = session.clock.now()
    registered = LifeEvent("-", "person.registered", now, parse_payload("person.registered", {}))
    _state, row = project("-", None, [registered], calendar, now)
    return row


@dataclass(frozen=True)
class DemoStore:
    """Where the demo store is and how to unlock it."""

    store: Path
    account: str
    passphrase: str
    created: bool


def _adults(session: CaseSession) -> list[str]:
    """Demo persons old enough for every script (adults in 2026), in register order."""
    from caseterm.services.registry.persons import list_persons

    page, _total = list_persons(session, offset=0, limit=200)
    return [p.id for p in page if p.birth[:4].isdigit() and int(p.birth[:4]) <= 2000]


def demo_passphrase() -> str:
    """Return a random passphrase of six short words and four digits (demo only)."""
    words = [secrets.choice(_WORDS) for _ in range(6)]
    return "-".join([*words, f"{secrets.randbelow(10_000):04d}"])


DEMO_DISTRICT = "DEMO-HUYEN"


def demo_district() -> DistrictAddress:
    """A district for the demo store to send to, so that its Sync screen can make a bundle.

    Its keys are made here and the private halves dropped: nobody can read a demo bundle,
    which holds synthetic people anyway.
    """
    from caseterm.crypto.bundle import DistrictKey
    from caseterm.crypto.signing import SigningKey

    return DistrictAddress(
        DEMO_DISTRICT, DistrictKey.generate().recipient, SigningKey.generate().public_bytes
    )


DEMO_HEADER = {
    "province_police": "Công an tỉnh Thử Nghiệm (DEMO)",
    "commune": "xã Tân An",
    "place": "Tân An",
    "advising_unit": "Cán bộ phụ trách địa bàn",
    "chief_name": "Nguyễn Văn Mẫu",
    "chief_rank": "Thiếu tá",
}
"""The demo unit's document header: a province marked DEMO, so a printed demo form is never
mistaken for a real one."""


def ensure_demo_store(folder: Path, *, persons: int = DEMO_PERSONS) -> DemoStore:
    """Create the demo store in `folder` unless it exists; return how to open it.

    The demo passphrase is kept in a file beside the store so it can be shown again: the demo
    store holds synthetic people only, and the file's name says so.
    """
    from caseterm.services.keys.opening import open_session

    store = folder / "demo.db"
    secret_file = folder / PASSPHRASE_FILE
    if store.exists() and secret_file.exists():
        return DemoStore(store, DEMO_ACCOUNT, secret_file.read_text("utf-8").strip(), created=False)
    folder.mkdir(parents=True, exist_ok=True)
    for leftover in StoreFiles(store).all_files():
        leftover.unlink(missing_ok=True)
    passphrase = demo_passphrase()
    init_store(
        InitRequest(
            store,
            DEMO_UNIT[0],
            DEMO_UNIT[1],
            DEMO_ACCOUNT,
            passphrase,
            admin_display_name="Demo",
            extra_roles=(Role.CHIEF,),
        )
    )
    session = open_session(store, DEMO_ACCOUNT, passphrase)
    try:
        set_district(session, demo_district().text())
        set_header(session, DEMO_HEADER)
        generate_persons(session, persons, seed=2026)
        add_demo_lives(session, _adults(session))
    finally:
        session.close()
    atomic_write_bytes(secret_file, (passphrase + "\n").encode("utf-8"))
    return DemoStore(store, DEMO_ACCOUNT, passphrase, created=True)
