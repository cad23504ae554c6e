"""`caseterm-admin retention …`: closed cases made read-only, archived encrypted, then purged."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from caseterm.cli.common import guarded, print_json, unlocked
from caseterm.cli.options import JsonOpt, PassphraseFileOpt, StoreOpt, UserOpt
from caseterm.i18n import _

app = typer.Typer(
    help=_(
        "Closed cases: read-only after a period, archived (encrypted) for the official "
        "archive, purged from this computer once the district holds them."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command("status", help=_("How many closed files are open to corrections, read-only, "
                              "archived and ready to purge."))  # fmt: skip
@guarded
def status(
    as_json: JsonOpt = False,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Counts of the closed files by stage."""
    from caseterm.services.custody.retention import retention_status

    with unlocked(store, user, passphrase_file) as session:
        found = retention_status(session)
    counts = {
        "read_only_after_days": found.read_only_after_days,
        "closed": found.closed,
        "read_only": len(found.read_only),
        "archived": len(found.archived),
        "purgeable": len(found.purgeable),
        "purged": found.purged,
        "archives": [a.__dict__ for a in found.archives],
    }
    if as_json:
        print_json(counts)
        return
    _echo_period(found.read_only_after_days)
    typer.echo(_("Closed, still open to corrections: {n}").format(n=found.closed))
    typer.echo(_("Read-only, waiting to be archived: {n}").format(n=len(found.read_only)))
    typer.echo(_("Archived, still on this computer: {n}").format(n=len(found.archived)))
    typer.echo(_("Of those, held by the district (a purge removes them): {n}").format(
        n=len(found.purgeable)))  # fmt: skip
    typer.echo(_("Purged so far: {n}").format(n=found.purged))


@app.command("settings", help=_("Show or change how long a closed case stays open to corrections."))
@guarded
def settings(
    days: Annotated[
        int | None,
        typer.Option("--read-only-after", help=_("Days after closing (1 to 3650).")),
    ] = None,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Show or change the correction period."""
    from caseterm.services.custody.retention import retention_status, set_read_only_after

    with unlocked(store, user, passphrase_file) as session:
        if days is not None:
            set_read_only_after(session, days)
        found = retention_status(session)
    _echo_period(found.read_only_after_days)


def _echo_period(days: int) -> None:
    typer.echo(_("Closed files become read-only {days} days after they close.").format(days=days))


@app.command("archive", help=_("Write the read-only files into one encrypted archive file."))
@guarded
def archive(
    out: Annotated[Path, typer.Option("--out", help=_("The archive file to write."))],
    recipient: Annotated[
        str | None,
        typer.Option(
            "--recipient",
            help=_("The archive's age key (age1…); default: the district's key."),
        ),
    ] = None,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Archive the read-only closed files."""
    from caseterm.services.custody.retention import archive_closed

    with unlocked(store, user, passphrase_file) as session:
        made = archive_closed(session, out, recipient=recipient)
    typer.echo(
        _("Archived {n} files in {path} (SHA-256 {sha}).").format(
            n=made.persons, path=made.path, sha=made.sha256
        )
    )


@app.command("purge", help=_("Remove from this computer the archived files the district holds."))
@guarded
def purge(
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Purge the archived files the district holds whole."""
    from caseterm.services.custody.retention import purge_archived

    with unlocked(store, user, passphrase_file) as session:
        purged = purge_archived(session)
    typer.echo(_("Purged {n} files from this computer.").format(n=len(purged)))
