"""Words for the lifecycle's codes (through the catalogs): statuses, measures, deadlines, events."""

from __future__ import annotations

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
    "X_EXEMPT": N_("EXEMPT FROM COMPULSORY REHAB"),
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
    "EXEMPT_PERSON": N_("not subject to compulsory rehab (exempt)"),
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
    "D41": N_("term ended: record the completion or the reason"),
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
    "compulsory.exemption_found": N_("Exempt from compulsory rehab (certified)"),
    "compulsory.custody_decided": N_("Custody while the dossier is built"),
    "compulsory.dossier_notified": N_("Dossier notified"),
    "compulsory.record_made": N_("Dossier record made"),
    "compulsory.sent_to_court": N_("Dossier sent to the court"),
    "compulsory.court_query": N_("Court query"),
    "compulsory.court_query_answered": N_("Court query answered"),
    "compulsory.court_decided": N_("Court decision"),
    "compulsory.facility_requested": N_("Facility requested from the provincial police director"),
    "compulsory.facility_assigned": N_("Compulsory facility assigned"),
    "compulsory.assignment_forwarded": N_("Facility assignment forwarded"),
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
    "postrehab.team_formed": N_("Post-rehab support team formed"),
    "postrehab.helper_assigned": N_("Post-rehab helper named"),
    "postrehab.completed": N_("Post-rehab completed"),
    "emon.requested": N_("E-monitoring requested by a parent"),
    "emon.decided": N_("E-monitoring decision"),
    "emon.fitted": N_("Device fitted"),
    "emon.removed_temporarily": N_("Device removed temporarily"),
    "emon.refitted": N_("Device refitted"),
    "emon.received": N_("E-monitoring taken over after a move"),
    "emon.position_changed": N_("Device moved on the body"),
    "emon.device_replaced": N_("Device or accessory replaced"),
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


def label(table: dict[str, str], code: str) -> str:
    """A code's words in the current language (the code itself when unknown)."""
    return _(table[code]) if code in table else code


STEP = {
    "decision": N_("new decision"),
    "assessment": N_("determination request"),
    "request": N_("request to the provincial police director"),
    "assignment": N_("facility assignment"),
    "forwarding": N_("forwarding the assignment decision"),
    "transport": N_("transport to the facility"),
}


def deadline_label(code: str, key: str = "") -> str:
    """What a deadline asks for, its step first when it has several.

    Step first, so that narrow screens still tell the steps apart: "new decision (new
    management decision and determination request after re-use)".
    """
    step = key.split(":")[1] if key.count(":") >= 1 else ""
    text = label(DEADLINE, code)
    if code == "D05" and len(step) == 7:  # the month a check made now satisfies
        return _("{what} for {month}").format(what=text, month=f"{step[5:]}/{step[:4]}")
    return f"{_(STEP[step])} ({text})" if step in STEP else text


def day_off_note(params: dict[str, str]) -> str:
    """What a deadline says of a term that ends on a day off (Civil Code Art 148(5)), or ""."""
    if "moved_from" in params:
        return _("term end moved from {day}, a day off (Civil Code Art 148(5))").format(
            day=_dmy(params["moved_from"])
        )
    if "could_move_to" in params:
        return _(
            "the term ends on a day off; Civil Code Art 148(5) would move it to {day}"
            " (not applied: the unit's setting is off)"
        ).format(day=_dmy(params["could_move_to"]))
    return ""


def _dmy(iso_day: str) -> str:
    year, month, day = iso_day.split("-")
    return f"{day}/{month}/{year}"


def event_label(event_type: str) -> str:
    """An event type's name."""
    return label(EVENT, event_type)


def status_label(code: str) -> str:
    """'S3 — under user management'."""
    return f"{code} — {label(STATUS, code)}"
