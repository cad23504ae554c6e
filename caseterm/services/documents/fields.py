"""What a missing document field is called, and where the officer gives it.

Three kinds of missing value, three answers: the person's record (stored in the file, audited
as any change), the event's document details (kept with the event), and the unit's header
(only an administrator sets it: `caseterm-admin unit header`). A value the engine derives (a
term, a decision it refers to) cannot be typed in: the file needs the event that says it.
"""

from __future__ import annotations

from dataclasses import dataclass

from caseterm.i18n import N_, _
from caseterm.services.documents.context_event import DETAIL_FIELDS
from caseterm.services.documents.context_person import PERSON_FIELDS

HEADER_OPTIONS = {
    "h.province_police": "--province-police",
    "h.commune_police": "--commune",
    "h.commune_name": "--commune",
    "h.commune_upper": "--commune",
    "h.place": "--place",
    "h.advising_unit": "--advising-unit",
}
LABELS = {
    "p.full_name": N_("Full name"),
    "p.birth_place": N_("Place of birth"),
    "p.origin_place": N_("Place of origin (quê quán)"),
    "p.residence": N_("Permanent or temporary residence"),
    "p.residence_or_current": N_("Residence or current address"),
    "p.current_address": N_("Current address"),
    "p.ethnicity": N_("Ethnicity"),
    "p.education": N_("Education"),
    "r.education_boxes": N_(
        "Education level (chưa đi học, tiểu học, THCS, THPT, đại học, sau đại học)"
    ),
    "p.occupation": N_("Occupation"),
    "p.id_issue_date": N_("ID issue date"),
    "p.id_issue_place": N_("ID issue place"),
    "e.summary": N_("Summary of the facts"),
    "e.slip_no": N_("Test slip number"),
    "e.tester": N_("Tester"),
    "e.place": N_("Place"),
    "e.officer": N_("Officer in charge"),
    "e.officer_rank": N_("Officer's rank"),
    "e.officer_title": N_("Officer's title"),
    "e.team_deputy": N_("Village representative on the team"),
    "e.handover_place": N_("Where the document was handed over"),
    "e.second_officer": N_("Second officer making the record"),
    "e.witnesses": N_("Witnesses (name, occupation, address)"),
    "e.proposed_measures": N_("Proposed measures and who carries them out"),
    "e.family_member": N_("Family member who helps"),
    "e.recipient_name": N_("Name of the person the notice is given to"),
    "e.custody_kind": N_("Kind of custody (tạm giữ or tạm giam)"),
    "e.custody_term": N_("Term of the custody, as its decision says (03 ngày, 02 tháng)"),
    "e.custody_until": N_("Last day of the custody"),
    "e.custody_decision": N_("The custody decision (number, date, by whom)"),
    "e.destination": N_("Where the person moved to"),
    "e.parent_name": N_("Parent, guardian or legal representative (name, relation)"),
    "e.notice_no": N_("The committee's notice number (…/TB-UBND)"),
    "e.basis_documents": N_("The documents the decision rests on (what shows the case)"),
    "e.emon_decision": N_("The e-monitoring decision"),
    "e.suspend_from": N_("Start of the suspension"),
    "e.violation_words": N_("The violation"),
    "e.ground_words": N_("The ground for compulsory rehab"),
    "e.facility": N_("Facility"),
    "e.court": N_("Court"),
    "e.certificate_no": N_("Completion certificate number"),
    "e.postrehab_decision": N_("The post-rehab decision"),
    "e.notice_date": N_("Date of the completion notice"),
    "sign.rank_name": N_("Signer's rank and name"),
    "doc.number": N_("Document number"),
    "e.positive_date": N_("Date of the positive test"),
    "e.term": N_("Term"),
    "e.term_start": N_("Start of the term"),
    "e.term_from": N_("Start of the term"),
    "e.term_to": N_("End of the term"),
    "e.mgmt_decision": N_("The management decision"),
    "e.mgmt_decision_date": N_("Date of the management decision"),
    "e.basis_document": N_("The decision the measure is based on"),
    "e.decision_no": N_("Decision number"),
    "e.decision_date": N_("Decision date"),
    "e.result_words": N_("Test result (not pending)"),
    "e.method": N_("Test method"),
    "e.device_no": N_("Device number"),
    "e.position": N_("Where the device is worn"),
    "e.handed_document": N_("The document handed over"),
    "h.province_police": N_("Provincial police"),
    "h.commune_police": N_("Commune police"),
    "h.commune_name": N_("Commune police"),
    "h.commune_upper": N_("Commune police"),
    "h.place": N_("Place name"),
    "h.advising_unit": N_("Advising unit"),
}


@dataclass(frozen=True)
class MissingField:
    """One value a form needs and the file lacks."""

    key: str
    label: str
    fill: str
    """What to type after `--set` (`birth_place`), or "" when the officer cannot give it."""
    how: str
    """Where it is given, in words."""


def fill_name(key: str) -> str:
    """The `--set` name of a key the officer may give, or ""."""
    part, _sep, name = key.partition(".")
    if key in PERSON_FIELDS:
        return PERSON_FIELDS[key]
    if part == "e" and name in DETAIL_FIELDS:
        return name
    if key == "sign.rank_name":
        return "signer"
    return ""


def describe_missing(key: str) -> MissingField:
    """A missing key in words, with where to give it."""
    label = _(LABELS.get(key, key))
    fill = fill_name(key)
    if key in HEADER_OPTIONS:
        how = _("an administrator sets it: caseterm-admin unit header {option} …").format(
            option=HEADER_OPTIONS[key]
        )
    elif key == "sign.rank_name":
        how = _(
            "give the signer (--set signer=… --set signer_rank=…), or an administrator sets the "
            "chief: caseterm-admin unit header --chief-name … --chief-rank …"
        )
    elif key in {"e.officer_rank", "e.officer_title"}:
        how = _(
            "kept with the event: --set {name}=…; or once for every form: caseterm-admin unit "
            "officer NAME --rank … --title …"
        ).format(name=fill)
    elif key in PERSON_FIELDS:
        how = _("kept in the person's record: --set {name}=…").format(name=fill)
    elif fill:
        how = _("kept with the event for its documents: --set {name}=…").format(name=fill)
    else:
        how = _("the file does not say it: record the event that does first")
    return MissingField(key, label, fill, how)


def is_fillable(name: str) -> bool:
    """True for a `--set` name the officer may give."""
    return name in PERSON_FIELDS.values() or name in DETAIL_FIELDS
