"""The today list's detail line: the highlighted person with every duty of theirs, whole.

The table's cells are cut at 80 columns; this line is not.
"""

from __future__ import annotations

from caseterm.i18n import _
from caseterm.services.lifecycle.due import DueItem, DueList
from caseterm.services.lifecycle.today import today_basis, when_label
from caseterm.services.words.lifecycle import deadline_label

DETAIL_DUTIES = 3
"""Duties the detail line lists by name before it counts the rest (the line has 4 rows)."""


def detail_text(item: DueItem, others: list[DueItem], found: DueList) -> str:
    """A line of the list in full: the person with what tells them apart, then each duty.

    One duty is shown with its legal basis. Several are shown one to a row without it (the
    basis of each is in the file, one Enter away), and past three the rest are counted, so
    that a second duty is never cut off by the first one's long citation.
    """
    who = item.full_name or _("(the commune)")
    if item.person_id in found.tags:
        who = f"{who} — {found.tags[item.person_id]}"
    if item.person_id in found.drafts:
        who += "  " + _("⧗ a draft waits for the chief")
    duties = [item, *others]
    if len(duties) == 1:
        return f"{who}\n{_duty_line(item)} — {today_basis(item)}"
    shown = duties if len(duties) <= DETAIL_DUTIES else duties[: DETAIL_DUTIES - 1]
    lines = [who, *map(_duty_line, shown)]
    if len(shown) < len(duties):
        lines.append(_("… and {n} more: Enter opens the file").format(n=len(duties) - len(shown)))
    return "\n".join(lines)


def _duty_line(duty: DueItem) -> str:
    return f"{when_label(duty.due_moment)}  {duty.code} {deadline_label(duty.code, duty.key)}"
