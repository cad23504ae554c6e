"""The holiday calendar in force: an administrator's update if installed, else the shipped one."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from caseterm.domain import strict_json
from caseterm.domain.lifecycle.holidays import CalendarError, calendar_from_document
from caseterm.domain.lifecycle.timecalc import WorkCalendar
from caseterm.errors import UsageError
from caseterm.i18n import _
from caseterm.store.database import Tx

CALENDAR_FILE = "holidays-vn.json"
PACKAGE = Path(__file__).resolve().parents[2]
"""The `caseterm` package folder (this module is `caseterm/services/lifecycle/calendar.py`)."""


def shipped_calendar_path() -> Path:
    """The shipped calendar: package data, or the repository's `schema/` in a checkout."""
    packaged = PACKAGE / "data" / CALENDAR_FILE
    if packaged.exists():
        return packaged
    return PACKAGE.parent / "schema" / CALENDAR_FILE


def installed_calendar_path() -> Path:
    """Where `caseterm-admin calendar install` puts an updated calendar."""
    from caseterm.paths import config_dir

    return config_dir() / CALENDAR_FILE


def read_calendar(path: Path) -> WorkCalendar:
    """Read and validate a calendar document; a bad file is a clear usage error."""
    try:
        document = strict_json.loads(path.read_bytes())
        return calendar_from_document(document)
    except (OSError, ValueError, CalendarError) as error:
        raise UsageError(
            _("The holiday calendar {path} cannot be used ({reason}).").format(
                path=path, reason=error
            )
        ) from error


@lru_cache(maxsize=1)
def active_calendar() -> WorkCalendar:
    """The newest valid calendar: the installed update when newer than the shipped one."""
    shipped = read_calendar(shipped_calendar_path())
    installed = installed_calendar_path()
    if installed.exists():
        update = read_calendar(installed)
        if update.version >= shipped.version:
            return update
    return shipped


def install_calendar(path: Path) -> WorkCalendar:
    """Check a calendar file and install it for this user; older editions are refused."""
    from caseterm.files import atomic_write_bytes

    calendar = read_calendar(path)
    current = active_calendar()
    if calendar.version < current.version:
        raise UsageError(
            _("The file's edition {new} is older than the one in force ({old}).").format(
                new=calendar.version, old=current.version
            )
        )
    target = installed_calendar_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(target, path.read_bytes())
    active_calendar.cache_clear()
    return calendar


def unit_calendar(tx: Tx, unit_code: str | None = None) -> WorkCalendar:
    """The calendar a unit's persons are derived under.

    The one in force, under the unit's Civil Code Art 148(5) setting (the own unit when no code
    is given).
    """
    return active_calendar().with_term_ends_moved(tx.units.moves_term_ends(unit_code))


def calendar_editions(tx: Tx) -> dict[str, str]:
    """Each unit's calendar edition (unit code → version): a projection under another is stale."""
    current = active_calendar()
    return {
        code: current.with_term_ends_moved(moved).version
        for code, moved in tx.units.settings_by_unit().items()
    }
