"""The backup file: a plain tar archive of two members, the header and the encrypted database.

Tar keeps it one file an administrator can copy, list (`tar tf`) and check with standard tools.
Members are read by name and streamed; nothing is ever extracted by a path the archive chooses.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import tarfile
from pathlib import Path
from typing import IO

from caseterm.crypto.backup import MAX_HEADER_BYTES, BackupFormatError, BackupHeader
from caseterm.files import fsync_dir

HEADER_MEMBER = "backup.json"
DATABASE_MEMBER = "store.db"
CHUNK = 1024 * 1024


def write_backup(out: Path, header: BackupHeader, database: Path) -> None:
    """Write the archive atomically: a temporary file, fsync, rename, fsync the directory."""
    temporary = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            with tarfile.open(fileobj=handle, mode="w", format=tarfile.PAX_FORMAT) as archive:
                _add_bytes(archive, HEADER_MEMBER, header.to_bytes())
                _add_file(archive, DATABASE_MEMBER, database)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, out)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise
    fsync_dir(out.parent)


def _member(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o600, 0
    return info


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    archive.addfile(_member(name, len(data)), io.BytesIO(data))


def _add_file(archive: tarfile.TarFile, name: str, path: Path) -> None:
    with path.open("rb") as handle:
        archive.addfile(_member(name, path.stat().st_size), handle)


def read_header(path: Path) -> BackupHeader:
    """The backup's header (not yet authenticated: the caller checks its MAC)."""
    with _open(path) as archive:
        member = _regular(archive, HEADER_MEMBER)
        if member.size > MAX_HEADER_BYTES:
            raise BackupFormatError("size")
        return BackupHeader.from_bytes(_stream(archive, member).read())


def extract_database(path: Path, header: BackupHeader, target: Path) -> None:
    """Stream the database member to `target`, checking its size and SHA-256 against the header.

    The member is SQLCipher pages under the backup key: nothing in clear reaches the disk.
    """
    digest = hashlib.sha256()
    with _open(path) as archive:
        member = _regular(archive, DATABASE_MEMBER)
        if member.size != header.database_bytes:
            raise BackupFormatError("database_size")
        source = _stream(archive, member)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
    if digest.hexdigest() != header.database_sha256:
        raise BackupFormatError("database_hash")


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _open(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, mode="r:")
    except (tarfile.TarError, EOFError) as exc:
        raise BackupFormatError("not_tar") from exc


def _regular(archive: tarfile.TarFile, name: str) -> tarfile.TarInfo:
    try:
        member = archive.getmember(name)
    except KeyError as exc:
        raise BackupFormatError("member") from exc
    if not member.isfile():
        raise BackupFormatError("member")
    return member


def _stream(archive: tarfile.TarFile, member: tarfile.TarInfo) -> IO[bytes]:
    handle = archive.extractfile(member)
    if handle is None:
        raise BackupFormatError("member")
    return handle
