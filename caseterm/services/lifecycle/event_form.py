"""The form of an event type: its fields with labels and kinds, and the payload built from them.

The TUI draws one input per field and hands back what was typed, as text; this module turns it
into a payload (dates as `dd/mm/yyyy`, moments as `dd/mm/yyyy HH:MM`, yes/no, lists split at
`;`) and names the field of every problem, so validation can run as the officer types.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError
from pydantic.fields import FieldInfo

from caseterm.domain.lifecycle.actions import REFERENCE_FIELDS
from caseterm.domain.lifecycle.payloads import PAYLOADS, is_list, parse_payload
from caseterm.domain.permissions import DECISION_EVENTS
from caseterm.errors import UsageError
from caseterm.i18n import _
from caseterm.services.lifecycle.event_input import base_type, parse_day, parse_moment
from caseterm.services.words.event_fields import choice_label, field_label
from caseterm.services.words.labels import event_label, moment_label

Value = str | bool | list[str] | None
"""What a form widget hands back: text, a yes/no, the codes ticked, or nothing chosen."""
PERSON_NAME_FIELDS = frozenset({"officer", "tester", "reported_by"})
"""Fields that name the officer: filled with the account's name by default."""
AUTO_NUMBER = "auto"
"""What a decision of the unit's own is numbered with unless the officer types a number."""


@dataclass(frozen=True)
class FormField:
    """One input of an event form."""

    name: str
    label: str
    kind: str
    """text, moment, date, number, yesno, choice, many (several codes), list (`;`), event."""
    required: bool
    choices: tuple[tuple[str, str], ...] = ()
    """(words, value) for choice, many and event fields."""
    default: Value = None


@dataclass(frozen=True)
class Built:
    """A payload built from a form, or the problems by field name ("" for the whole form)."""

    payload: dict[str, Any]
    problems: dict[str, str] = field(default_factory=dict)


def form_fields(
    event_type: str, *, events: list[tuple[str, str, str]] | None = None, officer: str = ""
) -> list[FormField]:
    """The fields of an event type. `events` are (id, type, occurred_at) a reference may name."""
    model = PAYLOADS[event_type]
    return [
        _form_field(event_type, name, info, events or [], officer)
        for name, info in model.model_fields.items()
        if name != "overridden_warnings"
    ]


def _form_field(
    event_type: str, name: str, info: FieldInfo, events: list[tuple[str, str, str]], officer: str
) -> FormField:
    base = base_type(info.annotation)
    required = info.is_required()
    label = field_label(name)
    if name in REFERENCE_FIELDS:
        choices = tuple(
            (f"{moment_label(at)} {event_label(kind)}", eid) for eid, kind, at in events
        )
        return FormField(name, label, "event", required, choices)
    if typing.get_origin(base) is typing.Literal:
        codes = tuple(
            (choice_label(event_type, name, str(c)), str(c)) for c in typing.get_args(base)
        )
        kind = "many" if is_list(info.annotation) else "choice"
        return FormField(name, label, kind, required, codes, _literal_default(info))
    if base is bool:
        return FormField(name, label, "yesno", False, default=bool(info.default))
    if base is datetime:
        return FormField(name, label, "moment", required)
    if base is date:
        return FormField(name, label, "date", required)
    if base is int:
        return FormField(name, label, "number", required)
    if is_list(info.annotation):
        return FormField(name, label, "list", required)
    default = officer if name in PERSON_NAME_FIELDS else None
    if name == "decision_no" and event_type in DECISION_EVENTS:
        default = AUTO_NUMBER  # the unit's next number for the year, given when it is saved
    return FormField(name, label, "text", required, default=default)


def _literal_default(info: FieldInfo) -> Value:
    default = info.get_default(call_default_factory=True)
    return default if isinstance(default, str | list) else None


def build_payload(event_type: str, values: dict[str, Value]) -> Built:
    """Turn what the form holds into a payload and validate it; problems name their field."""
    fields = {f.name: f for f in form_fields(event_type)}
    payload: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for name, value in values.items():
        spec = fields.get(name)
        if spec is None or value in (None, "", []):
            continue
        try:
            payload[name] = _convert(spec, value)
        except (UsageError, ValueError) as error:
            problems[name] = str(error) if isinstance(error, UsageError) else _("not a number")
    for name, spec in fields.items():
        if spec.required and name not in payload and name not in problems:
            problems[name] = _("required")
    if not problems:
        try:
            parse_payload(event_type, payload)
        except ValidationError as error:
            for item in error.errors(include_url=False, include_input=False):
                where = str(item["loc"][0]) if item["loc"] else ""
                problems.setdefault(where, _("invalid value"))
    return Built(payload, problems)


def _convert(spec: FormField, value: Value) -> Any:
    if spec.kind == "yesno":
        return bool(value)
    if isinstance(value, list):
        return value
    text = str(value).strip()
    if spec.kind == "moment":
        return parse_moment(text).isoformat()
    if spec.kind == "date":
        return parse_day(text).isoformat()
    if spec.kind == "number":
        return int(text)
    if spec.kind == "list":
        return [part.strip() for part in text.split(";") if part.strip()]
    return text
