"""Crash-safe file writes: temp file, fsync, atomic replace, fsync the directory."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from pathlib import Path


def fsync_dir(directory: Path) -> None:
    """Make a rename in `directory` durable (not possible, and not needed, on Windows)."""
    if sys.platform == "win32":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new content."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


class NotARegularFile(OSError):
    """A path that names a FIFO, a device or a folder where a file was expected."""


def read_regular_file(path: Path, limit: int) -> tuple[bytes, int]:
    """At most `limit` bytes of a regular file, and its size.

    A FIFO or a device is refused without waiting on it: it is opened non-blocking and checked
    before anything is read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise NotARegularFile(errno.EINVAL, "not a regular file", str(path))
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read(limit), status.st_size
    finally:
        os.close(fd)
