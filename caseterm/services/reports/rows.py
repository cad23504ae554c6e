"""The indicator rows of the monthly report, in print order, with their display words.

A row is (code, words, level, suffix): level 0 is an indicator, 1 one of its sub-items. Codes
are the ones `domain.report` counts; a family also shows any sub-item counted that is not
listed here, so nothing counted is ever left off a table.
"""

from __future__ import annotations

from caseterm.i18n import N_

Row = tuple[str, str, int, str]
"""(code, words, level, suffix): the suffix is a letter printed after the words (ground a)."""

_FORMS = {
    "HOME": N_("at home or in the community"),
    "PRIVATE": N_("private facility"),
    "PUBLIC": N_("public facility"),
    "REFORMATORY": N_("reformatory school"),
    "SUBSTITUTION": N_("substitution treatment"),
    "COMPULSORY": N_("compulsory rehab"),
}


def _by_form(family: str, forms: tuple[str, ...]) -> tuple[Row, ...]:
    """A family's sub-items by rehab form, in the forms' order."""
    return tuple((f"{family}.{form}", _FORMS[form], 1, "") for form in forms)


STOCK: tuple[Row, ...] = (
    ("K1", N_("K1 Drug users under management"), 0, ""),
    ("K1.new", N_("new this period"), 1, ""),
    ("K1.continuing", N_("continuing"), 1, ""),
    ("K1.managed", N_("managed, present"), 1, ""),
    ("K1.suspended", N_("suspended (custody, prison)"), 1, ""),
    ("K1.absent", N_("absent without notice"), 1, ""),
    ("K1.assessment", N_("addiction determination under way"), 1, ""),
    ("K2", N_("K2 Addicts with a management file"), 0, ""),
    ("K2.a", N_("(a) determined addicted, not yet in a measure"), 1, ""),
    ("K2.b", N_("(b) voluntary rehab at home or in the community"), 1, ""),
    ("K2.c", N_("(c) voluntary rehab at a private facility"), 1, ""),
    ("K2.d", N_("(d) voluntary rehab at a public facility or reformatory school"), 1, ""),
    ("K2.e", N_("(e) substitution treatment"), 1, ""),
    ("K2.f", N_("(f) compulsory rehab dossier (custody)"), 1, ""),
    ("K2.g", N_("(g) in compulsory rehab"), 1, ""),
    ("K2.h", N_("(h) in prison, detention, compulsory education or reformatory school"), 1, ""),
    ("K2.i", N_("(i) absconded, whereabouts unknown"), 1, ""),
    ("K3", N_("K3 People under post-rehab management"), 0, ""),
    ("K3.origin.voluntary", N_("after voluntary rehab"), 1, ""),
    ("K3.origin.substitution", N_("after substitution treatment"), 1, ""),
    ("K3.origin.compulsory", N_("after compulsory rehab"), 1, ""),
    ("K3.origin.transfer", N_("moved in from another commune"), 1, ""),
    ("K3.term.12", N_("1-year term"), 1, ""),
    ("K3.term.24", N_("2-year term"), 1, ""),
    ("K3.term.0", N_("term carried over"), 1, ""),
    ("KA", N_("KA Awaiting an addiction finding (self-referral; not counted in K1)"), 0, ""),
    *((f"KA.{c}", N_("case"), 1, c) for c in ("a", "b", "dd")),
    ("KX", N_("KX Term ended with no closing record (not counted in K1 or K3)"), 0, ""),
    ("KX.mgmt", N_("user management"), 1, ""),
    ("KX.post", N_("post-rehab management"), 1, ""),
    ("K4", N_("K4 People under electronic monitoring"), 0, ""),
    ("K4.state.active", N_("device worn"), 1, ""),
    ("K4.state.removed", N_("device removed temporarily"), 1, ""),
    ("K4.state.paused", N_("paused"), 1, ""),
    ("K4.basis.VOL_HOME", N_("with voluntary rehab at home"), 1, ""),
    ("K4.basis.SUBSTITUTION", N_("with substitution treatment"), 1, ""),
    ("K4.basis.SUBST_VIOLATION", N_("after a substitution violation"), 1, ""),
    ("K4.basis.POST_REHAB", N_("with post-rehab management"), 1, ""),
    ("K4.basis.PARENT_REQUEST", N_("at a parent's request"), 1, ""),
)
FLOWS: tuple[Row, ...] = (
    ("F1.test", N_("F1 Drug tests performed"), 0, ""),
    *((f"F1.test.{g}", N_("ground"), 1, g) for g in ("a", "b", "c", "d", "dd", "e", "g", "h", "i")),
    *((f"F1.test.status_{p}", N_("status ground (L120 Art 23), point"), 1, p) for p in "cde"),
    ("F1.test.themed_plan", N_("themed test plan"), 1, ""),
    ("F1.positive", N_("F1 Positive tests"), 0, ""),
    ("F2.decided", N_("F2 User-management decisions"), 0, ""),
    ("F2.decided.NEW", N_("new"), 1, ""),
    ("F2.decided.REUSE_RESET", N_("re-use: new one-year term"), 1, ""),
    ("F2.decided.TRANSFER_IN", N_("moved in"), 1, ""),
    ("F2.ended", N_("F2 User management ended"), 0, ""),
    ("F2.ended.MGMT_EXPIRED_CLEAN", N_("term over, no re-use"), 1, ""),
    ("F2.ended.STOPPED", N_("stopped"), 1, ""),
    ("F2.ended.STOPPED_CUSTODY_LONGER", N_("stopped: custody longer than the term"), 1, ""),
    ("F2.ended.STOPPED_COMPULSORY_EDUCATION", N_("stopped: compulsory education"), 1, ""),
    ("F2.ended.STOPPED_REFORMATORY", N_("stopped: reformatory school"), 1, ""),
    ("F2.ended.STOPPED_DIVERSION", N_("stopped: handled otherwise"), 1, ""),
    ("F2.ended.STOPPED_PRISON", N_("stopped: prison"), 1, ""),
    ("F2.ended.STOPPED_DEATH_MISSING", N_("stopped: death or declared missing"), 1, ""),
    ("F2.ended.ADDICTED", N_("stopped: determined addicted"), 1, ""),
    ("F2.ended.USE_DETECTED", N_("replaced after re-use"), 1, ""),
    ("F2.ended.TRANSFERRED_OUT", N_("moved out"), 1, ""),
    ("F2.ended.DIED", N_("died"), 1, ""),
    ("F2.ended.DECLARED_MISSING", N_("declared missing"), 1, ""),
    ("F2.missed_check", N_("F2 Monthly residence checks missed (months)"), 0, ""),
    ("F3.requested", N_("F3 Addiction determinations requested"), 0, ""),
    *((f"F3.requested.{c}", N_("case"), 1, c) for c in ("a", "b", "c", "d", "dd")),
    ("F3.result", N_("F3 Determination results"), 0, ""),
    ("F3.result.ADDICTED", N_("addicted"), 1, ""),
    ("F3.result.NOT_ADDICTED", N_("not addicted"), 1, ""),
    ("F4.registered", N_("F4 Voluntary rehab registrations"), 0, ""),
    *_by_form("F4.registered", ("HOME", "PRIVATE", "PUBLIC", "REFORMATORY", "SUBSTITUTION")),
    ("F4.decided", N_("F4 Voluntary rehab decisions"), 0, ""),
    *_by_form("F4.decided", ("HOME", "PRIVATE", "PUBLIC", "REFORMATORY")),
    ("F4.subst_enrolled", N_("F4 Substitution treatment enrolments"), 0, ""),
    ("F5.ground", N_("F5 Compulsory rehab grounds found"), 0, ""),
    *((f"F5.ground.{c}", N_("ground"), 1, c) for c in ("a", "b", "c", "d", "dd")),
    ("F5.dossier", N_("F5 Dossiers opened (custody decided)"), 0, ""),
    ("F5.sent_to_court", N_("F5 Dossiers sent to court"), 0, ""),
    ("F5.court", N_("F5 Court decisions"), 0, ""),
    ("F5.court.ORDERED", N_("ordered"), 1, ""),
    ("F5.court.REJECTED", N_("rejected"), 1, ""),
    ("F5.transported", N_("F5 People taken to a facility"), 0, ""),
    ("F5.limitation_expired", N_("F5 Limitation expired"), 0, ""),
    ("F5.postponed", N_("F5 Postponements"), 0, ""),
    ("F5.exempted", N_("F5 Exemptions"), 0, ""),
    ("F5.exempt_person", N_("F5 Adults exempt from compulsory rehab (certified)"), 0, ""),
    ("F5.exempt_person.NO_CAPACITY", N_("no administrative-responsibility capacity"), 1, ""),
    ("F5.exempt_person.PREGNANT", N_("pregnant"), 1, ""),
    (
        "F5.exempt_person.CARER_OF_CHILD_UNDER_36_MONTHS",
        N_("woman or sole carer of a child under 36 months"),
        1,
        "",
    ),
    ("F6.completed", N_("F6 Rehab completed"), 0, ""),
    *_by_form(
        "F6.completed", ("HOME", "PRIVATE", "PUBLIC", "REFORMATORY", "SUBSTITUTION", "COMPULSORY")
    ),
    ("F6.postrehab_decided", N_("F6 Post-rehab management decisions"), 0, ""),
    ("F6.post_rehab_completed", N_("F6 Post-rehab management completed"), 0, ""),
    ("F7.reuse_in_mgmt", N_("F7 Re-use during user management"), 0, ""),
    ("F7.use_in_voluntary", N_("F7 Use during voluntary rehab"), 0, ""),
    ("F7.addicted_in_post_rehab", N_("F7 Addicted again during post-rehab"), 0, ""),
    ("F7.relapse", N_("F7 Relapse after completed rehab (tái nghiện)"), 0, ""),
    ("F8.decided", N_("F8 Electronic monitoring decisions"), 0, ""),
    ("F8.fitted", N_("F8 Devices fitted"), 0, ""),
    ("F8.violation", N_("F8 Violations"), 0, ""),
    *((f"F8.violation.{c}", N_("type"), 1, c) for c in ("a", "b", "c", "d", "dd")),
    ("F8.escalated", N_("F8 Escalated to compulsory rehab"), 0, ""),
    ("F9.moved_in", N_("F9 Moved in"), 0, ""),
    ("F9.moved_out", N_("F9 Moved out"), 0, ""),
    ("F9.died", N_("F9 Deaths"), 0, ""),
)
DIRECTIVE: tuple[Row, ...] = (
    ("D.registered", N_("People on the registers (K1 + K2 + K3)"), 0, ""),
    ("D.complete", N_("with a complete management file"), 1, ""),
    ("D.incomplete", N_("detected but without a complete file (toward the 100 % target)"), 1, ""),
    ("D.served", N_("reached by at least one service"), 1, ""),
    ("D.reviewed", N_("reviewed this year (annual review)"), 1, ""),
    ("D.new_users", N_("New drug users (first management decision)"), 0, ""),
    ("D.new_addicts", N_("New addicts (first determined addicted)"), 0, ""),
    ("D.relapsed", N_("People under management at the start who used again or relapsed"), 0, ""),
    (
        "D.relapse_base",
        N_("People under user or post-rehab management at the period's start"),
        0,
        "",
    ),
    ("D.cohort", N_("People who had completed rehab, at the period's start"), 0, ""),
    ("D.cohort_relapsed", N_("of whom addicted again this period (tái nghiện)"), 1, ""),
    ("D.cohort_12m", N_("People who had completed rehab, 12 months ago"), 0, ""),
    ("D.cohort_12m_relapsed", N_("of whom addicted again in the last 12 months"), 1, ""),
    ("D.cohort_prev12m", N_("People who had completed rehab, 24 months ago"), 0, ""),
    ("D.cohort_prev12m_relapsed", N_("of whom addicted again in the 12 months before"), 1, ""),
    ("D.watch", N_("Close-watch list"), 0, ""),
    ("D.watch_overdue", N_("of whom more than 30 days without contact"), 1, ""),
)
RATIOS: tuple[tuple[str, str, str, str], ...] = (
    ("R.complete", N_("Share with a complete management file"), "D.complete", "D.registered"),
    ("R.served", N_("Share reached by a service"), "D.served", "D.registered"),
    ("R.reviewed", N_("Share reviewed this year"), "D.reviewed", "D.registered"),
    ("R.reuse", N_("Re-use or relapse rate under management"), "D.relapsed", "D.relapse_base"),
    ("R.relapse", N_("Relapse rate (cohort, this period)"), "D.cohort_relapsed", "D.cohort"),
    (
        "R.relapse_12m",
        N_("Relapse rate (cohort, last 12 months)"),
        "D.cohort_12m_relapsed",
        "D.cohort_12m",
    ),
    (
        "R.relapse_prev12m",
        N_("Relapse rate (cohort, the 12 months before)"),
        "D.cohort_prev12m_relapsed",
        "D.cohort_prev12m",
    ),
)
"""Directive ratios: (code, words, numerator row, denominator row), in per cent."""
