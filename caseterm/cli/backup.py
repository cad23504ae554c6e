"""`caseterm-admin backup …`: make, check and restore encrypted backups."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from caseterm.cli.common import (
    guarded,
    print_json,
    read_passphrase,
    read_text_file,
    resolve_store,
    resolve_user,
    unlocked,
    warn_if_unsafe_kdf,
)
from caseterm.cli.options import JsonOpt, PassphraseFileOpt, StoreOpt, UserOpt
from caseterm.i18n import _

if TYPE_CHECKING:
    from caseterm.services.custody.restore import Opener

app = typer.Typer(
    help=_("Encrypted backups: make one while others work, check one, restore one."),
    no_args_is_help=True,
    rich_markup_mode=None,
)

BackupArg = Annotated[Path, typer.Argument(help=_("The backup file."), show_default=False)]
RecoveryKeyOpt = Annotated[
    Path | None,
    typer.Option(
        "--recovery-key",
        show_default=False,
        help=_("Open the backup with the recovery key's secret half instead of a passphrase."),
    ),
]


@app.command(
    "create",
    help=_(
        "Back up the store into one file under a fresh key, sealed to the administrators and "
        "the recovery key. Officers may keep working meanwhile."
    ),
)
@guarded
def create(
    out: Annotated[Path, typer.Option("--out", help=_("The backup file to write."))],
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Back up the store into one file."""
    from caseterm.services.custody.backup import create_backup

    with unlocked(store, user, passphrase_file) as session:
        made = create_backup(session, out)
    typer.echo(
        _("Backup written: {path} ({mb:.1f} MB in {seconds:.1f} s).").format(
            path=made.path, mb=made.size / 1e6, seconds=made.seconds
        )
    )
    typer.echo(
        _("It opens with the passphrase of: {names}.").format(names=", ".join(made.administrators))
    )
    if made.recovery_key:
        typer.echo(_("It also opens with the recovery key."))
    else:
        typer.echo(
            _("⚠ This store has no recovery key: if those passphrases are lost, so is the backup.")
        )


def _opener(user: str | None, passphrase_file: Path | None, recovery_key: Path | None) -> Opener:
    from caseterm.services.custody.restore import Opener

    warn_if_unsafe_kdf()
    if recovery_key is not None:
        return Opener(recovery_secret=read_text_file(recovery_key))
    name = resolve_user(user)
    prompt = _("Passphrase for {name} (as it was when the backup was made): ").format(name=name)
    return Opener(name=name, passphrase=read_passphrase(passphrase_file, prompt))


@app.command(
    "verify",
    help=_("Open a backup and check it whole: its header, its hash, its database, its audit log."),
)
@guarded
def verify(
    backup: BackupArg,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    recovery_key: RecoveryKeyOpt = None,
    store: StoreOpt = None,
    json: JsonOpt = False,
) -> None:
    """Open a backup and check it whole."""
    from dataclasses import asdict

    from caseterm.services.custody.restore import verify_backup_noted
    from caseterm.services.words.labels import moment_label

    report, noted = verify_backup_noted(
        backup, _opener(user, passphrase_file, recovery_key), resolve_store(store)
    )
    if not noted and not json:
        typer.echo(
            _("(No store here to note this check in: it is not in any audit log.)"), err=True
        )
    if json:
        print_json(asdict(report))
        return
    typer.echo(
        _("✓ The backup is whole: {unit_name} ({unit_code}), made {at}.").format(
            unit_name=report.unit_name,
            unit_code=report.unit_code,
            at=moment_label(report.created_at),
        )
    )
    typer.echo(
        _("{persons} persons, {entries} audit entries (chain verified).").format(
            persons=report.persons, entries=report.audit_entries
        )
    )
    typer.echo(
        _("It opens with the passphrase of: {names}.").format(
            names=", ".join(report.administrators)
        )
    )


@app.command(
    "restore",
    help=_(
        "Restore a backup into a new store (never over an existing one), under a new data key. "
        "Every account keeps the passphrase it had when the backup was made."
    ),
)
@guarded
def restore(
    backup: BackupArg,
    store: Annotated[
        Path, typer.Option("--store", help=_("The new store file to create."), show_default=False)
    ],
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    recovery_key: RecoveryKeyOpt = None,
) -> None:
    """Restore a backup into a new store."""
    from caseterm.services.custody.restore import restore_backup

    done = restore_backup(backup, store, _opener(user, passphrase_file, recovery_key))
    typer.echo(
        _("Restored into {path} under a new data key (version {n}).").format(
            path=done.store, n=done.data_key_version
        )
    )
    typer.echo(_("Accounts: {names}.").format(names=", ".join(done.accounts)))
    typer.echo(
        _(
            "Sync bundles made after this backup are not in it: if any were sent, tell the "
            "district before the next export."
        )
    )
