"""`caseterm-admin users add|list|disable|passwd`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from caseterm.cli.common import (
    guarded,
    print_json,
    read_passphrase,
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

if TYPE_CHECKING:
    from caseterm.domain.codes import Role

app = typer.Typer(
    help=_("Accounts: add, list, disable, change passphrase."),
    no_args_is_help=True,
    rich_markup_mode=None,
)
NameArg = Annotated[str, typer.Argument(help=_("The account name."), show_default=False)]


@app.command("add", help=_("Add an account; its owner types their own passphrase."))
@guarded
def add(
    name: NameArg,
    role: Annotated[
        list[str],
        typer.Option(
            "--role", help=_("officer, chief, admin or district-analyst (repeat for several).")
        ),
    ],
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    new_passphrase_file: NewPassphraseFileOpt = None,
    display_name: Annotated[str, typer.Option("--display-name", help=_("Full name."))] = "",
    approval: ApprovalOpt = None,
) -> None:
    """Add an account; its owner types their own passphrase."""
    from caseterm.domain.permissions import AccountChange
    from caseterm.services.accounts.approvals import check_approval
    from caseterm.services.accounts.manage import add_account

    roles = parse_roles(role)
    with unlocked(store, user, passphrase_file) as session:
        check_approval(session, AccountChange.CREATE, name, roles, approval)  # before typing
        typer.echo(
            _("{name}, type your new passphrase (the administrator must not see it).").format(
                name=name
            ),
            err=True,
        )
        passphrase = read_passphrase(
            new_passphrase_file, _("New passphrase: "), confirm=True, context=(name,)
        )
        account = add_account(
            session,
            name=name,
            roles=roles,
            passphrase=passphrase,
            display_name=display_name,
            approval=approval,
        )
    typer.echo(
        _("Added the account {name} ({roles}).").format(
            name=account.name, roles=_role_words(account.roles)
        )
    )


@app.command("list", help=_("List the accounts, their roles and their key-derivation cost."))
@guarded
def list_(
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """List the accounts, their roles and their key-derivation cost."""
    from caseterm.services.accounts.json_shapes import accounts_json
    from caseterm.services.accounts.manage import list_accounts

    with unlocked(store, user, passphrase_file) as session:
        views = list_accounts(session)
    if json:
        print_json(accounts_json(views))
        return
    for view in views:
        state = _("active") if view.account.active else _("disabled")
        cost = (
            f"argon2id {view.kdf_memory_mib} MiB × {view.kdf_iterations}" if view.has_slot else "-"
        )
        roles = _role_words(view.account.roles)
        typer.echo(f"{view.account.name:<20} {roles:<34} {state:<10} {cost}")


@app.command("disable", help=_("Disable an account and remove its key slot."))
@guarded
def disable(
    name: NameArg,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    rotate: Annotated[
        bool,
        typer.Option(
            "--rotate",
            help=_("Then rotate the data key, so old copies of the key file open nothing new."),
        ),
    ] = False,
) -> None:
    """Disable an account and remove its key slot (and rotate the data key with --rotate)."""
    from caseterm.cli.common import resolve_store, resolve_user, warn_if_unsafe_kdf
    from caseterm.services.accounts.manage import disable_account
    from caseterm.services.keys.opening import open_session
    from caseterm.services.keys.rotation import rotate_data_key

    warn_if_unsafe_kdf()
    admin = resolve_user(user)
    passphrase = read_passphrase(passphrase_file, _("Passphrase for {name}: ").format(name=admin))
    path = resolve_store(store)
    session = open_session(path, admin, passphrase)
    try:
        disable_account(session, name)
    finally:
        session.close()
    if not rotate:
        typer.echo(
            _(
                "Disabled {name} and removed its key slot. A copy of the old key file still "
                "opens old copies of the store: rotate the data key (keys rotate-data-key)."
            ).format(name=name)
        )
        return
    done = rotate_data_key(path, admin, passphrase)
    typer.echo(
        _(
            "Disabled {name}, removed its key slot and rotated the data key (version {n}): "
            "nothing it could open before opens the store now."
        ).format(name=name, n=done.new_version)
    )


@app.command("unlock", help=_("Let an account try its passphrase again after too many wrong ones."))
@guarded
def unlock(
    name: NameArg,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
) -> None:
    """Let an account try its passphrase again after too many wrong ones."""
    from caseterm.services.accounts.manage import let_in_again

    with unlocked(store, user, passphrase_file) as session:
        cleared = let_in_again(session, name)
    typer.echo(
        _("{name} may try again now.").format(name=name)
        if cleared
        else _("{name} had no wrong passphrases to clear.").format(name=name)
    )


@app.command(
    "reset",
    help=_(
        "Give an account that forgot its passphrase a one-time code (valid 72 hours unless "
        "--valid-hours says otherwise); its owner then chooses a new passphrase. You never "
        "learn or set it."
    ),
)
@guarded
def reset(
    name: NameArg,
    valid_hours: Annotated[
        int, typer.Option("--valid-hours", min=1, max=168, help=_("How long the code works."))
    ] = 72,
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    approval: ApprovalOpt = None,
) -> None:
    """Give an account a one-time code to choose a new passphrase."""
    from datetime import timedelta

    from caseterm.services.accounts.reset import reset_account
    from caseterm.services.words.labels import moment_label

    with unlocked(store, user, passphrase_file) as session:
        made = reset_account(session, name, timedelta(hours=valid_hours), approval=approval)
    typer.echo(_("One-time code for {name}:").format(name=name))
    typer.echo(f"    {made.code}")
    typer.echo(
        _(
            "Give it to {name} in person; it works once, until {moment}. At the next unlock "
            "{name} types it as the passphrase and then chooses a new passphrase. The old "
            "passphrase opens nothing any more."
        ).format(name=name, moment=moment_label(made.expires))
    )


@app.command("passwd", help=_("Change your own passphrase (the store itself is not rewritten)."))
@guarded
def passwd(
    store: StoreOpt = None,
    user: UserOpt = None,
    passphrase_file: PassphraseFileOpt = None,
    new_passphrase_file: NewPassphraseFileOpt = None,
    json: JsonOpt = False,
) -> None:
    """Change your own passphrase, or choose one with an administrator's one-time code."""
    from caseterm.errors import NewPassphraseNeeded
    from caseterm.services.accounts.manage import change_own_passphrase
    from caseterm.services.accounts.reset import redeem_reset_code
    from caseterm.services.keys.opening import open_session

    warn_if_unsafe_kdf()
    name, path = resolve_user(user), resolve_store(store)
    prompt = _("Passphrase (or one-time code) for {name}: ").format(name=name)
    current = read_passphrase(passphrase_file, prompt)
    try:
        session = open_session(path, name, current)
    except NewPassphraseNeeded:
        new = read_passphrase(
            new_passphrase_file, _("New passphrase: "), confirm=True, context=(name,)
        )
        session = redeem_reset_code(path, name, current, new)
    else:
        try:
            new = read_passphrase(
                new_passphrase_file, _("New passphrase: "), confirm=True, context=(name,)
            )
            change_own_passphrase(session, new)
        except BaseException:
            session.close()
            raise
    session.close()
    if json:
        print_json({"changed": True})
    else:
        typer.echo(_("The passphrase of {name} was changed.").format(name=name))


def parse_roles(texts: list[str]) -> tuple[Role, ...]:
    """Roles typed on the command line, each once, or a usage error naming the unknown one."""
    from caseterm.domain.codes import Role
    from caseterm.errors import UsageError

    try:
        return tuple(dict.fromkeys(Role.parse(text) for text in texts))
    except ValueError as exc:
        raise UsageError(_("Unknown role {role}.").format(role=exc)) from exc


def _role_words(roles: tuple[Role, ...]) -> str:
    """The roles in words ("cán bộ, Trưởng Công an xã")."""
    from caseterm.services.words.labels import code_label

    return ", ".join(code_label(role.value) for role in roles)
