"""Words for the today screen: banners above the list, a deadline's basis and moment."""

from __future__ import annotations

from datetime import datetime

from caseterm.clock import VIETNAM
from caseterm.domain.lifecycle.model import cites
from caseterm.i18n import _, ngettext
from caseterm.services.lifecycle.due import DueItem, DueList
from caseterm.services.words.refusals import cite_text

COMMUNE_REPORT = "D39"
DATA_BREACH = "D40"


def today_banners(found: DueList) -> list[str]:
    """What the commune must do soon, shown above the list.

    The monthly report, a breach notice, a holiday calendar that does not cover next year.
    """
    banners = []
    for item in [*found.overdue, *found.today, *found.upcoming]:
        if item.code == COMMUNE_REPORT:
            banners.append(
                _("The monthly report to the commune People's Committee is due {due}.").format(
                    due=when_label(item.due_moment)
                )
            )
        elif item.code == DATA_BREACH:
            banners.append(
                _("A data breach must be notified to A05 by {due}.").format(
                    due=when_label(item.due_moment)
                )
            )
    if found.waiting_drafts:
        banners.append(
            ngettext(
                "{n} draft waits for your approval (F7).",
                "{n} drafts wait for your approval (F7).",
                found.waiting_drafts,
            ).format(n=found.waiting_drafts)
        )
    if found.export_due is not None:
        banners.append(
            _(
                "The {period} bundle for the district is not made: F5 then E (this line then goes)."
            ).format(period=found.export_due)
        )
    if found.calendar_gap is not None:
        banners.append(
            _(
                "The holiday calendar does not cover {year} yet: ask the district for the new "
                "edition (caseterm-admin calendar install)."
            ).format(year=found.calendar_gap)
        )
    return banners


def today_basis(item: DueItem) -> str:
    """A deadline's legal basis in words (the first citation; the file shows them all)."""
    citations = item.citations
    if not citations:
        return ""
    first = cites(citations[0])[0]
    more = len(citations) - 1
    return cite_text(first) + (f" (+{more})" if more else "")


def when_label(moment: datetime) -> str:
    """`dd/mm/yyyy HH:MM`, Vietnam time."""
    return moment.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M")
