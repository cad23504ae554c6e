"""Turning what an officer types (`k=v`, `dd/mm/yyyy HH:MM`, `có`) into an event payload."""

from __future__ import annotations

import typing
from datetime import date, datetime
from pathlib import Path
from typing import Any

from caseterm.clock import VIETNAM
from caseterm.domain import strict_json
from caseterm.domain.lifecycle.payloads import PAYLOADS, is_list, scalar_type
from caseterm.domain.names import fold
from caseterm.errors import UsageError
from caseterm.i18n import _
from caseterm.services.words.event_fields import CODE
from caseterm.services.words.labels import names_a_code
from caseterm.services.words.points import POINTS

_TRUE = {"1", "true", "yes", "y", "co", "x"}
_FALSE = {"0", "false", "no", "n", "khong"}
_MOMENT_FORMATS = ("%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M")


def parse_moment(text: str) -> datetime:
    """`dd/mm/yyyy HH:MM` (Vietnam time), or ISO 8601 with an offset; a date alone means 00:00."""
    value = text.strip()
    try:
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is not None:
            return parsed
    except ValueError:
        pass
    for pattern in (*_MOMENT_FORMATS, "%d/%m/%Y", "%Y-%m-%d"):
        try:
            typed = datetime.strptime(value, pattern)  # noqa: DTZ007 - Vietnam time, set next
            return typed.replace(tzinfo=VIETNAM)
        except ValueError:
            continue
    # What was typed is not repeated: it may be a value that belongs to another field (T29).
    raise UsageError(_("Not a date and time: use dd/mm/yyyy HH:MM."))


def parse_day(text: str) -> date:
    """`dd/mm/yyyy` or `YYYY-MM-DD`."""
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), pattern).date()  # noqa: DTZ007 - a date
        except ValueError:
            continue
    raise UsageError(_("Not a date: use dd/mm/yyyy."))


def payload_from_fields(event_type: str, pairs: list[str]) -> dict[str, Any]:
    """Build a payload from `name=value` pairs; repeating a list field adds to the list."""
    model = PAYLOADS.get(event_type)
    if model is None:
        raise UsageError(_("Unknown event type: {type}.").format(type=event_type))
    payload: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UsageError(_("Write each field as name=value: {pair}").format(pair=pair))
        info = model.model_fields.get(name)
        if info is None:  # left for the payload validation to name, with the allowed fields
            payload[name] = value
            continue
        kind = base_type(info.annotation)
        converted = _convert(kind, value.strip())
        if typing.get_origin(kind) is typing.Literal:
            converted = code_for(event_type, name, typing.get_args(kind), converted)
        if is_list(info.annotation):
            payload.setdefault(name, []).append(converted)
        else:
            payload[name] = converted
    return payload


def payload_from_file(path: Path) -> dict[str, Any]:
    """A payload written as a JSON object in a file."""
    try:
        data = strict_json.loads(path.read_bytes())
    except (OSError, ValueError) as error:
        raise UsageError(
            _("Cannot read the payload file {path}: {reason}").format(path=path, reason=error)
        ) from error
    if not isinstance(data, dict):
        raise UsageError(_("The payload file must hold one JSON object."))
    return data


def _convert(kind: Any, value: str) -> Any:
    if kind is bool:
        folded = fold(value)
        if folded in _TRUE:
            return True
        if folded in _FALSE:
            return False
        raise UsageError(_("Not yes or no: write có or không (yes or no)."))
    if kind is datetime:
        return parse_moment(value).isoformat()
    if kind is date:
        return parse_day(value).isoformat()
    return value


def base_type(annotation: Any) -> Any:
    """The scalar type of a payload field (see `payloads.scalar_type`)."""
    return scalar_type(annotation)[0]


def field_names(event_type: str) -> list[tuple[str, bool]]:
    """The fields of an event type and whether each is required (for `event types`)."""
    model = PAYLOADS[event_type]
    return [(name, info.is_required()) for name, info in model.model_fields.items()]


def code_for(event_type: str, field: str, codes: tuple[Any, ...], typed: str) -> str:
    """The code an officer meant, from the code or its words.

    Its words in Vietnamese or English, with or without tones ("dương tính", "duong tinh",
    "positive", "POSITIVE"); a point by its letter or its meaning. Anything else is returned
    as typed, for validation to refuse with the allowed values.
    """
    points = POINTS.get((event_type, field), {})
    for code in map(str, codes):
        if names_a_code(typed, code, CODE.get(code), points.get(code)):
            return code
    return typed
