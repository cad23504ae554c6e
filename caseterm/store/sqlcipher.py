"""Raw SQLCipher connections with a 256-bit raw key, pinned cipher settings and safe pragmas.

`PRAGMA key` never fails by itself: a wrong key shows only at the first read, so every connection
is probed at once. Cipher settings are set explicitly and read back, so a library whose defaults
drift, or a file made with other settings, is refused instead of half-working.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import sqlcipher3

from caseterm.store import StoreOpenError, StoreWriteFailed

KEY_BYTES = 32
MIN_CIPHER_MAJOR = 4
PINNED_CIPHER: dict[str, str] = {
    "cipher_page_size": "4096",
    "cipher_hmac_algorithm": "HMAC_SHA512",
    "cipher_kdf_algorithm": "PBKDF2_HMAC_SHA512",
    "cipher_use_hmac": "1",
    "cipher_plaintext_header_size": "0",
}
"""SQLCipher 4 defaults, pinned: AES-256-CBC pages, HMAC-SHA512 per page, 4 KiB pages."""
CACHE_MIB = 64
"""A page cache as large as the working set keeps SQLCipher reads at plain-SQLite speed."""
BUSY_TIMEOUT_MS = 15_000
PLAINTEXT_HEADER = b"SQLite format 3\x00"

# Process-wide: without it SQLCipher prints HMAC failures on stderr; we rely on exceptions.
sqlcipher3.connect(":memory:").execute("PRAGMA cipher_log_level = NONE").close()


def _key_pragma(data_key: bytes) -> str:
    if len(data_key) != KEY_BYTES:
        raise StoreOpenError("key_length")
    return f"PRAGMA key = \"x'{data_key.hex()}'\""


def connect(path: Path, data_key: bytes, *, create: bool = False) -> Any:
    """Open, key, check and configure a DBAPI connection (autocommit; we issue BEGIN ourselves)."""
    if not create and not path.exists():
        raise StoreOpenError("missing")
    con = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        _key_and_check(con, path, data_key)
        _configure(con)
    except BaseException:
        con.close()
        raise
    return con


def _key_and_check(con: Any, path: Path, data_key: bytes) -> None:
    con.execute(_key_pragma(data_key))
    for pragma, value in PINNED_CIPHER.items():
        con.execute(f"PRAGMA {pragma} = {_literal(value)}")
    con.execute("PRAGMA cipher_memory_security = ON")
    try:
        con.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlcipher3.DatabaseError as exc:
        raise_if_disk(exc)  # the disk, not the key: e.g. no room for the WAL's index
        raise StoreOpenError(_why_unreadable(path)) from exc
    version = con.execute("PRAGMA cipher_version").fetchone()
    if version is None or _major(version[0]) < MIN_CIPHER_MAJOR:
        raise StoreOpenError("cipher_version")
    if current_cipher_settings(con) != PINNED_CIPHER:
        raise StoreOpenError("cipher_settings")


def _literal(value: str) -> str:
    return value if value.isdigit() else f"'{value}'"


def _major(version: str) -> int:
    try:
        return int(version.split(".", 1)[0])
    except ValueError:
        return 0


def _why_unreadable(path: Path) -> str:
    with path.open("rb") as handle:
        head = handle.read(16)
    if head == PLAINTEXT_HEADER:
        return "plaintext"
    return "wrong_key_or_damaged"


def _configure(con: Any) -> None:
    for statement in (
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = FULL",
        "PRAGMA foreign_keys = ON",
        "PRAGMA temp_store = MEMORY",
        f"PRAGMA cache_size = -{CACHE_MIB * 1024}",
        "PRAGMA secure_delete = ON",
        f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    ):
        con.execute(statement)


def current_cipher_settings(con: Any) -> dict[str, str]:
    """Read back the pinned cipher settings from a keyed connection."""
    return {pragma: str(con.execute(f"PRAGMA {pragma}").fetchone()[0]) for pragma in PINNED_CIPHER}


def cipher_version(con: Any) -> str:
    """Return SQLCipher's version string."""
    return str(con.execute("PRAGMA cipher_version").fetchone()[0])


def read_file_salt(path: Path) -> str:
    """Return the store file's salt (its first 16 bytes), the id of the key that opens it."""
    with path.open("rb") as handle:
        return handle.read(16).hex()


def integrity_problems(con: Any) -> list[str]:
    """Run SQLite's and SQLCipher's integrity checks; return their complaints (empty = clean).

    `cipher_integrity_check` reads the main file's pages, not the WAL. A checkpoint the disk
    refused halfway can leave a torn page there that the WAL still holds whole, so the WAL is
    folded in first; if it cannot be (the disk is still failing), that is reported too.
    """
    busy, _log, _done = con.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    problems = ["the journal could not be folded into the store"] if busy else []
    problems += [row[0] for row in con.execute("PRAGMA cipher_integrity_check").fetchall()]
    try:
        rows = con.execute("PRAGMA integrity_check").fetchall()
    except sqlcipher3.DatabaseError as exc:
        return [*problems, str(exc)]
    return problems + [row[0] for row in rows if row[0] != "ok"]


_DISK_MESSAGES = {
    "database or disk is full": "disk_full",
    "disk I/O error": "io_error",
    # A read-only file or folder, or SQLCipher refusing writes after a page failed its HMAC.
    "attempt to write a readonly database": "read_only",
}
"""SQLite's texts for SQLITE_FULL and SQLITE_IOERR: the disk said no, the file is not damaged."""


def raise_if_disk(error: BaseException | None) -> None:
    """Raise `StoreWriteFailed` if `error` is SQLite saying the disk refused a write."""
    reason = _DISK_MESSAGES.get(str(error)) if isinstance(error, sqlcipher3.Error) else None
    if reason is not None:
        raise StoreWriteFailed(reason) from error


@contextlib.contextmanager
def disk_errors() -> Iterator[None]:
    """Around raw-connection work: a refused write becomes `StoreWriteFailed`."""
    try:
        yield
    except sqlcipher3.Error as error:
        raise_if_disk(error)
        raise
    except OSError as error:
        raise StoreWriteFailed("disk_full" if error.errno in _FULL else "io_error") from error


_FULL = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}


def _create_private(target: Path) -> None:
    """Create `target` empty, readable by its owner only (SQLite would follow the umask).

    SQLite gives the -wal and -shm files the main file's mode, so they follow.
    """
    try:
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError as exc:
        raise StoreOpenError("exists") from exc


def export_copy(source: Path, source_key: bytes, target: Path, target_key: bytes) -> None:
    """Write a re-encrypted copy of the store under another key (data-key rotation, backups).

    `sqlcipher_export` on a raw autocommit connection (inside a transaction it fails with a
    misleading message), after the WAL is folded in; `user_version` is copied by hand, as the
    export drops it. The copy is fsynced and then opened under its key with every pinned
    setting checked, so a copy that would not open is never handed on. The caller holds the
    store exclusively: a writer during the export would be lost.
    """
    _create_private(target)
    with disk_errors():
        _export_into(source, source_key, target, target_key)
    if copy_problems(target, target_key):
        raise StoreOpenError("damaged")


def copy_problems(path: Path, data_key: bytes) -> list[str]:
    """Check a copy `sqlcipher_export` just wrote; return the complaints (empty = sound).

    Every page must authenticate under the new key (`cipher_integrity_check`) and every b-tree
    be well formed (`quick_check`). The full `integrity_check` would also compare each index
    with its table, which SQLite itself just built from the rows: on a 262 MB store that took
    2.2 s of the rotation's 6.4 for nothing the export can get wrong. The two checks read the
    file at once on two connections (SQLite leaves Python's lock while it works).
    """
    # Opened one after the other: the first switches the new file to WAL, alone.
    connections = [connect(path, data_key), connect(path, data_key)]
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            cipher = pool.submit(_rows, connections[0], "PRAGMA cipher_integrity_check")
            quick = pool.submit(_rows, connections[1], "PRAGMA quick_check")
            problems = [str(row[0]) for row in cipher.result()]
            return problems + [str(row[0]) for row in quick.result() if row[0] != "ok"]
    finally:
        for con in connections:
            con.close()


def _rows(con: Any, pragma: str) -> list[tuple[Any, ...]]:
    try:
        return list(con.execute(pragma).fetchall())
    except sqlcipher3.DatabaseError as exc:
        return [(str(exc),)]


def _export_into(source: Path, source_key: bytes, target: Path, target_key: bytes) -> None:
    con = connect(source, source_key)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = int(con.execute("PRAGMA user_version").fetchone()[0])
        con.execute(f"ATTACH DATABASE ? AS copy KEY \"x'{target_key.hex()}'\"", (str(target),))
        con.execute("SELECT sqlcipher_export('copy')")
        con.execute(f"PRAGMA copy.user_version = {version}")
        con.execute("DETACH DATABASE copy")
    finally:
        con.close()
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def online_backup(source: Any, target: Path, target_key: bytes) -> None:
    """Copy a live store, through SQLite's backup API, into a new file under another key.

    The copy is one read transaction on `source` (a keyed connection of the live store): in
    WAL mode writers go on committing meanwhile, and the copy is the state at its start, never
    a mix. The live files are never copied or touched as files. The new file is left as one
    self-contained file (rollback journal mode, no -wal), fsynced and integrity-checked.
    """
    _create_private(target)
    copy = sqlcipher3.connect(str(target), check_same_thread=False, isolation_level=None)
    try:
        copy.execute(_key_pragma(target_key))
        for pragma, value in PINNED_CIPHER.items():
            copy.execute(f"PRAGMA {pragma} = {_literal(value)}")
        source.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
        if integrity_problems(copy):
            raise StoreOpenError("damaged")
    finally:
        copy.close()
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())
