"""A district and its communes on one disk, for the sync tests (fast KDF, frozen clock)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from caseterm.clock import FrozenClock, utc_iso
from caseterm.crypto.bundle import recipient_key_id, seal
from caseterm.crypto.kdf import KdfPolicy
from caseterm.crypto.signing import SigningKey
from caseterm.domain.bundle import FORMAT, SCHEMA_VERSION, Manifest, first_previous_hash
from caseterm.domain.codes import Role
from caseterm.domain.sync import DistrictAddress
from caseterm.services.keys.opening import open_session
from caseterm.services.lifecycle.events import record_event
from caseterm.services.registry.persons import add_person
from caseterm.services.session.case_session import CaseSession
from caseterm.services.setup.new_store import InitRequest, init_store
from caseterm.services.sync.commune import export_bundle, sync_status
from caseterm.services.sync.district import district_address, enroll_commune
from caseterm.services.sync.district_chain import Imported
from caseterm.services.sync.district_import import import_bundle
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


def one_commune(root: Path, policy: KdfPolicy, clock: FrozenClock) -> World:
    """A district with commune 26734 enrolled, holding one person who tested positive."""
    world = World(root, policy, clock)
    world.add_commune("26734")
    world.add_person("26734")
    return world


def commune_signer(world: World, code: str) -> SigningKey:
    """The commune's signing key, read from its store (tests forge bundles with it)."""
    with world.open(world.communes[code]) as session, session.transaction() as tx:
        keys = tx.keys.signer()
    assert keys is not None
    return SigningKey(*keys)


def forge(
    world: World,
    code: str,
    payload: bytes,
    *,
    signer: SigningKey | None = None,
    recipient: str | None = None,
    key_change: tuple[bytes, bytes] | None = None,
    **manifest: object,
) -> bytes:
    """A bundle that a commune's real key signs, with any payload and manifest fields."""
    signer = signer or commune_signer(world, code)
    values: dict[str, object] = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "sender_unit": code,
        "sender_key_id": signer.key_id,
        "recipient_unit": DISTRICT,
        "recipient_key_id": recipient_key_id(world.address.recipient),
        "sequence": 1,
        "period": "2026-10",
        "created_at": utc_iso(world.clock.now()),
        "previous_bundle_sha256": first_previous_hash(),
        "payload_sha256": "0" * 64,
        "audit_head": "ab" * 32,
    }
    values.update(manifest)
    draft = Manifest.model_validate(values)
    return seal(draft, payload, recipient or world.address.recipient, signer, key_change)


def copy_store(store: Path, to: Path) -> Path:
    """Copy a closed store and its key file (with any WAL) to `to`."""
    to.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", ".keys", "-wal", "-shm"):
        source = store.with_name(store.name + suffix)
        if source.exists():
            shutil.copy(source, to.with_name(to.name + suffix))
    return to
