"""`caseterm-admin templates show|install|override` and `unit header`: the documents' setup."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from caseterm.cli.common import guarded, unlocked
from caseterm.cli.options import PassphraseFileOpt, StoreOpt, UserOpt
from caseterm.i18n import _

app = typer.Typer(
    help=_("The official document templates: the set in force, a newer set, a unit's own form."),
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command("show", help=_("The template set in force: its edition and forms."))
@guarded
def show() -> None:
    """The template set in force: its edition and forms."""
    from caseterm.services.documents.templates import active_set

    found = active_set()
    typer.echo(_("Edition {edition} ({folder})").format(edition=found.edition,
                                                       folder=found.folder))  # fmt: skip
    for info in sorted(found.forms.values(), key=lambda f: f.form):
        typer.echo(f"  {info.form:<7} {info.title}")


@app.command("install", help=_("Install a newer template set (a .zip; every form is checked)."))
@guarded
def install(
    file: Annotated[Path, typer.Argument(help=_("The set: a zip with manifest.json and .docx."))],
) -> None:
    """Install a newer template set (checked first)."""
    from caseterm.services.documents.templates import install_set

    installed = install_set(file)
    typer.echo(_("Installed the template set edition {edition} ({n} forms).").format(
        edition=installed.edition, n=len(installed.forms)))  # fmt: skip


@app.command("override", help=_("Use the unit's own .docx for one form (or --remove it)."))
@guarded
def override(
    form: Annotated[str, typer.Argument(help=_("The form (III-04…)."))],
    file: Annotated[Path | None, typer.Argument(help=_("The unit's .docx template."))] = None,
    remove: Annotated[bool, typer.Option("--remove", help=_("Go back to the set's form."))] = False,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Use the unit's own .docx for one form (or --remove it)."""
    from caseterm.services.documents.overrides import set_override

    with unlocked(store, user, passphrase_file) as session:
        set_override(session, form.upper(), None if remove else file)
    if remove:
        typer.echo(_("The unit uses the set's form {form} again.").format(form=form.upper()))
    else:
        typer.echo(_("The unit's form {form} is set.").format(form=form.upper()))


HEADER_OPTIONS = {
    "province_police": "--province-police",
    "commune": "--commune",
    "place": "--place",
    "committee": "--committee",
    "advising_unit": "--advising-unit",
    "chief_name": "--chief-name",
    "chief_rank": "--chief-rank",
    "number_format": "--number-format",
    "symbol": "--symbol",
}


def header_command(
    province_police: Annotated[
        str | None,
        typer.Option(
            "--province-police",
            help=_("The provincial police, as printed (Công an tỉnh Bắc Ninh)."),
        ),
    ] = None,
    commune: Annotated[
        str | None,
        typer.Option("--commune", help=_("The commune, as printed after “Công an” (xã Tân An).")),
    ] = None,
    place: Annotated[
        str | None, typer.Option("--place", help=_("The place name before the date (Tân An)."))
    ] = None,
    committee: Annotated[
        str | None,
        typer.Option(
            "--committee",
            help=_("The commune People's Committee, if not “Ủy ban nhân dân” + the commune."),
        ),
    ] = None,
    advising_unit: Annotated[
        str | None,
        typer.Option(
            "--advising-unit", help=_("Who proposes the decisions (“Theo đề nghị của …”).")
        ),
    ] = None,
    chief_name: Annotated[
        str | None, typer.Option("--chief-name", help=_("The commune police chief, who signs."))
    ] = None,
    chief_rank: Annotated[
        str | None, typer.Option("--chief-rank", help=_("The chief's rank (Thiếu tá)."))
    ] = None,
    number_format: Annotated[
        str | None,
        typer.Option(
            "--number-format", help=_("How numbers are written: {number:02d}/{kind}-{symbol}.")
        ),
    ] = None,
    symbol: Annotated[
        str | None, typer.Option("--symbol", help=_("The issuer's abbreviation in numbers (CAX)."))
    ] = None,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Show or change the header every official document prints."""
    from caseterm.services.documents.header import officers, set_header, show_header

    given = {
        "province_police": province_police,
        "commune": commune,
        "place": place,
        "committee": committee,
        "advising_unit": advising_unit,
        "chief_name": chief_name,
        "chief_rank": chief_rank,
        "number_format": number_format,
        "symbol": symbol,
    }
    changes = {k: v for k, v in given.items() if v is not None}
    with unlocked(store, user, passphrase_file) as session:
        shown = set_header(session, changes) if changes else show_header(session)
        roster = officers(session)
    for key, option in HEADER_OPTIONS.items():
        typer.echo(f"{option:<18} {shown.get(key) or _('not set')}")
    typer.echo(_("Officers (caseterm-admin unit officer): {n}").format(n=len(roster)))


def officer_command(
    name: Annotated[
        str | None,
        typer.Argument(help=_("The officer's name as the records write it (Lê Văn Bình).")),
    ] = None,
    rank: Annotated[str, typer.Option("--rank", help=_("Rank (Trung úy)."))] = "",
    title: Annotated[str, typer.Option("--title", help=_("Title (Cảnh sát khu vực)."))] = "",
    remove: Annotated[bool, typer.Option("--remove", help=_("Take the officer off."))] = False,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Show the roster, or set one officer's rank and title (printed on every form)."""
    from caseterm.services.documents.header import officers, set_officer

    with unlocked(store, user, passphrase_file) as session:
        if name is None:
            roster = officers(session)
        else:
            roster = set_officer(session, name, rank=rank, title=title, remove=remove)
    for officer in roster:
        typer.echo(f"{officer.name:<30} {officer.rank or '—':<14} {officer.title or '—'}")
    if not roster:
        typer.echo(_("No officer on the roster: forms ask for each officer's rank and title."))
