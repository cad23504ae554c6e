"""The person file's identity block and profile as (label, value) rows for the file screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from caseterm.i18n import _
from caseterm.services.words.labels import code_label
from caseterm.services.words.messages import field_label

if TYPE_CHECKING:
    from caseterm.domain.person import PastRehab, PersonRecord, PriorDecision


def identity_rows(record: PersonRecord) -> list[tuple[str, str]]:
    """(label, value) pairs of the identity block, empty values left out."""
    document = f"{record.id_type.value} {record.id_number}" if record.id_type else ""
    status = record.residence_status.value if record.residence_status else None
    rows = [
        ("aliases", ", ".join(record.aliases)),
        ("sex", code_label(record.sex.value)),
        ("birth", record.birth.display()),
        ("id_number", document),
        ("village", record.village),
        ("permanent_address", record.permanent_address),
        ("temporary_address", record.temporary_address),
        ("current_address", record.current_address),
        ("residence_status", code_label(status)),
        ("birth_place", record.birth_place),
        ("ethnicity", record.ethnicity),
        ("religion", record.religion),
        ("nationality", record.nationality),
        ("education", record.education),
        ("education_level", code_label(level) if (level := record.education_level) else ""),
        ("occupation", record.occupation),
        ("workplace", record.workplace),
        ("phone", record.phone),
        ("social_account", record.social_account),
    ]
    return [(field_label(name), value) for name, value in rows if value]


def profile_rows(record: PersonRecord) -> list[tuple[str, str]]:
    """(label, value) pairs of the drug-use profile."""
    profile = record.profile
    psychosis = {True: _("yes"), False: _("no"), None: ""}[profile.psychosis]
    rows = [
        (_("Drug types"), ", ".join(code_label(d.value) for d in profile.drug_types)),
        (_("Route"), ", ".join(code_label(r.value) for r in profile.routes)),
        (_("Use started"), profile.use_started.display() if profile.use_started else ""),
        (_("Frequency"), profile.frequency),
        (_("Drug-induced psychosis"), psychosis),
        (_("Previous voluntary rehab"), str(profile.previous_voluntary_rehab or "")),
        (_("Prior record"), profile.prior_record),
        *((field_label("prior_decisions"), prior_words(d)) for d in profile.prior_decisions),
        *((field_label("past_rehab"), past_rehab_words(e)) for e in profile.past_rehab),
    ]
    return [(label, value) for label, value in rows if value]


def prior_words(decision: PriorDecision) -> str:
    """One earlier conviction or sanction on one line: kind, number, date, issuer, measure."""
    day = decision.decided_on.display() if decision.decided_on else ""
    parts = (code_label(decision.kind.value), decision.number, day, decision.issuer,
             decision.measure)  # fmt: skip
    return " · ".join(part for part in parts if part)


def past_rehab_words(episode: PastRehab) -> str:
    """One earlier rehab episode on one line: form, place, period, decision."""
    period = "–".join(d.display() for d in (episode.started, episode.ended) if d is not None)
    parts = (code_label(episode.form.value), episode.place, period, episode.decision_no,
             episode.authority)  # fmt: skip
    return " · ".join(part for part in parts if part)
