"""What each lettered point means, where a payload field names a point of an article.

A form that offered only "point a … point i" made the officer open the decree; each point here
says what it is, in a few words, for the event and field it belongs to.
"""

from __future__ import annotations

from caseterm.i18n import N_, _

_TEST_GROUNDS = {  # ND163 Art 56(1)
    "a": N_("a verified tip-off"),
    "b": N_("information from a violation case"),
    "c": N_("loss of cognitive or behavioural control suspected to be drug-related"),
    "d": N_("drug traces or paraphernalia on the person, vehicle or at home"),
    "dd": N_("a driver showing signs of stimulant use"),
    "e": N_("present at a drug venue without good reason"),
    "g": N_("self-declared"),
    "h": N_("caught in the act"),
    "i": N_("another legal ground"),
}
_ASSESSMENT_CASES = {  # L120 Art 31(1)
    "a": N_("the person asks for it"),
    "b": N_("registering for voluntary rehab without a certificate under 6 months old"),
    "c": N_("used again during user management"),
    "d": N_("used during post-rehab management"),
    "dd": N_("no stable residence"),
}
_COMPULSORY_GROUNDS = {  # L120 Art 35(1), 36(1)
    "a": N_("did not register, did not start, or stopped voluntary rehab"),
    "b": N_("used drugs during voluntary rehab"),
    "c": N_("did not register, start or keep to substitution treatment"),
    "d": N_("addicted again during post-rehab management"),
    "dd": N_("addicted, with no stable residence"),
}
_EMON_VIOLATIONS = {  # ND163 Art 24(1)
    "a": N_("destroyed or tampered with the device"),
    "b": N_("refuses to wear the device"),
    "c": N_("removed the device"),
    "d": N_("let the battery run flat on purpose"),
    "dd": N_("did not present within 24 h after a removal or pause"),
}
_REHAB_STAGES = {  # L120 Art 29(2)
    "a": N_("reception and classification"),
    "b": N_("detoxification"),
    "c": N_("education and behaviour change"),
    "d": N_("labour therapy"),
    "dd": N_("preparing to return to the community"),
}
POINTS: dict[tuple[str, str], dict[str, str]] = {
    ("test.performed", "ground"): _TEST_GROUNDS,
    ("assessment.requested", "case"): _ASSESSMENT_CASES,
    ("compulsory.ground_found", "ground"): _COMPULSORY_GROUNDS,
    ("emon.violation", "code"): _EMON_VIOLATIONS,
    ("rehab.stage_reported", "stage"): _REHAB_STAGES,
}
"""(event type, field) → point letter → its meaning."""


def point_meaning(event_type: str, field: str, code: str) -> str:
    """What point `code` of the field means for this event ("" when it is not a point)."""
    meaning = POINTS.get((event_type, field), {}).get(code)
    return _(meaning) if meaning else ""
