"""The unit's Civil Code Art 148(5) setting: whether a person's term ending on a day off moves.

Legal spec §9, decision 2. Off by default: every deadline falls on or before the legal one. On,
the person's terms (management, rehab, post-rehab, the dossier's limitation) and the duties that
follow from their end move to the end of the next working day; officer duties never move. A
change is audited, and every projection derived under the other setting is recomputed at its
next read (the calendar edition names the setting). A district follows each commune's setting
as its bundles declare it.
"""

from __future__ import annotations

from caseterm.domain.permissions import Action
from caseterm.errors import UsageError
from caseterm.i18n import _
from caseterm.services.lifecycle.calendar import calendar_editions
from caseterm.services.lifecycle.events import refresh_projection
from caseterm.services.session.case_session import CaseSession


def term_ends_moved(session: CaseSession) -> bool:
    """True when this unit moves a person's term ending on a day off (Art 148(5))."""
    session.require(Action.REPORT_READ)
    with session.transaction(durable=False) as tx:
        return tx.units.moves_term_ends()


def set_term_ends_moved(session: CaseSession, moved: bool) -> bool:
    """Turn the Art 148(5) move on or off for this commune; audited with the old and new value."""
    session.require(Action.UNIT_CONFIGURE)
    if session.unit.kind != "commune":
        raise UsageError(
            _(
                "A district store follows each commune's own setting, as its bundles declare it;"
                " change it at the commune."
            )
        )
    with session.transaction() as tx:
        old = tx.units.moves_term_ends()
        if old != moved:
            tx.units.set_moves_term_ends(moved)
        # Every file derived under the other setting now, so the today list, the files and the
        # report agree from this moment on.
        stale = tx.states.stale_ids(now=session.now(), editions=calendar_editions(tx))
        for person_id in stale:
            refresh_projection(session, tx, person_id)
        details: dict[str, str | int] = {"old": int(old), "new": int(moved), "files": len(stale)}
        session.audit(tx, "unit.term_ends_setting", "unit", session.unit.code, details)
    return moved
