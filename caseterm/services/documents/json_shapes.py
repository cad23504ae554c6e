"""The JSON shapes of `caseterm doc list --json` and of `doc make` / `doc report --json`."""

from __future__ import annotations

from typing import Any

from pydantic import Field, RootModel

from caseterm.services.documents.making import DocumentChoice, Made
from caseterm.services.session.json_shape import StrictShape


class DocumentChoiceOut(StrictShape):
    """One form the person's file can fill now."""

    form: str = Field(description="The form (III-04, V-22…)")
    title: str
    event: str | None = Field(description="The event it is made from (UUIDv7), or none")
    when: str = Field(description="When the event happened, in words")
    number: str = Field(description="Its number when it has one already (01/QĐ-CAX)")
    missing: list[str] = Field(description="Keys the file lacks (e.summary, p.birth_place…)")


class DocumentChoicesOut(RootModel[list[DocumentChoiceOut]]):
    """`caseterm doc list PERSON --json`."""


class DocumentMadeOut(StrictShape):
    """`caseterm doc make … --json` and `caseterm doc report … --json`: the file written."""

    path: str
    form: str
    number: str = Field(description="The number given, or empty for a form without one")
    sha256: str = Field(pattern="^[0-9a-f]{64}$", description="Of the file as written")
    export: str = Field(description="The export's id, as in the audit trail (UUIDv7)")


def choices_json(choices: list[DocumentChoice]) -> list[dict[str, Any]]:
    """The choices, checked against their schema."""
    raw = [
        {"form": c.form, "title": c.title, "event": c.event_id, "when": c.when,
         "number": c.number, "missing": [m.key for m in c.missing]}
        for c in choices
    ]  # fmt: skip
    checked: list[dict[str, Any]] = DocumentChoicesOut.model_validate(raw).model_dump(mode="json")
    return checked


def made_json(made: Made) -> dict[str, Any]:
    """A written document, checked against its schema."""
    raw = {"path": str(made.path), "form": made.form, "number": made.decision_no,
           "sha256": made.sha256, "export": made.export_id}  # fmt: skip
    return DocumentMadeOut.model_validate(raw).model_dump(mode="json")
