"""The III-10 list as a choice the document dialog can ask about: its period, its folder."""

from __future__ import annotations

from caseterm.i18n import _
from caseterm.services.documents.fields import MissingField
from caseterm.services.documents.making import DocumentChoice
from caseterm.services.documents.templates import active_set

REGISTER_FORM = "III-10"


def register_choice() -> DocumentChoice:
    """The list of persons under user management, asking for the first and last day."""
    info = active_set().form(REGISTER_FORM)
    period = (
        MissingField("period.start", _("From (dd/mm/yyyy)"), "from", ""),
        MissingField("period.end", _("To (dd/mm/yyyy)"), "to", ""),
    )
    return DocumentChoice(info.form, info.title, None, "", "", period)
