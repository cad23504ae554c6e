"""The store lock: every open session holds it shared; key operations take it alone.

SQLite already lets one writer in at a time; this lock is for what SQLite cannot see: replacing
the store file (rotation, restore) and read-modify-write of the key file. On Windows both modes
are exclusive (msvcrt has no shared locks), so there one process opens a store at a time.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO


class LockBusy(Exception):
    """The lock is held by another process and the wait ran out."""


class FileLock:
    """An advisory lock on a small file beside the store."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None

    def acquire(self, *, exclusive: bool, timeout: float = 0.0) -> None:
        """Take the lock, waiting up to `timeout` seconds; raise `LockBusy` after that."""
        handle = os.fdopen(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600), "r+b")
        deadline = time.monotonic() + timeout
        while True:
            try:
                _lock(handle, exclusive=exclusive)
            except OSError:
                if time.monotonic() >= deadline:
                    handle.close()
                    raise LockBusy(str(self.path)) from None
                time.sleep(0.05)
                continue
            self._handle = handle
            return

    def release(self) -> None:
        """Let go of the lock (closing the file releases it, also when the process dies)."""
        if self._handle is not None:
            with contextlib.suppress(OSError):
                _unlock(self._handle)
            self._handle.close()
            self._handle = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._handle is not None


@contextlib.contextmanager
def exclusively(path: Path, *, timeout: float) -> Iterator[None]:
    """Hold an exclusive lock on `path` for the duration of the block."""
    lock = FileLock(path)
    lock.acquire(exclusive=True, timeout=timeout)
    try:
        yield
    finally:
        lock.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(handle: IO[bytes], *, exclusive: bool) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes], *, exclusive: bool) -> None:
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        fcntl.flock(handle.fileno(), mode | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
