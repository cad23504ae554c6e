"""`caseterm-admin keys …`: the state of the store's keys, and data-key rotation."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

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
from caseterm.cli.options import (
    ApprovalOpt,
    JsonOpt,
    NewPassphraseFileOpt,
    PassphraseFileOpt,
    StoreOpt,
    UserOpt,
)
from caseterm.i18n import _

app = typer.Typer(
    help=_("The store's keys: their state, and rotating the data key."),
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command("status", help=_("Key versions and ages, key slots, recovery key, with warnings."))
@guarded
def status(
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """Key versions and ages, key slots, recovery key, with warnings."""
    from dataclasses import asdict

    from caseterm.services.keys.status import key_status
    from caseterm.services.words.labels import day_label

    with unlocked(store, user, passphrase_file) as session:
        found = key_status(session)
    if json:
        print_json(asdict(found))
        return
    typer.echo(_("Store {store_id}; cipher settings as pinned.").format(store_id=found.store_id))
    typer.echo(
        _("Data key: version {n}, since {day}.").format(
            n=found.data_key_version, day=day_label(found.data_key_since)
        )
    )
    if found.data_key_due:
        typer.echo(_("  ⚠ older than 2 years: rotate it (caseterm-admin keys rotate-data-key)."))
    if found.rotation_pending:
        typer.echo(_("  ⚠ a rotation was interrupted; it is settled at the next unlock."))
    if found.signing_key_id and found.signing_key_since:
        typer.echo(
            _("Signing key: {key_id}, since {day}.").format(
                key_id=found.signing_key_id, day=day_label(found.signing_key_since)
            )
        )
    if found.signing_key_due:
        typer.echo(_("  ⚠ older than 2 years: it should be rotated."))
    if found.recovery_fingerprint:
        typer.echo(
            _(
                "Recovery key: present, fingerprint {fingerprint} (compare with the envelope)."
            ).format(fingerprint=found.recovery_fingerprint)
        )
    else:
        typer.echo(_("Recovery key: ⚠ none."))
    if found.last_backup is None:
        typer.echo(_("Last backup: ⚠ never (caseterm-admin backup create --out FILE)."))
    else:
        typer.echo(_("Last backup: {day}.").format(day=day_label(found.last_backup)))
        if found.backup_due:
            typer.echo(_("  ⚠ more than a month ago: make a new one."))
    _say_duties(found.admin_and_chief, found.chiefs)
    for slot in found.slots:
        state = (
            _("⚠ below the minimum: refused at unlock")
            if slot.below_floor
            else _(
                "⚠ weaker than the policy: rewrapped at its owner's next unlock if this "
                "computer is fast enough"
            )
            if slot.below_policy
            else _("ok")
        )
        typer.echo(
            _("  {name}: Argon2id {m} MiB, {t} passes, {p} lanes — {state}").format(
                name=slot.name, m=slot.memory_mib, t=slot.iterations, p=slot.lanes, state=state
            )
        )


def _say_duties(admin_and_chief: tuple[str, ...], chiefs: int) -> None:
    """Warn where one person could both create an account and approve it."""
    from caseterm.cli.render import say_duties_combined

    say_duties_combined(admin_and_chief)
    if not chiefs:
        typer.echo(
            _(
                "Chief: ⚠ none. A chief approves new officer accounts, resets and recovery "
                "keys; the first chief account is created without an approval."
            )
        )


@app.command(
    "rotate-data-key",
    help=_(
        "Re-encrypt the whole store under a new data key (nobody else may have it open). "
        "Safe to interrupt: the next unlock finishes or undoes it."
    ),
)
@guarded
def rotate(
    store: StoreOpt = None, user: UserOpt = None, passphrase_file: PassphraseFileOpt = None
) -> None:
    """Re-encrypt the whole store under a new data key."""
    from caseterm.services.keys.rotation import rotate_data_key

    warn_if_unsafe_kdf()
    name = resolve_user(user)
    passphrase = read_passphrase(passphrase_file, _("Passphrase for {name}: ").format(name=name))
    started = time.monotonic()
    done = rotate_data_key(
        resolve_store(store),
        name,
        passphrase,
        started=lambda: typer.echo(_("Re-encrypting the store under a new key…"), err=True),
    )
    typer.echo(
        _(
            "Data key rotated: version {old} → {new}, {mb:.1f} MB in {seconds:.1f} s. Every "
            "account keeps its passphrase; the old key opens nothing any more."
        ).format(
            old=done.old_version,
            new=done.new_version,
            mb=done.store_bytes / 1e6,
            seconds=time.monotonic() - started,
        )
    )


@app.command(
    "rotate-signing-key",
    help=_(
        "Make a new signing key for the unit's bundles. The old key signs a statement that "
        "the next bundles carry, so the district trusts the new key without a new enrolment."
    ),
)
@guarded
def rotate_signing(
    store: StoreOpt = None, user: UserOpt = None, passphrase_file: PassphraseFileOpt = None
) -> None:
    """Make a new signing key, introduced to the district by the old one."""
    from caseterm.services.keys.signing_rotation import rotate_signing_key

    with unlocked(store, user, passphrase_file) as session:
        done = rotate_signing_key(session)
    typer.echo(
        _(
            "Signing key {old} → {new}. The next bundle tells the district; until it is "
            "acknowledged, the key cannot be rotated again."
        ).format(old=done.old_key_id, new=done.new_key_id)
    )


@app.command(
    "recovery-key-new",
    help=_(
        "Make a recovery key: its secret half goes to FILE (keep it offline, e.g. printed in a "
        "sealed envelope at the district), its public half is printed for the stores."
    ),
)
@guarded
def recovery_key_new(
    out: Annotated[Path, typer.Option("--out", help=_("Where to write the secret half."))],
) -> None:
    """Make a recovery key pair."""
    from caseterm.services.accounts.recovery import new_recovery_key

    public = new_recovery_key(out)
    typer.echo(
        _("Secret half written to {path}: keep it offline, never beside a store.").format(path=out),
        err=True,
    )
    typer.echo(public)


@app.command("set-recovery", help=_("Give a recovery public key a grant of this store's data key."))
@guarded
def set_recovery(
    public_key: Annotated[str, typer.Argument(help=_("The line caseterm-recovery/1:…"))],
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    approval: ApprovalOpt = None,
) -> None:
    """Give a recovery public key a grant of this store's data key."""
    from caseterm.services.accounts.recovery import set_recovery_key

    with unlocked(store, user, passphrase_file) as session:
        set_recovery_key(session, public_key, approval=approval)
    typer.echo(_("The recovery key can now open this store."))


@app.command(
    "recover",
    help=_(
        "Open the store with the recovery key and give an administrator a new passphrase "
        "(when every passphrase is lost)."
    ),
)
@guarded
def recover(
    recovery_key: Annotated[
        Path, typer.Option("--recovery-key", help=_("The file with the secret half."))
    ],
    account: Annotated[str, typer.Option("--account", help=_("The administrator's account."))],
    store: StoreOpt = None,
    new_passphrase_file: NewPassphraseFileOpt = None,
) -> None:
    """Open the store with the recovery key and give an administrator a new passphrase."""
    from caseterm.services.accounts.recovery import recover_account

    warn_if_unsafe_kdf()
    secret = read_text_file(recovery_key)
    passphrase = read_passphrase(
        new_passphrase_file,
        _("New passphrase for {name}: ").format(name=account),
        confirm=True,
        context=(account,),
    )
    recover_account(resolve_store(store), secret, account, passphrase)
    typer.echo(
        _("{name} has a new passphrase. The recovery key's use is in the audit log.").format(
            name=account
        )
    )
