"""Making an official document: choose the form, fill what the file lacks, write it on purpose.

A document is personal data in clear. It is written only where the officer says, atomically,
readable by the officer alone (0600), never through a temporary folder; the write is recorded
(form, person, number, SHA-256 — never the content) and audited, and the officer is told where
the file is and that it must be printed and deleted (`caseterm doc clean`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from caseterm.domain.codes import EducationLevel
from caseterm.domain.dates import DateFormatError, PartialDate
from caseterm.domain.lifecycle import LifeEvent
from caseterm.domain.permissions import Action
from caseterm.errors import UsageError, ValidationFailed
from caseterm.files import atomic_write_bytes
from caseterm.i18n import _
from caseterm.ids import new_id
from caseterm.services.documents.context import (
    Header,
    build_context,
    missing_keys,
)
from caseterm.services.documents.context_event import local
from caseterm.services.documents.fields import MissingField, describe_missing, is_fillable
from caseterm.services.documents.render import render_docx
from caseterm.services.documents.selection import (
    chosen_event,
    events_for,
    is_for,
    regimes_of,
)
from caseterm.services.documents.templates import FormInfo, TemplateSet, active_set, unit_override
from caseterm.services.lifecycle.numbering import reserve
from caseterm.services.registry.persons import PersonFile, show_person, update_person
from caseterm.services.session.case_session import CaseSession
from caseterm.services.session.user_files import writing_to
from caseterm.services.words.labels import code_label, moment_label
from caseterm.store.database import Tx
from caseterm.store.tables import DocumentDetail, DocumentExport

DATE_FIELDS = frozenset({"id_issue_date"})
KEPT_KINDS = ("TB", "ĐN")
"""The kinds of number a document takes from the register when first printed (notices,
proposals): later documents that list it (V-36, III-06) print it."""


class MissingFields(ValidationFailed):
    """The form needs values the file does not hold; nothing was written."""

    def __init__(self, form: str, missing: list[MissingField]) -> None:
        super().__init__(
            _("{form} needs what the file does not say; nothing was written:").format(form=form),
            [f"{m.label}: {m.how}" for m in missing],
        )
        self.missing = missing


@dataclass(frozen=True)
class DocumentChoice:
    """A document the file can produce now."""

    form: str
    title: str
    event_id: str | None
    when: str
    number: str
    missing: tuple[MissingField, ...]


@dataclass(frozen=True)
class Made:
    """A document written."""

    path: Path
    form: str
    decision_no: str
    sha256: str
    export_id: str


def temp_folders() -> tuple[Path, ...]:
    """The temporary folders a document must never be written to.

    The system's (`TMPDIR`, %TEMP%) and, on Linux, the shared ones that outlive a session.
    """
    roots = {Path(tempfile.gettempdir()), Path("/var/tmp"), Path("/dev/shm")}  # noqa: S108
    return tuple(sorted(p.resolve() for p in roots if p.exists()))


def document_choices(session: CaseSession, person_id: str) -> list[DocumentChoice]:
    """The forms this file can fill: one per form and event, newest event first."""
    session.require(Action.DOCUMENT_EXPORT)
    file = show_person(session, person_id)
    setting = _setting(session, file)
    templates = setting.templates
    choices = []
    now = session.clock.now()
    person_forms = [f for f in templates.forms.values()
                    if f.scope == "person" and _offered(file, f, now)]  # fmt: skip
    for info in sorted(person_forms, key=lambda f: f.form):
        for event in events_for(file, info) if info.events else [None]:
            context = _context(session, file, event, info, setting)
            number = str(context["doc"]["number"] or "")
            when = moment_label(event.occurred_at.isoformat()) if event else ""
            missing = tuple(describe_missing(k) for k in missing_keys(context, info))
            choices.append(DocumentChoice(info.form, info.title, event.id if event else None,
                                          when, number, missing))  # fmt: skip
    return choices


def _offered(file: PersonFile, info: FormInfo, now: datetime) -> bool:
    """An event form is offered through its events.

    An event-less one when the file is under its rules (a legacy résumé for a legacy file) and
    the form concerns the file.
    """
    if info.events:
        return True
    return (not info.regime or info.regime in regimes_of(file)) and is_for(file, info, now)


def make_document(
    session: CaseSession,
    form: str,
    person_id: str,
    out: Path,
    *,
    event_id: str | None = None,
    values: dict[str, str] | None = None,
    overwrite: bool = False,
) -> Made:
    """Fill a form from the file and write it to `out` (a .docx the officer chose)."""
    session.require(Action.DOCUMENT_EXPORT)
    target = checked_target(out, overwrite=overwrite)
    templates = active_set()
    info = templates.form(form)
    if info.scope != "person":
        message = _(
            "{form} is the unit's register, made without a person: "
            "caseterm doc make {form} --out FILE.docx"
        )
        raise UsageError(message.format(form=info.form))
    file = show_person(session, person_id)
    event = chosen_event(file, info, event_id)
    if values:
        file = _keep_values(session, file, event, values)
    context = _context(session, file, event, info, _setting(session, file))
    missing = missing_keys(context, info)
    if missing:
        raise MissingFields(info.form, [describe_missing(k) for k in missing])
    template = unit_override(session.unit.code, info.form) or templates.docx(info.form)
    with session.transaction() as tx, writing_to(target):
        # The number, the file and its record commit together: a failed write gives none.
        context["doc"]["number"] = _number(session, tx, info, event, file.person.id, context)
        whose = Whose(file.person.id, event.id if event else None)
        return write_export(session, tx, target, template, context, info.form, whose)


@dataclass(frozen=True)
class Whose:
    """Whose file a document comes from: a person's (and an event), or the unit's (none)."""

    person_id: str | None = None
    event_id: str | None = None


def write_export(
    session: CaseSession,
    tx: Tx,
    target: Path,
    template: bytes,
    context: dict[str, Any],
    form: str,
    whose: Whose,
    audit: dict[str, str | int] | None = None,
) -> Made:
    """Render, record, audit and write one document inside the caller's transaction.

    The record holds the form, the number and the SHA-256, never the content; a unit's
    document (a register, the report) is audited for the unit, a person's for the person.
    """
    export_id = new_id()
    number = str(context["doc"]["number"] or "")
    data = render_docx(template, context, identifier=f"caseterm:{export_id}", form=form)
    digest = hashlib.sha256(data).hexdigest()
    tx.documents.add_export(
        DocumentExport(id=export_id, unit_code=session.unit.code, person_id=whose.person_id,
                       form=form, event_id=whose.event_id, decision_no=number or None,
                       sha256=digest, file_name=target.name, written_at=session.now(),
                       written_by=session.actor.id)
    )  # fmt: skip
    details: dict[str, str | int] = {"form": form, "export": export_id, "sha256": digest}
    if number or whose.person_id:
        details["number"] = number
    details.update(audit or {})
    if whose.person_id is not None:
        session.audit(tx, "document.export", "person", whose.person_id, details)
    else:
        session.audit(tx, "document.register", "unit", session.unit.code, details)
    atomic_write_bytes(target, data)
    return Made(target, form, number, digest, export_id)


def _number(
    session: CaseSession,
    tx: Tx,
    info: FormInfo,
    event: LifeEvent | None,
    person_id: str,
    context: dict[str, Any],
) -> str:
    """The document's number: its event's own, or the register's next of its kind.

    A notice's number is given once and kept for every later print of the same event; a
    number the event already carries (a proposal recorded with its number) is that number.
    """
    own = str(context["doc"]["number"] or "")
    if not info.number_kind or event is None or own:
        return own
    kept = tx.documents.of_event(event.id, info.number_kind)
    if kept is not None:
        return kept
    return reserve(session, tx, info.number_kind, event.occurred_at, person_id=person_id,
                   event_id=event.id, form=info.form)  # fmt: skip


def checked_target(out: Path, *, overwrite: bool) -> Path:
    """The file a document may be written to.

    A .docx in an existing folder of the officer's own (never a shared temporary one), not
    overwriting another file unless asked.
    """
    if out.suffix.lower() != ".docx":
        raise UsageError(_("A document is saved as a .docx file: {path}.").format(path=out))
    folder = out.expanduser().parent.resolve()
    if not folder.is_dir():
        raise UsageError(_("The folder {path} does not exist.").format(path=folder))
    if any(folder == root or root in folder.parents for root in temp_folders()):
        raise UsageError(
            _(
                "{path} is a shared temporary folder: a document holds personal data in clear. "
                "Choose your own folder (or a USB stick you keep)."
            ).format(path=folder)
        )
    target = folder / out.name
    if target.exists() and not overwrite:
        raise UsageError(_("{path} already exists; choose another name.").format(path=target))
    return target


@dataclass(frozen=True)
class _Setting:
    """What every document of a file is filled from besides the file itself."""

    templates: TemplateSet
    header: Header
    details: dict[str, dict[str, str]]
    """The document details kept per event."""
    numbers: dict[str, str]
    """The register numbers the file's notices took when first printed, by event."""


def _setting(session: CaseSession, file: PersonFile) -> _Setting:
    with session.transaction(durable=False) as tx:
        header = Header.from_stored(tx.documents.header())
        details = {e.id: tx.documents.details(e.id) for e in file.life}
        numbers = {}
        for event in file.life:
            number = next(filter(None, (tx.documents.of_event(event.id, kind)
                                        for kind in KEPT_KINDS)), None)  # fmt: skip
            if number:
                numbers[event.id] = number
    return _Setting(active_set(), header, details, numbers)


def _context(
    session: CaseSession,
    file: PersonFile,
    event: LifeEvent | None,
    info: FormInfo,
    setting: _Setting,
) -> dict[str, Any]:
    kept = setting.details.get(event.id, {}) if event else {}
    compiler = session.actor.display_name or session.actor.name
    today = local(session.clock.now()).date()
    return build_context(file, event, info, setting.templates, setting.header, kept, today,
                         compiler, numbers=setting.numbers)  # fmt: skip


def _keep_values(
    session: CaseSession, file: PersonFile, event: LifeEvent | None, values: dict[str, str]
) -> PersonFile:
    """Store what the officer gave: person items in the record, the rest with the event."""
    unknown = [name for name in values if not is_fillable(name)]
    if unknown:
        raise UsageError(_("Not a field a document can ask for: {names}.").format(
            names=", ".join(sorted(unknown))))  # fmt: skip
    record_fields = {f.name for f in dataclasses.fields(file.person.record)}
    person = {k: v.strip() for k, v in values.items() if k in record_fields}
    detail = {k: v.strip() for k, v in values.items() if k not in record_fields}
    if person:
        changes: dict[str, object] = dict(person)
        for name in DATE_FIELDS & person.keys():
            try:
                changes[name] = PartialDate.parse(person[name])
            except DateFormatError as error:
                raise UsageError(_("Not a date: use dd/mm/yyyy.")) from error
        if "education_level" in person:
            changes["education_level"] = _education_level(person["education_level"])
        record = dataclasses.replace(file.person.record, **changes)  # type: ignore[arg-type]
        update_person(session, file.person.id, record, expected_version=file.person.version)
    if detail:
        if event is None:
            raise UsageError(_("This form is not made from an event: nothing to keep {names} with.")
                             .format(names=", ".join(sorted(detail))))  # fmt: skip
        _keep_details(session, file.person.id, event.id, detail)
    return show_person(session, file.person.id)


def _education_level(text: str) -> EducationLevel:
    try:
        return EducationLevel.parse(text)
    except ValueError as error:
        words = ", ".join(code_label(level.value) for level in EducationLevel)
        raise UsageError(
            _("Not an education level; one of: {levels}.").format(levels=words)
        ) from error


def _keep_details(
    session: CaseSession, person_id: str, event_id: str, detail: dict[str, str]
) -> None:
    with session.transaction() as tx:
        for name, value in detail.items():
            tx.documents.set_detail(
                DocumentDetail(event_id=event_id, field=name, value=value,
                               unit_code=session.unit.code, set_at=session.now(),
                               set_by=session.actor.id)
            )  # fmt: skip
        session.audit(tx, "document.details", "person", person_id,
                      {"event": event_id, "fields": ",".join(sorted(detail))})  # fmt: skip
