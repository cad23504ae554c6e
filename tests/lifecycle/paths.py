"""Ways to bring a person to a stage of the lifecycle, reused by the rule and scenario tests."""

from __future__ import annotations

from tests.lifecycle.life import Life

URINE = {"ground": "h", "sample": "URINE"}
NOT_EXEMPT = {"no_capacity": False, "pregnant": False, "carer_of_child_under_36_months": False}
"""The exemption screen of L120 Art 35(2), answered "no" to each question."""


def positive(life: Life, when: str = "06/07/2026 08:00", **extra: object) -> str:
    """A positive urine test (ground h: caught in the act)."""
    return life.rec("test.performed", when, **URINE, result="POSITIVE", **extra)


def verified(life: Life, when: str = "06/07/2026 08:00", *, stable: bool = True) -> None:
    """Positive, then residence verified 4 h later."""
    positive(life, when)
    life.rec(
        "residence.verified",
        _plus(when, 4),
        result="STABLE" if stable else "NOT_STABLE",
        criterion="REGISTERED_ADDRESS" if stable else "WHEREABOUTS_UNKNOWN",
    )


def notified(life: Life, when: str = "06/07/2026 08:00") -> None:
    """Positive, verified stable, notice sent."""
    verified(life, when)
    life.rec("use.notice_sent", _plus(when, 6), recipient="TCAX")


def managed(life: Life, when: str = "06/07/2026 08:00") -> str:
    """Under user management from the decision 8 h after the test. Returns the decision id."""
    notified(life, when)
    return life.rec(
        "mgmt.decided", _plus(when, 8), reason="NEW", decision_no="04/QĐ", officer="Trần Văn An"
    )


def addicted(life: Life, when: str = "06/07/2026 08:00", *, case: str = "a") -> None:
    """Self-referral, determined addicted 2 days later, told the same hour."""
    life.rec("assessment.requested", when, case=case, facility="Trung tâm Y tế")
    told = _plus(when, 48)
    life.rec("assessment.result", told, result="ADDICTED", notified_at=told)


def registered(life: Life, when: str = "06/07/2026 08:00", *, form: str = "HOME") -> str:
    """Addicted, registered 3 h after being told. Returns the registration's moment."""
    addicted(life, when)
    moment = _plus(when, 51)
    life.rec("rehab.registered", moment, form=form, channel="IN_PERSON", registrant="SELF")
    return moment


def decided(life: Life, when: str = "06/07/2026 08:00", *, form: str = "HOME") -> str:
    """Registered and decided 5 h later. Returns the decision's moment."""
    moment = _plus(registered(life, when, form=form), 5)
    life.rec("rehab.decided", moment, decision_no="22/QĐ", form=form)
    return moment


def in_rehab(life: Life, when: str = "06/07/2026 08:00", *, form: str = "HOME") -> str:
    """In voluntary rehab; returns the start (the term runs from here)."""
    moment = decided(life, when, form=form)
    if form in {"PUBLIC", "REFORMATORY"}:
        life.rec("rehab.facility_requested", _plus(moment, 2))
        life.rec(
            "rehab.facility_assigned",
            _plus(moment, 10),
            authority="GDCAT",
            decision_no="95/QĐ",
            facility="Cơ sở cai nghiện số 1",
        )
    start = _plus(moment, 20)
    life.rec("rehab.started", start, provider="Trạm Y tế xã", provider_notice_at=start)
    return start


def in_substitution(life: Life, when: str = "06/07/2026 08:00") -> str:
    """Enrolled at a methadone clinic; returns the enrolment moment."""
    moment = _plus(registered(life, when, form="SUBSTITUTION"), 5)
    life.rec("subst.enrolled", moment, clinic="Cơ sở Methadone huyện", reception_notice_at=moment)
    return moment


def dossier(life: Life, when: str = "06/07/2026 08:00") -> None:
    """Addicted and not registered: a ground found the same day, custody decided."""
    addicted(life, when)
    found = _plus(when, 73)
    life.rec("compulsory.ground_found", found, ground="a", last_violation_at=found, **NOT_EXEMPT)
    life.rec("compulsory.custody_decided", _plus(found, 2), decision_no="32/QĐ", facility="Cơ sở 1")


def at_court(life: Life, when: str = "06/07/2026 08:00") -> str:
    """The dossier notified on a Wednesday and sent to court after reading. Returns the sending."""
    dossier(life, when)
    life.rec("compulsory.dossier_notified", "09/07/2026 15:00", delivered_to="PERSON")
    sent = "15/07/2026 09:00"
    life.rec("compulsory.sent_to_court", sent, decision_no="36/QĐ", court="TAND khu vực 1")
    return sent


def ordered(life: Life, when: str = "06/07/2026 08:00") -> None:
    """The court ordered compulsory rehab."""
    at_court(life, when)
    life.rec(
        "compulsory.court_decided",
        "20/07/2026 09:00",
        outcome="ORDERED",
        court="TAND khu vực 1",
        decision_no="12/QĐ-TA",
    )


def in_facility(life: Life, when: str = "06/07/2026 08:00") -> None:
    """Serving compulsory rehab since 21/07/2026 14:00."""
    ordered(life, when)
    life.rec(
        "compulsory.facility_assigned",
        "21/07/2026 09:00",
        authority="GDCAT",
        decision_no="106/QĐ",
        facility="Cơ sở cai nghiện số 1",
    )
    life.rec("compulsory.transported", "21/07/2026 14:00")


def minor_in_reformatory(life: Life) -> None:
    """A minor (by the life's birth date) ordered to compulsory rehab, at a reformatory school
    since 21/07/2026 14:00; the parent receives the dossier."""
    life.rec("assessment.requested", "06/07/2026 08:00", case="a", facility="TTYT")
    life.rec(
        "assessment.result", "08/07/2026 08:00", result="ADDICTED", notified_at="08/07/2026 08:00"
    )
    life.rec(
        "compulsory.ground_found",
        "09/07/2026 09:00",
        ground="a",
        last_violation_at="09/07/2026 09:00",
    )
    life.rec("compulsory.dossier_notified", "09/07/2026 10:00", delivered_to="PARENT")
    life.rec("compulsory.sent_to_court", "15/07/2026 09:00", decision_no="36", court="TAND")
    life.rec(
        "compulsory.court_decided",
        "20/07/2026 09:00",
        outcome="ORDERED",
        court="TAND",
        decision_no="12",
    )
    life.rec(
        "compulsory.facility_assigned",
        "21/07/2026 09:00",
        authority="C10",
        decision_no="1",
        facility="Trường giáo dưỡng",
    )
    life.rec("compulsory.transported", "21/07/2026 14:00")


def in_post_rehab(life: Life, when: str = "06/07/2026 08:00") -> str:
    """Home rehab completed (24 months), post-rehab decided: returns the completion moment."""
    in_rehab(life, when)
    life.rec("completion.notice_received", "05/06/2028 09:00")
    life.rec("postrehab.proposed", "06/06/2028 09:00")
    life.rec("postrehab.decided", "20/06/2028 09:00", decision_no="53/QĐ")
    done = "09/07/2028 09:00"
    life.rec("rehab.completed", done, certificate_no="28/GCN")
    return done


def _plus(when: str, hours: int) -> str:
    from datetime import timedelta

    from tests.lifecycle.life import at, local

    return local(at(when) + timedelta(hours=hours))


plus = _plus
