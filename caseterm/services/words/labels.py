"""Display words for codes (through the catalogs), shared by the CLI and the TUI."""

from __future__ import annotations

from datetime import datetime

from caseterm.domain.dates import PartialDate
from caseterm.i18n import N_, _, ngettext

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
    "none": N_("no schooling"),
    "primary": N_("primary school"),
    "lower_secondary": N_("lower secondary (THCS)"),
    "upper_secondary": N_("upper secondary (THPT)"),
    "tertiary": N_("university, college or vocational"),
    "postgraduate": N_("postgraduate"),
    "drug_conviction": N_("conviction for a drug crime"),
    "drug_sanction": N_("administrative sanction for drugs"),
    "other_conviction": N_("conviction for another crime"),
    "other_sanction": N_("other administrative sanction"),
    "voluntary_home": N_("voluntary, at home or in the community"),
    "voluntary_facility": N_("voluntary, in a facility"),
    "compulsory": N_("compulsory"),
    "post_rehab": N_("post-rehab management"),
}


def code_label(code: str | None) -> str:
    """Return the display word of a code (the code itself when it has none, e.g. CCCD)."""
    if not code:
        return ""
    return _(_CODES[code]) if code in _CODES else code


def event_label(event_type: str) -> str:
    """Return the display name of an event type."""
    from caseterm.services.words.lifecycle import event_label as lifecycle_event_label

    return lifecycle_event_label(event_type)


def relative_label(due: datetime, now: datetime) -> str:
    """'overdue by 3 hours', 'in 2 days': how far a deadline is, in whole hours or days."""
    seconds = (due - now).total_seconds()
    hours = int(abs(seconds) // 3600)
    if hours < 48:
        amount = ngettext("{n} hour", "{n} hours", max(hours, 1)).format(n=max(hours, 1))
    else:
        amount = ngettext("{n} day", "{n} days", hours // 24).format(n=hours // 24)
    if seconds < 0:
        return _("overdue by {amount}").format(amount=amount)
    return _("in {amount}").format(amount=amount)


def file_label(file_no: int | None, person_id: str, file_unit: str | None = None) -> str:
    """How a person's file is named on screens, lists and paper: "HS-000123".

    At a district, which holds several communes' files, the commune comes first:
    "26734/HS-000123". A person received before file numbers existed is named by the id's
    first 13 characters (accepted back like the number).
    """
    if file_no is None:
        return person_id[:13]
    return f"{file_unit}/HS-{file_no:06d}" if file_unit else f"HS-{file_no:06d}"


def person_tag(
    birth: str,
    village: str,
    id_number: str | None,
    file_no: int | None,
    file_unit: str | None,
    person_id: str,
) -> str:
    """What tells namesakes apart at a glance: file number, birth date, village, ID's end.

    "HS-000123 · 12/03/1990 · Thôn Đông · …3456". Only the last four digits of the ID: the
    list is read over a shoulder as often as by the officer.
    """
    parts = [file_label(file_no, person_id, file_unit), date_label(birth), village]
    if id_number:
        parts.append("…" + id_number[-4:])
    return " · ".join(part for part in parts if part)


def date_label(iso: str) -> str:
    """Return a stored partial date in the dd/mm/yyyy display form."""
    return PartialDate.from_iso(iso).display() if iso else ""


def moment_label(iso_utc: str) -> str:
    """Return a stored UTC timestamp as `dd/mm/yyyy HH:MM` in Vietnam's time."""
    from datetime import datetime

    from caseterm.clock import VIETNAM

    moment = datetime.fromisoformat(iso_utc.replace("Z", "+00:00")).astimezone(VIETNAM)
    return moment.strftime("%d/%m/%Y %H:%M")


def day_label(iso_utc: str) -> str:
    """Return a stored UTC timestamp as the day `dd/mm/yyyy` in Vietnam."""
    return moment_label(iso_utc)[:10]


def names_a_code(typed: str, code: str, *templates: str | None) -> bool:
    """True when `typed` is the code or one of its words (message ids), in any language.

    With or without tones: "dương tính", "duong tinh", "positive" and "POSITIVE" all name
    POSITIVE.
    """
    from caseterm.domain.names import fold
    from caseterm.i18n import LANGUAGES, in_language

    wanted = fold(typed)
    if wanted == fold(code):
        return True
    return any(
        wanted == fold(in_language(language, template))
        for template in templates
        if template
        for language in LANGUAGES
    )


def watch_count_line(overdue: int, count: int) -> str:
    """'Close watch: 3 (1 unseen for over 30 days)'."""
    return _("Close watch: {count} ({overdue} unseen for over 30 days)").format(
        count=count, overdue=overdue
    )
