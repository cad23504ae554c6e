"""Words for why the engine refuses an event and for the texts it cites (through the catalogs)."""

from __future__ import annotations

import re

from pydantic import ValidationError

from caseterm.domain.lifecycle.model import Cite, Refusal
from caseterm.i18n import N_, _, current_language
from caseterm.services.words.event_fields import choice_label, field_label
from caseterm.services.words.lifecycle import event_label, label, status_label

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
    "finding_before_this_management": N_(
        "the addiction finding is from before this management: a new determination is needed"
    ),
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
    "r2026_term_fixed": N_("a rehab term under Law 120/2025 is 24 or 36 months"),
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
    "exemption_adults_only": N_("the exemptions of Art 35(2) apply to adults only"),
    "already_exempt": N_("an exemption is already recorded and still holds"),
    "ground_not_recorded": N_(
        "record the compulsory ground first (with the exemption questions answered)"
    ),
    "exemption_not_screened": N_(
        "the exemption questions (no capacity, pregnant, carer of a child under 36 months) "
        "were not answered when the ground was recorded"
    ),
    "violation_after_finding": N_("the last violation is after the finding"),
    "registration_window_open": N_("the 24-hour registration window is still open"),
    "no_dossier": N_("there is no compulsory dossier"),
    "facility_already_requested": N_("the facility was already requested"),
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
    "no_post_rehab_decision": N_("the chairman has not decided post-rehab management"),
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
    "string_too_long": N_("{field}: at most {limit} characters"),
    "too_long": N_("{field}: at most {limit} entries"),
    "string_too_short": N_("{field}: cannot be empty"),
    "greater_than_equal": N_("{field}: at least {limit}"),
    "less_than_equal": N_("{field}: at most {limit}"),
    "int_parsing": N_("{field}: not a whole number"),
    "int_type": N_("{field}: not a whole number"),
    "bool_parsing": N_("{field}: write có or không (yes or no)"),
    "datetime_parsing": N_("{field}: not a date and time: use dd/mm/yyyy HH:MM"),
    "date_from_datetime_parsing": N_("{field}: not a date: use dd/mm/yyyy"),
    "timezone_aware": N_("{field}: not a date and time: use dd/mm/yyyy HH:MM"),
}
_LIMITS = ("max_length", "min_length", "ge", "le")


def payload_problems(event_type: str, error: ValidationError) -> list[str]:
    """One line per problem in a payload, naming the field by its label and saying the rule.

    Never echoes what was typed: a value may belong to another field, or be personal data.
    """
    problems = []
    for item in error.errors(include_url=False, include_input=False):
        name = str(item["loc"][0]) if item["loc"] else ""
        label = field_label(name)
        field = (
            (label if label == name else f"{label} ({name})") if name else event_label(event_type)
        )
        context = item.get("ctx", {})
        if item["type"] == "literal_error":
            codes = re.findall(r"'([^']*)'", str(context.get("expected", "")))
            allowed = "; ".join(f"{code}: {choice_label(event_type, name, code)}" for code in codes)
            problems.append(
                _("{field}: write one of — {allowed}").format(field=field, allowed=allowed)
            )
            continue
        template = _ERRORS.get(item["type"])
        limit = next((context[key] for key in _LIMITS if key in context), "")
        if template is None:
            problems.append(_("{field}: invalid value").format(field=field))
        else:
            problems.append(_(template).format(field=field, limit=_number(limit)))
    return problems


def _number(value: object) -> str:
    """A limit as the reader writes numbers (4.000 in Vietnamese, 4,000 in English)."""
    if not isinstance(value, int):
        return str(value)
    from babel.numbers import format_decimal

    return format_decimal(value, locale="vi" if current_language() == "vi" else "en")
