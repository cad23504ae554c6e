"""The event's block for the e-monitoring device records: I-07 to I-10.

A removal, a refit, a move on the body and a replacement each print the device as it was and
as it is: its number, where it is worn and what comes with it, followed from the fitting
through every later record in the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from caseterm.domain.documents import short_date
from caseterm.domain.lifecycle import LifeEvent
from caseterm.services.documents.context_event import _last_before, local
from caseterm.services.registry.persons import PersonFile

BY_HAND = "." * 60
"""What the record leaves for the officer to write at the scene (a condition seen there)."""
DEVICE_EVENTS = ("emon.fitted", "emon.refitted", "emon.position_changed", "emon.device_replaced")


@dataclass(frozen=True)
class Device:
    """The device as the file last recorded it."""

    number: str = ""
    position: str = ""
    accessories: str = ""


def device_before(file: PersonFile, event: LifeEvent) -> Device:
    """The device as it was just before `event`, from the fitting on."""
    voided = file.lifecycle.voided
    earlier = [e for e in file.life if e.type in DEVICE_EVENTS and e.id not in voided
               and e.occurred_at < event.occurred_at]  # fmt: skip
    device = Device()
    for record in sorted(earlier, key=lambda e: e.occurred_at):
        device = _after(device, record)
    return device


def _after(device: Device, record: LifeEvent) -> Device:
    payload = record.payload
    return Device(
        number=str(getattr(payload, "device_no", None) or device.number),
        position=str(getattr(payload, "position", None) or device.position),
        accessories=str(getattr(payload, "accessories", None) or device.accessories),
    )


def _device_record(
    file: PersonFile, event: LifeEvent, words: dict[str, Any], block: dict[str, Any]
) -> dict[str, Any]:
    before = device_before(file, event)
    now = _after(before, event)
    decided = _last_before(file, event, "emon.decided")
    payload = event.payload
    until = getattr(payload, "until", None)
    positions = words["position"]
    custody = str(getattr(payload, "reason", "")) == "CUSTODY"
    return {
        "officer": block["officer"]
        or (str(getattr(decided.payload, "officer", "") or "") if decided else ""),
        "emon_decision": str(getattr(decided.payload, "decision_no", "") or "") if decided else "",
        "device_no": now.number,
        "previous_device_no": before.number if before.number != now.number else "",
        "position": str(positions.get(now.position, "")),
        "previous_position": str(positions.get(before.position, "")),
        "accessories": now.accessories or BY_HAND,
        "returned": str(getattr(payload, "returned", "") or ""),
        "condition": str(getattr(payload, "condition", "") or BY_HAND),
        "refit_by": str(words["refit_by"]).format(date=short_date(local(until).date()))
        if until
        else "",
        "custody_party": custody,
        "removal_reason": str(words["removal_reason"].get(str(getattr(payload, "reason", "")), "")),
    }


Builder = Callable[[PersonFile, LifeEvent, dict[str, Any], dict[str, Any]], dict[str, Any]]
DEVICE_BUILDERS: dict[str, Builder] = {
    "emon.removed_temporarily": _device_record,
    "emon.refitted": _device_record,
    "emon.position_changed": _device_record,
    "emon.device_replaced": _device_record,
}
