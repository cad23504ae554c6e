"""Synthetic lifecycles for the demo store, recorded through the real services.

Together they cover every status S1–S15, every register, and deadlines that are overdue, due
today and upcoming; the transition table checks every event, as for real records.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from caseterm.services.lifecycle.events import record_event
from caseterm.services.session.case_session import CaseSession

Put = Callable[..., None]
"""put(event_type, days_ago, **payload): record one event that many days (float) ago."""

URINE = {"ground": "h", "sample": "URINE"}
MGMT = {"decision_no": "04/QĐ-CAX", "officer": "Trung úy Lê Văn Bình"}


def _managed(put: Put, days: float) -> None:
    put("test.performed", days, **URINE, result="POSITIVE", substances=["ma túy tổng hợp"])
    put("residence.verified", days - 0.2, result="STABLE", criterion="REGISTERED_ADDRESS")
    put("use.notice_sent", days - 0.3, recipient="Trưởng Công an xã")
    put("mgmt.decided", days - 0.5, reason="NEW", **MGMT)


def _addicted(put: Put, days: float, told: float) -> None:
    put("assessment.requested", days, case="a", facility="Trung tâm Y tế khu vực")
    put("assessment.result", told, result="ADDICTED", notified_at=told)


def _registered(put: Put, days: float, form: str) -> None:
    _addicted(put, days + 2, days + 0.5)
    put("rehab.registered", days, form=form, channel="IN_PERSON", registrant="SELF")


def _in_rehab(put: Put, days: float, form: str) -> None:
    _registered(put, days + 1, form)
    put("rehab.decided", days + 0.8, decision_no="22/QĐ-CAX", form=form)
    if form == "PUBLIC":
        put("rehab.facility_requested", days + 0.6)
        put(
            "rehab.facility_assigned",
            days + 0.3,
            authority="GDCAT",
            decision_no="95/QĐ",
            facility="Cơ sở cai nghiện ma túy số 1",
        )
    put("rehab.started", days, provider="Trạm Y tế xã", provider_notice_at=days)


def _dossier(put: Put, days: float) -> None:
    _addicted(put, days + 3, days + 2.5)
    put(
        "compulsory.ground_found",
        days,
        ground="a",
        last_violation_at=days,
        no_capacity=False,
        pregnant=False,
        carer_of_child_under_36_months=False,
    )
    put(
        "compulsory.custody_decided",
        days - 0.1,
        decision_no="32/QĐ-CAX",
        facility="Cơ sở cai nghiện ma túy số 1",
    )


def _at_court(put: Put, days: float) -> None:
    _dossier(put, days + 8)
    put("compulsory.dossier_notified", days + 7, delivered_to="PERSON")
    put("compulsory.sent_to_court", days, decision_no="36/QĐ-CAX", court="TAND khu vực 2")


def _ordered(put: Put, days: float) -> None:
    _at_court(put, days + 5)
    put(
        "compulsory.court_decided",
        days,
        outcome="ORDERED",
        court="TAND khu vực 2",
        decision_no="15/QĐ-TA",
    )


def _in_facility(put: Put, days: float) -> None:
    _ordered(put, days + 1)
    put(
        "compulsory.facility_assigned",
        days + 0.5,
        authority="GDCAT",
        decision_no="106/QĐ",
        facility="Cơ sở cai nghiện ma túy số 1",
    )
    put("compulsory.transported", days)


def _post_rehab(put: Put, days: float) -> None:
    _registered(put, days + 90, "SUBSTITUTION")
    put(
        "subst.enrolled",
        days + 89,
        clinic="Cơ sở điều trị Methadone",
        reception_notice_at=days + 89,
    )
    put("subst.completed", days)
    put("postrehab.decided", days - 1, decision_no="53/QĐ-UBND")


def _s1(put: Put) -> None:
    put("test.performed", 0.1, **URINE, result="PENDING")


def _s2_overdue(put: Put) -> None:
    put("test.performed", 1.3, **URINE, result="POSITIVE")


def _s2_notice_today(put: Put) -> None:
    put("test.performed", 0.8, **URINE, result="POSITIVE")
    put("residence.verified", 0.6, result="STABLE", criterion="CURRENT_30_DAYS")


def _s3(put: Put) -> None:
    _managed(put, 45)
    put("mgmt.residence_checked", 20, method="VISIT", finding="PRESENT")


def _s3_reuse(put: Put) -> None:
    _managed(put, 120)
    put("test.performed", 0.4, **URINE, result="POSITIVE")


def _s3_suspended(put: Put) -> None:
    _managed(put, 80)
    put("mgmt.suspended", 10, decision_no="07/QĐ-CAX", sent_at=10)


def _s4(put: Put) -> None:
    put("assessment.requested", 3, case="a", facility="Trung tâm Y tế khu vực")


def _s5(put: Put) -> None:
    _addicted(put, 2, 0.4)


def _s10_missed(put: Put) -> None:
    _addicted(put, 3, 1.2)


def _s5b(put: Put) -> None:
    _registered(put, 0.2, "PRIVATE")


def _s6(put: Put) -> None:
    _in_rehab(put, 100, "HOME")
    put("emon.decided", 99.9, decision_no="02/QĐ-CAX", basis="VOL_HOME", officer="Lê Văn Bình")
    put("emon.fitted", 99.5, device_no="GS-2026-0117", position="ANKLE")
    put("emon.violation", 0.5, code="d")


def _s7(put: Put) -> None:
    _in_rehab(put, 50, "PRIVATE")


def _s8(put: Put) -> None:
    _in_rehab(put, 30, "PUBLIC")


def _s9(put: Put) -> None:
    _registered(put, 61, "SUBSTITUTION")
    put("subst.enrolled", 60, clinic="Cơ sở điều trị Methadone", reception_notice_at=60)


def _s10(put: Put) -> None:
    _dossier(put, 1)
    put("compulsory.dossier_notified", 0.5, delivered_to="PERSON")


def _s11(put: Put) -> None:
    _at_court(put, 10)
    put("compulsory.court_query", 1, court="TAND khu vực 2")


def _s12(put: Put) -> None:
    _ordered(put, 0.6)


def _s13(put: Put) -> None:
    _in_facility(put, 90)


def _s14(put: Put) -> None:
    _post_rehab(put, 20)


def _s15_terminated(put: Put) -> None:
    _managed(put, 367)
    put("mgmt.terminated", 1, decision_no="09/QĐ-CAX", sent_at=1)


def _s15_died(put: Put) -> None:
    _managed(put, 60)
    put("person.died", 5)


def _limitation_near(put: Put) -> None:
    _at_court(put, 80)


def _term_over(put: Put) -> None:
    """A year of (R2021) management that ran out with no termination recorded: KX, D06."""
    _managed(put, 390)
    put("mgmt.residence_checked", 300, method="VISIT", finding="PRESENT")


def _relapse_in_post_rehab(put: Put) -> None:
    """Completed substitution treatment, then determined addicted again in post-rehab (T56)."""
    _post_rehab(put, 100)
    put("test.performed", 22, **URINE, result="POSITIVE")
    put("assessment.requested", 21.5, case="d", facility="Trung tâm Y tế khu vực")
    put("assessment.result", 20, result="ADDICTED", notified_at=20)


def _awaiting_finding(put: Put) -> None:
    """A self-referral still awaiting its finding at the end of last month (KA, not K1)."""
    put("assessment.requested", 9, case="a", facility="Trung tâm Y tế khu vực")
    put("assessment.result", 2, result="NOT_ADDICTED", notified_at=2)


SCRIPTS: tuple[Callable[[Put], None], ...] = (
    _s1,
    _s2_overdue,
    _s2_notice_today,
    _s3,
    _s3_reuse,
    _s3_suspended,
    _s4,
    _s5,
    _s10_missed,
    _s5b,
    _s6,
    _s7,
    _s8,
    _s9,
    _s10,
    _s11,
    _s12,
    _s13,
    _s14,
    _s15_terminated,
    _s15_died,
    _limitation_near,
    _term_over,
    _relapse_in_post_rehab,
    _awaiting_finding,
)
"""One person each; together they cover S1–S15, all three registers and every kind of due."""


def add_demo_lives(session: CaseSession, person_ids: list[str]) -> int:
    """Give the first persons a lifecycle each; return how many were given one."""
    now = session.clock.now()
    for person_id, script in zip(person_ids, SCRIPTS, strict=False):
        script(_recorder(session, person_id, now))
    return min(len(person_ids), len(SCRIPTS))


def _recorder(session: CaseSession, person_id: str, now: datetime) -> Put:
    def put(event_type: str, days_ago: float, **payload: Any) -> None:
        moment = now - timedelta(days=days_ago)
        values = {k: _when(now, v) if _is_moment(k) else v for k, v in payload.items()}
        record_event(session, person_id, event_type, values, occurred_at=moment)

    return put


_MOMENT_FIELDS = frozenset(
    {"notified_at", "last_violation_at", "sent_at", "reception_notice_at", "provider_notice_at"}
)


def _is_moment(name: str) -> bool:
    return name in _MOMENT_FIELDS


def _when(now: datetime, days_ago: Any) -> str:
    return (now - timedelta(days=float(days_ago))).isoformat()
