"""The close-watch list and the annual review: who is watched, for how long, and when flagged."""

from __future__ import annotations

from datetime import timedelta

from caseterm.clock import FrozenClock
from caseterm.domain.lifecycle.watch import (
    Watch,
    contact_overdue,
    days_without_contact,
    latest_review,
    reasons_now,
    watch_reasons,
)
from caseterm.services.custody.verify import verify_store
from caseterm.services.lifecycle.events import record_event
from caseterm.services.registry.persons import add_person
from caseterm.services.registry.watch import close_watch, unreviewed
from caseterm.services.session.case_session import CaseSession
from tests.conftest import person
from tests.lifecycle import paths
from tests.lifecycle.life import Life, at


def test_post_rehab_is_watched_and_flagged_after_30_days_without_contact() -> None:
    life = Life()
    paths.in_post_rehab(life)
    state = life.state("10/07/2028 09:00")
    assert watch_reasons(state, psychosis=False) == (Watch.POST_REHAB,)
    assert contact_overdue(state.last_contact, state.as_of)  # never seen counts as overdue
    life.rec("contact.made", "10/07/2028 09:00", kind="VISIT")
    seen = life.state("09/08/2028 09:00")
    assert days_without_contact(seen.last_contact, seen.as_of) == 30
    assert not contact_overdue(seen.last_contact, seen.as_of)
    later = life.state("09/08/2028 09:01")
    assert contact_overdue(later.last_contact, later.as_of)


def test_release_from_prison_is_watched_for_a_year_other_holds_not_at_all() -> None:
    life = Life()
    paths.in_rehab(life)
    life.rec("hold.started", "01/09/2026 09:00", kind="PRISON")
    assert watch_reasons(life.state("01/10/2026 09:00"), psychosis=False) == ()
    life.rec("hold.ended", "01/12/2026 09:00")
    state = life.state("02/12/2026 09:00")
    reasons = watch_reasons(state, psychosis=False)
    assert reasons == (Watch.RELEASED,)
    released = state.released_from_prison
    assert released == at("01/12/2026 09:00")
    assert reasons_now(reasons, released, at("30/11/2027 09:00")) == (Watch.RELEASED,)
    assert reasons_now(reasons, released, at("02/12/2027 09:00")) == ()

    education = Life()
    paths.in_rehab(education)
    education.rec("hold.started", "01/09/2026 09:00", kind="COMPULSORY_EDUCATION")
    education.rec("hold.ended", "01/12/2026 09:00")
    assert education.state("02/12/2026 09:00").released_from_prison is None


def test_psychosis_is_watched_only_while_on_a_register() -> None:
    life = Life()
    assert watch_reasons(life.state("01/07/2026 09:00"), psychosis=True) == ()
    paths.managed(life)
    state = life.state("08/07/2026 09:00")
    assert watch_reasons(state, psychosis=True) == (Watch.PSYCHOSIS,)
    assert watch_reasons(state, psychosis=False) == ()
    assert latest_review(state) is None
    life.rec("review.completed", "09/07/2026 09:00")
    assert latest_review(life.state("09/07/2026 10:00")) == 2026


def test_the_lists_from_the_store_follow_contacts_reviews_and_the_identity_block(
    session: CaseSession, clock: FrozenClock
) -> None:
    from dataclasses import replace

    from caseterm.services.registry.persons import show_person, update_person

    clock.current = at("01/07/2026 07:00")
    watched = add_person(session, person("Lê Văn Bảo"), confirm=True)
    other = add_person(session, person("Trần Thị Cúc"), confirm=True)
    for pid in (watched, other):
        for event_type, payload in (
            ("test.performed", {"ground": "h", "sample": "URINE", "result": "POSITIVE"}),
            ("residence.verified", {"result": "STABLE", "criterion": "REGISTERED_ADDRESS"}),
            ("use.notice_sent", {"recipient": "Trưởng Công an xã"}),
            ("mgmt.decided", {"reason": "NEW", "decision_no": "04/QĐ", "officer": "Trần An"}),
        ):
            clock.current += timedelta(hours=2)
            record_event(session, pid, event_type, payload, occurred_at=clock.current)
    assert close_watch(session) == []
    gap = unreviewed(session)
    assert (gap.year, gap.total) == (2026, 2)
    assert {p[0] for p in gap.people} == {watched, other}

    current = show_person(session, watched).person
    record = replace(current.record, profile=replace(current.record.profile, psychosis=True))
    update_person(session, watched, record, expected_version=current.version, confirm=True)
    [item] = close_watch(session)
    assert (item.person_id, item.reasons, item.overdue) == (watched, (Watch.PSYCHOSIS,), True)
    assert item.days_without_contact is None

    clock.current += timedelta(days=1)
    record_event(session, watched, "contact.made", {"kind": "VISIT"}, occurred_at=clock.current)
    record_event(session, watched, "review.completed", {}, occurred_at=clock.current)
    clock.current += timedelta(days=3)
    [item] = close_watch(session)
    assert (item.days_without_contact, item.overdue) == (3, False)
    gap = unreviewed(session)
    assert [p[0] for p in gap.people] == [other]
    assert gap.total == 1
    assert verify_store(session).ok
