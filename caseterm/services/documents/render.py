"""Filling a DOCX template (docxtpl) in a sandbox, and reading a document back as text.

Templates come from outside the code (a district's set, a unit's own form), so Jinja runs in
its sandbox: a template can print what it is given and nothing else (no attribute walks to
Python internals). Values are XML-escaped, so a name with `&` or `<` prints as typed.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate
from jinja2 import ChainableUndefined, StrictUndefined, TemplateError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from caseterm.errors import UsageError
from caseterm.i18n import _

LEFTOVER_MARKS = ("{{", "}}", "{%", "%}")


class _CheckUndefined(ChainableUndefined):
    """For checking a template with no data: a missing value is fine.

    Reaching past the sandbox is not (plain Jinja would print it as an empty string).
    """

    def _refuse_escape(self) -> None:
        if self._undefined_exception is SecurityError:
            self._fail_with_undefined_error()

    def __str__(self) -> str:
        self._refuse_escape()
        return super().__str__()

    def __iter__(self) -> Iterator[Any]:
        self._refuse_escape()
        return super().__iter__()

    def __bool__(self) -> bool:
        self._refuse_escape()
        return super().__bool__()


def _environment(*, lenient: bool = False) -> SandboxedEnvironment:
    """The sandbox: a value the context lacks is an error when filling, not an empty string."""
    undefined = _CheckUndefined if lenient else StrictUndefined
    return SandboxedEnvironment(autoescape=True, undefined=undefined)


def render_docx(template: bytes, context: dict[str, Any], *, identifier: str, form: str) -> bytes:
    """The filled document; refuses a template that leaves a tag unfilled or breaks the sandbox.

    `identifier` goes into the document's properties: `caseterm doc clean` finds the files it
    wrote by it, even after an officer corrected them in Word.
    """
    try:
        document = DocxTemplate(io.BytesIO(template))
        document.render(context, jinja_env=_environment(), autoescape=True)
    except (TemplateError, ValueError, KeyError) as error:
        raise UsageError(
            _("The template of {form} cannot be filled ({reason}).").format(form=form, reason=error)
        ) from error
    out = io.BytesIO()
    document.docx.core_properties.identifier = identifier
    document.save(out)
    data = out.getvalue()
    _refuse_leftovers(data, form)
    return data


def check_template(data: bytes, form: str) -> None:
    """Check that a template opens and renders in the sandbox (for install and override)."""
    try:
        document = DocxTemplate(io.BytesIO(data))
        document.render({}, jinja_env=_environment(lenient=True), autoescape=True)
        out = io.BytesIO()
        document.save(out)
    except Exception as error:
        raise UsageError(
            _("The template of {form} is not a usable DOCX template ({reason}).").format(
                form=form, reason=type(error).__name__
            )
        ) from error
    _refuse_leftovers(out.getvalue(), form)


def _refuse_leftovers(data: bytes, form: str) -> None:
    text = document_text(data)
    if any(mark in text for mark in LEFTOVER_MARKS):
        raise UsageError(
            _("The template of {form} left a field unfilled (a “{{{{” remains).").format(form=form)
        )


def document_text(data: bytes) -> str:
    """The text of a DOCX in reading order: paragraphs, and tables row by row (cells by `|`)."""
    document = Document(io.BytesIO(data))
    lines = [_header_text(document)]
    lines.extend(_block_text(document))
    return "\n".join(line for line in lines if line is not None)


def _header_text(document: DocxDocument) -> str | None:
    section = document.sections[0]
    text = " ".join(p.text for p in section.header.paragraphs if p.text.strip())
    return text or None


def _block_text(document: DocxDocument) -> Iterator[str]:
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Table):
            for row in block.rows:
                cells = ["\n".join(p.text for p in cell.paragraphs).strip() for cell in row.cells]
                yield " | ".join(cells)
