"""The technician's log of unexpected errors: an id, the exception's type and where it happened.

An unexpected error is shown to the officer as a sentence with an id, never a traceback: its
message and local values may hold case data. A district technician still needs to know what
broke, so the id is written here with the exception's type (and errno for an OS error) and the
code locations of its traceback — file, line and function — and **nothing else**: no message,
no argument, no source line, no local value. The file lives in the user's state folder and is
kept small (the oldest half goes when it passes `MAX_BYTES`).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import traceback
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from caseterm.i18n import _
from caseterm.paths import state_dir

LOG_FILE = "errors.log"
MAX_BYTES = 256 * 1024
_PACKAGE = Path(__file__).resolve().parents[3]
"""The folder that holds the `caseterm` package: locations are shown relative to it."""


@dataclass(frozen=True)
class LoggedError:
    """What the user is told: the id, and the log it was written to (None if it could not be)."""

    error_id: str
    log: Path | None


def log_unexpected(error: BaseException) -> LoggedError:
    """Give the error an id and write its type and code locations to the technician's log."""
    error_id = secrets.token_hex(4)
    path = state_dir() / LOG_FILE
    line = f"{_now()} {error_id} {_kinds(error)} at {_where(error)}\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _trim(path)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "a", encoding="utf-8") as log:
            log.write(line)
    except OSError:  # a full or read-only disk: the id alone must do
        return LoggedError(error_id, None)
    return LoggedError(error_id, path)


def unexpected_text(logged: LoggedError) -> str:
    """The sentence for an unexpected error: its id, and where the technician finds it."""
    text = _(
        "Unexpected error (id {error_id}). Nothing was half-saved; details are not shown because"
        " they may contain personal data."
    ).format(error_id=logged.error_id)
    if logged.log is None:
        return text
    where = _("A technician finds this id, without any personal data, in {path}.")
    return f"{text}\n{where.format(path=logged.log)}"


def _kinds(error: BaseException) -> str:
    names, seen = [], set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        name = type(current).__name__
        if isinstance(current, OSError) and current.errno is not None:
            name += f"[errno {current.errno}]"
        names.append(name)
        current = current.__cause__ or current.__context__
    return " <- ".join(names)


def _where(error: BaseException) -> str:
    """The traceback's frames, innermost last: `path:line in function` only."""
    frames = traceback.extract_tb(error.__traceback__)
    return " > ".join(f"{_short(f.filename)}:{f.lineno} in {f.name}" for f in frames[-12:])


def _short(filename: str) -> str:
    path = Path(filename)
    with contextlib.suppress(ValueError):
        return path.resolve().relative_to(_PACKAGE).as_posix()
    return path.name  # a library's file: its name is enough, its folder may name the user


def _trim(path: Path) -> None:
    """Keep the log under MAX_BYTES by dropping its oldest half."""
    with contextlib.suppress(FileNotFoundError):
        if path.stat().st_size > MAX_BYTES:
            kept = path.read_bytes()[-MAX_BYTES // 2 :]
            path.write_bytes(kept[kept.find(b"\n") + 1 :])


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
