"""`caseterm sync …`: the commune's monthly bundle to the district and its acknowledgement."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from caseterm.cli.common import guarded, print_json, unlocked
from caseterm.cli.options import JsonOpt, PassphraseFileOpt, StoreOpt, UserOpt
from caseterm.i18n import _

app = typer.Typer(
    help=_("The monthly bundle to the district: export, acknowledgement, status."),
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command("export", help=_("Write the encrypted, signed bundle for a month."))
@guarded
def export(
    period: Annotated[
        str, typer.Option("--period", help=_("The month the bundle closes, YYYY-MM."))
    ],
    out: Annotated[
        Path, typer.Option("--out", help=_("The bundle file, or a folder to write it in."))
    ],
    again: Annotated[
        int | None,
        typer.Option(
            "--again", min=1, help=_("Write unacknowledged bundle number N again, unchanged.")
        ),
    ] = None,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """Write the encrypted, signed bundle for a month."""
    from caseterm.services.sync.commune import export_bundle

    with unlocked(store, user, passphrase_file) as session:
        made = export_bundle(session, period, out, again=again)
    if json:
        print_json(
            {
                "sequence": made.sequence,
                "period": made.period,
                "path": str(made.path),
                "persons": made.persons,
                "events": made.events,
                "again": made.again,
            }
        )
        return
    text = (
        _("Bundle {n} ({period}) written again, unchanged: {path}")
        if made.again
        else _("Bundle {n} ({period}) written: {path}")
    )
    typer.echo(text.format(n=made.sequence, period=made.period, path=made.path))
    typer.echo(
        _("It carries {persons} persons and {events} events, encrypted to the district.").format(
            persons=made.persons, events=made.events
        )
    )


@app.command("ack-import", help=_("Read the district's signed acknowledgement of a bundle."))
@guarded
def ack_import(
    file: Annotated[Path, typer.Argument(help=_("The .ack file from the district."))],
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Read the district's signed acknowledgement of a bundle."""
    from caseterm.services.sync.commune import import_ack

    with unlocked(store, user, passphrase_file) as session:
        ack = import_ack(session, file)
    typer.echo(
        _(
            "The district applied bundle {n} ({period}): {applied} records new to it, "
            "{present} it already had."
        ).format(
            n=ack.sequence, period=ack.period, applied=ack.applied, present=ack.already_present
        )
    )
    if not ack.newly_acknowledged:
        typer.echo(_("This acknowledgement had already been read."))


@app.command("status", help=_("The district, the bundles made and acknowledged, what is due."))
@guarded
def status(
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """The district, the bundles made and acknowledged, what is due."""
    from caseterm.services.sync.commune import sync_status
    from caseterm.services.sync.json_shapes import sync_status_json
    from caseterm.services.words.labels import day_label

    with unlocked(store, user, passphrase_file) as session:
        found = sync_status(session)
    if json:
        print_json(sync_status_json(found))
        return
    if found.district is None:
        typer.echo(_("No district is set: bundles cannot be made yet."))
    else:
        typer.echo(_("District: {code}").format(code=found.district.district_code))
    if found.signing_public_key is not None:
        typer.echo(
            _("This commune's signing key (give it to the district): {key}").format(
                key=found.signing_public_key.hex()
            )
        )
    for made in found.exports:
        state = (
            _("acknowledged {day}").format(day=day_label(made.acked_at))
            if made.acked_at
            else _("⚠ not acknowledged yet")
        )
        typer.echo(
            _("  #{n} {period} made {day}: {persons} persons, {events} events; {state}").format(
                n=made.sequence,
                period=made.period,
                day=day_label(made.created_at),
                persons=made.persons,
                events=made.events,
                state=state,
            )
        )
    typer.echo(
        _("Not yet acknowledged by the district: {persons} persons, {events} events.").format(
            persons=found.unsent_persons, events=found.unsent_events
        )
    )
    if found.due_period:
        typer.echo(_("⚠ The bundle for {period} is due.").format(period=found.due_period))
