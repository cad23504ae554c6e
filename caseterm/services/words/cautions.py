"""Words for the cautions the engine raises on an allowed event: what it believes, and why."""

from __future__ import annotations

from datetime import date

from caseterm.domain.lifecycle.model import Caution
from caseterm.i18n import N_, _
from caseterm.services.words.lifecycle import CLOSE_REASON, MEASURE, label
from caseterm.services.words.refusals import basis_text

CAUTION = {
    "court_term_differs": N_(
        "the court set {stated} months; the engine counts this as episode {episode} "
        "({believed} months) — {counted}"
    ),
    "court_term_not_stated": N_(
        "no term was entered; the engine assumes {believed} months for episode {episode} "
        "— {counted}. Enter the court's term if the decision states it"
    ),
    "position_under_a_month": N_(
        "the device has been at its place only since {since}, less than a month: move it "
        "earlier only at a clinic's request"
    ),
    "decision_term_differs": N_(
        "the decision states {stated} months; the engine counts this as episode {episode} "
        "({believed} months) — {counted}"
    ),
}


def describe_caution(caution: Caution) -> str:
    """The sentence a chief reads before confirming: the disagreement, the count, the law."""
    params = dict(caution.params)
    params["counted"] = counted_text(params.get("counted", ""))
    template = CAUTION.get(caution.code)
    reason = _(template).format(**params) if template else caution.code
    return _("{reason} (rule {rule}; legal basis: {basis}).").format(
        reason=reason, rule=caution.rule, basis=basis_text(caution.basis) or _("no legal text")
    )


def counted_text(counted: str) -> str:
    """The earlier episodes the engine counted, in words ('no earlier rehab started' if none)."""
    if not counted:
        return _("no earlier rehab started")
    parts = []
    for item in counted.split(";"):
        kind, started, ended = item.split(":")
        parts.append(
            _("{measure} started {day}, {ended}").format(
                measure=label(MEASURE, kind),
                day=date.fromisoformat(started).strftime("%d/%m/%Y"),
                ended=label(CLOSE_REASON, ended) if ended != "RUNNING" else _("still running"),
            )
        )
    return _("counted: {episodes}").format(episodes="; ".join(parts))
