"""`caseterm-admin calendar show|install`: the public-holiday calendar for working-day deadlines."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from caseterm.cli.common import guarded, unlocked
from caseterm.cli.options import PassphraseFileOpt, StoreOpt, UserOpt
from caseterm.i18n import _

app = typer.Typer(
    help=_("The public-holiday calendar used to count working days."),
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command("show", help=_("Show the calendar in force: its edition, years and days off."))
@guarded
def show() -> None:
    """Show the calendar in force: its edition, years and days off."""
    from caseterm.services.lifecycle.calendar import active_calendar

    calendar = active_calendar()
    years = ", ".join(str(year) for year in sorted(calendar.years))
    typer.echo(_("Edition {version}, years {years}").format(version=calendar.version, years=years))
    for holiday in calendar.holidays:
        marker = "" if holiday.status.value != "estimated" else "  " + _("(estimated, not counted)")
        typer.echo(f"  {holiday.day.strftime('%d/%m/%Y')}  {holiday.name}{marker}")


@app.command("install", help=_("Install an updated calendar file (checked first)."))
@guarded
def install(
    file: Annotated[Path, typer.Argument(help=_("A holidays JSON file (schema/holidays.v1)."))],
) -> None:
    """Install an updated calendar file (checked first)."""
    from caseterm.services.lifecycle.calendar import install_calendar

    calendar = install_calendar(file)
    typer.echo(
        _(
            "Installed the calendar edition {version}; lifecycles are recomputed on next use."
        ).format(version=calendar.version)
    )


@app.command(
    "term-ends",
    help=_(
        "Show or change whether a person's term ending on a day off moves to the next working"
        " day (Civil Code Art 148(5))."
    ),
)
@guarded
def term_ends(
    move: Annotated[
        bool | None,
        typer.Option(
            "--move/--no-move",
            help=_("Move the person's terms (management, rehab, post-rehab, limitation)."),
        ),
    ] = None,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Show or change the unit's Civil Code Art 148(5) setting."""
    from caseterm.services.lifecycle.term_setting import set_term_ends_moved, term_ends_moved

    with unlocked(store, user, passphrase_file) as session:
        moved = term_ends_moved(session) if move is None else set_term_ends_moved(session, move)
    if moved:
        typer.echo(
            _(
                "On: a person's term (management, rehab, post-rehab, limitation) whose last day"
                " is a day off ends at the end of the next working day (Civil Code Art 148(5))."
                " Officer duties do not move."
            )
        )
    else:
        typer.echo(
            _(
                "Off: no term end moves; a term whose last day is a day off says so in its"
                " deadline (the default: deadlines fall on or before the legal day)."
            )
        )
