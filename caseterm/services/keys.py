"""Reading and changing the key file under its lock, with errors a person can act on."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from caseterm.crypto import KeyFileError, peek_account_names
from caseterm.errors import DiskError, IntegrityFailure, NotFound, StoreBusy
from caseterm.i18n import _
from caseterm.services.paths import StoreFiles
from caseterm.store.lock import LockBusy, exclusively

if TYPE_CHECKING:
    from caseterm.crypto.keyfile import KeyFile

KEYFILE_LOCK_TIMEOUT = 10.0


def load_keyfile(files: StoreFiles) -> KeyFile:
    """Read the key file; a missing or broken one is refused, never worked around."""
    from caseterm.crypto.keyfile import KeyFile

    try:
        return KeyFile.load(files.keyfile)
    except KeyFileError as exc:
        _explained(files, exc)


@contextmanager
def editing_keyfile(files: StoreFiles) -> Iterator[KeyFile]:
    """Load the key file under its lock, let the block change it, then save it atomically."""
    try:
        with exclusively(files.keyfile_lock, timeout=KEYFILE_LOCK_TIMEOUT):
            _remove_stale_temporaries(files)
            keys = load_keyfile(files)
            yield keys
            _save(keys, files)
    except LockBusy as exc:
        raise StoreBusy(_("Another caseterm process is changing the key file; try again.")) from exc


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
