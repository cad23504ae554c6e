"""Words for the lifecycle's codes (through the catalogs): statuses, deadlines, refusals."""

from __future__ import annotations

from pydantic import ValidationError

from caseterm.domain.lifecycle.model import Cite, Refusal
from caseterm.i18n import N_, _

STATUS = {
    "S0": N_("not listed"),
    "S1": N_("test under way"),
    "S2": N_("positive test: residence and notice pending"),
    "S3": N_("under user management"),
    "S4": N_("addiction determination under way"),
    "S5": N_("addicted, not yet registered"),
    "S5b": N_("registered, decision or start pending"),
    "S6": N_("voluntary rehab at home / in the community"),
    "S7": N_("voluntary rehab at a private facility"),
    "S8": N_("voluntary rehab at a public facility"),
    "S9": N_("substitution treatment"),
    "S10": N_("compulsory rehab dossier"),
    "S11": N_("compulsory dossier at the court"),
    "S12": N_("compulsory rehab ordered"),
    "S13": N_("in compulsory rehab"),
    "S14": N_("post-rehab management"),
    "S15": N_("closed"),
}
MEASURE = {
    "USER_MGMT": N_("user management"),
    "ADDICTION_ASSESSMENT": N_("addiction determination"),
    "VOLUNTARY_REHAB": N_("voluntary rehab"),
    "SUBSTITUTION_TX": N_("substitution treatment"),
    "COMPULSORY": N_("compulsory rehab"),
    "POST_REHAB": N_("post-rehab management"),
    "E_MONITORING": N_("electronic monitoring"),
}
PHASE = {
    "ACTIVE": N_("running"),
    "REQUESTED": N_("requested"),
    "REGISTERED": N_("registered"),
    "DECIDED": N_("decided"),
    "FACILITY_REQUESTED": N_("facility requested"),
    "FACILITY_ASSIGNED": N_("facility assigned"),
    "IN_PROGRESS": N_("in progress"),
    "DOSSIER": N_("dossier being built"),
    "READING": N_("reading period"),
    "AT_COURT": N_("at the court"),
    "ORDERED": N_("ordered"),
    "IN_FACILITY": N_("in the facility"),
    "AWAITING_DECISION": N_("awaiting the decision"),
    "TEMP_REMOVED": N_("temporarily removed"),
    "PAUSED": N_("paused"),
    "CLOSED": N_("ended"),
}
FLAG = {
    "SUSPENDED": N_("SUSPENDED"),
    "ABSENT": N_("ABSENT"),
    "POSTPONED": N_("POSTPONED"),
    "ABSCONDED": N_("ABSCONDED"),
    "ON_HOLD": N_("ON HOLD"),
    "REUSE_PENDING": N_("RE-USE: NEW DECISION DUE"),
    "X_HOLD": N_("IN PRISON / EDUCATION / REFORMATORY"),
    "TEST_PENDING": N_("TEST UNDER WAY"),
}
FORM = {
    "HOME": N_("at home / in the community"),
    "PRIVATE": N_("private facility"),
    "PUBLIC": N_("public facility"),
    "REFORMATORY": N_("reformatory school"),
    "SUBSTITUTION": N_("substitution treatment"),
}
REGISTER = {
    "USERS": N_("user list"),
    "ADDICTS": N_("addict list"),
    "POST_REHAB": N_("post-rehab list"),
}
CLOSE_REASON = {
    "MGMT_EXPIRED_CLEAN": N_("term ended with no use"),
    "STOPPED": N_("stopped"),
    "POST_REHAB_COMPLETED": N_("post-rehab completed"),
    "COMPLETED": N_("completed"),
    "ADDICTED": N_("determined addicted"),
    "NOT_ADDICTED": N_("determined not addicted"),
    "SELF_TERMINATED": N_("self-terminated"),
    "TERMINATED_VIOLATION": N_("ended for violations"),
    "NOT_STARTED": N_("not started in time"),
    "USE_DETECTED": N_("use detected"),
    "SWITCHED": N_("switched to another form"),
    "COURT_REJECTED": N_("rejected by the court"),
    "DIED": N_("died"),
    "DECLARED_MISSING": N_("declared missing"),
    "PRISON": N_("prison"),
    "COMPULSORY_EDUCATION": N_("compulsory education"),
    "REFORMATORY": N_("reformatory school"),
    "EXEMPTED": N_("exempted"),
    "LIMITATION_EXPIRED": N_("limitation period expired"),
    "TRANSFERRED_OUT": N_("moved to another commune"),
    "ENDED": N_("ended"),
}
DEADLINE = {
    "D01": N_("verify residence after the positive test"),
    "D02": N_("send the notice of use (Mẫu 02) to the competent chief"),
    "D03": N_("user-management decision (Mẫu 04)"),
    "D04": N_("send the decision to the person, the team and the People's Committee"),
    "D05": N_("monthly residence check"),
    "D06": N_("end user management (Mẫu 09) if no use was detected"),
    "D07": N_("new management decision and determination request after re-use"),
    "D08": N_("notify the destination and transfer the file"),
    "D09": N_("the person must register for voluntary rehab or substitution"),
    "D10": N_("open the compulsory dossier: registration was missed"),
    "D11": N_("voluntary rehab decision (Mẫu 22)"),
    "D12": N_("the person must start rehab"),
    "D13": N_("public facility: request, assignment and transport"),
    "D14": N_("e-monitoring decision (Mẫu 02)"),
    "D15": N_("e-monitoring decision on a request or after a violation"),
    "D16": N_("fit the e-monitoring device (Mẫu 03)"),
    "D17": N_("the person must fix the violation or present for refitting"),
    "D18": N_("review the e-monitoring exemption (Mẫu 13)"),
    "D19": N_("end the substitution patient's e-monitoring (Mẫu 15)"),
    "D20": N_("hand e-monitoring over to the destination (Mẫu 17)"),
    "D21": N_("expected notice from the provider or facility"),
    "D22": N_("pre-completion notice (Mẫu 51) due from the provider"),
    "D23": N_("post-rehab proposal (Mẫu 52)"),
    "D24": N_("post-rehab decision (Mẫu 53) before completion"),
    "D25": N_("home rehab completion certificate (Mẫu 28)"),
    "D26": N_("the person must present after completing at a private facility"),
    "D27": N_("the person must register to continue at home"),
    "D28": N_("open the compulsory dossier and decide custody (Mẫu 32)"),
    "D29": N_("limitation: the court must decide before this"),
    "D30": N_("reading period of the dossier ends"),
    "D31": N_("send the dossier to the regional court"),
    "D32": N_("reply to the court's query"),
    "D33": N_("facility assignment and transport"),
    "D34": N_("facility notice before compulsory rehab ends (Mẫu 51)"),
    "D35": N_("post-rehab completion certificate (Mẫu 56)"),
    "D36": N_("review the postponement"),
    "D37": N_("return to the facility after recovery"),
    "D38": N_("turned 18: move to an adult facility"),
    "D39": N_("periodic report to the commune People's Committee"),
    "D40": N_("notify the data-protection agency (A05) of the breach"),
}
EVENT = {
    "person.registered": N_("Registered"),
    "person.updated": N_("Identity updated"),
    "person.moved_out": N_("Moved to another commune"),
    "person.moved_in": N_("Arrived from another commune"),
    "person.died": N_("Died"),
    "person.declared_missing": N_("Declared missing"),
    "note.added": N_("Note"),
    "event.voided": N_("Event voided"),
    "document.logged": N_("Document sent or received"),
    "force_majeure.recorded": N_("Force majeure"),
    "test.performed": N_("Drug test"),
    "residence.verified": N_("Residence verified"),
    "use.notice_sent": N_("Notice of use sent"),
    "mgmt.decided": N_("User-management decision"),
    "mgmt.residence_checked": N_("Residence check"),
    "mgmt.summoned": N_("Summons"),
    "mgmt.absence_reported": N_("Absence"),
    "mgmt.suspended": N_("Management suspended"),
    "mgmt.resumed": N_("Management resumed"),
    "mgmt.stopped": N_("Management stopped"),
    "mgmt.terminated": N_("Management ended"),
    "assessment.requested": N_("Addiction determination requested"),
    "assessment.result": N_("Addiction determination result"),
    "rehab.registered": N_("Registered for rehab"),
    "rehab.decided": N_("Voluntary rehab decision"),
    "rehab.facility_requested": N_("Facility requested"),
    "rehab.facility_assigned": N_("Facility assigned"),
    "rehab.started": N_("Rehab started"),
    "rehab.stage_reported": N_("Rehab stage reported"),
    "rehab.violation": N_("Violation during rehab"),
    "rehab.self_terminated": N_("Rehab self-terminated"),
    "rehab.partially_completed": N_("Left after completing stages"),
    "rehab.completed": N_("Rehab completed"),
    "completion.notice_received": N_("Pre-completion notice received"),
    "subst.enrolled": N_("Substitution treatment started"),
    "subst.status_reported": N_("Substitution status reported"),
    "subst.completed": N_("Substitution treatment completed"),
    "subst.terminated": N_("Substitution treatment ended early"),
    "compulsory.ground_found": N_("Compulsory ground found"),
    "compulsory.custody_decided": N_("Custody while the dossier is built"),
    "compulsory.dossier_notified": N_("Dossier notified"),
    "compulsory.sent_to_court": N_("Dossier sent to the court"),
    "compulsory.court_query": N_("Court query"),
    "compulsory.court_query_answered": N_("Court query answered"),
    "compulsory.court_decided": N_("Court decision"),
    "compulsory.facility_assigned": N_("Compulsory facility assigned"),
    "compulsory.transported": N_("Taken to the facility"),
    "compulsory.postponed": N_("Execution postponed"),
    "compulsory.exempted": N_("Execution exempted"),
    "compulsory.suspended": N_("Sent home ill"),
    "compulsory.resumed": N_("Execution resumed"),
    "compulsory.absconded": N_("Absconded"),
    "compulsory.found": N_("Found / returned"),
    "compulsory.completed": N_("Compulsory rehab completed"),
    "postrehab.proposed": N_("Post-rehab proposed"),
    "postrehab.decided": N_("Post-rehab decision"),
    "postrehab.completed": N_("Post-rehab completed"),
    "emon.requested": N_("E-monitoring requested by a parent"),
    "emon.decided": N_("E-monitoring decision"),
    "emon.fitted": N_("Device fitted"),
    "emon.removed_temporarily": N_("Device removed temporarily"),
    "emon.refitted": N_("Device refitted"),
    "emon.paused": N_("E-monitoring paused"),
    "emon.exempted": N_("E-monitoring exempted"),
    "emon.ended": N_("E-monitoring ended"),
    "emon.violation": N_("E-monitoring violation"),
    "emon.violation_fixed": N_("E-monitoring violation fixed"),
    "hold.started": N_("Prison / compulsory education / reformatory"),
    "hold.ended": N_("Released"),
    "support.provided": N_("Support provided"),
    "review.completed": N_("Review completed"),
    "contact.made": N_("Contact"),
}
REASON = {
    "not_in_this_state": N_("the person's current stage ({status}) does not allow it"),
    "unknown_event_type": N_("this kind of event is unknown"),
    "person_gone": N_("the person has died or was declared missing"),
    "breaks_later_event": N_("a later event (id {event}) would no longer fit"),
    "status_ground_without_measure": N_(
        "a status ground needs a running management, rehab, treatment or post-rehab"
    ),
    "parent_witness_required": N_(
        "a person under 18 needs a parent or guardian as witness for a non-urine sample"
    ),
    "no_positive_test": N_("there is no positive test waiting for residence verification"),
    "residence_not_verified": N_("residence has not been verified yet"),
    "already_managed": N_("the person is already under user management"),
    "no_notice_of_use": N_("no notice of use has been received"),
    "residence_not_stable": N_(
        "the residence is not stable: request an addiction determination (case đ) instead"
    ),
    "no_reuse_detected": N_("no re-use was detected during management"),
    "no_transfer_in": N_("the person has not arrived from another commune with this measure"),
    "not_under_management": N_("the person is not under management"),
    "already_suspended": N_("management is already suspended"),
    "not_suspended": N_("management is not suspended"),
    "custody_outlasted_term": N_("the custody outlasted the term: stop management instead"),
    "not_determined_addicted": N_("the person has not been determined addicted"),
    "reuse_pending": N_("a re-use awaits its new decision"),
    "term_not_over": N_("the term is not over yet"),
    "assessment_pending": N_("a determination is already under way"),
    "residence_stable": N_("the residence is stable: case đ does not apply"),
    "no_use_in_post_rehab": N_("no use was detected during post-rehab"),
    "already_in_a_measure": N_("the person is already under a measure"),
    "under_12": N_("rehab measures apply only from the age of 12"),
    "certificate_still_valid": N_("the person's certificate is under 6 months old"),
    "no_assessment_requested": N_("no determination was requested"),
    "compulsory_dossier_open": N_("a compulsory dossier is already open"),
    "minor_needs_parent": N_("a person under 18 is registered by a parent or guardian"),
    "reformatory_minors_only": N_("reformatory schools take only people aged 12 to under 18"),
    "no_residence_public_only": N_(
        "with no stable residence only a public facility or reformatory school may be chosen"
    ),
    "already_in_substitution": N_("the person is already in substitution treatment"),
    "not_registered": N_("the person has not registered"),
    "form_differs_from_registration": N_("the form differs from the one registered"),
    "r2021_term_range": N_("a legacy (R2021) term must be within the old range"),
    "r2026_term_fixed": N_("the term is fixed by law: 24 months, 36 from the second episode"),
    "not_decided": N_("there is no decision yet"),
    "facility_not_requested": N_("no facility has been requested"),
    "facility_not_assigned": N_("no facility has been assigned"),
    "not_in_home_rehab_or_substitution": N_(
        "the person is not in home rehab or substitution treatment"
    ),
    "not_in_voluntary_rehab": N_("the person is not in voluntary rehab"),
    "not_in_private_facility": N_("the person is not at a private facility"),
    "fewer_than_3_stages": N_("fewer than 3 stages are completed"),
    "not_in_rehab": N_("the person is not in rehab"),
    "not_registered_for_substitution": N_("the person has not registered for substitution"),
    "not_in_substitution": N_("the person is not in substitution treatment"),
    "adult_exempt": N_(
        "an adult who is pregnant, the carer of a child under 36 months, or without capacity is "
        "not subject to compulsory rehab"
    ),
    "compulsory_already_running": N_("compulsory rehab is already past the dossier stage"),
    "violation_after_finding": N_("the last violation is after the finding"),
    "registration_window_open": N_("the 24-hour registration window is still open"),
    "no_dossier": N_("there is no compulsory dossier"),
    "dossier_not_notified": N_("the dossier has not been notified"),
    "reading_period_running": N_("the 3-working-day reading period is still running"),
    "not_at_court": N_("the dossier is not at the court"),
    "no_court_query": N_("there is no open court query"),
    "not_ordered": N_("compulsory rehab has not been ordered"),
    "not_in_facility": N_("the person is not in the facility"),
    "not_yet_18": N_("the person is not 18 yet"),
    "under_3_months_left": N_("less than 3 months remain"),
    "not_postponed_or_suspended": N_("execution is not postponed or suspended"),
    "not_held": N_("the person is not held"),
    "not_absconded": N_("the person is not recorded as absconded"),
    "no_rehab_to_follow": N_("there is no rehab or treatment for post-rehab to follow"),
    "post_rehab_already_decided": N_("post-rehab is already decided"),
    "not_in_post_rehab": N_("the person is not in post-rehab management"),
    "term_end_required": N_("the end of the remaining term is required"),
    "form_required": N_("the rehab form is required"),
    "already_on_hold": N_("the person is already held"),
    "not_on_hold": N_("the person is not held"),
    "before_r2026": N_("e-monitoring exists only from 1/7/2026"),
    "not_a_minor": N_("the person is not under 18"),
    "emon_already": N_("the person is already under e-monitoring"),
    "basis_missing": N_("the measure this e-monitoring is based on is not running"),
    "minor_needs_parent_request": N_("a minor is e-monitored only at a parent's request"),
    "no_parent_request": N_("there is no parent's request"),
    "no_substitution_violation": N_("there is no substitution patient's violation to act on"),
    "emon_not_decided": N_("there is no e-monitoring decision"),
    "not_e_monitored": N_("the person is not under e-monitoring"),
    "not_removed": N_("the device is not removed or paused"),
    "clean_period_not_reached": N_("the clean period (1 year; 6 months for a minor) is not over"),
    "no_open_violation": N_("there is no open violation with that id"),
    "unknown_event": N_("the event referred to is not in this file"),
    "window_closed": N_("the window it would restart is not open"),
}
INSTRUMENT = {
    "L120": N_("Law 120/2025/QH15"),
    "ND163": N_("Decree 163/2026/NĐ-CP"),
    "L91": N_("Law 91/2025/QH15"),
}


def label(table: dict[str, str], code: str) -> str:
    """A code's words in the current language (the code itself when unknown)."""
    return _(table[code]) if code in table else code


STEP = {
    "decision": N_("new decision"),
    "assessment": N_("determination request"),
    "request": N_("request to the provincial police director"),
    "assignment": N_("facility assignment"),
    "transport": N_("transport to the facility"),
}


def deadline_label(code: str, key: str = "") -> str:
    """What a deadline asks for, its step first when it has several.

    Step first, so that narrow screens still tell the steps apart: "new decision (new
    management decision and determination request after re-use)".
    """
    step = key.split(":")[1] if key.count(":") >= 1 else ""
    text = label(DEADLINE, code)
    return f"{_(STEP[step])} ({text})" if step in STEP else text


def event_label(event_type: str) -> str:
    """An event type's name."""
    return label(EVENT, event_type)


def status_label(code: str) -> str:
    """'S3 — under user management'."""
    return f"{code} — {label(STATUS, code)}"


def cite_text(cite: Cite) -> str:
    """A citation in the reader's language: 'điểm a khoản 1 Điều 35 Luật 120/2025/QH15'."""
    point = "đ" if cite.point == "dd" else cite.point
    if cite.clause is None:
        article = _("Art {article}").format(article=cite.article)
    elif point is None:
        article = _("Art {article}({clause})").format(article=cite.article, clause=cite.clause)
    else:
        article = _("Art {article}({clause})({point})").format(
            article=cite.article, clause=cite.clause, point=point
        )
    return f"{article} {label(INSTRUMENT, cite.instrument)}"


def basis_text(basis: tuple[Cite, ...]) -> str:
    """Several citations joined."""
    return "; ".join(cite_text(cite) for cite in basis)


def describe_refusal(event_type: str, refusal: Refusal) -> str:
    """The sentence an officer reads when the table refuses an event."""
    params = dict(refusal.params)
    if "status" in params:
        params["status"] = status_label(params["status"])
    reason = (
        _(REASON[refusal.reason]).format(**params) if refusal.reason in REASON else (refusal.reason)
    )
    return _("Cannot record “{event}”: {reason} (rule {rule}; legal basis: {basis}).").format(
        event=event_label(event_type),
        reason=reason,
        rule=refusal.rule,
        basis=basis_text(refusal.basis) or _("no legal text"),
    )


_ERRORS = {
    "missing": N_("{field}: required"),
    "extra_forbidden": N_("{field}: not a field of this event"),
    "literal_error": N_("{field}: not one of the allowed codes ({expected})"),
}


def payload_problems(event_type: str, error: ValidationError) -> list[str]:
    """One line per problem in a payload, naming the field (never echoing personal values)."""
    problems = []
    for item in error.errors(include_url=False, include_input=False):
        field = ".".join(str(part) for part in item["loc"]) or event_type
        template = _ERRORS.get(item["type"])
        if template is not None:
            expected = str(item.get("ctx", {}).get("expected", ""))
            problems.append(_(template).format(field=field, expected=expected))
        else:
            problems.append(_("{field}: invalid value").format(field=field))
    return problems
