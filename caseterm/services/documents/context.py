"""Everything a form prints, gathered from the file, the unit's header and the event.

The context has five parts: `h` (the unit's header), `doc` (number and date), `p` (the person),
`r` (the résumé's items), `e` (the event), plus `sign` and `recipients`. A form's manifest
names the keys it cannot do without; `missing_keys` lists those the file does not hold, and
nothing is written until they are given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from caseterm.domain.documents import date_words, vi_upper
from caseterm.domain.lifecycle import LifeEvent
from caseterm.errors import UsageError
from caseterm.i18n import _
from caseterm.services.documents.context_device import DEVICE_BUILDERS
from caseterm.services.documents.context_dossier import DOSSIER_BUILDERS
from caseterm.services.documents.context_event import event_block, handover, local
from caseterm.services.documents.context_management import MANAGEMENT_BUILDERS
from caseterm.services.documents.context_person import person_block, record_block
from caseterm.services.documents.templates import FormInfo, TemplateSet
from caseterm.services.registry.persons import PersonFile

HANDOVER = "V-23"
KEPT_NUMBER = "kept_numbers"
"""The event block's key for the numbers the file's notices took (event id → number)."""


@dataclass(frozen=True)
class Header:
    """The unit's document header (catalogue §6 A1–A7), as an administrator set it."""

    province_police: str = ""
    commune: str = ""
    place: str = ""
    committee: str = ""
    advising_unit: str = ""
    chief_name: str = ""
    chief_rank: str = ""
    officers: tuple[Officer, ...] = ()
    """The unit's officers with their rank and title, set once, so no form asks for them."""

    @classmethod
    def from_stored(cls, stored: dict[str, Any]) -> Header:
        """The header from its stored JSON (unknown keys, such as the number format, ignored)."""
        known = {k: str(v) for k, v in stored.items()
                 if k in cls.__dataclass_fields__ and k != "officers"}  # fmt: skip
        roster = stored.get("officers") or {}
        officers = tuple(Officer(str(name), str(v.get("rank", "")), str(v.get("title", "")))
                         for name, v in sorted(roster.items()))  # fmt: skip
        return cls(**known, officers=officers)

    def officer(self, written: str) -> Officer | None:
        """The roster's officer an event names ("Trung úy Lê Văn Bình" finds "Lê Văn Bình")."""
        text = " ".join(written.split()).casefold()
        for officer in self.officers:
            name = " ".join(officer.name.split()).casefold()
            if text == name or text.endswith(" " + name):
                return officer
        return None


@dataclass(frozen=True)
class Officer:
    """An officer of the unit as the forms print them (catalogue gap A6)."""

    name: str
    rank: str
    title: str


def build_context(
    file: PersonFile,
    event: LifeEvent | None,
    form: FormInfo,
    templates: TemplateSet,
    header: Header,
    details: dict[str, str],
    today: date,
    compiler: str,
    *,
    numbers: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The whole context of one document.

    `numbers` are the register numbers the file's notices took when first printed, by event.
    """
    words = templates.words
    e: dict[str, Any] = {"officer": compiler}
    if event is not None:
        e = event_block(file, event, words, details)
        e[KEPT_NUMBER] = dict(numbers or {})
        later = (DOSSIER_BUILDERS.get(event.type) or MANAGEMENT_BUILDERS.get(event.type)
                 or DEVICE_BUILDERS.get(event.type))  # fmt: skip
        if later is not None:
            e.update(later(file, event, words, e))
        if form.form == HANDOVER:
            main = next((f for f in templates.forms.values() if event.type in f.events
                         and f.form != HANDOVER), None)  # fmt: skip
            e.update(handover(file, event, words, e, main.title if main else ""))
        issuer = str(words.get(e.get("mgmt_issuer_key", "chief_of"), "{commune}"))
        e["mgmt_issuer"] = issuer.format(commune=header.commune)
    _from_roster(e, header)
    day = local(event.occurred_at).date() if event is not None else today
    e["local_government_law"] = law_in_force(words, "local_government_law", day)
    h = header_block(header, words)
    sign = (
        chair_signer(event, details, words)
        if form.issuer == "committee"
        else signer(event, header, details, words)
    )
    context: dict[str, Any] = {
        "h": h,
        "doc": {"number": _number(form, e), "date_words": date_words(day)},
        "p": person_block(file.person.record, words),
        "r": record_block(file, words, today),
        "e": e,
        "sign": sign,
    }
    context["recipients"] = recipients(form, context, words)
    return context


def unit_context(header: Header, words: dict[str, Any], today: date) -> dict[str, Any]:
    """The parts of a unit's document (a register, the report) that no person fills."""
    return {
        "h": header_block(header, words),
        "doc": {"number": "", "date_words": date_words(today)},
        "p": {"full_name": ""},
        "e": {},
        "sign": signer(None, header, {}, words),
    }


def _from_roster(e: dict[str, Any], header: Header) -> None:
    """The named officer's rank and title from the unit's roster, where the event lacks them."""
    officer = header.officer(str(e.get("officer") or ""))
    if officer is None:
        return
    if not e.get("officer_rank") and officer.rank:
        e["officer_rank"] = officer.rank
    if not e.get("officer_title") and officer.title:
        e["officer_title"] = officer.title


def _number(form: FormInfo, e: dict[str, Any]) -> str:
    """The document's number: the event key the form names, else the decision's.

    A test slip carries its slip number, a certificate its certificate number.
    """
    return str(e.get(form.number_from or "decision_no", "")) or ""


def header_block(header: Header, words: dict[str, Any]) -> dict[str, str]:
    """The unit's header as the forms print it (names in capitals where the header has them)."""
    named = str(words["committee_of"]).format(commune=header.commune) if header.commune else ""
    committee = header.committee or named
    return {
        "province_police": vi_upper(header.province_police),
        "commune_police": vi_upper(str(words["police_of"]).format(commune=header.commune))
        if header.commune
        else "",
        "commune_upper": vi_upper(header.commune),
        "committee_upper": vi_upper(committee),
        "commune_name": header.commune,
        "place": header.place,
        "committee": committee,
        "advising_unit": header.advising_unit,
        "province": header.province_police,
    }


def signer(
    event: LifeEvent | None, header: Header, details: dict[str, str], words: dict[str, Any]
) -> dict[str, str]:
    """Who signs: the event's signer, else the one given for it, else the unit's chief.

    A deputy signs "KT. TRƯỞNG CÔNG AN" over "PHÓ TRƯỞNG CÔNG AN".
    """
    payload = event.payload if event is not None else None
    name = getattr(payload, "signer", None) or details.get("signer") or header.chief_name
    own_rank = getattr(payload, "signer_rank", None) or details.get("signer_rank")
    listed = header.officer(name) if name else None
    rank = own_rank or (header.chief_rank if name == header.chief_name else "")
    rank = rank or (listed.rank if listed is not None and not name.startswith(listed.rank) else "")
    deputy = bool(getattr(payload, "deputy", False))
    prefix, title = (
        (str(words["signing_deputy"][0]), str(words["signing_deputy"][1]))
        if deputy
        else (str(words["signing_chief"]), "")
    )
    return {
        "prefix": prefix,
        "title": title,
        "rank_name": " ".join(part for part in (rank, name) if part) if name else "",
    }


def chair_signer(
    event: LifeEvent | None, details: dict[str, str], words: dict[str, Any]
) -> dict[str, str]:
    """The People's Committee chairman signing a decision of theirs (the legacy ND105 forms).

    The name is the event's signer or the one given for it, never the police chief's; a vice
    chairman signs "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH".
    """
    payload = event.payload if event is not None else None
    name = getattr(payload, "signer", None) or details.get("signer") or ""
    if getattr(payload, "deputy", False):
        prefix, title = (str(part) for part in words["signing_chair_deputy"])
    else:
        prefix, title = str(words["signing_chair"]), ""
    return {"prefix": prefix, "title": title, "rank_name": name}


def law_in_force(words: dict[str, Any], key: str, day: date) -> str:
    """The citation of a law in force on `day`.

    The set lists (from ISO date, text), newest first, the last with no date.
    """
    try:
        for since, text in words.get(key, []):
            if not since or day >= date.fromisoformat(since):
                return str(text)
    except (TypeError, ValueError) as error:  # a hand-made set: say so, never a traceback
        raise UsageError(
            _("The template set's {key} is not valid ({reason}); install a correct set.").format(
                key=key, reason=error
            )
        ) from error
    return ""


def recipients(form: FormInfo, context: dict[str, Any], words: dict[str, Any]) -> list[str]:
    """The "Nơi nhận" lines the form's manifest names, those the context can fill."""
    values = {
        "person": str(words["recipient_person"]).format(name=context["p"]["full_name"]),
        "team": str(words["recipient_team"]),
        "committee": context["h"]["committee"],
        "officer": str(words["recipient_officer"]).format(officer=context["e"].get("officer", "")),
        "pc04": str(words["recipient_pc04"]).format(province=context["h"]["province"]),
        "archive": str(words["archive"]),
        "police": str(words.get("recipient_police", "{commune}")).format(
            commune=context["h"]["commune_name"]
        )
        if context["h"]["commune_name"]
        else "",
        "family": str(words.get("recipient_family", "")),
        "destination_chair": str(words.get("recipient_destination_chair", "")).format(
            destination=context["e"].get("destination", "")
        )
        if context["e"].get("destination")
        else "",
        "destination": str(words.get("recipient_destination", "{destination}")).format(
            destination=context["e"].get("destination", "")
        )
        if context["e"].get("destination")
        else "",
        "court": str(words.get("recipient_court", "{court}")).format(
            court=context["e"].get("court", "")
        ),
        "facility": str(words.get("recipient_facility", "{facility}")).format(
            facility=context["e"].get("facility", "")
        ),
    }
    lines = [values[token] for token in form.recipients if values.get(token, "").strip()]
    return [line + (";" if i < len(lines) - 1 else ".") for i, line in enumerate(lines)]


def missing_keys(context: dict[str, Any], form: FormInfo) -> list[str]:
    """The required keys (`e.summary`, `h.place`…) the context leaves empty."""
    missing = []
    for key in form.required:
        if key == "doc.number" and form.number_kind:
            continue  # given from the register when the document is written
        part, _, name = key.partition(".")
        value = context.get(part, {}).get(name)
        if value is None or (isinstance(value, str | list) and not value):
            missing.append(key)
    return missing
