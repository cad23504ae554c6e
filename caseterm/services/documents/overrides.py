"""A unit's own form: an administrator replaces one template of the set for this unit."""

from __future__ import annotations

from pathlib import Path

from caseterm.domain.permissions import Action
from caseterm.errors import UsageError
from caseterm.files import read_regular_file
from caseterm.i18n import _
from caseterm.services.documents.templates import MAX_FORM_BYTES, set_unit_override
from caseterm.services.session.case_session import CaseSession


def set_override(session: CaseSession, form: str, file: Path | None) -> None:
    """Use `file` for `form` in this unit (checked first), or the set's form again (None)."""
    session.require(Action.UNIT_CONFIGURE)
    data = None
    if file is not None:
        try:
            data, size = read_regular_file(file, MAX_FORM_BYTES + 1)
        except OSError as error:
            raise UsageError(
                _("Cannot read {path}: {reason}.").format(path=file, reason=error.strerror)
            ) from error
        if size > MAX_FORM_BYTES:
            raise UsageError(_("{path} is too large for a form.").format(path=file))
    set_unit_override(session.unit.code, form, data)
    with session.transaction() as tx:
        session.audit(tx, "templates.override", "unit", session.unit.code,
                      {"form": form, "removed": int(data is None)})  # fmt: skip
