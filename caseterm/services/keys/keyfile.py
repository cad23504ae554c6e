"""Reading and changing the key file under its lock, with errors a person can act on.

Also the one line a recovery public key is written as (the envelope, `keys set-recovery`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from caseterm.crypto import KeyFileError, peek_account_names
from caseterm.crypto.recovery import PUBLIC_PREFIX, parse_line
from caseterm.errors import DiskError, IntegrityFailure, NotFound, StoreBusy, UsageError
from caseterm.i18n import _
from caseterm.services.session.paths import StoreFiles
from caseterm.store.lock import LockBusy, exclusively

if TYPE_CHECKING:
    from caseterm.crypto.keyfile import KeyFile
    from caseterm.store.database import Tx

Signer = tuple[bytes, int]
"""A data key and its version: what tags (and checks) the key file's recipients."""

KEYFILE_LOCK_TIMEOUT = 10.0


def load_keyfile(files: StoreFiles) -> KeyFile:
    """Read the key file; a missing or broken one is refused, never worked around."""
    from caseterm.crypto.keyfile import KeyFile

    try:
        return KeyFile.load(files.keyfile)
    except KeyFileError as exc:
        _explained(files, exc)


@contextmanager
def editing_keyfile(files: StoreFiles, *, signer: Signer | None = None) -> Iterator[KeyFile]:
    """Load the key file under its lock, let the block change it, then save it atomically.

    With `signer` (the data key and its version), the file is first checked to carry only
    authentic recipients, and its tags are written anew after the block's change: every change
    that adds or replaces a recipient must go this way.
    """
    try:
        with exclusively(files.keyfile_lock, timeout=KEYFILE_LOCK_TIMEOUT):
            _remove_stale_temporaries(files)
            keys = load_keyfile(files)
            if signer is not None:
                require_authentic(keys, signer)
            yield keys
            if signer is not None:
                _sign(keys, signer)
            _save(keys, files)
    except LockBusy as exc:
        raise StoreBusy(_("Another caseterm process is changing the key file; try again.")) from exc


def require_authentic(keys: KeyFile, signer: Signer) -> None:
    """Refuse a key file with a recipient the data key did not tag (exit 5, naming it)."""
    from caseterm.crypto.keyfile_auth import forged_fields

    data_key, version = signer
    forged = forged_fields(keys, data_key, version)
    if forged:
        raise IntegrityFailure(
            _(
                "The key file was changed outside caseterm: {fields} is not one caseterm wrote. "
                "Nothing was sealed to it. Restore the key file from a backup, or ask the district."
            ).format(fields=", ".join(_field_label(keys, name) for name in forged))
        )


def settle_key_file_tags(files: StoreFiles, tx: Tx, signer: Signer) -> bool:
    """At an unlock, with the store open, settle a key file without tags; True if it adopted.

    Once the store recorded that its key file is tagged, a key file without tags is refused. A
    store from before tags adopts them now: its recipients are taken as they are, the one
    moment of trust, which the caller audits.
    """
    from caseterm.crypto.keyfile_auth import is_signed

    data_key, version = signer
    recorded = tx.units.keyfile_signed()
    if is_signed(load_keyfile(files), version):
        if not recorded:
            tx.units.mark_keyfile_signed()
        return False
    if recorded:
        raise IntegrityFailure(
            _(
                "The key file's authentication was removed outside caseterm: nothing is trusted "
                "or sealed. Restore the key file from a backup, or ask the district."
            )
        )
    with editing_keyfile(files) as keys:
        _sign(keys, (data_key, version))
    tx.units.mark_keyfile_signed()
    return True


def _sign(keys: KeyFile, signer: Signer) -> None:
    from caseterm.crypto.keyfile_auth import sign_key_file

    data_key, version = signer
    sign_key_file(keys, data_key, version)


def _field_label(keys: KeyFile, name: str) -> str:
    """A tagged field, as the administrator knows it."""
    from caseterm.crypto.keyfile_auth import RECOVERY_FIELD, VERSION_FIELD

    if name == RECOVERY_FIELD:
        return _("the recovery public key")
    if name == VERSION_FIELD:
        return _("the data key's version entry")
    account = keys.accounts.get(name.removeprefix("account:"))
    shown = account.name if account is not None else name.removeprefix("account:")
    return _("the public key of account {name}").format(name=shown)


def _save(keys: KeyFile, files: StoreFiles) -> None:
    """Write the key file atomically; a refused write leaves the old one whole."""
    try:
        keys.save(files.keyfile)
    except OSError as exc:
        raise DiskError(
            _("The key file {path} could not be written ({reason}); it was left as it was.").format(
                path=files.keyfile, reason=exc.strerror or type(exc).__name__
            )
        ) from exc


def _temporaries(files: StoreFiles) -> list[Path]:
    """Key files half-written by `atomic_write_bytes` in a process that was killed."""
    return list(files.keyfile.parent.glob(f".{files.keyfile.name}.tmp-*"))


def _remove_stale_temporaries(files: StoreFiles) -> None:
    """Delete half-written key files left by a killed process (we hold the lock: none is live)."""
    for leftover in _temporaries(files):
        leftover.unlink(missing_ok=True)


def sweep_keyfile_temporaries(files: StoreFiles) -> None:
    """At open, remove what a process killed while saving the key file left behind.

    Every save holds the key-file lock, so once we hold it no leftover belongs to a live
    process. If another process holds it now, the leftovers wait for the next open.
    """
    if not _temporaries(files):
        return  # the usual case: no lock taken, no lock file made
    try:
        with exclusively(files.keyfile_lock, timeout=0):
            _remove_stale_temporaries(files)
    except LockBusy:
        return


def account_names(files: StoreFiles) -> list[str]:
    """Return the names of the accounts that can unlock the store (for the unlock screen)."""
    try:
        return peek_account_names(files.keyfile)
    except KeyFileError as exc:
        _explained(files, exc)


def _explained(files: StoreFiles, exc: KeyFileError) -> NoReturn:
    """Raise the user-facing error for a key file that cannot be read."""
    if str(exc) == "missing":
        raise NotFound(
            _("The key file {path} is missing: without it the store cannot be opened.").format(
                path=files.keyfile
            )
        ) from exc
    raise IntegrityFailure(
        _("The key file {path} is damaged or of an unknown format.").format(path=files.keyfile)
    ) from exc


def parse_public(text: str) -> bytes:
    """A recovery public key line, or a clear error."""
    try:
        return parse_line(text, PUBLIC_PREFIX)
    except ValueError:
        raise UsageError(
            _("This is not a recovery public key: it is one line starting with {prefix}").format(
                prefix=PUBLIC_PREFIX
            )
        ) from None
