"""`caseterm-admin audit show`: who opened, changed or exported what, and when."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from caseterm.cli.common import guarded, print_json, unlocked
from caseterm.cli.options import JsonOpt, PassphraseFileOpt, StoreOpt, UserOpt
from caseterm.i18n import _

if TYPE_CHECKING:
    from caseterm.services.audit.trail import AuditTrail

app = typer.Typer(
    help=_("The audit trail: who did what to a file, what an account did, the unit's operations."),
    no_args_is_help=True,
)


@app.command(
    "show",
    help=_(
        "Show the audit trail of a person (--person), of an account (--user-name) or of the "
        "unit's own operations (neither), in a period; reading it is itself audited."
    ),
)
@guarded
def show_command(
    person: Annotated[str, typer.Option("--person", help=_("A person's file number or id."))] = "",
    account: Annotated[str, typer.Option("--user-name", help=_("What this account did."))] = "",
    since: Annotated[str, typer.Option("--since", help=_("From this day (dd/mm/yyyy)."))] = "",
    until: Annotated[str, typer.Option("--until", help=_("Before this day (dd/mm/yyyy)."))] = "",
    xlsx: Annotated[
        Path | None,
        typer.Option("--xlsx", help=_("Also save it as an XLSX for an inspection (no names).")),
    ] = None,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """Show the audit trail of a person, of an account or of the unit's own operations."""
    from caseterm.services.audit.export import trail_json, write_trail_xlsx
    from caseterm.services.audit.trail import account_trail, person_trail, unit_trail

    with unlocked(store, user, passphrase_file) as session:
        if person:
            trail = person_trail(session, person)
        elif account:
            trail = account_trail(session, account, since=since, until=until)
        else:
            trail = unit_trail(session, since=since, until=until)
        if xlsx is not None:
            write_trail_xlsx(session, trail, xlsx)
    if json:
        print_json(trail_json(trail))
        return
    _print(trail)


def _print(trail: AuditTrail) -> None:
    from caseterm.services.words.labels import moment_label

    typer.echo(_("Audit trail of {subject}").format(subject=trail.subject))
    if trail.chain_fault is None:
        typer.echo(_("✓ the audit chain is intact ({n} entries)").format(n=trail.chain_entries))
    else:
        typer.echo(_("✗ the audit chain is broken at {where}").format(where=trail.chain_fault))
    for row in trail.rows:
        typer.echo(
            f"{row.seq:>7}  {moment_label(row.at)}  {row.account:<12}  {row.what}"
            + (f"  [{row.details}]" if row.details else "")
        )
    if not trail.rows:
        typer.echo(_("No entries."))
