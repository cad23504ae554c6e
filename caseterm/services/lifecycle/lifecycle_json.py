"""A derived lifecycle as plain JSON: the stored projection's summary, `--json` and verification."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from caseterm.clock import utc_iso
from caseterm.domain.lifecycle import Derived
from caseterm.domain.lifecycle.model import Cite, Deadline, Measure


def cite_code(cite: Cite) -> str:
    """The compact form of a citation: "L120 35(1)(a)"."""
    text = f"{cite.instrument} {cite.article}"
    if cite.clause is not None:
        text += f"({cite.clause})"
    if cite.point is not None:
        text += f"({cite.point})"
    return text


def moment_json(value: datetime | None) -> str | None:
    """A moment as stored (UTC ISO), or None."""
    return None if value is None else utc_iso(value)


def measure_json(measure: Measure) -> dict[str, Any]:
    """One measure, with its term computed."""
    return {
        "id": measure.id,
        "kind": measure.kind.value,
        "regime": measure.regime.value,
        "phase": measure.phase.value,
        "form": measure.form.value if measure.form else None,
        "case": measure.case,
        "flags": sorted(flag.value for flag in measure.flags),
        "opened_at": moment_json(measure.opened_at),
        "term_start": moment_json(measure.term_start),
        "term_months": measure.term_months,
        "term_end": moment_json(measure.term_end()),
        "episode": measure.episode,
        "closed_at": moment_json(measure.closed_at),
        "close_reason": measure.close_reason.value if measure.close_reason else None,
        "counters": dict(sorted(measure.counters.items())),
    }


def deadline_json(deadline: Deadline) -> dict[str, Any]:
    """One open deadline."""
    return {
        "code": deadline.code,
        "key": deadline.key,
        "due_at": utc_iso(deadline.due_at),
        "visible_from": moment_json(deadline.visible_from),
        "measure_id": deadline.measure_id,
        "opened_by": deadline.opened_by,
        "basis": [cite_code(cite) for cite in deadline.basis],
        "params": dict(sorted(deadline.params.items())),
    }


def derived_json(state: Derived) -> dict[str, Any]:
    """Everything derived, as stable JSON (the projection's summary and `--json` output)."""
    return {
        "status": state.status.value,
        "flags": sorted(state.flags),
        "registers": sorted(register.value for register in state.registers),
        "measures": [measure_json(m) for m in state.measures],
        "deadlines": [deadline_json(d) for d in state.deadlines],
        "refused": {
            event_id: {"rule": refusal.rule, "reason": refusal.reason}
            for event_id, refusal in sorted(state.refused.items())
        },
        "voided": dict(sorted(state.voided.items())),
        "last_contact": moment_json(state.last_contact),
        "reviews": sorted(state.reviews),
        "relapses": state.relapses,
    }
