"""The flow indicators F1–F9 (legal spec §5.2): what one step of a replay adds to the period.

A step is an applied event, or a change time alone makes (a missed window opens a compulsory
dossier, a limitation runs out). Decisions and findings are counted from the events; openings
and endings of measures from what the step changed, so that a dossier opened by a missed
registration counts exactly as one opened by an event.
"""

from __future__ import annotations

from dataclasses import dataclass

from caseterm.domain.lifecycle.fold import LifeEvent
from caseterm.domain.lifecycle.model import CloseReason, MeasureKind
from caseterm.domain.lifecycle.payloads_management import TestPerformed
from caseterm.domain.lifecycle.payloads_rehab import AssessmentResult

EVENT_FLOWS: dict[str, tuple[str, str | None]] = {
    "test.performed": ("F1.test", "ground"),
    "mgmt.decided": ("F2.decided", "reason"),
    "assessment.requested": ("F3.requested", "case"),
    "assessment.result": ("F3.result", "result"),
    "rehab.registered": ("F4.registered", "form"),
    "rehab.decided": ("F4.decided", "form"),
    "subst.enrolled": ("F4.subst_enrolled", None),
    "compulsory.custody_decided": ("F5.dossier", None),
    "compulsory.sent_to_court": ("F5.sent_to_court", None),
    "compulsory.court_decided": ("F5.court", "outcome"),
    "compulsory.transported": ("F5.transported", None),
    "compulsory.postponed": ("F5.postponed", None),
    "compulsory.exempted": ("F5.exempted", None),
    "compulsory.exemption_found": ("F5.exempt_person", "reason"),
    "postrehab.decided": ("F6.postrehab_decided", None),
    "emon.decided": ("F8.decided", None),
    "emon.fitted": ("F8.fitted", None),
    "emon.violation": ("F8.violation", "code"),
    "person.moved_in": ("F9.moved_in", None),
    "person.moved_out": ("F9.moved_out", None),
    "person.died": ("F9.died", None),
}
"""Event type → flow code, and the payload field that names the sub-item (code.value)."""


@dataclass(frozen=True)
class MeasureMark:
    """What a step needs to know of one measure, before and after it."""

    kind: MeasureKind
    form: str
    case: str
    close_reason: CloseReason | None
    stop_reason: str = ""
    """A user management's stop (dừng) reason: F2 splits its endings by it."""


@dataclass(frozen=True)
class Step:
    """The fold before and after one step, reduced to what the flows read."""

    before: dict[str, MeasureMark]
    after: dict[str, MeasureMark]
    relapses_before: int
    relapses_after: int

    def active_before(self, kind: MeasureKind) -> bool:
        """Whether a measure of `kind` was running before the step."""
        return any(m.kind is kind and m.close_reason is None for m in self.before.values())


def event_flows(event: LifeEvent, step: Step) -> list[str]:
    """The flow codes an applied event counts in."""
    codes: list[str] = []
    mapped = EVENT_FLOWS.get(event.type)
    if mapped is not None:
        code, field = mapped
        codes.append(code if field is None else f"{code}.{getattr(event.payload, field)}")
    positive = isinstance(event.payload, TestPerformed) and event.payload.result == "POSITIVE"
    if positive:
        codes.append("F1.positive")
        if step.active_before(MeasureKind.USER_MGMT):
            codes.append("F7.reuse_in_mgmt")
        if step.active_before(MeasureKind.VOLUNTARY_REHAB):
            codes.append("F7.use_in_voluntary")
    addicted = isinstance(event.payload, AssessmentResult) and event.payload.result == "ADDICTED"
    if addicted and step.active_before(MeasureKind.POST_REHAB):
        codes.append("F7.addicted_in_post_rehab")
    if step.relapses_after > step.relapses_before:
        codes.append("F7.relapse")
    return codes


def measure_flows(step: Step) -> list[str]:
    """The flow codes of measures the step opened or ended."""
    codes: list[str] = []
    for measure_id, mark in step.after.items():
        old = step.before.get(measure_id)
        if old is None and mark.kind is MeasureKind.COMPULSORY:
            codes.append(f"F5.ground.{mark.case}")
            if mark.case == "dd" and step.active_before(MeasureKind.E_MONITORING):
                codes.append("F8.escalated")
        ended = mark.close_reason is not None and (old is None or old.close_reason is None)
        if ended:
            codes.extend(_ending(mark))
    return codes


def _ending(mark: MeasureMark) -> list[str]:
    reason = mark.close_reason
    if mark.kind is MeasureKind.USER_MGMT and reason is CloseReason.STOPPED:
        # "Determined addicted" has its own row; every other stop names its reason (Mẫu 08).
        if mark.stop_reason == "ADDICTED":
            return ["F2.ended.ADDICTED"]
        return [f"F2.ended.STOPPED_{mark.stop_reason}" if mark.stop_reason else "F2.ended.STOPPED"]
    if mark.kind is MeasureKind.USER_MGMT and reason is not None:
        return [f"F2.ended.{reason.value}"]
    if reason is CloseReason.COMPLETED and mark.kind is MeasureKind.VOLUNTARY_REHAB:
        return [f"F6.completed.{mark.form}"]
    if reason is CloseReason.COMPLETED and mark.kind is MeasureKind.SUBSTITUTION_TX:
        return ["F6.completed.SUBSTITUTION"]
    if reason is CloseReason.COMPLETED and mark.kind is MeasureKind.COMPULSORY:
        return ["F6.completed.COMPULSORY"]
    if reason is CloseReason.POST_REHAB_COMPLETED:
        return ["F6.post_rehab_completed"]
    if reason is CloseReason.LIMITATION_EXPIRED:
        return ["F5.limitation_expired"]
    return []
