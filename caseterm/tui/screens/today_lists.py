"""The today screen's two other lists: the close watch, and who has no annual review yet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from caseterm.i18n import _
from caseterm.services.words.labels import watch_count_line
from caseterm.services.words.lifecycle import REGISTER, label
from caseterm.services.words.watch import contact_status, watch_reasons

if TYPE_CHECKING:
    from caseterm.services.registry.watch import Unreviewed, WatchItem


def watch_columns() -> tuple[str, ...]:
    """The close-watch table's headings."""
    return (_("Last contact"), _("Person"), _("Why watched closely"))


def watch_cells(item: WatchItem) -> tuple[Text, ...]:
    """One close-watch line: the contact status in words first, the colour only repeats it."""
    status, reasons = (
        contact_status(item.days_without_contact, item.overdue),
        watch_reasons(r.value for r in item.reasons),
    )
    return (
        Text(status, style="error" if item.overdue else ""),
        Text(item.full_name),
        Text(reasons),
    )


def unreviewed_columns() -> tuple[str, ...]:
    """The unreviewed table's headings."""
    return (_("Person"), _("Registers"))


def unreviewed_cells(person: tuple[str, str, tuple[str, ...]]) -> tuple[Text, ...]:
    """One line of the people not yet reviewed this year."""
    _person_id, name, registers = person
    return (Text(name), Text(", ".join(label(REGISTER, code) for code in registers)))


def watch_summary(items: list[WatchItem], gap: Unreviewed) -> str:
    """The counts line for the two lists."""
    overdue = sum(1 for item in items if item.overdue)
    watched = watch_count_line(overdue, len(items))
    reviews = _("Not reviewed in {year}: {count}").format(year=gap.year, count=gap.total)
    return f"{watched} · {reviews}"
