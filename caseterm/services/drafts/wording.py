"""A draft's state in words (the CLI's lines and the Approvals screen say it the same way)."""

from __future__ import annotations

from caseterm.i18n import _
from caseterm.services.drafts.desk import DraftView
from caseterm.services.words.messages import field_label


def draft_state(view: DraftView) -> str:
    """A draft's state in words (a mark repeats it, never colour alone)."""
    info = view.info
    if info.status == "waiting":
        if view.stale:
            return _("✗ no longer fits: {why}").format(why=view.stale)
        return _("⧗ waiting for the chief")
    if info.status == "approved":
        return _("✓ approved by {chief}").format(chief=view.decided_by or "?")
    if info.status == "rejected":
        return _("✗ rejected by {chief}: {reason}").format(
            chief=view.decided_by or "?", reason=info.reason or ""
        )
    return _("– withdrawn")


def form_lines(view: DraftView) -> list[str]:
    """The draft's form as the officer filled it: "label: value", in the user's language."""
    content = view.info.content
    if view.info.event_type is not None:
        return _event_lines(view.info.event_type, dict(content.get("payload") or {}))
    record = content.get("record") or {}
    return [
        f"{field_label(name)}: {_plain(value)}"
        for name, value in sorted(record.items())
        if value not in (None, "", [], {})
    ]


def _event_lines(event_type: str, payload: dict[str, object]) -> list[str]:
    from caseterm.services.lifecycle.event_form import form_fields

    lines = []
    for spec in form_fields(event_type):
        value = payload.get(spec.name)
        if value in (None, "", []):
            continue
        words = {code: text for text, code in spec.choices}
        if isinstance(value, list):
            shown = "; ".join(words.get(str(item), str(item)) for item in value)
        elif isinstance(value, bool):
            shown = _("yes") if value else _("no")
        else:
            shown = words.get(str(value), str(value))
        lines.append(f"{spec.label}: {shown}")
    return lines


def _plain(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return str(value)
