"""Display words for codes (through the catalogs), shared by the CLI and the TUI."""

from __future__ import annotations

from caseterm.domain.dates import PartialDate
from caseterm.i18n import N_, _

_CODES = {
    "male": N_("male"),
    "female": N_("female"),
    "stable": N_("stable"),
    "not_stable": N_("not stable"),
    "opium": N_("opium"),
    "heroin": N_("heroin"),
    "cocaine": N_("cocaine"),
    "cannabis": N_("cannabis"),
    "ketamine": N_("ketamine"),
    "ats": N_("synthetic drugs (ATS)"),
    "other": N_("other"),
    "injecting": N_("injecting"),
    "smoking": N_("smoking/inhaling"),
    "oral": N_("oral"),
    "officer": N_("officer"),
    "chief": N_("chief"),
    "admin": N_("administrator"),
    "district-analyst": N_("district analyst"),
    "father": N_("father"),
    "mother": N_("mother"),
    "spouse": N_("spouse"),
    "child": N_("child"),
    "guardian": N_("guardian"),
    "representative": N_("legal representative"),
    "PASSPORT": N_("passport"),
}
_EVENTS = {
    "person.registered": N_("Registered"),
    "person.updated": N_("Identity updated"),
}


def code_label(code: str | None) -> str:
    """Return the display word of a code (the code itself when it has none, e.g. CCCD)."""
    if not code:
        return ""
    return _(_CODES[code]) if code in _CODES else code


def event_label(event_type: str) -> str:
    """Return the display name of an event type."""
    return _(_EVENTS[event_type]) if event_type in _EVENTS else event_type


def date_label(iso: str) -> str:
    """Return a stored partial date in the dd/mm/yyyy display form."""
    return PartialDate.from_iso(iso).display() if iso else ""


def moment_label(iso_utc: str) -> str:
    """Return a stored UTC timestamp as `dd/mm/yyyy HH:MM` in Vietnam's time."""
    from datetime import datetime

    from caseterm.clock import VIETNAM

    moment = datetime.fromisoformat(iso_utc.replace("Z", "+00:00")).astimezone(VIETNAM)
    return moment.strftime("%d/%m/%Y %H:%M")
