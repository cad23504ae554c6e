"""`caseterm-admin district …`: the district's store, its communes, imports and status."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from caseterm.cli import district_held
from caseterm.cli.common import guarded, print_json, unlocked
from caseterm.cli.district_output import describe_import, import_row
from caseterm.cli.options import JsonOpt, PassphraseFileOpt, StoreOpt, UserOpt
from caseterm.cli.report import district_report_command
from caseterm.errors import EXIT_REFUSED, CasetermError
from caseterm.i18n import _

app = typer.Typer(
    help=_("The district: its store, the communes' keys, importing bundles, status."),
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command("init", help=_("Create the district's store, its keys and its first administrator."))
@guarded
def init(
    unit_code: Annotated[str, typer.Option("--unit-code", help=_("The district's code."))],
    unit_name: Annotated[str, typer.Option("--unit-name", help=_("The district's name."))],
    admin: Annotated[
        str, typer.Option("--admin", help=_("The first administrator's account name."))
    ],
    store: StoreOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Create the district's store, its keys and its first administrator."""
    from caseterm.cli.common import resolve_store
    from caseterm.cli.new_store import create_store
    from caseterm.services.setup.new_store import InitRequest
    from caseterm.services.sync.district import district_address

    path = resolve_store(store)
    request = InitRequest(path, unit_code, unit_name, admin, "", kind="district")
    create_store(request, passphrase_file)
    typer.echo(_("Unlock once more to print the district's address for the communes."), err=True)
    with unlocked(path, admin, passphrase_file) as session:
        typer.echo(_("Give each commune this line (it holds no secret):"))
        typer.echo(district_address(session).text())


@app.command("address", help=_("Print the line each commune needs to send bundles here."))
@guarded
def address(
    store: StoreOpt = None, user: UserOpt = None, passphrase_file: PassphraseFileOpt = None
) -> None:
    """Print the line each commune needs to send bundles here."""
    from caseterm.services.sync.district import district_address

    with unlocked(store, user, passphrase_file) as session:
        typer.echo(district_address(session).text())


@app.command("enroll-commune", help=_("Trust a commune's signing key (enrolling the commune)."))
@guarded
def enroll(
    unit_code: Annotated[str, typer.Option("--unit-code", help=_("The commune's code."))],
    signing_key: Annotated[
        str,
        typer.Option("--signing-key", help=_("The commune's signing key (64 hex digits).")),
    ],
    unit_name: Annotated[str, typer.Option("--unit-name", help=_("The commune's name."))] = "",
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Trust a commune's signing key (enrolling the commune)."""
    from caseterm.services.sync.district import enroll_commune

    with unlocked(store, user, passphrase_file) as session:
        key = enroll_commune(session, unit_code, unit_name, signing_key)
    typer.echo(
        _("Enrolled commune {code} with signing key {key_id}.").format(
            code=unit_code, key_id=key.key_id
        )
    )


@app.command("revoke-key", help=_("Stop trusting a commune's signing key (a lost laptop)."))
@guarded
def revoke(
    key_id: Annotated[str, typer.Argument(help=_("The key id (16 hex digits)."))],
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Stop trusting a commune's signing key."""
    from caseterm.services.sync.district import revoke_commune_key

    with unlocked(store, user, passphrase_file) as session:
        revoked = revoke_commune_key(session, key_id)
    typer.echo(_("Key {key_id} is revoked: bundles it signs are refused.").format(key_id=key_id))
    for introduced in revoked[1:]:
        typer.echo(_("  also revoked: {key_id}, which it introduced.").format(key_id=introduced))


@app.command("import", help=_("Import communes' bundles; write an acknowledgement for each."))
@guarded
def import_(
    files: Annotated[list[Path], typer.Argument(help=_("Bundle files (.ctb)."))],
    ack_dir: Annotated[
        Path | None,
        typer.Option("--ack-dir", help=_("Where to write the acknowledgements (default: beside).")),
    ] = None,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """Import bundles; each is applied whole or not at all."""
    from caseterm.services.sync.district_import import import_bundle

    failed = 0
    rows: list[dict[str, object]] = []
    with unlocked(store, user, passphrase_file) as session:
        for file in files:
            try:
                results = import_bundle(session, file, ack_dir=ack_dir)
            except CasetermError as error:
                failed += 1
                code = getattr(error, "code", "")
                rows.append({"file": str(file), "error": code, "message": error.message})
                if not json:
                    typer.echo(f"{file}: {error}", err=True)
                continue
            for result in results:
                rows.append(import_row(file, result))
                if not json:
                    typer.echo(describe_import(result))
    if json:
        print_json(rows)
    if failed:
        raise typer.Exit(EXIT_REFUSED)


@app.command("status", help=_("Each commune's last bundle, staleness, gaps, alerts, shared IDs."))
@guarded
def status(
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """Each commune's last bundle, staleness, gaps, alerts, shared IDs."""
    from caseterm.services.sync.district import STALE_AFTER_DAYS, district_status
    from caseterm.services.sync.json_shapes import district_status_json

    with unlocked(store, user, passphrase_file) as session:
        found = district_status(session)
    if json:
        print_json(district_status_json(found))
        return
    for commune in found.communes:
        stale = (
            _("  ⚠ NO BUNDLE FOR MORE THAN {n} DAYS").format(n=STALE_AFTER_DAYS)
            if commune.stale
            else ""
        )
        if commune.last_sequence:
            line = _("{code} {name}: last bundle #{n} ({period}), {days} days ago{stale}")
        else:
            line = _("{code} {name}: no bundle received yet (enrolled {days} days ago){stale}")
        typer.echo(
            line.format(
                code=commune.unit_code,
                name=commune.name,
                n=commune.last_sequence,
                period=commune.last_period or "—",
                days=commune.days_since,
                stale=stale,
            )
        )
        revoked = [key_id for key_id, gone in commune.keys if gone]
        if revoked:
            typer.echo(
                _("  revoked signing keys (their bundles are refused): {keys}").format(
                    keys=", ".join(revoked)
                )
            )
        if commune.quarantined:
            typer.echo(
                _("  ⚠ quarantined: {held}; missing: {missing}").format(
                    held=", ".join(map(str, commune.quarantined)),
                    missing=", ".join(map(str, commune.missing)),
                )
            )
    for shared in found.shared:
        holders = ", ".join(f"{unit} {pid}" for unit, pid in shared.holders)
        typer.echo(
            _("⚠ ID number {end} is held by several communes: {holders}").format(
                end=shared.id_number_end, holders=holders
            )
        )
    for unit, sequence, code, at in found.alerts:
        typer.echo(
            _("⚠ ALERT {code}: {unit} #{n} at {at}").format(code=code, unit=unit, n=sequence, at=at)
        )


app.add_typer(district_held.app, name="held")
app.command(
    "rebaseline",
    help=_(
        "Accept that a commune was restored from a backup older than its last bundle: its "
        "next bundle restarts its chain from a bundle this district applied."
    ),
)(guarded(district_held.rebaseline))
app.command(
    "report",
    help=_(
        "The district's monthly report: each commune and the total, communes with no data for "
        "the period listed first."
    ),
)(guarded(district_report_command))
