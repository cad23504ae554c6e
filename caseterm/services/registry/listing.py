"""The register's filters as an officer types them on the command line (`person list`).

The TUI offers each filter as a dropdown of the values present; on the command line the officer
types a code or its words, with or without tones ("ds nguoi nghien" is not enough, "danh sách
người nghiện", "addict list" or ADDICTS is), and a village or officer as it is written in the
files. Anything else is refused with the values that would work.
"""

from __future__ import annotations

from caseterm.domain.names import fold
from caseterm.errors import UsageError
from caseterm.i18n import N_, _
from caseterm.services.registry.persons import filter_choices
from caseterm.services.session.case_session import CaseSession
from caseterm.services.words.labels import names_a_code
from caseterm.services.words.lifecycle import MEASURE, REGISTER, STATUS
from caseterm.store.records import ListFilter

_CODED = {"register": REGISTER, "measure": MEASURE, "status": STATUS}
_LABELS = {
    "register": N_("register"),
    "measure": N_("measure"),
    "status": N_("status"),
    "officer": N_("officer in charge"),
    "village": N_("village"),
}


def parse_filters(session: CaseSession, typed: dict[str, str]) -> ListFilter:
    """The filters an officer typed (name → text; empty texts do not filter), as stored codes."""
    chosen = {name: text.strip() for name, text in typed.items() if text and text.strip()}
    present = filter_choices(session) if {"officer", "village"} & chosen.keys() else {}
    values = {}
    for name, text in chosen.items():
        if name in _CODED:
            values[name] = _code(name, text, _CODED[name])
        else:
            values[name] = _present(name, text, present.get(name, []))
    return ListFilter(**values)


def _code(name: str, text: str, words: dict[str, str]) -> str:
    for code, template in words.items():
        if names_a_code(text, code, template):
            return code
    choices = "; ".join(f"{code}: {_(template)}" for code, template in words.items())
    raise UsageError(
        _("No {filter} is called “{text}”. Write one of: {choices}").format(
            filter=_(_LABELS[name]), text=text, choices=choices
        )
    )


def _present(name: str, text: str, present: list[str]) -> str:
    wanted = fold(text)
    exact = [value for value in present if fold(value) == wanted]
    if len(exact) == 1:
        return exact[0]
    if not present:
        raise UsageError(_("No file has a {filter} yet.").format(filter=_(_LABELS[name])))
    raise UsageError(
        _("No file has the {filter} “{text}”. Those in the files: {choices}").format(
            filter=_(_LABELS[name]), text=text, choices="; ".join(present)
        )
    )
