"""Issue 20 item 1 through the services: a caution stops the save until a chief confirms it."""

from __future__ import annotations

import pytest

from caseterm.clock import FrozenClock
from caseterm.crypto.kdf import KdfPolicy
from caseterm.domain.codes import Role
from caseterm.errors import NeedsConfirmation, PermissionDenied
from caseterm.services.accounts.manage import add_account
from caseterm.services.keys.opening import open_session
from caseterm.services.lifecycle.events import lifecycle_of, record_event
from caseterm.services.session.case_session import CaseSession
from tests.conftest import OFFICER, OFFICER_PASSPHRASE
from tests.law.test_item01_court_term import COURT, _abandoned_voluntary_then_at_court
from tests.lifecycle.life import Life, at
from tests.tui.officer import seed_life


def test_item01_court_term_disagreement_needs_a_chiefs_confirmation(
    session: CaseSession, policy: KdfPolicy, clock: FrozenClock
) -> None:
    """T46 (L120 Art 38; ND163 Art 106; [U] 16): the warning is shown to whoever records the
    court's order; an officer cannot confirm it; the chief does, and the event keeps the codes
    the chief confirmed while the file takes the court's 24 months."""
    life = Life()
    _abandoned_voluntary_then_at_court(life)
    pid = seed_life(session, clock, life)
    add_account(session, name=OFFICER, roles=(Role.OFFICER,), passphrase=OFFICER_PASSPHRASE)
    moment = at("10/08/2026 09:00")
    clock.current = at("10/08/2026 10:00")
    order = {**COURT, "term_months": 24}
    officer = open_session(
        session.files.store, OFFICER, OFFICER_PASSPHRASE, policy=policy, clock=clock
    )
    try:
        with pytest.raises(NeedsConfirmation) as asked:
            record_event(officer, pid, "compulsory.court_decided", order, occurred_at=moment)
        assert "the court set 24 months" in str(asked.value)
        assert "counted: voluntary rehab started 09/07/2026" in str(asked.value).lower()
        with pytest.raises(PermissionDenied):
            record_event(
                officer, pid, "compulsory.court_decided", order, occurred_at=moment, confirm=True
            )
    finally:
        officer.close()
    done = record_event(
        session, pid, "compulsory.court_decided", order, occurred_at=moment, confirm=True
    )
    assert done.rule == "T46"
    with session.transaction(durable=False) as tx:
        stored = tx.events.get(done.event_id)
    assert stored is not None
    assert stored.payload["overridden_warnings"] == ["court_term_differs"]
    state = lifecycle_of(session, pid)
    assert [c.code for c in state.cautions[done.event_id]] == ["court_term_differs"]
    assert next(m for m in state.measures if m.kind == "COMPULSORY").term_months == 24
