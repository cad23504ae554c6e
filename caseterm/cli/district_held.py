"""`caseterm-admin district held list|drop|release` and `district rebaseline`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from caseterm.cli.common import guarded, print_json, unlocked
from caseterm.cli.options import JsonOpt, PassphraseFileOpt, StoreOpt, UserOpt
from caseterm.i18n import _

app = typer.Typer(
    help=_(
        "Bundles held back from a commune's chain (waiting for an earlier one, or refused at "
        "their turn): list, drop with a reason, or try again."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)
UnitArg = Annotated[str, typer.Argument(help=_("The commune's code."), show_default=False)]
ReasonOpt = Annotated[
    str, typer.Option("--reason", help=_("Why (10 to 200 characters; kept in the audit log)."))
]


@app.command("list", help=_("List the held bundles and what each waits for."))
@guarded
def list_(
    unit: Annotated[str | None, typer.Option("--unit", help=_("Only this commune."))] = None,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """List the held bundles."""
    from caseterm.services.sync.district_held import held_bundles
    from caseterm.services.sync.messages import refusal

    with unlocked(store, user, passphrase_file) as session:
        found = held_bundles(session, unit)
    if json:
        print_json(
            [
                {
                    "unit_code": v.bundle.unit_code,
                    "sequence": v.bundle.sequence,
                    "period": v.bundle.period,
                    "status": v.bundle.status,
                    "received_at": v.bundle.received_at,
                    "refusal": v.bundle.refusal,
                    "missing": list(v.missing),
                    "sha256": v.bundle.bundle_sha256,
                }
                for v in found
            ]
        )
        return
    if not found:
        typer.echo(_("No bundle is held."))
    for view in found:
        held = view.bundle
        where = f"{held.unit_code} #{held.sequence} ({held.period})"
        if view.missing:
            why = _("waits for {missing}").format(missing=", ".join(map(str, view.missing)))
        elif held.refusal:
            why = _("refused at its turn: {reason}").format(reason=refusal(held.refusal))
        else:
            why = _("next in line: caseterm-admin district held release")
        typer.echo(f"{where}  {held.bundle_sha256[:16]}  {why}")


@app.command("drop", help=_("Forget a held bundle (the commune may send that number again)."))
@guarded
def drop(
    unit: UnitArg,
    sequence: Annotated[int, typer.Argument(help=_("The bundle's sequence number."), min=1)],
    reason: ReasonOpt,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Forget a held bundle, with a reason."""
    from caseterm.services.sync.district_held import drop_held

    with unlocked(store, user, passphrase_file) as session:
        dropped = drop_held(session, unit, sequence, reason)
    typer.echo(
        _("Dropped {unit} #{n} ({sha}); the audit log keeps why.").format(
            unit=unit, n=sequence, sha=dropped.bundle_sha256[:16]
        )
    )


@app.command("release", help=_("Try again the held bundles that follow each commune's chain."))
@guarded
def release(
    unit: Annotated[str | None, typer.Option("--unit", help=_("Only this commune."))] = None,
    ack_dir: Annotated[
        Path, typer.Option("--ack-dir", help=_("Where to write the acknowledgements."))
    ] = Path(),
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Apply the held bundles that now can be; acknowledge each."""
    from caseterm.cli.district_output import describe_import
    from caseterm.services.sync.district_held import release_held_bundles

    with unlocked(store, user, passphrase_file) as session:
        results = release_held_bundles(session, ack_dir, unit)
    if not results:
        typer.echo(_("No held bundle follows a commune's chain yet."))
    for result in results:
        typer.echo(describe_import(result))


def rebaseline(
    unit: UnitArg,
    reason: ReasonOpt,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Accept that a commune was restored: its next bundle restarts its chain."""
    from caseterm.services.sync.district_rebaseline import request_rebaseline

    with unlocked(store, user, passphrase_file) as session:
        request_rebaseline(session, unit, reason)
    typer.echo(
        _(
            "The next bundle from {unit} may start its chain again, from a bundle this district "
            "applied; the receipts of later bundles then give way (their records stay)."
        ).format(unit=unit)
    )
