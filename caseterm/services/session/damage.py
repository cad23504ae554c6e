"""A store that failed its integrity check is written to no more, by any session, until restored.

`verify` finding a damaged page leaves `<store>.damaged` beside the store: the moment, SQLCipher's
complaints (page numbers, never data) and the store file's salt. Every unlock and every
transaction then refuses with an integrity error (exit 5): writing on over a damaged page could
lose more, and a store whose pages fail their check may have been tampered with. The marker
names the file by its salt, so a store restored from a backup (a new key, a new salt) is not
held back by the marker of the damaged one.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass

from caseterm.errors import IntegrityFailure
from caseterm.files import atomic_write_bytes
from caseterm.i18n import _
from caseterm.services.session.paths import StoreFiles
from caseterm.services.words.labels import moment_label
from caseterm.store.sqlcipher import read_file_salt

FORMAT = "caseterm-damage/1"
MARKER_LIMIT = 64 * 1024
"""A marker is a few lines; a bigger file there is not ours and is read no further."""


@dataclass(frozen=True)
class Damage:
    """When the check failed, and what it said."""

    at: str
    problems: list[str]


def mark_damaged(files: StoreFiles, problems: list[str], at: str) -> None:
    """Record that the store failed its check (atomically, beside the store)."""
    marker = {
        "format": FORMAT,
        "at": at,
        "file_salt": read_file_salt(files.store),
        "problems": problems[:20],
    }
    atomic_write_bytes(files.damage_marker, json.dumps(marker, indent=1).encode())


def recorded_damage(files: StoreFiles) -> Damage | None:
    """The damage recorded for this very store file, if any (a marker unreadable is damage)."""
    try:
        with files.damage_marker.open("rb") as handle:
            data = handle.read(MARKER_LIMIT)
    except FileNotFoundError:
        return None
    except OSError:
        return Damage("", [])
    try:
        marker = json.loads(data)
        at, salt, problems = marker["at"], marker["file_salt"], marker["problems"]
        if not (isinstance(at, str) and isinstance(salt, str) and isinstance(problems, list)):
            raise TypeError(type(marker))
    except (ValueError, KeyError, TypeError):
        return Damage("", [])  # never a way to lift the refusal: an odd marker still refuses
    try:
        if read_file_salt(files.store) != salt:
            return None  # the marker of a store since replaced by a restored one
    except OSError:
        return None
    return Damage(at, [str(problem) for problem in problems])


def refuse_if_damaged(files: StoreFiles) -> None:
    """Raise `IntegrityFailure` for a store that failed its check."""
    damage = recorded_damage(files)
    if damage is None:
        return
    when = moment_label(damage.at) if damage.at else "?"
    raise IntegrityFailure(
        _(
            "This store failed its integrity check on {moment} ({problem}); nothing more is "
            "written to it. Restore the latest backup into a new store (caseterm-admin backup "
            "restore), or ask the district to re-import the last bundle."
        ).format(moment=when, problem=damage.problems[0] if damage.problems else "?")
    )


def forget_damage(files: StoreFiles) -> None:
    """Remove the marker (a store was restored where the damaged one was)."""
    with contextlib.suppress(FileNotFoundError):
        files.damage_marker.unlink()
