"""The structured history a résumé and a lý lịch print (catalogue gaps B1, B2, B4, B5).

The education level as the résumé's six boxes, the earlier convictions and sanctions as its
four boxes and their decisions one by one, the rehab episodes from before the file with the
ones caseterm recorded, and each parent's ID with its issue place and date. What a legacy file
wrote as free text (`prior_record`, a count of earlier rehab) is printed when nothing
structured replaces it, never dropped.
"""

from __future__ import annotations

from typing import Any

from caseterm.domain.codes import EducationLevel, PastRehabForm, PriorKind
from caseterm.domain.documents import short_date
from caseterm.domain.lifecycle.model import MeasureKind
from caseterm.domain.person import FamilyMember, PastRehab, PersonRecord, PriorDecision
from caseterm.services.registry.persons import PersonFile

CONVICTIONS = frozenset({PriorKind.DRUG_CONVICTION, PriorKind.OTHER_CONVICTION})
REHAB_FORMS = frozenset({PastRehabForm.VOLUNTARY_HOME, PastRehabForm.VOLUNTARY_FACILITY,
                         PastRehabForm.COMPULSORY})  # fmt: skip
VOLUNTARY = frozenset({PastRehabForm.VOLUNTARY_HOME, PastRehabForm.VOLUNTARY_FACILITY})


def history_block(file: PersonFile, words: dict[str, Any]) -> dict[str, Any]:
    """The résumé's items 11, 13–14, 16 and 22 and the lý lịch's 12–13 and 17–19."""
    record = file.person.record
    profile = record.profile
    yes, no, none = str(words["yes_box"]), str(words["no_box"]), str(words["none"])
    decisions = profile.prior_decisions
    lines = [_prior_line(i, d, words) for i, d in enumerate(decisions, start=1)]
    legacy = [profile.prior_record] if profile.prior_record else []
    kinds = {d.kind for d in decisions}
    count, details = _rehab_history(file, words)
    return {
        "education_boxes": _education(record, words, yes, no),
        "prior_boxes": [
            {"label": str(words["prior_box"][k.value]), "box": yes if k in kinds else no}
            for k in PriorKind
        ],
        "prior_decisions": "; ".join(lines + legacy) or none,
        "convictions": "; ".join(_numbered(decisions, words, convictions=True)) or none,
        "sanctions": "; ".join(_numbered(decisions, words, convictions=False)) or none,
        "prior_note": profile.prior_record,
        "rehab_yes_no": str(words["yes_word"]) if count else none,
        "rehab_times": "   ".join(
            f"{yes if _times_key(count) == key else no} {label}"
            for key, label in sorted(words["rehab_times"].items())
        ),
        "rehab_details": "; ".join(details) or none,
        "father_id": _parent_id(_member(record.family, "father"), words),
        "mother_id": _parent_id(_member(record.family, "mother"), words),
        **_past_by_item(profile.past_rehab, words),
    }


def _education(record: PersonRecord, words: dict[str, Any], yes: str, no: str) -> str:
    """The six boxes with the level ticked; the words as written when no level was given."""
    level = record.education_level
    if level is None:
        return record.education
    labels = words["education_box"]
    boxes = "   ".join(f"{yes if lv is level else no} {labels[lv.value]}" for lv in EducationLevel)
    return f"{boxes} ({record.education})" if record.education else boxes


def _prior_line(n: int, decision: PriorDecision, words: dict[str, Any]) -> str:
    reference = str(words["decision_ref"]).format(
        number=decision.number or "-",
        date=short_date(decision.decided_on) or "-",
        issuer=decision.issuer or "-",
    )
    what = f"{reference}: {decision.measure}" if decision.measure else reference
    return str(words["prior_line"]).format(n=n, what=what)


def _numbered(
    decisions: tuple[PriorDecision, ...], words: dict[str, Any], *, convictions: bool
) -> list[str]:
    """The convictions (the lý lịch's item 12) or the sanctions (item 13), each counted."""
    chosen = [d for d in decisions if (d.kind in CONVICTIONS) is convictions]
    return [_prior_line(n, d, words) for n, d in enumerate(chosen, start=1)]


def _times_key(count: int) -> str:
    return str(min(count, 4)) if count else ""


def _rehab_history(file: PersonFile, words: dict[str, Any]) -> tuple[int, list[str]]:
    """How many times the person went through rehab, and each time in words.

    The episodes from before the file, then those caseterm recorded; a legacy count stands for
    the earlier ones when none was entered one by one.
    """
    past = [e for e in file.person.record.profile.past_rehab if e.form in REHAB_FORMS]
    kept = [m for m in file.lifecycle.measures
            if m.kind in (MeasureKind.VOLUNTARY_REHAB, MeasureKind.COMPULSORY)]  # fmt: skip
    earlier = len(past) if past else file.person.record.profile.previous_voluntary_rehab
    details = [_past_line(e, words) for e in past]
    for measure in kept:
        place = str(words["rehab_place"].get(measure.form.value, "")) if measure.form else ""
        form = PastRehabForm.COMPULSORY if measure.kind is MeasureKind.COMPULSORY else None
        label = str(words["past_form"][form.value]) if form else place
        details.append(f"{label}, {short_date(measure.opened_at.date())}".strip(", "))
    return earlier + len(kept), details


def _past_line(episode: PastRehab, words: dict[str, Any], *, with_form: bool = True) -> str:
    decision = ""
    if episode.decision_no or episode.authority:
        reference = f"{episode.decision_no} {episode.authority}".strip()
        decision = str(words["past_decision"]).format(decision=reference)
    return str(words["past_line"]).format(
        form=words["past_form"][episode.form.value] if with_form else "",
        place=str(words["past_place"]).format(place=episode.place) if episode.place else "",
        period=str(words["past_period"]).format(
            started=short_date(episode.started) or "-", ended=short_date(episode.ended) or "-"
        )
        if episode.started or episode.ended
        else "",
        decision=decision,
    )


def _past_by_item(episodes: tuple[PastRehab, ...], words: dict[str, Any]) -> dict[str, str]:
    """The lý lịch's items 17–19 from before the file, to print before caseterm's own."""

    def lines(forms: frozenset[PastRehabForm]) -> str:
        # The item names the kind already; a facility episode under item 17 says it was one.
        chosen = [e for e in episodes if e.form in forms]
        return "; ".join(
            _past_line(e, words, with_form=e.form is PastRehabForm.VOLUNTARY_FACILITY).strip()
            for e in chosen
        )

    return {
        "past_voluntary": lines(VOLUNTARY),
        "past_post_rehab": lines(frozenset({PastRehabForm.POST_REHAB})),
        "past_compulsory": lines(frozenset({PastRehabForm.COMPULSORY})),
    }


def _member(family: tuple[FamilyMember, ...], relation: str) -> FamilyMember | None:
    return next((m for m in family if m.relation == relation), None)


def _parent_id(member: FamilyMember | None, words: dict[str, Any]) -> str:
    none = str(words["none"])
    if member is None or not member.id_number:
        return none
    return str(words["parent_id"]).format(
        id=member.id_number,
        place=member.id_issue_place or none,
        date=short_date(member.id_issue_date) or none,
    )
