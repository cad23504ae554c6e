"""`caseterm doc list|make|clean`: official documents filled from a person's file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from caseterm.cli.common import guarded, print_json, unlocked
from caseterm.cli.options import JsonOpt, PassphraseFileOpt, StoreOpt, UserOpt
from caseterm.errors import UsageError
from caseterm.i18n import _

if TYPE_CHECKING:
    from caseterm.services.documents.making import Made

app = typer.Typer(
    help=_(
        "Official documents (decisions, records, résumés) filled from a person's file, as Word "
        "files to print, sign and then delete."
    ),
    no_args_is_help=True,
)
PersonArg = Annotated[str, typer.Argument(help=_("The person's file number or id."))]
OverwriteOpt = Annotated[
    bool, typer.Option("--overwrite", help=_("Replace a file of the same name."))
]


@app.command("list", help=_("The documents this person's file can fill, and what each lacks."))
@guarded
def list_command(
    person: PersonArg,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """The documents this person's file can fill, and what each lacks."""
    from caseterm.services.documents.making import document_choices

    with unlocked(store, user, passphrase_file) as session:
        choices = document_choices(session, person)
    if json:
        from caseterm.services.documents.json_shapes import choices_json

        print_json(choices_json(choices))
        return
    for choice in choices:
        mark = "✓" if not choice.missing else "…"
        event = f"  --event {choice.event_id[:13]}" if choice.event_id else ""
        typer.echo(f"{mark} {choice.form:<7} {choice.title}")
        details = "  ".join(part for part in (choice.when, choice.number) if part)
        if details or event:
            typer.echo(f"          {details}{event}")
        for missing in choice.missing:
            typer.echo("          " + _("needs {what}: {how}").format(what=missing.label,
                                                                      how=missing.how))  # fmt: skip


def _pairs(values: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for pair in values:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(_("Write each value as name=value: {pair}.").format(pair=pair))
        found[name.strip()] = value
    return found


@app.command(
    "make",
    help=_(
        "Fill a form from the file and save it as a .docx where you say. A value the form "
        "needs and the file lacks is asked for: give it with --set name=value (it is kept)."
    ),
)
@guarded
def make_command(
    form: Annotated[str, typer.Argument(help=_("The form (III-04, V-22…; see doc list)."))],
    person: Annotated[
        str | None,
        typer.Argument(help=_("The person's file number or id (none for the III-10 register).")),
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", help=_("The .docx file to write."))] = None,
    start: Annotated[
        str | None,
        typer.Option("--from", help=_("A register's first day, dd/mm/yyyy (default 1 January).")),
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", help=_("A register's last day (default today)."))
    ] = None,
    event: Annotated[
        str | None, typer.Option("--event", help=_("The event (default: the latest that fits)."))
    ] = None,
    values: Annotated[
        list[str] | None, typer.Option("--set", help=_("A value the form needs: name=value."))
    ] = None,
    overwrite: OverwriteOpt = False,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """Fill a form from the file and save it as a .docx where you say."""
    from caseterm.services.documents.making import make_document
    from caseterm.services.documents.registers import make_register, parse_period
    from caseterm.services.documents.templates import active_set

    if out is None:
        raise UsageError(_("Say where to save the document: --out FILE.docx."))
    given = _pairs(values or [])
    unit_form = active_set().form(form).scope == "unit"
    if unit_form and (person or given or event):
        raise UsageError(_("{form} is the unit's register: give no person, --event or --set.")
                         .format(form=form))  # fmt: skip
    if not unit_form and person is None:
        raise UsageError(_("{form} is filled from a person's file: name the person.")
                         .format(form=form))  # fmt: skip
    with unlocked(store, user, passphrase_file) as session:
        if unit_form:
            period = parse_period(start, end, session.clock.now().date())
            made = make_register(session, form, out, period, overwrite=overwrite)
        else:
            made = make_document(session, form, person or "", out, event_id=event, values=given,
                                 overwrite=overwrite)  # fmt: skip
    _print_made(made, json=json, personal=True)


@app.command(
    "report",
    help=_(
        "The monthly report to the commune People's Committee as a .docx (the report screen's "
        "figures, numbered …/BC)."
    ),
)
@guarded
def report_command(
    out: Annotated[Path, typer.Option("--out", help=_("The .docx file to write."))],
    period: Annotated[
        str | None,
        typer.Option("--period", help=_("The month, YYYY-MM (default: the last complete one).")),
    ] = None,
    overwrite: OverwriteOpt = False,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """The monthly report to the commune People's Committee as a .docx."""
    from caseterm.services.documents.report_document import make_report_document

    with unlocked(store, user, passphrase_file) as session:
        made = make_report_document(session, out, period, overwrite=overwrite)
    _print_made(made, json=json, personal=False)  # counts only, never a name


def _print_made(made: Made, *, json: bool, personal: bool) -> None:
    if json:
        from caseterm.services.documents.json_shapes import made_json

        print_json(made_json(made))
        return
    typer.echo(_("Saved {form} to {path}.").format(form=made.form, path=made.path))
    if made.decision_no:
        typer.echo(_("Number: {number}").format(number=made.decision_no))
    if personal:
        typer.echo(
            _("⚠ This file holds personal data in clear: print it, then delete it "
              "(caseterm doc clean {folder}).").format(folder=made.path.parent)
        )  # fmt: skip


@app.command("clean", help=_("Delete the documents caseterm wrote into a folder (and only them)."))
@guarded
def clean_command(
    folder: Annotated[Path, typer.Argument(help=_("The folder the documents were saved in."))],
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Delete the documents caseterm wrote into a folder (and only them)."""
    from caseterm.services.documents.cleaning import clean_folder

    with unlocked(store, user, passphrase_file) as session:
        cleaned = clean_folder(session, folder)
    for path in cleaned.removed:
        typer.echo(_("deleted {name}").format(name=path.name))
    typer.echo(_("{n} document(s) deleted.").format(n=len(cleaned.removed)))
    for path in cleaned.left:
        left = _("left {name}: not written by this store, or it could not be deleted")
        typer.echo(left.format(name=path.name))
