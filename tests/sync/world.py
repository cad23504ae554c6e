"""A district and its communes on one disk, for the sync tests (fast KDF, frozen clock)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.domain.codes import Role
from caseterm.domain.sync import DistrictAddress
from caseterm.services.district import district_address, enroll_commune
from caseterm.services.district_import import Imported, import_bundle
from caseterm.services.lifecycle import record_event
from caseterm.services.persons import add_person
from caseterm.services.session import CaseSession
from caseterm.services.setup import InitRequest, init_store
from caseterm.services.sync_commune import export_bundle, sync_status
from caseterm.services.unlock import open_session
from tests.conftest import ADMIN, ADMIN_PASSPHRASE, person

DISTRICT = "HUYEN-01"
DATA_TABLES = ["person", "event", "district_commune", "district_bundle"]
"""What a district holds: the records and the chain heads (not the audit log or alerts)."""


@dataclass
class World:
    """Stores under `root`: one district, any number of communes."""

    root: Path
    policy: KdfPolicy
    clock: FrozenClock
    district: Path = field(init=False)
    address: DistrictAddress = field(init=False)
    communes: dict[str, Path] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.district = self._init("district", DISTRICT, "Công an huyện", kind="district")
        with self.open(self.district) as session:
            self.address = district_address(session)

    def _init(self, folder: str, code: str, name: str, **extra: object) -> Path:
        path = self.root / folder / "caseterm.db"
        path.parent.mkdir(parents=True)
        request = InitRequest(
            path,
            code,
            name,
            ADMIN,
            ADMIN_PASSPHRASE,
            extra_roles=(Role.CHIEF,),
            **extra,  # type: ignore[arg-type]
        )
        init_store(request, policy=self.policy, clock=self.clock)
        return path

    @contextmanager
    def open(self, path: Path) -> Iterator[CaseSession]:
        """The administrator-and-chief's session on a store."""
        session = open_session(path, ADMIN, ADMIN_PASSPHRASE, policy=self.policy, clock=self.clock)
        try:
            yield session
        finally:
            session.close()

    def add_commune(self, code: str, *, enroll: bool = True) -> Path:
        """A commune that sends to this district (enrolled there unless told otherwise)."""
        path = self._init(f"commune-{code}", code, f"Xã {code}", district=self.address)
        self.communes[code] = path
        if enroll:
            with self.open(path) as session:
                public = sync_status(session).signing_public_key
            assert public is not None
            with self.open(self.district) as session:
                enroll_commune(session, code, f"Xã {code}", public.hex())
        return path

    def add_person(self, code: str, name: str = "Nguyễn Văn An", **changes: object) -> str:
        """A person registered at a commune, tested positive an hour before now."""
        with self.open(self.communes[code]) as session:
            pid = add_person(session, person(name, **changes), confirm=True)
            record_event(
                session,
                pid,
                "test.performed",
                {"ground": "h", "sample": "URINE", "result": "POSITIVE"},
                occurred_at=self.clock.now() - timedelta(hours=1),
            )
        return pid

    def export(self, code: str, period: str, **options: object) -> Path:
        """The commune's bundle for `period`, in its outbox folder."""
        outbox = self.root / f"outbox-{code}"
        outbox.mkdir(exist_ok=True)
        with self.open(self.communes[code]) as session:
            return export_bundle(session, period, outbox, **options).path  # type: ignore[arg-type]

    def import_(self, bundle: Path) -> list[Imported]:
        """Import at the district."""
        with self.open(self.district) as session:
            return import_bundle(session, bundle)

    def digest(self) -> str:
        """The district's records and chain heads."""
        with self.open(self.district) as session:
            return session.store.digest(DATA_TABLES)
