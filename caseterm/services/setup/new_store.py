"""Creating a store: the unit, its first administrator, its keys."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from caseterm.clock import Clock, SystemClock, utc_iso
from caseterm.crypto.kdf import KdfPolicy, enrolment_params
from caseterm.crypto.keyfile_auth import sign_key_file
from caseterm.crypto.keyring import enrol, grant_recovery, new_data_key, new_key_file
from caseterm.crypto.signing import SigningKey
from caseterm.domain.codes import Role
from caseterm.domain.sync import DistrictAddress
from caseterm.errors import DiskError, StoreBusy, UsageError
from caseterm.files import fsync_dir
from caseterm.i18n import _
from caseterm.ids import new_id
from caseterm.services.session.paths import StoreFiles
from caseterm.services.session.policy import active_policy
from caseterm.services.session.validation import (
    check_account_name,
    check_unit,
    require_good_passphrase,
)
from caseterm.services.sync.commune import save_district
from caseterm.services.sync.district import add_district_key
from caseterm.services.words.messages import describe_store_error, os_reason
from caseterm.store.database import Store
from caseterm.store.lock import LockBusy, exclusively
from caseterm.store.sqlcipher import PINNED_CIPHER, read_file_salt


@dataclass(frozen=True)
class NewStore:
    """What `init_store` made."""

    store_id: str
    admin_id: str
    signing_key_id: str


@dataclass(frozen=True)
class InitRequest:
    """What an administrator asks for when creating a store."""

    store: Path
    unit_code: str
    unit_name: str
    admin_name: str
    passphrase: str
    admin_display_name: str = ""
    recovery_public_key: bytes | None = None
    extra_roles: tuple[Role, ...] = ()
    kind: str = "commune"
    """"commune", or "district" for the store that imports the communes' bundles."""
    district: DistrictAddress | None = None
    """(Commune) Where its bundles go; it can also be set later."""


def init_store(
    request: InitRequest, *, policy: KdfPolicy | None = None, clock: Clock | None = None
) -> NewStore:
    """Create the store and key file, the unit, the first administrator and the signing key.

    The database is built under a temporary name and moved into place only after its key file
    is durable, so an interrupted init leaves no store that cannot be opened.
    """
    policy, clock = policy or active_policy(), clock or SystemClock()
    files = StoreFiles(request.store)
    check_unit(request.unit_code, request.unit_name)
    check_account_name(request.admin_name)
    require_good_passphrase(
        request.passphrase, [request.unit_code, request.unit_name, request.admin_name]
    )
    _refuse_existing(files)
    try:
        files.store.parent.mkdir(parents=True, exist_ok=True)
        with exclusively(files.session_lock, timeout=0):
            return _create(files, request, policy, clock)
    except LockBusy as exc:
        raise StoreBusy(_("Another process is using this store path.")) from exc
    except OSError as exc:  # a read-only folder, a full disk, no permission: say so, plainly
        raise DiskError(
            _("Cannot create the store at {path}: {reason}. Nothing was created.").format(
                path=files.store, reason=os_reason(exc)
            )
        ) from exc


def _refuse_existing(files: StoreFiles) -> None:
    for path in (files.store, files.keyfile):
        if path.exists():
            raise UsageError(describe_store_error("exists") + f" ({path})")


def _create(files: StoreFiles, request: InitRequest, policy: KdfPolicy, clock: Clock) -> NewStore:
    now = utc_iso(clock.now())
    data_key, store_id, admin_id = new_data_key(), new_id(), new_id()
    keys = new_key_file(
        store_id=store_id,
        cipher=dict(PINNED_CIPHER),
        created_at=now,
        recovery_public_key=request.recovery_public_key,
    )
    enrol(
        keys,
        account_id=admin_id,
        name=request.admin_name,
        passphrase=request.passphrase,
        kdf=enrolment_params(policy),
        data_key=data_key,
        created_at=now,
    )
    grant_recovery(keys, data_key)
    building = files.store.with_name(f".{files.store.name}.init-{os.getpid()}")
    try:
        signing = _build_database(building, data_key, request, admin_id=admin_id, now=now)
        keys.versions[keys.current].file_salt = read_file_salt(building)
        sign_key_file(keys, data_key, keys.current)
        keys.save(files.keyfile)
        try:
            os.replace(building, files.store)
        except OSError:
            files.keyfile.unlink(missing_ok=True)  # no key file without its store
            raise
        fsync_dir(files.store.parent)
    finally:
        for leftover in (building, *_sidecars(building)):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    return NewStore(store_id, admin_id, signing.key_id)


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]


def _build_database(
    path: Path, data_key: bytes, request: InitRequest, *, admin_id: str, now: str
) -> SigningKey:
    store = Store(path, data_key, create=True)
    os.chmod(path, 0o600)  # SQLite gives -wal and -shm the main file's mode
    signing = SigningKey.generate()
    try:
        with store.transaction() as tx:
            tx.units.add(
                code=request.unit_code,
                name=request.unit_name.strip(),
                kind=request.kind,
                created_at=now,
            )
            tx.units.mark_keyfile_signed()  # its key file is tagged from the first save
            if request.kind == "district":
                add_district_key(tx, at=now)
            if request.district is not None:
                save_district(tx, request.district, at=now)
            roles = tuple(dict.fromkeys((Role.ADMIN, *request.extra_roles)))
            tx.accounts.add(
                account_id=admin_id,
                name=request.admin_name,
                display_name=request.admin_display_name,
                roles=roles,
                unit_code=request.unit_code,
                created_at=now,
            )
            tx.keys.add(
                key_id=signing.key_id,
                unit_code=request.unit_code,
                private_key=signing.private_bytes,
                public_key=signing.public_bytes,
                created_at=now,
            )
            tx.audit.append(
                at=now,
                account_id=admin_id,
                action="store.init",
                object_type="unit",
                object_id=request.unit_code,
            )
            tx.audit.append(
                at=now,
                account_id=admin_id,
                action="account.create",
                object_type="account",
                object_id=admin_id,
                details={"roles": ",".join(r.value for r in roles)},
            )
        store.checkpoint()
    finally:
        store.close()
    return signing
