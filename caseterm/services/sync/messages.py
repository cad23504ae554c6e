"""Sentences for the codes a refused bundle or acknowledgement carries (through the catalogs).

The code itself is kept on the error (`BundleRefused.code`) and printed with it, so a district
clerk on the phone to a commune can name the check that failed in either language.
"""

from __future__ import annotations

from caseterm.domain.bundle import BundleRejected
from caseterm.errors import BundleRefused
from caseterm.i18n import N_, _

REJECTION_TEXTS = {
    "not_a_bundle": N_("This file is not a caseterm bundle."),
    "bundle_too_large": N_("The bundle is larger than any monthly bundle can be."),
    "header": N_("The bundle's header is malformed ({detail})."),
    "truncated": N_("The bundle is cut short ({detail}); copy it again from the commune."),
    "manifest_too_large": N_("The bundle's manifest is too large."),
    "manifest_not_json": N_("The bundle's manifest is not valid JSON."),
    "manifest_not_object": N_("The bundle's manifest is malformed."),
    "manifest_field": N_("The bundle's manifest has a wrong value in: {detail}."),
    "manifest_not_canonical": N_("The bundle's manifest is not in its signed form."),
    "bad_signature": N_("The bundle's signature does not match: it was changed after signing."),
    "bad_recipient": N_("The district's recipient key is not a valid age key."),
    "payload_hash": N_("The bundle's encrypted part was changed after signing."),
    "cannot_decrypt": N_("The bundle cannot be decrypted with this district's key."),
    "inner_manifest_mismatch": N_(
        "The encrypted part belongs to another bundle (it was moved or re-encrypted)."
    ),
    "record": N_("A record of the bundle is invalid, so none was applied: {detail}."),
    "unknown_unit": N_("The commune {detail} is not enrolled at this district."),
    "untrusted_key": N_("The bundle is signed with a key this district does not trust: {detail}."),
    "key_change": N_(
        "The bundle's statement introducing a new signing key is not valid ({detail})."
    ),
    "wrong_recipient": N_("The bundle was made for another district ({detail})."),
    "replay": N_("This bundle is older than one already applied ({detail}): it is a replay."),
    "equivocation": N_(
        "The commune sent two different bundles with the same sequence number ({detail}). "
        "Nothing was applied; an alert was recorded."
    ),
    "broken_chain": N_(
        "The bundle does not follow the last bundle applied from this commune ({detail})."
    ),
    "illegal_event": N_(
        "The bundle holds an event the law does not allow at that point of the file, which the "
        "commune's own program would have refused ({detail}). Nothing was applied; an alert "
        "was recorded."
    ),
    "held_refused": N_(
        "This bundle was held and then refused at its turn ({detail}): see caseterm-admin "
        "district held list, then drop or release it."
    ),
    "audit_rewritten": N_(
        "The commune's audit log no longer continues what its earlier bundles showed ({detail}): "
        "history already sent was changed or cut. Nothing was applied; an alert was recorded."
    ),
    "audit_head": N_(
        "The bundle's audit entries do not end at the head its signed manifest names ({detail})."
    ),
    "period_backwards": N_("The bundle's month is before the month already applied ({detail})."),
    "not_district": N_("This store is not a district store."),
    "not_an_ack": N_("This file is not a caseterm acknowledgement."),
    "ack_too_large": N_("The acknowledgement file is too large."),
    "ack_header": N_("The acknowledgement file is malformed."),
    "ack_field": N_("The acknowledgement file has a wrong value."),
    "ack_signature": N_("The acknowledgement is not signed by the district this commune sends to."),
    "ack_other_unit": N_("The acknowledgement is for another commune ({detail})."),
    "ack_unknown_bundle": N_(
        "The acknowledgement names a bundle this commune did not make ({detail})."
    ),
}


def refused(rejection: BundleRejected) -> BundleRefused:
    """The user's error for a rejection found by the format checks or the services."""
    return refusal(rejection.code, rejection.detail)


def refusal(code: str, detail: str = "") -> BundleRefused:
    """The user's error for a check named by `code`."""
    text = REJECTION_TEXTS.get(code)
    message = _(text).format(detail=detail) if text else _("The bundle was refused.")
    return BundleRefused(message, code)
